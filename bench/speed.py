"""Speed and memory: ingest throughput, query latency by index size, and a serving process's peak RSS.

Each figure is printed beside a baseline measured in the same run: raw fp32 `SentenceTransformer.encode` for
ingest, and raw encode + raw FAISS search on the same index for queries. Results go to bench/out/speed.json.

    python -m bench.speed                                  # 2,000 passages; 10k, 100k and 1M clauses
    python -m bench.speed --sizes 10000,100000 --questions 100 --skip-ingest
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import OUT, SHARED, regkb, write_result
from bench.obliqa import DATA as OBLIQA
from bench.obliqa import write_corpus
from bench.scale import build_index, measure_queries, note, serving_rss, status
from index import generations
from index.embedder import Embedder, native_bf16, resolve_model
from index.manifest import Manifest
from index.recipe import embed_text
from index.search import search
from ingest.pipeline import read, walk
from ingest.types import Clause
from regkb import api
from regkb.config import Settings

SOURCES = SHARED / "corpus-sources"
WORK = OUT / "speed"
TARGETS = {"ingest_ratio": 2.0, "p95_ms_at_100k": 100.0, "rss_mib_at_100k": 2048}
RSS_SIZE = 100_000
WARMUP = 5


def _units_from_obliqa(n: int, folder: Path) -> list[str]:
    """The first n ObliQA passages (document order) as .jsonl units; returns every ObliQA passage's text."""
    everything = WORK / "obliqa-all"
    write_corpus(everything)
    left, texts = n, []
    for path in sorted(everything.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines]
        if left > 0:
            (folder / path.name).write_text("\n".join(lines[:left]) + "\n", encoding="utf-8")
            left -= min(left, len(lines))
    return texts


def _units_from_sources(n: int, folder: Path) -> list[str]:
    """Fallback: regkb's own clauses of the shared corpus sources, the first n written as .jsonl units."""
    clauses: list[Clause] = []
    for path in walk([SOURCES]):
        if isinstance(path, Path) and len(clauses) < n:
            clauses += read(path, max_bytes=50 << 20)[1]
    with (folder / "sources.jsonl").open("w", encoding="utf-8") as out:
        for c in clauses[:n]:
            out.write(json.dumps({"id": c.clause_id, "doc": "sources", "text": c.text, "number": c.number,
                                  "title": c.title, "headings": list(c.headings)}, ensure_ascii=False) + "\n")
    return [c.text for c in clauses]


