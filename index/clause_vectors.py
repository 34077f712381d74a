"""Clause vectors made at question time, beside the index's own: an item's own words in the main space, and the
first clauses of an answer in the second space (for confidence). Both are embedded when first asked for and
kept in memory, so a clause costs its embedding once per process and nothing at ingest."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import numpy as np

from index.kb import KnowledgeBase
from index.recipe import embed_text
from ingest.text import lang_of

if TYPE_CHECKING:
    from index.search import Hit

OWN_MEMO = 20_000  # items whose own-words vectors a process keeps, per index generation
_OWN: WeakKeyDictionary[object, dict[int, np.ndarray | None]] = WeakKeyDictionary()
_OWN_LOCK = threading.Lock()


def own_vectors(kb: KnowledgeBase, rows: list[int]) -> dict[int, np.ndarray | None]:
    """Per row, the main model's vector of the clause's own words when its dense text adds a lead-in or heading
    (index.recipe.embed_text), else None. Embedded when first asked for and kept in memory."""
    gen = kb.gen
    with _OWN_LOCK:
        memo = _OWN.setdefault(gen, {})
        known = {r: memo[r] for r in rows if r in memo}
    todo = [r for r in dict.fromkeys(rows) if r not in known]
    if todo:
        clauses = gen.store.by_rows(todo)
        items = [(r, c.text) for r, c in zip(todo, clauses, strict=True) if c.lang != "zh" and embed_text(c) != c.text]
        vectors = kb.embedder.encode_documents([text for _, text in items]) if items else []
        found = {r: None for r in todo} | {r: v for (r, _), v in zip(items, vectors, strict=True)}
        with _OWN_LOCK:
            if len(memo) + len(found) > OWN_MEMO:
                memo.clear()
            memo.update(found)
        known |= found
    return {r: known[r] for r in rows}


REACH_DEPTH = 3  # how many of an answer's first clauses `reach` reads
REACH_CHARS = 800  # … and how much of each clause's own words (an item's lead-in stays out: the main model reads it)


def reach(kb: KnowledgeBase, question: str, hits: list[Hit]) -> float | None:
    """How close the second model (multilingual-e5) places a question not in Chinese to the first
    `REACH_DEPTH` clauses of its answer: the best cosine. None for a Chinese question (it searches that space
    already) or without the second model.

    Answer confidence reads it beside the main model's cosine: a question the regulations do not cover often
    finds a clause all-MiniLM-L6-v2 rates close, seldom one e5 does too (bench/RESULTS.md). The clauses are
    embedded here, not at ingest, where e5 would take ten times as long as the main model; their vectors stay
    in memory."""
    gen = kb.gen
    if gen.zh is None or not hits or lang_of(question) == "zh":
        return None
    vectors = gen.zh.encode_passages([h.clause.text[:REACH_CHARS] for h in hits[:REACH_DEPTH]])
    return float((vectors @ gen.zh.encode([question])[0]).max())
