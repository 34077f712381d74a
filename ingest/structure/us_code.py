"""US Code chapters in markdown: `#### § NNN.` sections, then (a) / (1) / (A) / (i) / (I) / (aa)."""
from __future__ import annotations

import re

from ingest.structure.markers import PAREN, US_SECTION, heading_depth
from ingest.structure.paragraphs import Paragraph
from ingest.structure.tree import TEXT, Mark, Node

SECTION = 4.0
_KIND = {5.0: "subsection", 6.0: "paragraph", 7.0: "subparagraph", 8.0: "clause",
         9.0: "subclause", 10.0: "item", 11.0: "subitem", 12.0: "subitem", 13.0: "subitem"}
_TITLE_NO = re.compile(r"^Title\s+(\d+)", re.I)
_LOWER_ROMAN, _UPPER_ROMAN = set("ivxlc"), set("IVXLC")


def looks_like(paras: list[Paragraph]) -> bool:
    """True when the text has markdown `§` section headings."""
    return any(heading_depth(p.text) and US_SECTION.match(p.text) for p in paras)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(mark: str) -> int:
    values = [_ROMAN[ch] for ch in mark.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _previous_letter(mark: str) -> str:
    return chr(ord(mark) - 1)


class _State:
    def __init__(self) -> None:
        self.last: dict[float, str] = {}
        self.current = 0.0
        self.in_body = False

    def level_of(self, mark: str) -> float:
        """Depth of a parenthesised mark, telling roman numerals from letters by what came before."""
        if mark.isdigit():
            return 6.0
        if len(mark) > 1 and len(set(mark)) == 1 and mark.isalpha():
            # (aa) items, (AA) subitems, (aaa) below them; (ii), (iii), (xx) may be roman
            level = 10.0 + (0 if mark.islower() else 1) + 2 * (len(mark) - 2)
            previous = _previous_letter(mark[0]) * len(mark)
            if not set(mark) <= (_LOWER_ROMAN | _UPPER_ROMAN) or self.last.get(level) == previous:
                return level
        if mark.islower():
            return self._letter_or_roman(mark, 5.0, 8.0, _LOWER_ROMAN)
        return self._letter_or_roman(mark, 7.0, 9.0, _UPPER_ROMAN)

    def _letter_or_roman(self, mark: str, letter: float, roman: float, numerals: set[str]) -> float:
        if not set(mark) <= numerals:
            return letter
        follows_letter = len(mark) == 1 and self.last.get(letter) == _previous_letter(mark)
        inside_deeper = self.current > letter + 1 or self.current == roman
        last_roman = self.last.get(roman)
        continues_roman = _roman_value(mark) == (_roman_value(last_roman) + 1 if last_roman else 1)
        if follows_letter and not (inside_deeper and continues_roman):  # '(c)' after '(i)' is a letter
            return letter
        if len(mark) > 1 or mark in ("i", "I") or self.last.get(roman):
            return roman
        return letter

    def enter(self, level: float, mark: str) -> None:
        self.last = {lv: m for lv, m in self.last.items() if lv <= level}
        self.last[level] = mark
        self.current = level


class USCode:
    """Rules for US Code chapters rendered as markdown."""

    name = "us-code"

    def __init__(self) -> None:
        self.code_title = ""

    def marks(self, paras: list[Paragraph]) -> list[Mark]:
        state = _State()
        return [self._mark(p.text, state) for p in paras]

    def _mark(self, text: str, st: _State) -> Mark:
        depth = heading_depth(text)
        skip = depth + 1 if depth else 0
        section = US_SECTION.match(text)
        if section and depth:
            st.last, st.current, st.in_body = {}, SECTION, True
            number = f"§ {section.group(1)}"
            return Mark("unit", SECTION, number, f"s{section.group(1)}", "section", skip)
        paren = PAREN.match(text)
        if paren and st.in_body:
            mark = paren.group(1)
            # a marked-up heading with one small letter is a subsection, even after a gap
            level = 5.0 if depth and len(mark) == 1 and mark.islower() else st.level_of(mark)
            st.enter(level, mark)
            return Mark("unit", level, f"({mark})", mark, _KIND[level], skip)
        if depth:
            return self._heading(text[skip:], depth, st)
        return TEXT

    def _heading(self, text: str, depth: int, st: _State) -> Mark:
        if not st.in_body:
            found = _TITLE_NO.match(text)
            if found:
                self.code_title = found.group(1)
            return Mark("title", skip=depth + 1)
        return Mark("heading", level=min(float(depth), SECTION - 0.5), skip=depth + 1)

    def title(self, parts: list[str]) -> str:
        if not parts:
            return ""
        # the chapter names the document; the title and subtitle above it say where it sits
        return f"{parts[-1]} ({', '.join(parts[:-1])})" if len(parts) > 1 else parts[0]

    def number(self, node: Node) -> str:
        chain = [a for a in node.ancestors() if a.mark.number] + [node]
        return "".join(n.mark.number for n in chain)

    def cite(self, node: Node, title: str) -> str:
        number = self.number(node)
        return f"{self.code_title} U.S.C. {number}" if self.code_title else number
