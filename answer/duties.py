"""The responsibility map of a corpus: actor -> duties and back, shared duties, duties with no clear actor,
and near-identical duties that two documents give to different actors."""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np

from index.kb import KnowledgeBase
from ingest.text import sentences
from ingest.types import Actor, Clause

_DUTY_WORDS = re.compile(r"应当|必须|负责|不得|有权|负有|履行|实施|\b(shall|must|is responsible|are responsible)\b")
# a duty stated without anyone to carry it: "应当……" with no subject, "shall be submitted" with no agent
_UNOWNED = re.compile(r"应当|必须|\bshall be (?!construed|deemed|effective|considered|applicable|subject|treated|"
                      r"in addition|liable|entitled|eligible)\w+ed\b")
SIMILAR = 0.80  # cosine from which two clauses may state the same duty
SAME_WORDS = 0.5  # and the share of index terms they must have in common
NEIGHBOURS = 8


@dataclass(frozen=True)
class Duty:
    """One actor's duty on one clause, with the sentence that states it."""

    actor: str  # canonical name
    written: str  # the words of the clause (or its lead-in)
    level: str
    successor: str
    how: str
    clause_id: str
    doc_id: str
    title: str
    cite: str
    duty: str


@dataclass
class ResponsibilityMap:
    """Everything the map shows, computed once per index generation."""

    duties: list[Duty]
    vacuum: list[Clause] = field(default_factory=list)
    find_conflicts: Callable[[], list[dict[str, object]]] = field(default=list, repr=False)

    @functools.cached_property
    def conflicts(self) -> list[dict[str, object]]:
        """Near-identical duties given to different actors: a search per duty clause, so only when asked
        (at 100,000 clauses it took most of 13 s and 530 MB of the app's start-up)."""
        return self.find_conflicts()

    def actors(self) -> list[tuple[str, int]]:
        """Canonical actors with how many duties each holds, most first."""
        counts: dict[str, int] = defaultdict(int)
        for d in self.duties:
            counts[d.actor] += 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def of(self, query: str) -> list[Duty]:
        """Duties of every actor whose name or written form contains `query`, grouped by document."""
        q = query.strip().lower()
        found = [d for d in self.duties if q and (q in d.actor.lower() or q in d.written.lower())]
        return sorted(found, key=lambda d: (d.title, d.clause_id))

    def holders(self, clause_id: str) -> list[Duty]:
        """Who holds the duty of one clause (the inverse map)."""
        return [d for d in self.duties if d.clause_id == clause_id]

    def shared(self) -> list[tuple[str, list[str]]]:
        """Clauses whose duty several actors share: (clause id, canonical actors)."""
        by_clause: dict[str, list[str]] = defaultdict(list)
        for d in self.duties:
            if d.actor not in by_clause[d.clause_id]:
                by_clause[d.clause_id].append(d.actor)
        return [(cid, actors) for cid, actors in by_clause.items() if len(actors) > 1]

    def as_json(self) -> dict[str, object]:
        by_actor: dict[str, list[dict[str, object]]] = defaultdict(list)
        for d in self.duties:
            by_actor[d.actor].append(asdict(d))
        return {
            "actors": [{"actor": a, "duties": n} for a, n in self.actors()],
            "by_actor": by_actor,
            "by_clause": {cid: actors for cid, actors in self.shared()},
            "shared": [{"clause_id": cid, "actors": actors} for cid, actors in self.shared()],
            "vacuum": [{"clause_id": c.clause_id, "cite": c.cite, "text": c.text} for c in self.vacuum],
            "conflicts": self.conflicts,
        }


def imposes_duty(text: str) -> bool:
    return bool(_DUTY_WORDS.search(text))


def duty_sentence(clause: Clause, actor: Actor) -> str:
    """The sentence of the clause that names the actor, else its first sentence with a duty word."""
    parts = [s for para in clause.text.split("\n") for s in sentences(para)] or [clause.text]
    named = [s for s in parts if actor.text in s]
    dutiful = [s for s in parts if imposes_duty(s)]
    return (named or dutiful or parts)[0]


def _duties(clauses: list[Clause]) -> list[Duty]:
    return [Duty(a.canonical or a.text, a.text, a.level, a.successor, a.how, c.clause_id, c.doc_id, c.title,
                 c.cite, duty_sentence(c, a)) for c in clauses for a in c.actors]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _conflicts(kb: KnowledgeBase, clauses: list[Clause], rows: dict[str, int]) -> list[dict[str, object]]:
    """Near-identical duty clauses in two documents whose actors do not overlap.

    Near-identical means close in meaning (cosine) and in wording (shared index terms), since the embedding
    alone over-rates similarity for Chinese text."""
    dutiful = {rows[c.clause_id]: c for c in clauses if c.actors and imposes_duty(c.text)}
    if len(dutiful) < 2:
        return []
    tokens = kb.gen.store.tokens()
    order = np.asarray(sorted(dutiful))
    scores, neighbours = kb.gen.vectors.search(kb.gen.vectors.vectors(order), NEIGHBOURS)
    seen, out = set(), []
    for row, sims, near in zip(order, scores, neighbours, strict=True):
        for sim, other in zip(sims, near, strict=True):
            pair = (min(row, other), max(row, other))
            if other not in dutiful or other == row or sim < SIMILAR or pair in seen:
                continue
            seen.add(pair)
            a, b = dutiful[int(row)], dutiful[int(other)]
            actors_a, actors_b = {x.canonical for x in a.actors}, {x.canonical for x in b.actors}
            overlap = _jaccard(set(tokens[int(row)]), set(tokens[int(other)]))
            if a.doc_id != b.doc_id and not actors_a & actors_b and overlap >= SAME_WORDS:
                out.append({"similarity": round(float(sim), 3), "shared_terms": round(overlap, 3),
                            "a": {"clause_id": a.clause_id, "cite": a.cite, "actors": sorted(actors_a)},
                            "b": {"clause_id": b.clause_id, "cite": b.cite, "actors": sorted(actors_b)}})
    return sorted(out, key=lambda x: -float(x["shared_terms"]))  # type: ignore[arg-type]


_CACHE: dict[tuple[str, str], ResponsibilityMap] = {}


def responsibility_map(kb: KnowledgeBase) -> ResponsibilityMap:
    """The map of the live generation (computed once per generation)."""
    kb.refresh()
    key = (str(kb.index_dir), kb.generation)
    if key not in _CACHE:
        clauses = list(kb.gen.store.all_clauses())
        rows = kb.gen.store.row_map()
        vacuum = [c for c in clauses if not c.actors and _UNOWNED.search(c.text) and c.kind != "preamble"]
        gen = kb.pinned()  # the conflicts are worked out later, from this generation
        _CACHE[key] = ResponsibilityMap(_duties(clauses), vacuum, lambda: _conflicts(gen, clauses, rows))
    return _CACHE[key]
