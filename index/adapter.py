"""English questions moved toward the corpus's own wording: a linear map of the question's vector, learned at
ingest from the corpus itself.

all-MiniLM-L6-v2 learnt English from the web; an official's "emergency temporary standard … how long can it stay"
lands among clauses that share its words, not always the one whose section is about it. The indexed documents
say, of every clause, what it is about: their names and headings. At ingest each English clause gives pseudo
questions — its document's name with its last two headings, and its own first sentence — and a matrix W
(dimension × dimension, starting as the identity, pulled back toward it) is fitted so that each pseudo question,
mapped by W, comes nearest its own clause among all English clauses (softmax over their cosines). No question of
any benchmark is used, and nothing is listed by hand.

At question time an English question's vector q searches as normalise((1 − share) · q + share · normalise(W q))
(`index.search.Ranking.adapter_share`); the cosine a hit reports stays the model's own, which the answer's
confidence was calibrated on. An index with fewer than `MIN_PAIRS` pseudo questions (the seed alone has 24
clauses under a few headings) gets no map: it would learn the few headings by heart.

The pseudo questions' vectors are kept with the generation (`adapter.json`, `adapter_queries.npy`) and reused by
the next one, so an incremental ingest embeds only new clauses' and refits the map (about 20 s on two cores for
the whole shared corpus). Measured in bench/RESULTS.md.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from index.embedder import reuse_or_encode
from index.recipe import text_hash
from ingest.types import Clause

FILES = ("adapter.npy", "adapter.json", "adapter_queries.npy")
MARK = FILES[1]  # every generation written since there were adapters has it
MIN_PAIRS = 200  # fewer pseudo questions than this: no map
TEMPERATURE = 0.05  # of the softmax over cosines
PULL = 0.01  # weight of the squared distance of W from the identity
STEPS = 300  # Adam steps
BATCH = 4096  # pseudo questions, and candidate clauses, per step at most
LEARNING_RATE = 1e-3
HEADING_CHARS = 120  # of each heading in a pseudo question
SENTENCE_CHARS = 300  # of a first sentence
MIN_SENTENCE = 30  # a shorter first sentence ("(a) In general.") says too little
_NUMBER = re.compile(r"^\s*(?:\(\w+\)|§\s*[\w.-]+\.?)\s*")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")
_FIRST_SENTENCE = re.compile(r"(?<=[.;:])\s+")

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def pseudo_questions(clause: Clause, title: str) -> list[str]:
    """What a clause is about in the document's own words: its document and last two headings, and its first
    sentence (front matter and Chinese clauses give none)."""
    if clause.lang == "zh" or clause.kind == "preamble":
        return []
    out = []
    if clause.headings:
        name = _PARENTHESIS.sub("", title).strip()
        out.append(f"{name}: " + " / ".join(h[:HEADING_CHARS] for h in clause.headings[-2:]))
    first = _FIRST_SENTENCE.split(_NUMBER.sub("", clause.text).strip(), maxsplit=1)[0]
    if len(first) >= MIN_SENTENCE:
        out.append(first[:SENTENCE_CHARS])
    return out


class QueryAdapter:
    """The fitted map W and the pseudo questions' vectors it was fitted on (kept for the next generation)."""

    def __init__(self, matrix: np.ndarray | None, hashes: list[str], vectors: np.ndarray) -> None:
        self.matrix = matrix  # None: too few pseudo questions to fit one
        self.hashes = hashes
        self.vectors = vectors

    def apply(self, query: np.ndarray, share: float) -> np.ndarray:
        """The question's vector to search with: `share` of the way to its mapped direction."""
        if self.matrix is None or share <= 0:
            return query
        mapped = self.matrix @ query
        mapped = mapped / max(float(np.linalg.norm(mapped)), 1e-12)
        moved = (1 - share) * query + share * mapped
        return (moved / max(float(np.linalg.norm(moved)), 1e-12)).astype(np.float32)

    @classmethod
    def build(cls, clauses: Iterable[tuple[int, Clause, str]], vectors: np.ndarray,
              encode: Callable[[Sequence[str]], np.ndarray], old: QueryAdapter | None = None,
              progress: Progress | None = None) -> QueryAdapter:
        """Fit W on (row, clause, document title) of a generation whose main-space vectors are `vectors`;
        pseudo questions `old` embedded are reused, the rest encoded."""
        texts, targets, rows = [], [], []
        for row, clause, title in clauses:
            if clause.lang != "zh" and clause.kind != "preamble":
                rows.append(row)  # every English clause competes for every pseudo question
            asked = pseudo_questions(clause, title)
            texts += asked
            targets += [row] * len(asked)
        unique = list(dict.fromkeys(texts))
        hashes = [text_hash(t) for t in unique]
        held = {h: i for i, h in enumerate(old.hashes)} if old is not None else {}
        embedded = reuse_or_encode(hashes, unique, held, old.vectors if old is not None else None, encode)
        if len(texts) < MIN_PAIRS:
            return cls(None, hashes, embedded)
        at = {t: i for i, t in enumerate(unique)}
        queries = embedded[[at[t] for t in texts]]
        column = {row: i for i, row in enumerate(rows)}
        matrix = fit(queries, vectors[rows], np.asarray([column[r] for r in targets]), progress)
        return cls(matrix, hashes, embedded)

    def save(self, folder: Path) -> list[Path]:
        matrix, names, queries = (folder / f for f in FILES)
        saved = [names, queries]
        names.write_text(json.dumps({"hashes": self.hashes, "fitted": self.matrix is not None}), encoding="utf-8")
        np.save(queries, self.vectors.astype(np.float32))
        if self.matrix is not None:
            np.save(matrix, self.matrix.astype(np.float32))
            saved.insert(0, matrix)
        return saved

    @classmethod
    def load(cls, folder: Path) -> QueryAdapter | None:
        """The generation's adapter; None for a generation written before there was one."""
        matrix, names, queries = (folder / f for f in FILES)
        if not names.is_file() or not queries.is_file():
            return None
        held = json.loads(names.read_text(encoding="utf-8"))
        # the pseudo questions' vectors are read only by the next ingest: mapped, not loaded
        return cls(np.load(matrix) if held["fitted"] else None, held["hashes"], np.load(queries, mmap_mode="r"))


