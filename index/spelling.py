"""English spellings a question uses and the regulations do not: 'licence' for 'license', 'labour' for 'labor'.

British and American English spell some word families differently, and neither the search terms (stems: 'licenc'
is not 'licens') nor the embedding models take one for the other. A word of an English question whose term no
clause holds is read in its other spelling when the clauses hold that one. The other spellings come from the
regular correspondences between the two (-our/-or, -ise/-ize, -yse/-yze, -ence/-ense, -tre/-ter, -ogue/-og,
-mme/-m, -lled/-led, -dgement/-dgment), both ways; nothing is listed word by word. A word the clauses hold as
written is left as it is, and so is one whose other spelling they do not hold.
"""
from __future__ import annotations

import re

from index.lexical import LexicalIndex, tokenize

# (one spelling, the other, the endings that may follow both): each correspondence is read both ways
_ENDINGS = (
    ("our", "or", "|s|ed|ing|er|ers|able|ably|ite|ites"),
    ("is", "iz", "e|es|ed|ing|ation|ations|er|ers"),
    ("ys", "yz", "e|es|ed|ing"),
    ("ence", "ense", "|s"),
    ("tre", "ter", "|s"),
    ("ogue", "og", "|s"),
    ("mme", "m", "|s"),
    ("ll", "l", "ed|ing|er|ers"),
    ("dgement", "dgment", "|s"),
)
_RULES = [(re.compile(rf"(?<=[a-z]{{2}})(?<!{a[0]}){a}({after})$"), rf"{b}\1")  # not inside a longer run: travelled
          for one, other, after in _ENDINGS for a, b in ((one, other), (other, one))]
_WORD = re.compile(r"[A-Za-z][a-z]+")


def variants(word: str) -> list[str]:
    """The other spellings of a lower-case word by the regular correspondences ('licence' → ['license'])."""
    return list(dict.fromkeys(rule.sub(other, word) for rule, other in _RULES if rule.search(word)))


def _held(lexical: LexicalIndex, terms: list[str]) -> bool:
    """Every one of a word's terms is in some clause."""
    known = lexical.idf(terms)
    return bool(terms) and all(t in known for t in terms)


def respelled(question: str, lexical: LexicalIndex) -> tuple[str, list[tuple[str, str]]]:
    """The question with each word the clauses do not hold, and whose other spelling they do, in that spelling;
    and the (word, other spelling) pairs."""
    changed: list[tuple[str, str]] = []

    def other(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        terms = tokenize(lower)
        if not terms or _held(lexical, terms):  # a stop word, or one the clauses hold
            return word
        for variant in variants(lower):
            if _held(lexical, tokenize(variant)):
                changed.append((word, variant))
                return variant.capitalize() if word[0].isupper() else variant
        return word

    return _WORD.sub(other, question), changed
