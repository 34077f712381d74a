"""The records that flow from files to the index: Document, Clause, Actor, IngestError."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

UNIT_SEPARATOR = "\n\n"  # between the texts of pre-split units in Document.text


class IngestError(Exception):
    """A file that cannot be ingested, with the reason in one line."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Actor:
    """Who must act on a clause: the words as written, a canonical name, and how it was found."""

    text: str
    canonical: str
    level: str = ""
    # explicit | inherited | reference | general (the law's general provision names who imposes a fine) | bound (the
    # party a law holds liable for violating the mandatory standard the clause is one of)
    how: str = "explicit"
    successor: str = ""
    source: str = ""  # for `general` and `bound`: the clause id of the provision that names it


@dataclass(frozen=True)
class Unit:
    """A clause unit that arrived already split (a line of a .jsonl file)."""

    clause_id: str
    text: str
    number: str = ""
    headings: tuple[str, ...] = ()
    page: int | None = None


@dataclass(frozen=True)
class Document:
    """A loaded file: its text, where each page starts, and what it was read as."""

    doc_id: str
    title: str
    text: str
    path: str
    sha256: str
    encoding: str = "utf-8"
    page_starts: tuple[int, ...] = ()
    units: tuple[Unit, ...] | None = None  # pre-split files carry their units
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    def page_at(self, offset: int) -> int | None:
        """Page number (1-based) holding the character at `offset`, or None for unpaged text."""
        if not self.page_starts:
            return None
        return max(bisect_right(self.page_starts, offset), 1)


@dataclass(frozen=True)
class Clause:
    """One clause unit: an article, paragraph or item with the headings above it."""

    clause_id: str
    doc_id: str
    title: str
    number: str
    headings: tuple[str, ...]
    text: str
    span: tuple[int, int]
    lang: str
    kind: str = "article"
    page: int | None = None
    cite: str = ""
    paragraphs: tuple[tuple[int, int], ...] = ()  # offsets of each paragraph (款) inside `text`
    actors: tuple[Actor, ...] = ()
    refs: tuple[str, ...] = ()
