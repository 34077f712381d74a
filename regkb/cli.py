"""`regkb` commands: parse arguments, call the library, print. No logic lives here."""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from index.embedder import ModelError
from index.generations import LockTimeout
from index.kb import EmptyIndex
from index.manifest import IndexMismatch
from regkb import api
from regkb.config import Settings

_INDEX_HELP = "Index folder (default: $REGKB_INDEX, else ~/.local/share/regkb/index)."
_KNOWN = (IndexMismatch, ModelError, LockTimeout, EmptyIndex, OSError, ValueError)


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"regkb: {message}", err=True)
    sys.exit(code)


class _Bar:
    """A tqdm progress bar on a terminal, silence elsewhere."""

    def __init__(self) -> None:
        self.bar = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.bar, self.stage = tqdm(total=total, desc=stage, unit="clause", file=sys.stderr), stage
        self.bar.n = done  # type: ignore[union-attr]
        self.bar.refresh()  # type: ignore[union-attr]

    def file(self, path: Path, n: int, total: int) -> None:
        self("reading files", n, total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


@click.group()
def main() -> None:
    """regkb — ask who is responsible, and get the clauses that say so."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help=_INDEX_HELP)
@click.option("--rebuild", is_flag=True, help="Re-embed everything (after changing the model).")
def ingest(paths: tuple[Path, ...], index_dir: Path | None, rebuild: bool) -> None:
    """Add or update the regulations in PATHS (files or folders)."""
    settings = Settings.from_env(index_dir=index_dir)
    bar = _Bar()
    try:
        report = api.ingest_paths(settings, list(paths), rebuild=rebuild, progress=bar, on_file=bar.file)
    except _KNOWN as exc:
        bar.close()
        _fail(str(exc))
    bar.close()
    for doc_id in report.added + report.updated:
        click.echo(f"{'updated' if doc_id in report.updated else 'added'}  {doc_id}  "
                   f"({report.clauses[doc_id]} clauses)")
    if report.unchanged:
        click.echo(f"unchanged  {len(report.unchanged)} document(s)")
    for error in report.errors:
        click.echo(f"rejected  {error.path}: {error.reason}", err=True)
    sys.exit(0 if report.ok else 1)


def _print_answer(kb: api.KnowledgeBase, question: str, answer: api.Answer, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(api.answer_json(kb, question, answer), ensure_ascii=False))
        return
    click.echo(answer.text)
    if answer.recipients:
        click.echo(f"Goes to: {'; '.join(answer.recipients)}")
    if answer.responsible:
        click.echo(f"Responsible: {'; '.join(answer.responsible)}   (confidence {answer.confidence:.2f})")
    for note in answer.notes:
        click.echo(f"Note: {note}")
    for i, hit in enumerate(answer.citations, start=1):
        c = hit.clause
        click.echo(f"\n[{i}] {c.cite or c.clause_id}" + (f"  p.{c.page}" if c.page else ""))
        if c.headings:
            click.echo("    " + " › ".join(c.headings))
        click.echo("    " + c.text.replace("\n", "\n    "))


@main.command()
@click.argument("question")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help=_INDEX_HELP)
@click.option("--k", "k", type=click.IntRange(1, 100), default=None, help="How many clauses to cite (default 5).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON object of the answer.")
def ask(question: str, index_dir: Path | None, k: int | None, as_json: bool) -> None:
    """Answer QUESTION from the index; with '-', answer one question per line of standard input."""
    settings = Settings.from_env(index_dir=index_dir)
    try:
        kb = api.open_kb(settings)
        questions = (line.strip() for line in sys.stdin) if question == "-" else iter([question])
        for q in questions:
            if q:
                _print_answer(kb, q, api.ask(kb, q, k=k or settings.k), as_json or question == "-")
                sys.stdout.flush()
    except _KNOWN as exc:
        _fail(str(exc))


@main.command()
@click.argument("doc_ids", nargs=-1, required=True)
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help=_INDEX_HELP)
def remove(doc_ids: tuple[str, ...], index_dir: Path | None) -> None:
    """Take documents (by id, as `regkb docs` lists them) out of the index."""
    settings = Settings.from_env(index_dir=index_dir)
    try:
        removed, missing = api.remove_documents(settings, list(doc_ids))
    except _KNOWN as exc:
        _fail(str(exc))
    for doc_id in removed:
        click.echo(f"removed  {doc_id}")
    for doc_id in missing:
        click.echo(f"not in the index  {doc_id}", err=True)
    sys.exit(1 if missing else 0)


@main.command()
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help=_INDEX_HELP)
def docs(index_dir: Path | None) -> None:
    """List the documents in the index."""
    settings = Settings.from_env(index_dir=index_dir)
    try:
        for d in api.open_kb(settings).documents():
            click.echo(f"{d.doc_id}\t{d.clauses} clauses\t{d.title}")
    except _KNOWN as exc:
        _fail(str(exc))


@main.command()
@click.argument("actor")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help=_INDEX_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def duties(actor: str, index_dir: Path | None, as_json: bool) -> None:
    """Every duty of ACTOR (any actor whose name contains it), grouped by document, with citations."""
    settings = Settings.from_env(index_dir=index_dir)
    try:
        found = api.duties_of(api.open_kb(settings), actor)
    except _KNOWN as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps([asdict(d) for d in found], ensure_ascii=False, indent=1))
        return
    if not found:
        _fail(f"no duties found for an actor named like {actor!r}; see `regkb map` for the actors", 1)
    title = ""
    for d in found:
        if d.title != title:
            title = d.title
            click.echo(f"\n{title}")
        note = f" (now {d.successor})" if d.successor else ""
        click.echo(f"  {d.cite}  [{d.written}{note}]\n    {d.duty}")


@main.command(name="map")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help=_INDEX_HELP)
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
def responsibility_map(index_dir: Path | None, fmt: str) -> None:
    """The responsibility map: actors and their duties, shared duties, duties without an actor, conflicts."""
    settings = Settings.from_env(index_dir=index_dir)
    try:
        rmap = api.responsibility_map(api.open_kb(settings))
    except _KNOWN as exc:
        _fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(rmap.as_json(), ensure_ascii=False, indent=1))
        return
    writer = csv.writer(sys.stdout)
    writer.writerow(["actor", "as_written", "level", "successor", "how", "clause_id", "document", "cite", "duty"])
    for d in rmap.duties:
        writer.writerow([d.actor, d.written, d.level, d.successor, d.how, d.clause_id, d.title, d.cite, d.duty])


@main.command()
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help=_INDEX_HELP)
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1; $REGKB_HOST).")
@click.option("--port", type=int, default=None, help="Port (default 7860; $REGKB_PORT).")
def serve(index_dir: Path | None, host: str | None, port: int | None) -> None:
    """Start the web app."""
    import app

    settings = Settings.from_env(index_dir=index_dir, host=host, port=port)
    app.serve(settings)


if __name__ == "__main__":
    main()
