"""HTML for the web app. Every piece of text from a document or a user is escaped here, nowhere else."""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from itertools import groupby

from answer.compose import Answer
from answer.duties import Duty
from index.lexical import tokenize, words
from index.search import Hit
from index.store import DocRecord
from ingest.text import lang_of
from ingest.types import Clause
from regkb.i18n import CARD_WORDS

_WORD = re.compile(r"[\u3400-\u9fff]+|[A-Za-z0-9]+")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def highlight(text: str, question: str) -> str:
    """Escaped text with the words the question shares marked by <mark>."""
    terms = set(tokenize(question))
    if not terms:
        return esc(text)
    out = []
    for word in words(text):
        hit = _WORD.fullmatch(word) is not None and bool(set(tokenize(word)) & terms)
        out.append(f"<mark>{esc(word)}</mark>" if hit else esc(word))
    return "".join(out)


def answer_card(answer: Answer, question: str) -> str:
    """The answer at a glance: who is responsible, the duty, and how sure regkb is."""
    w = CARD_WORDS[lang_of(question)]
    if answer.abstained:
        return (f'<div class="rk-answer rk-abstain" data-testid="answer-card"><div class="rk-who">'
                f'{esc(answer.text)}</div>{_notes(answer.notes)}<div class="rk-meta">{w["confidence"]} '
                f'{answer.confidence:.2f} — {esc(w["leads"])}</div></div>')
    who = " · ".join(a for a in answer.responsible if a not in answer.recipients) or w["nobody"]
    goes_to = (f'<div class="rk-label">{esc(w["receives"])}</div><div class="rk-who" data-testid="recipients">'
               f'{esc(" · ".join(answer.recipients))}</div>' if answer.recipients else "")
    return (f'<div class="rk-answer" data-testid="answer-card">{goes_to}<div class="rk-label">{esc(w["responsible"])}'
            f'</div><div class="rk-who">{esc(who)}</div><div class="rk-duty">{esc(answer.text)}</div>'
            f'{_notes(answer.notes)}<div class="rk-meta">{w["confidence"]} {answer.confidence:.2f}</div></div>')


def _notes(notes: list[str]) -> str:
    """Renamed bodies, shared duties and documents that name someone else, under the answer."""
    if not notes:
        return ""
    return '<ul class="rk-notes">' + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>"


def _actors_line(clause: Clause, w: dict[str, str], lang: str) -> str:
    names = []
    for a in clause.actors:
        note = ""
        if a.successor:
            note = f"（其职责现由{a.successor}承担）" if lang == "zh" else f" ({w['now']} {a.successor})"
        names.append(esc(a.text + note))
    return f'<div class="rk-actors">{esc(w["who_acts"])}: {", ".join(names)}</div>' if names else ""


def _refs_line(clause: Clause, labels: dict[str, str], w: dict[str, str]) -> str:
    if not clause.refs:
        return ""
    links = " ".join(f'<a href="#" class="rk-ref" data-open="{esc(r)}">{esc(labels.get(r, r.split("/", 1)[-1]))}</a>'
                     for r in clause.refs)
    return f'<div class="rk-refs">{esc(w["refs"])}: {links}</div>'


def clause_card(hit: Hit, question: str, rank: int, doc: DocRecord | None, labels: dict[str, str]) -> str:
    """One cited clause: where it sits, who must act, its text with matches marked, and its actions."""
    c = hit.clause
    lang = lang_of(question)
    w = CARD_WORDS[lang]
    page = f" · p. {c.page}" if c.page else ""
    date = f" · {w['date']} {doc.info['date']}" if doc and doc.info.get("date") else ""
    where = " › ".join(c.headings)
    return (f'<div class="rk-clause" data-clause-id="{esc(c.clause_id)}">'
            f'<div class="rk-cite">[{rank}] {esc(c.cite or c.clause_id)}{esc(page)}{esc(date)}</div>'
            f'<div class="rk-doc">{esc(c.title)} — {esc(c.number)}</div>'
            + (f'<div class="rk-path">{esc(where)}</div>' if where else "")
            + _actors_line(c, w, lang)
            + f'<div class="rk-text">{highlight(c.text, question)}</div>'
            + _refs_line(c, labels, w)
            + f'<div class="rk-actions"><button class="rk-open" data-open="{esc(c.clause_id)}">'
            f'{esc(w["open"])}</button><button class="rk-copy" data-copy="{esc(c.cite or c.clause_id)}">'
            f'{esc(w["copy"])}</button></div></div>')


def citations(answer: Answer, question: str, docs: dict[str, DocRecord], labels: dict[str, str]) -> str:
    if not answer.citations:
        return f'<div class="rk-empty">{esc(CARD_WORDS[lang_of(question)]["none"])}</div>'
    return "".join(clause_card(h, question, i, docs.get(h.clause.doc_id), labels)
                   for i, h in enumerate(answer.citations, start=1))


def context(clauses: Sequence[Clause], target: str) -> str:
    """A stretch of a document around one clause, the clause marked."""
    parts = []
    for c in clauses:
        cls = "rk-ctx rk-target" if c.clause_id == target else "rk-ctx"
        parts.append(f'<div class="{cls}" data-clause-id="{esc(c.clause_id)}"><div class="rk-cite">'
                     f'{esc(c.cite or c.clause_id)}</div><div class="rk-text">{esc(c.text)}</div></div>')
    title = esc(clauses[0].title) if clauses else ""
    return f'<div class="rk-context"><h4>{title}</h4>{"".join(parts)}</div>'