def _sample(queries: int, candidates: np.ndarray, targets: np.ndarray, rng: np.random.Generator
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A step's pseudo questions, its candidates (their own clauses and others drawn at random, `BATCH` in all)
    and each question's target among them."""
    asked = rng.choice(queries, size=min(queries, BATCH), replace=False)
    own = np.unique(targets[asked])
    others = np.setdiff1d(rng.choice(len(candidates), size=min(len(candidates), 2 * BATCH), replace=False), own)
    rows = np.concatenate([own, others[: max(0, BATCH - len(own))]])
    return asked, rows, np.searchsorted(own, targets[asked])


def fit(queries: np.ndarray, candidates: np.ndarray, targets: np.ndarray, progress: Progress | None = None
        ) -> np.ndarray:
    """W minimising the cross-entropy of each mapped query's softmax over `candidates` (temperature
    `TEMPERATURE`) at its target row, plus `PULL` times ||W − I||²; Adam from the identity, over every query
    and candidate at each step when there are at most `BATCH` of each, else over `BATCH` queries drawn at
    random against their own clauses and others drawn at random (`BATCH` candidates), so that a large corpus
    costs no more per step."""
    import torch

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    full = len(queries) <= BATCH and len(candidates) <= BATCH
    identity = torch.eye(queries.shape[1])
    matrix = torch.nn.Parameter(identity.clone())
    optimiser = torch.optim.Adam([matrix], lr=LEARNING_RATE)
    for step in range(STEPS):
        if full:
            q, c, t = queries, candidates, targets
        else:
            asked, rows, t = _sample(len(queries), candidates, targets, rng)
            q, c = queries[asked], candidates[rows]
        mapped = torch.nn.functional.normalize(torch.from_numpy(q) @ matrix.T, dim=1)
        loss = (torch.nn.functional.cross_entropy(mapped @ torch.from_numpy(c).T / TEMPERATURE,
                                                  torch.from_numpy(np.asarray(t, dtype=np.int64)))
                + PULL * ((matrix - identity) ** 2).sum())
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        if progress and (step + 1) % 30 == 0:
            progress("adapting questions to the corpus", step + 1, STEPS)
    return matrix.detach().numpy().astype(np.float32)
