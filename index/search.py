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


def allowed_rows(kb: KnowledgeBase, filters: Filters | None) -> np.ndarray | None:
    """Rows a search may return (None: all of them)."""
    if not filters:
        return None
    return np.asarray(kb.gen.store.rows_where(doc_ids=filters.doc_ids, lang=filters.lang, actor=filters.actor),
                      dtype=np.int64)


def dense_candidates(kb: KnowledgeBase, query: np.ndarray, pool: int,
                     allowed: np.ndarray | None = None) -> dict[int, float]:
    """Row -> cosine similarity for the `pool` nearest clauses of an embedded question."""
    scores, rows = kb.gen.vectors.search(query.reshape(1, -1), pool, allowed=allowed)
    return {int(r): float(s) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0}


def lexical_scores(kb: KnowledgeBase, question: str, allowed: np.ndarray | None = None) -> np.ndarray:
    """BM25 score of every row for the question (zero outside `allowed`)."""
    scores = kb.gen.lexical.scores(tokenize(question))
    if allowed is not None:
        mask = np.zeros(len(scores), dtype=bool)
        mask[allowed] = True
        scores = np.where(mask, scores, 0.0)
    return scores


def lexical_candidates(scores: np.ndarray, pool: int) -> list[int]:
    """The `pool` best rows by BM25, best first, leaving out rows that share no term."""
    return [int(r) for r in _top(scores, pool) if scores[r] > 0]


def fuse(dense: dict[int, float], lexical: list[int]) -> dict[int, float]:
    """Reciprocal-rank fusion of the two candidate lists."""
    fused: dict[int, float] = {}
    ranked_dense = sorted(dense, key=dense.__getitem__, reverse=True)
    for ranking in (ranked_dense, lexical):
        for rank, row in enumerate(ranking):
            fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
    return fused


def search(kb: KnowledgeBase, question: str, *, k: int = 5, filters: Filters | None = None) -> list[Hit]:
    """The k clauses that best answer `question`, best first."""
    gen = kb.gen
    n = gen.vectors.count()
    allowed = allowed_rows(kb, filters)
    if n == 0 or not question.strip() or (allowed is not None and len(allowed) == 0):
        return []
    pool = min(n, max(50, k * 10))
    query = kb.embedder.encode([question])[0]
    dense = dense_candidates(kb, query, pool, allowed)
    lex_scores = lexical_scores(kb, question, allowed)
    lexical = lexical_candidates(lex_scores, pool)
    fused = fuse(dense, lexical)
    best = sorted(fused, key=fused.__getitem__, reverse=True)[:k]
    lexical_set = set(lexical)
    sources = {r: tuple(name for name, found in (("dense", r in dense), ("lexical", r in lexical_set)) if found)
               for r in best}
    missing = [r for r in best if r not in dense]
    if missing:  # a lexical-only find still gets its true cosine, for honest confidence
        vecs = gen.vectors.vectors(np.asarray(missing))
        dense.update({r: float(v @ query) for r, v in zip(missing, vecs, strict=True)})
    clauses = gen.store.by_rows(best)
    return [Hit(c, fused[r], dense[r], float(lex_scores[r]), sources[r])
            for r, c in zip(best, clauses, strict=True)]
