"""Choose the duties a course covers: every duty of the chosen actors, or of the clauses a topic finds."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from answer.duties import Duty, ResponsibilityMap
from index.kb import KnowledgeBase
from index.search import search


@dataclass(frozen=True)
class Item:
    """One duty in a course: who, what, where it is written, and the clause text."""

    actor: str
    written: str
    duty: str
    cite: str
    clause_id: str
    title: str
    text: str
    successor: str = ""


def _item(duty: Duty, text: str) -> Item:
    return Item(duty.actor, duty.written, duty.duty, duty.cite, duty.clause_id, duty.title, text, duty.successor)


def select_items(kb: KnowledgeBase, rmap: ResponsibilityMap, *, actors: Sequence[str] = (), topic: str = "",
                 limit: int = 60) -> list[Item]:
    """Duties of the chosen actors (exact canonical names), narrowed to a topic when one is given.

    With a topic and no actors, the duties of the clauses the topic finds."""
    chosen = set(actors)
    if topic.strip():
        found = [h.clause.clause_id for h in search(kb, topic, k=max(limit, 20))]
        rank = {cid: i for i, cid in enumerate(found)}
        duties = [d for d in rmap.duties if d.clause_id in rank and (not chosen or d.actor in chosen)]
        duties.sort(key=lambda d: rank[d.clause_id])
    else:
        duties = sorted((d for d in rmap.duties if d.actor in chosen), key=lambda d: (d.actor, d.title, d.clause_id))
    texts = {c.clause_id: c.text for c in kb.clauses(list(dict.fromkeys(d.clause_id for d in duties[:limit])))}
    seen, items = set(), []
    for duty in duties:
        key = (duty.actor, duty.clause_id)
        if key not in seen and len(items) < limit:
            seen.add(key)
            items.append(_item(duty, texts.get(duty.clause_id, duty.duty)))
    return items
