"""Who imposes a law's fines when the clause that sets one does not say: the law's general provision.

"本法规定的行政处罚，由应急管理部门和其他负有安全生产监督管理职责的部门按照职责分工决定"
(安全生产法第一百一十五条) names the deciding authority once for every fine the law sets; "The Commission shall
have authority to assess all civil penalties provided in this section" (29 U.S.C. § 666(j)) does the same for
its section. A clause that sets a fine (or an item under a lead-in that does) and names no authority is given
that authority, with the general provision as its source, so that an answer to "谁来罚 / who assesses it" can
name it and cite where the name comes from. Other penalties (closure, detention) the provisions often give to
someone else, so only fines count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.actors.authority import is_authority
from ingest.types import Clause

_ZH = re.compile(r"本(?:法|条例|规定|办法)规定的(?:罚款的)?行政处罚，(?:[^，。；]*?的，)?(?:除[^。；]*?外，)?"
                 r"由(?P<who>[^。；，]+?)(?:按照|依照|根据|依法|决定|实施)")
_ZH_POWER = re.compile(r"^（[一二三四五六七八九十]+）\s*对违反本(?:法|条例|规定|办法)(?:规定)?的(?:违法)?行为(?:依法)?"
                       r"作出(?:行政)?处罚决定")
_EN = re.compile(r"\b(?P<who>The (?:[A-Z][\w-]*\s)*?[A-Z][\w-]*) shall have (?:the )?authority to assess all civil "
                 r"penalties provided in this (?P<scope>section|subchapter|chapter)\b")
_FINE = {"zh": re.compile(r"罚款"), "en": re.compile(r"\bcivil (?:monetary )?penalt(?:y|ies)\b", re.I)}


@dataclass(frozen=True)
class GeneralAuthority:
    """An authority a general provision names for the fines of a law (or of one of its sections)."""

    who: str
    source: str  # the provision's clause id
    scope: str  # the clause-id prefix it covers: the document, or a section of it


def _section(clause_id: str) -> str:
    """'doc/s666' of 'doc/s666/j'."""
    return "/".join(clause_id.split("/")[:2])


def general_authorities(clauses: list[Clause]) -> list[GeneralAuthority]:
    """The general provisions among a document's clauses, in order: besides those that say who decides the
    law's penalties, an item that gives its lead-in's body the power to decide them ("负责特种设备安全监督管理的部门
    ……可以行使下列职权：" above "（五）对违反本法规定的行为作出行政处罚决定")."""
    found = []
    for c in clauses:
        if c.lang == "zh" and (m := _ZH.search(c.text)):
            found.append(GeneralAuthority(m.group("who"), c.clause_id, c.doc_id))
        elif c.lang == "zh" and c.kind == "item" and _ZH_POWER.search(c.text) and (
                bodies := [a.text for a in c.actors if a.how == "inherited" and is_authority(a.text, "zh")]):
            found.append(GeneralAuthority(bodies[0], c.clause_id, c.doc_id))
        elif c.lang != "zh" and (m := _EN.search(c.text)):
            scope = c.doc_id if m.group("scope") != "section" else _section(c.clause_id)
            found.append(GeneralAuthority(m.group("who"), c.clause_id, scope))
    return found


def _lead_in(clause: Clause) -> str:
    """The heading a part of an article or section stands under; '' for the article or section itself."""
    return clause.headings[-1] if clause.kind not in ("article", "section") and clause.headings else ""


def sets_fine(clause: Clause) -> bool:
    """The clause sets a fine, or is an item under a lead-in that does."""
    fine = _FINE["zh" if clause.lang == "zh" else "en"]
    return bool(fine.search(clause.text) or fine.search(_lead_in(clause)))


# "构成违反治安管理行为的，由公安机关依法给予治安管理处罚": a body named for another kind of penalty than a fine
_OTHER_PENALTY = re.compile(r"治安管理处罚|拘留|处分|刑事责任")


def for_other_penalty(actor: str, clause: Clause) -> bool:
    """Every part of the clause, or of the lead-in it is an item of (up to ；or 。), that names the body gives it
    another penalty than a fine."""
    parts = [p for p in re.split(r"[；。;]", f"{clause.text}。{_lead_in(clause)}") if actor in p]
    return bool(parts) and all(_OTHER_PENALTY.search(p) and not _FINE["zh"].search(p) for p in parts)


def authority_for(clause: Clause, general: list[GeneralAuthority]) -> GeneralAuthority | None:
    """The general provision's authority for a clause that sets a fine without naming who imposes it (a body it
    names only for detention or a sanction under public-order law, "由公安机关依法给予治安管理处罚", does not)."""
    if not general or not sets_fine(clause) or any(
            is_authority(a.text, clause.lang) and not (clause.lang == "zh" and for_other_penalty(a.text, clause))
            for a in clause.actors):
        return None
    covering = [g for g in general if g.source != clause.clause_id
                and (clause.clause_id == g.scope or clause.clause_id.startswith(g.scope + "/"))]
    return covering[-1] if covering else None
