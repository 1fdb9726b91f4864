"""Use cases that tie the layers together: import files, re-compute events."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from timeline import stories
from timeline.article_dates import mention_events, parse_published, publication_date, undated_reason
from timeline.edits import CarriedValues, RenamedArticles
from timeline.ingest import (
    ArticleFile,
    BadArticle,
    PageStep,
    Rejected,
    UnreadableFile,
    WebArticles,
    article_uid,
    collect_files,
    content_bytes,
    empty_folders,
    format_of,
    open_source,
    origin_of,
    pasted_suffix,
)
from timeline.ingest.dedup import canonical_parts, uid_of_parts
from timeline.ingest.timeline_xml import TimelineEntry
from timeline.model import Article, ArticleDraft, DateValue, Event
from timeline.processes import (
    UNGUARDED,
    Stopped,
    UnguardedScript,
    WorkerDied,
    Workers,
    bootstrapping,
    default_processes,
)
from timeline.store import Store, StoreError
from timeline.store import edits as user_edits
from timeline.store import stories as story_store
from timeline.store.listing import published_starts
from timeline.store.schema import pair_parts, pair_words, search_parts
from timeline.store.store import ArticleWriter, EventRow, event_row
from timeline.text.normalize import fold_presentation_forms

if TYPE_CHECKING:
    from timeline.stories.copies import Signed
    from timeline.text.encoding import Encoding

# Progress(done, total, label).  For an import: done counts the records read so far
# (articles added, already stored or skipped) over every file; total is an estimate
# made from bytes until the last file ends, when it is exact: records so far plus the
# bytes still to read at the rate seen so far (2 KB a record before the first one).
# label names the file being read.  For recompute: articles done of all, label "#id".
Progress = Callable[[int, int, str], None]
# PageProgress(label, step): how far a long read of one record is (a PDF's pages, the
# OCR of its scans), which Progress, counted in records, cannot show; label names the
# file.  Called at most every _PROGRESS_EVERY seconds, and as each such read starts.
PageProgress = Callable[[str, PageStep], None]
# Asked between articles (and between files): True stops the import; the file being
# read is rolled back and files already imported stay, each one whole.
Cancelled = Callable[[], bool]
_PROGRESS_EVERY = 0.1  # seconds between progress calls while a file is read
_BYTES_PER_RECORD = 2048  # the estimate before a record is read
_REJECTIONS_KEPT = 5
_RECOMPUTE_CHUNK = 500  # articles read at a time to re-compute their events, at most
_RECOMPUTE_FIRST = 32  # the first time, before their sizes are known
_RECOMPUTE_CHARS = 20_000_000  # characters read at a time, about

T = TypeVar("T")


@dataclass
class FileResult:
    """What importing one file did."""

    path: Path | str  # a file, or the URL it was fetched from
    added: int = 0
    duplicates: int = 0
    undated: int = 0
    untitled: int = 0  # added without a title, named by their first line
    error: str | None = None
    rejected: int = 0  # records skipped because they cannot be articles
    rejections: list[str] = field(default_factory=list)  # the first few: "line 686: ..."
    encoding: str = ""  # as read: "UTF-8", "UTF-16", "Windows-1256"
    replaced: int = 0  # bytes that did not decode, stored as U+FFFD
    undated_examples: list[str] = field(default_factory=list)  # "'9999-12-31': year ..."
    # Articles the library held with a note of their own, which was kept, where the
    # file's record carried another (edits.CarriedValues).
    notes_kept: int = 0
    # What the user said that the file carried (an added event, a mention's correction)
    # and that no longer reads in the text or its date (edits.CarriedValues): left out.
    left_out: int = 0
    # Scanned pages of its PDFs left unread (no OCR here): the rest of each was stored.
    unread_scans: int = 0
    # The ids of the articles it added, as runs (first, last): one a file, as its
    # transaction holds the store and ids are given in turn (what "undo" removes).
    added_ids: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file's name, or the whole URL."""
        return self.path.name if isinstance(self.path, Path) else self.path

    def reject(self, item: Rejected) -> None:
        self.rejected += 1
        if item.rest_lost:
            # A file cut short is said first: after a dozen empty rows it was not kept
            # (a .csv.gz cut at half reported "skipped 14 record(s)... row 13082: empty
            # body; ..." and nothing of the 2,000 rows it never read).
            self.rejections.insert(0, str(item))
            del self.rejections[_REJECTIONS_KEPT:]
        elif len(self.rejections) < _REJECTIONS_KEPT:
            self.rejections.append(str(item))

    def fail(self, reason: str) -> None:
        """The file is not imported: nothing of it was stored."""
        self.error = reason
        self.added = self.duplicates = self.undated = self.untitled = self.notes_kept = 0
        self.left_out = self.unread_scans = 0
        self.added_ids = []

    def note_added(self, article_id: int) -> None:
        runs = self.added_ids
        if runs and runs[-1][1] == article_id - 1:
            runs[-1] = (runs[-1][0], article_id)
        else:
            runs.append((article_id, article_id))


@dataclass
class ImportReport:
    """What an import of many files did, file by file."""

    files: list[FileResult] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    empty: list[Path] = field(default_factory=list)  # folders given with no file in them
    cancelled: bool = False  # stopped by the caller; the file it was reading is not stored

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    def added_ids(self) -> Iterator[int]:
        """The ids of the articles the import added (of the files it stored)."""
        for result in self.files:
            if result.error is None:
                for first, last in result.added_ids:
                    yield from range(first, last + 1)

    @property
    def rejected(self) -> int:
        """Records skipped because they cannot be articles, over the files stored.

        A file that failed stored nothing, so none of its records were skipped: its
        error says why it failed (a strict import fails on the first such record).
        """
        return sum(f.rejected for f in self.files if f.error is None)

    @property
    def undated(self) -> int:
        return sum(f.undated for f in self.files)

    @property
    def untitled(self) -> int:
        return sum(f.untitled for f in self.files)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.error is not None]


def stated_event(article_id: int, stated: TimelineEntry) -> Event:
    """The range a .timeline event gave (start to end), kept apart from the text's mentions."""
    return Event(
        article_id=article_id,
        kind="stated",
        start=stated.start,
        end=stated.end,
        granularity="interval",
        value=f"{stated.start_text}/{stated.end_text}",
        label=stated.draft.title,
    )


def sign_text(title: str, body: str) -> Signed:
    """The signature, band keys and word hashes of an article (pure: runs in a worker
    process)."""
    return sign_texts([(title, body)])[0]


def sign_texts(articles: Sequence[tuple[str, str]]) -> list[Signed]:
    """sign_text() of each (title, body), made for all of them at once (a worker's batch:
    stories.sign_texts)."""
    return stories.sign_texts([stories.article_text(title, body) for title, body in articles])


def sign_article(store: Store, article_id: int, title: str, body: str) -> int | None:
    """Sign a stored article and join it to the copies already stored; its cluster or None.

    Bounded per article: the band index gives the candidates (no rescan of the store).
    """
    return sign_articles(store, [(article_id, title, body)])[0]


def sign_articles(
    store: Store,
    articles: Sequence[tuple[int, str, str]],
    counts: _DocumentCounts | None = None,
    prepared: Mapping[int, Signed] | None = None,
    recent: Mapping[int, tuple[np.ndarray, np.ndarray]] | None = None,
    bands: stories.copies.BandIndex | None = None,
    pending: _PendingBands | None = None,
) -> list[int | None]:
    """Sign stored articles (id, title, body) and join each to its copies; their clusters.

    The same clusters as signing them one at a time in id order (each is compared with
    the stored articles and the batch's earlier ones), in a few statements for the whole
    batch: one look-up of every band key, one read of the candidates' signatures, one
    write of the signatures and band rows, and each word's document count asked once.
    counts: the document counts of the same import's earlier batches, if any (the
    articles given were stored after they were counted).  prepared: the signatures of
    some of them, already made (sign_text, in a worker process).  recent: the distinct
    word hashes and shingles (Signed.word_hashes, Signed.shingles) of other articles,
    which a verdict may read (the same import's earlier batches).  bands: every band
    row of the store, held in memory (an import into a store that held none): the
    candidates are looked up there, and the batch's rows added to it.  pending: band
    rows of the same transaction not yet written (_PendingBands), looked up beside the
    store's, and the batch's rows held there too (with bands None); given with bands,
    the batch's rows are held in bands alone, for the caller to write (_Signer).
    """
    batch = sorted(articles)
    prepared = prepared or {}
    texts = {a: (title, body) for a, title, body in batch}
    unsigned = [a for a in texts if a not in prepared]
    ready = dict(prepared)
    ready.update(zip(unsigned, sign_texts([texts[a] for a in unsigned]), strict=True))
    signed = [(a, ready[a].signature, ready[a].keys) for a in texts]
    limit = stories.copies.BUCKET_LIMIT
    # The candidates of the whole batch at once from the rows in memory (an import's
    # own), else each key's holders looked up and followed one by one (copies_in_batch).
    compared = None
    if bands is not None:
        compared = bands.candidates([(a, keys) for a, _sig, keys in signed], limit)
    holders: dict[int, list[int]] = {}
    if compared is not None:
        others = {i for held in compared for i in held}.difference(texts)
    else:
        every_key = np.concatenate([keys for _a, _s, keys in signed]) if signed else np.zeros(0)
        if bands is not None:
            holders = bands.holders(every_key.astype(np.int64), limit)
        else:
            holders = story_store.band_holders(store, every_key.astype(np.int64), limit)
            if pending is not None:
                holders = pending.with_holders(holders, every_key.astype(np.int64), limit)
        others = {i for held in holders.values() for i in held}
    rows = story_store.signature_rows(store, others)
    sigs = {i: stories.Signature.from_bytes(blob, n) for i, (n, blob, _p) in rows.items()}
    sigs.update((article_id, sig) for article_id, sig, _keys in signed)
    published = {i: start for i, (_n, _blob, start) in rows.items()}
    published.update(published_starts(store, texts))
    if counts is None:
        counts = _DocumentCounts(store)
    counts.added(ready[a].word_hashes for a in texts)
    read = _ArticleWords(store, texts, ready, recent or {})

    def judge(a: int, b: int) -> _PairOfArticles:
        return _PairOfArticles(read, a, b, counts)

    if compared is not None:
        found = stories.copies.copies_of_candidates(signed, compared, sigs, judge, published)
    else:
        found = stories.copies_in_batch(signed, holders, sigs, judge, published)
    held_back = pending is not None  # in bands, or else in pending
    story_store.save_signatures(
        store,
        [(a, sig.shingles, sig.to_bytes(), keys) for a, sig, keys in signed],
        bands=not held_back,
    )
    if bands is not None:
        bands.add([(a, keys) for a, _sig, keys in signed])
    elif pending is not None:
        pending.add(store, [(a, keys) for a, _sig, keys in signed])
    return [story_store.join_copies(store, a, copies) for a, copies in found]


