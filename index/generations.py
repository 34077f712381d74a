"""Index generations on disk: build a new folder, then switch one pointer file atomically.

    index_dir/
      CURRENT          name of the live generation (replaced with os.replace, never edited)
      gen-000007/      manifest.json, clauses.sqlite, vectors.faiss, lexical/
      tmp-…/           a generation being built; removed if its writer died
      LOCK             held by the one writer at a time

A crash at any moment leaves CURRENT naming a complete generation: the old one or the new one.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import time
import uuid
from pathlib import Path

CURRENT = "CURRENT"
_GEN = re.compile(r"^gen-(\d{6,})$")


def checkpoint(name: str) -> None:
    """A named step where a fault-injection test may kill this process (REGKB_CRASH_AT=name).

    Crash safety is tested by dying at each of these steps, as SQLite tests its own commits."""
    if os.environ.get("REGKB_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


class LockTimeout(Exception):
    """Another writer holds the index."""


def current(index_dir: Path) -> Path | None:
    """The live generation folder, or None for an index never written."""
    try:
        name = (index_dir / CURRENT).read_text().strip()
    except FileNotFoundError:
        return None
    folder = index_dir / name
    if not _GEN.match(name) or not folder.is_dir():
        raise FileNotFoundError(f"{index_dir / CURRENT} names {name!r}, which is not a generation folder")
    return folder


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        _fsync(path)
    _fsync(folder)


def new_folder(index_dir: Path) -> Path:
    """A fresh, private folder to build the next generation in."""
    index_dir.mkdir(parents=True, exist_ok=True)
    folder = index_dir / f"tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    return folder


def _next_name(index_dir: Path) -> str:
    numbers = [int(m.group(1)) for p in index_dir.iterdir() if (m := _GEN.match(p.name))]
    return f"gen-{max(numbers, default=0) + 1:06d}"


def publish(index_dir: Path, folder: Path) -> Path:
    """Make a fully written folder the live generation; returns its final path."""
    _fsync_tree(folder)
    checkpoint("before-rename")
    final = index_dir / _next_name(index_dir)
    os.rename(folder, final)
    checkpoint("after-rename")
    pointer = index_dir / f"{CURRENT}.tmp"
    pointer.write_text(final.name + "\n")
    _fsync(pointer)
    checkpoint("before-switch")
    os.replace(pointer, index_dir / CURRENT)
    _fsync(index_dir)
    checkpoint("after-switch")
    return final


def collect_garbage(index_dir: Path, *, keep: int = 2) -> None:
    """Remove unfinished folders and all but the newest `keep` generations up to the live one.

    Call only while holding the writer lock."""
    live = current(index_dir)
    gens = sorted(p for p in index_dir.iterdir() if _GEN.match(p.name))
    if live is not None:
        older = [g for g in gens if g.name <= live.name]
        doomed = older[:-keep] + [g for g in gens if g.name > live.name]  # newer ones were never published
    else:
        doomed = gens
    doomed += [p for p in index_dir.iterdir() if p.name.startswith("tmp-")]
    for path in doomed:
        shutil.rmtree(path, ignore_errors=True)


class WriterLock:
    """An exclusive lock on the index folder for the one writer at a time."""

    def __init__(self, index_dir: Path, *, timeout: float = 600.0) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self.path = index_dir / "LOCK"
        self.timeout = timeout
        self.fd: int | None = None

    def __enter__(self) -> WriterLock:
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(self.fd)
                    raise LockTimeout(f"another regkb process is writing to {self.path.parent}") from None
                time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
