"""How a clause becomes the text that is embedded and the terms that are indexed.

Measured on ObliQA dev (bench/RESULTS.md): the dense model does best on the clause's own words, while
BM25 gains from the heading path. A numbered item means little without its lead-in ("…shall fulfil the
following duties:"), so an item's dense text starts with its nearest heading.
"""
from __future__ import annotations

import hashlib

from ingest.types import Clause

EMBED_RECIPE = "v3: dense = text (items: nearest heading | text); lexical = headings + text"
_NEEDS_LEAD_IN = {"item", "paragraph", "subparagraph", "clause", "subclause", "subitem"}


def embed_text(clause: Clause) -> str:
    """The text the dense model sees for a clause."""
    if clause.kind in _NEEDS_LEAD_IN and clause.headings:
        return f"{clause.headings[-1]} | {clause.text}"
    return clause.text


def lexical_text(clause: Clause) -> str:
    """The text the lexical index sees for a clause (a number alone is noise: questions naming a clause
    are answered by reference lookup, not by matching digits)."""
    return " ".join([*clause.headings, clause.text])


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
