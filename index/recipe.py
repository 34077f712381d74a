"""How a clause becomes the text that is embedded and the terms that are indexed."""
from __future__ import annotations

import hashlib

from ingest.types import Clause

EMBED_RECIPE = "v1: title | nearest heading | number text"


def _context(clause: Clause) -> str:
    nearest = clause.headings[-1] if clause.headings else ""
    return " | ".join(p for p in (clause.title, nearest) if p)


def embed_text(clause: Clause) -> str:
    """The text the dense model sees for a clause."""
    body = clause.text if clause.text.startswith(clause.number) else f"{clause.number} {clause.text}"
    return f"{_context(clause)} | {body.strip()}"


def lexical_text(clause: Clause) -> str:
    """The text the lexical index sees for a clause."""
    return embed_text(clause)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
