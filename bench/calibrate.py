"""Fit answer confidence: a logistic model per vector space, answerable versus out-of-scope development questions.

The features are those answer/compose.py computes for the best hit (cosine in its space, IDF coverage); the
fitted (bias, cosine weight, coverage weight) go into answer.compose.CALIBRATION by hand, with the figures this
prints. Questions that name a clause are left out: their confidence is 1 by construction.

    python -m bench.calibrate            # uses the index bench.answers builds (run that first)
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from answer.compose import ABSTAIN_BELOW, CALIBRATION, features
from bench.answers import QUESTIONS
from bench.common import OUT, require, table, write_result
from bench.parts import _open
from index.lexical import tokenize
from regkb import api


def collect(index: Path, questions: list[dict]) -> dict[str, list[tuple[float, float, int]]]:
    """Per space: (cosine, coverage, answerable) of each question's best hit."""
    kb = _open(index)
    out: dict[str, list[tuple[float, float, int]]] = {"": [], "zh": []}
    for q in questions:
        answer = api.ask(kb, q["question"], k=5)
        if not answer.citations or "reference" in answer.citations[0].found_by:
            continue
        best = answer.citations[0]
        dense, cover = features(q["question"], best, kb.gen.lexical.weights(tokenize(q["question"])))
        out[best.space].append((dense, cover, int(bool(q["gold"]))))
    return out


def fit(rows: list[tuple[float, float, int]]) -> tuple[float, float, float]:
    from sklearn.linear_model import LogisticRegression

    x = np.asarray([r[:2] for r in rows])
    y = np.asarray([r[2] for r in rows])
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9  # cosines of one space sit close together: standardise
    model = LogisticRegression(C=1.0, class_weight="balanced").fit((x - mean) / std, y)
    weights = model.coef_[0] / std
    return float(model.intercept_[0] - weights @ mean), float(weights[0]), float(weights[1])


def rates(rows: list[tuple[float, float, int]], coef: tuple[float, float, float]) -> dict[str, float]:
    bias, w_dense, w_cover = coef
    p = [1 / (1 + np.exp(-(bias + w_dense * d + w_cover * c))) for d, c, _ in rows]
    answerable = [pi < ABSTAIN_BELOW for pi, r in zip(p, rows, strict=True) if r[2]]
    out_of_scope = [pi < ABSTAIN_BELOW for pi, r in zip(p, rows, strict=True) if not r[2]]
    return {"answerable abstain": float(np.mean(answerable)) if answerable else 0.0,
            "out-of-scope abstain": float(np.mean(out_of_scope)) if out_of_scope else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=OUT / "corpus" / "index")
    args = parser.parse_args()
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line]
    data = collect(require(args.index), questions)
    rows = []
    for space, name in (("", "main (all-MiniLM-L6-v2)"), ("zh", "Chinese (multilingual-e5-small)")):
        if not data[space]:
            continue
        fitted = fit(data[space])
        n_out = sum(1 for r in data[space] if not r[2])
        for label, coef in (("in use", CALIBRATION[space]), ("fitted now", fitted)):
            rows.append({"space": name, "coefficients": label + " " + ", ".join(f"{c:.2f}" for c in coef),
                         "answerable": len(data[space]) - n_out, "out-of-scope": n_out, **rates(data[space], coef)})
    report = ("Answer confidence: logistic model per space, threshold "
              f"{ABSTAIN_BELOW}\n\n" + table(rows, ["space", "coefficients", "answerable", "out-of-scope",
                                                   "answerable abstain", "out-of-scope abstain"]) + "\n")
    print(report)
    write_result("calibration", report)


if __name__ == "__main__":
    main()
