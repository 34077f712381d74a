"""Document administration from the web: who may do it, which uploads are accepted, where they are kept."""
from __future__ import annotations

import hmac
import re
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from ingest.loaders import SUFFIXES
from regkb import api
from regkb.config import Settings

UPLOADS = "uploads"


class AdminError(Exception):
    """An admin action that is refused, with the reason for the user."""


def check_token(settings: Settings, token: str | None) -> None:
    """Refuse unless the configured admin token was given."""
    if not settings.admin_token:
        raise AdminError("Document administration is off: set REGKB_ADMIN_TOKEN to enable it.")
    if not hmac.compare_digest((token or "").encode(), settings.admin_token.encode()):
        raise AdminError("Wrong admin token.")


def safe_name(name: str) -> str:
    """An uploaded file's name reduced to a plain file name: no folders, no '..', no control characters."""
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", name)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip().lstrip(".")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem[:120] or "upload"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def stage(settings: Settings, uploads: Sequence[tuple[str, Path]]) -> tuple[list[Path], list[str]]:
    """Copy acceptable uploads into the index's upload folder; returns their paths and the refusals."""
    folder = settings.index_dir / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    limit = settings.max_upload_mb * 1024 * 1024
    kept, refused = [], []
    for original, temp in uploads:
        name = safe_name(original)
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            refused.append(f"{name}: unsupported file type {suffix or '(none)'}; accepted: "
                           f"{', '.join(sorted(SUFFIXES))}")
        elif temp.stat().st_size > limit:
            refused.append(f"{name}: {temp.stat().st_size / 2**20:.1f} MB is over the upload limit of "
                           f"{settings.max_upload_mb} MB (REGKB_MAX_UPLOAD_MB)")
        else:
            target = folder / name
            shutil.copyfile(temp, target)
            kept.append(target)
    return kept, refused


def ingest_uploads(settings: Settings, token: str | None, uploads: Sequence[tuple[str, Path]], *,
                   on_file: Callable[[Path, int, int], None] | None = None) -> list[tuple[str, str]]:
    """Check the token, stage the uploads and ingest them: (file, result) per upload."""
    check_token(settings, token)
    paths, refused = stage(settings, uploads)
    rows = [(r.split(":", 1)[0], "refused: " + r.split(":", 1)[1].strip()) for r in refused]
    if paths:
        report = api.ingest_paths(settings, paths, on_file=on_file)
        rows += [(f"{d}", f"added ({report.clauses[d]} clauses)") for d in report.added]
        rows += [(f"{d}", f"updated ({report.clauses[d]} clauses)") for d in report.updated]
        rows += [(f"{d}", "unchanged") for d in report.unchanged]
        rows += [(Path(e.path).name, f"rejected: {e.reason}") for e in report.errors]
    return rows


def remove(settings: Settings, token: str | None, doc_id: str) -> str:
    check_token(settings, token)
    removed, _ = api.remove_documents(settings, [doc_id])
    return f"removed {doc_id}" if removed else f"{doc_id} is not in the index"


def reindex(settings: Settings, token: str | None) -> str:
    """Re-read every document whose file is still where it was ingested from; the others stay as they are."""
    check_token(settings, token)
    kb = api.open_kb(settings)
    paths = [Path(d.path) for d in kb.documents() if Path(d.path).is_file()]
    report = api.ingest_paths(settings, paths, force=True)
    return f"re-indexed {len(report.updated) + len(report.added)} document(s) into {report.generation}"
