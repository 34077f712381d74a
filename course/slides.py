"""The slides: a .pptx with one duty per slide and its citation in the speaker notes."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pptx import Presentation
from pptx.util import Pt

from course.fonts import cjk_font
from course.select import Item

BODY_CHARS = 600


def _east_asian(text_frame, size: int) -> None:  # noqa: ANN001 - a python-pptx text frame
    """Set an East Asian font on every run, so Chinese renders on any machine with that font."""
    for para in text_frame.paragraphs:
        for run in para.runs:
            run.font.size = Pt(size)
            rpr = run._r.get_or_add_rPr()
            ea = rpr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ea")
            if ea is None:
                ea = rpr.makeelement("{http://schemas.openxmlformats.org/drawingml/2006/main}ea", {})
                rpr.append(ea)
            ea.set("typeface", cjk_font())


def write_slides(items: Sequence[Item], path: Path, *, title: str = "Responsibilities") -> Path:
    """Write the slides to `path` and return it."""
    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = title
    cover.placeholders[1].text = f"{len(items)} duties"
    _east_asian(cover.shapes.title.text_frame, 36)
    for item in items:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = item.actor
        _east_asian(slide.shapes.title.text_frame, 28)
        body = slide.placeholders[1].text_frame
        body.text = item.duty
        clause = item.text if len(item.text) <= BODY_CHARS else item.text[: BODY_CHARS - 1] + "…"
        if clause != item.duty:
            body.add_paragraph().text = clause
        _east_asian(body, 16)
        notes = f"{item.cite}\n{item.clause_id}"
        if item.successor:
            notes += f"\n{item.written}: duties now held by {item.successor}"
        slide.notes_slide.notes_text_frame.text = notes
    deck.save(path)
    return path
