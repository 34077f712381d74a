"""Files to clause units: walk the paths, load each file, split it, find who must act."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ingest.actors import find_actors
from ingest.dates import document_dates
from ingest.loaders import SUFFIXES, load
from ingest.refs import resolve_within
from ingest.structure import split
from ingest.types import Clause, Document, IngestError

_SKIPPED_NAMES = ("readme", "license", "licence", "changelog")


def _source_digest() -> str:
    """A digest of this package's code: when splitting or actor finding changes, unchanged files are redone."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PIPELINE_VERSION = _source_digest()


def _skipped(path: Path) -> bool:
    """Hidden files and a folder's own notes (README, LICENSE) are not regulations."""
    name = path.name.lower()
    return name.startswith((".", "_", "~")) or name.split(".")[0] in _SKIPPED_NAMES


def walk(paths: Sequence[Path]) -> Iterator[Path | IngestError]:
    """Files to ingest, in a stable order; a path that cannot be used yields its error instead."""
    for path in paths:
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = found.relative_to(path).parts
                if found.suffix.lower() in SUFFIXES and not any(_skipped(Path(part)) for part in rel):
                    yield found
        elif path.is_file():
            yield path if path.suffix.lower() in SUFFIXES else IngestError(
                path, f"unsupported file type {path.suffix or '(none)'}; regkb reads "
                      f"{', '.join(sorted(SUFFIXES))}")
        else:
            yield IngestError(path, "no such file or folder")


def read(path: Path, *, max_bytes: int, max_chars: int = 4000) -> tuple[Document, list[Clause]]:
    """Load one file and split it into clause units with their actors."""
    doc = load(path, max_bytes=max_bytes)
    units = split(doc, max_chars=max_chars)
    clauses = resolve_within(find_actors(units))
    if not clauses:
        raise IngestError(path, "no text to index (the file holds only headings or whitespace)")
    return replace(doc, meta={**doc.meta, **document_dates(clauses, path.stem)}), clauses
