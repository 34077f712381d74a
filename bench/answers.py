"""The development question set: is the gold clause cited first, is the responsible party right,
does regkb abstain when (and only when) the regulations do not answer?

Every question goes through `regkb ask - --json` on an index of the shared corpus and the seed.

    python -m bench.answers            # the development and the held-out questions
    python -m bench.answers --questions bench/data/dev_questions.jsonl --show 20  # one set, and its first misses
    python -m bench.answers --default-corpus   # every question on the seed alone: those on other texts are out of
                                               # its scope there ("us-elsewhere", "zh-elsewhere")

The held-out questions (bench/data/heldout_questions.jsonl, and a second set, heldout2_questions.jsonl, written
later) were written from the texts alone, after the development set, and are kept out of tuning: read their
scores, not their misses.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from bench.common import OUT, ROOT, SHARED, mean, regkb, require, table, write_result

QUESTIONS = ROOT / "bench" / "data" / "dev_questions.jsonl"
HELD_OUT = ROOT / "bench" / "data" / "heldout_questions.jsonl"
HELD_OUT_2 = ROOT / "bench" / "data" / "heldout2_questions.jsonl"


def corpus_index(index: Path) -> float:
    """Ingest the shared corpus and the seed into `index` (incremental); returns the seconds taken."""
    _, seconds = regkb("ingest", str(require(SHARED / "corpus-sources")), str(ROOT / "corpus"), index=index)
    return seconds


def normal(actor: str) -> str:
    """An actor phrase reduced for comparison: lower case, no articles, no spaces or punctuation."""
    actor = re.sub(r"\b(the|each|every|any|a|an)\b", " ", actor.lower())
    return re.sub(r"[\s,.;:'’\"“”()（）、]", "", actor)


def same_actor(predicted: str, gold: str) -> bool:
    """One phrase names the other: '应急管理部门' matches '国务院应急管理部门', 'Secretary' the 'Secretary of Labor'."""
    p, g = normal(predicted), normal(gold)
    return bool(p and g) and (p in g or g in p)


def actor_right(responsible: list[str], gold: list[str]) -> bool:
    if not gold:
        return not responsible
    return any(same_actor(p, g) for p in responsible for g in gold)


def evaluate(questions: list[dict], answers: list[dict]) -> dict[str, dict[str, float]]:
    """Scores per question set and overall."""
    buckets: dict[str, list[dict[str, float]]] = defaultdict(list)
    for q, a in zip(questions, answers, strict=True):
        cited = [c["clause_id"] for c in a["citations"]]
        gold = set(q["gold"])
        abstained = a["answer"]["abstained"]
        row = {"abstained": float(abstained)}
        if gold:
            row |= {"hit@1": float(bool(cited[:1]) and cited[0] in gold),
                    "hit@5": float(bool(set(cited[:5]) & gold)),
                    "actor": float(not abstained and actor_right(a["answer"]["responsible"], q["actors"]))}
        for key in (q["set"], "answerable" if gold else "out-of-scope", "all"):
            buckets[key].append(row)
    return {k: {m: mean(r[m] for r in rows if m in r) for m in ("hit@1", "hit@5", "actor", "abstained")}
            | {"n": len(rows)} for k, rows in buckets.items()}


def score_set(index: Path, path: Path, show: int, elsewhere: tuple[str, ...] = (),
              env: dict[str, str] | None = None) -> tuple[str, float]:
    """One question file through `regkb ask` (with `env` added to its environment): its table, and the seconds the
    answers took. Questions of the sets in `elsewhere` ask about texts the index does not hold: they count as out
    of scope ("us-elsewhere")."""
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    questions = [{**q, "gold": [], "actors": [], "set": f"{q['set']}-elsewhere"} if q["set"] in elsewhere else q
                 for q in questions]
    result, ask_s = regkb("ask", "-", "--json", "--k", "5", index=index,
                          stdin="\n".join(q["question"] for q in questions) + "\n", env=env)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    scores = evaluate(questions, answers)
    order = ["zh", "us", "seed", "out", "zh-elsewhere", "us-elsewhere", "answerable", "out-of-scope", "all"]
    rows = [{"set": k, **scores[k]} for k in order if k in scores]
    report = (f"{path.name}, {len(questions)} questions\n\n"
              + table(rows, ["set", "n", "hit@1", "hit@5", "actor", "abstained"])
              + f"\n\n{len(questions)} questions answered in {ask_s:.1f} s\n")
    shown = 0
    for q, a in zip(questions, answers, strict=True):
        cited = [c["clause_id"] for c in a["citations"]]
        wrong = (q["gold"] and (not cited or cited[0] not in q["gold"])) or (not q["gold"]) != a["answer"]["abstained"]
        wrong = wrong or (q["gold"] and not actor_right(a["answer"]["responsible"], q["actors"]))
        if wrong and shown < show:
            shown += 1
            print(f"- {q['id']} {q['question']}\n  gold {q['gold'][:2]} {q['actors']}\n  got  {cited[:3]} "
                  f"{a['answer']['responsible']} abstained={a['answer']['abstained']} "
                  f"conf={a['answer']['confidence']}")
    return report, ask_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=OUT / "corpus" / "index")
    parser.add_argument("--questions", type=Path, action="append",
                        help="a question file (repeatable; default: the development and both held-out sets)")
    parser.add_argument("--show", type=int, default=0, help="print this many misses of each set")
    parser.add_argument("--default-corpus", action="store_true",
                        help="ask what the app answers out of the box: every question on an index of corpus/ alone "
                             "(bench/out/seed/index), where the Chinese and US Code ones are out of scope")
    args = parser.parse_args()
    if args.default_corpus:
        index, elsewhere, name = OUT / "seed" / "index", ("zh", "us"), "answers-default-corpus"
        _, ingest_s = regkb("ingest", str(ROOT / "corpus"), index=index)
    else:
        index, elsewhere, name = args.index, (), "answers"
        ingest_s = corpus_index(index)
    paths = args.questions or [QUESTIONS, HELD_OUT, HELD_OUT_2]
    reports = [score_set(index, path, args.show, elsewhere)[0] for path in paths]
    report = "\n".join(reports) + f"\ningest (incremental) {ingest_s:.1f} s\n"
    print(report)
    write_result(name, report)


if __name__ == "__main__":
    main()
