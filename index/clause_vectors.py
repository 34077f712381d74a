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
from ingest.text import clause_sentences, lang_of

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
REACH_CHARS = 800  # … and how much of a Chinese clause's own words (an item's lead-in stays out: the main model has it)
REACH_CHARS_EN = 2000  # … and of an English one: about the 512 tokens e5 reads, so a duty stated last still counts
SENTENCE_CHARS = 6  # a shorter piece of a Chinese clause ("（一）", "第五条") is no sentence to measure


def reach(kb: KnowledgeBase, question: str, hits: list[Hit]) -> float | None:
    """How close multilingual-e5 places a question to the first `REACH_DEPTH` clauses of its answer: the best
    cosine. None without the second model, or for a Chinese question answered from the main space (an index with
    no Chinese clause).

    Answer confidence reads it beside the cosine that ranked the clause. A question not in Chinese was searched
    with all-MiniLM-L6-v2: e5 measures it against the clauses themselves, and a question the regulations do not
    cover often finds a clause the main model rates close, seldom one e5 does too. A Chinese question was
    searched in e5's own space, clause by clause: e5 measures it against the clauses' sentences, since an
    article holds several duties and a question one of them — a question near the domain but outside it
    ("农村村民自己盖三层以上的房子……由哪个部门管") matches an article's wording at large better than any one of its
    sentences (bench/RESULTS.md). The passages are embedded here, not at ingest, where e5 would take ten times as
    long as the main model; their vectors stay in memory."""
    gen = kb.gen
    if gen.zh is None or not hits:
        return None
    first = hits[:REACH_DEPTH]
    if lang_of(question) != "zh":
        passages = [h.clause.text[:REACH_CHARS_EN] for h in first]
    elif first[0].space == "zh":
        passages = [s for h in first for s in clause_sentences(h.clause.text[:REACH_CHARS])
                    if len(s) >= SENTENCE_CHARS] or [h.clause.text[:REACH_CHARS] for h in first]
    else:
        return None
    vectors = gen.zh.encode_passages(passages)
    return float((vectors @ gen.zh.encode([question])[0]).max())
