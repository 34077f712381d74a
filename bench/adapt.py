"""The main model adapted to the corpus's own English text, against the model in use — a measured lead.

    .venv/bin/python -m bench.adapt            # about eight minutes on two cores

No question is used for training. all-MiniLM-L6-v2 is trained for one epoch, with in-batch negatives both ways
(sentence-transformers' MultipleNegativesRankingLoss), on pairs the English clauses give of themselves: a clause's
document and last two headings → its own words. Both models then index the four US Code chapters and the seed
(`bench/out/adapt/`), and the development questions in English (US Code, seed, and the English out-of-scope ones)
are asked of each through `regkb ask`. The adapted model stays under `bench/out/adapt/model`; it can be tried
anywhere as `REGKB_MODEL`. The answer's confidence model is fitted to the model in use, so abstention figures of
the adapted one are only indicative.

regkb itself takes a lighter form of this lead: the model stays as it is and each index fits a linear map of
English questions' vectors on the same kind of pairs (`index/adapter.py`), in seconds rather than minutes. Both
indexes here have that map, each fitted with its own model.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import time
from pathlib import Path

from bench.answers import QUESTIONS, score_set
from bench.common import OUT, ROOT, SHARED, regkb, require, write_result

FOLDER = OUT / "adapt"
SCALE = 20.0  # cosine scale of the in-batch softmax (sentence-transformers' default)


def pairs(index: Path) -> list[tuple[str, str]]:
    """(document and headings, clause words) for every English clause of the index with both."""
    from regkb.api import open_kb
    from regkb.config import Settings

    kb = open_kb(Settings.from_env(index_dir=index))
    out = []
    for clause in kb.gen.store.all_clauses():
        words = re.sub(r"^\s*(?:\(\w+\)|§\s*[\w.-]+\.?)\s*", "", clause.text).strip()
        if clause.lang == "zh" or clause.kind == "preamble" or not clause.headings or len(words) < 40:
            continue
        title = re.sub(r"^US_\d+USC_ch\d+_", "", clause.doc_id).replace("_", " ")
        out.append((f"{title}: " + " / ".join(h[:120] for h in clause.headings[-2:]), words[:1000]))
    return out


def train(examples: list[tuple[str, str]], target: Path, *, epochs: int, lr: float, batch: int) -> float:
    """Train the packaged model on `examples` and save it to `target`; returns the seconds taken."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer import losses

    from index.embedder import resolve_model
    from regkb.config import DEFAULT_MODEL

    random.seed(0)
    torch.manual_seed(0)
    model = SentenceTransformer(str(resolve_model(DEFAULT_MODEL)), device="cpu")
    model.max_seq_length = 256
    steps = epochs * (len(examples) // batch)
    warm = max(1, steps // 10)
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))

    in_batch = losses.MultipleNegativesRankingLoss(model, scale=SCALE, directions=("query_to_doc", "doc_to_query"),
                                                   partition_mode="per_direction")

    model.train()
    start, step = time.perf_counter(), 0
    for _ in range(epochs):
        order = examples[:]
        random.shuffle(order)
        for at in range(0, len(order) - batch + 1, batch):
            chunk = order[at:at + batch]
            loss = in_batch([model.preprocess([a for a, _ in chunk]), model.preprocess([b for _, b in chunk])], None)
            loss.backward()
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 10 == 0 or step == steps:
                print(f"  step {step}/{steps}, loss {loss.item():.3f}, {time.perf_counter() - start:.0f} s",
                      flush=True)
    model.eval()
    model.save(str(target))
    return time.perf_counter() - start


def english_questions(target: Path) -> Path:
    """The development questions asked in English (US Code, seed, out of scope), as a question file."""
    lines = [line for line in QUESTIONS.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["lang"] == "en"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    FOLDER.mkdir(parents=True, exist_ok=True)
    sources = (str(require(SHARED / "corpus-sources" / "en")), str(ROOT / "corpus"))
    base, adapted, model = FOLDER / "base", FOLDER / "adapted", FOLDER / "model"
    print("indexing the US Code chapters and the seed with the model in use …", flush=True)
    _, base_s = regkb("ingest", *sources, index=base)
    examples = pairs(base)
    print(f"training on {len(examples)} pairs (one line every ten steps) …", flush=True)
    train_s = train(examples, model, epochs=args.epochs, lr=args.lr, batch=args.batch)
    print("indexing them again with the adapted model …", flush=True)
    adapted_env = {"REGKB_MODEL": str(model)}
    _, adapted_s = regkb("ingest", "--rebuild", *sources, index=adapted, env=adapted_env)
    questions = english_questions(FOLDER / "questions.jsonl")
    print("asking the English development questions of both …", flush=True)
    in_use, _ = score_set(base, questions, 0)
    trained, _ = score_set(adapted, questions, 0, env=adapted_env)
    report = (f"Model in use\n\n{in_use}\nAdapted ({len(examples)} pairs, {args.epochs} epoch(s), learning rate "
              f"{args.lr}, batch {args.batch}: training {train_s:.0f} s)\n\n{trained}\n"
              f"ingest: {base_s:.0f} s (model in use, incremental), {adapted_s:.0f} s (adapted, rebuilt)\n")
    print(report)
    write_result("adapt", report)


if __name__ == "__main__":
    main()
