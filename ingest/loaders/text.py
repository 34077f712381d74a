"""Plain text and Markdown files: decoded, with line endings normalised and nothing else changed."""
from __future__ import annotations

from pathlib import Path

from ingest.loaders.decoding import decode_text
from ingest.loaders.files import make_document
from ingest.types import Document


def load_text(path: Path, data: bytes, *, max_bytes: int) -> Document:
    """Load a .txt or .md file."""
    text, encoding = decode_text(data, path)
    return make_document(path, data, text=text, encoding=encoding)
