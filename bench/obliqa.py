"""ObliQA (English regulatory passages): Recall@10 and MAP@10 of regkb beside BM25-only and dense-only.

The corpus goes in through `regkb ingest` as .jsonl units and the questions through `regkb ask - --json`;
the BM25-only and dense-only baselines rank with the same index's parts in this process.

    python -m bench.obliqa                 # all 2,786 test questions
    python -m bench.obliqa --questions 500 # a fixed sample (seed 0)
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import time
from pathlib import Path

from bench.common import OUT, SHARED, ap_at, ask_all, mean, recall_at, regkb, require, table, write_result
from bench.parts import rank_dense, rank_lexical

DATA = SHARED / "benchmarks" / "obliqa"
PUBLISHED = [
    {"system": "published: BM25 (Gokhan et al. 2024, via Rayo et al. 2025)", "R@10": 0.7611, "MAP@10": 0.6237},
    {"system": "published: best hybrid, fine-tuned bge-small (Rayo et al. 2025)", "R@10": 0.8333, "MAP@10": 0.7016},
]


HEADING_CHARS = 160  # a passage this short, above others in the numbering, is their heading


def headings(passage_id: str, short: dict[str, str]) -> list[str]:
    """The heading path of a passage: its short ancestors in the document's dotted numbering (2.6 > 2.6.1)."""
    parts = passage_id.rstrip(".").split(".")
    return [short[key] for key in (".".join(parts[:i]) for i in range(1, len(parts))) if key in short]


def write_corpus(folder: Path) -> tuple[dict[tuple[int, str], str], int]:
    """One .jsonl of units per ObliQA document; returns gold key -> first passage id, and the count."""
    folder.mkdir(parents=True, exist_ok=True)
    titles = {int(r["DocumentID"]): r["title"] for r in csv.DictReader(
        (DATA / "document_map.tsv").open(encoding="utf-8"), delimiter="\t")}
    first: dict[tuple[int, str], str] = {}
    count = 0
    for path in sorted((DATA / "StructuredRegulatoryDocuments").glob("*.json"), key=lambda p: int(p.stem)):
        rows = json.loads(path.read_text(encoding="utf-8"))
        short = {str(p["PassageID"]).rstrip("."): p["Passage"].strip() for p in rows
                 if 0 < len(p["Passage"].strip()) <= HEADING_CHARS}
        with (folder / f"obliqa-{int(path.stem):02d}.jsonl").open("w", encoding="utf-8") as out:
            for p in rows:
                first.setdefault((int(p["DocumentID"]), str(p["PassageID"])), p["ID"])
                if not p["Passage"].strip():
                    continue  # an empty passage cannot be retrieved by anyone
                unit = {"id": p["ID"], "doc": f"obliqa-{int(path.stem):02d}", "text": p["Passage"],
                        "number": str(p["PassageID"]), "title": titles.get(int(p["DocumentID"]), ""),
                        "headings": headings(str(p["PassageID"]), short)}
                out.write(json.dumps(unit, ensure_ascii=False) + "\n")
                count += 1
    return first, count


def load_questions(limit: int | None) -> list[dict]:
    questions = json.loads((DATA / "ObliQA_test.json").read_text(encoding="utf-8"))
    if limit and limit < len(questions):
        questions = random.Random(0).sample(questions, limit)
    return questions


def score(ranked: list[list[str]], golds: list[set[str]]) -> dict[str, float]:
    return {"R@10": mean(recall_at(r, g, 10) for r, g in zip(ranked, golds, strict=True)),
            "MAP@10": mean(ap_at(r, g, 10) for r, g in zip(ranked, golds, strict=True))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=None, help="sample size (default: all test questions)")
    parser.add_argument("--index", type=Path, default=OUT / "obliqa" / "index")
    args = parser.parse_args()
    require(DATA)
    first, passages = write_corpus(OUT / "obliqa" / "corpus")
    result, ingest_s = regkb("ingest", str(OUT / "obliqa" / "corpus"), index=args.index)
    print(f"ingest: {passages} passages in {ingest_s:.1f} s ({result.stdout.count('added')} documents added)")
    questions = load_questions(args.questions)
    golds = [{first[(int(p["DocumentID"]), str(p["PassageID"]))] for p in q["Passages"]} for q in questions]
    texts = [q["Question"] for q in questions]
    ranked, ask_s = ask_all(texts, index=args.index, k=10)
    rows = [{"system": "regkb (CLI, hybrid)", **score(ranked, golds)}]
    start = time.perf_counter()
    rows.append({"system": "BM25 only (same index)", **score(rank_lexical(args.index, texts, 10), golds)})
    rows.append({"system": "dense only (same index)", **score(rank_dense(args.index, texts, 10), golds)})
    baseline_s = time.perf_counter() - start
    rows += PUBLISHED
    report = (f"ObliQA test, {len(questions)} questions, {passages} passages\n\n"
              + table(rows, ["system", "R@10", "MAP@10"])
              + f"\n\ningest {ingest_s:.1f} s; regkb ask - over all questions {ask_s:.1f} s; "
                f"baselines {baseline_s:.1f} s\n")
    print(report)
    write_result("obliqa", report)


if __name__ == "__main__":
    main()