class _ArticleWords:
    """The words and shingles of the articles whose verdicts read them (a few of a
    batch), each made once: the batch's from their texts, others read from the store."""

    def __init__(
        self,
        store: Store,
        texts: Mapping[int, tuple[str, str]],
        signed: Mapping[int, Signed],
        recent: Mapping[int, tuple[np.ndarray, np.ndarray]],
    ) -> None:
        self.store, self.texts, self.signed, self.known = store, texts, signed, recent
        self.made_words: dict[int, list[str]] = {}
        self.made: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.made_rare: dict[int, np.ndarray] = {}

    def _text(self, article_id: int) -> str:
        text = self.texts.get(article_id) or story_store.article_texts(self.store, article_id)
        return "" if text is None else stories.article_text(*text)

    def words(self, article_id: int) -> list[str]:
        found = self.made_words.get(article_id)
        if found is None:
            found = self.made_words[article_id] = stories.words(self._text(article_id))
        return found

    def _hashes(self, article_id: int) -> tuple[np.ndarray, np.ndarray]:
        """The article's distinct word hashes (stories.word_hashes) and distinct shingle
        hashes (stories.shingle_hashes of its words), read off its text without cutting
        it into strings when no worker made them."""
        signed = self.signed.get(article_id)
        if signed is not None:  # made by a worker with the signature
            return signed.word_hashes, signed.shingles
        found = self.known.get(article_id)
        if found is None:
            found = self.made.get(article_id)
        if found is None:
            every_word, every = stories.text_hashes(self._text(article_id))
            distinct = stories.copies.distinct
            found = distinct(every_word), distinct(every).astype(np.uint32)
            self.made[article_id] = found
        return found

    def shingles(self, article_id: int) -> np.ndarray:
        return self._hashes(article_id)[1]

    def word_hashes(self, article_id: int) -> np.ndarray:
        return self._hashes(article_id)[0]

    def rare_hashes(
        self, article_id: int, counts: stories.copies.WordCounts, total: int
    ) -> np.ndarray:
        """stories.copies.rare_hashes of the article's words, found once a batch (the
        counts do not change while a batch is judged): an article is in several of its
        pairs (SaudiNewsNet's 5,625 pairs judged on their rare words asked 11,250 times
        for 7,884 articles' rare words: 0.45 -> 0.36 s of the writer's CPU)."""
        found = self.made_rare.get(article_id)
        if found is None:
            found = stories.copies.rare_hashes(self.word_hashes(article_id), counts, total)
            self.made_rare[article_id] = found
        return found


class _PairOfArticles:
    """stories.PairWords of two articles (their exact shingles, then their words)."""

    def __init__(self, read: _ArticleWords, a: int, b: int, counts: _DocumentCounts) -> None:
        self.read, self.a, self.b, self.counts = read, a, b, counts

    def overlap(self) -> stories.Overlap:
        return stories.copies.overlap_of_hashes(
            self.read.shingles(self.a), self.read.shingles(self.b)
        )

    def rare_shared(self) -> float:
        """The share of rare words (or a bound of it on the same side of the verdict's
        bar), the counts not yet known asked only as far as the verdict needs them."""
        counts = self.counts
        if counts.words is not None:  # every count at hand, by word hash
            return stories.copies.rare_share(
                self.read.rare_hashes(self.a, counts.words, counts.total),
                self.read.rare_hashes(self.b, counts.words, counts.total),
            )
        a, b = set(self.read.words(self.a)), set(self.read.words(self.b))
        return stories.copies.rare_shared_asking(a, b, counts.known(a | b), counts, counts.total)


class _DocumentCounts:
    """The store's document counts of words, each word asked of the index once.

    Counts up to the rare-word ceiling, as stories.copies reads them.  Kept from batch
    to batch of one import (one transaction: nothing is deleted meanwhile): added()
    carries the counts read so far forward over the articles stored since, so a word
    is asked of the index once per import, not once per batch.

    words: the import's own counts by word hash (stories.copies.WordCounts), kept when
    the store held no article before it: they are then the store's counts, and no
    word is asked of the index (the signer drops them past _WORDS_KEPT words).
    """

    def __init__(self, store: Store, words: stories.copies.WordCounts | None = None) -> None:
        self.store = store
        self.words = words
        self.exact: dict[str, int] = {}  # at most the ceiling when read
        self.common: dict[str, int] = {}  # more than the ceiling: a lower bound
        self.hashes: dict[int, str] = {}  # the words of exact by stories.hashes_of_words
        self.total = self.cap = 0
        self._ceiling()

    def _ceiling(self) -> None:
        self.total = story_store.article_total(self.store)
        self.cap = stories.copies.rare_ceiling(self.total)
        # A lower bound under a ceiling that rose no longer tells: ask again.
        for word in [w for w, n in self.common.items() if n <= self.cap]:
            del self.common[word]

    def added(self, articles: Iterable[np.ndarray]) -> None:
        """Articles (the word_hashes of each) put in the index after every count known
        so far."""
        exact, hashes = self.exact, self.hashes
        every = [held for held in articles if len(held)]
        if self.words is not None:
            self.words.add(every)
        if hashes and every:
            # Each article's hashes are distinct: how many articles hold a known word is
            # how often its hash comes up among them all (found in numpy, not a set each).
            known = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
            held = np.concatenate(every)
            found, times = np.unique(held[np.isin(held, known)], return_counts=True)
            for key, n in zip(found.tolist(), times.tolist(), strict=True):
                word = hashes[key]
                if _PLAIN_WORD.fullmatch(word):
                    exact[word] += n
                else:  # the index may cut it otherwise than words() does: ask again
                    del exact[word], hashes[key]
        self._ceiling()
        common = [(key, w) for key, w in hashes.items() if exact[w] > self.cap]
        for key, word in common:
            self.common[word] = exact.pop(word)
            del hashes[key]
        if len(exact) + len(self.common) > _COUNTS_KEPT:
            # Bounded memory over a long import: a word forgotten is asked again.
            exact.clear()
            hashes.clear()
            self.common.clear()

    def known(self, words: Set[str]) -> dict[str, int]:
        """The counts of those words that are known without asking the index."""
        exact, common = self.exact, self.common
        out = {w: exact[w] for w in words if w in exact}
        out.update((w, common[w]) for w in words if w in common)
        return out

    def __call__(self, words: Set[str]) -> Mapping[str, int]:
        exact, common = self.exact, self.common
        missing = sorted(w for w in words if w not in exact and w not in common)
        if missing:
            found = story_store.document_counts(self.store, missing, self.cap)
            keys = stories.hashes_of_words(missing).tolist()
            for word, key in zip(missing, keys, strict=True):
                n = found.get(word, 0)
                if n > self.cap:  # counted up to cap + 1 only
                    common[word] = n
                else:
                    exact[word] = n
                    self.hashes[key] = word
        return {w: exact[w] if w in exact else common[w] for w in words}


_COUNTS_KEPT = 200_000  # words whose document counts an import keeps at most
_WORDS_KEPT = 2_000_000  # words an import counts itself at most (16 bytes each)
_BANDS_KEPT = 4_000_000  # band rows an import keeps in memory at most (16 bytes each)
_PENDING_BANDS = 2_000_000  # band rows a file's import holds back at most (16 bytes each)


class _PendingBands:
    """Band rows a large file's import holds back from the store, written together in
    key order (sorted into the index in one pass) once there are _PENDING_BANDS of them
    and before the file's transaction ends (write).

    A batch's rows written as it was signed land on random pages of an index of 64 rows
    an article: past a few hundred thousand articles, with the writer's page cache far
    smaller than the index, each batch rewrote pages all over it (0.54 ms of CPU an
    article at 500,000 articles, against 0.12 ms for the same rows written two million
    at a time, measured alone).  Only for a file in a transaction of its own: its rows
    are all of that transaction, so a rollback drops them as it drops the rest.
    """

    def __init__(self) -> None:
        self.rows = stories.copies.BandIndex()

    def with_holders(
        self, holders: dict[int, list[int]], keys: np.ndarray, per_key: int
    ) -> dict[int, list[int]]:
        """The store's holders of keys (band_holders) with those held back here: each
        key's first per_key ids, as the store would give them were the rows written."""
        if not len(self.rows):
            return holders
        out = dict(holders)
        for key, held in self.rows.holders(keys, per_key).items():
            stored = out.get(key)
            out[key] = held if stored is None else sorted(set(stored) | set(held))[:per_key]
        return out

    def add(self, store: Store, rows: Sequence[tuple[int, Sequence[int] | np.ndarray]]) -> None:
        self.rows.add(rows)
        if len(self.rows) >= _PENDING_BANDS:
            self.write(store)

    def write(self, store: Store) -> None:
        """Write the rows held back (in the store's transaction) and forget them."""
        if len(self.rows):
            story_store.save_band_rows(store, self.rows.keys, self.rows.ids)
            self.rows = stories.copies.BandIndex()


