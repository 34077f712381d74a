"""Actor extraction on its own: precision and recall against hand-labelled clauses.

The labels (bench/data/actor_labels.jsonl) were written from the text alone, clause by clause; this compares
the actors regkb stores for each of those clauses, read from an index of the shared corpus and the seed. An
authority a clause gets from its law's general provision on fines (`general`, ingest/actors/penalties.py), or the
party a mandatory standard binds (`bound`, ingest/actors/standards.py), is not named by the clause, which is what
the labels record ("penalty clause; enforcing body not named"): those are counted apart.

    python -m bench.actors
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.answers import corpus_index, same_actor
from bench.common import OUT, ROOT, table, write_result
from index import generations
from index.store import FILE, ClauseStore

LABELS = ROOT / "bench" / "data" / "actor_labels.jsonl"


def corpus_of(clause_id: str) -> str:
    if clause_id.startswith("US_"):
        return "us"
    return "seed" if clause_id.startswith("government-and-department") else "zh"


def count(predicted: list[str], gold: list[str]) -> tuple[int, int, int, int]:
    """(matched predictions, predictions, matched gold, gold) for one clause."""
    tp_pred = sum(any(same_actor(p, g) for g in gold) for p in predicted)
    tp_gold = sum(any(same_actor(p, g) for p in predicted) for g in gold)
    return tp_pred, len(predicted), tp_gold, len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=OUT / "corpus" / "index")
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements")
    args = parser.parse_args()
    corpus_index(args.index)
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]
    live = generations.current(args.index)
    store = ClauseStore(live / FILE)
    clauses = {c.clause_id: c for c in store.by_ids([lab["clause_id"] for lab in labels])}
    totals: dict[str, list[int]] = {}
    shown, general = 0, 0
    for lab in labels:
        clause = clauses.get(lab["clause_id"])
        predicted = [a.text for a in clause.actors if a.how not in ("general", "bound")] if clause else []
        general += bool(clause and len(predicted) < len(clause.actors))
        gold = [a["text"] for a in lab["actors"]]
        counts = count(predicted, gold)
        for key in (corpus_of(lab["clause_id"]), "all"):
            totals[key] = [a + b for a, b in zip(totals.get(key, [0, 0, 0, 0]), counts, strict=True)]
        if (counts[0] < counts[1] or counts[2] < counts[3]) and shown < args.show:
            shown += 1
            print(f"- {lab['clause_id']}\n  gold {gold}\n  got  {predicted}")
    rows = []
    for key in ("zh", "us", "seed", "all"):
        tp_pred, n_pred, tp_gold, n_gold = totals[key]
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        rows.append({"corpus": key, "clauses": sum(corpus_of(x["clause_id"]) == key or key == "all" for x in labels),
                     "precision": p, "recall": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
                     "predicted": n_pred, "gold": n_gold})
    report = (f"Actor extraction against {len(labels)} hand-labelled clauses ({LABELS.name})\n\n"
              + table(rows, ["corpus", "clauses", "gold", "predicted", "precision", "recall", "F1"])
              + f"\n\n{general} of them also get the authority their law's general provision on fines names, or the "
              "party a mandatory standard binds (not counted above)\n")
    print(report)
    write_result("actors", report)


if __name__ == "__main__":
    main()
