"""Splitting real regulations into clause units: exact figures on the seed, Chinese laws and US Code."""
from __future__ import annotations

import re

import pytest

from ingest.structure import split
from ingest.text import cn_to_int, int_to_cn
from tests.helpers import CORPUS_SOURCES, SEED, file_document, needs_shared, text_document, uncovered_lines

ZH = CORPUS_SOURCES / "zh"
EN = CORPUS_SOURCES / "en"

# article counts per file, as the corpus README states them (checked there by hand)
ZH_ARTICLES = {
    "安全生产法(2021-06-10)": 119, "安全生产许可证条例(2014-07-29)": 24,
    "生产安全事故报告和调查处理条例(2007-04-09)": 46, "生产安全事故应急条例(2019-02-17)": 35,
    "建设工程安全生产管理条例(2003-11-24)": 71, "危险化学品安全管理条例(2013-12-07)": 102,
    "烟花爆竹安全管理条例(2016-02-06)": 46, "民用爆炸物品安全管理条例(2014-07-29)": 55,
    "煤矿安全生产条例(2024-01-24)": 76, "国务院关于特大安全事故行政责任追究的规定(2001-04-21)": 24,
    "大型群众性活动安全管理条例(2007-09-14)": 26, "特种设备安全法(2013-06-29)": 101,
    "职业病防治法(2018-12-29)": 88, "矿山安全法(2009-08-27)": 50, "消防法(2021-04-29)": 74,
    "突发事件应对法(2024-06-28)": 106, "北京市安全生产条例(2022-05-25)": 66,
    "山东省安全生产条例(2021-12-03)": 80,
}
US_SECTIONS = {"US_29USC_ch15_Occupational_Safety_and_Health_Act": 29,
               "US_30USC_ch22_Mine_Safety_and_Health": 87,
               "US_42USC_ch116_Emergency_Planning_and_Community_Right_to_Know": 18,
               "US_49USC_ch11_National_Transportation_Safety_Board": 25}


def by_id(clauses):
    return {c.clause_id.split("/", 1)[1]: c for c in clauses}


class TestNumerals:
    @pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 21, 100, 101, 110, 119, 1000, 1203])
    def test_round_trip(self, n):
        assert cn_to_int(int_to_cn(n)) == n

    def test_known_forms(self):
        assert int_to_cn(119) == "一百一十九"
        assert int_to_cn(10) == "十"
        assert cn_to_int("二十") == 20
        with pytest.raises(ValueError):
            cn_to_int("条")


class TestSeed:
    """The user's own document: a title, section 1, three lists with lead-ins."""

    clauses = split(file_document(SEED))
    units = by_id(clauses)

    def test_counts(self):
        assert len(self.clauses) == 24  # section 1, five lead-ins, 6 + 7 + 5 items
        items = [c for c in self.clauses if c.kind == "item"]
        assert [c.number for c in items] == [f"({i})" for i in (*range(1, 7), *range(1, 8), *range(1, 6))]
        assert [c.kind for c in self.clauses].count("lead") == 5

    def test_title_is_not_a_clause(self):
        assert self.clauses[0].title.startswith("How to fulfill government safety production")
        assert all(not c.text.startswith("How to fulfill") for c in self.clauses)

    def test_items_carry_their_lead_in(self):
        item = self.units["s1/l3/l1/l1/5"]
        assert item.number == "(5)"
        assert item.headings[-1].startswith("The relevant departments of people's governments at all levels")
        assert "Is governments at all levels to strengthen" in item.headings[-2]
        second_list = self.units["s1/l2/3"]
        assert second_list.headings[-1].startswith("The performance of the supervision and measures")

    def test_continuation_paragraphs_stay_with_their_item(self):
        item = self.units["s1/l3/l1/l1/5"]
        assert len(item.paragraphs) == 4
        assert "the original administrative license must be revoked" in item.text
        first = self.units["s1/l1/1"]
        assert first.text.endswith("ensure that they are in place.")
        assert len(first.paragraphs) == 2

    def test_covers_the_body(self):
        assert uncovered_lines(file_document(SEED), self.clauses) == []


