"""STARD (Chinese layperson questions): Recall@1/5/10 of regkb beside BM25-only and dense-only.

STARD's full corpus is not available here, so the ranked pool is its 1,445 gold articles (as .jsonl units,
one file per law) plus every article of the 18 Chinese regulations in ../shared/corpus-sources/zh as
distractors. Numbers are not comparable with the paper's 55,348-article corpus; they compare systems.

    python -m bench.stard
"""
from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from bench.common import OUT, SHARED, ask_all, mean, recall_at, regkb, require, table, write_result
from bench.parts import rank_dense, rank_lexical

DATA = SHARED / "benchmarks" / "stard"
ARTICLE = re.compile(r"^(.*?)(第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?)$")


def write_corpus(folder: Path) -> int:
    """The gold article pool as .jsonl units, one file per law; returns the number of articles."""
    folder.mkdir(parents=True, exist_ok=True)
    laws: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in (DATA / "derived" / "gold_article_pool.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        found = ARTICLE.match(article["name"])
        law, number = (found.group(1), found.group(2)) if found else (article["name"], "")
        if article["content"].strip():
            laws[law].append({"id": article["name"], "doc": f"stard-{law}", "title": law, "number": number,
                              "text": article["content"].strip()})
    for law, units in laws.items():
        with (folder / f"stard-{law}.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(u, ensure_ascii=False) + "\n" for u in units)
    return sum(len(u) for u in laws.values())


def scores(ranked: list[list[str]], golds: list[set[str]]) -> dict[str, float]:
    return {f"R@{k}": mean(recall_at(r, g, k) for r, g in zip(ranked, golds, strict=True)) for k in (1, 5, 10)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=OUT / "stard" / "index")
    args = parser.parse_args()
    require(DATA)
    corpus = OUT / "stard" / "corpus"
    articles = write_corpus(corpus)
    _, ingest_s = regkb("ingest", str(corpus), str(require(SHARED / "corpus-sources" / "zh")), index=args.index)
    queries = json.loads((DATA / "queries.json").read_text(encoding="utf-8"))
    texts = [q["问题"] for q in queries]
    golds = [set(q["match_name"]) for q in queries]
    ranked, ask_s = ask_all(texts, index=args.index, k=10)
    rows = [{"system": "regkb (CLI, hybrid)", **scores(ranked, golds)},
            {"system": "BM25 only (same index)", **scores(rank_lexical(args.index, texts, 10), golds)},
            {"system": "dense only (same index)", **scores(rank_dense(args.index, texts, 10), golds)}]
    report = (f"STARD, {len(queries)} questions; pool: {articles} gold articles + the 18 Chinese regulations\n\n"
              + table(rows, ["system", "R@1", "R@5", "R@10"])
              + f"\n\ningest {ingest_s:.1f} s; regkb ask - over all questions {ask_s:.1f} s\n")
    print(report)
    write_result("stard", report)


if __name__ == "__main__":
    main()
