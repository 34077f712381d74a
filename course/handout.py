"""The handout: a .docx with a heading per actor and, under it, each duty with its clause and citation."""
from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from course.fonts import LATIN_FONT, cjk_font
from course.select import Item


def set_fonts(style, size: float | None = None) -> None:  # noqa: ANN001 - a python-docx style
    """Latin and East Asian fonts on a style, so Chinese renders in Word and LibreOffice."""
    style.font.name = LATIN_FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), cjk_font())
    if size:
        style.font.size = Pt(size)


def write_handout(items: Sequence[Item], path: Path, *, title: str = "Responsibilities") -> Path:
    """Write the handout to `path` and return it."""
    doc = Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        set_fonts(doc.styles[name])
    doc.add_heading(title, level=0)
    for actor, group in groupby(items, key=lambda i: i.actor):
        doc.add_heading(actor, level=1)
        for item in group:
            head = doc.add_paragraph(style="Heading 2")
            head.add_run(item.duty if len(item.duty) <= 120 else item.duty[:119] + "…")
            doc.add_paragraph(item.text)
            cite = doc.add_paragraph()
            cite.add_run(item.cite).italic = True
            if item.written != item.actor or item.successor:
                note = f"As written: {item.written}" + (f"; duties now held by {item.successor}" if item.successor
                                                         else "")
                doc.add_paragraph(note).runs[0].font.size = Pt(9)
    doc.save(path)
    return path
