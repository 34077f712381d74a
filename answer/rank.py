"""The answer's own order of the clauses search found: among clauses that match a question about as well, the
one an official can act on comes first.

Search ranks clauses by how well they share the question's words and meaning. An answer knows a little more
about what is asked, and about the documents:

- a question that names a law ("按照安全生产法", "under the OSH Act") is answered from that law first;
- a local regulation (北京市安全生产条例) binds only in its place: a question that does not name the place is
  answered from national law first, and the local clause stays among the leads; one that names the place is
  answered from the local regulation first, which applies the law there;
- a question asking which body acts ("哪个部门", "由谁", "who", "which agency") prefers clauses whose actor is a
  body (an authority) over those that only bind units or people;
- a question asking for a time limit or a penalty ("多长时间内", "how long", "罚多少") prefers clauses that state
  one ("二十四小时", "fifteen working days", "罚款");
- a document's front matter (its promulgation and revision record) answers only questions about the document's
  history ("什么时候施行", "when was it amended"); for any other it goes below the articles;
- a statement of findings or purpose ("Congress finds that", "为了……，制定本法") assigns no duty: it goes down
  unless the question asks why or for the aims;
- when the best clause is an item whose article lead-in holds the question, not the item's own words ("拆除工程
  施工15日前……报送……备案" above "(三)拆除施工组织方案"), the article itself is cited first, its items after it.

The weights were chosen on the development questions (`python -m bench.answers`) and then checked once on the
held-out questions; see bench/RESULTS.md.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from weakref import WeakKeyDictionary

from answer.intent import asks_for_body, cues_asked, is_authority
from index.kb import KnowledgeBase
from index.lexical import tokenize
from index.rerank import coverage
from index.search import Hit
from ingest.types import Clause

DEPTH = 30  # how many search hits the answer re-orders before it keeps the first k


@dataclass(frozen=True)
class AnswerRanking:
    """How much each thing the answer knows moves a clause (added to search's score, which runs to about 2)."""

    named_law: float = 0.3  # added to the clauses of a law the question names
    local_elsewhere: float = 0.1  # taken from the clauses of a local regulation whose place the question omits
    local_named: float = 0.3  # added to the clauses of a local regulation whose place the question names
    body: float = 0.2  # added to clauses naming a body as actor, for questions asking which body acts
    lead_in: float = 2.0  # the article goes first when its text holds this many times the item's share
    front_matter: float = 1.0  # taken from a preamble unless the question asks about the document's history
    cue: float = 0.15  # added to a clause that states a time limit or a penalty, for a question asking for one
    purpose: float = 0.3  # taken from a statement of findings or purpose unless the question asks why


DEFAULT = AnswerRanking()

_PLACE = re.compile(r"^(?!中华人民共和国|国务院)(\w{2,3}?)(?:省|市|自治区|特别行政区)")
_CHAPTER = re.compile(r"^CHAPTER\s+\w+\W+(?P<name>[^(]+)", re.I)
_SMALL = {"and", "of", "the", "to", "for", "on", "in"}


_HISTORY = {"zh": re.compile(r"通过|修订|修正|修改|施行|公布|颁布|生效|发布|哪一?年|什么时候|何时|版本|令第"),
            "en": re.compile(r"\b(?:enact\w*|amend\w*|adopt\w*|effective|promulgat\w*|pass(?:ed)?|when|year|version|"
                             r"revis\w*|history)\b", re.I)}


_PURPOSE = re.compile(r"Congress (?:hereby )?(?:finds|declares)|Congressional (?:statement of )?findings|"
                      r"findings and (?:declaration of )?purpose|declaration of (?:purpose|policy)|"
                      r"\bit is the purpose of this|^第一条\s*为了[^。]{0,160}制定本(?:法|条例|规定|办法)", re.I)
_WHY = {"zh": re.compile(r"目的|宗旨|为什么|为何|立法"),
        "en": re.compile(r"\b(?:purposes?|why|policy|findings?|intent|aims?)\b", re.I)}


def states_purpose(clause: Clause) -> bool:
    """A statement of findings or purpose ("Congress finds that", "第一条 为了……，制定本法"): it imposes no duty."""
    return bool(_PURPOSE.search(clause.text) or any(_PURPOSE.search(h) for h in clause.headings))


def place_of(title: str) -> str:
    """The province or city a local regulation binds ('北京' of 北京市安全生产条例), '' for national law."""
    m = _PLACE.match(title.strip())
    return m.group(1) if m else ""


def name_pattern(title: str) -> re.Pattern[str] | None:
    """How a question names a document: a Chinese law by its title (without 中华人民共和国); a US Code chapter by
    its name ('Occupational Safety and Health') or its initials followed by A or Act ('OSHA', 'OSH Act')."""
    if m := _CHAPTER.match(title.strip()):
        name = m.group("name").strip()
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name) if w.lower() not in _SMALL)
        parts = [re.escape(name)]
        if len(initials) >= 3:
            parts.append(rf"\b{initials}(?:A|\s+Act)?\b")
        return re.compile("|".join(parts), re.I)
    bare = re.sub(r"^中华人民共和国", "", title.strip())
    if len(bare) >= 3 and re.search(r"[\u4e00-\u9fff]", bare):
        return re.compile(re.escape(bare))
    return None


