"""Cut an over-long clause into consecutive pieces at paragraph, then sentence, boundaries."""
from __future__ import annotations

import re
from dataclasses import replace

from ingest.text import lang_of
from ingest.types import Clause, Document

_BREAK = re.compile(r"\n\s*\n|\n|(?<=[。！？；])\s*|(?<=[.!?;])\s+")  # '1.2' and 'U.S.C.' are no sentence ends


def _cut_points(text: str, max_chars: int) -> list[int]:
    """Offsets where pieces start: the last break before each limit, or the limit itself."""
    breaks = sorted({m.end() for m in _BREAK.finditer(text)} - {0, len(text)})
    cuts, start = [0], 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        candidates = [b for b in breaks if start < b <= limit]
        cut = candidates[-1] if candidates else limit
        cuts.append(cut)
        start = cut
    return cuts


def cap_length(clause: Clause, max_chars: int, doc: Document) -> list[Clause]:
    """The clause itself when short enough, else pieces whose spans tile it exactly."""
    if len(clause.text) <= max_chars:
        return [clause]
    cuts = _cut_points(clause.text, max_chars) + [len(clause.text)]
    base = clause.span[0]
    pieces = []
    for i, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False), start=1):
        raw = clause.text[a:b]
        lead = len(raw) - len(raw.lstrip())
        a, b = a + lead, a + len(raw.rstrip())
        if a >= b:
            continue
        text = clause.text[a:b]
        paras = tuple((max(s, a) - a, min(e, b) - a) for s, e in clause.paragraphs if s < b and e > a)
        pieces.append(replace(
            clause,
            clause_id=clause.clause_id if i == 1 else f"{clause.clause_id}~part{i}",
            text=text, span=(base + a, base + b), lang=lang_of(text),
            page=doc.page_at(base + a), paragraphs=paras or ((0, len(text)),),
        ))
    return pieces
