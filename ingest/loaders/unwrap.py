"""Hard-wrapped PDF lines back into paragraphs (one per line), remembering where each page begins."""
from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One extracted text line and the height of its baseline on the page (None where unknown)."""

    text: str
    y: float | None = None


_CN_NUM = "一二三四五六七八九十百千零〇两"
_ARTICLE = rf"第[{_CN_NUM}\d]+[条章节编]"
_ITEM = (
    rf"[(（](?:[{_CN_NUM}]+|\d{{1,3}}|[a-zA-Z]|[ivxlc]+|[IVXLC]+)[)）]"  # （一） (1) (a) (iv)
    rf"|\d{{1,3}}[.．、](?!\d)|[{_CN_NUM}]+、"  # 1.  1、  一、 (but not 3.5)
)
# A line opening with one of these starts a new unit even when the line before does not end a sentence.
_STRUCTURAL = re.compile(rf"#|§|{_ARTICLE}(?:\s|$)|{_ITEM}")
_LABEL_ONLY = re.compile(rf"(?:{_ARTICLE}|{_ITEM})$")
_FINAL = tuple("。！？；：.!?;:")
_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-–—\s]*"  # 3  - 3 -  — 3 —  第 3 页
    r"|(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?",  # Page 3 of 10
    re.I,
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_GAP = 1.3  # a baseline step this many times the usual line pitch is a paragraph break
_LATIN_SLACK = 0.05  # proportional fonts make character counts a rough measure of width
_MIN_LINES = 5  # fewer lines than this on a page, and its widths say little


def unwrap_pages(pages: Sequence[Sequence[Line]]) -> tuple[str, tuple[int, ...]]:
    """Join hard-wrapped lines into one paragraph per line; return the text and the offset of each page."""
    cleaned = [_clean(page) for page in pages]
    fallback = _typical_width([line for page in cleaned for line in page])
    out = _Builder()
    for page in cleaned:
        typical = _typical_width(page) if len(page) >= _MIN_LINES else fallback
        pitch = _pitch(page)
        out.new_page()
        for i, line in enumerate(page):
            gap = i > 0 and pitch is not None and _is_gap(page[i - 1], line, pitch)
            out.add(line.text, typical=typical, gap=gap)
    return out.result()


@dataclass
class _Builder:
    """Accumulates the joined text and the page offsets."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    starts: list[int] = field(default_factory=list)
    pending: int = 0  # pages begun whose first line has not arrived yet
    prev: str = ""
    prev_typical: float = 0.0

    def new_page(self) -> None:
        """Note that a page begins at the next line added."""
        self.pending += 1

    def add(self, line: str, *, typical: float, gap: bool) -> None:
        """Append a line, joined to the previous one or on a line of its own."""
        if self.parts:
            sep = _separator(self.prev, line, typical=self.prev_typical, gap=gap)
            self.parts.append(sep)
            self.length += len(sep)
        self.starts.extend([self.length] * self.pending)
        self.pending = 0
        self.parts.append(line)
        self.length += len(line)
        self.prev, self.prev_typical = line, typical

    def result(self) -> tuple[str, tuple[int, ...]]:
        """The text and the page offsets (the first is always 0)."""
        starts = self.starts + [self.length] * self.pending
        if starts:
            starts[0] = 0
        return "".join(self.parts), tuple(starts)


def _separator(prev: str, line: str, *, typical: float, gap: bool) -> str:
    """'\\n' when `line` begins a new paragraph, else what joins it to `prev` ('' or ' ')."""
    if gap or _STRUCTURAL.match(line):
        return "\n"
    if _LABEL_ONLY.match(prev):
        return " "  # a label left alone on its line was followed by a space that the wrap swallowed
    joiner = _joiner(prev, line)
    if prev.endswith(_FINAL) and _fits(prev + joiner + _head(line), prev, typical):
        return "\n"  # the next word would have fitted, so the break was the author's, not the layout's
    return joiner


def _joiner(prev: str, line: str) -> str:
    """No space across Chinese text or a hyphenated word break, one space otherwise."""
    if _wide(prev[-1]) or _wide(line[0]):
        return ""
    if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[0].islower():
        return ""
    return " "


def _head(line: str) -> str:
    """The first thing the layout could have put on the previous line: a character or a word."""
    return line[0] if _wide(line[0]) else line.split(maxsplit=1)[0]


def _fits(candidate: str, prev: str, typical: float) -> bool:
    """Whether `candidate` is narrower than a full line, allowing for proportional Latin glyphs."""
    narrow_share = sum(1 for c in prev if not _wide(c)) / len(prev)
    return _width(candidate) <= typical * (1 - _LATIN_SLACK * narrow_share)


def _clean(page: Sequence[Line]) -> list[Line]:
    """Collapse spaces, drop blank lines, and drop a page number at the top or bottom of the page."""
    lines = [Line(_SPACES.sub(" ", line.text).strip(), line.y) for line in page]
    lines = [line for line in lines if line.text]
    for end in (-1, 0):
        if lines and _PAGE_NUMBER.fullmatch(lines[end].text):
            del lines[end]
    return lines


def _typical_width(lines: Sequence[Line]) -> float:
    """The width of a full line: the 90th percentile of line widths."""
    widths = sorted(_width(line.text) for line in lines)
    return float(widths[int(0.9 * (len(widths) - 1))]) if widths else 0.0


def _pitch(page: Sequence[Line]) -> float | None:
    """The usual baseline step between consecutive lines, or None where positions are unknown or odd."""
    heights = [line.y for line in page]
    steps = [a - b for a, b in itertools.pairwise(heights) if a is not None and b is not None and a > b]
    return statistics.median(steps) if len(steps) >= 3 else None


def _is_gap(prev: Line, line: Line, pitch: float) -> bool:
    """Whether the space above `line` is clearly more than a line's."""
    return prev.y is not None and line.y is not None and prev.y - line.y > _GAP * pitch


def _width(text: str) -> int:
    """Display width in half-width cells: CJK and full-width characters count two."""
    return sum(2 if _wide(c) else 1 for c in text)


def _wide(char: str) -> bool:
    """True for CJK and other full-width characters."""
    return unicodedata.east_asian_width(char) in ("W", "F")
