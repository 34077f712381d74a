"""Hybrid retrieval: dense and lexical candidates, fused into one ranking of clauses."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from index.clause_vectors import own_vectors
from index.kb import KnowledgeBase
from index.lexical import tokenize
from index.rerank import rerank
from ingest.text import lang_of
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
    space: str = ""  # the vector space `dense` was measured in: "" the main model, "zh" the Chinese one


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
                     allowed: np.ndarray | None = None, space: str = "") -> dict[int, float]:
    """Row -> cosine similarity for the `pool` nearest clauses of an embedded question.

    In the Chinese space, rows of other languages hold zero vectors: they are no candidates."""
    store = kb.gen.vectors_zh if space == "zh" and kb.gen.vectors_zh is not None else kb.gen.vectors
    scores, rows = store.search(query.reshape(1, -1), pool, allowed=allowed)
    return {int(r): float(s) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0 and (s > 0 or not space)}


def embed_question(kb: KnowledgeBase, question: str) -> tuple[np.ndarray, str]:
    """The question's vector and the space it lives in: Chinese questions use the Chinese space when there is one."""
    gen = kb.gen
    if gen.zh is not None and gen.vectors_zh is not None and lang_of(question) == "zh":
        return gen.zh.encode([question])[0], "zh"
    return kb.embedder.encode([question])[0], ""


