"""Word .docx files: one paragraph per line, tables in document order, list numbers written out."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from ingest.loaders.files import brief, make_document, megabytes
from ingest.loaders.numbering import Numbering
from ingest.types import Document, IngestError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_EXPANDED = 500_000_000
_EXPANSION = 20  # a DOCX rarely expands to more than a few times its size; images do not compress at all
_HEADINGS = {"title", "heading1", "heading2", "heading3", "heading4", "heading5", "heading6"}
_STYLE_DEPTH = 10  # basedOn chains are short; a cycle must not loop forever
_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
         qn("w:noBreakHyphen"): "-"}
# Not part of the paragraph's own text: text boxes (their paragraphs come separately), deleted revisions,
# property blocks, and the fallback copy of alternate content.
_SKIP = {qn("w:txbxContent"), qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"),
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def load_docx(path: Path, data: bytes, *, max_bytes: int) -> Document:
    """Load a .docx file."""
    _check_archive(path, data, limit=min(_EXPANSION * max_bytes, _MAX_EXPANDED))
    try:
        document = docx.Document(io.BytesIO(data))
        lines = _lines(document)
        title = document.core_properties.title or ""
    except Exception as exc:  # python-docx and lxml raise many types (KeyError, ValueError, XMLSyntaxError)
        raise IngestError(path, f"not a DOCX (damaged or not a Word document): {brief(exc)}") from exc
    return make_document(path, data, text="\n".join(lines), title=title, encoding="utf-8")


def _check_archive(path: Path, data: bytes, *, limit: int) -> None:
    """Refuse what is not a zip, is an old binary .doc, or would expand past `limit` (a zip bomb)."""
    if data.startswith(_OLE_MAGIC):
        raise IngestError(path, "not a DOCX: an old .doc file or a password-protected document")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise IngestError(path, "not a DOCX (not a zip archive)") from exc
    except Exception as exc:  # zipfile raises assorted types (NotImplementedError, struct.error) on damage
        raise IngestError(path, f"not a DOCX (damaged zip archive: {brief(exc)})") from exc
    if "[Content_Types].xml" not in {member.filename for member in members}:
        raise IngestError(path, "not a DOCX (a zip archive, but not an Office document)")
    expanded = sum(member.file_size for member in members)
    if expanded > limit:
        raise IngestError(path, f"DOCX expands to more than {megabytes(limit)} (zip bomb?)")


def _lines(document: Any) -> list[str]:
    """The text of each non-empty paragraph in document order, table cells included, list labels prefixed."""
    numbering = Numbering(_numbering_element(document))
    styles = _Styles(document.styles.element)
    txbx = qn("w:txbxContent")
    lines: list[str] = []
    for p in document.element.body.iter(qn("w:p")):
        if any(ancestor.tag == txbx for ancestor in p.iterancestors()):
            continue  # Word stores each text box twice (drawing and fallback); leave both out
        text = _paragraph_text(p).strip()
        number = _paragraph_number(p, styles)
        label = numbering.prefix(*number) if number is not None else ""  # empty items count too, as in Word
        if text:
            lines.extend(line.strip() for line in (label + text).split("\n") if line.strip())
    return lines


def _paragraph_number(p: Any, styles: _Styles) -> tuple[str, int] | None:
    """(numId, level) of a numbered paragraph: its own w:numPr, else its style's; None for headings."""
    style_id = _style_id(p)
    if styles.is_heading(style_id):
        return None
    num_pr = _find(p, "w:pPr", "w:numPr")
    if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
        return _num_pr(num_pr)  # numId 0 here switches off the style's numbering
    return styles.number(style_id)


def _paragraph_text(p: Any) -> str:
    """A paragraph's visible text: runs, hyperlinks, fields and content controls, tabs and breaks."""
    out = []
    stack = list(reversed(p))
    while stack:
        element = stack.pop()
        if element.tag in _TEXT:
            out.append(_TEXT[element.tag] or element.text or "")
        elif element.tag not in _SKIP:
            stack.extend(reversed(element))
    return "".join(out)


class _Styles:
    """Paragraph styles: which are headings, and which carry list numbering (directly or by inheritance)."""

    def __init__(self, element: Any) -> None:
        self._element = element
        self._headings: dict[str, bool] = {}
        self._numbers: dict[str, tuple[str, int] | None] = {}

    def is_heading(self, style_id: str) -> bool:
        """True for Title and Heading 1-6, by id or by name (localised Word gives ids like '1')."""
        if style_id not in self._headings:
            style = self._element.get_by_id(style_id) if style_id else None
            names = (style_id, (style.name_val if style is not None else "") or "")
            self._headings[style_id] = any(name.replace(" ", "").lower() in _HEADINGS for name in names)
        return self._headings[style_id]

    def number(self, style_id: str) -> tuple[str, int] | None:
        """(numId, level) that a style, or a style it is based on, gives its paragraphs."""
        if style_id not in self._numbers:
            self._numbers[style_id] = self._lookup(style_id)
        return self._numbers[style_id]

    def _lookup(self, style_id: str) -> tuple[str, int] | None:
        """Walk the basedOn chain looking for a w:numPr."""
        style = self._element.get_by_id(style_id) if style_id else self._element.default_for("paragraph")
        for _ in range(_STYLE_DEPTH):
            if style is None:
                return None
            number = _num_pr(_find(style, "w:pPr", "w:numPr"))
            base = style.find(qn("w:basedOn"))
            if number is not None or base is None:
                return number
            style = self._element.get_by_id(base.get(qn("w:val"), ""))
        return None


def _numbering_element(document: Any) -> Any | None:
    """The numbering definitions (numbering.xml), or None if the document has none."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/numbering") and not rel.is_external:
            return rel.target_part.element
    return None


def _style_id(p: Any) -> str:
    """The paragraph's style id ('' for the default style)."""
    style = _find(p, "w:pPr", "w:pStyle")
    return "" if style is None else style.get(qn("w:val"), "")


def _find(element: Any, *tags: str) -> Any | None:
    """The element at a path of child tags, or None."""
    for tag in tags:
        element = element.find(qn(tag))
        if element is None:
            return None
    return element


def _num_pr(num_pr: Any | None) -> tuple[str, int] | None:
    """(numId, level) from a w:numPr element; a missing numId or numId 0 means no numbering."""
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    value = None if num_id is None else num_id.get(qn("w:val"))
    if not value or value == "0":
        return None
    ilvl = num_pr.find(qn("w:ilvl"))
    level = ilvl.get(qn("w:val"), "0") if ilvl is not None else "0"
    return value, int(level) if level.isdigit() else 0
