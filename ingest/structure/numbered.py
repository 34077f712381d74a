"""Numbered prose (the seed's style and the fallback): `1.` sections, lead-ins ending in ':',
`(1)` items with continuation paragraphs, and plain paragraphs when there is no numbering."""
from __future__ import annotations

import re

from ingest.structure.markers import DOTTED, PAREN, heading_depth, starts_unit
from ingest.structure.paragraphs import Paragraph
from ingest.structure.tree import TEXT, Mark, Node

SECTION, LEAD, ITEM = 1.0, 2.0, 3.0
_WORD_SECTION = re.compile(r"^(Article|Section|Rule|Part)\s+(\d+[A-Za-z]?)\b\.?", re.I)
_LEAD_END = re.compile(r"[:：]$")
_TITLE_MAX = 200


def _is_item(text: str) -> bool:
    return bool(PAREN.match(text)) and not heading_depth(text)


def _lead_ins(paras: list[Paragraph]) -> list[bool]:
    """A paragraph ending in a colon leads in when items (or more lead-ins) follow it."""
    lead = [False] * len(paras)
    for i in range(len(paras) - 2, -1, -1):
        text = paras[i].text
        if _LEAD_END.search(text) and not starts_unit(text):
            nxt = paras[i + 1].text
            lead[i] = _is_item(nxt) or lead[i + 1]
    return lead


def _is_title(paras: list[Paragraph]) -> bool:
    first = paras[0].text
    return (len(paras) > 1 and len(first) <= _TITLE_MAX and not starts_unit(first)
            and not _LEAD_END.search(first) and not first.endswith("."))


class Numbered:
    """Rules for numbered prose and for text with no recognisable numbering."""

    name = "numbered"

    def marks(self, paras: list[Paragraph]) -> list[Mark]:
        if not paras:
            return []
        lead = _lead_ins(paras)
        marks = [self._mark(p.text, lead[i]) for i, p in enumerate(paras)]
        if marks[0].kind == "text" and _is_title(paras):
            marks[0] = Mark("title")
        return marks

    def _mark(self, text: str, lead: bool) -> Mark:
        depth = heading_depth(text)
        skip = depth + 1 if depth else 0
        if depth:
            return Mark("heading", level=float(depth) / 10, skip=skip)
        word = _WORD_SECTION.match(text)
        if word:
            return Mark("unit", SECTION, word.group(0), f"s{word.group(2).lower()}", "section")
        dotted = DOTTED.match(text)
        if dotted:
            number = dotted.group(1)
            level = SECTION + number.count(".") / 10
            return Mark("unit", level, dotted.group(0), f"s{number}", "section")
        paren = PAREN.match(text)
        if paren:
            return Mark("unit", ITEM, f"({paren.group(1)})", paren.group(1), "item")
        if lead:
            return Mark("lead", LEAD, unit="lead")
        return TEXT

    def title(self, parts: list[str]) -> str:
        return parts[0] if parts else ""

    def number(self, node: Node) -> str:
        return node.mark.number

    def cite(self, node: Node, title: str) -> str:
        parts = [_cite_part(n) for n in node.ancestors() + [node]]
        where = ", ".join(p for p in parts if p)
        return f"{title}, {where}" if where and title else (where or title)


def _cite_part(node: Node) -> str:
    """'section 1', 'list 3' (only where a section has several lists), 'item (2)'."""
    if node.mark.kind == "lead":
        siblings = [c for c in (node.parent.children if node.parent else []) if c.mark.kind == "lead"]
        return f"list {siblings.index(node) + 1}" if len(siblings) > 1 else ""
    number = node.mark.number.strip()
    if node.mark.unit == "section":
        return f"section {number.rstrip('.')}" if number[:1].isdigit() else number
    return f"item {number}" if number else ""
