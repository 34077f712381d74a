"""Clause and document records in SQLite, one database per index generation."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ingest.types import Actor, Clause

FILE = "clauses.sqlite"
SCHEMA = """
CREATE TABLE documents(
    doc_id TEXT PRIMARY KEY, title TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
    encoding TEXT, lang TEXT, clauses INTEGER NOT NULL, ingested_at TEXT NOT NULL, info TEXT NOT NULL);
CREATE TABLE clauses(
    row INTEGER PRIMARY KEY, clause_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL, ord INTEGER NOT NULL,
    number TEXT, kind TEXT, headings TEXT, text TEXT NOT NULL, start INTEGER, end INTEGER, page INTEGER,
    lang TEXT, cite TEXT, paragraphs TEXT, actors TEXT, refs TEXT, embed_hash TEXT, tokens TEXT);
CREATE INDEX clauses_by_doc ON clauses(doc_id, ord);
"""
_CLAUSE_COLUMNS = ("row, clause_id, doc_id, ord, number, kind, headings, text, start, end, page, lang, "
                   "cite, paragraphs, actors, refs, embed_hash, tokens")
_SELECT = ("SELECT c.clause_id, c.doc_id, d.title, c.number, c.headings, c.text, c.start, c.end, c.lang, "
           "c.kind, c.page, c.cite, c.paragraphs, c.actors, c.refs, c.row FROM clauses c "
           "JOIN documents d USING(doc_id)")


@dataclass(frozen=True)
class DocRecord:
    """What the index knows of one document."""

    doc_id: str
    title: str
    path: str
    sha256: str
    encoding: str
    lang: str
    clauses: int
    ingested_at: str
    info: dict[str, str] = field(default_factory=dict)


def _clause(row: sqlite3.Row) -> Clause:
    return Clause(
        clause_id=row[0], doc_id=row[1], title=row[2], number=row[3] or "",
        headings=tuple(json.loads(row[4] or "[]")), text=row[5], span=(row[6], row[7]), lang=row[8],
        kind=row[9], page=row[10], cite=row[11] or "",
        paragraphs=tuple(tuple(p) for p in json.loads(row[12] or "[]")),  # type: ignore[misc]
        actors=tuple(Actor(**a) for a in json.loads(row[13] or "[]")),
        refs=tuple(json.loads(row[14] or "[]")),
    )


def clause_values(row: int, ord_: int, c: Clause, embed_hash: str, tokens: Sequence[str]) -> tuple:
    """The column values of one clause row."""
    return (row, c.clause_id, c.doc_id, ord_, c.number, c.kind, json.dumps(list(c.headings), ensure_ascii=False),
            c.text, c.span[0], c.span[1], c.page, c.lang, c.cite, json.dumps([list(p) for p in c.paragraphs]),
            json.dumps([asdict(a) for a in c.actors], ensure_ascii=False), json.dumps(list(c.refs)),
            embed_hash, " ".join(tokens))


class ClauseStore:
    """One generation's SQLite database of documents and clauses."""

    def __init__(self, path: Path, *, readonly: bool = True) -> None:
        self.path = path
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}?mode=rwc"
        self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)

    @classmethod
    def create(cls, folder: Path) -> ClauseStore:
        store = cls(folder / FILE, readonly=False)
        store.db.executescript(SCHEMA)
        return store

    def close(self) -> None:
        self.db.close()

    def put_document(self, doc: DocRecord) -> None:
        values = asdict(doc)
        values["info"] = json.dumps(doc.info, ensure_ascii=False)
        self.db.execute("INSERT OR REPLACE INTO documents VALUES (:doc_id, :title, :path, :sha256, :encoding, "
                        ":lang, :clauses, :ingested_at, :info)", values)

    def put_clauses(self, rows: Iterable[tuple]) -> None:
        marks = ", ".join("?" * 18)
        self.db.executemany(f"INSERT INTO clauses({_CLAUSE_COLUMNS}) VALUES ({marks})", rows)

    def carry_over(self, old: Path, keep: Sequence[str]) -> list[int]:
        """Copy the kept documents and their clauses from an older database, renumbering rows.

        Returns the old rows in their new order, so vectors can follow them."""
        self.db.execute("ATTACH DATABASE ? AS old", (f"file:{old}?mode=ro",))
        self.db.execute("CREATE TEMP TABLE keep(doc_id TEXT PRIMARY KEY)")
        self.db.executemany("INSERT INTO keep VALUES (?)", [(d,) for d in keep])
        self.db.execute("INSERT INTO documents SELECT * FROM old.documents WHERE doc_id IN (SELECT doc_id FROM keep)")
        old_rows = [r for (r,) in self.db.execute(
            "SELECT row FROM old.clauses WHERE doc_id IN (SELECT doc_id FROM keep) ORDER BY row")]
        rest = _CLAUSE_COLUMNS.split(", ", 1)[1]
        self.db.execute(f"INSERT INTO clauses({_CLAUSE_COLUMNS}) SELECT ROW_NUMBER() OVER (ORDER BY row) - 1, "
                        f"{rest} FROM old.clauses WHERE doc_id IN (SELECT doc_id FROM keep) ORDER BY row")
        self.db.commit()
        self.db.execute("DETACH DATABASE old")
        return old_rows

    def commit(self) -> None:
        self.db.commit()

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM clauses").fetchone()[0])

    def documents(self) -> list[DocRecord]:
        rows = self.db.execute("SELECT * FROM documents ORDER BY doc_id").fetchall()
        return [DocRecord(*r[:8], info=json.loads(r[8])) for r in rows]  # type: ignore[misc]

    def document(self, doc_id: str) -> DocRecord | None:
        return next((d for d in self.documents() if d.doc_id == doc_id), None)

    def by_rows(self, rows: Sequence[int]) -> list[Clause]:
        """Clauses at the given rows, in the order asked."""
        if not rows:
            return []
        marks = ", ".join("?" * len(rows))
        found = {r[15]: _clause(r) for r in self.db.execute(f"{_SELECT} WHERE c.row IN ({marks})", list(rows))}
        return [found[r] for r in rows if r in found]

    def by_ids(self, clause_ids: Sequence[str]) -> list[Clause]:
        """Clauses with the given ids, in the order asked; unknown ids are left out."""
        if not clause_ids:
            return []
        marks = ", ".join("?" * len(clause_ids))
        found = {r[0]: _clause(r) for r in self.db.execute(f"{_SELECT} WHERE c.clause_id IN ({marks})",
                                                            list(clause_ids))}
        return [found[i] for i in clause_ids if i in found]

    def row_map(self) -> dict[str, int]:
        """Clause id -> row, for every clause."""
        return dict(self.db.execute("SELECT clause_id, row FROM clauses"))

    def of_document(self, doc_id: str) -> list[Clause]:
        """A document's clauses in reading order."""
        return [_clause(r) for r in self.db.execute(f"{_SELECT} WHERE c.doc_id = ? ORDER BY c.ord", (doc_id,))]

    def all_clauses(self) -> Iterable[Clause]:
        """Every clause, document by document, in reading order."""
        for r in self.db.execute(f"{_SELECT} ORDER BY c.doc_id, c.ord"):
            yield _clause(r)

    def tokens(self) -> list[list[str]]:
        """Index terms of every row, in row order."""
        return [t.split() if t else [] for (t,) in self.db.execute("SELECT tokens FROM clauses ORDER BY row")]

    def doc_numbers(self) -> np.ndarray:
        """For each row, in row order, a number standing for its document."""
        numbers: dict[str, int] = {}
        return np.asarray([numbers.setdefault(d, len(numbers)) for (d,) in
                           self.db.execute("SELECT doc_id FROM clauses ORDER BY row")], dtype=np.int32)

    def tokens_of(self, rows: Sequence[int]) -> dict[int, list[str]]:
        """Index terms of some rows."""
        if not rows:
            return {}
        marks = ", ".join("?" * len(rows))
        return {r: (t or "").split() for r, t in self.db.execute(
            f"SELECT row, tokens FROM clauses WHERE row IN ({marks})", list(rows))}

    def contains_text(self, text: str, lang: str) -> bool:
        """True when some clause in `lang` holds `text` as written."""
        return self.db.execute("SELECT 1 FROM clauses WHERE lang = ? AND instr(text, ?) > 0 LIMIT 1",
                               (lang, text)).fetchone() is not None

    def texts_with_chars(self, chars: str, lang: str, limit: int = 2000) -> list[str]:
        """Texts of clauses in `lang` that hold every character of `chars` (at most `limit` of them)."""
        where = " AND ".join("instr(text, ?) > 0" for _ in chars)
        return [t for (t,) in self.db.execute(f"SELECT text FROM clauses WHERE lang = ? AND {where} LIMIT ?",
                                              (lang, *chars, limit))]

    def embed_hashes(self) -> dict[str, int]:
        """A row per embedding-text hash, so unchanged clause texts reuse their vectors."""
        return {h: r for h, r in self.db.execute("SELECT embed_hash, row FROM clauses")}

    def rows_where(self, *, doc_ids: Sequence[str] = (), lang: str = "", actor: str = "") -> list[int]:
        """Rows that pass the filters a user can set."""
        sql, args = "SELECT row FROM clauses WHERE 1=1", []
        if doc_ids:
            sql += f" AND doc_id IN ({', '.join('?' * len(doc_ids))})"
            args += list(doc_ids)
        if lang:
            sql += " AND lang = ?"
            args.append(lang)
        if actor:  # an actor's name as written or its canonical name, not the other fields of the record
            sql += (" AND EXISTS (SELECT 1 FROM json_each(clauses.actors) WHERE json_extract(value, '$.text') LIKE ?"
                    " OR json_extract(value, '$.canonical') LIKE ?)")
            args += [f"%{actor}%"] * 2
        return [r for (r,) in self.db.execute(sql, args)]
