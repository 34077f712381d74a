"""Splitter properties on generated documents: any text splits, every body character lands in exactly
one clause, headings and titles travel with the clauses, and clause ids hold when a document is split
again or grows a new article at its end."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.pipeline import read
from ingest.structure import family_for, split
from ingest.structure.markers import strip_hashes
from ingest.structure.paragraphs import Paragraph, paragraphs
from ingest.structure.tree import Mark
from ingest.types import Clause, Document, IngestError
from tests.helpers import text_document

SETTINGS = settings(max_examples=60, deadline=None)
HEADS = ("title", "heading")

# ---------------------------------------------------------------- the coverage oracle


def _marked(text: str) -> list[tuple[Paragraph, Mark]]:
    """Paragraphs with what the chosen family says each one is: the spec of body text versus headings."""
    paras = paragraphs(text)
    return list(zip(paras, family_for(paras).marks(paras), strict=True))


def check_split(doc: Document, clauses: list[Clause]) -> None:
    """Every non-space character is in one clause (body), or carried in `title`/`headings` (never both)."""
    text = doc.text
    covered = bytearray(len(text))
    end = 0
    for c in clauses:
        a, b = c.span
        assert end <= a < b, f"{c.clause_id} is empty, overlaps or is out of order"
        assert text[a:b] == c.text == c.text.strip(), c.clause_id
        covered[a:b] = b"\x01" * (b - a)
        end = b
    assert len({c.clause_id for c in clauses}) == len(clauses)
    marked = _marked(text)
    role = bytearray(len(text))  # 0 outside every paragraph, 1 body, 2 title or heading, 3 markup
    for p, mark in marked:
        kind = 2 if mark.kind in HEADS else 3 if mark.kind == "skip" else 1
        role[p.start:p.end] = bytes([kind]) * (p.end - p.start)
        cut = strip_hashes(p.text)[1]  # markdown '#### ' before a US section is markup, not body
        role[p.start:p.start + cut] = b"\x03" * cut
    for i, ch in enumerate(text):
        if not ch.isspace():
            where = repr(text[max(i - 20, 0):i + 20])
            assert role[i], f"{ch!r} is in no paragraph: {where}"
            assert covered[i] == (role[i] == 1) or role[i] == 3, f"{ch!r} lost or held twice: {where}"
    _check_headings_travel(marked, clauses)


def _check_headings_travel(marked: list[tuple[Paragraph, Mark]], clauses: list[Clause]) -> None:
    """A title reaches every clause's `title`; a heading reaches the `headings` of the clause after it."""
    for i, (p, mark) in enumerate(marked):
        words = strip_hashes(p.text)[0].strip()
        if mark.kind not in HEADS or not words:
            continue
        if mark.kind == "title":
            assert all(words in c.title for c in clauses), words
            continue
        after = next((c for c in clauses if c.span[0] >= p.end), None)
        superseded = any(m.kind in HEADS and strip_hashes(q.text)[0].strip() for q, m in marked[i + 1:]
                         if after and q.start < after.span[0])
        if after and not superseded:
            assert words in after.headings, (words, after.clause_id, after.headings)


def check_numbers_lead(doc: Document, clauses: list[Clause]) -> None:
    """Where the family reports the number as written, the clause text begins with it."""
    family = family_for(paragraphs(doc.text)).name
    if family == "us-code":  # '§ 654(a)(1)' is a path, and '§654' is reported as '§ 654'
        return
    for c in clauses:
        # a 款 after items is numbered by its article; the later pieces of a long clause start mid-text
        if c.number and "~part" not in c.clause_id and not (
                family == "zh-law" and c.kind == "paragraph"):
            assert c.text.startswith(c.number), (c.clause_id, c.number, c.text[:40])


# ---------------------------------------------------------------- generated documents


@dataclass(frozen=True)
class Generated:
    """A generated document, the units its structure implies, and one more unit to append."""

    text: str
    expected: list[tuple[str, str, str]]  # (id after the doc id, number reported, mark the text opens with)
    sep: str
    more: str


def cn(n: int) -> str:
    """Chinese numeral for 1..999 as statutes write article numbers, built apart from ingest.text."""
    digits = "零一二三四五六七八九"
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = f"{digits[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (digits[ones] if ones else "")


# no numerals, no 第/条/章: filler never reads as a number or a heading
HANZI = "安全生产经营单位应当建立健全责任制度加强管理保障从业人员的人身财产监督检查部门负责组织实施"
WORDS = ("employer", "employee", "shall", "provide", "safe", "workplace", "hazard", "records", "inspection",
         "standard", "notice", "training", "equipment", "health", "agency", "report", "within", "days", "written",
         "program", "each", "every", "any", "such", "the", "of", "and", "to", "for", "with", "under")
