"""Baselines measured in the same run: each half of regkb's retrieval alone, on the same index."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from index import generations
from index.embedder import Embedder
from index.kb import KnowledgeBase
from index.manifest import Manifest
from index.search import dense_candidates, embed_question, lexical_candidates, lexical_scores


def _open(index: Path) -> KnowledgeBase:
    live = generations.current(index)
    if live is None:
        raise SystemExit(f"no index at {index}")
    return KnowledgeBase(index, embedder=Embedder(Manifest.load(live).model))


def _ids(kb: KnowledgeBase, rows: list[int]) -> list[str]:
    return [c.clause_id for c in kb.gen.store.by_rows(rows)]


def rank_dense(index: Path, questions: Sequence[str], k: int) -> list[list[str]]:
    """Clause ids per question by cosine similarity alone (Chinese questions in the Chinese space, if any)."""
    kb = _open(index)
    out = []
    for question in questions:
        query, space = embed_question(kb, question)
        found = dense_candidates(kb, query, k, space=space)
        out.append(_ids(kb, sorted(found, key=found.__getitem__, reverse=True)))
    return out


def rank_lexical(index: Path, questions: Sequence[str], k: int) -> list[list[str]]:
    """Clause ids per question by BM25 alone."""
    kb = _open(index)
    return [_ids(kb, lexical_candidates(lexical_scores(kb, q), k)) for q in questions]
