"""HTML files: the visible text, one line per block element, never any markup."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import CData, NavigableString, Tag

from ingest.loaders.decoding import decode_text
from ingest.loaders.files import brief, make_document
from ingest.types import Document, IngestError

_DROP = {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul",
}
_CELLS = {"td", "th"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\u00a0]+")
_BREAK = "\n"
_BREAK_MARK = object()  # stands on the stack for "a block element ends here"


def load_html(path: Path, data: bytes, *, max_bytes: int) -> Document:
    """Load an .html or .htm file."""
    text, encoding = decode_text(data, path, declared=_declared_charset(data))
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as exc:  # the parser is third-party code fed arbitrary text
        raise IngestError(path, f"cannot parse the HTML: {brief(exc)}") from exc
    return make_document(path, data, text=_visible_text(soup), title=_title(soup), encoding=encoding)


def _declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag or XML declaration names near the start of the file."""
    head = data[:4096]
    match = _CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def _title(soup: BeautifulSoup) -> str:
    """The <title>, else the first <h1>."""
    for tag in (soup.find("title"), soup.find("h1")):
        if isinstance(tag, Tag):
            title = _SPACE.sub(" ", tag.get_text()).strip()
            if title:
                return title
    return ""


def _visible_text(soup: BeautifulSoup) -> str:
    """Text with one line per block element; whitespace collapsed as a browser does, except in <pre>."""
    parts: list[str] = []
    # An explicit stack instead of recursion: real pages nest deep enough to hit Python's recursion limit.
    stack: list[tuple[object, bool]] = [(child, False) for child in reversed(soup.contents)]
    while stack:
        node, in_pre = stack.pop()
        if node is _BREAK_MARK:
            parts.append(_BREAK)
        elif isinstance(node, Tag):
            stack.extend(_open(node, in_pre, parts))
        elif type(node) in (NavigableString, CData):
            text = str(node)
            parts.append(text.replace("\r\n", "\n") if in_pre else _SPACE.sub(" ", text))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _open(tag: Tag, in_pre: bool, parts: list[str]) -> list[tuple[object, bool]]:
    """What to push for a tag: its children (reversed, for the stack), bracketed by breaks for blocks."""
    name = tag.name.lower()
    if name in _DROP:
        return []
    if name == "br":
        parts.append(_BREAK)
        return []
    if name in _CELLS:
        parts.append(" ")
    in_pre = in_pre or name == "pre"
    children: list[tuple[object, bool]] = [(child, in_pre) for child in reversed(tag.contents)]
    if name in _BLOCKS:
        parts.append(_BREAK)
        return [(_BREAK_MARK, in_pre), *children]
    return children
