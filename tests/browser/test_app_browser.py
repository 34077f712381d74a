"""The web app in a real browser (Debian's Chromium driven by Playwright), as officials and trainers use it.

Screenshots of every tab at 1280×800 are written to docs/screenshots/ on each run."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from regkb import api
from regkb.config import Settings
from tests.helpers import CORPUS_SOURCES, SEED

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "test-admin-secret"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason=f"no Chromium at {CHROMIUM}: `make test` installs Debian's chromium")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory, embedder) -> Iterator[tuple[str, Settings]]:
    """`regkb serve` over the seed, two Chinese regulations and a document planting HTML and script."""
    planted = tmp_path_factory.mktemp("planted") / "planted-notice.txt"
    planted.write_text("Planted notice\n\n1. The boiler inspector shall check the boiler "
                       "<script>alert('xss')</script> <img src=x onerror=alert(1)> weekly.\n", encoding="utf-8")
    settings = Settings.from_env(index_dir=tmp_path_factory.mktemp("browser") / "index", admin_token=TOKEN)
    paths = [SEED, planted]
    if CORPUS_SOURCES.is_dir():
        paths += [CORPUS_SOURCES / "zh" / "安全生产法(2021-06-10).md",
                  CORPUS_SOURCES / "zh" / "危险化学品安全管理条例(2013-12-07).md"]
    assert api.ingest_paths(settings, paths, embedder=embedder).ok
    port = free_port()
    env = {**os.environ, "REGKB_INDEX": str(settings.index_dir), "REGKB_ADMIN_TOKEN": TOKEN, "HF_HUB_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False"}
    log = (tmp_path_factory.mktemp("log") / "app.log").open("w")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env={**env, "REGKB_PORT": str(port)},
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            break
        except OSError:
            assert proc.poll() is None, "the app exited at start"
            time.sleep(0.5)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield url, settings
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server[0].rstrip("/"))
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(server[0], wait_until="load")
    page.wait_for_selector("#question textarea", timeout=60_000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    """Save a 1280×800 screenshot of what the page shows now, for reviewers."""
    from PIL import Image

    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    assert Image.open(path).size == (1280, 800)


def ask(page, question: str) -> None:
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function(
        "q => document.querySelector('#citations .rk-clause') && "
        "document.querySelector('[data-testid=answer-card]')", arg=question, timeout=60_000)


def choose(page, selector: str, option: str) -> None:
    """Pick an option of a Gradio dropdown by its visible text."""
    page.click(f"{selector} input")
    page.fill(f"{selector} input", option)
    item = page.locator("ul[role=listbox] li", has_text=option).first
    item.wait_for(state="visible", timeout=30_000)
    item.click()
    page.wait_for_timeout(300)


def open_tab(page, name: str) -> None:
    page.click(f"[role=tab]:has-text('{name}')")


def test_ask_shows_the_answer_card_and_highlighted_citations(page):
    ask(page, "Which department must revoke a licence when a unit still fails after rectification?")
    card = page.inner_text("[data-testid=answer-card]")
    assert "The government departments or institutions that implement administrative licenses" in card
    first = page.locator("#citations .rk-clause").first
    assert "original administrative license must be revoked" in first.inner_text()
    assert first.locator("mark").count() > 0
    shot(page, "ask")


def test_open_a_clause_in_context(page):
    ask(page, "Who must report hidden dangers that exceed their jurisdiction?")
    clause_id = page.locator("#citations .rk-clause").first.get_attribute("data-clause-id")
    page.locator("#citations .rk-open").first.click()
    page.wait_for_selector("#context .rk-target", timeout=30_000)
    assert page.locator("#context .rk-target").get_attribute("data-clause-id") == clause_id
    assert page.locator("#context .rk-ctx").count() > 1  # neighbours shown around it


@pytest.mark.skipif(not CORPUS_SOURCES.is_dir(), reason="needs the shared Chinese corpus")
def test_cross_reference_opens_the_referenced_clause(page):
    ask(page, "安全生产法第一百一十五条")
    page.locator("#citations .rk-ref").first.click()
    page.wait_for_selector("#context .rk-target", timeout=30_000)
    assert page.locator("#context .rk-target").get_attribute("data-clause-id") == "安全生产法(2021-06-10)/a95"


def test_copy_citation(page):
    ask(page, "Who must report hidden dangers that exceed their jurisdiction?")
    button = page.locator("#citations .rk-copy").first
    button.click()
    page.wait_for_function("b => b.getAttribute('data-copied')", arg=button.element_handle())
    assert button.get_attribute("data-copied") == button.get_attribute("data-copy")


def test_switch_language(page, browser, server):
    assert page.inner_text("[role=tab] >> nth=0") == "Ask"
    page.click("#language label:has-text('中文')")
    page.wait_for_function("() => [...document.querySelectorAll('[role=tab]')].map(t => t.innerText)"
                           ".join('|').includes('文档管理')", timeout=30_000)
    tabs = [t.inner_text() for t in page.locator("[role=tab]").all()]
    assert tabs == ["提问", "浏览", "职责图谱", "课程生成", "文档管理"]
    chinese = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN").new_page()
    chinese.goto(server[0], wait_until="load")
    chinese.wait_for_selector("#question textarea", timeout=60_000)
    assert chinese.inner_text("[role=tab] >> nth=0") == "提问"  # the default follows the browser
    chinese.context.close()


def test_browse_a_document_by_chapter(page):
    open_tab(page, "Browse")
    choose(page, "#browse-doc", "How to fulfill")
    page.wait_for_function("() => document.querySelector('#browse-tree').innerText.includes('revoked')",
                           timeout=30_000)
    assert page.locator("#browse-tree details").count() >= 1
    shot(page, "browse")


@pytest.mark.skipif(not CORPUS_SOURCES.is_dir(), reason="needs the shared Chinese corpus")
def test_responsibility_map_for_an_actor(page):
    open_tab(page, "Responsibilities")
    choose(page, "#map-actor", "公安机关")
    page.wait_for_selector("#map-duties h4", timeout=30_000)
    text = page.inner_text("#map-duties")
    assert "危险化学品安全管理条例" in text and "第六条第二项" in text
    shot(page, "responsibilities")


@pytest.mark.skipif(not CORPUS_SOURCES.is_dir(), reason="needs the shared Chinese corpus")
def test_build_a_course_and_download_every_export(page, tmp_path):
    open_tab(page, "Course builder")
    choose(page, "#course-actors", "公安机关")
    page.keyboard.press("Escape")
    page.fill("#course-title textarea", "公安机关的职责")
    page.click("#course-preview")
    page.wait_for_function("() => document.querySelector('#course-table').innerText.includes('第六条第二项')",
                           timeout=60_000)
    shot(page, "course")
    files = {}
    endings = {"handout": "-handout.docx", "slides": "-slides.pptx", "quiz_docx": "-quiz.docx",
               "quiz_moodle": "-quiz.xml", "quiz_gift": "-quiz.gift"}
    for kind, ending in endings.items():
        page.click(f"#export-{kind}")
        page.wait_for_function("e => [...document.querySelectorAll('#course-download a[data-testid=download-link]')]"
                               ".some(a => a.href.endsWith(e))", arg=ending, timeout=60_000)
        with page.expect_download() as download:
            page.locator("#course-download a[data-testid=download-link]").last.click()
        files[kind] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[kind])
        assert files[kind].name.endswith(ending)
    handout = Document(files["handout"])
    assert [p.text for p in handout.paragraphs if p.style.name == "Heading 1"] == ["公安机关"]
    deck = Presentation(files["slides"])
    assert "《危险化学品安全管理条例》" in "".join(s.notes_slide.notes_text_frame.text for s in deck.slides
                                           if s.has_notes_slide)
    quiz = "\n".join(p.text for p in Document(files["quiz_docx"]).paragraphs)
    assert "Answer key" in quiz and "公安机关" in quiz
    moodle = ET.parse(files["quiz_moodle"]).getroot()
    assert moodle.tag == "quiz" and moodle.findall("question")
    assert files["quiz_gift"].read_text(encoding="utf-8").count("::Q") == len(moodle.findall("question"))


def upload(page, path: Path, token: str) -> None:
    open_tab(page, "Documents")
    page.fill("#admin-token input", token)
    page.set_input_files("#upload input[type=file]", str(path))
    page.wait_for_timeout(500)
    page.click("#admin-ingest")


def test_upload_without_the_admin_secret_is_refused(page, tmp_path, server):
    doc = tmp_path / "night-shift-rules.txt"
    doc.write_text("1. The night shift supervisor shall lock the chemical store every evening.\n")
    upload(page, doc, "not-the-token")
    page.wait_for_selector("text=Wrong admin token", timeout=30_000)
    ids = [d.doc_id for d in api.open_kb(server[1]).documents()]
    assert "night-shift-rules" not in ids


def test_admin_uploads_a_document_and_asks_about_it(page, tmp_path):
    doc = tmp_path / "forklift-rules.txt"
    doc.write_text("Forklift rules\n\n1. The warehouse safety officer shall inspect every forklift "
                   "before each shift and keep the inspection log.\n", encoding="utf-8")
    upload(page, doc, TOKEN)
    page.wait_for_function("() => document.querySelector('#admin-results').innerText.includes('added')",
                           timeout=120_000)
    shot(page, "documents")
    open_tab(page, "Ask")
    ask(page, "Who must inspect the forklifts before a shift?")
    assert "The warehouse safety officer" in page.inner_text("[data-testid=answer-card]")
    assert "forklift-rules" in page.locator("#citations .rk-clause").first.get_attribute("data-clause-id")


def test_script_in_a_clause_is_shown_as_text(page):
    ask(page, "Who must check the boiler weekly?")
    text = page.inner_text("#citations")
    assert "<script>alert('xss')</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("#citations script").count() == 0 and page.locator("#citations img").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []


def test_feedback_is_stored_with_the_question(page, server):
    ask(page, "Who must report hidden dangers that exceed their jurisdiction?")
    page.click("#vote-up")
    page.wait_for_function("() => document.querySelector('#voted').innerText.includes('✓')", timeout=30_000)
    with sqlite3.connect(server[1].index_dir / "feedback.sqlite") as db:
        rows = db.execute("SELECT question, helpful, clause_ids FROM feedback").fetchall()
    assert ("Who must report hidden dangers that exceed their jurisdiction?", 1) in [(r[0], r[1]) for r in rows]
    assert json.loads(rows[-1][2])


def test_gradio_file_routes_do_not_serve_arbitrary_paths(server):
    url = server[0]
    for path in ("/etc/passwd", str(server[1].index_dir / "CURRENT"), "../../../../etc/passwd"):
        for route in (f"gradio_api/file={path}", f"file={path}"):
            try:
                with urllib.request.urlopen(url + route, timeout=10) as response:
                    body = response.read()
                assert b"root:" not in body and b"gen-" not in body, route
            except urllib.error.HTTPError as exc:
                assert exc.code in (403, 404), route
