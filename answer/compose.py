"""An extractive answer from retrieved clauses: who is responsible, for what, on which clause."""
from __future__ import annotations

from dataclasses import dataclass, field

from index.lexical import tokenize
from index.search import Hit
from ingest.actors import explicit_actors
from ingest.text import sentences
from ingest.types import Clause

ABSTAIN_BELOW = 0.35
NOT_FOUND = {"en": "The indexed regulations do not say.", "zh": "所收录的法规中没有找到答案。"}


@dataclass(frozen=True)
class Answer:
    """What regkb says to a question, every word traceable to its citations."""

    text: str
    responsible: list[str]
    abstained: bool
    confidence: float
    citations: list[Hit] = field(default_factory=list)


def _coverage(question_terms: set[str], text: str) -> float:
    """Share of the question's terms that the text contains."""
    if not question_terms:
        return 0.0
    return len(question_terms & set(tokenize(text))) / len(question_terms)


def confidence(question: str, hit: Hit) -> float:
    """How sure regkb is that the clause answers the question, in [0, 1]."""
    if "reference" in hit.found_by:
        return 1.0  # the question named this very clause
    terms = set(tokenize(question))
    cover = _coverage(terms, " ".join((*hit.clause.headings[-1:], hit.clause.text)))
    semantic = min(max((hit.dense - 0.15) / 0.45, 0.0), 1.0)
    return round(0.5 * semantic + 0.5 * cover, 3)


def _sentences(text: str) -> list[str]:
    return [s for para in text.split("\n") for s in sentences(para)] or [text]


def duty_sentence(question: str, text: str) -> str:
    """The sentence of a clause that shares most terms with the question."""
    terms = set(tokenize(question))
    candidates = _sentences(text)
    return max(candidates, key=lambda s: (_coverage(terms, s), -candidates.index(s)))


def responsible_for(clause: Clause, sentence: str) -> list[str]:
    """Who must act on one sentence: its own subject, else the nearest one before it, else the clause's."""
    before = _sentences(clause.text)
    index = before.index(sentence) if sentence in before else len(before) - 1
    for candidate in reversed(before[: index + 1]):
        named = explicit_actors(candidate, clause.lang)
        if named:
            return named
    return [a.text for a in clause.actors if a.how == "inherited"] or [a.text for a in clause.actors]


def compose(question: str, hits: list[Hit], *, lang: str, threshold: float = ABSTAIN_BELOW) -> Answer:
    """The answer to `question` drawn from `hits` (best first), or an honest abstention."""
    if not hits:
        return Answer(NOT_FOUND[lang], [], True, 0.0, [])
    best = hits[0]
    conf = confidence(question, best)
    if conf < threshold:
        return Answer(NOT_FOUND[lang], [], True, conf, hits)
    duty = duty_sentence(question, best.clause.text)
    responsible = responsible_for(best.clause, duty)
    who = "、".join(responsible) if lang == "zh" else "; ".join(responsible)
    source = best.clause.cite or best.clause.clause_id
    if lang == "zh":
        text = f"{who}：{duty}（{source}）" if who else f"{duty}（{source}）"
    else:
        text = f"{who}: {duty} ({source})" if who else f"{duty} ({source})"
    return Answer(text, responsible, False, conf, hits)
