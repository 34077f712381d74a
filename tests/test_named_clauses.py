"""A question that names a clause gets exactly that clause first, in every form officials write it."""
from __future__ import annotations

import pytest

from answer.lookup import references
from regkb import api

AQ = "安全生产法(2021-06-10)"
FIRE = "消防法(2021-04-29)"
HAZ = "危险化学品安全管理条例(2013-12-07)"
ACC = "生产安全事故报告和调查处理条例(2007-04-09)"
OSH = "US_29USC_ch15_Occupational_Safety_and_Health_Act"

REFERENCES = [
    ("安全生产法第十条", f"{AQ}/a10"),
    ("安全生产法第十条第二款规定了什么？", f"{AQ}/a10"),  # a10 is one unit: its paragraphs stay together
    ("《中华人民共和国安全生产法》第一条", f"{AQ}/a1"),
    ("中华人民共和国安全生产法第三十八条的内容", f"{AQ}/a38"),
    ("安全生产法第二十一条第三项", f"{AQ}/a21/i3"),
    ("安全生产法第二十一条第（三）项是什么", f"{AQ}/a21/i3"),
    ("安全生产法第八十三条讲了什么", f"{AQ}/a83"),
    ("安全生产法第一百一十四条", f"{AQ}/a114"),
    ("安全生产法第一百一十四条第二项罚多少", f"{AQ}/a114/i2"),
    ("安全生产法第114条", f"{AQ}/a114"),
    ("安全生产法第一百一十九条", f"{AQ}/a119"),
    ("请问《安全生产法》第十条和消防法有什么关系", f"{AQ}/a10"),
    ("消防法第四条讲了什么", f"{FIRE}/a4"),
    ("消防法第四条第二款", f"{FIRE}/a4"),
    ("消防法第十六条第二项", f"{FIRE}/a16/i2"),
    ("消防法第七十四条", f"{FIRE}/a74"),
    ("《消防法》第四十四条", f"{FIRE}/a44"),
    ("中华人民共和国消防法第44条", f"{FIRE}/a44"),
    ("危险化学品安全管理条例第六条第八项", f"{HAZ}/a6/i8"),
    ("危险化学品安全管理条例第六条第（八）项由谁负责", f"{HAZ}/a6/i8"),
    ("危险化学品安全管理条例第十九条第三款", f"{HAZ}/a19/p3"),
    ("《危险化学品安全管理条例》第二十三条", f"{HAZ}/a23"),
    ("危险化学品安全管理条例第一百零二条", f"{HAZ}/a102"),
    ("危险化学品安全管理条例第八十条第四项", f"{HAZ}/a80/i4"),
    ("生产安全事故报告和调查处理条例第三条第二项", f"{ACC}/a3/i2"),
    ("生产安全事故报告和调查处理条例第九条", f"{ACC}/a9"),
    ("生产安全事故报告和调查处理条例第四十六条说的是什么", f"{ACC}/a46"),
    ("生产安全事故报告和调查处理条例第十九条第二款", f"{ACC}/a19"),
    ("29 U.S.C. § 654(a)(1)", f"{OSH}/s654/a/1"),
    ("What does 29 USC 654(a)(1) require?", f"{OSH}/s654/a/1"),
    ("29 USC 658(c)", f"{OSH}/s658/c"),
    ("29 U.S.C. 657(f)(1)", f"{OSH}/s657/f/1"),
    ("section 657(f)(1) of title 29", f"{OSH}/s657/f/1"),
    ("29 U.S.C. § 666(j) penalty factors", f"{OSH}/s666/j"),
    ("29 USC §655(c)(3)", f"{OSH}/s655/c/3"),
    ("What is in 29 U.S.C. § 660(c)?", f"{OSH}/s660/c"),
    ("29 U.S.C. § 668(a)", f"{OSH}/s668/a"),
    ("29 USC 678", f"{OSH}/s678"),
    ("29 U.S.C. § 652(5)", f"{OSH}/s652/5"),
    ("29 U.S.C. § 667(c)(2)", f"{OSH}/s667/c/2"),
    ("29 U.S.C. § 651(b)(3)", f"{OSH}/s651/b/3"),
    ("29 USC 662(a) injunction", f"{OSH}/s662/a"),
    ("29 U.S.C. § 669(a)(1)", f"{OSH}/s669/a/1"),
    ("29 U.S.C. § 671a(b)", f"{OSH}/s671a/b"),
]


