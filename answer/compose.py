"""An extractive answer from retrieved clauses: who is responsible, for what, on which clause."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from answer.intent import is_authority, wants_authority
from index.lexical import tokenize
from index.search import Hit
from ingest.actors import explicit_actors
from ingest.actors.canon import canonical
from ingest.actors.zh import level_of
from ingest.text import sentences
from ingest.types import Clause

ABSTAIN_BELOW = 0.4  # below it the answer abstains; chosen with bench.calibrate (bench/RESULTS.md)
# (bias, cosine weight, coverage weight) per vector space, from `python -m bench.calibrate` (see bench/RESULTS.md)
CALIBRATION: dict[str, tuple[float, float, float]] = {"": (-7.99, 13.19, 5.94), "zh": (-96.13, 107.09, 0.67)}
NOT_FOUND = {"en": "The indexed regulations do not say.", "zh": "所收录的法规中没有找到答案。"}


@dataclass(frozen=True)
class Answer:
    """What regkb says to a question, every word traceable to its citations."""

    text: str
    responsible: list[str]
    abstained: bool
    confidence: float
    citations: list[Hit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # renamed bodies, shared duties, documents that disagree


def features(question: str, hit: Hit, weights: dict[str, float] | None = None) -> tuple[float, float]:
    """What confidence rests on: the clause's cosine to the question, and the share of the question's weight
    (IDF; words the corpus never uses weigh most) that the clause and its headings hold."""
    terms = set(tokenize(question))
    return hit.dense, _weighted(terms, " ".join((*hit.clause.headings, hit.clause.text)), weights)


def confidence(question: str, hit: Hit, weights: dict[str, float] | None = None) -> float:
    """The probability that the clause answers the question: a logistic model per vector space over
    `features`, fitted by `python -m bench.calibrate` on the development questions."""
    if "reference" in hit.found_by:
        return 1.0  # the question named this very clause
    dense, cover = features(question, hit, weights)
    bias, w_dense, w_cover = CALIBRATION[hit.space]
    return round(1.0 / (1.0 + math.exp(-(bias + w_dense * dense + w_cover * cover))), 3)


def _sentences(text: str) -> list[str]:
    return [s for para in text.split("\n") for s in sentences(para)] or [text]


def _fragments(sentence: str, lang: str) -> list[str]:
    """A sentence cut where a Chinese article starts another duty (commas, semicolons); English at semicolons,
    since its subject opens the sentence."""
    cut = r"(?<=[，；;])" if lang == "zh" else r"(?<=;)"
    return [f for f in re.split(cut, sentence) if f.strip()] or [sentence]


def _weighted(terms: set[str], text: str, weights: dict[str, float] | None) -> float:
    """Share of the question's weight the text holds; rare terms weigh more when their IDF is known."""
    if not terms:
        return 0.0
    weight = {t: (weights or {}).get(t, 1.0) for t in terms}
    total = sum(weight.values())
    return sum(weight[t] for t in terms & set(tokenize(text))) / total if total else 0.0


def duty_sentence(question: str, text: str, weights: dict[str, float] | None = None) -> str:
    """The sentence of a clause that holds most of the question's weight."""
    terms = set(tokenize(question))
    candidates = _sentences(text)
    return max(candidates, key=lambda s: (_weighted(terms, s, weights), -candidates.index(s)))


def _walk(clause: Clause, sentence: str, question: str, weights: dict[str, float] | None
          ) -> tuple[list[str], list[str]]:
    """The clause's fragments from the one that matches the question best back to the first, and those after it."""
    everything = [f for s in _sentences(clause.text) for f in _fragments(s, clause.lang)]
    own = _fragments(sentence, clause.lang)
    terms = set(tokenize(question))
    best = max(own, key=lambda f: (_weighted(terms, f, weights), -own.index(f)))
    at = next((i for i, f in enumerate(everything) if f == best), len(everything) - 1)
    return everything[at::-1], everything[at + 1:]


