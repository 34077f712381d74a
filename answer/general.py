"""A party that a law's general provision names (ingest.actors.penalties: "本法规定的行政处罚，由……决定", "The
Commission shall have authority to assess all civil penalties provided in this section"; ingest.actors.standards:
"The operator of a coal or other mine in which a violation occurs of a mandatory health or safety standard") is
cited from that provision too: the answer names who imposes the fine, or whom the standard binds, and the provision
that says so joins its citations."""
from __future__ import annotations

from dataclasses import replace

from answer.compose import Answer
from index.kb import KnowledgeBase
from index.search import Hit

NOTE = {("general", "zh"): "{who}：罚款由谁决定，见{cite}。",
        ("general", "en"): "{who}: who assesses the penalty is set out in {cite}.",
        ("bound", "zh"): "{who}：违反强制性标准的责任由谁承担，见{cite}。",
        ("bound", "en"): "{who}: the clause is a mandatory standard, and {cite} holds this party liable for violating "
                         "one."}


def with_general_source(kb: KnowledgeBase, answer: Answer, lang: str) -> Answer:
    """`answer` with the general provision behind each party it names from one: cited (last, unless the answer
    cites it already) and noted."""
    if answer.abstained or not answer.citations:
        return answer
    named = [a for a in answer.citations[0].clause.actors if a.how in ("general", "bound") and a.source
             and any(a.text in r or r in a.text for r in answer.responsible)]
    if not named:
        return answer
    known = {h.clause.clause_id: h.clause for h in answer.citations}
    fetched = kb.gen.store.by_ids([s for s in dict.fromkeys(a.source for a in named) if s not in known])
    known |= {c.clause_id: c for c in fetched}
    notes = [NOTE[a.how, "zh" if lang == "zh" else "en"].format(
        who=a.text, cite=known[a.source].cite if a.source in known else a.source) for a in named]
    return replace(answer, citations=[*answer.citations, *(Hit(c, 0.0, found_by=("general",)) for c in fetched)],
                   notes=[*answer.notes, *notes])
