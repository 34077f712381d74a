"""A second look at the best candidates: how much of the question, weighted by rarity, a clause contains.

No cross-encoder can be installed here from a package, so the second stage is a cheap, explainable one:
IDF-weighted coverage of the question's terms and of its adjacent term pairs, added to the fused score.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def coverage(query: Sequence[str], doc: set[str], idf: dict[str, float]) -> float:
    """Share of the question's weight (sum of term IDFs) that the clause's terms hold."""
    terms = set(query)
    total = sum(idf.get(t, 0.0) for t in terms)
    return sum(idf.get(t, 0.0) for t in terms & doc) / total if total else 0.0


def pair_coverage(query: Sequence[str], doc: Sequence[str]) -> float:
    """Share of the question's adjacent term pairs that also stand side by side in the clause."""
    pairs = {(a, b) for a, b in zip(query, query[1:], strict=False) if a != b}
    if not pairs:
        return 0.0
    present = set(zip(doc, doc[1:], strict=False))
    return len(pairs & present) / len(pairs)


def rerank(query: Sequence[str], rows: Sequence[int], fused: dict[int, float], tokens: dict[int, list[str]],
           idf: dict[str, float], *, weight: float, pair_weight: float) -> dict[int, float]:
    """New scores for `rows`: the fused score plus weighted coverage of the question."""
    out = {}
    for row in rows:
        doc = tokens.get(row, [])
        out[row] = (fused[row] + weight * coverage(query, set(doc), idf)
                    + pair_weight * pair_coverage(query, doc))
    return out


def idf_of(df: np.ndarray, n_docs: int) -> np.ndarray:
    """BM25's inverse document frequency for each term's document count."""
    return np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
