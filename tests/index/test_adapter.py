"""English questions moved toward the corpus's wording by a map fitted at ingest (index/adapter.py)."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from index import adapter as adapter_module
from index import generations
from index.adapter import FILES, MARK, MIN_PAIRS, QueryAdapter, fit, pseudo_questions
from index.kb import KnowledgeBase
from index.manifest import Manifest
from index.search import DEFAULT_RANKING, search
from regkb import api
from tests.helpers import SEED

OSH = "US_29USC_ch15_Occupational_Safety_and_Health_Act"


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("batch", [4096, 128])  # every question and candidate at each step; drawn ones
def test_the_fit_learns_how_questions_are_distorted_from_their_clauses(monkeypatch, batch):
    monkeypatch.setattr(adapter_module, "BATCH", batch)
    rng = np.random.default_rng(1)
    clauses = _unit(rng.standard_normal((400, 384)))
    targets = rng.integers(0, 400, 800)
    distortion = np.eye(384) + 1.5 * rng.standard_normal((384, 384)) / np.sqrt(384)
    questions = _unit(clauses[targets] @ distortion.T + 0.3 * rng.standard_normal((800, 384)))

    def first_right(matrix: np.ndarray) -> float:
        return float(((_unit(questions @ matrix.T) @ clauses.T).argmax(axis=1) == targets).mean())

    matrix = fit(questions, clauses, targets)
    assert first_right(np.eye(384)) < 0.7 and first_right(matrix) > 0.95


def test_a_clause_asks_about_itself_by_its_document_and_headings_and_by_its_first_sentence(corpus_settings,
                                                                                           embedder):
    kb = KnowledgeBase(corpus_settings.index_dir, embedder=embedder)
    clause = kb.clauses([f"{OSH}/s655/c/1"])[0]
    asked = pseudo_questions(clause, kb.document(OSH).title)
    assert asked[0].startswith("CHAPTER 15— OCCUPATIONAL SAFETY AND HEALTH: ")  # the "(Title 29— LABOR)" left out
    assert clause.headings[-1][:120] in asked[0]
    assert asked[1].startswith("The Secretary shall provide")  # the number "(1)" left out
    assert clause.text.lstrip("(1) ").startswith(asked[1].rstrip("."))
    chinese = next(c for c in kb.gen.store.all_clauses() if c.lang == "zh")
    assert pseudo_questions(chinese, "中华人民共和国安全生产法") == []


def test_the_fitted_map_brings_each_clause_nearer_the_questions_its_headings_ask(corpus_settings, embedder):
    kb = KnowledgeBase(corpus_settings.index_dir, embedder=embedder)
    adapter = kb.gen.adapter
    assert adapter is not None and adapter.matrix is not None
    assert set(FILES) <= set(Manifest.load(generations.current(corpus_settings.index_dir)).files)
    rows = kb.gen.store.row_map()
    english = [c for c in kb.gen.store.all_clauses() if c.lang == "en" and c.kind != "preamble"]
    vectors = kb.gen.vectors.vectors(np.asarray([rows[c.clause_id] for c in english]))
    title = kb.document(OSH).title
    asked = [(i, pseudo_questions(c, title)[0]) for i, c in enumerate(english) if c.doc_id == OSH and c.headings]
    questions = embedder.encode([q for _, q in asked])

    def mean_reciprocal_rank(share: float) -> float:
        moved = np.stack([adapter.apply(q, share) for q in questions])
        scores = moved @ vectors.T
        own = scores[np.arange(len(asked)), [i for i, _ in asked]]
        return float(np.mean(1.0 / (1 + (scores > own[:, None]).sum(axis=1))))

    assert mean_reciprocal_rank(1.0) > mean_reciprocal_rank(0.0) + 0.05
    q = questions[0]
    assert adapter.apply(q, 0.0) is q
    assert np.isclose(np.linalg.norm(adapter.apply(q, DEFAULT_RANKING.adapter_share)), 1.0, atol=1e-5)


def test_hits_report_the_models_own_cosine_while_the_moved_question_ranks_them(corpus_settings, embedder):
    kb = KnowledgeBase(corpus_settings.index_dir, embedder=embedder)
    question = "How long may an emergency temporary standard stay in effect before a permanent one is issued?"
    own = embedder.encode([question])[0]
    rows = kb.gen.store.row_map()
    moved = search(kb, question, k=10)
    unmoved = search(kb, question, k=10, ranking=dataclasses.replace(DEFAULT_RANKING, adapter_share=0.0))
    for hits in (moved, unmoved):
        vectors = kb.gen.vectors.vectors(np.asarray([rows[h.clause.clause_id] for h in hits]))
        assert np.allclose([h.dense for h in hits], vectors @ own, atol=1e-5)
    assert [h.score for h in moved] != [h.score for h in unmoved]


def test_the_seed_alone_is_too_small_for_a_map_and_its_pseudo_questions_are_reused(seed_settings, embedder):
    kb = KnowledgeBase(seed_settings.index_dir, embedder=embedder)
    adapter = kb.gen.adapter
    assert adapter is not None and adapter.matrix is None  # fewer than MIN_PAIRS pseudo questions
    assert 0 < len(adapter.hashes) < MIN_PAIRS
    rows = kb.gen.store.row_map()
    title = kb.documents()[0].title
    clauses = [(rows[c.clause_id], c, title) for c in kb.gen.store.all_clauses()]
    vectors = kb.gen.vectors.vectors(np.arange(kb.gen.vectors.count()))
    asked: list[list[str]] = []

    def encode(texts):
        asked.append(list(texts))
        return embedder.encode_queries(texts)

    again = QueryAdapter.build(clauses, vectors, encode, adapter)
    assert asked == [] and again.hashes == adapter.hashes and np.array_equal(again.vectors, adapter.vectors)
    fresh = QueryAdapter.build(clauses[:-3], vectors, encode, adapter)
    assert asked == [] and set(fresh.hashes) < set(adapter.hashes)  # fewer clauses: nothing new to embed


def test_an_index_written_before_there_were_maps_gets_one_at_the_next_ingest(settings, embedder):
    assert api.ingest_paths(settings, [SEED], embedder=embedder).ok
    live = generations.current(settings.index_dir)
    manifest = Manifest.load(live)
    for name in FILES:
        (live / name).unlink(missing_ok=True)
        manifest.files.pop(name, None)
    manifest.save(live)
    assert QueryAdapter.load(live) is None
    assert KnowledgeBase(settings.index_dir, embedder=embedder).gen.adapter is None  # it still reads

    assert api.ingest_paths(settings, [SEED], embedder=embedder).ok  # nothing changed but the missing map
    newer = generations.current(settings.index_dir)
    assert newer != live and (newer / MARK).is_file()
    assert api.ingest_paths(settings, [SEED], embedder=embedder).ok
    assert generations.current(settings.index_dir) == newer  # and then nothing to do
