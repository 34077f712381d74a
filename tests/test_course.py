"""Course material from the real corpus, each file opened again with its own library and read."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from docx import Document
from docx.oxml.ns import qn
from pptx import Presentation

from answer.duties import responsibility_map
from course.handout import write_handout
from course.quiz import make_questions, write_gift, write_moodle_xml, write_quiz_docx
from course.select import select_items
from course.slides import write_slides
from regkb import api


def items_for(settings, embedder, actors=(), topic=""):
    kb = api.open_kb(settings, embedder=embedder)
    rmap = responsibility_map(kb)
    return kb, rmap, select_items(kb, rmap, actors=actors, topic=topic)


def test_one_actor_gives_all_its_duties(corpus_settings, embedder):
    _, rmap, items = items_for(corpus_settings, embedder, actors=["公安机关"])
    assert items and {i.actor for i in items} == {"公安机关"}
    assert len(items) == len({(d.clause_id) for d in rmap.duties if d.actor == "公安机关"})
    assert any(i.cite == "《危险化学品安全管理条例》第六条第二项" for i in items)


def test_a_topic_narrows_to_the_clauses_it_finds(corpus_settings, embedder):
    _, _, items = items_for(corpus_settings, embedder, topic="剧毒化学品购买许可证")
    assert items and any("剧毒化学品" in i.text for i in items[:5])


def test_handout_docx(corpus_settings, embedder, tmp_path):
    _, _, items = items_for(corpus_settings, embedder, actors=["公安机关", "应急管理部门"])
    path = write_handout(items, tmp_path / "handout.docx", title="公安机关与应急管理部门的职责")
    doc = Document(path)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["公安机关", "应急管理部门"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "《危险化学品安全管理条例》第六条第二项" in text and "公安机关负责危险化学品的公共安全管理" in text
    east_asian = doc.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia"))
    assert east_asian  # Chinese renders with a CJK font that this machine has


def test_slides_pptx_one_duty_per_slide_citation_in_notes(corpus_settings, embedder, tmp_path):
    _, _, items = items_for(corpus_settings, embedder, actors=["公安机关"])
    deck = Presentation(write_slides(items, tmp_path / "slides.pptx"))
    slides = list(deck.slides)[1:]
    assert len(slides) == len(items)
    assert all(s.shapes.title.text == "公安机关" for s in slides)
    notes = [s.notes_slide.notes_text_frame.text for s in slides]
    assert notes[0].splitlines()[0] == items[0].cite


def test_quiz_in_three_formats(corpus_settings, embedder, tmp_path):
    _, rmap, items = items_for(corpus_settings, embedder, actors=["公安机关"])
    questions = make_questions(items, [a for a, _ in rmap.actors()])
    assert len(questions) == len(items)
    q = questions[0]
    assert len(set(q.options)) == 4 and q.options[q.answer] == "公安机关"
    assert "公安机关" not in q.stem  # the answer is not given away
    doc = Document(write_quiz_docx(questions, tmp_path / "quiz.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Answer key" in text and q.cite in text
    root = ET.parse(write_moodle_xml(questions, tmp_path / "quiz.xml")).getroot()
    first = root.findall("question")[0]
    right = [a for a in first.findall("answer") if a.get("fraction") == "100"]
    assert len(root.findall("question")) == len(questions) and right[0].find("text").text == "公安机关"
    gift = write_gift(questions, tmp_path / "quiz.gift").read_text(encoding="utf-8")
    assert gift.count("::Q") == len(questions) and "=公安机关#" in gift
