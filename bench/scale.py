"""Large synthetic indexes for bench.speed: built through regkb's own writer, searched and served as the app does.

Embedding a million clauses on two cores would take hours, so a synthetic clause borrows a real passage: its
vector is that passage's real embedding plus a little normalised Gaussian noise (cosine about NOISE_COS to it),
its text is words sampled from that passage (most) and from the whole corpus (the rest), and its headings,
kind and actors are the passage's own. Everything else (SQLite records, tokenising, bm25s, FAISS flat or
HNSW, manifest, generation switch) is the project's code, fed through `IndexWriter`.

    python -m bench.scale serve INDEX QUESTIONS.json   # the serving child whose peak RSS bench.speed reads
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from index.embedder import Embedder
from index.faiss_store import FaissStore
from index.kb import KnowledgeBase
from index.search import DEFAULT_RANKING, dense_candidates, lexical_candidates, lexical_scores, search
from index.store import DocRecord
from index.writer import IndexWriter
from ingest.types import Clause

NOISE_COS = 0.95  # expected cosine between a synthetic vector and the real embedding it perturbs
OWN_WORDS = 0.8  # share of a synthetic clause's words drawn from its own passage
CLAUSES_PER_DOC = 500
SEED = 0


def note(message: str) -> None:
    """Progress on stderr, so stdout keeps only the report."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    ms = np.asarray(seconds) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 2), "p95_ms": round(float(np.percentile(ms, 95)), 2)}


class SyntheticEmbedder(Embedder):
    """Hands the writer perturbed real embeddings, row i near base[sources[i]], instead of running the model."""

    def __init__(self, name: str, base: np.ndarray, sources: np.ndarray) -> None:
        super().__init__(name, precision="fp32")
        self.precision = "synthetic"
        self.base, self.sources = base, sources
        self.sigma = float(np.sqrt((1 / NOISE_COS**2 - 1) / base.shape[1]))

    @property
    def dim(self) -> int:
        return int(self.base.shape[1])

    def encode_documents(self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
                         ) -> np.ndarray:
        if len(texts) != len(self.sources):  # the writer embeds every clause, in the order they were put
            raise ValueError(f"expected {len(self.sources)} texts, got {len(texts)}")
        rng = np.random.default_rng(SEED)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), 65536):
            rows = self.sources[start:start + 65536]
            chunk = self.base[rows] + rng.standard_normal((len(rows), self.dim), dtype=np.float32) * self.sigma
            out[start:start + len(rows)] = chunk / np.linalg.norm(chunk, axis=1, keepdims=True)
            if progress:
                progress(len(rows))
        return out


def synthetic_documents(base: Sequence[Clause], vocabulary: Sequence[str], size: int
                        ) -> tuple[list[tuple[DocRecord, list[Clause]]], np.ndarray]:
    """`size` clauses in documents of CLAUSES_PER_DOC, and the base passage each one borrows from."""
    rng = random.Random(SEED)
    sources = np.arange(size) % len(base)
    own_words = [c.text.split() or ["clause"] for c in base]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    docs = []
    for first in range(0, size, CLAUSES_PER_DOC):
        doc_id = f"syn-{first // CLAUSES_PER_DOC:05d}"
        title = f"Synthetic rulebook {first // CLAUSES_PER_DOC}"
        clauses = []
        for i in range(first, min(first + CLAUSES_PER_DOC, size)):
            words = own_words[sources[i]]
            own = max(1, round(len(words) * OWN_WORDS))
            text = " ".join(rng.choices(words, k=own) + rng.choices(vocabulary, k=len(words) - own))
            number = str(i - first + 1)
            clauses.append(replace(base[sources[i]], clause_id=f"{doc_id}/{number}", doc_id=doc_id, title=title,
                                   number=number, text=text, span=(0, len(text)), cite=f"{title}, {number}",
                                   paragraphs=((0, len(text)),), refs=()))
        docs.append((DocRecord(doc_id, title, f"synthetic/{doc_id}", doc_id, "utf-8", "en", len(clauses), now),
                     clauses))
    return docs, sources


def build_index(folder: Path, base: Sequence[Clause], vectors: np.ndarray, vocabulary: Sequence[str],
                size: int, *, model: str) -> dict[str, float]:
    """A fresh synthetic index of `size` clauses written by IndexWriter; returns the build timings."""
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    docs, sources = synthetic_documents(base, vocabulary, size)
    made = time.perf_counter()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 30 or done == total:
            last[0] = time.perf_counter()
            note(f"  {size:,}: {stage} {done:,}/{total:,}")

    with IndexWriter(folder, SyntheticEmbedder(model, vectors, sources), rebuild=True) as writer:
        for record, clauses in docs:
            writer.put(record, clauses)
        del docs
        writer.commit(progress=progress)
    end = time.perf_counter()
    return {"synthesis_s": round(made - start, 1), "writer_s": round(end - made, 1)}


