"""An extractive answer from retrieved clauses: who is responsible, for what, on which clause."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from answer.conditions import by_quantity, respectively
from answer.intent import DEPARTMENT, asks_department, cues_asked, is_authority, kinds, wants_authority
from answer.recipient import asks_recipient, recipients
from index.lexical import tokenize
from index.search import Hit
from ingest.actors import explicit_actors
from ingest.actors.canon import canonical
from ingest.actors.en import AGENT, AGENT_PHRASE, PARTICIPLE, head_word, heading_actor
from ingest.actors.en import antecedent as en_antecedent
from ingest.actors.penalties import for_other_penalty
from ingest.actors.zh import HEAD_END, antecedent, level_of, named_by, offender, sees_to
from ingest.text import clause_sentences, lang_of
from ingest.types import Clause

ABSTAIN_BELOW = 0.4  # below it the answer abstains; chosen with bench.calibrate (bench/RESULTS.md)
# (bias, cosine, coverage, nearness, reach) per model, from `python -m bench.calibrate` (bench/RESULTS.md):
# "zh" for Chinese questions (the second space; their reach measured against the first clauses' sentences); "en"
# for the others when the second model gives their reach (index.clause_vectors.reach), "" without it
# (REGKB_MODEL_ZH=none). Nearness depends on how many clauses the index holds (on the seed alone a question its one
# clause answers has no near neighbours), so the main space leaves it out.
CALIBRATION: dict[str, tuple[float, ...]] = {"": (-7.99, 13.19, 5.94, 0.0, 0.0),
                                             "en": (-79.95, 12.53, 0.0, 0.0, 89.19),
                                             "zh": (-165.72, 49.32, 0.0, 60.31, 74.38)}
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
    recipients: list[str] = field(default_factory=list)  # who receives the report / application asked about


def features(question: str, hit: Hit, weights: dict[str, float] | None = None, near: float | None = None,
             reach: float | None = None) -> tuple[float, float, float, float]:
    """What confidence rests on: the clause's cosine to the question, the share of the question's weight (IDF;
    words the corpus never uses weigh most) that the clause and its headings hold, the mean cosine of the
    answer's first five clauses (`near`; a question the corpus speaks to finds several close clauses, one it
    does not finds a single look-alike at best), and the question's `reach` (0 when not known)."""
    terms = set(tokenize(question))
    cover = _weighted(terms, " ".join((*hit.clause.headings, hit.clause.text)), weights)
    return hit.dense, cover, hit.dense if near is None else near, reach or 0.0


def nearness(hits: list[Hit]) -> float:
    """The mean cosine of the first five hits: the `near` feature of confidence."""
    return sum(h.dense for h in hits[:5]) / len(hits[:5]) if hits else 0.0


def model_of(hit: Hit, reach: float | None) -> str:
    """Which CALIBRATION model judges an answer whose best clause is `hit`."""
    return "en" if not hit.space and reach is not None else hit.space


def confidence(question: str, hit: Hit, weights: dict[str, float] | None = None, near: float | None = None,
               reach: float | None = None) -> float:
    """The probability that the clause answers the question: a logistic model over `features`, fitted by
    `python -m bench.calibrate` on the development questions."""
    if "reference" in hit.found_by:
        return 1.0  # the question named this very clause
    x = features(question, hit, weights, near, reach)
    bias, *w = CALIBRATION[model_of(hit, reach)]
    return round(1.0 / (1.0 + math.exp(-(bias + sum(wi * xi for wi, xi in zip(w, x, strict=True))))), 3)


def _sentences(text: str) -> list[str]:
    return clause_sentences(text) or [text]


