"""HTML for the web app: the answer card and clause cards. Every piece of text is escaped here."""
from __future__ import annotations

import html
import re

from answer.compose import Answer
from index.lexical import tokenize
from index.search import Hit

_WORD = re.compile(r"[\u3400-\u9fff]+|[A-Za-z0-9]+")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def highlight(text: str, question: str) -> str:
    """Escaped text with the words the question shares marked by <mark>."""
    terms = set(tokenize(question))
    if not terms:
        return esc(text)
    out, pos = [], 0
    for m in _WORD.finditer(text):
        out.append(esc(text[pos:m.start()]))
        word = m.group()
        hit = bool(set(tokenize(word)) & terms) if len(word) <= 40 else False
        out.append(f"<mark>{esc(word)}</mark>" if hit else esc(word))
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def answer_card(answer: Answer) -> str:
    """The answer at a glance: who is responsible, the duty, and how sure regkb is."""
    if answer.abstained:
        return (f'<div class="rk-answer rk-abstain"><div class="rk-who">{esc(answer.text)}</div>'
                f'<div class="rk-meta">confidence {answer.confidence:.2f} — the nearest clauses are shown '
                "below as leads, not as an answer</div></div>")
    who = " · ".join(answer.responsible) or "No single responsible party is named"
    return (f'<div class="rk-answer"><div class="rk-label">Responsible</div><div class="rk-who">{esc(who)}</div>'
            f'<div class="rk-duty">{esc(answer.text)}</div>'
            f'<div class="rk-meta">confidence {answer.confidence:.2f}</div></div>')


def clause_card(hit: Hit, question: str, rank: int) -> str:
    """One cited clause: where it sits, who must act, and its text with matches marked."""
    c = hit.clause
    where = " › ".join(c.headings)
    page = f" · p. {c.page}" if c.page else ""
    actors = ", ".join(a.text for a in c.actors)
    return (f'<div class="rk-clause" data-clause-id="{esc(c.clause_id)}">'
            f'<div class="rk-cite">[{rank}] {esc(c.cite or c.clause_id)}{esc(page)}</div>'
            f'<div class="rk-doc">{esc(c.title)} — {esc(c.number)}</div>'
            + (f'<div class="rk-path">{esc(where)}</div>' if where else "")
            + (f'<div class="rk-actors">Who must act: {esc(actors)}</div>' if actors else "")
            + f'<div class="rk-text">{highlight(c.text, question)}</div></div>')


def citations(answer: Answer, question: str) -> str:
    if not answer.citations:
        return '<div class="rk-empty">No clauses found.</div>'
    return "".join(clause_card(h, question, i) for i, h in enumerate(answer.citations, start=1))


CSS = """
.rk-answer {border-left: 6px solid #0b6e4f; padding: 12px 16px; background: #f3f8f5; border-radius: 6px;}
.rk-abstain {border-left-color: #a15c00; background: #fbf6ee;}
.rk-label {font-size: 0.8em; text-transform: uppercase; letter-spacing: .05em; color: #555;}
.rk-who {font-size: 1.6em; font-weight: 700; margin: 4px 0;}
.rk-duty {margin: 6px 0;}
.rk-meta, .rk-path, .rk-actors {color: #555; font-size: 0.9em;}
.rk-clause {border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; margin: 10px 0;}
.rk-cite {font-weight: 600;}
.rk-text {white-space: pre-wrap; margin-top: 6px;}
.rk-text mark {background: #ffe58a; padding: 0 1px;}
"""
