"""Cut a document's text into paragraphs with exact spans, before any structure is known."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.structure.markers import starts_unit

_BLANK = re.compile(r"\n[ \t\u3000]*\n")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the source: its stripped text and where that text sits."""

    start: int
    end: int
    text: str


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, trimmed of surrounding whitespace."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _uses_blank_lines(text: str, n_lines: int) -> bool:
    """True when blank lines separate paragraphs, so a line break alone is a soft wrap."""
    return len(_BLANK.findall(text)) * 4 >= n_lines


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of `text`: lines, or blank-line blocks whose wrapped lines are joined."""
    spans = _lines(text)
    if not _uses_blank_lines(text, len(spans)):
        return [Paragraph(s, e, text[s:e]) for s, e in spans]
    out: list[Paragraph] = []
    prev_end = -1
    for s, e in spans:
        line = text[s:e]
        joined = (
            out
            and "\n" not in text[prev_end:s].replace("\n", "", 1)  # no blank line between
            and not line.startswith("#")
            and not out[-1].text.startswith("#")
            and not starts_unit(line)
        )
        if joined:
            last = out[-1]
            out[-1] = Paragraph(last.start, e, text[last.start:e])
        else:
            out.append(Paragraph(s, e, line))
        prev_end = e
    return out
