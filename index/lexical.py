"""The lexical index: tokenisers for English and Chinese, and BM25 over clause tokens (bm25s)."""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
FOLDER = "lexical"
RECIPE = ("en: lower, stop-words, Snowball stem; zh: jieba search mode, stop-words but legal terms; "
          "BM25 k1=0.9 b=0.6; second BM25 over adjacent term pairs; English word vectors (index/words.py)")
PAIRS = "pairs"  # sub-folder of the lexical index holding the adjacent-pair BM25
K1, B = 0.9, 0.6  # chosen on ObliQA dev among (0.9, 0.6), (1.2, 0.75), (1.5, 0.75), (1.2, 0.5)


@lru_cache(maxsize=1)
def english() -> tuple[frozenset[str], object]:
    """English stop words and the Snowball stemmer the index uses."""
    import Stemmer
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN), Stemmer.Stemmer("english")


# words a general Chinese stop list drops that carry meaning in regulations: accident grades (一般/重大事故),
# thresholds (以上/以下), deadlines (立即/及时), levels (各级), and prohibitions and musts (不得/必须)
LEGAL_TERMS = frozenset({"一般", "重大", "以上", "以下", "立即", "及时", "各级", "不得", "必须"})


@lru_cache(maxsize=1)
def chinese() -> tuple[frozenset[str], object]:
    import jieba
    from bm25s.stopwords import STOPWORDS_CHINESE

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return frozenset(STOPWORDS_CHINESE) - LEGAL_TERMS, jieba


def words(text: str) -> list[str]:
    """The text cut into words and the runs between them (Chinese by jieba), so ''.join(words) == text."""
    out: list[str] = []
    pos = 0
    for m in _RUN.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        run = m.group()
        out.extend(chinese()[1].cut(run) if _CJK.match(run) else [run])  # type: ignore[attr-defined]
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def tokenize(text: str) -> list[str]:
    """Index terms of a text in either language: stemmed English words and Chinese words."""
    tokens: list[str] = []
    for run in _RUN.findall(text):
        if _CJK.match(run):
            stop, jieba = chinese()
            tokens.extend(t for t in jieba.cut_for_search(run) if t not in stop)  # type: ignore[attr-defined]
        else:
            stop_en, stemmer = english()
            word = run.lower()
            if word not in stop_en:
                tokens.append(stemmer.stemWord(word))  # type: ignore[attr-defined]
    return tokens


def pairs(tokens: list[str]) -> list[str]:
    """Adjacent term pairs as single terms ('client money' -> 'client_money'): a phrase channel for BM25."""
    return [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False) if a != b]


def _bm25(token_lists: list[list[str]]) -> object:
    import bm25s

    bm25 = bm25s.BM25(k1=K1, b=B)
    bm25.index([t or ["\u2205"] for t in token_lists], show_progress=False)
    return bm25


def _scores(bm25: object | None, tokens: list[str], count: int) -> np.ndarray:
    if bm25 is None or not tokens:
        return np.zeros(count, dtype=np.float32)
    vocab = bm25.vocab_dict  # type: ignore[attr-defined]
    known = [t for t in tokens if t in vocab]
    if not known:
        return np.zeros(count, dtype=np.float32)
    return np.asarray(bm25.get_scores(known), dtype=np.float32)  # type: ignore[attr-defined]


class LexicalIndex:
    """BM25 scores over clause rows (terms, and adjacent term pairs); the row order matches the vector store.

    An index written before the pair channel existed loads without it: `pair_scores` is then all zeros."""

    def __init__(self, bm25: object | None, count: int, pair_bm25: object | None = None) -> None:
        self.bm25 = bm25
        self.pair_bm25 = pair_bm25
        self._count = count

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> LexicalIndex:
        """Index the token lists; list position is the row."""
        if not token_lists:
            return cls(None, 0)
        return cls(_bm25(token_lists), len(token_lists), _bm25([pairs(t) for t in token_lists]))

    def count(self) -> int:
        return self._count

    def idf(self, terms: list[str]) -> dict[str, float]:
        """Inverse document frequency of each term the index knows (unknown terms are left out)."""
        if self.bm25 is None:
            return {}
        from index.rerank import idf_of

        vocab = self.bm25.vocab_dict  # type: ignore[attr-defined]
        indptr = self.bm25.scores["indptr"]  # type: ignore[attr-defined]
        known = [t for t in dict.fromkeys(terms) if t in vocab and vocab[t] + 1 < len(indptr)]
        df = np.asarray([indptr[vocab[t] + 1] - indptr[vocab[t]] for t in known], dtype=np.float64)
        return dict(zip(known, idf_of(df, self._count).tolist(), strict=True))

    def weights(self, terms: list[str]) -> dict[str, float]:
        """IDF of each term, and for a term no clause holds the IDF of a term in no clause (the rarest)."""
        from index.rerank import idf_of

        known = self.idf(terms)
        unseen = float(idf_of(np.zeros(1), self._count)[0])
        return {t: known.get(t, unseen) for t in dict.fromkeys(terms)}

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every row for the query tokens."""
        return _scores(self.bm25, tokens, self._count)

    def pair_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every row for the query's adjacent term pairs."""
        return _scores(self.pair_bm25, pairs(tokens), self._count)

    def save(self, folder: Path) -> list[Path]:
        target = folder / FOLDER
        target.mkdir(parents=True, exist_ok=True)
        if self.bm25 is not None:
            self.bm25.save(str(target), show_progress=False)  # type: ignore[attr-defined]
        files = []
        if self.pair_bm25 is not None:
            (target / PAIRS).mkdir(exist_ok=True)
            self.pair_bm25.save(str(target / PAIRS), show_progress=False)  # type: ignore[attr-defined]
            files = [p for p in (target / PAIRS).iterdir() if p.is_file()]
        meta = target / "count.json"
        meta.write_text(json.dumps({"count": self._count}))
        return sorted([*(p for p in target.iterdir() if p.is_file()), *files])

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        import bm25s

        target = folder / FOLDER
        count = json.loads((target / "count.json").read_text())["count"]
        if count == 0:
            return cls(None, 0)
        bm25 = bm25s.BM25.load(str(target), mmap=False, show_progress=False, verbosity=0)
        pair_bm25 = (bm25s.BM25.load(str(target / PAIRS), mmap=False, show_progress=False, verbosity=0)
                     if (target / PAIRS).is_dir() else None)
        return cls(bm25, count, pair_bm25)
