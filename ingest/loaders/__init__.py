"""Files to Documents: one loader per format, chosen by suffix; every failure is an IngestError.

>>> doc = load(Path("corpus/government-and-department-safety-responsibilities.txt"))
>>> doc.doc_id, doc.encoding
('government-and-department-safety-responsibilities', 'utf-8')
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.loaders.docx import load_docx
from ingest.loaders.files import doc_id_for, read_bytes
from ingest.loaders.html import load_html
from ingest.loaders.jsonl import load_jsonl
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text
from ingest.types import Document, IngestError

__all__ = ["SUFFIXES", "doc_id_for", "load"]

_LOADERS: dict[str, Callable[..., Document]] = {
    ".txt": load_text,
    ".md": load_text,
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".html": load_html,
    ".htm": load_html,
    ".jsonl": load_jsonl,
}
SUFFIXES: frozenset[str] = frozenset(_LOADERS)


def load(path: Path, *, max_bytes: int = 50 * 2**20) -> Document:
    """Read one file into a Document, choosing the format by its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise IngestError(path, f"unsupported file type {suffix or '(no suffix)'}")
    data = read_bytes(path, max_bytes=max_bytes)
    document = loader(path, data, max_bytes=max_bytes)
    if not document.text.strip():
        raise IngestError(path, "no text")
    return document