@needs_shared
class TestChineseLaw:
    def test_work_safety_law_articles(self):
        clauses = split(file_document(ZH / "安全生产法(2021-06-10).md"))
        articles = [c for c in clauses if c.kind == "article"]
        assert [c.number for c in articles] == [f"第{int_to_cn(i)}条" for i in range(1, 120)]
        assert articles[0].title == "中华人民共和国安全生产法"
        assert articles[0].headings == ("第一章 总则",)
        assert by_id(clauses)["a21"].headings == ("第二章 生产经营单位的安全生产保障",)
        assert articles[-1].headings == ("第七章 附则",)

    def test_article_keeps_its_paragraphs(self):
        a10 = by_id(split(file_document(ZH / "安全生产法(2021-06-10).md")))["a10"]
        assert len(a10.paragraphs) == 3
        second = a10.text[slice(*a10.paragraphs[1])]
        assert second.startswith("国务院交通运输、住房和城乡建设、水利、民航等有关部门")
        assert a10.cite == "《中华人民共和国安全生产法》第十条"

    def test_items_with_lead_in_and_citation(self):
        units = by_id(split(file_document(ZH / "危险化学品安全管理条例(2013-12-07).md")))
        item = units["a6/i2"]
        assert item.number == "(二)"
        assert item.text.startswith("(二)公安机关负责危险化学品的公共安全管理")
        lead_in = "第六条 对危险化学品的生产、储存、使用、经营、运输实施安全监督管理的有关部门"
        assert item.headings[-1].startswith(lead_in)
        assert item.cite == "《危险化学品安全管理条例》第六条第二项"
        assert [k for k in units if k.startswith("a6/")] == [f"a6/i{i}" for i in range(1, 9)]

    def test_paragraph_after_items_is_the_next_kuan(self):
        units = by_id(split(file_document(ZH / "危险化学品安全管理条例(2013-12-07).md")))
        assert units["a7"].cite == "《危险化学品安全管理条例》第七条第一款"
        trailing = [k for k in units if re.fullmatch(r"a7/p\d", k)]
        assert trailing, "第七条 has a paragraph after its items"
        assert units[trailing[0]].cite.startswith("《危险化学品安全管理条例》第七条第")

    @pytest.mark.parametrize("stem,count", sorted(ZH_ARTICLES.items()))
    def test_article_counts_and_coverage(self, stem, count):
        doc = file_document(ZH / f"{stem}.md")
        clauses = split(doc)
        numbers = [cn_to_int(c.number[1:-1]) for c in clauses if c.kind == "article"]
        assert numbers == list(range(1, count + 1))
        assert uncovered_lines(doc, clauses) == []
        assert len({c.clause_id for c in clauses}) == len(clauses)

    def test_promulgation_header_is_a_preamble_unit(self):
        first = split(file_document(ZH / "安全生产法(2021-06-10).md"))[0]
        assert first.kind == "preamble"
        assert "2021年6月10日" in first.text and "INFO END" not in first.text


class TestChineseCrossReferences:
    """A body line that begins with a cross-referenced article number is not a new article."""

    text = "\n\n".join([
        "# 测试条例", "## 第一章 总则",
        "第一条 为了测试，制定本条例。",
        "第二条 生产经营单位应当遵守本条例。",
        "第三十八条 规定的情形，依照本条处理。",
        "依照本法第三十八条的规定，由应急管理部门责令改正。",
        "第三条 应急管理部门负责监督检查。",
    ])

    def test_out_of_sequence_number_is_text(self):
        clauses = split(text_document(self.text))
        assert [c.number for c in clauses if c.kind == "article"] == ["第一条", "第二条", "第三条"]
        second = by_id(clauses)["a2"]
        assert len(second.paragraphs) == 3
        assert "依照本法第三十八条的规定" in second.text

    def test_heading_is_never_cut_from_its_body(self):
        clauses = split(text_document(self.text))
        assert all(c.headings == ("第一章 总则",) for c in clauses)


