"""A reader (the app) keeps answering during an ingest and sees the new generation after it.

The reader is the app's own: `handlers.ask_json`, the function behind the public /ask endpoint, on the
knowledge base `handlers.kb()` keeps. The writer is a real `api.ingest_paths` in another thread, as the
Documents tab runs it inside the serving app. Every question refreshes the reader, so it must move to the
new generation by itself once CURRENT names it, and never before.
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from regkb import api, handlers
from regkb.config import Settings
from tests.helpers import SEED

NEW_DOC = "港口危险货物作业安全条例"
SEED_QUESTION = "Which department must revoke a licence when a unit still fails after rectification?"
NEW_QUESTION = "港口危险货物作业由哪个部门负责监督检查？"


def port_law(articles: int) -> str:
    """A regulation the seed knows nothing of, long enough that embedding it takes a moment."""
    body = "\n\n".join(f"第{n}条 港口危险货物作业的第{n}项事项，由港口行政管理部门负责监督检查，"
                       f"作业单位应当在{n}日内向其报告。" for n in range(1, articles + 1))
    return f"# {NEW_DOC}\n\n## 第一章 总则\n\n{body}\n"


@pytest.fixture
def reader(settings: Settings, embedder, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The app's handlers serving an index of the seed alone."""
    assert api.ingest_paths(settings, [SEED], embedder=embedder).ok
    monkeypatch.setattr(handlers, "_configured", [settings])
    return settings


def cited_docs(result: dict) -> list[str]:
    return [c["doc"] for c in result["citations"]]


def ask_both() -> tuple[dict, dict]:
    """The app's answers to a question the seed answers and one only the new document answers."""
    return handlers.ask_json(SEED_QUESTION, 5), handlers.ask_json(NEW_QUESTION, 5)


def test_reader_answers_from_the_old_generation_during_an_ingest_then_the_new(reader, tmp_path: Path, embedder):
    kb = handlers._open(handlers.settings())  # the reader the app keeps; each request gets a view pinned to it
    old, seed_doc = kb.generation, SEED.stem
    assert old == "gen-000001"
    law = tmp_path / f"{NEW_DOC}.md"
    law.write_text(port_law(40), encoding="utf-8")
    mid_write: list[tuple[str, dict, dict]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "lexical index":  # the new generation's vectors are written; its switch is still ahead
            mid_write.append((kb.generation, *ask_both()))

    seen: list[tuple[str, dict, dict]] = []
    with ThreadPoolExecutor(1) as pool:
        ingest = pool.submit(api.ingest_paths, reader, [law], embedder=embedder, progress=progress)
        while not ingest.done():
            seed_answer, new_answer = ask_both()
            seen.append((kb.generation, seed_answer, new_answer))
            time.sleep(0.01)
        report = ingest.result()
    assert report.ok and report.added == [NEW_DOC] and report.generation == "gen-000002"

    assert [g for g, *_ in mid_write] == [old]
    for gen, seed_answer, new_answer in mid_write + seen:
        assert not seed_answer["answer"]["abstained"] and cited_docs(seed_answer)[0] == seed_doc
        if gen == old:
            assert NEW_DOC not in cited_docs(new_answer), "the old generation cited a document it does not hold"
    gens = [g for g, *_ in seen]
    assert set(gens) <= {old, "gen-000002"} and gens == sorted(gens), "the reader went back a generation"

    seed_answer, new_answer = ask_both()
    assert kb.generation == "gen-000002" and handlers._open(handlers.settings()) is kb  # switched in place
    assert handlers.kb().generation == "gen-000002"
    assert cited_docs(new_answer)[0] == NEW_DOC
    assert "港口行政管理部门" in "".join(new_answer["answer"]["responsible"])
    assert cited_docs(seed_answer)[0] == seed_doc
    assert {d.doc_id for d in kb.documents()} == {seed_doc, NEW_DOC}
