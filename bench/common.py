"""What every benchmark shares: running the regkb CLI, timing, and ranking metrics."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"


def require(path: Path) -> Path:
    """The shared data a benchmark needs, or a clear exit when it is absent."""
    if not path.exists():
        sys.exit(f"benchmark data not found at {path} (the shared folder sits beside the checkout)")
    return path


def regkb(*args: str, index: Path, stdin: str | None = None, env: dict[str, str] | None = None
          ) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the installed `regkb` CLI against `index`; returns the result and its wall time."""
    full_env = {**os.environ, "REGKB_INDEX": str(index), "HF_HUB_OFFLINE": "1", **(env or {})}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "regkb.cli", *args], input=stdin, capture_output=True,
                            text=True, env=full_env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"regkb {' '.join(args[:2])} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result, elapsed


def ask_all(questions: Sequence[str], *, index: Path, k: int, env: dict[str, str] | None = None
            ) -> tuple[list[list[str]], float]:
    """Ranked clause ids per question from `regkb ask - --json --k K`, and the wall time."""
    result, elapsed = regkb("ask", "-", "--json", "--k", str(k), index=index,
                            stdin="\n".join(q.replace("\n", " ") for q in questions) + "\n", env=env)
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    if len(answers) != len(questions):
        sys.exit(f"asked {len(questions)} questions, got {len(answers)} answers:\n{result.stderr[-2000:]}")
    return [[c["clause_id"] for c in a["citations"]] for a in answers], elapsed


def recall_at(ranked: Sequence[str], gold: set[str], k: int) -> float:
    return len(set(ranked[:k]) & gold) / len(gold) if gold else 0.0


def hit_at(ranked: Sequence[str], gold: set[str], k: int) -> float:
    return 1.0 if set(ranked[:k]) & gold else 0.0


def ap_at(ranked: Sequence[str], gold: set[str], k: int) -> float:
    """Average precision cut at k, as trec_eval's map_cut: divided by all relevant items."""
    found, total = 0, 0.0
    for rank, item in enumerate(ranked[:k], start=1):
        if item in gold:
            found += 1
            total += found / rank
    return total / len(gold) if gold else 0.0


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return float(np.mean(values)) if values else 0.0


def table(rows: list[dict[str, object]], columns: Sequence[str]) -> str:
    """A markdown table of the rows."""
    def cell(v: object) -> str:
        return f"{v:.4f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r.get(c, "")) for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def write_result(name: str, text: str) -> Path:
    """Keep the latest output of a benchmark under bench/out/ (not committed)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.md"
    path.write_text(text)
    return path
