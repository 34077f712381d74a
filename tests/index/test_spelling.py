"""English spellings a question uses and the regulations do not (index/spelling.py)."""
from __future__ import annotations

from index.lexical import LexicalIndex, tokenize
from index.spelling import respelled, variants
from regkb import api


def test_the_regular_correspondences_both_ways():
    assert variants("licence") == ["license"] and variants("license") == ["licence"]
    assert variants("labour") == ["labor"] and variants("labor") == ["labour"]
    assert variants("organisation") == ["organization"] and variants("analysed") == ["analyzed"]
    assert variants("programme") == ["program"] and variants("centre") == ["center"]
    assert variants("travelled") == ["traveled"] and variants("judgement") == ["judgment"]
    assert variants("colour") == ["color"]
    for word in ("hour", "four", "sense", "label", "hall"):  # endings that are no correspondence
        assert variants(word) == [], word


def test_only_a_word_the_clauses_lack_is_read_in_the_spelling_they_use():
    clauses = ["The department that issued the license shall revoke it.", "Employers shall organize training.",
               "The Labour Bureau keeps the records."]
    lexical = LexicalIndex.build([tokenize(c) for c in clauses])
    read, changed = respelled("Who revokes a Licence, and who organises training?", lexical)
    assert read == "Who revokes a License, and who organizes training?"
    assert changed == [("Licence", "license"), ("organises", "organizes")]
    # 'labour' is the clauses' own word; 'labor' is read as it; a word in neither spelling stays
    assert respelled("What does the labour bureau keep?", lexical)[1] == []
    assert respelled("What does the labor bureau keep?", lexical)[0] == "What does the labour bureau keep?"
    assert respelled("Which colour is the licence plate?", lexical)[0] == "Which colour is the license plate?"


def test_a_british_spelling_gets_the_answer_the_seeds_own_spelling_gets(seed_settings, embedder):
    """The seed writes 'license'; an official writes 'licence'."""
    seed = api.open_kb(seed_settings, embedder=embedder)
    british = api.ask(seed, "Which department must revoke a licence when a unit still fails after rectification?")
    american = api.ask(seed, "Which department must revoke a license when a unit still fails after rectification?")
    assert british.citations[0].clause.clause_id == american.citations[0].clause.clause_id
    assert british.confidence == american.confidence and british.responsible == american.responsible
    assert british.citations[0].clause.clause_id.endswith("/s1/l3/l1/l1/5")
