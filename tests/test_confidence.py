"""Answer confidence: answers read the question's reach in e5's space (English questions against the first
clauses, Chinese ones against their sentences), and abstain when the regulations do not cover the question."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from answer.compose import CALIBRATION, confidence, model_of
from index.clause_vectors import REACH_CHARS, REACH_CHARS_EN, REACH_DEPTH, SENTENCE_CHARS, reach
from index.lexical import tokenize
from index.spelling import respelled
from ingest.text import clause_sentences
from regkb import api
from tests.helpers import SEED

# near the domain (a federal agency, a licence, a permit) but in no indexed text
OUT_OF_SCOPE = [
    "Who approves a new prescription drug before it can be sold in the United States?",
    "Which federal agency can order a recall of an unsafe children's toy?",
    "Which federal agency must register a new pesticide before it can be sold to farmers?",
    "What is the recipe for apple pie?",
]


@pytest.fixture(scope="module")
def seed_kb(seed_settings, embedder):
    return api.open_kb(seed_settings, embedder=embedder)


def test_reach_is_the_best_second_space_cosine_of_the_first_clauses(seed_kb):
    question = "Which department must revoke a licence when a unit still fails after rectification?"
    answer = api.ask(seed_kb, question, k=5)
    zh = seed_kb.gen.zh
    assert zh is not None
    first = answer.citations[:REACH_DEPTH]
    vectors = zh.encode_documents([h.clause.text[:REACH_CHARS_EN] for h in first])  # the batch path, not the cache
    expected = float((vectors @ zh.encode([question])[0]).max())
    assert reach(seed_kb, question, answer.citations) == pytest.approx(expected, abs=1e-4)


def test_an_english_reach_reads_a_duty_stated_last_in_a_long_clause(seed_kb):
    """The seed's licence item states its licensing departments' duty to revoke after its first 800 characters: a short
    question in those words is answered, on a reach that reads the whole clause."""
    question = "Who must revoke the original administrative license?"
    answer = api.ask(seed_kb, question, k=5)
    first = answer.citations[0]
    assert first.clause.clause_id.endswith("/s1/l3/l1/l1/5") and len(first.clause.text) > REACH_CHARS
    assert first.clause.text.index("original administrative license must be revoked") > REACH_CHARS
    zh = seed_kb.gen.zh
    cut = float((zh.encode_documents([h.clause.text[:REACH_CHARS] for h in answer.citations[:REACH_DEPTH]])
                 @ zh.encode([question])[0]).max())
    assert reach(seed_kb, question, answer.citations) > cut
    assert not answer.abstained and answer.responsible


def test_reach_embeds_each_clause_once(seed_kb, monkeypatch):
    zh = seed_kb.gen.zh
    hits = api.ask(seed_kb, "Who supervises coal mine gas control?", k=5).citations
    reach(seed_kb, "Who supervises coal mine gas control?", hits)
    model = zh._load()
    calls = []
    monkeypatch.setattr(model, "passage", lambda texts: calls.append(texts) or np.zeros((len(texts), zh.dim)))
    reach(seed_kb, "Who is responsible for coal mine gas control?", hits)
    assert calls == []  # the same clauses: from memory


def test_a_chinese_question_answered_from_the_main_space_has_no_reach(seed_kb):
    hits = api.ask(seed_kb, "谁负责安全生产的综合监督管理？", k=5).citations
    assert hits and hits[0].space == ""  # the seed holds no Chinese clause
    assert reach(seed_kb, "谁负责安全生产的综合监督管理？", hits) is None
    assert reach(seed_kb, "Who leads?", []) is None


def test_a_chinese_questions_reach_is_its_best_cosine_to_the_first_clauses_sentences(corpus_settings, embedder):
    kb = api.open_kb(corpus_settings, embedder=embedder)
    question = "重大事故隐患超出本部门管辖范围时应当向谁报告？"
    first = api.ask(kb, question, k=5).citations[:REACH_DEPTH]
    assert [h.space for h in first] == ["zh"] * len(first)
    sentences = [s for h in first for s in clause_sentences(h.clause.text[:REACH_CHARS]) if len(s) >= SENTENCE_CHARS]
    assert len(sentences) > len(first)  # articles of several sentences: each is measured on its own
    zh = kb.gen.zh
    expected = float((zh.encode_documents(sentences) @ zh.encode([question])[0]).max())  # the batch path
    assert reach(kb, question, first) == pytest.approx(expected, abs=1e-4)
    whole = float((zh.encode_documents([h.clause.text[:REACH_CHARS] for h in first]) @ zh.encode([question])[0]).max())
    assert expected != pytest.approx(whole, abs=1e-4)  # not the clauses' own cosine


def test_the_model_follows_what_is_known():
    hit = type("H", (), {"space": "", "found_by": ("dense",)})()
    assert model_of(hit, 0.8) == "en" and model_of(hit, None) == ""
    assert set(CALIBRATION) == {"", "en", "zh"}


@pytest.mark.parametrize("question", OUT_OF_SCOPE)
def test_out_of_scope_english_questions_abstain_on_the_default_corpus(seed_kb, question):
    answer = api.ask(seed_kb, question, k=5)
    assert answer.abstained and answer.responsible == [], (answer.confidence, answer.text)


@pytest.mark.parametrize("question", OUT_OF_SCOPE[:3])
def test_out_of_scope_english_questions_abstain_on_the_shared_corpus(corpus_settings, embedder, question):
    """On a corpus that holds the OSH Act a question about another federal agency finds clauses about federal
    agencies; it still abstains."""
    answer = api.ask(api.open_kb(corpus_settings, embedder=embedder), question, k=5)
    assert answer.abstained and answer.responsible == [], (answer.confidence, answer.text)


def test_without_the_second_model_english_confidence_reads_the_main_model_alone(settings, embedder):
    off = dataclasses.replace(settings, model_zh="none")
    assert api.ingest_paths(off, [SEED], embedder=embedder).ok
    kb = api.open_kb(off, embedder=embedder)
    question = "Which department must revoke a licence when a unit still fails after rectification?"
    answer = api.ask(kb, question, k=5)
    assert reach(kb, question, answer.citations) is None
    read, _ = respelled(question, kb.gen.lexical)  # 'licence' is read as the seed's 'license'
    weights = kb.gen.lexical.weights(tokenize(read))
    assert answer.confidence == confidence(read, answer.citations[0], weights)  # the "" model
    assert not answer.abstained


# near the domain (safety, a department, a fine) but in no indexed text; the last one was answered, from 消防法
# 第五十九条, before Chinese confidence read the clauses' sentences (bench/RESULTS.md)
NEAR_DOMAIN_ZH = [
    "高铁列车上吸烟会被罚多少钱？",
    "医院发生医疗纠纷应当向哪个部门报告？",
    "农村村民自己盖三层以上的房子，要不要找有资质的单位设计？由哪个部门管？",
]


@pytest.mark.parametrize("question", NEAR_DOMAIN_ZH)
def test_chinese_questions_near_the_domain_abstain_on_the_shared_corpus(corpus_settings, embedder, question):
    answer = api.ask(api.open_kb(corpus_settings, embedder=embedder), question, k=5)
    assert answer.abstained and answer.responsible == [], (answer.confidence, answer.text)
    assert answer.citations  # the nearest clauses stay as leads
