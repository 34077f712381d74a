"""The web app's event handlers: plain values in, plain values out, one lazily loaded knowledge base.

Library errors become one clear line in the page (gr.Error); nothing here decides an answer."""
from __future__ import annotations

import contextlib
import functools
import tempfile
from pathlib import Path

import gradio as gr

from answer.duties import responsibility_map
from course.handout import write_handout
from course.quiz import make_questions, write_gift, write_moodle_xml, write_quiz_docx
from course.select import Item, select_items
from course.slides import write_slides
from index.kb import EmptyIndex, KnowledgeBase
from index.search import Filters
from regkb import admin, api, feedback, views
from regkb.config import Settings

_configured: list[Settings] = []
COURSE_COLUMNS = ["keep", "order", "actor", "cite", "duty", "clause_id"]


def configure(settings: Settings) -> None:
    """Use these settings instead of the environment's."""
    _configured[:] = [settings]


def settings() -> Settings:
    return _configured[0] if _configured else Settings.from_env()


@functools.lru_cache(maxsize=4)
def _open(current: Settings) -> KnowledgeBase:
    return api.open_kb(current)


def kb() -> KnowledgeBase:
    """The knowledge base, loaded once, switched to a new generation when one appears, pinned for one request."""
    base = _open(settings())
    base.refresh()
    return base.pinned()


def warm_up() -> None:
    """Load the model and both tokenisers now, so that the first visitor does not wait for them."""
    with contextlib.suppress(EmptyIndex):
        api.ask(kb(), "warm-up 预热", k=1)


def _labels(knowledge: KnowledgeBase, ids: list[str]) -> dict[str, str]:
    return {c.clause_id: c.cite or c.clause_id for c in knowledge.clauses(ids)}


def ask(question: str, k: float = 5, doc_ids: list[str] | None = None, actor: str | None = None,
        lang: str | None = None) -> tuple[str, str, dict[str, object]]:
    """Answer card, clause cards and what was shown (kept for feedback)."""
    question = (question or "").strip()
    if not question:
        raise gr.Error("Type a question first. / 请先输入问题。")
    filters = Filters(tuple(doc_ids or ()), lang if lang in ("zh", "en") else "", (actor or "").strip())
    try:
        knowledge = kb()
        answer = api.ask(knowledge, question, k=int(k), filters=filters)
    except Exception as exc:  # one clear line in the page, not a traceback
        raise gr.Error(str(exc)) from exc
    refs = [r for h in answer.citations for r in h.clause.refs]
    cards = views.citations(answer, question, knowledge.gen.docs, _labels(knowledge, refs))
    shown = {"question": question, "answer": answer.text, "clause_ids": [h.clause.clause_id for h in answer.citations]}
    return views.answer_card(answer, question), cards, shown


def ask_json(question: str, k: int = 5) -> dict:
    """The same JSON object as `regkb ask --json`, for programs using gradio_client."""
    question = (question or "").strip()
    if not question:
        raise gr.Error("Type a question first.")
    knowledge = kb()
    return api.answer_json(knowledge, question, api.ask(knowledge, question, k=int(k)))


def open_context(event: gr.EventData) -> str:
    """The neighbouring clauses of the clause a card or a cross-reference points to."""
    clause_id = str((getattr(event, "_data", None) or {}).get("clause", "")) if event else ""
    if not clause_id:
        return ""
    knowledge = kb()
    found = knowledge.clauses([clause_id])
    if not found:
        return views.context([], clause_id)
    clauses = knowledge.clauses_of(found[0].doc_id)
    at = next(i for i, c in enumerate(clauses) if c.clause_id == clause_id)
    return views.context(clauses[max(0, at - 3): at + 4], clause_id)


def vote(shown: dict[str, object] | None, helpful: bool) -> str:
    if not shown:
        raise gr.Error("Ask a question first. / 请先提问。")
    feedback.record(settings().index_dir, question=str(shown["question"]), answer=str(shown["answer"]),
                    clause_ids=list(shown["clause_ids"]), helpful=helpful)  # type: ignore[arg-type]
    return "✓"


def documents() -> list[tuple[str, str]]:
    """(label, doc id) for every document, for dropdowns."""
    try:
        return [(f"{d.title} ({d.doc_id})", d.doc_id) for d in sorted(kb().documents(), key=lambda d: d.title)]
    except Exception:  # an empty index has no documents yet
        return []


def actors() -> list[str]:
    try:
        return [a for a, _ in responsibility_map(kb()).actors()]
    except Exception:
        return []


def browse(doc_id: str | None, query: str = "") -> str:
    if not doc_id:
        return ""
    return views.document_tree(kb().clauses_of(doc_id), query or "")


def actor_duties(actor: str | None) -> str:
    return views.duties_by_document(responsibility_map(kb()).of(actor)) if actor else ""


