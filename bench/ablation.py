"""What each retrieval step adds: ranking variants scored on ObliQA dev, STARD and the development questions.

Every variant runs through regkb's own search() with a different Ranking; indexes come from the other
benchmarks (run them first). ObliQA's dev split is used here so that its test split stays for reporting.

    python -m bench.ablation
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.common import OUT, ROOT, SHARED, ap_at, hit_at, mean, recall_at, table, write_result
from bench.parts import _open
from index.search import DEFAULT_RANKING, Ranking, search


def obliqa_dev() -> tuple[list[str], list[set[str]]]:
    data = SHARED / "benchmarks" / "obliqa"
    first: dict[tuple[int, str], str] = {}
    for path in sorted((data / "StructuredRegulatoryDocuments").glob("*.json"), key=lambda p: int(p.stem)):
        for p in json.loads(path.read_text(encoding="utf-8")):
            first.setdefault((int(p["DocumentID"]), str(p["PassageID"])), p["ID"])
    questions = json.loads((data / "ObliQA_dev.json").read_text(encoding="utf-8"))
    return ([q["Question"] for q in questions],
            [{first[(int(p["DocumentID"]), str(p["PassageID"]))] for p in q["Passages"]} for q in questions])


def stard() -> tuple[list[str], list[set[str]]]:
    queries = json.loads((SHARED / "benchmarks" / "stard" / "queries.json").read_text(encoding="utf-8"))
    return [q["问题"] for q in queries], [set(q["match_name"]) for q in queries]


def dev_questions() -> tuple[list[str], list[set[str]]]:
    rows = [json.loads(line) for line in (ROOT / "bench" / "data" / "dev_questions.jsonl").read_text(
        encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r["gold"]]
    return [r["question"] for r in rows], [set(r["gold"]) for r in rows]


SETS = {"obliqa-dev": (OUT / "obliqa" / "index", obliqa_dev), "stard": (OUT / "stard" / "index", stard),
        "dev-questions": (OUT / "corpus" / "index", dev_questions)}

_PLAIN = {"lexical_pairs_en": 0.0, "document_weight_en": 0.0}  # term BM25 only, no document prior
VARIANTS: dict[str, Ranking] = {
    "rrf (dense + BM25)": Ranking(fusion="rrf", rerank_depth=0, **_PLAIN),
    "weighted fusion, no second stage": Ranking(rerank_depth=0, **_PLAIN),
    "+ second stage: IDF coverage only": Ranking(pair_weight=0.0, pair_weight_zh=0.0, **_PLAIN),
    "+ second stage: coverage and adjacent pairs": Ranking(**_PLAIN),
    "+ adjacent-pair BM25 in the lexical channel": Ranking(document_weight_en=0.0),
    "+ document prior (default)": DEFAULT_RANKING,
    "default, dense share en 0.5": Ranking(dense_weight_en=0.5),
    "default, dense share zh 0.6": Ranking(dense_weight_zh=0.6),
    "default, pair BM25 for Chinese too (0.2)": Ranking(lexical_pairs_zh=0.2),
    "default, document prior for Chinese too (0.2)": Ranking(document_weight_zh=0.2),
    "default, pair BM25 weight 0.4": Ranking(lexical_pairs_en=0.4),
    "default, document prior 0.4": Ranking(document_weight_en=0.4),
    "default, Chinese second stage weighted as English": Ranking(coverage_weight_zh=0.5, pair_weight_zh=0.4),
    "default, second stage depth 50": Ranking(rerank_depth=50),
    "candidate pool 200": Ranking(pool=200),
}


def evaluate(kb, questions: list[str], golds: list[set[str]], ranking: Ranking) -> dict[str, float]:
    ranked = [[h.clause.clause_id for h in search(kb, q, k=10, ranking=ranking)] for q in questions]
    pairs = list(zip(ranked, golds, strict=True))
    return {"hit@1": mean(hit_at(r, g, 1) for r, g in pairs), "R@10": mean(recall_at(r, g, 10) for r, g in pairs),
            "MAP@10": mean(ap_at(r, g, 10) for r, g in pairs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS))
    args = parser.parse_args()
    rows = []
    for name in args.sets:
        index, load = SETS[name]
        if not Path(index).exists():
            print(f"skipping {name}: no index at {index} (run its benchmark first)")
            continue
        kb = _open(index)
        questions, golds = load()
        for variant in args.variants:
            start = time.perf_counter()
            scores = evaluate(kb, questions, golds, VARIANTS[variant])
            rows.append({"set": name, "variant": variant, **scores, "n": len(questions),
                         "s": round(time.perf_counter() - start, 1)})
            print(rows[-1], flush=True)
    report = table(rows, ["set", "variant", "n", "hit@1", "R@10", "MAP@10", "s"]) + "\n"
    print(report)
    write_result("ablation", report)


if __name__ == "__main__":
    main()
