"""The library face of regkb: ingest files, remove documents, ask questions.

The CLI and the web app both call these functions, so they cannot disagree.

>>> settings = Settings.from_env(index_dir="/tmp/regkb-demo")  # doctest: +SKIP
>>> ingest_paths(settings, [Path("corpus")]).ok  # doctest: +SKIP
True
>>> ask(open_kb(settings), "Who must revoke the licence?").responsible  # doctest: +SKIP
['The government departments or institutions that implement administrative licenses …']
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from answer.compose import OTHER_LANGUAGE, Answer, compose, no_such_clause, not_indexed, not_mentioned, part_missing
from answer.duties import Duty, responsibility_map
from answer.general import with_general_source
from answer.lookup import cited_by, references, unindexed_laws, unmentioned, with_named
from answer.rank import DEPTH, for_answer
from index.abbreviations import spelled_out
from index.clause_vectors import reach
from index.embedder import Embedder
from index.kb import KnowledgeBase
from index.lexical import tokenize
from index.search import Filters, Hit, search
from index.spelling import respelled
from index.store import DocRecord
from index.writer import IndexWriter, Progress
from index.zh_embedder import zh_embedder
from ingest.pipeline import PIPELINE_VERSION, read, walk
from ingest.text import lang_of
from ingest.types import Clause, Document, IngestError
from regkb.config import Settings


@dataclass
class IngestReport:
    """What an ingest did, file by file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    clauses: dict[str, int] = field(default_factory=dict)
    generation: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def embedder_for(settings: Settings) -> Embedder:
    """The configured embedding model (loaded on first use)."""
    return Embedder(settings.model, batch_size=settings.batch_size, precision=settings.precision)


def open_kb(settings: Settings, *, embedder: Embedder | None = None) -> KnowledgeBase:
    """A reader of the configured index (the model loads on the first question)."""
    return KnowledgeBase(settings.index_dir, embedder=embedder or embedder_for(settings))


def _record(doc: Document, clauses: list[Clause]) -> DocRecord:
    title = clauses[0].title if clauses else doc.title or doc.doc_id
    return DocRecord(doc.doc_id, title, doc.path, doc.sha256, doc.encoding,
                     lang_of(doc.text[:20000]), len(clauses),
                     datetime.now(UTC).isoformat(timespec="seconds"),
                     {**doc.meta, "pipeline": PIPELINE_VERSION})


def ingest_paths(settings: Settings, paths: Sequence[Path], *, rebuild: bool = False, force: bool = False,
                 progress: Progress | None = None, embedder: Embedder | None = None,
                 on_file: Callable[[Path, int, int], None] | None = None) -> IngestReport:
    """Add or update the files under `paths`; bad files are reported and the rest still go in.

    `force` re-reads unchanged files too (vectors of unchanged text are kept); `rebuild` starts the index
    afresh and re-embeds everything. Nothing is written unless every step succeeds: the index switches to
    the new generation in one atomic step, or stays as it was."""
    report = IngestReport()
    files = list(walk(paths))
    with IndexWriter(settings.index_dir, embedder or embedder_for(settings), rebuild=rebuild,
                     zh=zh_embedder(settings.model_zh)) as writer:
        seen: dict[str, Path] = {}
        for n, item in enumerate(files, start=1):
            if on_file:
                on_file(item.path if isinstance(item, IngestError) else item, n, len(files))  # type: ignore[arg-type]
            if isinstance(item, IngestError):
                report.errors.append(item)
                continue
            _ingest_one(settings, writer, item, seen, report, force=force)
        live = writer.commit(progress=progress)
        report.generation = live.name if live else ""
    return report


def _ingest_one(settings: Settings, writer: IndexWriter, path: Path, seen: dict[str, Path],
                report: IngestReport, *, force: bool = False) -> None:
    try:
        doc, clauses = read(path, max_bytes=settings.max_file_bytes, max_chars=settings.max_clause_chars)
    except IngestError as exc:
        report.errors.append(exc)
        return
    if doc.doc_id in seen:
        report.errors.append(IngestError(path, f"same document id {doc.doc_id!r} as {seen[doc.doc_id]}; "
                                               "rename one of them"))
        return
    seen[doc.doc_id] = path
    known = writer.known(doc.doc_id)
    current = known is not None and known.sha256 == doc.sha256 and known.info.get("pipeline") == PIPELINE_VERSION
    if current and not (writer.rebuild or force):
        report.unchanged.append(doc.doc_id)
        return
    writer.put(_record(doc, clauses), clauses)
    (report.updated if known else report.added).append(doc.doc_id)
    report.clauses[doc.doc_id] = len(clauses)