def shared_choices() -> list[tuple[str, str]]:
    knowledge = kb()
    shared = responsibility_map(knowledge).shared()
    cites = _labels(knowledge, [cid for cid, _ in shared])
    return [(f"{cites.get(cid, cid)} — {' / '.join(actors)}", cid) for cid, actors in shared]


def who_shares(clause_id: str | None) -> str:
    if not clause_id:
        return ""
    knowledge = kb()
    found = knowledge.clauses([clause_id])
    return views.holders(responsibility_map(knowledge).holders(clause_id), found[0] if found else None)


def map_lists() -> tuple[str, str]:
    rmap = responsibility_map(kb())
    return views.vacuum(rmap.vacuum), views.conflicts(rmap.conflicts)


def course_preview(chosen: list[str] | None, topic: str = "") -> list[list[object]]:
    """Rows of the course table: keep, order, actor, cite, duty, clause id."""
    if not chosen and not (topic or "").strip():
        raise gr.Error("Choose at least one actor or type a topic. / 请选择责任主体或输入主题。")
    knowledge = kb()
    items = select_items(knowledge, responsibility_map(knowledge), actors=chosen or [], topic=topic or "")
    return [[True, i + 1, it.actor, it.cite, it.duty, it.clause_id] for i, it in enumerate(items)]


def _rows(table: object) -> list[list[object]]:
    if hasattr(table, "values"):  # a pandas DataFrame from the table component
        return [list(r) for r in table.values.tolist()]  # type: ignore[attr-defined]
    return [list(r) for r in (table or [])]  # type: ignore[union-attr]


def _items(table: object) -> list[Item]:
    rows = [r for r in _rows(table) if r and str(r[0]).lower() in ("true", "1")]
    rows.sort(key=lambda r: float(r[1]) if str(r[1]).strip() else 1e9)
    knowledge = kb()
    rmap = responsibility_map(knowledge)
    texts = {c.clause_id: c for c in knowledge.clauses([str(r[5]) for r in rows])}
    items = []
    for r in rows:
        duty = next((d for d in rmap.holders(str(r[5])) if d.actor == r[2]), None)
        clause = texts.get(str(r[5]))
        if duty and clause:
            items.append(Item(duty.actor, duty.written, duty.duty, duty.cite, duty.clause_id, duty.title,
                              clause.text, duty.successor))
    if not items:
        raise gr.Error("The course is empty: preview duties and keep at least one. / 课程为空。")
    return items


def course_export(table: object, title: str, kind: str) -> str:
    """Write the course as the chosen kind of file; returns its path for download."""
    items = _items(table)
    title = (title or "").strip() or "Course"
    out = Path(tempfile.mkdtemp(prefix="regkb-course-"))
    name = admin.safe_name(title) or "course"
    if kind == "handout":
        return str(write_handout(items, out / f"{name}-handout.docx", title=title))
    if kind == "slides":
        return str(write_slides(items, out / f"{name}-slides.pptx", title=title))
    questions = make_questions(items, actors())
    if not questions:
        raise gr.Error("Not enough actors in the corpus to build distractors. / 语料中的责任主体不足以生成选项。")
    if kind == "quiz_docx":
        return str(write_quiz_docx(questions, out / f"{name}-quiz.docx", title=title))
    if kind == "quiz_moodle":
        return str(write_moodle_xml(questions, out / f"{name}-quiz.xml"))
    return str(write_gift(questions, out / f"{name}-quiz.gift"))


def document_rows() -> list[list[object]]:
    try:
        return [[d.doc_id, d.title, d.clauses, d.info.get("date", ""), d.ingested_at] for d in kb().documents()]
    except Exception:
        return []


def admin_ingest(token: str, files: list[str] | None, progress: gr.Progress | None = None
                 ) -> tuple[list[list[str]], list[list[object]]]:
    """Check the token, add the uploaded files, show a result per file and the new document list."""
    if not files:
        raise gr.Error("Choose files to upload first. / 请先选择文件。")
    track = progress or gr.Progress()
    uploads = [(Path(f).name, Path(f)) for f in files]
    try:
        rows = admin.ingest_uploads(settings(), token, uploads,
                                    on_file=lambda path, n, total: track((n - 1, total), desc=path.name))
    except admin.AdminError as exc:
        raise gr.Error(str(exc)) from exc
    return [list(r) for r in rows], document_rows()


def admin_remove(token: str, doc_id: str | None) -> tuple[str, list[list[object]]]:
    if not doc_id:
        raise gr.Error("Choose a document. / 请选择文档。")
    try:
        message = admin.remove(settings(), token, doc_id)
    except admin.AdminError as exc:
        raise gr.Error(str(exc)) from exc
    return message, document_rows()


def admin_reindex(token: str) -> tuple[str, list[list[object]]]:
    try:
        message = admin.reindex(settings(), token)
    except admin.AdminError as exc:
        raise gr.Error(str(exc)) from exc
    return message, document_rows()
