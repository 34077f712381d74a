"""Load test of the real app: `regkb serve` on /ask, one client back to back, then many at once.

The index (the seed corpus and, when present, ../shared/corpus-sources) goes in through `regkb ingest`,
which re-reads only changed files, so a kept index is brought up to date rather than trusted. The app starts
as users start it; each simulated user is a thread with its own gradio_client.Client, asking a mixed list of
English and Chinese questions in a loop. Prints throughput and latency beside the single-client baseline,
writes bench/out/load.json, and exits 1 if any request failed.

    python -m bench.load                           # 20 clients for 60 s, after a 10 s baseline
    python -m bench.load --clients 40 --seconds 30 --no-shared
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from gradio_client import Client

from bench.common import OUT, ROOT, SHARED, regkb, table, write_result

QUESTIONS = [
    "Who must report a hidden danger that lies beyond its own jurisdiction?",
    "Who decides which department supervises an emerging industry when no law assigns it?",
    "Which department must be notified first when a mine accident causes a death?",
    "Who may enter and inspect a workplace without delay under the Occupational Safety and Health Act?",
    "Who must give emergency notice of a release of an extremely hazardous substance?",
    "Which body investigates a major pipeline or railroad accident?",
    "Who must prepare the emergency response plan of a local emergency planning district?",
    "Which authority is responsible for the safety of small coal mines ordered to close?",
    "Who must keep records of work-related injuries and illnesses?",
    "Who is accountable when an accident report is concealed or made late?",
    "重大事故隐患由谁负责督办？",
    "生产经营单位的主要负责人对本单位安全生产工作负有哪些职责？",
    "发生生产安全事故后，事故单位负责人应当在多长时间内报告？",
    "剧毒化学品道路运输通行证由哪个部门核发？",
    "大型群众性活动的安全责任由谁承担？",
    "特种设备安全监督管理由哪个部门负责？",
    "施工单位的项目负责人应当履行哪些安全职责？",
    "烟花爆竹生产企业的安全生产许可证由谁颁发？",
    "消防救援机构发现火灾隐患应当如何处理？",
    "用人单位未按规定组织职业健康检查的，由哪个部门责令改正？",
]
WARM_UP = "Which department supervises production safety? (warm-up, loads the model)"
BASELINE_SECONDS = 10.0


def build_index(index: Path, paths: list[str]) -> float:
    """Bring `index` up to date with the files under `paths` through `regkb ingest`; returns the seconds."""
    result, seconds = regkb("ingest", *paths, index=index)
    if result.returncode and "--rebuild" in result.stderr:  # built by another model or damaged
        result, more = regkb("ingest", "--rebuild", *paths, index=index)
        seconds += more
    if result.returncode:
        sys.exit(f"regkb ingest failed:\n{result.stderr[-3000:]}")
    return seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(index: Path, log: Path, timeout: float = 180) -> Iterator[str]:
    """`regkb serve` on a free port, as users start it; yields its URL once it answers."""
    port = free_port()
    env = {**os.environ, "REGKB_INDEX": str(index), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    url = f"http://127.0.0.1:{port}/"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "regkb.cli", "serve", "--port", str(port)], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    sys.exit(f"the app exited with {proc.returncode}; see {log}")
                try:
                    with urllib.request.urlopen(url, timeout=2):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        sys.exit(f"the app did not answer within {timeout:.0f} s; see {log}")
                    time.sleep(0.5)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def queue_settings(url: str) -> dict[str, object]:
    """The queue limits app.serve() sets, and whether /ask goes through the queue in the running app.

    Gradio's /config does not publish the limits, so they are read from the `.queue(...)` call in app.py."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    call = next((n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                 and n.func.attr == "queue"), None)
    limits = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords if kw.arg} if call else {}
    with urllib.request.urlopen(url + "config", timeout=10) as response:
        config = json.load(response)
    ask = next((d for d in config.get("dependencies", []) if d.get("api_name") == "ask"), {})
    return {**limits, "ask_queued": ask.get("queue"), "gradio": config.get("version")}


