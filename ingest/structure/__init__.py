"""Split a Document into clause units: pick the family, build the tree, emit Clause records."""
from __future__ import annotations

from ingest.structure import us_code, zh_law
from ingest.structure.numbered import Numbered
from ingest.structure.paragraphs import Paragraph, paragraphs
from ingest.structure.pieces import cap_length
from ingest.structure.tree import Family, Node, build, heading_path, node_ids
from ingest.text import lang_of
from ingest.types import UNIT_SEPARATOR, Clause, Document

MAX_CLAUSE_CHARS = 4000


def family_for(paras: list[Paragraph]) -> Family:
    """The family whose rules fit this text best."""
    if us_code.looks_like(paras):
        return us_code.USCode()
    if zh_law.looks_like(paras):
        return zh_law.ChineseLaw()
    return Numbered()


def split(doc: Document, *, max_chars: int = MAX_CLAUSE_CHARS) -> list[Clause]:
    """Clause units of a document, in reading order, covering its body text."""
    if doc.units is not None:
        return _from_units(doc)
    paras = paragraphs(doc.text)
    family = family_for(paras)
    tree = build(paras, family.marks(paras))
    title = family.title(tree.title_parts) or doc.title or doc.doc_id
    ids = node_ids(tree)
    clauses: list[Clause] = []
    for node in tree.nodes:
        clause = _clause(doc, node, f"{doc.doc_id}/{ids[node]}", title, family)
        clauses.extend(cap_length(clause, max_chars, doc))
    return clauses


def title_of(doc: Document) -> str:
    """The document's title as its body gives it, else the loader's, else its id."""
    paras = paragraphs(doc.text)
    family = family_for(paras)
    return family.title(build(paras, family.marks(paras)).title_parts) or doc.title or doc.doc_id


def _clause(doc: Document, node: Node, clause_id: str, title: str, family: Family) -> Clause:
    start, end = node.start, node.end
    text = doc.text[start:end]
    return Clause(
        clause_id=clause_id,
        doc_id=doc.doc_id,
        title=title,
        number=family.number(node),
        headings=heading_path(node),
        text=text,
        span=(start, end),
        lang=lang_of(text),
        kind=node.mark.unit or "paragraph",
        page=doc.page_at(start),
        cite=family.cite(node, title),
        paragraphs=tuple((p.start - start, p.end - start) for p in node.paras),
    )


def _from_units(doc: Document) -> list[Clause]:
    """Pre-split units keep their ids; the loader joined their texts with UNIT_SEPARATOR."""
    clauses = []
    pos = 0
    title = doc.title or doc.doc_id
    for unit in doc.units or ():
        start, end = pos, pos + len(unit.text)
        pos = end + len(UNIT_SEPARATOR)
        cite = f"{title}, {unit.number}" if unit.number else title
        clauses.append(Clause(
            clause_id=unit.clause_id, doc_id=doc.doc_id, title=title, number=unit.number,
            headings=unit.headings, text=unit.text, span=(start, end), lang=lang_of(unit.text),
            kind="unit", page=unit.page, cite=cite, paragraphs=((0, len(unit.text)),),
        ))
    return clauses
