"""Chinese laws and regulations: 编/章/节 headings, 第N条 articles with 款 paragraphs, （一） items."""
from __future__ import annotations

import re

from ingest.structure.markers import ZH_ARTICLE, ZH_ITEM, ZH_PART, heading_depth
from ingest.structure.paragraphs import Paragraph
from ingest.structure.tree import SKIP, TEXT, Mark, Node
from ingest.text import cn_to_int, int_to_cn

_LEVEL = {"编": 1.0, "章": 2.0, "节": 3.0}
ARTICLE, ITEM = 4.0, 5.0
_ENUM = re.compile(r"^([一二三四五六七八九十]+)、")
_MARKUP = re.compile(r"^<!--.*-->$")


def looks_like(paras: list[Paragraph]) -> bool:
    """True when at least two paragraphs open with 第N条 or a Chinese 一、 enumeration."""
    hits = sum(1 for p in paras if ZH_ARTICLE.match(p.text) or _ENUM.match(p.text))
    return hits >= 2


class _State:
    """Where the reader is: the open article, its 款 count, whether items began."""

    def __init__(self) -> None:
        self.article: int | None = None  # the open article
        self.last: int | None = None  # the last article seen, across headings
        self.article_number = ""
        self.paras = 0
        self.items = False
        self.body = False
        self.loose = 0


class ChineseLaw:
    """Rules for Chinese statutes, regulations and provisions."""

    name = "zh-law"

    def marks(self, paras: list[Paragraph]) -> list[Mark]:
        state = _State()
        return [self._mark(i, p, state) for i, p in enumerate(paras)]

    def _mark(self, i: int, p: Paragraph, st: _State) -> Mark:
        text = p.text
        if _MARKUP.match(text):
            return SKIP
        depth = heading_depth(text)
        if i == 0 and (depth == 1 or _bare_title(text)):
            return Mark("title", skip=depth and depth + 1)
        part = ZH_PART.match(text)
        if part:
            st.article, st.body = None, True
            return Mark("heading", level=_LEVEL[part.group(2)], skip=depth and depth + 1)
        if depth:
            st.article, st.body = None, True
            return Mark("heading", level=float(depth), skip=depth + 1)
        return self._body_mark(text, st)

    def _body_mark(self, text: str, st: _State) -> Mark:
        art = ZH_ARTICLE.match(text)
        if art and _in_sequence(st.last, art):
            st.article = st.last = cn_to_int(art.group(1))
            st.article_number = art.group(0)
            st.paras, st.items, st.body = 1, False, True
            key = f"a{st.article}" + (f"-{cn_to_int(art.group(2))}" if art.group(2) else "")
            return Mark("unit", ARTICLE, art.group(0), key, "article")
        enum = _ENUM.match(text)
        if enum and st.article is None:
            st.body = True
            return Mark("unit", ARTICLE, enum.group(0), f"s{cn_to_int(enum.group(1))}", "section")
        item = ZH_ITEM.match(text)
        if item and st.body:
            st.items = True
            return Mark("unit", ITEM, item.group(0), f"i{cn_to_int(item.group(1))}", "item")
        return self._text_mark(st)

    def _text_mark(self, st: _State) -> Mark:
        if st.article is not None:
            st.paras += 1
            if st.items:  # a paragraph after the items is the article's next 款
                return Mark("unit", ITEM, st.article_number, f"p{st.paras}", "paragraph")
            return TEXT
        if not st.body:
            st.body = True
            return Mark("unit", ARTICLE, "", "preamble", "preamble")
        return TEXT

    def title(self, parts: list[str]) -> str:
        return parts[0] if parts else ""

    def number(self, node: Node) -> str:
        return node.mark.number

    def cite(self, node: Node, title: str) -> str:
        return f"《{title}》{self.pinpoint(node)}" if title else self.pinpoint(node)

    def pinpoint(self, node: Node) -> str:
        """The 条/款/项 part of the citation, e.g. 第十条第二款第三项."""
        if node.mark.unit == "article":
            many = _paragraph_count(node) > 1
            return node.mark.number + ("第一款" if many and node.children else "")
        article = node.parent
        if article is None or article.mark.unit != "article":
            return node.mark.number.rstrip("、")
        many = _paragraph_count(article) > 1
        if node.mark.unit == "paragraph":
            return f"{article.mark.number}第{_cn(node.mark.key[1:])}款"
        kuan = f"第{_cn(str(len(article.paras)))}款" if many else ""
        return f"{article.mark.number}{kuan}第{_cn(node.mark.key[1:])}项"


def _cn(digits: str) -> str:
    """The number in Chinese numerals, as citations write it; as written when outside 1..9999 ('（零）')."""
    value = int(digits)
    return int_to_cn(value) if 0 < value < 10000 else digits


def _bare_title(text: str) -> bool:
    """A short first line with no numbering and no sentence punctuation reads as a title."""
    return len(text) <= 60 and not re.search(r"[。；：，]", text) and not ZH_ARTICLE.match(text)


def _paragraph_count(article: Node) -> int:
    return len(article.paras) + sum(1 for c in article.children if c.mark.unit == "paragraph")


def _in_sequence(last: int | None, match: re.Match[str]) -> bool:
    """An article number continues the sequence; a cross-reference at a line start does not."""
    number = cn_to_int(match.group(1))
    if last is None:
        return True
    if match.group(2):
        return number == last
    return last < number <= last + 3