# Words that the index cuts and folds as words() does (Arabic letters, ASCII letters
# and digits): their counts can be carried forward from the articles' words.
_PLAIN_WORD = re.compile("[\u0621-\u064a0-9a-z]+")


def _words_of(store: Store, article_id: int) -> list[str]:
    """An article's words read from the store (none when it is gone)."""
    texts = story_store.article_texts(store, article_id)
    return [] if texts is None else stories.words(stories.article_text(*texts))


_SIGN_BATCH = 500  # articles signed together at import
# ... or fewer, when their text passes this many characters: a batch of long articles
# (up to the 10 MB cap each) is held whole, its words too, until it is signed.
_SIGN_BATCH_CHARS = 16_000_000


_SHINGLES_KEPT = 4000  # articles (about 4 KB each)


class _OwnRows:
    """An import's own band rows and word counts, kept in memory while they are all the
    store has (it held no band row, no article, when the import began): see
    sign_articles and _DocumentCounts.  Kept from file to file of one import while
    each file is stored whole; dropped past their bounds (the store answers then)."""

    def __init__(self, store: Store) -> None:
        no_articles, no_bands = story_store.holds_none(store)
        self.bands = stories.copies.BandIndex() if no_bands else None
        self.words = stories.copies.WordCounts() if no_articles else None
        self.batches = 0  # batches of articles added to them (a failed file's undone?)