@dataclass(frozen=True)
class DocumentName:
    """How a question names an indexed document, and the place it binds ('' for national law)."""

    pattern: re.Pattern[str] | None
    place: str
    title: str


_NAMES: WeakKeyDictionary[object, dict[str, DocumentName]] = WeakKeyDictionary()


def document_names(kb: KnowledgeBase) -> dict[str, DocumentName]:
    """Per document id, how a question names it; read once per index generation."""
    gen = kb.gen
    if gen not in _NAMES:
        _NAMES[gen] = {d.doc_id: DocumentName(name_pattern(d.title), place_of(d.title), d.title)
                       for d in gen.docs.values()}
    return _NAMES[gen]


def _lead_in(clause: Clause) -> str:
    """The lead-in a Chinese item stands under ("有下列行为之一的，……处五千元以上五万元以下罚款：" above
    "（一）消防设施、器材……不符合……的；"): what the item states goes on from it. '' for anything else: an English
    part's heading is its parent's whole text, whose own time limits and penalties are not the part's."""
    return clause.headings[-1] if clause.headings and clause.kind == "item" and clause.lang == "zh" else ""


def _parent_id(clause_id: str) -> str:
    """'doc/a11' of 'doc/a11/i3'; '' for an article or section itself."""
    return clause_id.rsplit("/", 1)[0] if clause_id.count("/") >= 2 else ""


def for_answer(kb: KnowledgeBase, question: str, hits: Sequence[Hit], lang: str,
               ranking: AnswerRanking = DEFAULT) -> list[Hit]:
    """`hits` in the order an answer should cite them (a named clause, put first by the lookup, stays first)."""
    if not hits or any("reference" in h.found_by for h in hits):
        return list(hits)
    names = document_names(kb)
    body = asks_for_body(question, lang)
    history = bool(_HISTORY["zh" if lang == "zh" else "en"].search(question))
    cues = cues_asked(question, lang)
    why = bool(_WHY["zh" if lang == "zh" else "en"].search(question))

    def score(hit: Hit) -> float:
        name = names.get(hit.clause.doc_id)
        s = hit.score
        if name and name.pattern is not None and name.pattern.search(question):
            s += ranking.named_law
        if name and name.place:
            s += ranking.local_named if name.place in question else -ranking.local_elsewhere
        if body and any(is_authority(a.text, lang) for a in hit.clause.actors if a.how != "general"):
            s += ranking.body
        if hit.clause.kind == "preamble" and not history:
            s -= ranking.front_matter
        if not why and ranking.purpose and states_purpose(hit.clause):
            s -= ranking.purpose
        if cues and any(rx.search(hit.clause.text) or rx.search(_lead_in(hit.clause)) for rx in cues):
            s += ranking.cue
        return s

    ordered = sorted((replace(h, score=round(score(h), 6)) for h in hits), key=lambda h: -h.score)
    return _article_first(kb, question, ordered, ranking.lead_in)


def _article_first(kb: KnowledgeBase, question: str, hits: list[Hit], ratio: float) -> list[Hit]:
    """The article before its items when the best hit is an item, a sibling is among the first three, and the
    article's text holds `ratio` times as much of the question (by IDF weight) as the item's own words."""
    parent = _parent_id(hits[0].clause.clause_id)
    if not parent or sum(_parent_id(h.clause.clause_id) == parent for h in hits[:3]) < 2:
        return hits
    found = kb.gen.store.by_ids([parent])
    if not found:
        return hits
    terms = tokenize(question)
    weights = kb.gen.lexical.weights(terms)
    lead = coverage(terms, set(tokenize(found[0].text)), weights)
    own = coverage(terms, set(tokenize(hits[0].clause.text)), weights)
    if lead <= ratio * own:
        return hits
    # the article takes the item's place and evidence (confidence reads the item's cosine)
    return [replace(hits[0], clause=found[0])] + [h for h in hits if h.clause.clause_id != parent]
