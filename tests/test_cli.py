"""The `regkb` command-line contract that tests and outside tools rely on."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SEED

REGKB = [sys.executable, "-m", "regkb.cli"]
CITATION_KEYS = {"clause_id", "doc", "title", "number", "headings", "page", "text", "score", "responsible"}


def run(*args: str, index: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REGKB_INDEX": str(index), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([*REGKB, *args], input=stdin, capture_output=True, text=True, env=env, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)


@pytest.fixture(scope="module")
def first_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`regkb ingest` of a folder with one good and two bad files: the index and what it printed."""
    folder = tmp_path_factory.mktemp("docs")
    shutil.copy(SEED, folder / SEED.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.pdf").write_bytes(b"\x00\x01binary, not a pdf\xff" * 20)
    index = tmp_path_factory.mktemp("cli") / "index"
    result = run("ingest", str(folder), index=index)
    return index, result


@pytest.fixture(scope="module")
def cli_index(first_ingest) -> Path:
    return first_ingest[0]


def test_ingest_names_each_rejected_file_and_keeps_the_rest(first_ingest):
    result = first_ingest[1]
    assert result.returncode == 1, result.stderr
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert len(rejected) == 2
    assert any("empty.txt" in line and "empty" in line.split(":", 1)[1] for line in rejected)
    assert any("junk.pdf" in line for line in rejected)
    assert "added  government-and-department-safety-responsibilities  (24 clauses)" in result.stdout


def test_ingest_exit_zero_when_every_file_went_in(cli_index):
    result = run("ingest", str(SEED), "--index", str(cli_index), index=Path("/nonexistent"))
    assert result.returncode == 0, result.stderr
    assert "unchanged  1 document(s)" in result.stdout


def test_usage_errors_exit_two(cli_index):
    assert run("ingest", index=cli_index).returncode == 2
    assert run("ask", index=cli_index).returncode == 2
    assert run("ask", "q", "--k", "zero", index=cli_index).returncode == 2
    assert run("frobnicate", index=cli_index).returncode == 2


def test_ask_json_follows_the_contract(cli_index):
    result = run("ask", "Who must revoke the original administrative license?", "--json", "--k", "3",
                 index=cli_index)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["question"] == "Who must revoke the original administrative license?"
    assert set(answer["answer"]) == {"text", "responsible", "recipients", "abstained", "confidence", "notes"}
    assert isinstance(answer["answer"]["confidence"], float) and answer["answer"]["abstained"] is False
    assert 1 <= len(answer["citations"]) <= 3
    assert set(answer["citations"][0]) >= CITATION_KEYS
    scores = [c["score"] for c in answer["citations"]]
    assert scores == sorted(scores, reverse=True)
    assert answer["citations"][0]["clause_id"].endswith("/s1/l3/l1/l1/5")


def test_ask_dash_reads_questions_in_order_and_writes_json_lines(cli_index):
    questions = ["Who must report hidden dangers beyond their jurisdiction?",
                 "What is the boiling point of water on Mars?",
                 "Who must incorporate safety production into the development plan?"]
    result = run("ask", "-", "--k", "2", index=cli_index, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["question"] for o in lines] == questions
    assert lines[1]["answer"]["abstained"] is True


def test_plain_ask_prints_the_answer_and_citations(cli_index):
    result = run("ask", "Who must report hidden dangers beyond their jurisdiction?", index=cli_index)
    assert result.returncode == 0, result.stderr
    assert "Responsible:" in result.stdout and "[1]" in result.stdout


def test_plain_ask_prints_the_notes(cli_index):
    """The seed is English: a Chinese question abstains, and the note says to ask in English."""
    result = run("ask", "超出管辖范围的重大事故隐患应当向谁报告？", index=cli_index)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("所收录的法规中没有找到答案。")
    assert "Note: 所查的法规都不是中文的，而问题只在同一语言的条文中查找：请用英文提问" in result.stdout


def test_remove_and_docs(tmp_path):
    index = tmp_path / "index"
    assert run("ingest", str(SEED), index=index).returncode == 0
    assert "government-and-department-safety-responsibilities" in run("docs", index=index).stdout
    assert run("remove", "nope", index=index).returncode == 1
    result = run("remove", "government-and-department-safety-responsibilities", index=index)
    assert result.returncode == 0 and "removed" in result.stdout
    assert run("docs", index=index).stdout.strip() == ""


def test_ask_on_a_missing_index_says_how_to_fill_it(tmp_path):
    result = run("ask", "anything", index=tmp_path / "none")
    assert result.returncode == 1
    assert "regkb ingest" in result.stderr and "Traceback" not in result.stderr
