"""Fit answer confidence: logistic models, answerable versus out-of-scope development questions.

The features are those answer/compose.py computes for the best hit (cosine in its space, IDF coverage, the mean
cosine of the first five hits, the question's reach in e5's space); the fitted bias and feature weights go
into answer.compose.CALIBRATION by hand, with the figures this prints: in-sample, and leave-one-out (each
question judged by a model fitted without it). Questions that name a clause are left out: their confidence is 1 by
construction.

The main space serves two indexes that differ a lot in how many clauses sit near a question: the default corpus
(the seed alone, 24 units) and the whole shared corpus (4,341). Its fit pools the development questions asked
of both (the seed and English out-of-scope questions on the seed alone, all of them on the whole corpus), and the
table shows each model on each index, so that a candidate is judged on both before it replaces the one in use.

    python -m bench.calibrate            # uses the index bench.answers builds (run that first)
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from answer.compose import ABSTAIN_BELOW, CALIBRATION, features, nearness
from bench.answers import QUESTIONS
from bench.common import OUT, ROOT, regkb, require, table, write_result
from bench.parts import _open
from index.clause_vectors import reach
from index.lexical import tokenize
from regkb import api

Row = tuple[float, float, float, float, int]
# the features each model is fitted on (0 cosine, 1 coverage, 2 nearness, 3 reach; the others weigh 0). Chinese:
# cosine, nearness and reach (e5's best cosine to the first clauses' sentences), where coverage added nothing.
# "en" (the main space where the index gives the question's reach): cosine and reach. "" (the main space without
# reach): cosine and coverage, its coefficients in use still those fitted on the first 129 questions. Nearness is
# left out of the main space: it depends on how many clauses the index holds (on the seed alone, a question its
# one clause answers has no near neighbours).
FITTED = {"": (0, 1), "en": (0, 3), "zh": (0, 2, 3)}
SPACE = {"": "", "en": "", "zh": "zh"}  # the vector space of the best hit each model judges


def collect(index: Path, questions: list[dict]) -> dict[str, list[Row]]:
    """Per space: (cosine, coverage, nearness, reach, answerable) of each question's best hit."""
    kb = _open(index)
    out: dict[str, list[Row]] = {"": [], "zh": []}
    for q in questions:
        answer = api.ask(kb, q["question"], k=5)
        if not answer.citations or "reference" in answer.citations[0].found_by:
            continue
        best = answer.citations[0]
        x = features(q["question"], best, kb.gen.lexical.weights(tokenize(q["question"])), nearness(answer.citations),
                     reach(kb, q["question"], answer.citations))
        out[best.space].append((*x, int(bool(q["gold"]))))
    return out


def fit(rows: list[Row], used: tuple[int, ...]) -> tuple[float, ...]:
    from sklearn.linear_model import LogisticRegression

    x = np.asarray([[r[i] for i in used] for r in rows])
    y = np.asarray([r[-1] for r in rows])
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9  # cosines of one space sit close together: standardise
    model = LogisticRegression(C=1.0, class_weight="balanced").fit((x - mean) / std, y)
    weights = model.coef_[0] / std
    coef = dict(zip(used, (float(w) for w in weights), strict=True))
    return (float(model.intercept_[0] - weights @ mean), *(coef.get(i, 0.0) for i in range(len(rows[0]) - 1)))


def rates(rows: list[Row], coef: tuple[float, ...]) -> dict[str, float]:
    bias, *w = coef
    p = [1 / (1 + np.exp(-(bias + float(np.dot(w, r[:-1]))))) for r in rows]
    answerable = [pi < ABSTAIN_BELOW for pi, r in zip(p, rows, strict=True) if r[-1]]
    out_of_scope = [pi < ABSTAIN_BELOW for pi, r in zip(p, rows, strict=True) if not r[-1]]
    return {"answerable abstain": float(np.mean(answerable)) if answerable else 0.0,
            "out-of-scope abstain": float(np.mean(out_of_scope)) if out_of_scope else 0.0}


def leave_one_out(rows: list[Row], used: tuple[int, ...]) -> dict[str, float]:
    """`rates` with each question judged by a model fitted on the others."""
    judged = {"answerable abstain": [], "out-of-scope abstain": []}
    for i, row in enumerate(rows):
        coef = fit(rows[:i] + rows[i + 1:], used)
        for key, value in rates([row], coef).items():
            if (key == "answerable abstain") == bool(row[-1]):
                judged[key].append(value)
    return {k: float(np.mean(v)) if v else 0.0 for k, v in judged.items()}


def seed_index() -> Path:
    """An index of the default corpus alone (corpus/, the seed), built if it is not there yet."""
    index = OUT / "seed" / "index"
    regkb("ingest", str(ROOT / "corpus"), index=index)
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=OUT / "corpus" / "index")
    args = parser.parse_args()
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line]
    whole = collect(require(args.index), questions)
    on_seed = collect(seed_index(), [q for q in questions if q["set"] == "seed" or q["set"] == "out"
                                     and q["lang"] == "en"])
    rows = []
    for model, name in (("", "main, cosine + coverage"), ("en", "main, cosine + reach (second space)"),
                        ("zh", "Chinese (multilingual-e5-small)")):
        space = SPACE[model]
        pooled = whole[space] + on_seed[space]
        if not pooled:
            continue
        fitted = fit(pooled, FITTED[model])
        loo = leave_one_out(pooled, FITTED[model])
        for label, data in (("whole corpus", whole[space]), ("seed alone", on_seed[space])):
            if not data:
                continue
            n_out = sum(1 for r in data if not r[-1])
            for coef_label, coef in (("in use", CALIBRATION[model]), ("fitted now", fitted)):
                rows.append({"space": name, "index": label,
                             "coefficients": coef_label + " " + ", ".join(f"{c:.2f}" for c in coef),
                             "answerable": len(data) - n_out, "out-of-scope": n_out, **rates(data, coef)})
        n_out = sum(1 for r in pooled if not r[-1])
        rows.append({"space": name, "index": "both", "coefficients": "fitted, leave-one-out",
                     "answerable": len(pooled) - n_out, "out-of-scope": n_out, **loo})
    report = ("Answer confidence: logistic model per space, threshold "
              f"{ABSTAIN_BELOW}\n\n" + table(rows, ["space", "index", "coefficients", "answerable", "out-of-scope",
                                                   "answerable abstain", "out-of-scope abstain"]) + "\n")
    print(report)
    write_result("calibration", report)


if __name__ == "__main__":
    main()
