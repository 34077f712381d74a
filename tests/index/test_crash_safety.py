"""A crash at any moment of an ingest leaves the index with exactly the old or the new documents.

`regkb ingest` runs as a real process and is killed with SIGKILL, at each named step of a commit and at
random moments; after every kill the index must open, answer, pass its checksums, and hold one state.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import generations
from index.kb import KnowledgeBase
from index.manifest import Manifest
from index.search import search
from regkb import api
from regkb.config import Settings
from tests.helpers import SEED

ROOT = Path(__file__).resolve().parents[2]
STEPS = ["after-embedding", "after-vectors", "before-rename", "after-rename", "before-switch", "after-switch"]
RANDOM_TRIALS = 30


def law(version: int) -> str:
    return (f"# 版本测试条例\n\n## 第一章 总则\n\n第一条 本条例第{version}版由应急管理部门负责解释。\n\n"
            f"第二条 生产经营单位应当在第{version}个工作日内报告隐患。\n")


def start_ingest(index: Path, path: Path, crash_at: str = "") -> subprocess.Popen[bytes]:
    env = {**os.environ, "REGKB_INDEX": str(index), "HF_HUB_OFFLINE": "1", "REGKB_CRASH_AT": crash_at}
    return subprocess.Popen([sys.executable, "-m", "regkb.cli", "ingest", str(path)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def state(index: Path, embedder) -> int | None:
    """The version of the test law the index holds (None when absent), after checking it is whole."""
    live = generations.current(index)
    assert live is not None
    Manifest.load(live).check_files(live, checksums=True)
    kb = KnowledgeBase(index, embedder=embedder)
    docs = {d.doc_id for d in kb.documents()}
    assert "government-and-department-safety-responsibilities" in docs
    assert search(kb, "Who must revoke the administrative license?", k=3), "the index must still answer"
    if "law" not in docs:
        return None
    first = kb.clauses(["law/a1"])[0].text
    version = int(first.split("第", 2)[2].split("版")[0])
    assert kb.clauses(["law/a2"])[0].text.endswith(f"第{version}个工作日内报告隐患。"), "clauses from two versions"
    assert kb.gen.vectors.count() == kb.gen.lexical.count() == kb.gen.store.count()
    return version


@pytest.fixture
def index(tmp_path, embedder) -> Path:
    settings = Settings.from_env(index_dir=tmp_path / "index")
    assert api.ingest_paths(settings, [SEED], embedder=embedder).ok
    return settings.index_dir


@pytest.mark.slow
def test_kill_at_each_commit_step(index, tmp_path, embedder):
    doc = tmp_path / "law.md"
    held: int | None = None
    for version, step in enumerate(STEPS, start=1):
        doc.write_text(law(version), encoding="utf-8")
        proc = start_ingest(index, doc, crash_at=step)
        assert proc.wait(timeout=300) == -signal.SIGKILL, step
        now = state(index, embedder)
        expected = version if step == "after-switch" else held
        assert now == expected, f"killed {step}: held {now}, expected {expected}"
        held = now
    doc.write_text(law(99), encoding="utf-8")
    assert start_ingest(index, doc).wait(timeout=300) == 0  # the next writer recovers and cleans up
    assert state(index, embedder) == 99
    assert not [p for p in index.iterdir() if p.name.startswith("tmp-")]


@pytest.mark.slow
def test_random_sigkill_leaves_old_or_new(index, tmp_path, embedder):
    doc = tmp_path / "law.md"
    doc.write_text(law(0), encoding="utf-8")
    started = time.monotonic()
    assert start_ingest(index, doc).wait(timeout=300) == 0
    full = time.monotonic() - started
    rng = random.Random(1234)
    held, outcomes = 0, {"old": 0, "new": 0}
    for version in range(1, RANDOM_TRIALS + 1):
        doc.write_text(law(version), encoding="utf-8")
        proc = start_ingest(index, doc)
        # half the kills anywhere, half late in the run where the commit happens
        time.sleep(rng.uniform(0, full) if version % 2 else rng.uniform(0.6 * full, 1.2 * full))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        now = state(index, embedder)
        assert now in (held, version), f"trial {version}: held {now}, expected {held} or {version}"
        outcomes["new" if now == version else "old"] += 1
        held = now
    assert outcomes["old"] and sum(outcomes.values()) == RANDOM_TRIALS
