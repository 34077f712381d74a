"""Who a mandatory standard binds when its clause names no one: the party the law holds liable for violating it.

"The provisions of sections 862 through 878 of this title shall be interim mandatory safety standards" (30 U.S.C.
§ 861(a)) makes each requirement of those sections a standard, and many are written without a subject ("Trailing
cables for medium-voltage circuits shall include grounding conductors …", § 869(g)); "The operator of a coal or
other mine in which a violation occurs of a mandatory health or safety standard … shall be assessed a civil
penalty" (§ 820(a)(1)) says whom a violation is charged to. A requirement in a declared range that names no actor is
given that party, with the penalty provision as its source, so that the answer names who must comply and cites
where the name comes from, and the responsibility map does not list the requirement as a duty without an actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.types import Clause

_DECLARES = re.compile(r"\bThe provisions of sections (?P<lo>\d+)[a-z]? through (?P<hi>\d+)[a-z]? of this title\b[^.]*?"
                       r"\bshall be (?:interim )?mandatory (?:health|safety) standards\b")
_LIABLE = re.compile(r"\b(?P<who>The (?:operator|employer|owner)(?: of (?:a|an|any|each) [\w ]+?)?) (?:in which a "
                     r"violation occurs of|who violates) (?:a|any) mandatory (?:health or safety |health |safety )?"
                     r"standard\b")
_REQUIRES = re.compile(r"\b(?:shall|must)\b")
_SECTION = re.compile(r"/s(\d+)[a-z]*(?:/|$)")


@dataclass(frozen=True)
class Standards:
    """A document's range of sections declared mandatory standards, and the party its penalty clause holds liable
    for violating one."""

    doc_id: str
    lo: int
    hi: int
    who: str
    source: str  # the penalty provision's clause id


def declared_standards(clauses: list[Clause]) -> list[Standards]:
    """The ranges of sections a document's clauses declare mandatory standards, each with the liable party, where
    the document names one."""
    english = [c for c in clauses if c.lang != "zh"]
    liable = next(((m.group("who"), c.clause_id) for c in english if (m := _LIABLE.search(c.text))), None)
    if liable is None:
        return []
    return [Standards(c.doc_id, int(m.group("lo")), int(m.group("hi")), *liable)
            for c in english for m in _DECLARES.finditer(c.text)]


def bound_by(clause: Clause, standards: list[Standards]) -> Standards | None:
    """The standards whose range holds a clause that requires something ('shall', 'must') and names no actor."""
    if clause.actors or not standards or not _REQUIRES.search(clause.text):
        return None
    m = _SECTION.search(clause.clause_id)
    section = int(m.group(1)) if m else -1
    return next((s for s in standards if s.doc_id == clause.doc_id and s.lo <= section <= s.hi), None)
