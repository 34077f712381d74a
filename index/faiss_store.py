"""FAISS behind the vector-store seam: exact search while small, HNSW once the corpus is large."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import faiss
import numpy as np

from index.vectors import VectorStore

FLAT_LIMIT = 200_000  # exact search stays under ~100 ms on two cores up to about here
HNSW_M = 32
HNSW_EF_SEARCH = 128
FILE = "vectors.faiss"
# below FAISS's own BLAS threshold one thread is faster: waking a second, passively waiting OpenMP thread for one
# question cost 28 ms against 10 ms on one thread at 100k clauses (bench/speed.py)
SERIAL_BELOW = 20


@contextmanager
def _serial(serial: bool) -> Iterator[None]:
    threads = faiss.omp_get_max_threads()
    if serial:
        faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        if serial:
            faiss.omp_set_num_threads(threads)


class FaissStore(VectorStore):
    """A FAISS index file; rows are FAISS ids."""

    backend = "faiss"

    def __init__(self, index: faiss.Index, file: str = FILE) -> None:
        self.index = index
        self.file = file

    @classmethod
    def new(cls, dim: int, *, expected: int = 0, file: str = FILE) -> FaissStore:
        if expected >= FLAT_LIMIT:
            index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = HNSW_EF_SEARCH
        else:
            index = faiss.IndexFlatIP(dim)
        return cls(index, file)

    @classmethod
    def load(cls, folder: Path, file: str = FILE) -> FaissStore:
        index = faiss.read_index(str(folder / file))
        if isinstance(index, faiss.IndexHNSWFlat):
            index.hnsw.efSearch = HNSW_EF_SEARCH
        return cls(index, file)

    def add(self, vectors: np.ndarray) -> None:
        if len(vectors):
            self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, queries: np.ndarray, k: int, *, allowed: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        k = max(1, min(k, self.count()))
        with _serial(len(queries) < SERIAL_BELOW):
            return self._search(queries, k, allowed)

    def _search(self, queries: np.ndarray, k: int, allowed: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        if allowed is None:
            scores, rows = self.index.search(queries, k)
        else:
            selector = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=HNSW_EF_SEARCH)
                      if isinstance(self.index, faiss.IndexHNSWFlat) else faiss.SearchParameters(sel=selector))
            scores, rows = self.index.search(queries, k, params=params)
        return scores, rows

    def count(self) -> int:
        return int(self.index.ntotal)

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros((0, self.index.d), dtype=np.float32)
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) == self.count() and np.array_equal(rows, np.arange(len(rows))):
            return self.index.reconstruct_n(0, len(rows))
        return self.index.reconstruct_batch(rows)

    def save(self, folder: Path) -> list[Path]:
        path = folder / self.file
        faiss.write_index(self.index, str(path))
        return [path]

    def describe(self) -> dict[str, object]:
        kind = "hnsw" if isinstance(self.index, faiss.IndexHNSWFlat) else "flat"
        return {"backend": self.backend, "type": kind, "dim": int(self.index.d), "count": self.count(),
                "file": self.file}