class _Signer:
    """Copy detection at import, a batch of new articles at a time (see sign_articles)."""

    def __init__(
        self,
        store: Store,
        writer: ArticleWriter | None = None,
        own: _OwnRows | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        self.store = store
        self.writer = writer  # written out before judging: the verdicts read the index
        # A group's signer (see _import_files): never flushed by add, but between the
        # group's files, outside their savepoints (a failed file's articles are taken
        # back with undo, and no flush holds them or is undone with them).
        self.deferred = deferred
        self.pending: list[tuple[int, str, str]] = []
        self.prepared: dict[int, Signed] = {}
        # The word hashes and shingles of the import's last _SHINGLES_KEPT articles,
        # which the next batches' verdicts may read (a copy is mostly of an article
        # stored shortly before it), oldest first.
        self.recent: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.chars = 0  # of the pending articles' titles and bodies
        self.counts: _DocumentCounts | None = None  # kept from batch to batch
        # A store that held nothing when the import began: the import's own band rows
        # and word counts are all the store's, kept in memory.
        self.own = _OwnRows(store) if own is None else own
        # A file's own signer (in its own transaction): band rows held back, once the
        # store answers for them (own.bands dropped or never kept).
        self.held_bands = None if deferred else _PendingBands()
        # ... and while own.bands answers, its rows from this article on are the file's,
        # not yet written: written once, in key order, when the file ends (or own.bands
        # is dropped).  Written a batch at a time, each batch's 32,000 rows landed all
        # over the index: 1.9 s of the writer's CPU for SaudiNewsNet's 1.9 million rows,
        # 1.1 s written at once (measured alone, the same rows).
        self.first_held: int | None = None

    def add(self, article_id: int, title: str, body: str, signed: Signed | None = None) -> None:
        self.pending.append((article_id, title, body))
        if signed is not None:
            self.prepared[article_id] = signed
        self.chars += len(title) + len(body)
        if not self.deferred and self.full:
            self.flush()

    @property
    def full(self) -> bool:
        """Whether the pending articles make a batch."""
        return len(self.pending) >= _SIGN_BATCH or self.chars >= _SIGN_BATCH_CHARS

    def write_held_bands(self) -> None:
        """Write the band rows held back (a file's own signer, before its transaction
        ends)."""
        self._write_own_rows()
        if self.held_bands is not None:
            self.held_bands.write(self.store)

    def _write_own_rows(self) -> None:
        """Write the file's band rows that own.bands holds (see first_held)."""
        bands = self.own.bands
        if self.first_held is not None and bands is not None:
            story_store.save_band_rows(self.store, *bands.rows_from(self.first_held))
        self.first_held = None

    def mark(self) -> tuple[int, int]:
        """Where the pending articles stand, for undo."""
        return len(self.pending), self.chars

    def undo(self, mark: tuple[int, int]) -> None:
        """Forget the articles added since mark (their file was rolled back)."""
        count, self.chars = mark
        for article_id, _title, _body in self.pending[count:]:
            self.prepared.pop(article_id, None)
        del self.pending[count:]

    def flush(self) -> None:
        if self.pending:
            own = self.own
            if own.words is not None and len(own.words) > _WORDS_KEPT:
                own.words = None  # bounded memory: the index answers from here on
            if self.counts is None:
                self.counts = _DocumentCounts(self.store, own.words)
            self.counts.words = own.words
            if self.writer is not None and own.words is None:
                self.writer.flush()  # the verdicts read the index's document counts
            own.batches += 1
            if self.held_bands is not None and own.bands is not None and self.first_held is None:
                self.first_held = min(article_id for article_id, _t, _b in self.pending)
            sign_articles(
                self.store,
                self.pending,
                self.counts,
                self.prepared,
                self.recent,
                own.bands,
                self.held_bands,
            )
            if own.bands is not None and len(own.bands) > _BANDS_KEPT:
                self._write_own_rows()  # the index answers for them from here on
                own.bands = None  # bounded memory: the index answers from here on
            self.recent.update(
                (a, (signed.word_hashes, signed.shingles)) for a, signed in self.prepared.items()
            )
            over = max(0, len(self.recent) - _SHINGLES_KEPT)
            for old in list(itertools.islice(self.recent, over)):
                del self.recent[old]
            self.pending = []
            self.prepared = {}
            self.chars = 0


@dataclass(frozen=True)
class Prepared:
    """What importing an article works out from its draft alone, before it is written:
    pure, so a worker process can make it (prepare_drafts) while one writer writes."""

    uid: str
    published: DateValue | None
    mentions: list[EventRow]  # store.event_row()s: the writer gives the article id
    search: tuple[str, str, str] | None  # schema.search_parts: the index's texts
    signed: Signed | None  # made by a worker with copy detection on (else the signer signs)
    # schema.pair_parts of search for the writer's pair words (None: the writer makes them)
    pairs: tuple[str, str, str] | None = None
    # The draft as it is stored (as_stored) where that is not the draft as read: None
    # for nearly every article, so a worker sends no second copy of its text.
    stored: ArticleDraft | None = None
    # Then also the dedup key of the draft as read, which a library that stored it
    # before presentation forms were folded holds it by (see as_stored).
    read_uid: str | None = None
    # A worker found uid (or read_uid) among the keys the library held (_StoredKeys):
    # nothing but the keys was worked out (no dates, no index text, no signature).  The
    # writer still asks the library, and prepares the draft itself if it is not held.
    held: bool = False


def as_stored(draft: ArticleDraft) -> ArticleDraft:
    """The draft as an article is stored: its texts with Arabic presentation forms
    written as their letters (normalize.fold_presentation_forms), so that its words are
    searched, its dates read and its copies found as anyone else's.  The draft itself
    when nothing changes.  Its dedup key is the stored draft's (an export of it, imported
    again, is known); a library that stored it unfolded, before this folding, holds it
    by the key of the draft as read, which the import asks for too (Prepared.read_uid)."""
    fold = fold_presentation_forms  # each text itself when it holds none
    stored = replace(
        draft,
        title=fold(draft.title),
        body=fold(draft.body),
        source=fold(draft.source),
        author=fold(draft.author),
        caption=fold(draft.caption),
        credit=fold(draft.credit),
        published_raw=fold(draft.published_raw),
    )
    return draft if stored == draft else stored  # the same strings: compared by identity


def prepare(
    draft: ArticleDraft,
    copies: bool,
    uid: str | None = None,
    signed: Signed | None = None,
    pair_words: frozenset[str] | None = None,
    stored: ArticleDraft | None = None,
) -> Prepared:
    """The work of importing a draft that needs no store (dates, mentions, index text,
    copy signature: signed, if made already; the word pairs of the index text, given
    the writer's pair words), all of the draft as stored (as_stored, if made already;
    uid is its dedup key, if made already)."""
    read = draft
    draft = as_stored(read) if stored is None else stored
    published = publication_date(draft)
    if copies and signed is None:
        signed = sign_text(draft.title, draft.body)
    search = search_parts(draft.title, draft.body)
    return Prepared(
        uid=article_uid(draft) if uid is None else uid,
        published=published,
        mentions=[event_row(e) for e in mention_events(0, draft.body, published)],
        search=search,
        signed=signed if copies else None,
        pairs=pair_parts(search, pair_words)
        if search is not None and pair_words is not None
        else None,
        stored=None if draft is read else draft,
        read_uid=None if draft is read else article_uid(read),
    )


def prepare_drafts(
    drafts: Sequence[ArticleDraft],
    copies: bool,
    pair_words: frozenset[str] | None = None,
    held: np.ndarray | None = None,
) -> list[Prepared]:
    """prepare() of each draft, in order (a worker process's task); their signatures
    are made together (sign_texts), from the texts their dedup keys normalized (one
    NFC of a text, not two: stories.sign_texts' normalized).

    held: the keys the library held (_StoredKeys' numbers, sorted): a draft whose key
    is among them is only keyed (Prepared.held), its dates and signature left."""
    stored = [as_stored(draft) for draft in drafts]
    parts = [canonical_parts(draft) for draft in stored]
    uids = [uid_of_parts(p) for p in parts]
    read_uids = [
        None if s is draft else article_uid(draft) for draft, s in zip(drafts, stored, strict=True)
    ]
    found = _found(held, uids, read_uids)
    todo = [i for i, f in enumerate(found) if not f]
    if copies:
        texts = [stories.article_text(parts[i][1], parts[i][2]) for i in todo]
        signed: list[Signed | None] = list(stories.sign_texts(texts, normalized=True))
    else:
        signed = [None] * len(todo)
    made = {
        i: prepare(drafts[i], copies, uids[i], sig, pair_words, stored=stored[i])
        for i, sig in zip(todo, signed, strict=True)
    }
    return [
        made[i]
        if i in made
        else Prepared(
            uids[i],
            None,
            [],
            None,
            None,
            stored=None if stored[i] is drafts[i] else stored[i],
            read_uid=read_uids[i],
            held=True,
        )
        for i in range(len(drafts))
    ]


def _key_number(uid: str | None) -> int | None:
    """The number _StoredKeys holds a dedup key by: its first 64 bits (None: not a key
    of hexadecimal digits, which no key made since keys were hashed is)."""
    if uid is None:
        return None
    try:
        return int(uid[:16], 16) if len(uid) >= 16 else None
    except ValueError:
        return None


def _found(
    held: np.ndarray | None, uids: Sequence[str], read_uids: Sequence[str | None]
) -> list[bool]:
    """Whether each key (or the draft's key as read) is among held's numbers."""
    if held is None or not len(held):
        return [False] * len(uids)
    found = [False] * len(uids)
    for keys in (uids, read_uids):
        numbers = [_key_number(uid) for uid in keys]
        at = [i for i, n in enumerate(numbers) if n is not None]
        if not at:
            continue
        wanted = np.array([numbers[i] for i in at], dtype=np.uint64)
        where = np.minimum(np.searchsorted(held, wanted), len(held) - 1)
        for i, hit in zip(at, (held[where] == wanted).tolist(), strict=True):
            found[i] = found[i] or bool(hit)
    return found


class _StoredKeys:
    """The dedup keys the library holds when an import first gives its workers work,
    for them to leave an article already stored at its key: imported a second time,
    SaudiNewsNet's file took as long as the first time (every article dated, its
    mentions read and signed before the writer found its key stored).

    Each key's first 64 bits, sorted, written once to a file of their own that each
    worker reads once (_held_keys), not sent with every batch.  A hint, never the
    judge: the writer asks the library of every article as before, and prepares itself
    one a worker left that the library does not hold (removed meanwhile by another
    program, or two keys of one number); one added meanwhile, by another program or
    earlier in the same import (a file's own duplicates), is prepared in full."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._path: str | None = None
        self._read = False
        # The import has met an article the library held (given() reads the keys only
        # then: an import of new articles never reads them, 36 ms at 30,154 articles
        # and about 1.2 s at a million).
        self.wanted = False

    def given(self) -> str | None:
        """path() once the import has met an article the library held, else None."""
        return self.path() if self.wanted else None

    def path(self) -> str | None:
        """The file of keys (made on the first call); None when the library held none."""
        if not self._read:
            self._read = True
            numbers = (_key_number(uid) for uid in self._store.uids())
            keys = np.fromiter((n for n in numbers if n is not None), dtype=np.uint64)
            if len(keys):
                keys.sort()
                try:
                    self._folder = tempfile.TemporaryDirectory(
                        prefix="timeline-keys-", ignore_cleanup_errors=True
                    )
                    path = os.path.join(self._folder.name, "keys.npy")
                    np.save(path, keys)
                except OSError:  # no temporary folder to write in, or it is full
                    self.close()  # the workers prepare every draft, as before
                    return None
                self._path = path
        return self._path

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
        self._folder = None

    def __enter__(self) -> _StoredKeys:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


_HELD: dict[str, np.ndarray] = {}  # a worker's: the keys of the import it works for


def _held_keys(path: str | None) -> np.ndarray | None:
    """The keys of _StoredKeys' file, read once by a worker (None: no file, or one that
    cannot be read: every draft is prepared in full)."""
    if path is None:
        return None
    keys = _HELD.get(path)
    if keys is None:
        try:
            keys = np.load(path)
        except (OSError, ValueError):
            keys = np.empty(0, dtype=np.uint64)
        _HELD.clear()
        _HELD[path] = keys
    return keys


def _add_draft(
    writer: ArticleWriter,
    draft: ArticleDraft,
    result: FileResult,
    stated: TimelineEntry | None = None,
    *,
    signer: _Signer | None = None,
    prepared: Prepared | None = None,
    carried: CarriedValues | None = None,
    renamed: RenamedArticles | None = None,
    given: Mapping[str, DateValue] | None = None,
) -> None:
    if prepared is None:
        stored = as_stored(draft)
        uid = article_uid(stored)
        read_uid = None if stored is draft else article_uid(draft)
    else:
        stored = prepared.stored or draft
        uid, read_uid = prepared.uid, prepared.read_uid
    held = uid if writer.holds(uid) else read_uid if read_uid and writer.holds(read_uid) else None
    if held is None and renamed is not None:
        # An article whose title or source the user corrected, as an export wrote it.
        held = renamed.uid_of(stored, uid)
    if carried is not None and not carried.give(held or uid, stored):
        result.notes_kept += 1
    if held is not None:
        result.duplicates += 1
        return
    if prepared is None or prepared.held:
        # Signed with the rest of its batch by the signer (sign_articles), not alone.
        # (One a worker found held, and not held now: removed meanwhile.)
        prepared = prepare(draft, False, uid, stored=stored)
    draft = stored
    published = prepared.published
    mentions = prepared.mentions
    user_date = given.get(uid) if given else None
    if user_date is None and carried is not None:
        user_date = carried.published.get(uid)  # one its record carried (an export's)
    if user_date is not None:
        # Removed and imported again: the publication date the user gave it is kept by
        # its uid, and its mentions count from it (mention_events), as after the edit.
        mentions = [event_row(e) for e in mention_events(0, draft.body, published, user_date)]
    article_id = writer.add(
        draft,
        uid,
        published,
        prepared.search,
        mentions,
        stated_event(0, stated) if stated is not None and stated.is_range else None,
        pairs=prepared.pairs,
    )
    if signer is not None:
        signer.add(article_id, draft.title, draft.body, prepared.signed)
    result.added += 1
    result.note_added(article_id)
    result.untitled += draft.untitled
    if published is None:
        result.undated += 1
        if len(result.undated_examples) < _REJECTIONS_KEPT:
            raw = draft.published_raw
            reason = undated_reason(raw)
            example = f"{raw[:40]!r}: {reason}" if raw else reason
            if example not in result.undated_examples:  # not "'': no date given" five times
                result.undated_examples.append(example)


# A file of fewer records is prepared in this process: starting the workers (a second
# or two each, spawned) costs more than they would save.
POOL_MIN_RECORDS = 500
_POOL_BATCH = 32  # records a worker prepares at a time

_Item = ArticleDraft | Rejected


def _prepare_batch(
    given: tuple[list[tuple[_Item, int]], str | None],
    copies: bool,
    pair_words: frozenset[str] | None = None,
) -> list[Prepared]:
    """A worker's task: prepare() of the drafts of a batch of records, in order; given:
    (the batch, _StoredKeys' file or None), the file named with each batch since the
    writer asks for the keys only once it meets an article the library held."""
    batch, held = given
    drafts = [item for item, _ in batch if not isinstance(item, Rejected)]
    return prepare_drafts(drafts, copies, pair_words, _held_keys(held))


def _prepared_items(
    source: ArticleFile | WebArticles,
    copies: bool,
    workers: Workers | None,
    cancelled: Cancelled | None,
    pair_words: frozenset[str] | None = None,
    keys: _StoredKeys | None = None,
    holds: Callable[[str], bool] | None = None,
) -> Iterator[tuple[_Item, Prepared | None, int]]:
    """(record, its preparation or None, the source's position after it), in file order.

    With workers, a file of POOL_MIN_RECORDS or more has its drafts prepared in them,
    a bounded number of batches ahead of the writer; a smaller file, or one read where
    the workers cannot start, is prepared by the writer as it goes (None).  pair_words:
    the writer's (ArticleWriter.pair_words), for the workers to make the word pairs'
    rows too (a fifth of the writer's time when it made them).  keys: the library's,
    for the workers to leave the drafts it holds at their keys, given them once the
    import has met an article the library held: one of the file's first _PROBED drafts
    (asked of holds, the writer's, before the first batch) or any the writer found
    stored (import_file sets keys.wanted).
    """
    records = ((item, source.position) for item in source)
    if workers is None:
        yield from ((item, None, position) for item, position in records)
        return
    head = list(itertools.islice(records, POOL_MIN_RECORDS))
    if len(head) < POOL_MIN_RECORDS or not _started(workers):
        yield from ((item, None, position) for item, position in itertools.chain(head, records))
        return
    if keys is not None and holds is not None and not keys.wanted:
        keys.wanted = _meets_stored(head, holds)
    batches = (
        (batch, keys.given() if keys is not None else None)
        for batch in _batched(itertools.chain(head, records), _POOL_BATCH)
    )
    task = functools.partial(_prepare_batch, copies=copies, pair_words=pair_words)
    for (batch, _held), prepared in workers.map_ordered(task, batches, cancelled):
        ready = iter(prepared)
        for item, position in batch:
            yield item, None if isinstance(item, Rejected) else next(ready), position


# Drafts of a large file's head whose keys the writer asks of the library before its
# first batch, and files of a folder's run the writer imports itself before its first
# task: a file or folder imported again gives its workers the keys from the start.
_PROBED = 8


def _meets_stored(head: Sequence[tuple[_Item, int]], holds: Callable[[str], bool]) -> bool:
    """Whether one of the first _PROBED drafts of head is held (by its key, or by its key
    as read: see as_stored)."""
    drafts = [item for item, _ in head if not isinstance(item, Rejected)][:_PROBED]
    for draft in drafts:
        stored = as_stored(draft)
        if holds(article_uid(stored)) or (stored is not draft and holds(article_uid(draft))):
            return True
    return False


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _started(workers: Workers) -> bool:
    """Whether the worker processes run (started now if need be)."""
    try:
        workers.start()
    except (OSError, ImportError, ValueError, RuntimeError):
        return False  # no processes here (a sandbox, a platform without them)
    return True


class ImportCancelled(Exception):
    """The caller cancelled: raised out of the file's transaction, which rolls it back."""


def _stop_if(cancelled: Cancelled) -> None:
    """Raise ImportCancelled when the caller has cancelled."""
    if cancelled():
        raise ImportCancelled


class _CallerError(Exception):
    """An exception from the caller's progress callback: the caller's, not the file's."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(str(original))
        self.original = original


class _Tracker:
    """Counts records over a whole import and calls Progress at most every 0.1 s."""

    def __init__(
        self,
        progress: Progress | None,
        files: list[Path | str],
        pages: PageProgress | None = None,
    ) -> None:
        self.progress = progress
        self.pages = pages
        self.sizes = {path: _size(path) for path in files}  # read once (a stat each)
        self.total_bytes = sum(self.sizes.values())
        self.finished_bytes = 0  # of the files already done
        self.records = 0
        self.last_call = 0.0

    def estimate(self, bytes_read: int) -> int:
        remaining = max(0, self.total_bytes - bytes_read)
        rate = bytes_read / self.records if self.records else _BYTES_PER_RECORD
        return self.records + round(remaining / max(rate, 1.0))

    def record(
        self, source: ArticleFile | WebArticles | _AheadSource, position: int | None = None
    ) -> None:
        """One more record done; position: the source's when it was read (it reads ahead)."""
        self.records += 1
        now = time.monotonic()
        if self.progress is not None and now - self.last_call >= _PROGRESS_EVERY:
            self.last_call = now
            done_bytes = self.finished_bytes + (source.position if position is None else position)
            try:
                self.progress(self.records, self.estimate(done_bytes), source.name)
            except Exception as exc:
                raise _CallerError(exc) from exc

    def page(self, name: str, step: PageStep) -> None:
        """A long read of one record is at this step: said as it starts (its first page,
        the first it recognizes), then every _PROGRESS_EVERY seconds."""
        now = time.monotonic()
        if self.pages is not None and (step.done == 0 or now - self.last_call >= _PROGRESS_EVERY):
            self.last_call = now
            try:
                self.pages(name, step)
            except Exception as exc:
                raise _CallerError(exc) from exc

    def file_started(self, path: Path | str) -> None:
        if self.progress is not None:
            try:
                self.progress(self.records, self.estimate(self.finished_bytes), _name(path))
            except Exception as exc:
                raise _CallerError(exc) from exc

    def file_ended(self, path: Path | str) -> None:
        self.finished_bytes += self.size(path)

    def size(self, path: Path | str) -> int:
        """The file's size when the import began (0 for an address)."""
        found = self.sizes.get(path)
        return _size(path) if found is None else found


def _name(path: Path | str) -> str:
    return path.name if isinstance(path, Path) else path


def _size(path: Path | str) -> int:
    if isinstance(path, str):
        return 0  # a URL: its size is known once it is fetched
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def import_file(
    store: Store,
    path: Path | str,
    *,
    strict: bool = False,
    cancelled: Cancelled | None = None,
    tracker: _Tracker | None = None,
    columns: Mapping[str, str] | None = None,
    copies: bool = True,
    workers: Workers | None = None,
    own: _OwnRows | None = None,
    signer: _Signer | None = None,
    ahead: _ReadAhead | None = None,
    renamed: RenamedArticles | None = None,
    keys: _StoredKeys | None = None,
) -> FileResult:
    """Import one file in one transaction (a savepoint, inside the caller's: see
    _import_files); whatever goes wrong is this file's failure.

    Records that cannot be articles are skipped and counted (strict: they fail the
    file).  A failed file stores nothing.  Raises ImportCancelled when cancelled (the
    file is rolled back) and StoreError when the store itself cannot be written.
    path may be a URL (http, https): it is fetched, then read as the file it is.
    columns names a CSV file's columns by hand ({'title': 'Headline', ...}).
    workers, if given, prepare the articles of a large file (see _prepared_items).
    own: the band rows and word counts of the same import's files before, if kept.
    signer: a group's (deferred: the caller signs its articles and undoes a failed
    file's), else the file has its own (with copies).
    ahead: the file as a worker read it and prepared its articles (_read_ahead).
    renamed: the import's (edits.RenamedArticles: read once for all its files), else
    the file's own.
    keys: the import's (_StoredKeys), for the workers; else the file's own.
    """
    result = FileResult(path)
    tracker = tracker or _Tracker(None, [path])
    if ahead is not None and ahead.failure is not None:
        result.fail(ahead.failure)
        return result
    try:
        with (
            open_source(path, columns) if ahead is None else ahead.source() as source,
            store.transaction(),
            store.article_writer() as writer,
            _StoredKeys(store) if keys is None else contextlib.nullcontext(keys) as file_keys,
        ):
            carried = CarriedValues(store)
            renamed = renamed or RenamedArticles(store)
            given = user_edits.publications_given_by_uid(store)  # a few rows said by hand
            own_signer = signer is None
            if own_signer:
                signer = _Signer(store, writer, own) if copies else None
            if isinstance(source, _AheadSource):
                items = source.ahead.prepared_items(writer.pair_words)
            else:
                # A record read long (a PDF of many pages) says how far it is, and stops
                # between its pages when cancelled.
                source.check_between_pages(
                    functools.partial(_between_pages, source.name, tracker, cancelled)
                )
                items = _prepared_items(
                    source, copies, workers, cancelled, writer.pair_words, file_keys, writer.holds
                )
            for item, prepared, position in items:
                if cancelled is not None and cancelled():
                    raise ImportCancelled
                if isinstance(item, Rejected):
                    if strict:
                        raise BadArticle(f"{item} (strict import: nothing of the file was stored)")
                    result.reject(item)
                else:
                    _add_draft(
                        writer,
                        item,
                        result,
                        source.stated_range(item),
                        signer=signer,
                        prepared=prepared,
                        carried=carried,
                        renamed=renamed,
                        given=given,
                    )
                    if result.duplicates:  # the workers are given the library's keys
                        file_keys.wanted = True
                tracker.record(source, position)
            result.left_out = carried.left_out
            if signer is not None and own_signer:
                signer.flush()  # the file's last articles, before its transaction ends
                signer.write_held_bands()
            if source.encoding is not None:
                result.encoding = source.encoding.label
            result.replaced = source.replaced
            result.unread_scans = source.unread_scans
    except (ImportCancelled, StoreError, _CallerError):
        raise
    except Stopped:
        raise ImportCancelled from None
    except Exception as exc:  # an importer's bug must not take the other files with it
        result.fail(_failure(exc))
    return result


def _between_pages(
    name: str, tracker: _Tracker, cancelled: Cancelled | None, step: PageStep
) -> None:
    if cancelled is not None:
        _stop_if(cancelled)
    tracker.page(name, step)


def _failure(exc: Exception) -> str:
    """Why a file could not be imported, in words, from what reading it raised."""
    if isinstance(exc, BadArticle | UnreadableFile | WorkerDied | UnguardedScript):
        return str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "too large to read in the memory available"
    return f"could not be read ({type(exc).__name__}: {exc})"


@dataclass
class _ReadAhead:
    """A small file as a worker read it, its articles prepared there (_read_ahead)."""

    name: str
    size: int
    items: list[_Item]
    prepared: list[Prepared | None]  # an item's (None for a Rejected)
    stated: list[TimelineEntry | None]  # the dates a .timeline file gave an item
    positions: list[int]  # bytes read after each item
    encoding: Encoding | None
    replaced: int
    pair_words: frozenset[str] | None  # those the pairs were made for
    failure: str | None = None  # why the file cannot be imported (nothing else then)
    unread_scans: int = 0  # scanned pages of a PDF left unread (no OCR here)

    def source(self) -> contextlib.nullcontext[_AheadSource]:
        return contextlib.nullcontext(_AheadSource(self))

    def prepared_items(
        self, pair_words: frozenset[str]
    ) -> Iterator[tuple[_Item, Prepared | None, int]]:
        """(item, its preparation, the position after it), as _prepared_items gives
        them; pairs made for other words than the writer's are left for it to make."""
        for item, prepared, position in zip(self.items, self.prepared, self.positions, strict=True):
            if prepared is not None and self.pair_words != pair_words:
                prepared = replace(prepared, pairs=None)
            yield item, prepared, position


class _AheadSource:
    """What import_file asks of a source, of a file read ahead."""

    def __init__(self, ahead: _ReadAhead) -> None:
        self.ahead = ahead
        self.name, self.position = ahead.name, ahead.size
        self.encoding, self.replaced = ahead.encoding, ahead.replaced
        self.unread_scans = ahead.unread_scans
        self._stated = {
            id(item): stated for item, stated in zip(ahead.items, ahead.stated, strict=True)
        }

    def stated_range(self, draft: ArticleDraft) -> TimelineEntry | None:
        return self._stated.get(id(draft))


def _read_ahead(
    paths: list[Path],
    columns: Mapping[str, str] | None,
    copies: bool,
    pair_words: frozenset[str] | None,
    held: str | None = None,
) -> list[_ReadAhead]:
    """A worker's task: small files each read whole and their articles prepared together
    (one batch of signatures: a file's own cost 0.3 ms more); what went wrong with a file
    is said in its result (its failure), never raised.  held: _StoredKeys' file."""
    keys = _held_keys(held)
    read: list[_ReadAhead] = []
    for path in paths:
        ahead = _ReadAhead(path.name, _size(path), [], [], [], [], None, 0, pair_words)
        try:
            with ArticleFile(path, columns) as source:
                for item in source:
                    ahead.items.append(item)
                    ahead.positions.append(source.position)
                    ahead.stated.append(
                        None if isinstance(item, Rejected) else source.stated_range(item)
                    )
                ahead.encoding, ahead.replaced = source.encoding, source.replaced
                ahead.unread_scans = source.unread_scans
        except Exception as exc:
            ahead = _ReadAhead(path.name, 0, [], [], [], [], None, 0, pair_words, _failure(exc))
        read.append(ahead)

    def drafts_of(ahead: _ReadAhead) -> list[ArticleDraft]:
        return [item for item in ahead.items if not isinstance(item, Rejected)]

    try:
        every = prepare_drafts(
            [draft for ahead in read for draft in drafts_of(ahead)], copies, pair_words, keys
        )
    except Exception:  # one file's article: that file alone fails, below
        every = None
    at = 0
    for n, ahead in enumerate(read):
        if ahead.failure is not None:
            continue
        count = len(drafts_of(ahead))
        try:
            mine = every[at : at + count] if every is not None else None
            ready = iter(
                mine
                if mine is not None
                else prepare_drafts(drafts_of(ahead), copies, pair_words, keys)
            )
            ahead.prepared = [None if isinstance(i, Rejected) else next(ready) for i in ahead.items]
        except Exception as exc:
            read[n] = _ReadAhead(ahead.name, 0, [], [], [], [], None, 0, pair_words, _failure(exc))
        at += count
    return read


def keep_pasted(folder: Path, data: bytes, suffix: str | None = None) -> Path:
    """Keep text given without a name (pasted in the window, piped to `timeline import -`)
    as a file of folder, named by the time, its suffix by its beginning (ingest.
    pasted_suffix) unless given: the file an import reads and its articles' origin
    names.  Raises OSError when it cannot be written."""
    suffix = suffix or pasted_suffix(data)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%d %H-%M-%S")
    for n in range(1, 1000):
        path = folder / (f"{stamp}{suffix}" if n == 1 else f"{stamp} ({n}){suffix}")
        try:
            with open(path, "xb") as out:
                out.write(data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder}: no free name for {stamp}{suffix}")


def drop_unread_paste(store: Store, path: Path, report: ImportReport | None) -> None:
    """Remove a file keep_pasted kept when no article came of it: its import failed or
    found none in it (a picture or random bytes piped to `timeline import -` stayed in
    pasted/, imported by no one).  One whose articles were stored already is kept, as
    a copy pasted twice is.  report: the import's, None when it stopped on an error
    (or was cancelled before the file's end): then removed unless an article names it
    as its origin.  The pasted/ folder goes with its last file."""
    result = None if report is None else next((r for r in report.files if r.path == path), None)
    if result is not None:
        came = result.error is None and bool(result.added or result.duplicates)
    else:
        try:
            came = bool(store.ids_from_origin([origin_of(path)]))
        except StoreError:
            came = True  # the library cannot tell: kept
    if came:
        return
    with contextlib.suppress(OSError):
        path.unlink()
        path.parent.rmdir()  # (refused while it holds other files)


def import_paths(
    store: Store,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    *,
    strict: bool = False,
    cancelled: Cancelled | None = None,
    columns: Mapping[str, str] | None = None,
    copies: bool = True,
    processes: int | None = None,
    pages: PageProgress | None = None,
) -> ImportReport:
    """Import files, folders and URLs; a bad one is reported and does not stop the others.

    progress gets (records read, estimated records in all, file name); see Progress.
    pages gets (file name, PageStep) while one record is read long (a PDF's pages; the
    scanned pages OCR reads); see PageProgress.
    cancelled is asked between articles: when it says True the import stops within
    one article, the file being read is rolled back and report.cancelled is set.
    copies=False skips copy detection at import (update_stories signs them later).
    processes: worker processes that prepare a large file's articles (dates, mentions,
    index text, signatures) while this one writes; None for one a core, 1 for none.
    Whatever the number, the store and the report come out the same.
    """
    paths = list(paths)
    files, skipped = collect_files(paths)
    report = ImportReport(skipped=skipped, empty=empty_folders(paths, files, skipped))
    tracker = _Tracker(progress, files, pages)
    count = default_processes() if processes is None else processes
    if count > 1 and bootstrapping():
        # A spawned worker running again a script with no main guard: it must not import
        # beside its parent (nor wait there for the parent's hold on the store).
        for path in files:
            result = FileResult(path)
            result.fail(UNGUARDED)
            report.files.append(result)
        return report
    with Workers(count) if count > 1 else contextlib.nullcontext() as workers:
        _import_files(store, files, report, tracker, strict, cancelled, columns, copies, workers)
    if progress is not None and files:
        progress(tracker.records, tracker.records, _name(files[-1]))
    return report


# A run of at least this many small files is read by the worker processes, a few tasks
# (TASK_FILES each) ahead of the writer, their articles prepared there too (a folder of
# one-article files was read and prepared by the writer alone: no file held
# POOL_MIN_RECORDS).  As for a file's records, fewer are not worth starting the workers.
# A file compressed or zipped is read by the writer (it may hold much more than it
# weighs).
POOL_MIN_FILES = POOL_MIN_RECORDS


def _read_ahead_fits(path: Path | str, size: int) -> bool:
    if not isinstance(path, Path) or size > GROUP_FILE_BYTES:
        return False
    found = format_of(path.name)
    return found is not None and not found[1] and found[0] != "zip"


def _files_read(
    files: list[Path | str],
    sizes: Callable[[Path | str], int],
    workers: Workers | None,
    read: Callable[..., list[_ReadAhead]],
    cancelled: Cancelled | None,
    keys: _StoredKeys | None = None,
) -> Generator[tuple[Path | str, _ReadAhead | None], None, None]:
    """Each file, in order, with what a worker read of it (None: the writer reads it;
    keys: the library's, read as held= of read by the workers once the import has met
    an article the library held).  A run's first files, up to _PROBED, are the
    writer's until one holds such an article: a folder imported again gives its workers
    the keys from its first task, a folder of new files never reads them.

    Raises Stopped when cancelled while it waits for a worker.  A worker that dies
    leaves the rest of its run to the writer."""
    at = 0
    while at < len(files):
        end = at
        while end < len(files) and _read_ahead_fits(files[end], sizes(files[end])):
            end += 1
        if workers is None or end - at < POOL_MIN_FILES or not _started(workers):
            for path in files[at : max(end, at + 1)]:
                yield path, None
            at = max(end, at + 1)
            continue
        run = [path for path in files[at:end] if isinstance(path, Path)]
        probed = 0
        while keys is not None and not keys.wanted and probed < min(_PROBED, len(run)):
            # The writer's own: one that holds an article the library held sets
            # keys.wanted (import_file), and the workers are given the keys from the start.
            yield run[probed], None
            probed += 1
        run = run[probed:]
        given = 0
        tasks = ((task, keys.given() if keys is not None else None) for task in _tasks(run, sizes))
        with_keys = functools.partial(_read_with_keys, read=read)
        with contextlib.suppress(WorkerDied):
            for (batch, _held), read_ones in workers.map_ordered(with_keys, tasks, cancelled):
                for path, ahead in zip(batch, read_ones, strict=True):
                    given += 1
                    yield path, ahead
        for path in run[given:]:
            yield path, None
        at = end


def _read_with_keys(
    given: tuple[list[Path], str | None], read: Callable[..., list[_ReadAhead]]
) -> list[_ReadAhead]:
    """A worker's task: read() of a task's files, held= the file of keys named with it
    (_StoredKeys.given(): None until the import has met an article the library held)."""
    paths, held = given
    return read(paths, held=held)


# A worker's task: this many small files at most, of at most TASK_BYTES in all.
TASK_FILES = 16
TASK_BYTES = 256 * 1024


def _tasks(run: list[Path], sizes: Callable[[Path | str], int]) -> Iterator[list[Path]]:
    task: list[Path] = []
    held = 0
    for path in run:
        if task and (len(task) >= TASK_FILES or held + sizes(path) > TASK_BYTES):
            yield task
            task, held = [], 0
        task.append(path)
        held += sizes(path)
    if task:
        yield task


# Small files are written in groups: one transaction a group, each file in a savepoint
# of it (a failed file is rolled back alone, as before).  A commit of its own cost a
# file of one article more than the article (0.8 ms of CPU, and its pages written again
# to the log): a folder of 5,000 text files took 23 s.  A group ends after GROUP_SECONDS
# once its articles are signed (a batch of the signer's ends between files: a group
# committed never leaves articles unsigned when the import stops after it, as the
# window's cancel does by interrupting the next statement), or after GROUP_SECONDS_MAX
# whatever is pending; and before a larger file (or an address), which has a
# transaction of its own: its articles are not held back from the window, nor the
# group's by it.
GROUP_SECONDS = 0.5
GROUP_SECONDS_MAX = 10.0
GROUP_FILE_BYTES = 1 << 20

# A file of at least this much text (ingest.content_bytes) is written with the library
# held alone when no other program has it open (Store.held_alone: in a rollback journal,
# each page written once, not to the WAL and again at its checkpoint).  The log of an
# import runs about 2.5 times the text read (271 MB for SaudiNewsNet's 110 MB), so this
# is a transaction of about 100 MB, past which SQLite's documentation finds the rollback
# journal likely faster.  Below it the library stays readable by others throughout.
HELD_ALONE_BYTES = 40 << 20


def _import_files(
    store: Store,
    files: list[Path | str],
    report: ImportReport,
    tracker: _Tracker,
    strict: bool,
    cancelled: Cancelled | None,
    columns: Mapping[str, str] | None,
    copies: bool,
    workers: Workers | None,
) -> None:
    """import_file() of each file, a bad one reported and the rest read.

    A run of small files is written in groups (GROUP_SECONDS) and its articles signed
    by one signer, in batches as one file's (copy verdicts read the batch's word
    counts: batches made by the clock would make them differ from run to run), between
    the files, outside their savepoints; a batch may hold articles an earlier group
    committed (their signatures come with a later group, as for articles stored before
    copy detection existed if the import stops between).
    """
    keys = _StoredKeys(store)
    try:
        _import_each(
            store, files, report, tracker, strict, cancelled, columns, copies, workers, keys
        )
    finally:
        keys.close()


def _import_each(
    store: Store,
    files: list[Path | str],
    report: ImportReport,
    tracker: _Tracker,
    strict: bool,
    cancelled: Cancelled | None,
    columns: Mapping[str, str] | None,
    copies: bool,
    workers: Workers | None,
    keys: _StoredKeys,
) -> None:
    """_import_files' work: keys, the library's (_StoredKeys), read once for its files."""
    own = _OwnRows(store) if copies else None
    renamed = RenamedArticles(store)
    group: contextlib.ExitStack | None = None  # the open group's transaction
    signer: _Signer | None = None  # the small files' (with copies)
    ends = 0.0

    def sign_pending() -> None:
        if signer is None or not signer.pending:
            return
        if group is not None:
            signer.flush()
        else:
            with store.transaction():
                signer.flush()

    def close_group() -> None:
        nonlocal group
        if group is not None:
            group.close()  # committed
        group = None

    read = functools.partial(
        _read_ahead, columns=columns, copies=copies, pair_words=pair_words(store.db.conn)
    )
    reader = _files_read(files, tracker.size, workers, read, cancelled, keys)
    try:
        while True:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            try:
                path, ahead = next(reader)
            except StopIteration:
                break
            except Stopped:
                report.cancelled = True
                break
            grouped = isinstance(path, Path) and tracker.size(path) <= GROUP_FILE_BYTES
            if not grouped:
                sign_pending()  # the small files' batch ends before a larger file
                close_group()
            elif group is not None and time.monotonic() >= ends:
                if signer is not None and time.monotonic() >= ends + GROUP_SECONDS_MAX:
                    sign_pending()  # a batch cut by the clock: rare (files of no article)
                if signer is None or not signer.pending:
                    close_group()
            if grouped and group is None:
                group = contextlib.ExitStack()
                group.enter_context(store.transaction())
                ends = time.monotonic() + GROUP_SECONDS
            if grouped and signer is None and own is not None:
                signer = _Signer(store, None, own, deferred=True)
            file_signer = signer if grouped else None
            batches = own.batches if own is not None else 0
            mark = signer.mark() if signer is not None else (0, 0)
            # Alone: a large file's transaction, where no other program reads the library.
            alone = (
                store.held_alone()
                if not grouped
                and isinstance(path, Path)
                and content_bytes(path) >= HELD_ALONE_BYTES
                else contextlib.nullcontext(False)
            )
            try:
                tracker.file_started(path)
                with alone:
                    result = import_file(
                        store,
                        path,
                        strict=strict,
                        cancelled=cancelled,
                        tracker=tracker,
                        columns=columns,
                        copies=copies,
                        workers=workers,
                        own=own,
                        signer=file_signer,
                        ahead=ahead,
                        renamed=renamed,
                        keys=keys,
                    )
            except ImportCancelled:  # that file rolled back; the files before it kept
                if file_signer is not None:
                    file_signer.undo(mark)
                report.cancelled = True
                break
            except _CallerError as exc:
                if file_signer is not None:
                    file_signer.undo(mark)
                sign_pending()
                close_group()  # the files before kept, as when each had its own
                raise exc.original from None
            report.files.append(result)
            tracker.file_ended(path)
            if file_signer is not None:
                if result.error is not None:
                    file_signer.undo(mark)
                elif file_signer.full:
                    file_signer.flush()  # between files: no savepoint holds it
            if result.error is not None and own is not None and own.batches != batches:
                # The file was rolled back: what it added to own is not in the store.
                # (One that failed before adding any, an empty page, leaves it true:
                # every failed file of a folder sent copy detection to the index.)
                own = _OwnRows(store)
                signer = None  # (nothing pending: signed before that file) made anew
    except BaseException as exc:
        reader.close()
        if group is not None:
            group.__exit__(type(exc), exc, exc.__traceback__)  # rolled back
        raise
    reader.close()  # the workers' files read ahead of a cancelled import dropped
    try:
        sign_pending()
    except BaseException as exc:
        # The last group's signing failed (the disk full, a damaged signature): its
        # files roll back.  Left open, the transaction outlived the store, and its end
        # at the interpreter's exit printed a traceback under the one-line error.
        if group is not None:
            group.__exit__(type(exc), exc, exc.__traceback__)
        raise
    close_group()


class RecomputeCancelled(Exception):
    """The caller cancelled a recompute: the store was left as it was."""


def recompute_events(
    store: Store,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    processes: int | None = None,
    *,
    changed_only: bool = False,
) -> int:
    """Re-parse every publication date and re-extract every mention; returns articles done.

    Runs in one transaction: after a rule change the store moves to the new events
    whole, or stays as it was.  cancelled is asked between articles: when it says True,
    the transaction is rolled back and RecomputeCancelled raised.  processes: worker
    processes that read the dates while this one writes (as import_paths); None for
    one a core, 1 for none.  Whatever the number, the events come out the same.

    The articles whose text another program changed (Store.changed_article_ids) are
    also signed again and clustered with their copies anew, their old stories clustered
    again without them; changed_only: those articles alone, and those whose mentions
    still count from the computed date where the user gave one (a correction made before
    corrections found them again: Store.given_dates_to_follow), found again from it with
    their events' ids kept, as the correction itself does (date_mentions_again).
    """
    changed = store.changed_article_ids()
    # A whole recompute finds every article's mentions anew, these included.
    to_follow = set(store.given_dates_to_follow()) - set(changed) if changed_only else set()
    ids = sorted({*changed, *to_follow}) if changed_only else store.article_ids()
    count = default_processes() if processes is None else processes
    if count > 1 and (len(ids) < POOL_MIN_RECORDS or bootstrapping()):
        count = 1  # a few articles: starting processes costs more than they save
    with (
        Workers(count) if count > 1 else contextlib.nullcontext() as workers,
        store.transaction(),
    ):
        for article_id, published, mentions in _recomputed(
            store, ids, workers, progress, cancelled
        ):
            if cancelled is not None and cancelled():
                raise RecomputeCancelled  # out of the transaction: rolled back
            if article_id in to_follow:  # as the correction does (date_mentions_again)
                store.redate_mentions(article_id, mentions.events)
                continue
            store.set_published(article_id, published, mentions.title)
            store.replace_mentions(article_id, mentions.events)
        if changed:
            _sign_again(store, changed)
        store.forget_changed(changed)
        store.forget_given_dates_to_follow(ids if changed_only else None)
    store.fill_word_pairs()  # the phrase index's pairs of articles other writers wrote
    if progress is not None and ids:
        progress(len(ids), len(ids), f"#{ids[-1]}")
    return len(ids)


def _sign_again(store: Store, ids: Sequence[int]) -> None:
    """Sign these articles from their text as it is now, and join them to their copies;
    the stories they left are clustered again without them (as a removal's are)."""
    touched = story_store.forget_signatures(store, ids)
    if touched:
        _recluster(store, touched)
    for start in range(0, len(ids), _RECOMPUTE_CHUNK):
        step = list(ids[start : start + _RECOMPUTE_CHUNK])
        texts = [(i, *t) for i in step if (t := story_store.article_texts(store, i)) is not None]
        sign_articles(store, texts)


class RemoveCancelled(Exception):
    """The caller cancelled a removal: the store was left as it was."""


# Articles deleted a statement: each takes its text out of the search index (read back
# through the triggers), so a step of this many keeps a cancel and the progress prompt.
REMOVE_STEP = 200


def remove_articles(
    store: Store,
    ids: Iterable[int],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[int]:
    """Take these articles out of the library; the ids that were stored, in id order.

    One transaction: their events, search-index rows and story rows go with them, or,
    cancelled (RemoveCancelled) or failed, nothing does.  What the user said about them
    (corrections, tags, notes, hidden) is kept by their uid and comes back with them if
    they are imported again.
    """
    wanted = sorted(set(ids))
    removed: list[int] = []
    touched: set[int] = set()  # the stories that lost a copy (named as before it)
    with store.transaction():
        for step in _batched(wanted, REMOVE_STEP):
            if cancelled is not None and cancelled():
                raise RemoveCancelled  # out of the transaction: rolled back
            touched |= story_store.clusters_of(store, step)
            removed += store.delete_articles(step)
            if progress is not None:
                progress(len(removed), len(wanted), f"#{step[-1]}")
        if touched:
            _recluster(store, touched)
        if removed:
            store.fill_word_pairs()  # take out the removed articles' word pairs
    return removed


def _recluster(store: Store, clusters: Iterable[int]) -> None:
    """The copies left in stories that lost some, clustered anew as
    `timeline stories --rebuild` would cluster them: a story is held together by single
    links, and the copy removed may have been the only one between the others (an
    agency's text that two papers each cut differently).  A copy left alone is in no
    story, and a story is named by its smallest id again."""
    members = story_store.cluster_members(store, clusters)
    if not members:
        return
    counts = _DocumentCounts(store)

    def judge(a: int, b: int) -> stories.WordsOfPair:
        return stories.WordsOfPair(_words_of(store, a), _words_of(store, b), counts, counts.total)

    for ids in members.values():
        signed = story_store.signature_rows(store, ids)
        groups = stories.cluster(
            (
                (i, stories.Signature.from_bytes(blob, n))
                for i, (n, blob, _p) in sorted(signed.items())
            ),
            judge,
            {i: start for i, (_n, _blob, start) in signed.items()},
        )
        story_store.regroup(store, ids, groups.values())


@dataclass(frozen=True)
class _Recomputed:
    """An article's title (its publication event's label) and the events its text gives."""

    title: str
    events: list[Event]


def _recomputed(
    store: Store,
    ids: Sequence[int],
    workers: Workers | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Iterator[tuple[int, DateValue | None, _Recomputed]]:
    """(id, publication date, title and mentions) of each article, in id order: read in
    chunks (the bodies of a large store need not all sit in memory at once), worked out
    here or by the workers a few batches ahead.  The mentions of an article the user
    gave a publication date count from it, as after the edit (date_mentions_again)."""
    given = user_edits.publications_given(store)  # a few rows said by hand

    def chunks() -> Iterator[list[tuple[int, str, str, str, DateValue | None]]]:
        # As many articles a chunk as make about _RECOMPUTE_CHARS at the sizes read so
        # far (500 news articles; a few 300-page reports of a megabyte each).
        first, size = 0, _RECOMPUTE_FIRST
        read = chars = 0
        while first < len(ids):
            if progress is not None:
                progress(first, len(ids), f"#{ids[first]}")
            chunk = store.dating_inputs(ids[first : first + size])
            yield [(*row, given.get(row[0])) for row in chunk]
            first += size
            read += len(chunk)
            chars += sum(len(body) + len(title) for _id, body, _raw, title in chunk)
            mean = chars / read if read else 0
            size = max(1, min(_RECOMPUTE_CHUNK, int(_RECOMPUTE_CHARS / max(mean, 1))))

    if workers is None or not _started(workers):
        for chunk in chunks():
            yield from _recompute_batch(chunk)
        return
    batches = (batch for chunk in chunks() for batch in _batched(chunk, _POOL_BATCH))
    try:
        for _batch, done in workers.map_ordered(_recompute_batch, batches, cancelled):
            yield from done
    except Stopped:
        raise RecomputeCancelled from None


def _recompute_batch(
    inputs: list[tuple[int, str, str, str, DateValue | None]],
) -> list[tuple[int, DateValue | None, _Recomputed]]:
    """A worker's task (or the writer's): the dates of a batch of dating_inputs rows,
    each with the publication date the user gave it, if any (mention_events)."""
    done = []
    for article_id, body, published_raw, title, given in inputs:
        published = parse_published(published_raw)
        events = mention_events(article_id, body, published, given)
        done.append((article_id, published, _Recomputed(title, events)))
    return done


def linked_through_others(
    store: Store, article_id: int, story: story_store.StoryCluster
) -> frozenset[int]:
    """The copies of an article's story that share little text with it
    (stories.copies.shares_text): in the story only through other copies, as two
    meetings' reports through a roundup of both.  An article without a signature is
    taken to share (nothing says otherwise)."""
    rows = story_store.signature_rows(store, [a.article_id for a in story.articles])
    if article_id not in rows:
        return frozenset()
    shingles, blob, _published = rows[article_id]
    own = stories.Signature.from_bytes(blob, shingles)
    return frozenset(
        other
        for other, (n, theirs, _p) in rows.items()
        if other != article_id
        and not stories.copies.shares_text(own, stories.Signature.from_bytes(theirs, n))
    )


def update_stories(store: Store, progress: Progress | None = None) -> int:
    """Sign the articles that have no signature yet (stored before stories existed, or
    imported with copies=False) and join them to their copies; returns how many."""
    done = chars = 0
    size = _RECOMPUTE_FIRST  # as re-computing reads them: long reports a few at a time
    while True:
        with store.transaction():
            batch = story_store.unsigned_articles(store, size)
            sign_articles(store, batch)
        if not batch:
            return done
        done += len(batch)
        chars += sum(len(title) + len(body) for _id, title, body in batch)
        size = max(1, min(_RECOMPUTE_CHUNK, int(_RECOMPUTE_CHARS / max(chars / done, 1))))
        if progress is not None:
            progress(done, done, f"#{batch[-1][0]}")


# The clustering's progress is said every this many articles.
_CLUSTER_STEP = 500


def rebuild_stories(store: Store, progress: Progress | None = None) -> int:
    """Cluster every signed article from scratch (after a change of the rules); clusters.

    progress: (articles clustered, of how many, "#id") as the clustering goes (the
    signing of unsigned articles first says nothing: update_stories first to see it)."""
    update_stories(store)
    signed = list(story_store.all_signatures(store))
    counts = _DocumentCounts(store)

    def read() -> Iterator[tuple[int, stories.Signature]]:
        for done, (article_id, n, blob, _p) in enumerate(signed):
            if progress is not None and done % _CLUSTER_STEP == 0:
                progress(done, len(signed), f"#{article_id}")
            yield article_id, stories.Signature.from_bytes(blob, n)
        if progress is not None:
            progress(len(signed), len(signed), "")

    groups = stories.cluster(
        read(),
        lambda a, b: stories.WordsOfPair(
            _words_of(store, a), _words_of(store, b), counts, counts.total
        ),
        {article_id: start for article_id, _n, _blob, start in signed},
    )
    with store.transaction():
        story_store.replace_clusters(store, groups)
    return len(groups)


def _thread_text(title: str, body: str) -> str:
    """What a story's threads are found from: the title and the opening of the body.

    A news story names its people, places and events at the top; reading a 12 MB body
    whole made choosing such an article block the window for seconds.
    """
    return stories.article_text(title, body[: stories.threads.THREAD_TEXT_CHARS])


# The copies a story's related articles are read past, at most (related_articles): each
# costs about 1.5 ms (its opening's tokens).  A term still held by two articles after
# them may be one only the unread copies share: it then takes a rare term's place and
# finds nothing, as the copies are never offered.
_COPIES_READ = 500


def related_articles(
    store: Store,
    article_id: int,
    limit: int = 10,
    article: Article | None = None,
    hidden: Iterable[int] = (),
) -> list[stories.Related]:
    """Articles that continue this one's story (not its copies), best first.  article:
    the article as read with its body's first THREAD_TEXT_CHARS, if the caller has it.
    hidden: articles the user hid, never offered; the others are weighed as if none
    were (words are as rare, a hidden copy still a copy): hiding one reorders nothing.

    Dates as the user sees them: the window is centred on the article's shown
    publication and the others are in it, and weighed, by theirs (an article the user
    re-dated by years continues the stories of its corrected date, not its stored one)."""
    if article is None:
        article = store.article(article_id, body_chars=stories.threads.THREAD_TEXT_CHARS)
    if article is None:
        return []
    total = store.count_articles()
    counts = story_store.document_counts(
        store,
        stories.candidate_terms(_thread_text(article.title, article.body)),
        stories.threads.ceiling(total),
    )
    story = story_store.story_of(store, article_id)
    copies = [r.article_id for r in story.articles if r.article_id != article_id] if story else []
    exclude = {article_id, *copies} if story else set()
    # A term only the copies share links nothing: count the articles outside the story.
    # Read until no term is held by two articles (a count is capped, and fewer than two
    # is never used: the same terms whatever the copies left unread), at most
    # _COPIES_READ: choosing an article of a story copied 20,000 times read them all,
    # 10-30 s before its text showed.
    alive = sum(1 for n in counts.values() if n >= 2)
    for other in copies[:_COPIES_READ]:
        if not alive:
            break
        copy = store.article(other, body_chars=stories.threads.THREAD_TEXT_CHARS)
        if copy is not None:
            for term in set(stories.candidate_terms(_thread_text(copy.title, copy.body))):
                n = counts.get(term)
                if n is not None:
                    counts[term] = n - 1
                    alive -= n == 2
    terms = stories.rare_terms(counts, total)
    published = story_store.shown_publication(store, article_id)
    window = stories.threads.WINDOW_DAYS * 86400
    start = None if published is None else published - window
    end = None if published is None else published + window
    holders = story_store.term_holders(store, terms, start, end, hidden=hidden)
    return stories.related(article_id, published, holders, counts, total, exclude, limit)
