"""PDF files: each page's text layer, un-wrapped into paragraphs, with the offset where each page starts."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

from ingest.loaders.files import brief, make_document
from ingest.loaders.unwrap import Line, unwrap_pages
from ingest.types import Document, IngestError


def load_pdf(path: Path, data: bytes, *, max_bytes: int) -> Document:
    """Load a .pdf file's text layer."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, "not a PDF (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        _decrypt(path, reader)
        pages = [_page_lines(page) for page in reader.pages]
        title = _title(reader)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, KeyError) on damaged files
        raise IngestError(path, f"not a PDF (truncated or damaged): {brief(exc)}") from exc
    if not any(line.text.strip() for page in pages for line in page):
        raise IngestError(path, "no text layer — OCR it first")
    text, page_starts = unwrap_pages(pages)
    # PDF text comes through font maps, not a byte encoding, so there is no encoding to report.
    return make_document(path, data, text=text, title=title, encoding="", page_starts=page_starts)


def _decrypt(path: Path, reader: PdfReader) -> None:
    """Open an encrypted PDF with the empty password, as viewers do, or say what is missing."""
    if not reader.is_encrypted:
        return
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise IngestError(path, "encrypted PDF: the 'cryptography' package is needed to decrypt it") from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise IngestError(path, "encrypted PDF: a password is needed")


def _page_lines(page: PageObject) -> list[Line]:
    """The page's text lines, each with the height of the baseline where it starts."""
    chunks: list[tuple[str, float]] = []

    def visit(text: str, cm: Any, tm: Any, font_dict: Any, font_size: Any) -> None:
        chunks.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    lines: list[Line] = []
    current: list[str] = []
    y: float | None = None
    for text, chunk_y in chunks:
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append(Line("".join(current), y))
                current, y = [], None
            if y is None and piece.strip():
                y = float(chunk_y)
            current.append(piece)
    lines.append(Line("".join(current), y))
    return lines


def _title(reader: PdfReader) -> str:
    """The /Title from the document information, if any."""
    metadata = reader.metadata
    title = metadata.title if metadata is not None else None
    return str(title).strip() if title else ""