@pytest.fixture(scope="module")
def kb(corpus_settings, embedder):
    return api.open_kb(corpus_settings, embedder=embedder)


def test_there_are_enough_references():
    assert len(REFERENCES) >= 40 and len({r for r, _ in REFERENCES}) == len(REFERENCES)


@pytest.mark.parametrize("question,clause_id", REFERENCES)
def test_the_named_clause_comes_first(kb, question, clause_id):
    answer = api.ask(kb, question, k=3)
    assert answer.citations[0].clause.clause_id == clause_id
    assert "reference" in answer.citations[0].found_by


def test_a_clause_that_does_not_exist_is_not_invented(kb):
    answer = api.ask(kb, "安全生产法第九百九十九条", k=3)
    assert all(not h.clause.clause_id.endswith("/a999") and "reference" not in h.found_by for h in answer.citations)


@pytest.mark.parametrize("question,note", [
    ("安全生产法第二百条讲了什么？", "所收录的法规中没有安全生产法第二百条"),  # the law is here, the article is not
    ("What does 29 USC 999 say?", "the indexed regulations have no 29 USC 999"),
    ("Under 42 U.S.C. § 1983, who is liable?", "the indexed regulations have no 42 U.S.C. § 1983"),
])
def test_a_named_clause_the_index_lacks_abstains_and_says_so(kb, question, note):
    """No neighbouring article answers in its place: the answer abstains, names what is missing, keeps leads."""
    answer = api.ask(kb, question, k=3)
    assert answer.abstained and answer.confidence == 0.0 and answer.notes == [note], answer.notes
    assert answer.citations and all("reference" not in h.found_by for h in answer.citations)
    assert references(kb, "安全生产法第十条讲了什么？").absent == []


def test_a_section_a_found_clause_cites_is_no_missing_clause(kb):
    """18 U.S.C. § 1905 is not indexed, but a clause here treats trade secrets "referred to in section 1905 of title
    18" as confidential: asked about such secrets, that clause answers, with no "have no section 1905" note."""
    question = "Must an inspector keep confidential a trade secret referred to in section 1905 of title 18?"
    assert references(kb, question).absent  # the section is not indexed
    answer = api.ask(kb, question, k=3)
    assert not answer.abstained and not any("have no" in n for n in answer.notes), answer.notes
    assert "section 1905 of title 18" in answer.citations[0].clause.text


def test_a_paragraph_its_article_lacks_cites_the_article_and_says_so(kb):
    answer = api.ask(kb, "安全生产法第十条第九款讲了什么？", k=3)  # 第十条 has three paragraphs
    assert answer.citations[0].clause.clause_id.endswith("/a10") and not answer.abstained
    assert "所收录的法规中没有安全生产法第十条第九款，以下引用《中华人民共和国安全生产法》第十条" in answer.notes
    for question in ("安全生产法第十条第三款讲了什么？", "安全生产法第二十一条第一款"):  # there, or the article itself
        assert not any("没有" in n for n in api.ask(kb, question, k=3).notes), question


def test_a_subdivision_its_section_lacks_cites_the_section_and_says_so(kb):
    answer = api.ask(kb, "What does 29 USC 654(a)(9) say?", k=3)  # 654(a) has paragraphs (1) and (2)
    assert answer.citations[0].clause.clause_id == f"{OSH}/s654/a" and not answer.abstained
    assert "the indexed regulations have no 29 USC 654(a)(9); 29 U.S.C. § 654(a) is cited instead" in answer.notes
    # there as a clause of its own, or set out inline in its paragraph's text ("if he determines (A) that …"),
    # or a cross-reference that is not one
    for question in ("29 USC 654(a)(2)", "29 U.S.C. § 655(c)(1)(A)", "29 USC 655(b)(3)"):
        assert not any("have no" in n for n in api.ask(kb, question, k=3).notes), question
    assert any("have no 29 USC 655(b)(4)(2)" in n for n in api.ask(kb, "29 USC 655(b)(4)(2)", k=3).notes)
