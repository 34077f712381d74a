"""The manifest that makes a generation folder self-describing, and the checks made on load."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

FORMAT = 1
FILE = "manifest.json"


class IndexMismatch(Exception):
    """The index on disk was built differently from what is asked of it now."""


@dataclass(frozen=True)
class Manifest:
    """What built a generation, what it holds, and checksums of its files."""

    model: str
    dim: int
    embed_recipe: str
    lexical_recipe: str
    vectors: dict[str, object]
    documents: int
    clauses: int
    files: dict[str, dict[str, object]] = field(default_factory=dict)
    precision: str = ""
    model_zh: str = ""  # the second space for Chinese clauses ("" when none): index/zh_embedder.py
    dim_zh: int = 0
    actors_recipe: str = ""  # ingest.actors.RECIPE of the extractor that found the stored actors
    format: int = FORMAT
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def save(self, folder: Path) -> Path:
        path = folder / FILE
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n")
        return path

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        try:
            data = json.loads((folder / FILE).read_text())
        except (OSError, ValueError) as exc:
            raise IndexMismatch(f"{folder / FILE} cannot be read: {exc}") from exc
        if data.get("format") != FORMAT:
            raise IndexMismatch(f"{folder} has index format {data.get('format')}, this regkb reads {FORMAT}; "
                                "rebuild it with `regkb ingest --rebuild PATH …`")
        return cls(**data)

    def check_model(self, model: str) -> None:
        """Refuse to mix embeddings of two models in one index."""
        if model != self.model:
            raise IndexMismatch(
                f"the index was built with model {self.model!r} but {model!r} is configured; "
                f"set REGKB_MODEL={self.model} or rebuild with `regkb ingest --rebuild PATH …`")

    def check_files(self, folder: Path, *, checksums: bool = False) -> None:
        """Every listed file is present with its recorded size (and checksum when asked)."""
        for name, facts in self.files.items():
            path = folder / name
            if not path.is_file() or path.stat().st_size != facts["bytes"]:
                raise IndexMismatch(f"{path} is missing or damaged; rebuild with `regkb ingest --rebuild PATH …`")
            if checksums and sha256_of(path) != facts["sha256"]:
                raise IndexMismatch(f"{path} does not match its checksum")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe_files(folder: Path, paths: list[Path]) -> dict[str, dict[str, object]]:
    """Size and checksum of each file, keyed by its path inside the folder."""
    return {str(p.relative_to(folder)): {"bytes": p.stat().st_size, "sha256": sha256_of(p)} for p in paths}
