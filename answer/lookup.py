"""Questions that name a clause ("安全生产法第十条", "29 USC 658(c)") get exactly that clause first."""
from __future__ import annotations

import re

from index.kb import KnowledgeBase
from index.search import Hit
from index.store import DocRecord
from ingest.refs import Ref, parse_us, parse_zh, us_candidates, zh_candidates
from ingest.types import Clause

_TITLE_NO = re.compile(r"\bTitle\s+(\d+)\b")


def _bare(title: str) -> str:
    return re.sub(r"^中华人民共和国|[《》\s]", "", title)


def _zh_docs(ref: Ref, docs: list[DocRecord]) -> list[DocRecord]:
    """Documents a Chinese law name points to: the same name, else the shortest title holding it."""
    name = _bare(ref.doc)
    exact = [d for d in docs if _bare(d.title) == name]
    if exact or not name:
        return exact
    holding = sorted((d for d in docs if name in _bare(d.title)), key=lambda d: len(d.title))
    return holding[:1]


def _us_docs(ref: Ref, docs: list[DocRecord]) -> list[DocRecord]:
    if not ref.code_title:
        return docs  # "§ 657": any chapter that has it
    return [d for d in docs if (m := _TITLE_NO.search(d.title)) and m.group(1) == ref.code_title]


def unindexed_laws(kb: KnowledgeBase, question: str) -> list[str]:
    """Laws a question names by name, with an article, that the index does not hold ('职业病防治法第三十九条')."""
    docs = kb.documents()
    return list(dict.fromkeys(ref.doc for ref in parse_zh(question)
                              if ref.article and ref.doc and ref.doc != "self" and not _zh_docs(ref, docs)))


def named_clauses(kb: KnowledgeBase, question: str) -> list[Clause]:
    """The clauses a question names explicitly, in the order it names them."""
    docs = kb.documents()
    wanted: list[list[str]] = []
    for ref in parse_zh(question):
        if ref.article and ref.doc and ref.doc != "self":
            wanted += [zh_candidates(d.doc_id, ref) for d in _zh_docs(ref, docs)]
    for ref in parse_us(question):
        if ref.section:
            wanted += [us_candidates(d.doc_id, ref) for d in _us_docs(ref, docs)]
    found: list[Clause] = []
    for candidates in wanted:
        hit = next(iter(kb.clauses(candidates)), None)  # most specific candidate that exists
        if hit and hit.clause_id not in {c.clause_id for c in found}:
            found.append(hit)
    return found


def with_named(kb: KnowledgeBase, question: str, hits: list[Hit], k: int) -> list[Hit]:
    """Hits with the clauses the question names put first."""
    named = named_clauses(kb, question)
    if not named:
        return hits
    top = max((h.score for h in hits), default=0.0) + 1.0
    first = [Hit(c, top, found_by=("reference",)) for c in named]
    room = max(k - len(first) - 1, 0)  # one place stays for the best search hit
    parts = [Hit(p, top - 0.5, found_by=("part of reference",)) for c in named for p in _parts(kb, c, room)]
    ids = {c.clause_id for c in named} | {h.clause.clause_id for h in parts}
    return (first + parts[:room] + [h for h in hits if h.clause.clause_id not in ids])[:k]


def _parts(kb: KnowledgeBase, clause: Clause, room: int) -> list[Clause]:
    """Up to `room` of a named clause's own parts (subsections, paragraphs, items), in reading order: those that
    name their own actor first chosen, so that the answer can say who the clause binds, then the first ones."""
    prefix = clause.clause_id + "/"
    parts = [c for c in kb.gen.store.of_document(clause.doc_id) if c.clause_id.startswith(prefix)]
    naming = [c for c in parts if any(a.how == "explicit" for a in c.actors)][:room]
    chosen = {c.clause_id for c in naming}
    for c in parts:
        if len(chosen) >= room:
            break
        chosen.add(c.clause_id)
    return [c for c in parts if c.clause_id in chosen]
