"""Small text facts shared by ingest and index: language, Chinese numerals, sentence ends."""
from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二三四五六七八九十百千两"


def lang_of(text: str) -> str:
    """'zh' when Chinese characters make up a fair share of the letters, else 'en'."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk == 0:
        return "en"
    # one CJK character carries about as much as a short English word
    return "zh" if cjk * 3 >= latin else "en"


def cn_to_int(numeral: str) -> int:
    """Value of a Chinese numeral such as '一百一十九' or '二十'; ValueError if not one."""
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(ch not in _DIGITS and ch not in _UNITS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    total, digit = 0, None
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


def int_to_cn(value: int) -> str:
    """Chinese numeral for 1..9999 as used in article numbers: 10 -> '十', 119 -> '一百一十九'."""
    if not 0 < value < 10000:
        raise ValueError(f"out of range: {value}")
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, value = divmod(value, unit)
        if d:
            if zero:
                parts.append("零")
            parts.append(digits[d] + name)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=\.)\s+(?=[A-Z(“\"])")


def sentences(text: str) -> list[str]:
    """Split text into sentences on Chinese and English sentence punctuation."""
    return [s for s in (p.strip() for p in SENTENCE_END.split(text)) if s]


def clause_sentences(text: str) -> list[str]:
    """A clause's sentences, paragraph by paragraph."""
    return [s for para in text.split("\n") for s in sentences(para)]