OPENERS = ("Each", "The", "Every", "An", "Such", "No")  # never 'Section', 'Article', 'Rule', 'Part'


def zh_sentence(end: str = "。") -> st.SearchStrategy[str]:
    phrase = st.text(st.sampled_from(HANZI), min_size=2, max_size=12)
    return st.lists(phrase, min_size=1, max_size=3).map(lambda ps: "，".join(ps) + end)


def en_sentence(end: str = ".") -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=10)
    return st.tuples(st.sampled_from(OPENERS), words).map(lambda t: " ".join([t[0], *t[1]]) + end)


def en_title() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(lambda ws: " ".join(ws).title())


@st.composite
def chinese_laws(draw: st.DrawFn) -> Generated:
    """A statute: title, optional preamble and 第X章 chapters, 第N条 articles with 款, （一） items."""
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n\u3000\n", "\r\n\r\n"]))
    indent = draw(st.sampled_from(["", "\u3000\u3000", "  "]))
    name = draw(st.text(st.sampled_from(HANZI), min_size=2, max_size=12)) + draw(st.sampled_from("法例定"))
    lines = [draw(st.sampled_from(["# ", ""])) + name]
    expected: list[tuple[str, str, str]] = []
    if draw(st.booleans()):
        lines.append(f"（{draw(st.integers(1990, 2024))}年{draw(st.integers(1, 12))}月1日通过）")
        expected.append(("preamble", "", ""))
    chapters = draw(st.booleans())
    chapter = 0
    first = draw(st.integers(1, 150))
    last = first + draw(st.integers(1, 6))
    for n in range(first, last + 1):
        if chapters and (n == first or draw(st.integers(0, 3)) == 0):
            chapter += 1
            lines.append(f"{draw(st.sampled_from(['## ', '']))}第{cn(chapter)}章 {draw(zh_sentence(''))}")
        subs = [""] + (["之一"] if draw(st.integers(0, 5)) == 0 else [])
        for sub in subs:
            lines += _article(draw, n, sub, expected)
    more = f"第{cn(last + 1)}条 {draw(zh_sentence())}"
    return Generated(sep.join(indent + line for line in lines), expected, sep, more)


def _article(draw: st.DrawFn, n: int, sub: str, expected: list[tuple[str, str, str]]) -> list[str]:
    number = f"第{cn(n)}条{sub}"
    key = f"a{n}" + ("-1" if sub else "")
    expected.append((key, number, number))
    kuan = draw(st.lists(zh_sentence(), min_size=1, max_size=3))
    items = draw(st.integers(0, 4))
    if items:
        kuan[-1] = kuan[-1][:-1] + "："
    kuan[0] = f"{number}{draw(st.sampled_from([' ', '　', '  ']))}{kuan[0]}"
    paren = draw(st.sampled_from(["（{}）", "({})"]))
    lines = kuan + [paren.format(cn(i)) + draw(zh_sentence("；")) for i in range(1, items + 1)]
    expected += [(f"{key}/i{i}", paren.format(cn(i)), paren.format(cn(i))) for i in range(1, items + 1)]
    if items and draw(st.booleans()):  # a 款 after the items is a unit of its own
        lines.append(draw(zh_sentence()))
        expected.append((f"{key}/p{len(kuan) + 1}", number, ""))
    return lines


US_MARKS = ("abcde", "12345", "ABCD", ("i", "ii", "iii", "iv"))


@st.composite
def us_code(draw: st.DrawFn) -> Generated:
    """A US Code chapter in markdown: title lines, `#### § N.` sections, (a)/(1)/(A)/(i) below them."""
    sep = draw(st.sampled_from(["\n\n", "\n", "\n \n"]))
    title = f"# Title {draw(st.integers(1, 54))}— {draw(en_title()).upper()}"
    lines = [title + "\n### CHAPTER " + f"{draw(st.integers(1, 200))}— {draw(en_title()).upper()}"]
    expected: list[tuple[str, str, str]] = []
    first = draw(st.integers(1, 900))
    last = first + draw(st.integers(0, 3))
    for n in range(first, last + 1):
        if n > first and draw(st.integers(0, 4)) == 0:
            lines.append(f"### SUBCHAPTER {'I' * draw(st.integers(1, 3))}— {draw(en_title()).upper()}")
        lines.append(f"#### § {n}. {draw(en_title())}")
        expected.append((f"s{n}", f"§ {n}", f"§ {n}"))
        if draw(st.booleans()):
            lines.append(draw(en_sentence()))  # the section's own words before its subsections
        _us_units(draw, 0, (f"s{n}", f"§ {n}"), lines, expected)
    more = f"#### § {last + 1}. {draw(en_title())}{sep}(a) {draw(en_sentence())}"
    return Generated(sep.join(lines), expected, sep, more)