def passages(n: int) -> tuple[Path, Path, list[Clause], list[str]]:
    """Folders of n units and of one unit, those units as regkb's clauses, and a vocabulary of real words."""
    folder, one = WORK / f"corpus-{n}", WORK / "corpus-1"
    for path in (folder, one):
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
    if OBLIQA.exists():
        texts = _units_from_obliqa(n, folder)
    elif SOURCES.exists() and any(SOURCES.iterdir()):
        texts = _units_from_sources(n, folder)
    else:
        sys.exit(f"no passages: neither {OBLIQA} nor {SOURCES} is there")
    first = sorted(folder.glob("*.jsonl"))[0]
    (one / first.name).write_text(first.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    clauses = [c for path in sorted(folder.glob("*.jsonl")) for c in read(path, max_bytes=50 << 20)[1]]
    return folder, one, clauses, [w for t in texts for w in t.split()]


def questions(count: int, clauses: list[Clause]) -> list[str]:
    """`count` + WARMUP distinct ObliQA test questions (seed 0); else the opening words of passages."""
    path = OBLIQA / "ObliQA_test.json"
    if path.exists():
        asked = list(dict.fromkeys(q["Question"] for q in json.loads(path.read_text(encoding="utf-8"))))
    else:
        starts = (" ".join(c.text.split()[:15]) for c in clauses)
        asked = list(dict.fromkeys(start + "?" for start in starts if len(start.split()) >= 5))
    return random.Random(0).sample(asked, min(len(asked), count + WARMUP))


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds > 0 else 0.0


def _timed_encode(encode, texts: list[str]) -> tuple[np.ndarray, float]:  # noqa: ANN001
    encode(texts[:8])  # warm: first calls allocate
    start = time.perf_counter()
    vectors = encode(texts)
    return np.asarray(vectors, dtype=np.float32), time.perf_counter() - start


def _cli_ingest(folder: Path, one: Path) -> dict[str, Any]:
    """`regkb ingest` of one passage (fixed cost) and of all of them, each into a fresh index."""
    for path in (WORK / "ingest-1", WORK / "ingest-n"):
        shutil.rmtree(path, ignore_errors=True)
    note("regkb ingest of 1 passage (start-up and model load)")
    _, fixed = regkb("ingest", str(one), index=WORK / "ingest-1")
    note(f"regkb ingest of {folder.name}")
    result, seconds = regkb("ingest", str(folder), index=WORK / "ingest-n")
    if result.returncode != 0:
        sys.exit(f"regkb ingest rejected files:\n{result.stderr[-2000:]}")
    manifest = Manifest.load(generations.current(WORK / "ingest-n"))  # type: ignore[arg-type]
    return {"clauses": manifest.clauses, "seconds": round(seconds, 1), "one_passage_s": round(fixed, 1),
            "precision": manifest.precision, "passages_per_s": _rate(manifest.clauses, seconds),
            "steady_passages_per_s": _rate(manifest.clauses - 1, seconds - fixed)}


# The plain PyTorch ingest of the first version, as a fresh process: start Python, load the model in fp32, read
# the passages, encode them (batch 32), put them in a flat FAISS index on disk. Nothing else: no store, no BM25.
_PLAIN_INGEST = """
import json, sys
from pathlib import Path
import faiss
from sentence_transformers import SentenceTransformer
from index.embedder import resolve_model
model = SentenceTransformer(str(resolve_model(sys.argv[1])), device="cpu")
texts = [json.loads(line)["text"] for path in sorted(Path(sys.argv[2]).glob("*.jsonl"))
         for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
vectors = model.encode(texts, batch_size=32, normalize_embeddings=True)
index = faiss.IndexFlatIP(vectors.shape[1])
index.add(vectors)
faiss.write_index(index, sys.argv[3])
print(len(texts))
"""


def _plain_ingest(model: str, folder: Path) -> dict[str, Any]:
    """The first version's plain PyTorch ingest, end to end in its own process, on the same passages."""
    note(f"baseline: plain PyTorch ingest (fresh process, fp32, batch 32, flat FAISS) of {folder.name}")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PLAIN_INGEST, model, str(folder), str(WORK / "plain.faiss")],
                          capture_output=True, text=True, env=env, check=True)
    seconds = time.perf_counter() - start
    count = int(done.stdout.split()[-1])
    return {"passages": count, "seconds": round(seconds, 1), "passages_per_s": _rate(count, seconds)}


def _equivalence(bf16: np.ndarray, fp32: np.ndarray, queries: np.ndarray) -> dict[str, float]:
    """How far bf16 document vectors are from fp32 ones, and whether questions still find the same passages."""
    cos = np.sum(bf16 * fp32, axis=1)
    top = [np.argsort(-(docs @ queries.T), axis=0)[:10].T for docs in (bf16, fp32)]
    overlap = [len(set(a) & set(b)) / 10 for a, b in zip(*top, strict=True)]
    return {"mean_cosine": round(float(cos.mean()), 5), "min_cosine": round(float(cos.min()), 5),
            "top10_overlap": round(float(np.mean(overlap)), 4),
            "top1_same": round(float(np.mean(top[0][:, 0] == top[1][:, 0])), 4), "questions": len(queries)}