def remove_documents(settings: Settings, doc_ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """Take documents out of the index; returns (removed, not found)."""
    removed, missing = [], []
    with IndexWriter(settings.index_dir, embedder_for(settings), zh=zh_embedder(settings.model_zh)) as writer:
        for doc_id in doc_ids:
            (removed if writer.remove(doc_id) else missing).append(doc_id)
        writer.commit()
    return removed, missing


def ask(kb: KnowledgeBase, question: str, *, k: int = 5, filters: Filters | None = None) -> Answer:
    """Answer one question from the live generation of the index."""
    kb.refresh()
    kb = kb.pinned()
    lang = lang_of(question)
    spelled: list[tuple[str, str]] = []
    if lang == "zh":  # 危化品 is read as 危险化学品 (index/abbreviations.py); the answer says so
        question, spelled = spelled_out(question, kb.gen)
    else:  # 'licence' is read as 'license' where the clauses spell it so (index/spelling.py)
        question, _ = respelled(question, kb.gen.lexical)
    answer = _ask(kb, question, k, filters, lang)
    if spelled:
        answer = replace(answer, notes=[*answer.notes, *(SPELLED_OUT.format(short=a, full=b) for a, b in spelled)])
    return answer


SPELLED_OUT = "问题中的“{short}”按“{full}”理解（条文中没有“{short}”一词）。"


def _ask(kb: KnowledgeBase, question: str, k: int, filters: Filters | None, lang: str) -> Answer:
    found = search(kb, question, k=max(k, DEPTH), filters=filters)  # the answer re-orders more than it shows
    refs = references(kb, question)
    ordered = for_answer(kb, question, with_named(kb, found, k, refs.found), lang)
    hits = ordered[:k]
    if not any("reference" in h.found_by for h in hits):
        if missing := unindexed_laws(kb, question):
            # an article of a law that is not here: another law's article of that number is no answer
            return not_indexed(missing, hits, lang)
        if absent := [text for text in refs.absent if not cited_by(text, hits)]:
            # an article the law does not have: nor is its neighbour
            return no_such_clause(absent, hits, lang)
        if unknown := unmentioned(kb, question):  # OSHA, over the seed alone: no clause here governs it
            return not_mentioned(unknown, hits)
    named = bool(hits) and "reference" in hits[0].found_by  # confidence 1: nothing to measure
    answer = compose(question, hits, lang=lang, weights=kb.gen.lexical.weights(tokenize(question)),
                     reach=None if named else reach(kb, question, ordered))
    answer = with_general_source(kb, answer, lang)
    if answer.abstained and (note := other_language(kb, lang, filters)):
        answer = replace(answer, notes=[*answer.notes, note])
    if named and refs.partial:
        missing_parts = [part_missing(text, clause, lang) for text, clause in refs.partial]
        answer = replace(answer, notes=[*answer.notes, *missing_parts])
    return answer


def other_language(kb: KnowledgeBase, lang: str, filters: Filters | None = None) -> str:
    """A note for a question asked in a language none of the searched documents is in (a Chinese question over the
    English default corpus), '' otherwise."""
    asked = "zh" if lang == "zh" else "en"
    docs = [d for d in kb.documents() if not (filters and filters.doc_ids) or d.doc_id in filters.doc_ids]
    held = {"zh" if d.lang == "zh" else "en" for d in docs}
    return OTHER_LANGUAGE[asked] if held and asked not in held else ""


def duties_of(kb: KnowledgeBase, actor: str) -> list[Duty]:
    """Every duty of the actors whose name contains `actor`, grouped by document."""
    return responsibility_map(kb).of(actor)


def citation_json(hit: Hit, doc: DocRecord | None) -> dict[str, object]:
    """One cited clause in the JSON contract, with its document's date where the text gives one."""
    c = hit.clause
    return {
        "clause_id": c.clause_id, "doc": c.doc_id, "title": c.title, "number": c.number,
        "headings": list(c.headings), "page": c.page, "text": c.text, "score": round(hit.score, 6),
        "responsible": [a.text for a in c.actors], "cite": c.cite, "refs": list(c.refs),
        "date": (doc.info.get("date", "") if doc else ""),
    }


def answer_json(kb: KnowledgeBase, question: str, answer: Answer) -> dict[str, object]:
    """The JSON object of the `regkb ask --json` contract."""
    return {
        "question": question,
        "answer": {"text": answer.text, "responsible": answer.responsible, "recipients": answer.recipients,
                   "abstained": answer.abstained, "confidence": answer.confidence, "notes": answer.notes},
        "citations": [citation_json(h, kb.document(h.clause.doc_id)) for h in answer.citations],
    }