def document_tree(clauses: Sequence[Clause], query: str = "") -> str:
    """A document as chapters (collapsible) holding its clauses and their actors."""
    q = query.strip()
    shown = [c for c in clauses if not q or q.lower() in (c.text + " " + c.cite).lower()]
    if not shown:
        return '<div class="rk-empty">—</div>'
    out = []
    for chapter, group in groupby(shown, key=lambda c: c.headings[0] if c.headings else ""):
        rows = []
        for c in group:
            actors = ", ".join(a.text for a in c.actors)
            rows.append(f'<div class="rk-clause" data-clause-id="{esc(c.clause_id)}"><div class="rk-cite">'
                        f'{esc(c.cite or c.number)}</div>'
                        + (f'<div class="rk-actors">{esc(actors)}</div>' if actors else "")
                        + f'<div class="rk-text">{esc(c.text)}</div></div>')
        out.append(f'<details open><summary>{esc(chapter or "—")}</summary>{"".join(rows)}</details>')
    return f'<div class="rk-tree">{"".join(out)}</div>'


def duties_by_document(duties: Sequence[Duty]) -> str:
    """An actor's duties grouped by document, each with its citation."""
    if not duties:
        return '<div class="rk-empty">—</div>'
    out = []
    for title, group in groupby(duties, key=lambda d: d.title):
        rows = "".join(
            f'<li><span class="rk-cite">{esc(d.cite)}</span> — {esc(d.duty)}'
            + (f' <span class="rk-note">[{esc(d.written)} → {esc(d.successor)}]</span>' if d.successor else "")
            + "</li>" for d in group)
        out.append(f"<h4>{esc(title)}</h4><ul>{rows}</ul>")
    return "".join(out)


def holders(duties: Sequence[Duty], clause: Clause | None) -> str:
    """Who shares one duty, with the clause that assigns it."""
    if clause is None:
        return '<div class="rk-empty">—</div>'
    names = "".join(f"<li>{esc(d.actor)} <span class='rk-note'>({esc(d.written)}, {esc(d.how)})</span></li>"
                    for d in duties)
    return (f'<div class="rk-clause"><div class="rk-cite">{esc(clause.cite)}</div><ul>{names}</ul>'
            f'<div class="rk-text">{esc(clause.text)}</div></div>')


def vacuum(clauses: Sequence[Clause], limit: int = 200) -> str:
    rows = "".join(f'<li><span class="rk-cite">{esc(c.cite)}</span> {esc(c.text[:160])}</li>' for c in clauses[:limit])
    return f"<ul>{rows}</ul>" if rows else '<div class="rk-empty">—</div>'


def conflicts(pairs: Sequence[dict[str, object]], limit: int = 100) -> str:
    rows = []
    for p in pairs[:limit]:
        a, b = p["a"], p["b"]
        rows.append(f"<li>{esc(a['cite'])} [{esc(', '.join(a['actors']))}] ↔ {esc(b['cite'])} "  # type: ignore[index]
                    f"[{esc(', '.join(b['actors']))}] <span class='rk-note'>({esc(p['shared_terms'])})</span></li>")  # type: ignore[index]
    return f"<ul>{''.join(rows)}</ul>" if rows else '<div class="rk-empty">—</div>'


CSS = """
.rk-answer {border-left: 6px solid #0b6e4f; padding: 12px 16px; background: #f3f8f5; border-radius: 6px;}
.rk-abstain {border-left-color: #a15c00; background: #fbf6ee;}
.rk-label {font-size: 0.8em; text-transform: uppercase; letter-spacing: .05em; color: #555;}
.rk-who {font-size: 1.6em; font-weight: 700; margin: 4px 0;}
.rk-duty {margin: 6px 0;}
.rk-meta, .rk-path, .rk-actors, .rk-refs, .rk-note, .rk-notes {color: #555; font-size: 0.9em;}
.rk-clause, .rk-ctx {border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; margin: 10px 0;}
.rk-target {border: 2px solid #0b6e4f; background: #f3f8f5;}
.rk-cite {font-weight: 600;}
.rk-text {white-space: pre-wrap; margin-top: 6px;}
.rk-text mark {background: #ffe58a; padding: 0 1px;}
.rk-actions button {margin: 6px 8px 0 0; padding: 2px 10px; border: 1px solid #bbb; border-radius: 4px;
  background: #fff; cursor: pointer;}
.rk-actions button.copied {background: #e6f4ea;}
"""

# on the citation cards: "open in context" and cross-reference links tell the server; "copy" stays in the browser
CARD_JS = """
element.addEventListener('click', (event) => {
  const open = event.target.closest('[data-open]');
  if (open) { event.preventDefault(); trigger('click', {clause: open.dataset.open}); return; }
  const copy = event.target.closest('[data-copy]');
  if (!copy) return;
  const text = copy.dataset.copy;
  const done = () => { copy.classList.add('copied'); copy.setAttribute('data-copied', text); };
  if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done, done); }
  else { const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);
         area.select(); document.execCommand('copy'); area.remove(); done(); }
});
"""