def _us_units(draw: st.DrawFn, depth: int, parent: tuple[str, str], lines: list[str],
              expected: list[tuple[str, str, str]]) -> bool:
    """Units below `parent`, depth first; True when a roman-numeral clause was written."""
    roman = False
    for mark in US_MARKS[depth][:draw(st.integers(0, 3 if depth < 2 else 2))]:
        heading = depth == 0 and draw(st.booleans())  # '###### (b)' as some chapters write subsections
        lines.append(("###### " if heading else "") + f"({mark}) {draw(en_sentence())}")
        key, number = f"{parent[0]}/{mark}", f"{parent[1]}({mark})"
        expected.append((key, number, f"({mark})"))
        below = depth < 3 and _us_units(draw, depth + 1, (key, number), lines, expected)
        roman = roman or depth == 3 or below
    return roman


@st.composite
def numbered_prose(draw: st.DrawFn) -> Generated:
    """Numbered English: a title, `1.` sections (maybe `1.1` below), lead-ins ending ':' and `(1)` items."""
    sep = draw(st.sampled_from(["\n\n", "\n", "\n \n", "\r\n"]))
    wrap = "\n" if sep in ("\n\n", "\n \n") and draw(st.booleans()) else ""  # soft-wrapped paragraphs
    style = draw(st.sampled_from(["{}.", "Section {}.", "Article {}", "{}"]))
    lines = [draw(en_title())]
    expected: list[tuple[str, str, str]] = []
    count = draw(st.integers(1, 4))
    for n in range(1, count + 1):
        number, key = style.format(n), f"s{n}"
        lines.append(f"{number} {draw(en_sentence())}")
        expected.append((key, number, number))
        lines += draw(st.lists(en_sentence(), max_size=2))  # the section's own paragraphs
        subsections = draw(st.integers(0, 2)) if style.startswith("{}") else 0
        for k in range(1, subsections + 1):
            lines.append(f"{n}.{k} {draw(en_sentence())}")
            expected.append((f"{key}/s{n}.{k}", f"{n}.{k}", f"{n}.{k}"))
            _lists(draw, f"{key}/s{n}.{k}", lines, expected)
        if not subsections:
            _lists(draw, key, lines, expected)
    if wrap:
        lines = [_wrap(line) for line in lines]
    return Generated(sep.join(lines), expected, sep, f"{style.format(count + 1)} {draw(en_sentence())}")


def _lists(draw: st.DrawFn, parent: str, lines: list[str], expected: list[tuple[str, str, str]]) -> None:
    """Lead-ins with their items, each item maybe continued by a paragraph of its own."""
    for k in range(1, draw(st.integers(0, 2)) + 1):
        lines.append(draw(en_sentence(":")))
        expected.append((f"{parent}/l{k}", "", ""))
        marks = draw(st.sampled_from(["123456", "abcdef"]))
        for mark in marks[:draw(st.integers(1, 4))]:
            lines.append(f"({mark}) {draw(en_sentence())}")
            expected.append((f"{parent}/l{k}/{mark}", f"({mark})", f"({mark})"))
            lines += draw(st.lists(en_sentence(), max_size=1))


def _wrap(line: str) -> str:
    """Break a line at its middle space, as a text editor wraps a paragraph."""
    spaces = [i for i, ch in enumerate(line) if ch == " "][1:]
    if not spaces:
        return line
    cut = spaces[len(spaces) // 2]
    return line[:cut] + "\n" + line[cut + 1:]


FAMILIES = st.one_of(chinese_laws(), us_code(), numbered_prose())

# messy text: lines opening with any family's marks, odd spaces and line ends, control characters, long runs
OPENINGS = st.sampled_from([
    "", "", "第一条 ", "第二条", "第三条　", "第十条之一 ", "第1条 ", "（一）", "(二)", "一、",
    "## 第一章 总则", "第三节 ",
    "#### § 5. ", "§ 6 ", "###### (b) ", "(a) ", "(1) ", "(A) ", "(ii) ", "(c) ", "1. ", "1.2 ", "Section 3. ",
    "# ", "#", "<!-- x -->", "\u3000\u3000", "\t", "  ",
])
BODY = st.one_of(
    st.sampled_from(["：", "shall:", "。", "第", "条", "十", "1", "本法第二十条第一款", "29 U.S.C. § 654(a)", "\x00",
                     "\x0c", "\x85", "\u200b", "\ufeff", "\r", "\t"]),
    st.text(max_size=12), zh_sentence(), en_sentence(),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "词", "a ", "。", "x."]), st.integers(200, 6000)),
)
LINE_ENDS = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\n\u3000\n", "\x0b", "\u2028", "\r"])
LINE = st.tuples(OPENINGS, st.lists(BODY, max_size=3), LINE_ENDS).map(lambda t: t[0] + "".join(t[1]) + t[2])
MESSY = st.lists(LINE, max_size=25).map("".join)


