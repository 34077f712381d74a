"""Hybrid retrieval: dense and lexical candidates, fused into one ranking of clauses."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from index.kb import KnowledgeBase
from index.lexical import tokenize
from ingest.types import Clause

RRF_K = 60


@dataclass(frozen=True)
class Filters:
    """What a user may narrow a search to."""

    doc_ids: tuple[str, ...] = ()
    lang: str = ""
    actor: str = ""

    def __bool__(self) -> bool:
        return bool(self.doc_ids or self.lang or self.actor)


@dataclass(frozen=True)
class Hit:
    """A clause found for a question, with the evidence from each retriever."""

    clause: Clause
    score: float
    dense: float = 0.0  # cosine similarity to the question
    lexical: float = 0.0  # BM25 score
    found_by: tuple[str, ...] = field(default_factory=tuple)


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def search(kb: KnowledgeBase, question: str, *, k: int = 5, filters: Filters | None = None) -> list[Hit]:
    """The k clauses that best answer `question`, best first."""
    gen = kb.gen
    n = gen.vectors.count()
    if n == 0 or not question.strip():
        return []
    allowed = np.asarray(gen.store.rows_where(doc_ids=filters.doc_ids, lang=filters.lang, actor=filters.actor)
                         ) if filters else None
    if allowed is not None and len(allowed) == 0:
        return []
    pool = min(n, max(50, k * 10))
    query = kb.embedder.encode([question])
    d_scores, d_rows = gen.vectors.search(query, pool, allowed=allowed)
    dense = {int(r): float(s) for r, s in zip(d_rows[0], d_scores[0], strict=True) if r >= 0}
    lex_all = gen.lexical.scores(tokenize(question))
    if allowed is not None:
        mask = np.zeros(n, dtype=bool)
        mask[allowed] = True
        lex_all = np.where(mask, lex_all, 0.0)
    lex_rows = [int(r) for r in _top(lex_all, pool) if lex_all[r] > 0]
    fused: dict[int, float] = {}
    for rank, row in enumerate(sorted(dense, key=dense.__getitem__, reverse=True)):
        fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
    for rank, row in enumerate(lex_rows):
        fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
    best = sorted(fused, key=fused.__getitem__, reverse=True)[:k]
    sources = {r: tuple(name for name, found in (("dense", r in dense), ("lexical", r in lex_rows)) if found)
               for r in best}
    missing = [r for r in best if r not in dense]
    if missing:  # a lexical-only find still gets its true cosine, for honest confidence
        vecs = gen.vectors.vectors(np.asarray(missing))
        dense.update({r: float(v @ query[0]) for r, v in zip(missing, vecs, strict=True)})
    clauses = gen.store.by_rows(best)
    return [Hit(c, fused[r], dense[r], float(lex_all[r]), sources[r]) for r, c in zip(best, clauses, strict=True)]
