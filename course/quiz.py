"""The quiz: "which body is responsible for …", multiple choice with distractors drawn from the other actors of
the corpus, an answer key with citations; as .docx, Moodle XML and GIFT."""
from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document

from course.handout import set_fonts
from course.select import Item
from ingest.text import lang_of

PROMPT = {"en": "Which body is responsible for the following duty?", "zh": "下列职责由哪个主体负责？"}
BLANK = {"en": "____", "zh": "（    ）"}
LETTERS = "ABCD"


@dataclass(frozen=True)
class Question:
    """One multiple-choice question with its key and source."""

    prompt: str
    stem: str
    options: tuple[str, ...]
    answer: int
    cite: str
    lang: str


def _suffix(actor: str) -> str:
    """What kind of body an actor is: its last two characters in Chinese, its last word in English."""
    return actor[-2:] if lang_of(actor) == "zh" else actor.split()[-1].lower()


def _distractors(correct: str, pool: Sequence[str], rng: random.Random) -> list[str]:
    """Three other actors of the same language, of the same kind where the corpus has enough."""
    lang = lang_of(correct)
    others = [a for a in dict.fromkeys(pool) if a != correct and lang_of(a) == lang
              and a not in correct and correct not in a]
    alike = [a for a in others if _suffix(a) == _suffix(correct)]
    picks = rng.sample(alike, 3) if len(alike) >= 3 else alike + rng.sample(
        [a for a in others if a not in alike], min(3 - len(alike), len(others) - len(alike)))
    return picks[:3]


def _mask(item: Item, lang: str) -> str:
    stem = item.duty
    for name in sorted({item.written, item.actor}, key=len, reverse=True):
        if name:
            stem = stem.replace(name, BLANK[lang])
    return re.sub(r"\s+", " ", stem).strip()


def make_questions(items: Sequence[Item], actors: Sequence[str], *, seed: int = 7) -> list[Question]:
    """One question per duty that has three distractors; options shuffled reproducibly."""
    questions = []
    for item in items:
        rng = random.Random(f"{seed}:{item.clause_id}:{item.actor}")
        wrong = _distractors(item.actor, actors, rng)
        if len(wrong) < 3:
            continue
        options = [item.actor, *wrong]
        rng.shuffle(options)
        lang = lang_of(item.duty + item.actor)
        questions.append(Question(PROMPT[lang], _mask(item, lang), tuple(options), options.index(item.actor),
                                  item.cite, lang))
    return questions


def write_quiz_docx(questions: Sequence[Question], path: Path, *, title: str = "Quiz") -> Path:
    """Questions, then an answer key with the citation of each answer."""
    doc = Document()
    for name in ("Normal", "Title", "Heading 1"):
        set_fonts(doc.styles[name])
    doc.add_heading(title, level=0)
    for n, q in enumerate(questions, start=1):
        doc.add_paragraph(f"{n}. {q.prompt}")
        doc.add_paragraph(q.stem)
        for letter, option in zip(LETTERS, q.options, strict=False):
            doc.add_paragraph(f"    {letter}. {option}")
    doc.add_heading("Answer key", level=1)
    for n, q in enumerate(questions, start=1):
        doc.add_paragraph(f"{n}. {LETTERS[q.answer]} — {q.options[q.answer]} ({q.cite})")
    doc.save(path)
    return path


def write_moodle_xml(questions: Sequence[Question], path: Path) -> Path:
    """Moodle XML multiple-choice questions, the citation as general feedback."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for n, q in enumerate(questions, start=1):
        parts += [
            '  <question type="multichoice">',
            f"    <name><text>Q{n}</text></name>",
            f'    <questiontext format="html"><text><![CDATA[<p>{escape(q.prompt)}</p><p>{escape(q.stem)}</p>]]>'
            "</text></questiontext>",
            f'    <generalfeedback format="html"><text><![CDATA[{escape(q.cite)}]]></text></generalfeedback>',
            "    <single>true</single><shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>",
        ]
        for i, option in enumerate(q.options):
            fraction = 100 if i == q.answer else 0
            parts.append(f'    <answer fraction="{fraction}" format="html"><text><![CDATA[{escape(option)}]]></text>'
                         "</answer>")
        parts.append("  </question>")
    parts.append("</quiz>")
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _gift(text: str) -> str:
    return re.sub(r"([~=#{}:\\])", r"\\\1", text)


def write_gift(questions: Sequence[Question], path: Path) -> Path:
    """GIFT text: one question per block, the citation as feedback on the right answer."""
    blocks = []
    for n, q in enumerate(questions, start=1):
        options = " ".join(("=" if i == q.answer else "~") + _gift(o) + (f"#{_gift(q.cite)}" if i == q.answer else "")
                           for i, o in enumerate(q.options))
        blocks.append(f"::Q{n}:: {_gift(q.prompt)} {_gift(q.stem)} {{{options}}}")
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path