def ingest_figures(settings: Settings, folder: Path, one: Path, clauses: list[Clause], raw: object,
                   asked: list[str]) -> tuple[dict[str, object], np.ndarray]:
    """Part 1: CLI ingest, the project's embedder alone, raw fp32 encode; returns figures and document vectors."""
    cli = _cli_ingest(folder, one)
    first_version = _plain_ingest(settings.model, folder)
    texts = [embed_text(c) for c in clauses]
    embedder = api.embedder_for(settings)
    note(f"project embedder ({embedder.precision}, batch {embedder.batch_size}) on {len(texts)} passages")
    vectors, own_s = _timed_encode(embedder.encode_documents, texts)
    note(f"baseline: raw SentenceTransformer fp32, batch 32, on {len(texts)} passages")
    plain, raw_s = _timed_encode(lambda t: raw.encode(t, batch_size=32), texts)  # type: ignore[attr-defined]
    plain /= np.linalg.norm(plain, axis=1, keepdims=True)
    if embedder.precision == "bf16":
        bf16, fp32 = vectors, plain
    else:  # the sanity figure is about bf16, even where this CPU does not make it the default
        bf16, fp32 = Embedder(settings.model, precision="bf16").encode_documents(texts[:256]), plain[:256]
    raw_rate = _rate(len(texts), raw_s)
    figures = {"passages": len(texts), "cli": cli, "baseline_plain_ingest": first_version,
               "ratio_cli_to_plain_ingest": round(cli["passages_per_s"] / first_version["passages_per_s"], 2),
               "embedder": {"precision": embedder.precision, "batch_size": embedder.batch_size,
                            "seconds": round(own_s, 1), "passages_per_s": _rate(len(texts), own_s)},
               "baseline_raw_fp32": {"batch_size": 32, "seconds": round(raw_s, 1), "passages_per_s": raw_rate},
               "ratio_cli_to_raw": round(cli["passages_per_s"] / raw_rate, 2),
               "ratio_steady_cli_to_raw": round(cli["steady_passages_per_s"] / raw_rate, 2),
               "ratio_embedder_to_raw": round(_rate(len(texts), own_s) / raw_rate, 2),
               "bf16_vs_fp32": _equivalence(bf16, fp32, raw.encode(asked, batch_size=32))}  # type: ignore[attr-defined]
    return figures, vectors


def _disk_mib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // (1 << 20)


def query_figures(settings: Settings, size: int, clauses: list[Clause], vectors: np.ndarray, vocabulary: list[str],
                  raw: object, asked: list[str]) -> dict[str, object]:
    """Part 2 for one size: build through IndexWriter, open as the app does, time questions both ways."""
    folder = WORK / f"index-{size}"
    note(f"{size:,} clauses: building through IndexWriter")
    build = {**build_index(folder, clauses, vectors, vocabulary, size, model=settings.model),
             "bench_process_vmhwm_mib": status()["VmHWM"]}
    start = time.perf_counter()
    kb = api.open_kb(replace(settings, index_dir=folder))
    opened = time.perf_counter() - start
    for question in asked[:WARMUP]:
        search(kb, question, k=5)
        raw.encode([question])  # type: ignore[attr-defined]
    note(f"{size:,} clauses: {len(asked) - WARMUP} questions, project and baseline alternating")
    figures = {"clauses": size, "index": kb.gen.vectors.describe(), "build": build, "open_s": round(opened, 2),
               "disk_mib": _disk_mib(folder), **measure_queries(kb, raw, asked[WARMUP:])}
    figures["ratio_p95"] = round(figures["project"]["p95_ms"] / figures["baseline"]["p95_ms"], 2)  # type: ignore[index]
    del kb
    gc.collect()
    return figures


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _ingest_lines(f: dict) -> list[str]:
    cli, own, raw, eq = f["cli"], f["embedder"], f["baseline_raw_fp32"], f["bf16_vs_fp32"]
    plain = f["baseline_plain_ingest"]
    ok = f["ratio_cli_to_plain_ingest"] >= TARGETS["ingest_ratio"]
    return [
        f"## Ingest: {f['passages']:,} real passages",
        f"regkb ingest (CLI, end to end, {cli['precision']}): {cli['passages_per_s']} passages/s "
        f"({cli['seconds']} s; one passage alone {cli['one_passage_s']} s; "
        f"beyond that fixed cost {cli['steady_passages_per_s']} passages/s)",
        f"baseline plain PyTorch ingest (fresh process, fp32, batch 32, flat FAISS): {plain['passages_per_s']} "
        f"passages/s ({plain['seconds']} s)",
        f"ratio CLI / plain ingest, both end to end: {f['ratio_cli_to_plain_ingest']}x "
        f"(target >= {TARGETS['ingest_ratio']}x: {_verdict(ok)})",
        f"project embedder alone ({own['precision']}, batch {own['batch_size']}): {own['passages_per_s']} passages/s",
        f"baseline raw SentenceTransformer fp32, batch 32: {raw['passages_per_s']} passages/s",
        f"ratio CLI (with its start-up) / raw encode (without one): {f['ratio_cli_to_raw']}x; "
        f"beyond fixed cost {f['ratio_steady_cli_to_raw']}x; embedder / raw {f['ratio_embedder_to_raw']}x",
        f"bf16 vs fp32 document vectors: mean cosine {eq['mean_cosine']} (min {eq['min_cosine']}); "
        f"over {eq['questions']} questions top-10 overlap {eq['top10_overlap']}, same top-1 {eq['top1_same']}",
    ]


