"""Chinese abbreviations a question uses and the regulations do not: 危化品 for 危险化学品, 安委会 for 安全生产委员会.

Officials speak in short forms that the statutes never print. A short form keeps some characters of the full
name, in order, starting with its first ("安委办": 安全生产委员会办公室), so a word of the question that no
indexed clause contains is looked for as such a subsequence in the Chinese clauses: among the runs of one to
`MAX_WORDS` words (jieba, at most `MAX_CHARS` characters) that start with its first character and hold all its
characters in order, the one the clauses use most often, at least `MIN_COUNT` times, is taken as its full form.
The question is then read with the full form in its place (`api.ask`), and the answer says so. Two guards keep
ordinary phrasing as it is: a form made of words the clauses use ("履行义务", "鉴定人") is no short form, and a run
ending in a function word ("服务企业或者" for "服务者") is no full form. Nothing is listed by hand.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from weakref import WeakKeyDictionary

from index.lexical import chinese

MIN_CHARS = 3  # a short form of two characters matches too much ("安委" is also 安全……委托)
MAX_SHORT = 6
MAX_WORDS = 4
MAX_CHARS = 12
MIN_COUNT = 3
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
# per generation: each short form's full form ('' for none), and whether the clauses hold a word as written
_MEMO: WeakKeyDictionary[object, tuple[dict[str, str], dict[str, bool]]] = WeakKeyDictionary()
_LOCK = threading.Lock()


def is_subsequence(short: str, full: str) -> bool:
    """True when `full` holds every character of `short`, in order."""
    rest = iter(full)
    return all(ch in rest for ch in short)


def _spans(short: str, words: list[str], stop: frozenset[str]) -> list[str]:
    """From each word that starts with `short`'s first character, the shortest run of words that spells it out
    (not ending in a stop word: "服务者" is not "服务企业或者")."""
    found = []
    for i, first in enumerate(words):
        if first[0] != short[0]:
            continue
        span = ""
        for word in words[i:i + MAX_WORDS]:
            span += word
            if len(span) > MAX_CHARS:
                break
            if len(span) > len(short) and is_subsequence(short, span):
                if word not in stop:
                    found.append(span)
                break
    return found


def full_form(short: str, texts: list[str]) -> str:
    """The most used run of words in `texts` that spells out `short` (see the module), or ''."""
    stop, jieba = chinese()
    pattern = re.compile(f".{{0,{MAX_CHARS}}}?".join(map(re.escape, short)))
    counts: Counter[str] = Counter()
    for text in texts:
        for run in _CJK_WORD.findall(text):
            if pattern.search(run):
                counts.update(_spans(short, list(jieba.cut(run, HMM=False)), stop))  # type: ignore[attr-defined]
    if not counts:
        return ""
    best, n = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))
    return best if n >= MIN_COUNT else ""


def made_of_words(text: str, in_corpus: object, singles: int = 1) -> bool:
    """True when `text` splits into pieces of two characters or more that the clauses hold, and at most `singles`
    single characters: "履行义务" (履行 + 义务) and "鉴定人" (鉴定 + 人) are phrases, not short forms."""
    if not text:
        return True
    if singles and made_of_words(text[1:], in_corpus, singles - 1):
        return True
    return any(in_corpus(text[:n]) and made_of_words(text[n:], in_corpus, singles)  # type: ignore[operator]
               for n in range(len(text), 1, -1))


def short_forms(question: str, in_corpus: object) -> list[str]:
    """Runs of one to three words of a Chinese question (jieba), `MIN_CHARS` to `MAX_SHORT` characters, no stop
    word among them, that the clauses do not hold as written while one of their words of two characters or more
    is also unknown (`in_corpus(text)` is False): the ones worth spelling out, shortest first at each word."""
    stop, jieba = chinese()
    out: list[str] = []
    for run in _CJK_WORD.findall(question):
        words = list(jieba.cut(run))  # type: ignore[attr-defined]
        for i in range(len(words)):
            for j in range(i + 1, min(i + 3, len(words)) + 1):
                parts = words[i:j]
                form = "".join(parts)
                if len(form) > MAX_SHORT or parts[-1] in stop:
                    break
                if len(form) < MIN_CHARS or form in out:
                    continue
                if (any(len(p) >= 2 and not in_corpus(p) for p in parts) and not in_corpus(form)  # type: ignore[operator]
                        and not made_of_words(form, in_corpus)):
                    out.append(form)
    return out


def _kept(table: dict, key: str, compute: object) -> object:
    """`table[key]`, computed by `compute(key)` the first time (the table is shared between threads)."""
    with _LOCK:
        if key in table:
            return table[key]
    value = compute(key)  # type: ignore[operator]
    with _LOCK:
        table[key] = value
    return value


def spelled_out(question: str, generation: object) -> tuple[str, list[tuple[str, str]]]:
    """The question with each short form the clauses of an index generation spell out replaced by its full form,
    and the (short, full) pairs replaced. Lookups are kept per generation."""
    if not _CJK_WORD.search(question):
        return question, []
    store = generation.store  # type: ignore[attr-defined]
    with _LOCK:
        memo, seen = _MEMO.setdefault(generation, ({}, {}))

    def in_corpus(text: str) -> bool:
        return bool(_kept(seen, text, lambda t: store.contains_text(t, "zh")))

    replaced: list[tuple[str, str]] = []
    for short in short_forms(question, in_corpus):
        if short not in question:
            continue
        full = str(_kept(memo, short, lambda s: full_form(s, store.texts_with_chars(s, "zh"))))
        if full:
            question = question.replace(short, full)
            replaced.append((short, full))
    return question, replaced
