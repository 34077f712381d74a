"""Shared test helpers: where the shared corpora live, and a coverage check for splitters."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from ingest.types import Clause, Document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS_SOURCES = SHARED / "corpus-sources"
SEED = ROOT / "corpus" / "government-and-department-safety-responsibilities.txt"

needs_shared = pytest.mark.skipif(
    not CORPUS_SOURCES.is_dir(),
    reason=f"the shared regulation corpus is not at {CORPUS_SOURCES} (it sits beside the checkout)",
)


# An excerpt of the Mine Act: a penalty provision charging violations of mandatory standards to the operator,
# a range of sections declared standards (§§ 862–870), requirements inside it that name no one (§ 865(e),
# § 869(g)) or name their own party (§ 865(f)), and one past it (§ 871(a))
MINE_ACT = "\n\n".join([
    "# Mine Act", "#### § 820. Penalties", "##### (a) Civil penalty",
    "(1) The operator of a coal or other mine in which a violation occurs of a mandatory health or safety standard "
    "shall be assessed a civil penalty by the Secretary.",
    "#### § 861. Mandatory safety standards", "##### (a) Coverage",
    "The provisions of sections 862 through 870 of this title shall be interim mandatory safety standards applicable "
    "to all underground coal mines.",
    "#### § 865. Electrical equipment", "##### (e) Mine map", "The mine map shall show the location of pumps.",
    "##### (f) Approval", "The Secretary shall approve the map.",
    "#### § 869. Alternating current circuits", "##### (g) Trailing cables",
    "Trailing cables for medium-voltage circuits shall include grounding conductors, a ground check conductor, and "
    "ground metallic shields around each power conductor.",
    "#### § 871. Fire protection", "##### (a) Hoses", "Hoses shall be kept in good order.\n"])


def text_document(text: str, doc_id: str = "doc") -> Document:
    """A Document straight from text, as a .txt loader would give it."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc_id=doc_id, title="", text=text, path=f"{doc_id}.txt", sha256=sha)


def file_document(path: Path) -> Document:
    """A Document from a UTF-8 file on disk."""
    return text_document(path.read_text(encoding="utf-8"), doc_id=path.stem)


def uncovered_lines(doc: Document, clauses: list[Clause]) -> list[str]:
    """Lines of body text that no clause holds and that are not headings, title or markup.

    Also fails loudly if clause spans overlap or a clause's text is not its span."""
    covered = bytearray(len(doc.text))
    for c in clauses:
        assert doc.text[c.span[0]:c.span[1]] == c.text, c.clause_id
        assert not any(covered[c.span[0]:c.span[1]]), f"overlap at {c.clause_id}"
        covered[c.span[0]:c.span[1]] = b"\x01" * (c.span[1] - c.span[0])
    rest = "".join(ch if not covered[i] else "\n" for i, ch in enumerate(doc.text))
    known = {h for c in clauses for h in c.headings}
    titles = {c.title for c in clauses}
    loose = []
    for line in rest.split("\n"):
        bare = re.sub(r"^#+\s*", "", line.strip())
        in_title = any(bare in t for t in titles)
        if bare and bare not in known and not in_title and not re.fullmatch(r"<!--.*-->", bare):
            loose.append(bare)
    return loose