def _fragments(sentence: str, lang: str) -> list[str]:
    """A sentence cut where a Chinese article starts another duty (commas, semicolons); English at semicolons,
    since its subject opens the sentence."""
    cut = r"(?<=[，；;])" if lang == "zh" else r"(?<=;)"
    fragments = [f for f in re.split(cut, sentence) if f.strip()] or [sentence]
    # "……负责行政审批(包括批准、核准、……等，下同)的政府部门或者机构，": a comma inside an aside ends no fragment
    joined: list[str] = []
    for f in fragments:
        if joined and _open_paren(joined[-1]):
            joined[-1] += f
        else:
            joined.append(f)
    return joined


def _open_paren(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _weighted(terms: set[str], text: str, weights: dict[str, float] | None) -> float:
    """Share of the question's weight the text holds; rare terms weigh more when their IDF is known."""
    if not terms:
        return 0.0
    weight = {t: (weights or {}).get(t, 1.0) for t in terms}
    total = sum(weight.values())
    return sum(weight[t] for t in terms & set(tokenize(text))) / total if total else 0.0


_BARE_NUMBER = re.compile(r"(?:§+\s*[\w.-]+|第[零〇一二三四五六七八九十百千]+条|\(\w{1,4}\)|[\d.]+)[.。]?")


# a question about what a party must do is not answered by a sentence that only encourages it
_MUST = {"zh": re.compile(r"必须|应当|一定要|要求|义务"), "en": re.compile(r"\b(?:must|required?|obliged)\b", re.I)}
_SOFT = {"zh": re.compile(r"^(?:.{0,20}?)(?:鼓励|支持|提倡|引导)"), "en": re.compile(r"\b(?:encourage[sd]?)\b", re.I)}
SOFT_SHARE = 0.5  # what an encouraging sentence keeps of its match when the question asks what must be done

CUE_BONUS = 0.25  # added to a sentence's match when it states what the question's kind asks for


def duty_sentence(question: str, text: str, weights: dict[str, float] | None = None) -> str:
    """The sentence of a clause that holds most of the question's weight (a bare number, '§ 654.', is none);
    a sentence that only encourages ("鼓励、支持……") counts half when the question asks what must be done, and
    one gains `CUE_BONUS` for each thing the question asks for that it states (a time limit, a penalty, for "哪些部门"
    a department)."""
    terms = set(tokenize(question))
    lang = "zh" if lang_of(question) == "zh" else "en"
    must = bool(_MUST[lang].search(question))
    candidates = [s for s in _sentences(text) if not _BARE_NUMBER.fullmatch(s.strip())] or _sentences(text)

    cues = cues_asked(question, lang) + ([DEPARTMENT] if asks_department(question, lang) else [])

    def match(sentence: str) -> float:
        share = _weighted(terms, sentence, weights)
        share = share * SOFT_SHARE if must and _SOFT[lang].search(sentence) else share
        return share + CUE_BONUS * sum(bool(rx.search(sentence)) for rx in cues)

    return max(candidates, key=lambda s: (match(s), -candidates.index(s)))


def _walk(clause: Clause, sentence: str, question: str, weights: dict[str, float] | None
          ) -> tuple[list[str], list[str], list[str], bool]:
    """The clause's fragments from the one that matches the question best back to the first, those after it,
    those after it within its sentence, and whether it opens its sentence."""
    everything = [f for s in _sentences(clause.text) for f in _fragments(s, clause.lang)]
    own = _fragments(sentence, clause.lang)
    terms = set(tokenize(question))
    best = max(own, key=lambda f: (_weighted(terms, f, weights), -own.index(f)))
    at = next((i for i, f in enumerate(everything) if f == best), len(everything) - 1)
    return everything[at::-1], everything[at + 1:], own[own.index(best) + 1:], own.index(best) == 0


def responsible_for(clause: Clause, sentence: str, question: str = "", weights: dict[str, float] | None = None
                    ) -> list[str]:
    """Who must act on the duty the question is about.

    Asked "由谁…", whoever the clause puts after 由; asked who does what the sentence puts in a participle with its
    agent ("five members, appointed by the President"), that agent, or what it requires of a party ("guide the
    safety supervision department to formulate … plans"), that party; for a question about a penalty or an
    approval, the authority that imposes or grants it, wherever the clause names it; for a question that is not
    asking who but names a party, that party; otherwise the actor of the fragment that matches the question best,
    else, when that fragment opens its sentence (a leading circumstance, "在……期间，", "……的，", comes before the
    subject), the first after it in its sentence, else the nearest one before it, else the first after it in its
    sentence, else the one the clause inherits from its lead-in. A list that "分别由" assigns
    ("重大事故、较大事故、一般事故分别由省级、设区的市级、县级人民政府负责") gives the party of the item asked
    about, and parties split by a threshold ("1000人以上5000人以下的，由县级……；5000人以上的，由设区的市级……")
    the party of the range the question's number falls in. Asked about a fine, a body the clause names only for
    another penalty ("由公安机关依法给予治安管理处罚") is passed over for the one that imposes fines. A Chinese
    penalty clause that names no one else names the party its offence is described of ("……组成人员收受……的，")."""
    back, after, rest, opens = _walk(clause, sentence, question, weights)
    inherited = [a.text for a in clause.actors if a.how == "inherited"]
    if inherited and clause.kind == "item" and clause.headings and sees_to(clause.text, clause.headings[-1]):
        return inherited  # "（六）从业人员能够熟练使用消防器材" under "其生产经营单位应当遵守下列规定：": the units
    general = [a.text for a in clause.actors if a.how == "general"]  # who imposes a fine the clause sets
    # a fragment opening its sentence ("在修建道路……时有可能影响……的，") is a circumstance: the sentence's subject
    # follows it ("有关单位必须事先通知……"), where one before it would be another sentence's
    nearest = [*back[:1], *rest, *back[1:]] if opens else [*back, *rest]
    groups = [*(explicit_actors(f, clause.lang) for f in back + after), inherited, general]
    found = (by_quantity(question, clause) or respectively(question, clause)
             or _after_by(question, [*back[:1], *rest, *back[1:], *after[len(rest):]], clause.lang, clause.text,
                            weights)
             or _agent_of_asked_verb(question, sentence, clause.lang)
             or _required_to(question, sentence, clause.lang)
             or _authority(question, groups, clause.lang)
             or _asked_about(question, groups, clause)
             or next((named for f in nearest if (named := explicit_actors(f, clause.lang))), [])
             or inherited or [a.text for a in clause.actors]
             or [name for name in [offender(clause.text)] if name])  # no one else: the party it binds
    if clause.lang == "zh" and _ASKS_FINE.search(question) and (
            fining := [a for a in found if not for_other_penalty(a, clause)]) != found:
        # "罚多少钱？由哪个部门来罚": not 公安机关 of "构成违反治安管理行为的，由公安机关依法给予治安管理处罚"
        found = fining or general or found
    if found and all(_PROHIBITED.match(a) for a in found):
        # "No State … may prevent …": a party the clause forbids to act is not who may or must act
        found = next((others for g in groups if (others := [a for a in g if not _PROHIBITED.match(a)])), found)
    return _full_names(found, clause, clause.text.find(back[0]) if back else 0)


def _agent_of_asked_verb(question: str, sentence: str, lang: str) -> list[str]:
    """"Who appoints the members …?" of "… five members, appointed by the President …": asked who does what the
    sentence puts in a participle with its agent after 'by', that agent; the same of a petition, request,
    application … 'upon' or 'at' whose 'of' names who makes it ("upon petition of the Secretary")."""
    if lang == "zh" or "who" not in kinds(question, lang):
        return []
    asked = set(tokenize(question))
    for pattern in (_PARTICIPLE_BY, _ON_REQUEST_OF):
        for m in pattern.finditer(sentence):
            if set(tokenize(m.group(1))) & asked:
                return [m.group(2)]
    return []


def _required_to(question: str, sentence: str, lang: str) -> list[str]:
    """"Who prepares the yearly enforcement plan?" of "… guide the safety supervision department to formulate annual
    … law enforcement work plans": asked who does what the sentence requires (directs, guides …) of a party, that
    party, when what it is to do (up to a comma) holds more of the words of the ask than what comes before."""
    if lang == "zh" or "who" not in kinds(question, lang):
        return []
    ask = re.search(r"\bwho\b.*", question, re.I | re.S)  # "Once X has drafted it, who signs it off?": the ask
    asked = set(tokenize(ask.group(0) if ask else question))
    for m in _REQUIRED_TO.finditer(sentence):
        task = set(tokenize(m.group("task")))
        if len(task & asked) >= 2 and len(task & asked) > len(set(tokenize(sentence[:m.start()])) & asked):
            return [m.group("party")]
    return []


_REQUIRED_TO = re.compile(r"\b(?:requir(?:e|es|ing)|direct(?:s|ing)?|guid(?:e|es|ing)|urg(?:e|es|ing)|order(?:s|ing)?|"
                          r"compel(?:s|ling)?)\s+(?P<party>" + AGENT_PHRASE.pattern
                          + r")\s+to\s+(?P<task>[^;.,]+)", re.I)

_PARTICIPLE_BY = re.compile(rf"\b({PARTICIPLE})\s+by\s+(" + AGENT_PHRASE.pattern + ")", re.I)
# "… shall have jurisdiction, upon petition of the Secretary, to restrain …": who petitions is the Secretary
_ON_REQUEST_OF = re.compile(r"\b(?:upon|on|at)\s+(?:the\s+)?(petition|application|request|recommendation|motion|"
                            r"complaint)\s+of\s+(" + AGENT_PHRASE.pattern + ")", re.I)

_PROHIBITED = re.compile(r"^(?:No|Neither)\s", re.I)


def _after_by(question: str, fragments: list[str], lang: str, text: str = "",
              weights: dict[str, float] | None = None) -> list[str]:
    """"费用由谁承担": the party the clause puts after 由. Of the fragments that have one, the one that holds most
    of the question's weight together with what leads up to it in its sentence (`text` is the clause's), the
    first on a tie, given the matched fragment first, then the rest of its sentence, those before it, those
    after: "给予拘留的行政处罚，由公安机关……决定" answers who imposes detention, not the "由负有……职责的部门" of the
    sentence before; "提级调查……由谁提请" the 由 of "提级调查的决定由……提请", not the "分别由……负责调查" before it."""
    if lang != "zh" or not _ASKS_BY.search(question):
        return []
    found = [(f, named) for f in fragments if (named := named_by(f))]
    if not found:
        return []
    terms = set(tokenize(question))

    def lead_up(fragment: str) -> str:  # the fragment with what leads up to it since the last 。 or ；
        at = text.find(fragment)
        return text[max(text.rfind(mark, 0, at) for mark in "。；;\n") + 1: at + len(fragment)] if at >= 0 else fragment

    weight = {f: _weighted(terms, lead_up(f), weights) for f, _ in found}
    return max(found, key=lambda pair: (weight[pair[0]], -found.index(pair)))[1]


def _authority(question: str, groups: list[list[str]], lang: str) -> list[str]:
    """The authority that imposes the penalty or grants the approval a question asks about."""
    if not wants_authority(question, lang):
        return []
    return next((found for g in groups if (found := [a for a in g if is_authority(a, lang)])), [])


def _asked_about(question: str, groups: list[list[str]], clause: Clause) -> list[str]:
    """The party a question names when it is not asking who."""
    if wants_authority(question, clause.lang) or "who" in kinds(question, clause.lang):
        return []
    return _named_in_question(question, [a for group in groups for a in group], clause.lang) or (
        _mentioned_party(question, clause) if clause.lang == "en" else [])


# a question about a fine ("罚多少钱", "由哪个部门来罚")
_ASKS_FINE = re.compile(r"罚款|罚多少|多少钱|来罚|谁罚|罚钱")

# "由谁决定", and its spoken forms "谁来责令纠正", "哪个部门来罚": asked who does it, the body after 由 answers
_ASKS_BY = re.compile(r"由(?:谁|哪)|谁来|哪(?:个|些|一级)?(?:部门|机关|机构)来")


def _head(actor: str, lang: str) -> str:
    """The word that makes a phrase a party: '部门' of '应急管理部门', 'operator' of 'the operator of a mine'."""
    if lang == "zh":
        m = HEAD_END.search(actor)
        return m.group(0).rstrip("等") if m else ""
    return head_word(actor)


_TOGETHER = {"zh": 6, "en": 0}  # how far apart (in characters) two party names still count as named together
_ZH_LEVELS = re.compile(r"国务院|省级|市级|县级|乡镇|街道|村民|居民")


def _named_in_question(question: str, actors: list[str], lang: str) -> list[str]:
    """The clause's parties that the question itself names (by their head word, or a Chinese party by its level,
    乡镇 of 乡镇人民政府), the one named first first, with any named beside it.

    A question that is not asking 'who' names the party it is about ('How long does an employer have to …',
    '企业负责人……最迟要在多长时间内报告'): the answer's party is that one, not another the clause mentions."""
    text = question if lang == "zh" else question.lower()
    places = {}
    for actor in dict.fromkeys(actors):
        head = _head(actor, lang)
        if not head:
            continue
        if lang == "zh":  # by its head or its level ("乡镇和街道……" names 乡镇人民政府 and 街道办事处)
            found = min((at for word in (head, *_ZH_LEVELS.findall(actor)) if (at := text.find(word)) >= 0),
                        default=-1)
        else:  # by its head word, or by its initials ("the NTSB" names the National Transportation Safety Board)
            found = next((m.start() for m in re.finditer(rf"\b{re.escape(head)}", text)), -1)
            if found < 0 and len(initials := _initials(actor)) >= 3:
                found = next((m.start() for m in re.finditer(rf"\b{initials}\b", question)), -1)
        if found >= 0:
            places[actor] = found
    if not places:
        return []
    first = min(places.values())
    # "乡镇政府和街道办……": parties named together, side by side, are all asked about
    return sorted((a for a, at in places.items() if at - first <= _TOGETHER[lang]), key=places.__getitem__)


def _initials(actor: str) -> str:
    """'NTSB' of 'The National Transportation Safety Board': its capitalised words' first letters, the article left
    out."""
    return "".join(w[0] for w in re.findall(r"\b[A-Z][\w’'-]*", actor) if w not in ("The", "Each", "Any", "A", "An"))


def _mentioned_party(question: str, clause: Clause) -> list[str]:
    """The party a question is about ('How many days does a mine operator have to contest …') as the clause
    words it, when the clause mentions it without making it the subject of a 'shall' — nor the object of a
    preposition ('in the Department of Labor') or of a verb of giving ('afford the State … a hearing')."""
    asked = AGENT.search(question)
    if not asked:
        return []
    stem = head_word(asked.group(0))
    for m in AGENT_PHRASE.finditer(clause.text):
        # "a requirement that the operator": the party is named from its last article on
        start = m.start() + [d.start() for d in _ARTICLE.finditer(m.group(0))][-1]
        before = clause.text[:start]
        if head_word(m.group(0)) == stem and not _AFTER_PREPOSITION.search(before) and not _GIVEN_TO.search(before):
            return [clause.text[start:m.end()]]
    return []


_ARTICLE = re.compile(r"\b(?:the|each|any|every|an?)\s", re.I)


# "… establish in the Department of Labor a … Fund", "the responsibilities of leaders": a party after such a
# preposition is where, for whom or whose something is, not a party that acts (not ingest.actors.en._GOVERNS,
# which also takes 'by' — an agent — and the 'and' / 'or' of a list of parties)
_AFTER_PREPOSITION = re.compile(r"\b(?:in|within|into|of|to|from|for|with|under|at|on)\s+$", re.I)
# "he shall afford the State … a hearing": the party something is given to receives it; who gives it acts
_GIVEN_TO = re.compile(r"\b(?:afford(?:s|ed)?|giv(?:e|es|en)|grant(?:s|ed)?|notif(?:y|ies|ied)|furnish(?:es|ed)?|"
                       r"pa(?:y|ys|id)|sen(?:d|ds|t)|serve[sd]?|award(?:s|ed)?)\s+$", re.I)


def _full_names(actors: list[str], clause: Clause, start: int = 0) -> list[str]:
    """References ('受理申请的公安机关', 'such representative') replaced by the full name the clause gives before
    them: before the reference the answer rests on, the first from `start` (where its fragment is) on, else
    the last before it."""
    resolve = antecedent if clause.lang == "zh" else en_antecedent
    out = []
    for actor in actors:
        at = clause.text.find(actor, max(start, 0))
        at = at if at >= 0 else clause.text.rfind(actor, 0, max(start, 0))
        out.append(resolve(actor, clause.text, at if at >= 0 else None))
    return list(dict.fromkeys(out))


def _from_parts(best: Hit, hits: list[Hit]) -> list[str]:
    """For a clause that names nobody itself: a lead-in that is its own subject ('(a) Each employer'), else the
    actors of its cited parts."""
    if best.clause.lang == "en" and (lead := heading_actor(best.clause.text)):
        return [lead]
    inside = [h.clause for h in hits[1:] if h.clause.clause_id.startswith(best.clause.clause_id + "/")]
    return list(dict.fromkeys(a.text for c in inside for a in c.actors))[:3]


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
                  weights: dict[str, float] | None = None, near: float | None = None,
                  reach: float | None = None) -> list[str]:
    """Other documents that answer about as well and name a different party: worth a human look."""
    out = []
    for hit in others[:3]:
        if hit.clause.doc_id == best.clause.doc_id or confidence(question, hit, weights, near, reach) < conf - 0.1:
            continue
        theirs = responsible_for(hit.clause, duty_sentence(question, hit.clause.text, weights), question, weights)
        if theirs and not (_canonical_set(theirs) & _canonical_set(responsible)):
            where = hit.clause.cite or hit.clause.clause_id
            out.append(f"{where}另规定由{'、'.join(theirs)}负责" if lang == "zh" else
                       f"{where} names {'; '.join(theirs)} instead")
    return out