def _only(scores: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
    if allowed is None:
        return scores
    mask = np.zeros(len(scores), dtype=bool)
    mask[allowed] = True
    return np.where(mask, scores, 0.0)


def lexical_scores(kb: KnowledgeBase, question: str, allowed: np.ndarray | None = None) -> np.ndarray:
    """BM25 score of every row for the question (zero outside `allowed`)."""
    return _only(kb.gen.lexical.scores(tokenize(question)), allowed)


def _share(scores: np.ndarray) -> np.ndarray:
    top = float(scores.max()) if len(scores) else 0.0
    return scores / top if top > 0 else scores


def lexical_ranking(kb: KnowledgeBase, tokens: list[str], terms: np.ndarray, pair_weight: float,
                    allowed: np.ndarray | None = None) -> np.ndarray:
    """The lexical channel's score of every row: BM25 over terms plus, weighted, BM25 over adjacent term pairs,
    each as a share of its best row — a clause that keeps the question's phrases ahead of one that only shares
    its words."""
    if pair_weight <= 0:
        return terms
    pair = _only(kb.gen.lexical.pair_scores(tokens), allowed)
    return _share(terms) + pair_weight * _share(pair)


def expansion_terms(kb: KnowledgeBase, question: str, tokens: list[str]) -> list[str]:
    """Index terms of the corpus words nearest the question's words that the corpus does not use ("plane" →
    aircraft, "yearly" → annual), the question's own terms left out; none without a word space."""
    words = kb.gen.words
    if words is None:
        return []
    nearest = words.nearest(words.unknown(question), kb.embedder.encode)
    own = set(tokens)
    return [t for t in dict.fromkeys(tokenize(" ".join(nearest))) if t not in own]


def with_expansion(kb: KnowledgeBase, question: str, tokens: list[str], lex_rank: np.ndarray, weight: float,
                   allowed: np.ndarray | None = None) -> np.ndarray:
    """The lexical ranking plus, at `weight` of its best score, BM25 over the expansion terms."""
    terms = expansion_terms(kb, question, tokens) if weight > 0 else []
    if not terms:
        return lex_rank
    extra = _share(_only(kb.gen.lexical.scores(terms), allowed))
    top = float(lex_rank.max()) if len(lex_rank) else 0.0
    return lex_rank + weight * extra * (top if top > 0 else 1.0)


def lexical_candidates(scores: np.ndarray, pool: int) -> list[int]:
    """The `pool` best rows by BM25, best first, leaving out rows that share no term."""
    return [int(r) for r in _top(scores, pool) if scores[r] > 0]


@dataclass(frozen=True)
class Ranking:
    """How candidates are gathered, fused and re-ranked (the defaults are regkb's choice; see bench/RESULTS.md)."""

    fusion: str = "weighted"  # weighted | rrf
    dense_weight_en: float = 0.6  # share of the dense score in the fused score, English questions
    dense_weight_zh: float = 0.8  # … and Chinese ones, in the Chinese space (index/zh_embedder.py)
    dense_weight_zh_main: float = 0.1  # … Chinese ones without a Chinese space: the default model knows little
    pool: int = 100
    rerank_depth: int = 30  # how many fused candidates the second stage re-scores (0: none)
    coverage_weight: float = 0.5
    pair_weight: float = 0.4
    coverage_weight_zh: float = 0.2  # laypeople's Chinese shares few words with the law: lean on meaning instead
    pair_weight_zh: float = 0.1
    lexical_pairs_en: float = 0.2  # weight of the adjacent-pair BM25 beside the term BM25 (index/lexical.py)
    lexical_pairs_zh: float = 0.0
    document_weight_en: float = 0.2  # share of the best candidate score of a clause's document added to its own
    document_weight_zh: float = 0.0
    expansion_weight_en: float = 0.5  # BM25 over the corpus words nearest the question's unknown ones (index/words.py),
    # as a share of the best lexical score
    adapter_share: float = 0.5  # how far an English question's vector moves toward its mapped one (index/adapter.py)
    own_words_en: float = 0.8  # share of what an item's own words come closer to the question than with its lead-in


DEFAULT_RANKING = Ranking()


def fuse_rrf(dense: dict[int, float], lexical: list[int]) -> dict[int, float]:
    """Reciprocal-rank fusion of the two candidate lists."""
    fused: dict[int, float] = {}
    ranked_dense = sorted(dense, key=dense.__getitem__, reverse=True)
    for ranking in (ranked_dense, lexical):
        for rank, row in enumerate(ranking):
            fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
    return fused


def _minmax(values: dict[int, float]) -> dict[int, float]:
    lo, hi = min(values.values()), max(values.values())
    span = hi - lo
    return {r: (v - lo) / span if span > 0 else 1.0 for r, v in values.items()}


def fuse_weighted(dense: dict[int, float], lex: dict[int, float], alpha: float) -> dict[int, float]:
    """alpha · cosine (scaled over the candidates) + (1 − alpha) · BM25 (as a share of the best)."""
    top = max(lex.values(), default=0.0)
    d = _minmax(dense)
    return {r: alpha * d[r] + (1 - alpha) * (lex.get(r, 0.0) / top if top > 0 else 0.0) for r in dense}


def search(kb: KnowledgeBase, question: str, *, k: int = 5, filters: Filters | None = None,
           ranking: Ranking = DEFAULT_RANKING) -> list[Hit]:
    """The k clauses that best answer `question`, best first."""
    gen = kb.gen
    n = gen.vectors.count()
    allowed = allowed_rows(kb, filters)
    if n == 0 or not question.strip() or (allowed is not None and len(allowed) == 0):
        return []
    pool = min(n, max(ranking.pool, k))
    zh = lang_of(question) == "zh"
    query, space = embed_question(kb, question)
    own = query  # the model's own vector of the question: hits report their cosine to it
    if not space and not zh and gen.adapter is not None:  # moved toward the corpus's wording (index/adapter.py)
        query = gen.adapter.apply(own, ranking.adapter_share)
    dense = dense_candidates(kb, query, pool, allowed, space)
    if not dense and space:  # no Chinese clause among those allowed: ask the main space
        query = own = kb.embedder.encode([question])[0]
        space = ""
        dense = dense_candidates(kb, query, pool, allowed)
    tokens = tokenize(question)
    lex_scores = _only(gen.lexical.scores(tokens), allowed)
    lex_rank = lexical_ranking(kb, tokens, lex_scores, ranking.lexical_pairs_zh if zh else ranking.lexical_pairs_en,
                               allowed)
    if not zh:
        lex_rank = with_expansion(kb, question, tokens, lex_rank, ranking.expansion_weight_en, allowed)
    lexical = lexical_candidates(lex_rank, pool)
    missing = [r for r in lexical if r not in dense]
    if missing:  # every candidate gets its true cosine: for fusion, and for honest confidence
        vecs = (gen.vectors_zh if space == "zh" else gen.vectors).vectors(np.asarray(missing))
        dense |= {r: float(v @ query) for r, v in zip(missing, vecs, strict=True)}
    found_by = {r: tuple(name for name, found in (("dense", r not in missing), ("lexical", lex_rank[r] > 0))
                         if found) for r in dense}
    if ranking.fusion == "rrf":
        fused = fuse_rrf({r: dense[r] for r in dense if r not in missing}, lexical)
    else:
        alpha = (ranking.dense_weight_en if not zh else
                 ranking.dense_weight_zh if space == "zh" else ranking.dense_weight_zh_main)
        fused = fuse_weighted(dense, {r: float(lex_rank[r]) for r in dense}, alpha)
    fused = _document_prior(kb, fused, ranking.document_weight_zh if zh else ranking.document_weight_en)
    fused = _second_stage(kb, tokens, zh, fused, ranking)
    if not zh and not space:
        fused = _own_words(kb, query, fused, dense, ranking.rerank_depth, ranking.own_words_en)
    best = sorted(fused, key=fused.__getitem__, reverse=True)[:k]
    if not best:
        return []
    clauses = gen.store.by_rows(best)
    cosine = dense if query is own else dict(zip(best, (gen.vectors.vectors(np.asarray(best, dtype=np.int64)) @ own)
                                                  .tolist(), strict=True))
    return [Hit(c, fused[r], cosine[r], float(lex_scores[r]), found_by[r], space)
            for r, c in zip(best, clauses, strict=True)]


def _document_prior(kb: KnowledgeBase, fused: dict[int, float], weight: float) -> dict[int, float]:
    """Lift each candidate by a share of the best score in its document: a question about one regulation
    tends to find several of its clauses, and a clause of the document that matches best is likelier to be
    the one meant than a look-alike elsewhere."""
    if weight <= 0 or not fused:
        return fused
    doc_of = kb.gen.doc_of_row
    best: dict[int, float] = {}
    for row, score in fused.items():
        doc = int(doc_of[row])
        best[doc] = max(best.get(doc, score), score)
    return {row: score + weight * best[int(doc_of[row])] for row, score in fused.items()}


def _own_words(kb: KnowledgeBase, query: np.ndarray, fused: dict[int, float], dense: dict[int, float], depth: int,
               weight: float) -> dict[int, float]:
    """Lift each of the best `depth` candidates that is embedded with its lead-in by `weight` times what its own
    words alone come closer to the question than with the lead-in (nothing when they come less close).

    An item is embedded under its lead-in so that "(3) establish safety management agencies" carries who must
    do it; but a long lead-in ("The relevant departments of people's governments at all levels … fulfil the
    following responsibilities:") outweighs the item's own words, every item under it looks alike to the
    question, and the one asked about need not come first (bench/RESULTS.md)."""
    if weight <= 0 or not fused:
        return fused
    head = sorted(fused, key=fused.__getitem__, reverse=True)[:depth]
    own = own_vectors(kb, head)
    lifted = dict(fused)
    for row in head:
        if (vector := own[row]) is not None:
            lifted[row] += weight * max(0.0, float(vector @ query) - dense[row])
    return lifted


def _second_stage(kb: KnowledgeBase, terms: list[str], zh: bool, fused: dict[int, float], ranking: Ranking
                  ) -> dict[int, float]:
    """Re-score the best `rerank_depth` candidates by how much of the question (its index terms) they contain."""
    if ranking.rerank_depth <= 0 or not fused:
        return fused
    head = sorted(fused, key=fused.__getitem__, reverse=True)[: ranking.rerank_depth]
    rescored = rerank(terms, head, fused, kb.gen.store.tokens_of(head), kb.gen.lexical.idf(terms),
                      weight=ranking.coverage_weight_zh if zh else ranking.coverage_weight,
                      pair_weight=ranking.pair_weight_zh if zh else ranking.pair_weight)
    floor = min(rescored.values()) - 1.0  # the rest stay below every re-scored candidate
    return {r: rescored.get(r, floor + fused[r] * 1e-3) for r in fused}
