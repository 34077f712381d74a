"""Legal references: parsed from questions and clauses, resolved to clause ids on real text."""
from __future__ import annotations

from pathlib import Path

from ingest.pipeline import read
from ingest.refs import parse_us, parse_zh
from tests.helpers import CORPUS_SOURCES, needs_shared


def zh(text):
    return [(r.doc, r.article, r.kuan, r.xiang, r.relative) for r in parse_zh(text)]


def test_chinese_reference_forms():
    assert zh("依照本法第三十八条的规定") == [("self", 38, 0, 0, "")]
    assert zh("违反本条例第四十四条第一款") == [("self", 44, 1, 0, "")]
    assert zh("《中华人民共和国安全生产法》第十条第二款") == [("中华人民共和国安全生产法", 10, 2, 0, "")]
    assert zh("安全生产法第二十一条规定了什么？") == [("安全生产法", 21, 0, 0, "")]
    assert zh("民法典第三条") == [("民法典", 3, 0, 0, "")]
    assert zh("违反本条例第十七条第三项") == [("self", 17, 0, 3, "")]
    assert zh("前款规定的部门") == [("self", 0, 0, 0, "前款")]


def test_us_reference_forms():
    refs = parse_us("29 USC 658(c)")[0]
    assert (refs.code_title, refs.section, refs.path) == ("29", "658", ("c",))
    this = parse_us("the advisory committee appointed under section 656 of this title")[0]
    assert (this.doc, this.section) == ("self", "656")
    assert parse_us("30 U.S.C. § 813(j)")[0].path == ("j",)


@needs_shared
def test_cross_references_resolve_within_a_chinese_law():
    _, clauses = read(CORPUS_SOURCES / "zh" / "安全生产法(2021-06-10).md", max_bytes=10**8)
    units = {c.clause_id.split("/", 1)[1]: c for c in clauses}
    assert "根据本法第九十五条、第一百一十条、第一百一十四条的规定" in units["a115"].text
    assert units["a115"].refs == tuple(f"安全生产法(2021-06-10)/a{n}" for n in (95, 110, 114))
    assert "前款" in units["a90/p2"].text and units["a90/p2"].refs == ("安全生产法(2021-06-10)/a90",)


@needs_shared
def test_cross_references_resolve_within_the_us_code():
    _, clauses = read(CORPUS_SOURCES / "en" / "US_29USC_ch15_Occupational_Safety_and_Health_Act.md",
                      max_bytes=10**8)
    units = {c.clause_id.split("/", 1)[1]: c for c in clauses}
    assert "section 656 of this title" in units["s655/b/1"].text
    assert "US_29USC_ch15_Occupational_Safety_and_Health_Act/s656" in units["s655/b/1"].refs


def test_no_refs_for_text_without_references(tmp_path: Path):
    path = tmp_path / "plain.md"
    path.write_text("第一条 应急管理部门负责监督检查。\n\n第二条 公安机关负责治安管理。\n", encoding="utf-8")
    _, clauses = read(path, max_bytes=10**6)
    assert all(c.refs == () for c in clauses)