def measure_queries(kb: KnowledgeBase, raw: object, questions: Sequence[str], *, k: int = 5
                    ) -> dict[str, object]:
    """Per-question latency of regkb's search() beside raw encode + raw FAISS search on the same index."""
    index = kb.gen.vectors.index if isinstance(kb.gen.vectors, FaissStore) else None
    project, encode, faiss_s = [], [], []
    for n, question in enumerate(questions):
        order = (0, 1) if n % 2 == 0 else (1, 0)  # alternate, so neither side always runs on a cooler cache
        for side in order:
            if side == 0:
                start = time.perf_counter()
                search(kb, question, k=k)
                project.append(time.perf_counter() - start)
            else:
                start = time.perf_counter()
                query = raw.encode([question])  # type: ignore[attr-defined]
                mid = time.perf_counter()
                index.search(query, k)  # type: ignore[union-attr]
                encode.append(mid - start)
                faiss_s.append(time.perf_counter() - mid)
    baseline = [e + f for e, f in zip(encode, faiss_s, strict=True)]
    return {"project": percentiles(project), "baseline": percentiles(baseline),
            "baseline_encode": percentiles(encode), "baseline_faiss": percentiles(faiss_s),
            "stages_after_encode": _stages(kb, questions)}


def _timed(step: Callable[[str], object], questions: Sequence[str]) -> dict[str, float]:
    seconds = []
    for question in questions:
        start = time.perf_counter()
        step(question)
        seconds.append(time.perf_counter() - start)
    return percentiles(seconds)


def _stages(kb: KnowledgeBase, questions: Sequence[str]) -> dict[str, dict[str, float]]:
    """Where search() spends its time once the question is embedded (the embedder's cache now holds them).

    Also timed with FAISS on one OpenMP thread: under OMP_WAIT_POLICY=PASSIVE, which index.embedder sets,
    waking a second thread costs more than it saves on a single query."""
    import faiss

    pool = DEFAULT_RANKING.pool
    query = {q: kb.embedder.encode([q])[0] for q in questions}
    stages = {"search_cached_question": _timed(lambda q: search(kb, q, k=5), questions),
              "dense_candidates": _timed(lambda q: dense_candidates(kb, query[q], pool), questions),
              "lexical_scores_and_candidates": _timed(lambda q: lexical_candidates(lexical_scores(kb, q), pool),
                                                      questions)}
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        stages["dense_candidates_faiss_1_thread"] = _timed(lambda q: dense_candidates(kb, query[q], pool), questions)
        stages["search_cached_question_faiss_1_thread"] = _timed(lambda q: search(kb, q, k=5), questions)
    finally:
        faiss.omp_set_num_threads(threads)
    return stages


def status() -> dict[str, int]:
    """VmRSS and VmHWM of this process in MiB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {key: int(fields[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM")}


def serve(index_dir: Path, questions: Sequence[str], *, app_lists: bool) -> dict[str, object]:
    """Open the index as the web app does (regkb.handlers), answer the questions, report memory and latency."""
    from regkb import handlers
    from regkb.config import Settings

    phases = {"imported": status()}
    handlers.configure(Settings.from_env(index_dir=index_dir))
    handlers.kb()
    phases["opened"] = status()
    latency = []
    for question in questions:
        start = time.perf_counter()
        handlers.ask(question)
        latency.append(time.perf_counter() - start)
    phases["answered"] = status()
    result: dict[str, object] = {"phases_mib": phases, "ask": percentiles(latency[1:] or latency)}
    if app_lists:  # what create_app() builds its dropdowns from before the first visitor
        start = time.perf_counter()
        handlers.documents()
        handlers.actors()
        result["app_lists_s"] = round(time.perf_counter() - start, 1)
        phases["app_lists"] = status()
    return result


def serving_rss(index_dir: Path, questions: Sequence[str], scratch: Path, *, app_lists: bool) -> dict[str, object]:
    """Run `serve` in a child process and return the VmHWM it read of itself after each phase.

    Not the parent's ru_maxrss: a child forked from this large process reports the parent's size from
    before its exec."""
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "questions.json").write_text(json.dumps(list(questions)))
    command = [sys.executable, "-m", "bench.scale", "serve", str(index_dir), str(scratch / "questions.json")]
    if app_lists:
        command.append("--app-lists")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent)
    if done.returncode != 0:
        raise RuntimeError(f"serving child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "command": " ".join(command)}


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] != "serve":
        sys.exit("usage: python -m bench.scale serve INDEX QUESTIONS.json [--app-lists]")
    asked = json.loads(Path(sys.argv[3]).read_text())
    print(json.dumps(serve(Path(sys.argv[2]), asked, app_lists="--app-lists" in sys.argv)))
