"""The lexical channel's adjacent-pair BM25, the document prior and items' own words, on real indexes."""
from __future__ import annotations

import shutil
from dataclasses import replace

import numpy as np

from index import generations
from index.clause_vectors import own_vectors
from index.kb import KnowledgeBase
from index.lexical import PAIRS, LexicalIndex, pairs, tokenize
from index.manifest import Manifest
from index.recipe import embed_text
from index.search import DEFAULT_RANKING, _document_prior, search
from regkb import api

PHRASE = tokenize("A firm must segregate client money from its own money.")
SCATTERED = tokenize("Money paid by a client to a firm may be its own; the firm must segregate records.")
OTHER = tokenize("The regulator publishes an annual report on market conduct.")


def test_chinese_legal_terms_are_no_stop_words():
    # a general stop list drops accident grades, thresholds and deadlines; regulations need them
    assert tokenize("发生一般事故") == ["发生", "一般", "事故"]
    assert {"重大", "以上", "立即"} <= set(tokenize("一百人以上的单位发现重大事故隐患，应当立即报告"))
    assert "的" not in tokenize("单位的负责人")


def test_pairs_join_adjacent_terms_and_skip_a_repeated_one():
    assert pairs(["client", "money", "rule"]) == ["client_money", "money_rule"]
    assert pairs(["money", "money"]) == []
    assert pairs(["one"]) == [] and pairs([]) == []


def test_the_pair_channel_prefers_the_clause_that_keeps_the_phrase(tmp_path):
    lexical = LexicalIndex.build([SCATTERED, PHRASE, OTHER])
    question = tokenize("segregating client money")
    terms, phrase = lexical.scores(question), lexical.pair_scores(question)
    assert terms[0] > 0 and terms[1] > 0  # both share the words ...
    assert phrase[1] > 0 and phrase[0] == 0 and phrase[2] == 0  # ... only one keeps them side by side

    files = lexical.save(tmp_path)
    assert any(p.parent.name == PAIRS for p in files)
    again = LexicalIndex.load(tmp_path)
    np.testing.assert_allclose(again.pair_scores(question), phrase)
    np.testing.assert_allclose(again.scores(question), terms)


def test_an_index_written_before_the_pair_channel_still_loads(tmp_path):
    LexicalIndex.build([PHRASE, OTHER]).save(tmp_path)
    shutil.rmtree(tmp_path / "lexical" / PAIRS)
    old = LexicalIndex.load(tmp_path)
    question = tokenize("client money")
    assert old.pair_bm25 is None
    assert not old.pair_scores(question).any() and old.scores(question)[0] > 0


def test_each_generation_lists_its_pair_index_in_the_manifest(settings, corpus, embedder):
    api.ingest_paths(settings, [corpus], embedder=embedder)
    live = generations.current(settings.index_dir)
    listed = [name for name in Manifest.load(live).files if f"/{PAIRS}/" in name]
    assert listed and all((live / name).is_file() for name in listed)


def test_the_document_prior_lifts_each_candidate_by_its_documents_best_score(settings, corpus, embedder):
    api.ingest_paths(settings, [corpus], embedder=embedder)
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    doc_of = kb.gen.doc_of_row
    clauses = kb.gen.store.by_rows(list(range(len(doc_of))))
    assert len({c.doc_id for c in clauses}) == len(set(doc_of.tolist())) == 2
    for row in range(1, len(clauses)):
        assert (clauses[row - 1].doc_id == clauses[row].doc_id) == (doc_of[row - 1] == doc_of[row])
    law = [row for row, c in enumerate(clauses) if c.doc_id == "测试安全条例"]
    seed = [row for row, c in enumerate(clauses) if c.doc_id != "测试安全条例"]
    first_law, first_seed, other_seed = law[0], seed[0], seed[1]
    fused = {first_seed: 0.9, other_seed: 0.2, first_law: 0.5}
    lifted = _document_prior(kb, fused, 0.5)
    assert lifted == {first_seed: 0.9 + 0.45, other_seed: 0.2 + 0.45, first_law: 0.5 + 0.25}
    assert _document_prior(kb, fused, 0.0) == fused


def test_an_item_gains_what_its_own_words_add_over_its_lead_in(settings, corpus, embedder):
    api.ingest_paths(settings, [corpus], embedder=embedder)
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    question = "Who must supervise the safety of production units and make them improve their conditions?"
    without = {h.clause.clause_id: h for h in search(kb, question, k=30,
                                                      ranking=replace(DEFAULT_RANKING, own_words_en=0.0))}
    ranked = search(kb, question, k=30)
    assert {h.clause.clause_id for h in ranked} == set(without)  # the same best 30, in another order
    query = embedder.encode([question])[0]
    weight, lifted = DEFAULT_RANKING.own_words_en, 0
    for hit in ranked:
        before = without[hit.clause.clause_id]
        if embed_text(hit.clause) == hit.clause.text:  # no lead-in, nothing to add
            assert hit.score == before.score
            continue
        own = float(embedder.encode_documents([hit.clause.text])[0] @ query)
        expected = before.score + weight * max(0.0, own - before.dense)
        assert abs(hit.score - expected) < 2e-3, hit.clause.clause_id  # bfloat16, batched apart
        lifted += hit.score > before.score
    assert lifted  # some item's own words are closer to the question than the item with its lead-in
    rows = list(range(kb.gen.vectors.count()))
    vectors = own_vectors(kb, rows)
    for row, clause in zip(rows, kb.gen.store.by_rows(rows), strict=True):
        assert (vectors[row] is None) == (clause.lang == "zh" or embed_text(clause) == clause.text)
    zh = "生产经营单位应当建立什么责任制？"  # Chinese questions keep the Chinese space's order
    assert [h.score for h in search(kb, zh, k=10)] == [
        h.score for h in search(kb, zh, k=10, ranking=replace(DEFAULT_RANKING, own_words_en=0.0))]
