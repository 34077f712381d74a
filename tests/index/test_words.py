"""Question words the corpus does not use, searched through the corpus words nearest them (index/words.py)."""
from __future__ import annotations

import numpy as np

from index import generations
from index.kb import KnowledgeBase
from index.lexical import tokenize
from index.manifest import Manifest
from index.search import expansion_terms, lexical_scores, with_expansion
from index.words import FILES, WordSpace, vocabulary
from regkb import api


def test_the_vocabulary_holds_words_used_twice_without_stop_words():
    texts = ["The Secretary shall publish an annual report.", "Each annual report of the Secretary is public.",
             "A vessel is mentioned once."]
    assert vocabulary(texts) == ["annual", "report", "secretary"]


def test_a_word_space_reuses_the_vectors_it_held_and_embeds_only_new_words(embedder, tmp_path):
    asked: list[list[str]] = []

    def encode(words):
        asked.append(list(words))
        return embedder.encode_words(words)

    old = WordSpace.build(["aircraft", "annual"], encode)
    new = WordSpace.build(["accident", "aircraft", "annual"], encode, old)
    assert asked == [["aircraft", "annual"], ["accident"]]
    assert np.array_equal(new.vectors[1:], old.vectors)
    new.save(tmp_path)
    loaded = WordSpace.load(tmp_path)
    assert loaded is not None and loaded.words == new.words and np.allclose(loaded.vectors, new.vectors)
    assert WordSpace.load(tmp_path / "written-before-there-were-words") is None


def test_an_unknown_word_finds_its_nearest_corpus_words_but_not_its_own_stem(embedder):
    space = WordSpace.build(["aircraft", "annual", "annually", "employee", "penalty", "river", "vehicle"],
                            embedder.encode_words)
    # stop and function words ('the', 'on', 'who', 'our') are left out; the corpus's own words are not unknown
    assert space.unknown("Who files our yearly report on the plane for an employee?") == ["files", "yearly",
                                                                                           "report", "plane"]
    assert "annual" in space.nearest(["yearly"], embedder.encode)
    assert "aircraft" in space.nearest(["plane"], embedder.encode)
    # 'annually' is another form of 'annual', not a word that stands in for it
    assert "annually" not in space.nearest(["annual"], embedder.encode)
    assert space.nearest(["zzzqx"], embedder.encode) == []  # nothing near enough


def test_an_index_holds_its_words_and_search_reaches_clauses_through_them(corpus_settings, embedder):
    live = generations.current(corpus_settings.index_dir)
    assert set(FILES) <= set(Manifest.load(live).files)  # checked like every other file of a generation
    kb = KnowledgeBase(corpus_settings.index_dir, embedder=embedder)
    question = "How soon must an employer be told about a proposed fine, and which official sends it yearly?"
    tokens = tokenize(question)
    terms = expansion_terms(kb, question, tokens)
    assert "annual" in terms and not set(terms) & set(tokens)
    base = lexical_scores(kb, question)
    expanded = with_expansion(kb, question, tokens, base, 0.5)
    gained = np.flatnonzero(expanded > base)
    assert len(gained) > 0
    holding = kb.gen.store.tokens_of([int(r) for r in gained])
    assert all(set(holding[int(r)]) & set(terms) for r in gained)  # only clauses with an expansion term gain
    assert np.array_equal(with_expansion(kb, question, tokens, base, 0.0), base)


def test_a_generation_without_words_searches_as_before(corpus_settings, embedder, tmp_path):
    kb = KnowledgeBase(corpus_settings.index_dir, embedder=embedder)
    view = kb.pinned()
    view.gen.words, held = None, view.gen.words
    try:
        assert expansion_terms(view, "Which official reports yearly?", tokenize("Which official reports yearly?")) == []
    finally:
        view.gen.words = held
    assert api.ask(kb, "Which official reports yearly?", k=3).citations
