"""Thumbs up / down on answers, kept beside the index (outside its generations, so re-ingest keeps them)."""
from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

FILE = "feedback.sqlite"
_LOCK = threading.Lock()


def record(index_dir: Path, *, question: str, answer: str, clause_ids: list[str], helpful: bool) -> int:
    """Store one vote with the question and what was shown; returns its id."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with _LOCK, sqlite3.connect(index_dir / FILE) as db:
        db.execute("CREATE TABLE IF NOT EXISTS feedback(id INTEGER PRIMARY KEY, at TEXT, question TEXT, "
                   "answer TEXT, clause_ids TEXT, helpful INTEGER)")
        cur = db.execute("INSERT INTO feedback(at, question, answer, clause_ids, helpful) VALUES (?, ?, ?, ?, ?)",
                         (datetime.now(UTC).isoformat(timespec="seconds"), question, answer,
                          json.dumps(clause_ids, ensure_ascii=False), int(helpful)))
        return int(cur.lastrowid or 0)


def all_feedback(index_dir: Path) -> list[dict[str, object]]:
    """Every stored vote, oldest first."""
    path = index_dir / FILE
    if not path.exists():
        return []
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT id, at, question, answer, clause_ids, helpful FROM feedback ORDER BY id").fetchall()
    return [{"id": r[0], "at": r[1], "question": r[2], "answer": r[3], "clause_ids": json.loads(r[4]),
             "helpful": bool(r[5])} for r in rows]