@needs_shared
class TestUSCode:
    @pytest.mark.parametrize("stem,count", sorted(US_SECTIONS.items()))
    def test_sections_and_coverage(self, stem, count):
        doc = file_document(EN / f"{stem}.md")
        clauses = split(doc)
        assert sum(c.kind == "section" for c in clauses) == count
        assert uncovered_lines(doc, clauses) == []
        assert len({c.clause_id for c in clauses}) == len(clauses)

    def test_nested_numbering_and_citation(self):
        units = by_id(split(file_document(EN / "US_29USC_ch15_Occupational_Safety_and_Health_Act.md")))
        unit = units["s654/a/1"]
        assert unit.number == "§ 654(a)(1)"
        assert unit.cite == "29 U.S.C. § 654(a)(1)"
        assert unit.headings[-2:] == ("§ 654. Duties of employers and employees", "(a) Each employer")
        assert unit.title.startswith("CHAPTER 15— OCCUPATIONAL SAFETY AND HEALTH")
        assert units["s655/b/6/B/ii"].number == "§ 655(b)(6)(B)(ii)"

    def test_subsection_after_a_gap_is_not_a_roman_numeral(self):
        # § 666 has no (h): its (i) is still a subsection, not clause (i) of (g)
        units = by_id(split(file_document(EN / "US_29USC_ch15_Occupational_Safety_and_Health_Act.md")))
        assert units["s666/i"].number == "§ 666(i)"
        assert units["s666/i"].kind == "subsection"

    def test_cross_reference_line_is_not_a_section(self):
        text = ("# Title 29— LABOR\n\n#### § 654. Duties\n\n(a) Each employer shall comply.\n\n"
                "section 655 of this title applies to such employer.\n\n#### § 655. Standards\n\nText.")
        clauses = split(text_document(text))
        assert [c.number for c in clauses] == ["§ 654", "§ 654(a)", "§ 655"]
        assert "section 655 of this title" in by_id(clauses)["s654/a"].text


class TestFallback:
    def test_plain_paragraphs_become_units(self):
        text = "First paragraph of a memo.\n\nSecond paragraph, longer.\n\nThird one."
        clauses = split(text_document(text))
        assert [c.text for c in clauses] == ["First paragraph of a memo.", "Second paragraph, longer.", "Third one."]

    def test_one_huge_line_is_cut_into_bounded_pieces(self):
        text = "Each employer shall keep records. " * 30_000  # about 1 MB, no structure at all
        doc = text_document(text)
        clauses = split(doc, max_chars=4000)
        assert all(len(c.text) <= 4000 for c in clauses)
        assert len(clauses) >= len(text) // 4000
        assert uncovered_lines(doc, clauses) == []
        assert len({c.clause_id for c in clauses}) == len(clauses)


def test_a_letter_after_a_roman_numeral_is_a_letter_again():
    text = ("# Title 29\n\n#### § 5. Rules\n\n(a) A.\n\n(b) B.\n\n(1) One.\n\n(A) Big.\n\n(i) Roman one.\n\n"
            "(ii) Roman two.\n\n(c) C.\n\n(1) x\n\n(A) y\n\n(i) r1\n\n(ii) r2\n\n(iii) r3\n\n(iv) r4\n\n(v) r5\n")
    ids = [c.clause_id.split("/", 1)[1] for c in split(text_document(text))]
    assert "s5/c" in ids and "s5/b/1/A/c" not in ids  # '(c)' after '(ii)' is subsection (c), not roman 100
    assert ids[-1] == "s5/c/1/A/v"  # and '(v)' after '(iv)' stays roman
