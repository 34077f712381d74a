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
    ids = {c.clause_id for c in named}
    return (first + [h for h in hits if h.clause.clause_id not in ids])[:k]
