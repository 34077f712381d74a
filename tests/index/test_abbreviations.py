"""Chinese short forms a question uses and the regulations do not (index/abbreviations.py)."""
from __future__ import annotations

import pytest

from index.abbreviations import full_form, is_subsequence, made_of_words, short_forms, spelled_out
from regkb import api


def test_subsequence_keeps_order():
    assert is_subsequence("危化品", "危险化学品")
    assert not is_subsequence("化危品", "危险化学品")


def test_a_phrase_of_known_words_is_no_short_form():
    words = {"履行", "义务", "鉴定"}.__contains__
    assert made_of_words("履行义务", words)
    assert made_of_words("鉴定人", words)  # one single character at most
    assert not made_of_words("危化品", words)


def test_full_form_is_the_most_used_run_that_spells_it_out():
    texts = ["危险化学品生产企业应当提供安全技术说明书。", "储存危险化学品的单位应当建立制度。",
             "危险化学品的装卸作业应当遵守规程。", "危险物品的生产单位应当备案。"]
    assert full_form("危化品", texts) == "危险化学品"
    assert full_form("危化品", texts[:2]) == ""  # used twice only: too little evidence


def test_a_run_ending_in_a_function_word_is_no_full_form():
    texts = ["旅游服务企业或者个人应当遵守规定。"] * 3
    assert full_form("服务者", texts) == ""


def test_only_unknown_words_are_candidates():
    corpus = "生产经营单位的主要负责人对本单位的安全生产工作全面负责。危险化学品"
    forms = short_forms("危化品仓库的主要负责人有哪些职责？", corpus.__contains__)
    assert "危化品" in forms
    assert not any("负责人" in f for f in forms)


@pytest.fixture(scope="module")
def kb(corpus_settings, embedder):
    return api.open_kb(corpus_settings, embedder=embedder)


def test_questions_in_short_forms_are_read_in_full_on_real_text(kb):
    read, spelled = spelled_out("危化品仓库着火了，企业该找哪个部门？", kb.gen)
    assert spelled == [("危化品", "危险化学品")]
    assert read.startswith("危险化学品仓库")
    plain = "生产经营单位的主要负责人有哪些安全生产职责？"
    assert spelled_out(plain, kb.gen) == (plain, [])


def test_the_answer_says_how_it_read_the_question(kb):
    answer = api.ask(kb, "危化品的安全监督管理由哪些部门负责？")
    assert any("危化品" in n and "危险化学品" in n for n in answer.notes)
    assert answer.citations[0].clause.doc_id.startswith("危险化学品安全管理条例")
    plain = api.ask(kb, "危险化学品的安全监督管理由哪些部门负责？")
    assert not any("理解" in n for n in plain.notes)