def _query_lines(rows: list[dict], questions: int) -> list[str]:
    lines = [f"## Query latency: {questions} ObliQA questions, k=5, warm process",
             "Synthetic clauses: vectors = real bf16 embeddings of the passages above + Gaussian noise "
             "(cosine ~0.95), normalised; text = words sampled from real passages. Index built by IndexWriter.",
             "project = index.search.search (encode + dense + BM25 + fusion + rerank + SQLite); "
             "baseline = SentenceTransformer.encode + faiss index.search(k=5) on the same FAISS index.",
             "Stages are p50 ms with the question already embedded; '1 thr' = FAISS on one OpenMP thread.",
             "| clauses | FAISS | build s | project p50 / p95 ms | baseline p50 / p95 ms | p95 ratio | "
             "search after encode | dense | BM25 | search after encode, 1 thr | dense, 1 thr |", "|" + "---|" * 11]
    for r in rows:
        p, b, s = r["project"], r["baseline"], r["stages_after_encode"]
        lines.append(f"| {r['clauses']:,} | {r['index']['type']} | {r['build']['writer_s']} | "
                     f"{p['p50_ms']} / {p['p95_ms']} | {b['p50_ms']} / {b['p95_ms']} | {r['ratio_p95']} | "
                     + " | ".join(str(s[k]["p50_ms"]) for k in (
                         "search_cached_question", "dense_candidates", "lexical_scores_and_candidates",
                         "search_cached_question_faiss_1_thread", "dense_candidates_faiss_1_thread")) + " |")
    at = next((r for r in rows if r["clauses"] == RSS_SIZE), None)
    if at:
        ok = at["project"]["p95_ms"] <= TARGETS["p95_ms_at_100k"]
        lines.append(f"target p95 <= {TARGETS['p95_ms_at_100k']:.0f} ms at 100k: {_verdict(ok)}")
    return lines


def _rss_lines(s: dict) -> list[str]:
    phases = s["phases_mib"]
    peak = max(p["VmHWM"] for p in phases.values())
    lines = [f"## Serving process at {RSS_SIZE:,} clauses (regkb.handlers: kb(), ask() x {s['questions']}"
             + (", then the app's start-up lists documents() and actors())" if "app_lists" in phases else ")"),
             f"peak RSS (VmHWM): {peak} MiB (target <= {TARGETS['rss_mib_at_100k']} MiB: "
             f"{_verdict(peak <= TARGETS['rss_mib_at_100k'])})",
             f"RSS after imports {phases['imported']['VmRSS']} MiB, after opening the index "
             f"{phases['opened']['VmRSS']} MiB, peak after the questions {phases['answered']['VmHWM']} MiB; "
             f"ask() p50 / p95 {s['ask']['p50_ms']} / {s['ask']['p95_ms']} ms (first question, which loads "
             "the model, left out)"]
    if "app_lists" in phases:
        lines.append(f"start-up lists: peak {phases['app_lists']['VmHWM']} MiB, {s['app_lists_s']} s")
    return lines


