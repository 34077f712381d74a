"""Words a question uses and the regulations do not: their nearest words in the corpus, for the lexical search.

An official asks about a "plane crash" or a "yearly" plan; the statute says "aircraft accident" and "annual".
BM25 finds nothing for the first words, so a question in lay words leans on the dense model alone. Each
English word the indexed clauses use at least twice gets a vector from the main model at ingest (`words.npy`,
with `words.json`); at question time each English word of the question that the corpus does not use so gets
the corpus words the model places nearest (cosine at least `SIMILAR`, `PER_WORD` of them, not the same stem),
and search adds a BM25 over them at a share of the lexical score (`index.search.Ranking`). Chosen on the
development questions (bench/RESULTS.md); nothing is listed by hand.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from bm25s.stopwords import STOPWORDS_EN_PLUS

from index.embedder import reuse_or_encode
from index.lexical import english

FILES = ("words.json", "words.npy")
MIN_COUNT = 2  # a word the corpus uses this often is its own, and is not expanded
SIMILAR = 0.55  # the least cosine between a question's word and a corpus word that stands in for it
PER_WORD = 2  # corpus words taken for each word of the question
_WORD = re.compile(r"[A-Za-z]{3,}")
MEMO = 50_000  # question words whose nearest words are kept in memory
# function words ("how", "our", "its") are not expanded: the index keeps them as terms, but their nearest words
# ("ways", "them") are no evidence of anything asked
FUNCTION_WORDS = frozenset(STOPWORDS_EN_PLUS)


def english_words(text: str) -> list[str]:
    """The English words of a text as the word space holds them: lower case, three letters or more."""
    return [w.lower() for w in _WORD.findall(text)]


def vocabulary(texts: Iterable[str]) -> list[str]:
    """The words the texts use at least `MIN_COUNT` times, stop words left out, sorted."""
    stop, _ = english()
    counts = Counter(w for text in texts for w in english_words(text))
    return sorted(w for w, n in counts.items() if n >= MIN_COUNT and w not in stop)


class WordSpace:
    """The corpus's English words and their vectors in the main model's space."""

    def __init__(self, words: list[str], vectors: np.ndarray) -> None:
        self.words = words
        self.vectors = vectors
        self._known = frozenset(words)
        self._near: dict[str, list[str]] = {}  # what each question word found, kept: questions come again
        _, stemmer = english()
        self._stems = [stemmer.stemWord(w) for w in words]  # type: ignore[attr-defined]

    @classmethod
    def build(cls, words: list[str], encode: Callable[[Sequence[str]], np.ndarray],
              old: WordSpace | None = None) -> WordSpace:
        """Vectors for `words`: those `old` holds reused, the rest encoded."""
        held = {w: i for i, w in enumerate(old.words)} if old is not None else {}
        return cls(words, reuse_or_encode(words, words, held, old.vectors if old is not None else None, encode))

    def save(self, folder: Path) -> list[Path]:
        names, vectors = (folder / f for f in FILES)
        names.write_text(json.dumps(self.words), encoding="utf-8")
        np.save(vectors, self.vectors.astype(np.float32))
        return [names, vectors]

    @classmethod
    def load(cls, folder: Path) -> WordSpace | None:
        """The generation's word space; None for a generation written before there was one."""
        names, vectors = (folder / f for f in FILES)
        if not names.is_file() or not vectors.is_file():
            return None
        return cls(json.loads(names.read_text(encoding="utf-8")), np.load(vectors))

    def unknown(self, question: str) -> list[str]:
        """The question's words the corpus does not use (or uses once), stop and function words left out."""
        stop, _ = english()
        return [w for w in dict.fromkeys(english_words(question))
                if w not in stop and w not in FUNCTION_WORDS and w not in self._known]

    def nearest(self, words: list[str], encode: Callable[[Sequence[str]], np.ndarray]) -> list[str]:
        """For each of `words`, the corpus words nearest it (at least `SIMILAR`, at most `PER_WORD`, another
        stem), in order."""
        if not words or not self.words:
            return []
        todo = [w for w in dict.fromkeys(words) if w not in self._near]
        if todo:
            _, stemmer = english()
            similarity = encode(todo) @ self.vectors.T
            for i, word in enumerate(todo):
                stem = stemmer.stemWord(word)  # type: ignore[attr-defined]
                near: list[str] = []
                for j in np.argsort(-similarity[i])[: PER_WORD * 8]:
                    if similarity[i, j] < SIMILAR or len(near) == PER_WORD:
                        break
                    if self._stems[j] != stem:
                        near.append(self.words[j])
                if len(self._near) >= MEMO:
                    self._near.clear()
                self._near[word] = near
        return list(dict.fromkeys(n for w in words for n in self._near.get(w, [])))