def compose(question: str, hits: list[Hit], *, lang: str, threshold: float = ABSTAIN_BELOW,
            weights: dict[str, float] | None = None, reach: float | None = None) -> Answer:
    """The answer to `question` drawn from `hits` (best first), or an honest abstention.

    `weights` (IDF per question term) favours rare terms when choosing the sentence and the party; `reach`
    (index.clause_vectors.reach) feeds confidence where the index gives it."""
    if not hits:
        return Answer(NOT_FOUND[lang], [], True, 0.0, [])
    best = hits[0]
    near = nearness(hits)
    conf = confidence(question, best, weights, near, reach)
    if conf < threshold:
        return Answer(NOT_FOUND[lang], [], True, conf, hits)
    duty = duty_sentence(question, best.clause.text, weights)
    duty, receive = _receivers(question, best.clause, duty, lang, weights)
    responsible = responsible_for(best.clause, duty, question, weights) or _from_parts(best, hits)
    # asked "to whom", the body that receives is the party asked about: named first, the one who sends after it
    senders = [r for r in responsible if not any(r in body for body in receive)]
    if receive and not senders:  # "报给哪些部门备案": the bodies that receive are not who files; the duty's subject is
        senders = [a for a in explicit_actors(duty, lang) if not any(a in body or body in a for body in receive)]
    join = "、".join if lang == "zh" else "; ".join
    who = join(senders)
    source = best.clause.cite or best.clause.clause_id
    if lang == "zh":
        text = f"{who}：{duty}（{source}）" if who else f"{duty}（{source}）"
        text = f"{join(receive)}（接收方）；{text}" if receive else text
    else:
        text = f"{who}: {duty} ({source})" if who else f"{duty} ({source})"
        text = f"{join(receive)} (receives); {text}" if receive else text
    said = notes(senders, lang) + [n for body in receive for n in notes([body], lang)]  # renamed receivers too
    if "reference" not in best.found_by:
        said += disagreements(question, best, responsible, hits[1:], conf, lang=lang, weights=weights, near=near,
                              reach=reach)
    responsible = [*receive, *senders]
    return Answer(text, responsible, False, conf, hits, said, receive)