def report(results: dict) -> str:
    m = results["machine"]
    lines = [f"# regkb speed, {results['when']}", f"`{results['command']}`",
             f"{m['cpus']} CPUs (shared; load {m['load_before']} before, {m['load_after']} after), "
             f"native bf16: {m['native_bf16']}, torch threads {m['torch_threads']}"]
    if "ingest" in results:
        lines += ["", *_ingest_lines(results["ingest"])]
    if results.get("queries"):
        lines += ["", *_query_lines(results["queries"], results["questions"])]
    if "serving" in results:
        lines += ["", *_rss_lines(results["serving"])]
    return "\n".join(lines) + "\n"


def _serving(settings: Settings, built: dict[int, Path], clauses: list[Clause], vectors: np.ndarray,
             vocabulary: list[str], asked: list[str], app_lists: bool) -> dict[str, object]:
    folder = WORK / f"index-{RSS_SIZE}"
    if RSS_SIZE not in built:
        note(f"{RSS_SIZE:,} clauses for the serving process: building through IndexWriter")
        build_index(folder, clauses, vectors, vocabulary, RSS_SIZE, model=settings.model)
    note(f"serving child: open {folder.name}, answer {len(asked)} questions")
    serving = serving_rss(folder, asked, WORK / "serve", app_lists=app_lists)
    return {**serving, "questions": len(asked)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=2000, help="real passages to ingest (default 2,000)")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="index sizes in clauses, comma-separated")
    parser.add_argument("--questions", type=int, default=200, help="questions per size (default 200)")
    parser.add_argument("--skip-ingest", action="store_true", help="leave out the ingest throughput part")
    parser.add_argument("--skip-rss", action="store_true", help="leave out the serving process's peak RSS")
    parser.add_argument("--rss-questions", type=int, default=50, help="questions the serving process answers")
    parser.add_argument("--no-app-lists", dest="app_lists", action="store_false",
                        help="leave out the app's start-up lists (documents, actors) in the serving process")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic indexes under bench/out/speed")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer

    settings = Settings.from_env()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    results: dict = {"command": "python -m bench.speed " + " ".join(sys.argv[1:]), "questions": args.questions,
                     "when": datetime.now(UTC).isoformat(timespec="seconds"), "targets": TARGETS,
                     "machine": {"cpus": os.cpu_count(), "native_bf16": native_bf16(),
                                 "torch_threads": torch.get_num_threads(), "load_before": os.getloadavg()[0]}}
    folder, one, clauses, vocabulary = passages(args.passages)
    asked = questions(args.questions, clauses)
    raw = SentenceTransformer(str(resolve_model(settings.model)))
    if args.skip_ingest:
        note(f"embedding {len(clauses)} passages for the synthetic clauses")
        vectors = api.embedder_for(settings).encode_documents([embed_text(c) for c in clauses])
    else:
        results["ingest"], vectors = ingest_figures(settings, folder, one, clauses, raw, asked[WARMUP:])
    results["queries"] = [query_figures(settings, size, clauses, vectors, vocabulary, raw, asked) for size in sizes]
    if not args.skip_rss:
        built = {size: WORK / f"index-{size}" for size in sizes}
        results["serving"] = _serving(settings, built, clauses, vectors, vocabulary,
                                      asked[WARMUP:WARMUP + args.rss_questions], args.app_lists)
    if not args.keep:
        for path in WORK.glob("index-*"):
            shutil.rmtree(path, ignore_errors=True)
    results["machine"]["load_after"] = os.getloadavg()[0]
    text = report(results)
    print(text)
    write_result("speed", text)
    (OUT / "speed.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    note(f"wrote {OUT / 'speed.json'}")


if __name__ == "__main__":
    main()