# ---------------------------------------------------------------- properties


@SETTINGS
@given(text=st.text() | MESSY)
@example("测试条例\n\n第一条 总则。\n\n第一1条 由应急管理部门负责。\n\n第2十条 另一条。\n")  # mixed numerals
@example("测试条例\n\n第一条 下列事项：\n（零）第一项；\n（九千九千九千）第二项。\n")  # items with no 第N项
@example("# Title 29\n\n####§ 2. Section two\n\n(a) The Secretary shall act.\n")  # no space after '#'s
def test_any_text_splits_into_clauses_that_hold_all_its_body_text(text: str) -> None:
    doc = text_document(text)
    clauses = split(doc)
    check_split(doc, clauses)
    check_numbers_lead(doc, clauses)
    assert split(doc) == clauses


@settings(max_examples=50, deadline=None)
@given(text=MESSY | FAMILIES.map(lambda g: g.text), max_chars=st.integers(20, 400))
@example(text="Rules\n\n1.2 " + "a " * 400, max_chars=200)  # a cut inside '1.2' lost the number's lead
def test_long_clauses_are_cut_into_pieces_that_tile_them(text: str, max_chars: int) -> None:
    doc = text_document(text)
    clauses = split(doc, max_chars=max_chars)
    check_split(doc, clauses)
    check_numbers_lead(doc, clauses)
    assert all(len(c.text) <= max_chars for c in clauses)


def check_generated(gen: Generated) -> None:
    """The splitter finds the units the generator wrote, and each carries its parent's opening words."""
    doc = text_document(gen.text)
    clauses = split(doc)
    check_split(doc, clauses)
    check_numbers_lead(doc, clauses)
    assert [(c.clause_id, c.number) for c in clauses] == [(f"doc/{k}", n) for k, n, _ in gen.expected]
    by_id = {c.clause_id: c for c in clauses}
    for c, (_, _, opening) in zip(clauses, gen.expected, strict=True):
        assert c.text.startswith(opening), (c.clause_id, c.text[:40])
        parent = by_id.get(c.clause_id.rsplit("/", 1)[0])
        if parent:  # an item under its lead-in, a subsection under its section heading
            words = " ".join(parent.text[:parent.paragraphs[0][1]].split())[:200]
            assert any(h.startswith(words) for h in c.headings), (c.clause_id, words, c.headings)


@SETTINGS
@given(gen=chinese_laws())
def test_chinese_law_articles_paragraphs_and_items_are_found(gen: Generated) -> None:
    check_generated(gen)


@SETTINGS
@given(gen=us_code())
def test_us_code_sections_and_their_nested_units_are_found(gen: Generated) -> None:
    check_generated(gen)


@SETTINGS
@given(gen=numbered_prose())
def test_numbered_sections_lead_ins_and_items_are_found(gen: Generated) -> None:
    check_generated(gen)


@SETTINGS
@given(gen=FAMILIES, max_chars=st.sampled_from([4000, 300, 60]), trailing=st.sampled_from(["", "\n"]))
def test_clause_ids_hold_when_a_unit_is_appended(gen: Generated, max_chars: int, trailing: str) -> None:
    before = split(text_document(gen.text + trailing), max_chars=max_chars)
    after = split(text_document(gen.text + gen.sep + gen.more + trailing), max_chars=max_chars)
    assert before == split(text_document(gen.text + trailing), max_chars=max_chars)
    assert after[:len(before)] == before and len(after) > len(before)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MESSY | FAMILIES.map(lambda g: g.text))
@example(text="测试条例\n\n第一条 依照本法第十1条处理。\n\n第二条 乙。\n")  # a mixed numeral in a reference
def test_reading_a_file_gives_clauses_or_an_ingest_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "regulation.txt"  # each example rewrites the same file
    path.write_bytes(text.encode("utf-8"))
    try:
        _, clauses = read(path, max_bytes=2**20)
    except IngestError as error:
        assert error.reason and "\n" not in error.reason
    else:
        assert clauses and len({c.clause_id for c in clauses}) == len(clauses)
