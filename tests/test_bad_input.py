"""Whatever officials feed `regkb ingest`: a clear error naming the file, exit status 1, the index untouched.

Odd but valid input (GBK, UTF-16, mixed line endings, HTML with scripts, odd file names) goes in correctly.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from index import generations
from index.kb import KnowledgeBase
from regkb import api
from regkb.config import Settings
from tests.helpers import SEED

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "tests" / "fixtures" / "en-wrapped.pdf"
ZH = "第一条 生产经营单位应当遵守本条例。\n\n第二条 应急管理部门负责监督检查。\n"


def ingest(path: Path, index: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "REGKB_INDEX": str(index), "HF_HUB_OFFLINE": "1", **env}
    return subprocess.run([sys.executable, "-m", "regkb.cli", "ingest", str(path)], cwd=ROOT, env=full,
                          capture_output=True, text=True, timeout=300)


def snapshot(index: Path) -> tuple[str, str, list[str]]:
    live = generations.current(index)
    assert live is not None
    return live.name, (live / "manifest.json").read_text(), sorted(p.name for p in index.iterdir())


@pytest.fixture(scope="module")
def base_index(tmp_path_factory, embedder) -> Path:
    settings = Settings.from_env(index_dir=tmp_path_factory.mktemp("base") / "index")
    assert api.ingest_paths(settings, [SEED], embedder=embedder).ok
    return settings.index_dir


@pytest.fixture
def index(base_index, tmp_path) -> Path:
    copy = tmp_path / "index"
    shutil.copytree(base_index, copy)
    return copy


def _encrypted(path: Path, password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(PDF))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    writer.write(path)
    return path


def _blank_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(path)
    return path


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))  # 30 MB of zeros, ~30 KB on disk
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


BAD = {
    "empty.txt": (lambda p: _write(p, b""), "empty file"),
    "junk.txt": (lambda p: _write(p, os.urandom(4096)), "binary data"),
    "junk.pdf": (lambda p: _write(p, b"\x00\x01" * 3000), "not a PDF"),
    "junk.docx": (lambda p: _write(p, b"\x00\x01" * 3000), "not a DOCX"),
    "truncated.pdf": (lambda p: _write(p, PDF.read_bytes()[: PDF.stat().st_size // 3]), "not a PDF"),
    "locked.pdf": (lambda p: _encrypted(p, "secret"), "encrypted PDF: a password is needed"),
    "scanned.pdf": (_blank_pdf, "no text layer — OCR it first"),
    "bomb.docx": (_zip_bomb, "zip bomb"),  # run with a 1 MB file limit: 30 MB unpacked is then a bomb
    "huge.txt": (lambda p: _sparse(p, 200 * 1024 * 1024), "over the 50 MB limit"),
    "notes.xyz": (lambda p: _write(p, b"some text"), "unsupported file type .xyz"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_named_refused_and_changes_nothing(name, index, tmp_path):
    make, reason = BAD[name]
    path = make(tmp_path / name)
    before = snapshot(index)
    result = ingest(path, index, **({"REGKB_MAX_FILE_MB": "1"} if name == "bomb.docx" else {}))
    assert result.returncode == 1, result.stderr
    assert f"rejected  {path}: " in result.stderr and reason in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(index) == before


def test_bad_files_beside_good_ones_do_not_stop_them(index, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("empty.txt", "junk.pdf", "scanned.pdf"):
        BAD[name][0](folder / name)
    (folder / "条例.md").write_text(ZH, encoding="utf-8")
    result = ingest(folder, index)
    assert result.returncode == 1
    assert result.stderr.count("rejected") == 3 and "added  条例  (2 clauses)" in result.stdout


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16"])
def test_chinese_in_other_encodings_goes_in_unmangled(encoding, index, tmp_path, embedder):
    path = tmp_path / f"条例-{encoding}.txt"
    path.write_bytes(ZH.replace("\n", "\r\n").encode(encoding))  # utf-16 writes its BOM
    result = ingest(path, index)
    assert result.returncode == 0, result.stderr
    clauses = KnowledgeBase(index, embedder=embedder).clauses_of(f"条例-{encoding}")
    assert [c.text for c in clauses] == ["第一条 生产经营单位应当遵守本条例。", "第二条 应急管理部门负责监督检查。"]


def test_mixed_line_endings(index, tmp_path, embedder):
    path = tmp_path / "mixed-endings.txt"
    path.write_bytes("第一条 甲应当报告。\r\n\r\n第二条 乙应当审批。\r\r第三条 丙负责检查。\n".encode())
    assert ingest(path, index).returncode == 0
    clauses = KnowledgeBase(index, embedder=embedder).clauses_of("mixed-endings")
    assert [c.number for c in clauses] == ["第一条", "第二条", "第三条"]


def test_pdf_with_empty_user_password_is_read(index, tmp_path, embedder):
    path = _encrypted(tmp_path / "open-lock.pdf", "")
    result = ingest(path, index)
    assert result.returncode == 0, result.stderr
    clauses = KnowledgeBase(index, embedder=embedder).clauses_of("open-lock")
    assert clauses and clauses[0].page == 1


def test_html_scripts_are_dropped(index, tmp_path, embedder):
    path = tmp_path / "page.html"
    path.write_text("<html><head><script>steal()</script><style>p{}</style></head><body>"
                    "<h1>Rules</h1><p>1. The operator shall <b>report</b> fires.</p>"
                    "<script>alert(1)</script></body></html>", encoding="utf-8")
    assert ingest(path, index).returncode == 0
    text = " ".join(c.text for c in KnowledgeBase(index, embedder=embedder).clauses_of("page"))
    assert "The operator shall report fires." in text and "steal" not in text and "alert" not in text


@pytest.mark.parametrize("name", ["..evil.txt", "bell\x07name.txt", "back\\slash.txt", "new\nline.txt"])
def test_odd_file_names_get_safe_ids(name, index, tmp_path, embedder):
    path = tmp_path / name
    path.write_text("1. The employer shall keep records.\n", encoding="utf-8")
    result = ingest(path, index)
    assert result.returncode == 0, result.stderr
    ids = [d.doc_id for d in KnowledgeBase(index, embedder=embedder).documents()]
    new = [i for i in ids if i != "government-and-department-safety-responsibilities"]
    assert len(new) == 1
    assert all(ch.isalnum() or ch in "-_.()" for ch in new[0]) and not new[0].startswith(".")
