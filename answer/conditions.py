"""Duties a Chinese clause gives to different parties by condition, and the party a question's condition picks.

Two forms are common in regulations: a threshold ("预计参加人数在1000人以上5000人以下的，由县级人民政府公安机关……；
5000人以上的，由设区的市级人民政府公安机关……") and a list assigned respectively ("重大事故、较大事故、一般事故分别由
省级人民政府、设区的市级人民政府、县级人民政府负责调查"). A question that gives a number ("预计8000人参加") or names
one item ("较大事故") gets the party of that condition; anything less certain is left to the usual choice.
"""
from __future__ import annotations

import math
import re

from ingest.actors import explicit_actors
from ingest.actors.zh import named_by
from ingest.types import Clause

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_POWERS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_NUMBER = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
_UNITS = r"(万元|元|人|吨|公斤|千克|立方米|平方米|米|层|辆|个)"
_QUANTITY = re.compile(_NUMBER + r"\s*(?:多|余)?" + _UNITS)


def _number(text: str) -> float:
    """'8000' → 8000, '一百' → 100, '三千五百' → 3500, '十' → 10."""
    if text[0].isdigit():
        return float(text)
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch == "万":
            total += (section + digit) * 10000
            section = digit = 0
        elif ch in _POWERS:
            section += (digit or 1) * _POWERS[ch]
            digit = 0
    return float(total + section + digit)


def _range(segment: str, unit: str) -> tuple[float, float] | None:
    """The span of `unit` a condition states: 'A人以上B人以下' → (A, B), 'A人以上' → (A, ∞), 'A人以下' / '不足A人'."""
    n, u = _NUMBER, re.escape(unit)
    if m := re.search(rf"{n}\s*{u}以上(?:、|，)?{n}\s*{u}(?:以下|以内)", segment):
        return _number(m.group(1)), _number(m.group(2))
    if m := re.search(rf"{n}\s*{u}以上", segment):
        return _number(m.group(1)), math.inf
    if m := re.search(rf"(?:{n}\s*{u}(?:以下|以内))|(?:不足|少于){n}\s*{u}", segment):
        return 0.0, _number(m.group(1) or m.group(2))
    return None


def by_quantity(question: str, clause: Clause) -> list[str]:
    """For a clause that gives a duty to different parties by a threshold, the party of the one condition
    whose range holds the number the question gives ('预计8000人参加' → the '5000人以上' part)."""
    if clause.lang != "zh" or not (asked := _QUANTITY.search(question)):
        return []
    value, unit = _number(asked.group(1)), asked.group(2)
    holding = []
    for segment in re.split(r"[；;。]", clause.text):
        span = _range(segment, unit)
        if span and span[0] <= value <= span[1]:
            holding.append(segment)
    if len(holding) != 1:
        return []
    segment = holding[0]
    return named_by(segment) or explicit_actors(segment, "zh")


_RESPECTIVELY = re.compile(r"(?P<items>[^，。；：]+?)分别由(?P<parties>[^，。；]+?)"
                           r"(?=负责|组织|实施|作出|进行|审批|批准|决定|办理|核发|颁发|处|依照|按照)")
_SHARED_HEAD = re.compile(r"(?:人民政府|人民法院|人民检察院|公安机关|机关|部门)$")


def _split_list(text: str) -> list[str]:
    """'省、设区的市、县（市、区）人民政府' cut at 、 outside brackets."""
    out, depth, word = [], 0, ""
    for ch in text:
        depth += (ch in "（(") - (ch in "）)")
        if ch == "、" and depth == 0:
            out.append(word)
            word = ""
        else:
            word += ch
    return [w for w in (*out, word) if w]


def respectively(question: str, clause: Clause) -> list[str]:
    """The party a "A、B、C分别由X、Y、Z负责" list gives the one item the question names ('较大事故' → Y); the
    head the last party shares is given to the others ('省、设区的市、县人民政府' → '省人民政府' …)."""
    if clause.lang != "zh":
        return []
    for m in _RESPECTIVELY.finditer(clause.text):
        items, parties = _split_list(m.group("items")), _split_list(m.group("parties"))
        if len(items) != len(parties) or len(items) < 2:
            continue
        head = _SHARED_HEAD.search(parties[-1])
        if head:
            parties = [p if _SHARED_HEAD.search(p) else p + head.group(0) for p in parties]
        named = [i for i, item in enumerate(items) if _names_alone(question, item, clause.text)]
        if len(named) == 1:
            return [parties[named[0]]]
    return []


def _names_alone(question: str, item: str, text: str) -> bool:
    """The question names `item` itself, not a longer phrase of the clause that ends in it ('特别重大事故' is not
    '重大事故')."""
    at = question.find(item)
    while at >= 0:
        if not any(question[at - k:at + len(item)] in text for k in range(1, min(at, 4) + 1)):
            return True
        at = question.find(item, at + 1)
    return False
