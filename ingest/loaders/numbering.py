"""Word list numbering: the label ("(1)", "（一）", "a.") that Word draws before a numbered paragraph."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

_LEVELS = 9
_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"}
_UNLABELLED = {"bullet", "none"}
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class _Level:
    """One level of a list definition (w:lvl)."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False  # w:isLgl: every number in the label drawn as decimal


class Numbering:
    """The numbering definitions of a document, counting paragraphs per list as Word does."""

    def __init__(self, element: Any | None) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}  # abstractNumId -> levels
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self._counters: dict[str, list[int | None]] = {}  # abstractNumId -> the current number per level
        self._seen: set[str] = set()
        if element is not None:
            self._read(element)

    def prefix(self, num_id: str, ilvl: int) -> str:
        """Label and separator for the next paragraph of list `num_id` at level `ilvl` ('' if none)."""
        if num_id not in self._nums or not 0 <= ilvl < _LEVELS:
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._levels.get(abstract_id, {})
        counters = self._counters.setdefault(abstract_id, [None] * _LEVELS)
        if num_id not in self._seen:  # Word's "restart numbering" is a new list instance with start overrides
            self._seen.add(num_id)
            for lvl in overrides:
                counters[lvl] = None
        level = levels.get(ilvl, _Level())
        current = counters[ilvl]
        counters[ilvl] = overrides.get(ilvl, level.start) if current is None else current + 1
        counters[ilvl + 1:] = [None] * (_LEVELS - ilvl - 1)
        label = "" if level.fmt in _UNLABELLED else self._render(level, levels, counters, overrides)
        if not label or level.suffix == "nothing" or _is_wide(label[-1]):
            return label
        return label + " "

    def _render(self, level: _Level, levels: dict[int, _Level], counters: list[int | None],
                overrides: dict[int, int]) -> str:
        """Fill the level text's %1..%9 with the numbers of those levels."""
        def number(match: re.Match[str]) -> str:
            lvl = int(match.group(1)) - 1
            ref = levels.get(lvl, _Level())
            value = counters[lvl]
            value = overrides.get(lvl, ref.start) if value is None else value
            return format_number(value, "decimal" if level.legal else ref.fmt)

        return _PLACEHOLDER.sub(number, level.text)

    def _read(self, element: Any) -> None:
        """Collect the list definitions (w:abstractNum) and the list instances (w:num)."""
        for abstract in element.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                levels[_int(lvl.get(qn("w:ilvl")), 0)] = _Level(
                    fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") or "",
                    start=_int(_val(lvl, "w:start"), 1),
                    suffix=_val(lvl, "w:suff") or "tab",
                    legal=lvl.find(qn("w:isLgl")) is not None,
                )
            self._levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in element.iterchildren(qn("w:num")):
            overrides = {
                _int(override.get(qn("w:ilvl")), 0): _int(_val(override, "w:startOverride"), 1)
                for override in num.iterchildren(qn("w:lvlOverride"))
                if override.find(qn("w:startOverride")) is not None
            }
            overrides = {lvl: start for lvl, start in overrides.items() if 0 <= lvl < _LEVELS}
            self._nums[num.get(qn("w:numId"), "")] = (_val(num, "w:abstractNumId") or "", overrides)


def format_number(value: int, fmt: str) -> str:
    """A list number in one of Word's number formats (w:numFmt); unknown formats fall back to decimal."""
    formatter = _FORMATS.get(fmt)
    return (formatter(value) if formatter is not None and value > 0 else None) or str(value)


def _letters(value: int) -> str | None:
    """Word's letter numbering: a ... z, aa, bb ... (None past 'zzzzzzzzzz', where it turns absurd)."""
    repeat = (value - 1) // 26 + 1
    return chr(ord("a") + (value - 1) % 26) * repeat if repeat <= 10 else None


def _enclosed(first: int) -> Callable[[int], str | None]:
    """Numbering by Unicode's enclosed numbers (①, ⑴, ⒈), which stop at 20."""
    return lambda value: chr(first + value - 1) if value <= 20 else None


def chinese_count(value: int) -> str:
    """A number in Chinese counting style: 1 一, 10 十, 11 十一, 20 二十, 101 一百零一."""
    if not 0 < value < 10_000:
        return str(value)
    out = ""
    rest = value
    zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, rest = divmod(rest, unit_value)
        if digit:
            lead = "" if unit_value == 10 and digit == 1 and not out else _DIGITS[digit]
            out += ("零" if zero else "") + lead + unit
            zero = False
        elif out:
            zero = True
    return out + (("零" if zero else "") + _DIGITS[rest] if rest else "")


def _roman(value: int) -> str | None:
    """Lower-case Roman numerals (None from 4000 on, which they cannot write)."""
    if value >= 4000:
        return None
    out = ""
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out += letters * count
    return out


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_FORMATS: dict[str, Callable[[int], str | None]] = {
    "decimalZero": lambda value: f"{value:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda value: (_letters(value) or "").upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda value: (_roman(value) or "").upper(),
    "ideographTraditional": lambda value: _STEMS[(value - 1) % 10],
    "ideographZodiac": lambda value: _BRANCHES[(value - 1) % 12],
    "ideographDigital": lambda value: "".join(_DIGITS[int(d)] for d in str(value)),
    "decimalEnclosedCircle": _enclosed(0x2460),
    "decimalEnclosedCircleChinese": _enclosed(0x2460),
    "decimalEnclosedParen": _enclosed(0x2474),
    "decimalEnclosedFullstop": _enclosed(0x2488),
    "decimalFullWidth": lambda value: str(value).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda value: str(value).translate(_FULL_WIDTH),
    **{fmt: chinese_count for fmt in _CHINESE_FORMATS},
}


def _val(element: Any, tag: str) -> str | None:
    """The w:val attribute of `element`'s first `tag` child."""
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _int(text: str | None, default: int) -> int:
    """An integer attribute, or the default when it is missing or malformed."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _is_wide(char: str) -> bool:
    """True for full-width characters, after which no space is drawn."""
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