@dataclass
class Tally:
    """What the users of one phase saw: a latency per answered request, a message per failed one."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def rate(self) -> float:
        """Answered requests per second of the phase."""
        return len(self.latencies) / self.wall if self.wall else 0.0

    def ms(self, percent: float) -> float:
        """A latency percentile in milliseconds (100: the slowest)."""
        return float(np.percentile(self.latencies, percent)) * 1000 if self.latencies else 0.0

    def figures(self, clients: int) -> dict[str, object]:
        return {"clients": clients, "requests": len(self.latencies) + len(self.errors), "errors": len(self.errors),
                "req/s": self.rate, "p50 ms": self.ms(50), "p95 ms": self.ms(95), "p99 ms": self.ms(99),
                "max ms": self.ms(100), "wall s": self.wall, "first errors": self.errors[:5]}


def user(url: str, start_at: int, ready: threading.Barrier, seconds: float, tally: Tally) -> None:
    """One simulated user: its own client, asking the questions in turn for `seconds` once all are ready."""
    try:
        client = Client(url, verbose=False, analytics_enabled=False)
    except Exception as exc:  # a user who cannot even connect counts as a failed request
        tally.errors.append(f"connect: {type(exc).__name__}: {exc}")
        client = None
    ready.wait()
    stop, n = time.monotonic() + seconds, start_at
    while client is not None and time.monotonic() < stop:
        question = QUESTIONS[n % len(QUESTIONS)]
        n += 1
        began = time.perf_counter()
        try:
            result = client.predict(question, 5, api_name="/ask")
            if "answer" not in result:
                raise ValueError(f"no answer in {str(result)[:200]}")
            tally.latencies.append(time.perf_counter() - began)
        except Exception as exc:
            tally.errors.append(f"{type(exc).__name__}: {str(exc)[:300]}")


def run_phase(url: str, clients: int, seconds: float) -> Tally:
    """`clients` users asking at once for `seconds`; the clock starts when all of them are connected."""
    tally = Tally()
    ready = threading.Barrier(clients + 1)
    threads = [threading.Thread(target=user, args=(url, i * 7, ready, seconds, tally), daemon=True)
               for i in range(clients)]
    for t in threads:
        t.start()
    ready.wait()
    began = time.monotonic()
    for t in threads:
        t.join()
    tally.wall = time.monotonic() - began
    return tally


def first_asks(url: str) -> Tally:
    """Each question asked once by one client, after a request that loads the model.

    The app keeps the embeddings of recent questions, so these are the only asks that embed the question;
    both timed phases below repeat the same questions and get them from that cache."""
    client = Client(url, verbose=False, analytics_enabled=False)
    client.predict(WARM_UP, 5, api_name="/ask")
    tally = Tally()
    began = time.monotonic()
    for question in QUESTIONS:
        start = time.perf_counter()
        client.predict(question, 5, api_name="/ask")
        tally.latencies.append(time.perf_counter() - start)
    tally.wall = time.monotonic() - began
    return tally


def report(phases: dict[str, Tally], clients: int, seconds: float, app: dict[str, object]
           ) -> tuple[str, dict[str, object]]:
    """The printed table and the figures for load.json, the loaded phase set beside the baseline."""
    figures = {"first_asks": phases["first"].figures(1), "baseline": phases["baseline"].figures(1),
               "load": phases["load"].figures(clients)}
    base, load = phases["baseline"], phases["load"]
    ratio = {"p50": load.ms(50) / base.ms(50) if base.ms(50) else 0.0,
             "p95": load.ms(95) / base.ms(95) if base.ms(95) else 0.0,
             "throughput": load.rate / base.rate if base.rate else 0.0}
    rows = [{"phase": "first asks (1 client, each question new)", **figures["first_asks"]},
            {"phase": "baseline (1 client)", **figures["baseline"]},
            {"phase": f"load ({clients} clients)", **figures["load"]}]
    text = (f"/ask under load: {clients} clients for {seconds:.0f} s after {BASELINE_SECONDS:.0f} s of one client; "
            f"{len(QUESTIONS)} questions (en + zh), k=5\napp: {app}\n\n"
            + table(rows, ["phase", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"])
            + f"\n\nload / baseline: p50 ×{ratio['p50']:.2f}, p95 ×{ratio['p95']:.2f}, "
              f"throughput ×{ratio['throughput']:.2f}\n")
    errors = [e for tally in phases.values() for e in tally.errors]
    if errors:
        text += f"\n{len(errors)} failed requests; the first:\n" + "\n".join(f"  {e}" for e in errors[:5]) + "\n"
    return text, {**figures, "ratio": ratio, "errors": len(errors)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20, help="concurrent users (default 20)")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the load phase (default 60)")
    parser.add_argument("--index", type=Path, default=None,
                        help="index folder (default bench/out/load-index/<corpus choice>, kept between runs)")
    parser.add_argument("--no-shared", action="store_true", help="only the seed corpus, not ../shared/corpus-sources")
    args = parser.parse_args()
    shared = not args.no_shared and (SHARED / "corpus-sources").is_dir()
    # one folder per corpus choice: ingest adds and updates but never drops a document it was not given
    index = args.index or OUT / "load-index" / ("corpus+shared" if shared else "corpus")
    sources = [str(ROOT / "corpus"), *([str(SHARED / "corpus-sources")] if shared else [])]
    ingest_s = build_index(index, sources)
    print(f"index {index}: brought up to date in {ingest_s:.1f} s")
    OUT.mkdir(parents=True, exist_ok=True)
    with serving(index, OUT / "load-server.log") as url:
        app = queue_settings(url)
        phases = {"first": first_asks(url), "baseline": run_phase(url, 1, BASELINE_SECONDS),
                  "load": run_phase(url, args.clients, args.seconds)}
    text, figures = report(phases, args.clients, args.seconds, app)
    print(text)
    write_result("load", text)
    (OUT / "load.json").write_text(json.dumps(
        {"command": " ".join(["python -m bench.load", *sys.argv[1:]]), "index": str(index), "sources": sources,
         "cpus": os.cpu_count(), "app": app, **figures}, ensure_ascii=False, indent=1) + "\n")
    sys.exit(1 if figures["errors"] else 0)


if __name__ == "__main__":
    main()
