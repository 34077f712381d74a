"""The numbering marks that open a structural unit, shared by every family."""
from __future__ import annotations

import re

_CN = "零〇一二三四五六七八九十百千两"
_GAP = r"(?=[\s\u3000]|$)"

_NUMBER = rf"(\d+|[{_CN}]+)"  # digits or Chinese numerals, never a mix ('第一1条' is no article)
ZH_PART = re.compile(rf"^(?:#+\s*)?第{_NUMBER}(编|章|节){_GAP}")
ZH_ARTICLE = re.compile(rf"^第{_NUMBER}条(?:之([{_CN}]+))?{_GAP}")
ZH_ITEM = re.compile(rf"^[（(]([{_CN}]+)[）)]")
US_SECTION = re.compile(r"^(?:#+\s*)?§+\s*(\d+[A-Za-z]*(?:[-–]\d+[A-Za-z]*)?)\.?")
PAREN = re.compile(r"^(?:#+\s*)?\(([a-z]{1,3}|[A-Z]{1,3}|\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6})\)")
DOTTED = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)[.．、]?(?=\s)")
HASHES = re.compile(r"^(#+)\s*")

_ANY = (ZH_PART, ZH_ARTICLE, ZH_ITEM, US_SECTION, PAREN, DOTTED)


def starts_unit(line: str) -> bool:
    """True when the line begins with a structural numbering mark."""
    return any(p.match(line) for p in _ANY)


def strip_hashes(line: str) -> tuple[str, int]:
    """The line without markdown heading marks, and how many characters they took."""
    m = HASHES.match(line)
    return (line[m.end():], m.end()) if m else (line, 0)


def heading_depth(line: str) -> int:
    """Markdown heading depth of the line (0 for body text)."""
    m = HASHES.match(line)
    return len(m.group(1)) if m else 0