def _receivers(question: str, clause: Clause, duty: str, lang: str, weights: dict[str, float] | None
               ) -> tuple[str, list[str]]:
    """Asked "向谁报告 / to whom": the bodies the duty sentence sends to; when it names none, the clause's sentence
    that holds most of the question among those that name one becomes the duty, with its bodies."""
    if not asks_recipient(question, lang):
        return duty, []
    if found := recipients(duty, lang):
        return duty, found
    terms = set(tokenize(question))
    ranked = sorted(_sentences(clause.text), key=lambda s: -_weighted(terms, s, weights))
    return next(((s, found) for s in ranked if (found := recipients(s, lang))), (duty, []))


def no_such_clause(refs: list[str], hits: list[Hit], lang: str) -> Answer:
    """An abstention for a question naming a clause the index does not have ('安全生产法第二百条'): the nearest
    clauses stay as leads, and no other article stands in for it."""
    note = ("所收录的法规中没有" + "、".join(refs) if lang == "zh"
            else "the indexed regulations have no " + " or ".join(refs))
    return Answer(NOT_FOUND[lang], [], True, 0.0, hits, [note])


def not_indexed(laws: list[str], hits: list[Hit], lang: str) -> Answer:
    """An abstention for a question about a law the index does not hold: the nearest clauses stay as leads."""
    if lang == "zh":
        note = "所收录的法规中没有" + "、".join(f"《{law}》" if lang_of(law) == "zh" else law for law in laws)
    else:
        note = "the indexed regulations do not include " + " or ".join(
            law if lang_of(law) == "zh" else f"the {law}" for law in laws)
    return Answer(NOT_FOUND[lang], [], True, 0.0, hits, [note])


def not_mentioned(names: list[str], hits: list[Hit]) -> Answer:
    """An abstention for an English question about an agency, or federal law, that the indexed regulations never
    mention (answer.lookup.unmentioned): the nearest clauses stay as leads."""
    agencies = [n for n in names if n != "federal law"]
    notes = ["the indexed regulations do not mention " + " or ".join(agencies)] if agencies else []
    if "federal law" in names:
        notes.append("the indexed regulations include no United States federal law")
    return Answer(NOT_FOUND["en"], [], True, 0.0, hits, notes)


def part_missing(reference: str, article: Clause, lang: str) -> str:
    """The note for a paragraph its article does not have: the article is cited in its place."""
    if lang == "zh":
        return f"所收录的法规中没有{reference}，以下引用{article.cite or article.clause_id}"
    return f"the indexed regulations have no {reference}; {article.cite or article.clause_id} is cited instead"


OTHER_LANGUAGE = {
    "zh": "所查的法规都不是中文的，而问题只在同一语言的条文中查找：请用英文提问",
    "en": "the regulations searched are all in Chinese, and questions are looked up in clauses of their own "
          "language: ask in Chinese",
}  # the note for a question in a language none of the searched documents is in
