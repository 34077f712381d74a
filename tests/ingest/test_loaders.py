"""Loading files into Documents: every format, the ways a file can be bad, and un-wrapping PDF text."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from ingest.loaders import SUFFIXES, doc_id_for, load
from ingest.loaders.numbering import chinese_count, format_number
from ingest.loaders.unwrap import Line, unwrap_pages
from ingest.types import Document, IngestError, Unit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EN_LINES = (FIXTURES / "en-source.txt").read_text(encoding="utf-8").splitlines()
ZH_LINES = (FIXTURES / "zh-source.txt").read_text(encoding="utf-8").splitlines()
ZH_SAMPLE = "第一条 为了加强安全生产工作，制定本法。\n第二条 生产经营单位应当遵守本法。\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    """Write a file under tmp_path (str as UTF-8) and return its path."""
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def reason(path: Path, **options: int) -> str:
    """The reason load() gives for refusing a file."""
    with pytest.raises(IngestError) as caught:
        load(path, **options)
    assert caught.value.path == str(path)
    return caught.value.reason


def squeeze(line: str) -> str:
    """A line without any whitespace, for comparing text whose wrapping swallowed spaces."""
    return "".join(line.split())


# ---------------------------------------------------------------- ids, suffixes, size


@pytest.mark.parametrize(("name", "expected"), [
    ("安全生产法(2021-06-10).md", "安全生产法(2021-06-10)"),
    ("（一）说明.docx", "（一）说明"),
    ("Work  Safety\tLaw v2.txt", "Work-Safety-Law-v2"),
    ("..hidden.notes.txt", "hidden.notes"),
    ("--a__b--c.pdf", "a__b-c"),
    ("a\x00b\x07c.txt", "a-b-c"),
    ("Cafe\u0301 menu.html", "Café-menu"),
    ("———.txt", "document"),
    ("...txt", "document"),
])
def test_doc_id_for_keeps_letters_digits_and_safe_punctuation(name: str, expected: str) -> None:
    assert doc_id_for(Path(name)) == expected


def test_suffixes_are_the_supported_formats() -> None:
    assert frozenset({".txt", ".md", ".pdf", ".docx", ".html", ".htm", ".jsonl"}) == SUFFIXES


def test_suffix_is_matched_case_insensitively(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "Notice.TXT", "Hello"))
    assert (doc.doc_id, doc.text) == ("Notice", "Hello")


def test_unsupported_missing_empty_and_special_files_are_refused(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "a.xyz", "x")) == "unsupported file type .xyz"
    assert reason(write(tmp_path, "README", "x")) == "unsupported file type (no suffix)"
    assert reason(tmp_path / "missing.txt").startswith("cannot read: ")
    assert reason(write(tmp_path, "empty.txt", b"")) == "empty file"
    assert reason(write(tmp_path, "blank.txt", " \n\t\n")) == "no text"
    (tmp_path / "folder.txt").mkdir()
    assert reason(tmp_path / "folder.txt") == "not a regular file"


def test_a_large_file_is_refused_from_its_size_without_being_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as sparse:
        sparse.truncate(210 * 2**20)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    assert reason(path) == "file is 210 MB, over the 50 MB limit (REGKB_MAX_FILE_MB)"


def test_max_bytes_is_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "x" * 2_000)
    assert reason(path, max_bytes=1_500) == "file is 0.0019 MB, over the 0.0014 MB limit (REGKB_MAX_FILE_MB)"
    assert load(path, max_bytes=2_000).text == "x" * 2_000


def test_document_records_path_and_checksum(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "abc")
    doc = load(path)
    assert doc == Document(doc_id="a", title="", text="abc", path=str(path),
                           sha256="ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")


# ---------------------------------------------------------------- plain text


def test_newlines_are_normalised_and_nothing_else_changes(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "a.md", "# Title\r\n\r\n  Line one  \rLine two\n\tTabbed\n"))
    assert doc.text == "# Title\n\n  Line one  \nLine two\n\tTabbed\n"
    assert (doc.encoding, doc.title, doc.page_starts, doc.units) == ("utf-8", "", (), None)


@pytest.mark.parametrize(("codec", "encoding"), [
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),
    ("utf-32", "utf-32"),
    ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("gb2312", "gb18030"),
])
def test_chinese_text_is_decoded_from_common_encodings(tmp_path: Path, codec: str, encoding: str) -> None:
    doc = load(write(tmp_path, "law.txt", ZH_SAMPLE.encode(codec)))
    assert (doc.text, doc.encoding) == (ZH_SAMPLE, encoding)


def test_a_bom_character_is_removed(tmp_path: Path) -> None:
    assert load(write(tmp_path, "a.txt", "\ufeffabc")).text == "abc"


def test_western_legacy_text_falls_back_to_detection(tmp_path: Path) -> None:
    text = "Le café du coin. La sécurité d'abord, toujours et partout. Où est l'hôpital ?\n" * 3
    doc = load(write(tmp_path, "fr.txt", text.encode("cp1252")))
    # charset-normalizer guesses among single-byte code pages; on short text it may pick a sibling of cp1252
    assert doc.encoding.startswith("cp") and len(doc.text) == len(text)
    assert [c for c in doc.text if c.isascii()] == [c for c in text if c.isascii()]


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(256)) * 4,
    b"\x01\x02\x03\x04\x05\x06abc\x07\x08",
    b"abc\x00def",
])
def test_binary_data_is_refused(tmp_path: Path, data: bytes) -> None:
    assert reason(write(tmp_path, "junk.txt", data)) == "binary data, not text"


# ---------------------------------------------------------------- PDF


def test_english_pdf_gives_the_source_paragraphs_one_per_line() -> None:
    doc = load(FIXTURES / "en-wrapped.pdf")
    assert [squeeze(line) for line in doc.text.split("\n")] == [squeeze(line) for line in EN_LINES]
    assert doc.title == "Government and department safety responsibilities"
    assert len(doc.page_starts) == 5 and doc.page_starts[0] == 0
    assert doc.page_at(doc.text.index("(6) Supervise and guide the safety supervision department")) == 3
    assert doc.page_at(doc.text.index("Reference materials Source")) == 5


def test_chinese_pdf_gives_the_source_paragraphs_one_per_line() -> None:
    doc = load(FIXTURES / "zh-wrapped.pdf")
    assert [squeeze(line) for line in doc.text.split("\n")] == [squeeze(line) for line in ZH_LINES]
    assert doc.text.startswith("## 第一章 总则\n第一条 为了加强安全生产工作，")
    assert (doc.title, doc.page_starts, doc.encoding) == ("中华人民共和国安全生产法", (0, 945, 1949), "")
    assert doc.page_at(doc.text.index("各级人民政府应当加强安全生产基础设施建设")) == 2
    assert doc.page_at(doc.text.index("第十四条 有关协会组织")) == 3


def pdf_bytes(*, pages: int = 1, encrypt: str | None = None) -> bytes:
    """A text-less PDF of blank pages, optionally encrypted with a user password."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    if encrypt is not None:
        writer.encrypt(user_password=encrypt, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_encrypted_with_an_empty_password_is_read(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=FIXTURES / "zh-wrapped.pdf")
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "open.pdf"
    writer.write(path)
    assert load(path).text == load(FIXTURES / "zh-wrapped.pdf").text


def test_unreadable_pdfs_say_why(tmp_path: Path) -> None:
    locked = write(tmp_path, "locked.pdf", pdf_bytes(encrypt="secret"))
    assert reason(locked) == "encrypted PDF: a password is needed"
    assert reason(write(tmp_path, "scan.pdf", pdf_bytes(pages=2))) == "no text layer — OCR it first"
    assert reason(write(tmp_path, "fake.pdf", "just text")) == "not a PDF (no %PDF- header)"
    whole = (FIXTURES / "en-wrapped.pdf").read_bytes()
    for cut in (len(whole) // 3, len(whole) - 30):
        truncated = write(tmp_path, f"cut{cut}.pdf", whole[:cut])
        assert reason(truncated).startswith("not a PDF (truncated or damaged): ")


# ---------------------------------------------------------------- un-wrapping


TEN = "一二三四五六七八九十"  # a full line in these tests


def lines(*texts: str) -> list[Line]:
    """Lines without positions."""
    return [Line(text) for text in texts]


def test_chinese_lines_join_without_space_until_a_short_line_ends_a_sentence() -> None:
    page = lines(TEN, TEN, "一二三四五。", TEN, "一二三。")
    assert unwrap_pages([page]) == (f"{TEN}{TEN}一二三四五。\n{TEN}一二三。", (0,))


def test_a_full_line_ending_a_sentence_is_still_joined() -> None:
    page = lines(TEN, "一二三四五六七八九。", TEN, "一二三。", TEN)
    assert unwrap_pages([page])[0] == f"{TEN}一二三四五六七八九。{TEN}一二三。\n{TEN}"


def test_structural_starts_always_begin_a_line() -> None:
    page = lines("第一章 总则", "第一条 一二三四五六七", "（一）一二三四五六七八", "(1) abc", "(a) def",
                 "(iv) ghi",
                 "2. jkl", "§ 5 mno", "# Heading", "第三条规定的一二三四五")
    # '第三条规定' is a reference inside a sentence, not the start of an article
    expected = [line.text for line in page[:-2]] + ["# Heading第三条规定的一二三四五"]
    assert unwrap_pages([page])[0].split("\n") == expected


def test_a_label_alone_on_its_line_keeps_a_space_before_its_text() -> None:
    assert unwrap_pages([lines("第一条", "为了加强安全生产工作。")])[0] == "第一条 为了加强安全生产工作。"


def test_english_lines_join_with_one_space_and_mend_hyphenated_words() -> None:
    page = lines("The quick brown fox jumps over the", "lazy dog and the well-", "known cat.",
                 "A new paragraph begins here.")
    assert unwrap_pages([page])[0].split("\n") == [
        "The quick brown fox jumps over the lazy dog and the well-known cat.", "A new paragraph begins here."]


def test_a_wider_gap_between_baselines_breaks_a_paragraph() -> None:
    page = [Line("word " * 8, 700), Line("word " * 8, 686), Line("ends here", 672),
            Line("next " * 8, 650), Line("more", 636)]
    first, second = unwrap_pages([page])[0].split("\n")
    assert (first, second) == (("word " * 16).strip() + " ends here", ("next " * 8).strip() + " more")


def test_paragraphs_continue_across_pages_and_page_numbers_are_dropped() -> None:
    first = lines("- 1 -", TEN, TEN, TEN, TEN, TEN, "— 1 —")
    second = lines("继续。", "第二条 一二三。", "第 2 页")
    text, starts = unwrap_pages([first, [], second])
    assert text == TEN * 5 + "继续。\n第二条 一二三。"
    assert starts == (0, 50, 50)


def test_page_starts_for_empty_pages_at_either_end() -> None:
    assert unwrap_pages([[], lines("abc."), []]) == ("abc.", (0, 0, 4))
    assert unwrap_pages([]) == ("", ())


# ---------------------------------------------------------------- DOCX


def save(document: docx.document.Document, path: Path) -> Path:
    """Save a python-docx document and return its path."""
    document.save(str(path))
    return path


def add_numbering(document: docx.document.Document) -> None:
    """Define list 90: level 0 '（%1）' counting in Chinese, level 1 '(%2)'; list 91 restarts it."""
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%1）"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def numbered(document: docx.document.Document, text: str, num_id: int, *, level: int = 0,
             style: str | None = None) -> None:
    """Add a paragraph with Word automatic numbering (w:numPr)."""
    paragraph = document.add_paragraph(text, style=style)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def test_docx_of_the_chinese_lines_gives_the_same_lines(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "中华人民共和国安全生产法"
    for line in ZH_LINES:
        document.add_paragraph(line)
        document.add_paragraph("")
    doc = load(save(document, tmp_path / "aqsf.docx"))
    assert doc.text.split("\n") == ZH_LINES
    assert (doc.title, doc.encoding, doc.page_starts) == ("中华人民共和国安全生产法", "utf-8", ())


def test_docx_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    document = docx.Document()
    add_numbering(document)
    document.add_paragraph("第五条 下列单位应当：")
    numbered(document, "矿山企业；", 90)
    numbered(document, "地下矿山；", 90, level=1)
    numbered(document, "露天矿山。", 90, level=1)
    numbered(document, "", 90)  # empty items are counted, as Word draws them
    numbered(document, "建筑施工单位。", 90)
    numbered(document, "another list restarts", 91)
    numbered(document, "numbering switched off", 0)
    numbered(document, "Heading keeps its text", 90, style="Heading 1")
    for text in ("first", "second"):
        document.add_paragraph(text, style="List Number")  # numbered through its style, not the paragraph
    doc = load(save(document, tmp_path / "lists.docx"))
    assert doc.text.split("\n") == [
        "第五条 下列单位应当：", "（一）矿山企业；", "(1) 地下矿山；", "(2) 露天矿山。",
        "（三）建筑施工单位。", "（一）another list restarts", "numbering switched off",
        "Heading keeps its text",
        "1. first", "2. second",
    ]


def test_docx_tables_come_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("before")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "a1", (0, 1): "b1", (1, 0): "a2", (1, 1): "b2"}.items():
        table.cell(row, col).text = text
    document.add_paragraph("after\tthe table")
    assert load(save(document, tmp_path / "t.docx")).text == "before\na1\nb1\na2\nb2\nafter\tthe table"


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deflated zip archive of the given members."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_unreadable_docx_files_say_why(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "a.docx", "plain text")) == "not a DOCX (not a zip archive)"
    old = write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert reason(old) == "not a DOCX: an old .doc file or a password-protected document"
    other = write(tmp_path, "other.docx", zip_bytes({"hello.txt": b"hi"}))
    assert reason(other) == "not a DOCX (a zip archive, but not an Office document)"
    broken = write(tmp_path, "broken.docx", zip_bytes({"[Content_Types].xml": b"<not xml"}))
    assert reason(broken).startswith("not a DOCX (damaged or not a Word document): ")


def test_a_docx_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    members = {"[Content_Types].xml": b"<Types/>", "word/media/x.bin": bytes(25_000_000)}
    bomb = write(tmp_path, "bomb.docx", zip_bytes(members))
    assert bomb.stat().st_size < 1_000_000
    assert reason(bomb, max_bytes=2**20) == "DOCX expands to more than 20 MB (zip bomb?)"


@pytest.mark.parametrize(("value", "fmt", "label"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCounting", "二十"), (105, "chineseCountingThousand", "一百零五"),
    (3, "ideographTraditional", "丙"), (28, "lowerLetter", "bb"), (4, "upperRoman", "IV"),
    (9, "lowerRoman", "ix"),
    (2, "decimalEnclosedCircle", "②"),
    (7, "decimalZero", "07"), (12, "decimalFullWidth", "１２"), (5, "ordinal", "5"),
])
def test_word_number_formats(value: int, fmt: str, label: str) -> None:
    assert format_number(value, fmt) == label


def test_chinese_counting_has_zeros_where_digits_are_skipped() -> None:
    assert [chinese_count(n) for n in (11, 101, 110, 1001, 1010, 2024)] == [
        "十一", "一百零一", "一百一十", "一千零一", "一千零一十", "二千零二十四"]


# ---------------------------------------------------------------- HTML


def test_html_gives_visible_text_one_line_per_block(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title> 安全生产法 </title><style>p {color: red}</style>
    <script>var x = "<p>hidden</p>";</script></head>
    <body><noscript>enable js</noscript><template><p>template</p></template>
    <h1>中华人民共和国<br>安全生产法</h1>
    <div>第一条 为了加强<b>安全生产</b>工作，
        制定本法。<p>第二条&nbsp;适用&lt;本法&gt;。</p>尾</div>
    <ul><li>one</li><li>two <!-- note --></li></ul>
    <table><tr><td>a1</td><td>b1</td></tr><tr><th>a2</th><td>b2</td></tr></table>
    <pre>keep
  this</pre></body></html>"""
    doc = load(write(tmp_path, "law.html", page))
    assert doc.title == "安全生产法"
    assert doc.text.split("\n") == [
        "中华人民共和国", "安全生产法", "第一条 为了加强安全生产工作， 制定本法。", "第二条 适用<本法>。",
        "尾",
        "one", "two", "a1 b1", "a2 b2", "keep", "this"]
    assert doc.encoding == "utf-8"


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' \
           "<body><h1>标题</h1><p>第一条 内容。</p></body></html>"
    doc = load(write(tmp_path, "gbk.htm", page.encode("gbk")))
    assert (doc.title, doc.text, doc.encoding) == ("标题", "标题\n第一条 内容。", "gb18030")


def test_deeply_nested_html_does_not_overflow_the_stack(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "deep.html", "<div>" * 5_000 + "deep text" + "</div>" * 5_000))
    assert doc.text == "deep text"


# ---------------------------------------------------------------- JSONL


def test_jsonl_units_become_a_pre_split_document(tmp_path: Path) -> None:
    rows = [
        '{"id": "aqsf/a1", "text": "第一条 为了加强安全生产工作。", "doc": "aqsf 2021",'
        ' "title": "安全生产法",'
        ' "number": "第一条", "headings": ["第一章 总则"], "page": 1}',
        "",
        '{"id": "aqsf/a2", "text": "第二条 适用本法。", "doc": "aqsf 2021", "title": "ignored", "extra": 1}',
    ]
    doc = load(write(tmp_path, "units.jsonl", "\n".join(rows) + "\n"))
    assert (doc.doc_id, doc.title) == ("aqsf-2021", "安全生产法")
    assert doc.text == "第一条 为了加强安全生产工作。\n\n第二条 适用本法。"
    assert doc.units == (
        Unit(clause_id="aqsf/a1", text="第一条 为了加强安全生产工作。", number="第一条",
             headings=("第一章 总则",), page=1),
        Unit(clause_id="aqsf/a2", text="第二条 适用本法。"),
    )


@pytest.mark.parametrize(("rows", "expected"), [
    (['{"id": "1", "text": "a", "doc": "d"}', '{"id": "2", "text": "b", "doc": "d"', ""],
     "line 2: bad JSON (Expecting ',' delimiter at column 36)"),
    (['{"id": "1", "text": "a", "doc": "d"}', "", '{"id": "1", "text": "b", "doc": "d"}'],
     "line 3: duplicate id '1' (first on line 1)"),
    (['{"id": "1", "text": "a", "doc": "d"}', '{"id": "2", "text": "b", "doc": "e"}'],
     "line 2: doc 'e' differs from 'd' on earlier lines"),
    (['{"id": "1", "text": " ", "doc": "d"}'], "line 1: 'text' must be a non-empty string"),
    (['{"id": 1, "text": "a", "doc": "d"}'], "line 1: 'id' must be a non-empty string"),
    (['{"id": "1", "text": "a"}'], "line 1: 'doc' must be a non-empty string"),
    (['{"id": "1", "text": "a", "doc": "d", "page": true}'], "line 1: 'page' must be a positive integer"),
    (['{"id": "1", "text": "a", "doc": "d", "headings": "x"}'],
     "line 1: 'headings' must be a list of strings"),
    (['["a list"]'], "line 1: not a JSON object"),
    (["", "  "], "no units: every line is blank"),
])
def test_bad_jsonl_names_the_line(tmp_path: Path, rows: list[str], expected: str) -> None:
    assert reason(write(tmp_path, "bad.jsonl", "\n".join(rows))) == expected


# ---------------------------------------------------------------- properties

PLAIN = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")) | st.sampled_from("\n\r\t")
HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
CHINESE = HANZI | st.sampled_from("，。；：（）\n\r 0129abcXYZ")
# each example rewrites the same file, so sharing tmp_path between examples is harmless
SHARED_TMP = [HealthCheck.function_scoped_fixture]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=SHARED_TMP)


@SETTINGS
@given(text=st.text(PLAIN, min_size=1))
def test_utf8_text_round_trips(tmp_path: Path, text: str) -> None:
    assume(text.strip() and not text.startswith("\ufeff"))
    doc = load(write(tmp_path, "p.txt", text.encode("utf-8")))
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(text=st.text(CHINESE, min_size=1))
def test_gb18030_text_round_trips(tmp_path: Path, text: str) -> None:
    data = text.encode("gb18030")
    assume(text.strip())
    try:
        data.decode("utf-8")
        assume(False)  # bytes that are also valid UTF-8 are read as UTF-8: the two cannot be told apart
    except UnicodeDecodeError:
        pass
    doc = load(write(tmp_path, "p.txt", data))
    assert (doc.text, doc.encoding) == (text.replace("\r\n", "\n").replace("\r", "\n"), "gb18030")


def mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    """Damaged copies of a real file: cut short, bytes overwritten, or junk spliced in."""
    cut = st.integers(0, len(seed)).map(lambda n: seed[:n])
    overwrite = st.tuples(st.integers(0, len(seed) - 1), st.binary(min_size=1, max_size=16)).map(
        lambda t: seed[: t[0]] + t[1] + seed[t[0] + len(t[1]):])
    return st.one_of(cut, overwrite)


SMALL_DOCX = io.BytesIO()
docx.Document().save(SMALL_DOCX)
SMALL_PDF = pdf_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=SHARED_TMP)
@given(suffix=st.sampled_from([".txt", ".pdf", ".docx", ".html", ".jsonl"]),
       data=st.one_of(st.binary(max_size=300), mutations(SMALL_PDF), mutations(SMALL_DOCX.getvalue())))
def test_any_bytes_give_a_document_or_an_ingest_error(tmp_path: Path, suffix: str, data: bytes) -> None:
    try:
        doc = load(write(tmp_path, "x" + suffix, data))
    except IngestError as error:
        assert error.reason and "\n" not in error.reason
    else:
        assert isinstance(doc, Document) and doc.text.strip()
