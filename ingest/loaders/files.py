"""What every loader shares: the size-checked read, the document id, and the Document record."""
from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from pathlib import Path

from ingest.types import Document, IngestError, Unit

_KEEP_PUNCT = frozenset("-_.()（）")
_DASHES = re.compile(r"-{2,}")


def sanitize_id(name: str) -> str:
    """Turn any name into a safe document id: letters, digits and - _ . ( ) （ ）, never empty."""
    # NFC first, so a name typed on macOS (decomposed accents) gives the same id as elsewhere.
    name = unicodedata.normalize("NFC", name)
    kept = "".join(c if c.isalnum() or c in _KEEP_PUNCT or _is_mark(c) else "-" for c in name)
    cleaned = _DASHES.sub("-", kept).lstrip(".-").rstrip("-")
    return cleaned or "document"


def _is_mark(char: str) -> bool:
    """True for combining marks, which belong to the letter before them (Indic vowel signs and the like)."""
    return unicodedata.category(char).startswith("M")


def doc_id_for(path: Path) -> str:
    """The document id for a file: its stem, sanitised."""
    return sanitize_id(Path(path).stem)


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """Read a file whole, refusing (before reading) anything missing, special, empty or too large."""
    try:
        info = path.stat()
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(path, "not a regular file")
    _check_size(path, info.st_size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc
    _check_size(path, len(data), max_bytes)  # the file may have changed since stat()
    return data


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    """Raise for an empty file or one over the size limit."""
    if size == 0:
        raise IngestError(path, "empty file")
    if size > max_bytes:
        limit = megabytes(max_bytes)
        raise IngestError(path, f"file is {megabytes(size)}, over the {limit} limit (REGKB_MAX_FILE_MB)")


def megabytes(size: int) -> str:
    """A byte count as a short human figure in megabytes of 2**20 bytes, as REGKB_MAX_FILE_MB counts them."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 10 else f"{value:.2g} MB"


def brief(exc: BaseException) -> str:
    """An exception as a short phrase for an error reason."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 120 else message[:117] + "..."


def make_document(
    path: Path,
    data: bytes,
    *,
    text: str,
    title: str = "",
    encoding: str = "utf-8",
    page_starts: tuple[int, ...] = (),
    units: tuple[Unit, ...] | None = None,
    doc_id: str | None = None,
) -> Document:
    """Build the Document record for a loaded file, filling in its id, path and checksum."""
    return Document(
        doc_id=doc_id or doc_id_for(path),
        title=title.strip(),
        text=text,
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        page_starts=page_starts,
        units=units,
    )