def responsible_for(clause: Clause, sentence: str, question: str = "", weights: dict[str, float] | None = None
                    ) -> list[str]:
    """Who must act on the duty the question is about.

    The actor of the fragment that matches the question best, else the nearest one before it, else the one
    the clause inherits from its lead-in; for a question about a penalty or an approval, the authority that
    imposes or grants it, wherever the clause names it."""
    back, after = _walk(clause, sentence, question, weights)
    inherited = [a.text for a in clause.actors if a.how == "inherited"]
    if wants_authority(question, clause.lang):
        for group in [*(explicit_actors(f, clause.lang) for f in back + after), inherited]:
            authorities = [a for a in group if is_authority(a, clause.lang)]
            if authorities:
                return authorities
    for fragment in back:
        named = explicit_actors(fragment, clause.lang)
        if named:
            return named
    return inherited or [a.text for a in clause.actors]


def _from_parts(best: Hit, hits: list[Hit]) -> list[str]:
    """The actors of a cited clause's own parts, for a clause that names nobody above its items."""
    inside = [h.clause for h in hits[1:] if h.clause.clause_id.startswith(best.clause.clause_id + "/")]
    return list(dict.fromkeys(a.text for c in inside for a in c.actors if a.how == "explicit"))[:3]


def notes(responsible: list[str], lang: str) -> list[str]:
    """What an official should know beside the answer: renamed bodies and duties shared between levels."""
    out: list[str] = []
    for who in responsible:
        _, _, successor = canonical(who)
        if successor and successor not in who:
            out.append(f"{who}的职责现由{successor}承担（2018年机构改革）" if lang == "zh" else
                       f"{who}: its duties passed to {successor} in the 2018 reorganisation")
    levels = {level_of(who) for who in responsible if lang == "zh"} - {""}
    if len(levels) > 1:
        out.append("本条由多个层级共同承担" if lang == "zh" else "several levels share this duty")
    elif len(responsible) > 1:
        out.append("本条由多个主体共同承担" if lang == "zh" else "several parties share this duty")
    return out


def _canonical_set(actors: list[str]) -> set[str]:
    return {canonical(a)[0] for a in actors}


def disagreements(question: str, best: Hit, responsible: list[str], others: list[Hit], conf: float, *, lang: str,
                  weights: dict[str, float] | None = None) -> list[str]:
    """Other documents that answer about as well and name a different party: worth a human look."""
    out = []
    for hit in others[:3]:
        if hit.clause.doc_id == best.clause.doc_id or confidence(question, hit, weights) < conf - 0.1:
            continue
        theirs = responsible_for(hit.clause, duty_sentence(question, hit.clause.text, weights), question, weights)
        if theirs and not (_canonical_set(theirs) & _canonical_set(responsible)):
            where = hit.clause.cite or hit.clause.clause_id
            out.append(f"{where}另规定由{'、'.join(theirs)}负责" if lang == "zh" else
                       f"{where} names {'; '.join(theirs)} instead")
    return out


def compose(question: str, hits: list[Hit], *, lang: str, threshold: float = ABSTAIN_BELOW,
            weights: dict[str, float] | None = None) -> Answer:
    """The answer to `question` drawn from `hits` (best first), or an honest abstention.

    `weights` (IDF per question term) favours rare terms when choosing the sentence and the party."""
    if not hits:
        return Answer(NOT_FOUND[lang], [], True, 0.0, [])
    best = hits[0]
    conf = confidence(question, best, weights)
    if conf < threshold:
        return Answer(NOT_FOUND[lang], [], True, conf, hits)
    duty = duty_sentence(question, best.clause.text, weights)
    responsible = responsible_for(best.clause, duty, question, weights) or _from_parts(best, hits)
    who = "、".join(responsible) if lang == "zh" else "; ".join(responsible)
    source = best.clause.cite or best.clause.clause_id
    if lang == "zh":
        text = f"{who}：{duty}（{source}）" if who else f"{duty}（{source}）"
    else:
        text = f"{who}: {duty} ({source})" if who else f"{duty} ({source})"
    said = notes(responsible, lang)
    if "reference" not in best.found_by:
        said += disagreements(question, best, responsible, hits[1:], conf, lang=lang, weights=weights)
    return Answer(text, responsible, False, conf, hits, said)
