"""The vector-store seam: the few verbs regkb needs, and a factory that picks a backend.

Row position is the vector id; clause records say which clause each row holds.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np


class VectorStore(ABC):
    """Inner-product search over normalised vectors, saved to and loaded from a folder."""

    backend: str = ""

    @abstractmethod
    def add(self, vectors: np.ndarray) -> None:
        """Append vectors; their rows follow the rows already held."""

    @abstractmethod
    def search(self, queries: np.ndarray, k: int, *, allowed: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        """(scores, rows) of the k best rows per query, -1 where fewer exist; `allowed` limits rows."""

    @abstractmethod
    def count(self) -> int:
        """How many vectors are held."""

    @abstractmethod
    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of `rows`, for carrying them into the next generation."""

    @abstractmethod
    def save(self, folder: Path) -> list[Path]:
        """Write the store into `folder`; return the files written."""

    @abstractmethod
    def describe(self) -> dict[str, object]:
        """Settings worth recording in the manifest."""


def create_store(backend: str, dim: int, *, expected: int = 0, name: str = "") -> VectorStore:
    """A new, empty store of the configured backend sized for `expected` vectors; `name` tells a second
    vector space of the same rows ("zh") from the main one."""
    if backend == "faiss":
        from index.faiss_store import FILE, FaissStore

        return FaissStore.new(dim, expected=expected, file=f"vectors-{name}.faiss" if name else FILE)
    raise ValueError(f"unknown vector backend {backend!r} (known: faiss)")


def load_store(backend: str, folder: Path, name: str = "") -> VectorStore:
    """The store saved in `folder` by the named backend (`name`: a second vector space)."""
    if backend == "faiss":
        from index.faiss_store import FILE, FaissStore

        return FaissStore.load(folder, f"vectors-{name}.faiss" if name else FILE)
    raise ValueError(f"unknown vector backend {backend!r} (known: faiss)")
