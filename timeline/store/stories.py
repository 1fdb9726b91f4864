"""Stories in the store: signatures, the LSH band index, clusters of copies, and the
term look-ups threads need.  The judging is timeline/stories's; this runs the SQL."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from timeline.store.edits import collapsed_in_place
from timeline.store.listing import ListKey, list_keys, order_of, redated
from timeline.store.store import Store
from timeline.store.timeline_data import EventArrays, collapse_copies

_CHUNK = 500  # ids per IN (...) list
_KEYS_PER_BATCH = 20_000  # band keys looked up by one SELECT over a JSON array
_TERMS_PER_STATEMENT = 500  # document counts asked by one SELECT over a JSON array
_BAND_ROWS = 250  # band rows inserted by one statement (500 parameters: under 999)


@dataclass(frozen=True)
class CopyRow:
    """One article of a cluster of copies."""

    article_id: int
    title: str
    source: str
    published: str | None
    published_start: int | None


@dataclass(frozen=True)
class StoryCluster:
    """A cluster of copies: its articles earliest first by the dates shown (undated last)."""

    cluster: int
    articles: list[CopyRow]

    @property
    def earliest(self) -> CopyRow:
        return self.articles[0]

    @property
    def sources(self) -> int:
        return len({a.source for a in self.articles})

    @property
    def spread(self) -> tuple[int, int] | None:
        """First and last publication (axis seconds) of the dated copies."""
        dated = [a.published_start for a in self.articles if a.published_start is not None]
        return (min(dated), max(dated)) if dated else None


def save_signatures(
    store: Store,
    signed: Sequence[tuple[int, int, bytes, Sequence[int] | np.ndarray]],
    *,
    bands: bool = True,
) -> None:
    """Store articles' signatures and band keys (replacing any signature they had):
    (id, shingles, signature, band keys) each.  bands=False: the signatures only (the
    caller writes the band rows later: save_band_rows)."""
    conn = store.db.conn
    conn.executemany(
        "INSERT OR REPLACE INTO story_signatures (article_id, shingles, signature) VALUES (?,?,?)",
        [(article_id, shingles, blob) for article_id, shingles, blob, _keys in signed],
    )
    if bands:
        save_bands(store, [(article_id, keys) for article_id, _n, _b, keys in signed])


def save_bands(store: Store, rows: Sequence[tuple[int, Sequence[int] | np.ndarray]]) -> None:
    """Store articles' band keys, (id, band keys) each; rows already there are kept."""
    if not rows:
        return
    # In key order: rows inserted in the index's order touch each page once (half the
    # time of random keys, measured on 6,000 articles' 384,000 rows).  Ordered with
    # numpy: sorting 64 Python tuples an article cost as much as inserting them.
    keys = np.concatenate([np.asarray(k, dtype=np.int64) for _a, k in rows])
    ids = np.repeat(
        np.array([article_id for article_id, _k in rows], dtype=np.int64),
        [len(k) for _a, k in rows],
    )
    order = np.lexsort((ids, keys))
    save_band_rows(store, keys[order], ids[order])


def save_band_rows(store: Store, keys: np.ndarray, ids: np.ndarray) -> None:
    """Store band rows (key, article id) given sorted by key, then id; rows already
    there are kept.  A part at a time: two million rows made into Python's integers at
    once took 150 MB more."""
    for start in range(0, len(keys), _BAND_ROWS_A_PART):
        _save_band_part(
            store,
            keys[start : start + _BAND_ROWS_A_PART],
            ids[start : start + _BAND_ROWS_A_PART],
        )


_BAND_ROWS_A_PART = 1 << 16


def _save_band_part(store: Store, keys: np.ndarray, ids: np.ndarray) -> None:
    if not len(keys):
        return
    # _BAND_ROWS rows a statement: a row a statement (executemany) cost 2 us, of which
    # stepping and resetting the statement and binding it row by row more than SQLite's
    # insert (0.8 us a row this way, measured on 256,000 rows into a growing index).
    # The rows left over go one a statement (one text of SQL for any number of them:
    # the connection's cache of prepared statements is not filled with their sizes).
    flat = np.empty(2 * len(keys), dtype=np.int64)
    flat[0::2] = keys
    flat[1::2] = ids
    values = flat.tolist()
    width = 2 * _BAND_ROWS
    full = len(keys) // _BAND_ROWS * width
    conn = store.db.conn
    conn.executemany(_INSERT_BANDS, [values[i : i + width] for i in range(0, full, width)])
    conn.executemany(_INSERT_BAND, zip(values[full::2], values[full + 1 :: 2], strict=True))


_INSERT_BAND = "INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES (?, ?)"
_INSERT_BANDS = _INSERT_BAND.replace("(?, ?)", ",".join(["(?,?)"] * _BAND_ROWS))


def rebuild_bands(store: Store, chunk: int = 2_000) -> int:
    """The band rows of every stored signature, made again from the signatures (a
    salvaged store: the rows are a function of them); how many articles."""
    from timeline.stories.copies import Signature, band_keys

    conn = store.db.conn
    done, last = 0, -1
    while rows := conn.execute(
        "SELECT article_id, shingles, signature FROM story_signatures WHERE article_id > ?"
        " ORDER BY article_id LIMIT ?",
        (last, chunk),
    ).fetchall():
        save_bands(
            store,
            [(a, band_keys(Signature.from_bytes(bytes(blob), n))) for a, n, blob in rows],
        )
        done += len(rows)
        last = rows[-1][0]
    return done


def band_holders(
    store: Store, keys: Iterable[int] | np.ndarray, per_key: int = 100
) -> dict[int, list[int]]:
    """The first per_key stored holders (ascending ids) of each band key that has any.

    One statement for a whole batch of keys, each key's holders read through the
    index up to per_key (a key many articles share is a formula, not a story).
    """
    if not isinstance(keys, np.ndarray):
        keys = np.fromiter(keys, dtype=np.int64)
    wanted = np.unique(keys).tolist()
    out: dict[int, list[int]] = {}
    conn = store.db.conn
    for i in range(0, len(wanted), _KEYS_PER_BATCH):
        part = json.dumps(wanted[i : i + _KEYS_PER_BATCH])
        # Most keys are held by no stored article: only those held come back (a row
        # handed to Python costs more than SQLite's look-up that found it empty).
        for key, held in conn.execute(
            "SELECT k.value, (SELECT group_concat(article_id) FROM (SELECT article_id"
            " FROM story_bands WHERE band_key = k.value ORDER BY article_id LIMIT ?))"
            " FROM json_each(?) k"
            " WHERE EXISTS (SELECT 1 FROM story_bands WHERE band_key = k.value)",
            (per_key, part),
        ):
            out[int(key)] = sorted(map(int, held.split(",")))
    return out


def holds_none(store: Store) -> tuple[bool, bool]:
    """Whether the store holds no article, and whether it holds no band row (a deleted
    article's rows stay): what an import may then answer from its own articles."""
    conn = store.db.conn
    (articles,) = conn.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()
    (bands,) = conn.execute("SELECT EXISTS (SELECT 1 FROM story_bands)").fetchone()
    return not articles, not bands


def signature_rows(store: Store, ids: Iterable[int]) -> dict[int, tuple[int, bytes, int | None]]:
    """(shingles, signature, published_start) of each signed article among ids."""
    wanted = sorted(set(ids))
    out: dict[int, tuple[int, bytes, int | None]] = {}
    conn = store.db.conn
    for i in range(0, len(wanted), _CHUNK):
        part = wanted[i : i + _CHUNK]
        marks = ",".join("?" * len(part))
        # published_start from the id map's small rows: an article's own row holds it
        # after the body, read through the body's overflow pages.
        for a, n, b, p in conn.execute(
            "SELECT s.article_id, s.shingles, s.signature, m.published_start"
            " FROM story_signatures s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN article_search m ON m.article_id = s.article_id"
            f" WHERE s.article_id IN ({marks})",
            part,
        ):
            out[int(a)] = (int(n), bytes(b), p)
    return out


def cluster_of(store: Store, article_id: int) -> int | None:
    row = store.db.conn.execute(
        "SELECT cluster FROM story_copies WHERE article_id = ?", (article_id,)
    ).fetchone()
    return int(row[0]) if row else None


def join_copies(store: Store, article_id: int, copies: Iterable[int]) -> int | None:
    """Put the article and its copies in one cluster, merging any they were in."""
    ids = {article_id, *copies}
    if len(ids) < 2:
        return None
    conn = store.db.conn
    held: dict[int, int | None] = dict.fromkeys(ids)
    wanted = sorted(ids)
    for first in range(0, len(wanted), _CHUNK):
        part = wanted[first : first + _CHUNK]
        marks = ",".join("?" * len(part))
        held.update(
            conn.execute(
                f"SELECT article_id, cluster FROM story_copies WHERE article_id IN ({marks})", part
            )
        )
    clusters = {c for c in held.values() if c is not None}
    # The cluster is named by its smallest member.  Only the rows whose name changes are
    # written: a wire story in every one of 2,000 articles rewrote its whole cluster for
    # each new copy (2 million rows), the import growing with the square of the copies.
    # (min over the cluster's index entries, which end with the article id: one seek.)
    smallest = [
        conn.execute("SELECT min(article_id) FROM story_copies WHERE cluster = ?", (c,)).fetchone()[
            0
        ]
        for c in clusters
    ]
    name = min([*ids, *smallest])
    for c in clusters:
        if c != name:
            conn.execute("UPDATE story_copies SET cluster = ? WHERE cluster = ?", (name, c))
    # Every id that was in a cluster is in `name`'s now: only those in none are written.
    conn.executemany(
        "INSERT INTO story_copies (article_id, cluster) VALUES (?, ?)",
        [(i, name) for i, c in held.items() if c is None],
    )
    return name


def clusters_of(store: Store, ids: Sequence[int]) -> set[int]:
    """The clusters these articles are in."""
    marks = ",".join("?" * len(ids))
    return {
        int(row[0])
        for row in store.db.conn.execute(
            f"SELECT DISTINCT cluster FROM story_copies WHERE article_id IN ({marks})", list(ids)
        )
    }


def cluster_members(store: Store, clusters: Iterable[int]) -> dict[int, list[int]]:
    """The articles each of these clusters holds now (a cluster with none is left out)."""
    members: dict[int, list[int]] = {}
    for cluster in sorted(set(clusters)):
        rows = store.db.conn.execute(
            "SELECT article_id FROM story_copies WHERE cluster = ? ORDER BY article_id",
            (cluster,),
        )
        found = [int(r[0]) for r in rows]
        if found:
            members[cluster] = found
    return members


def regroup(store: Store, ids: Sequence[int], groups: Iterable[Sequence[int]]) -> None:
    """These articles' story rows replaced by these groups of them: a group of two or more
    is a story named by its smallest id; an article in none, or alone, is in no story."""
    conn = store.db.conn
    for i in range(0, len(ids), _CHUNK):
        part = list(ids[i : i + _CHUNK])
        marks = ",".join("?" * len(part))
        conn.execute(f"DELETE FROM story_copies WHERE article_id IN ({marks})", part)
    conn.executemany(
        "INSERT INTO story_copies (article_id, cluster) VALUES (?, ?)",
        [(i, min(group)) for group in groups if len(group) > 1 for i in group],
    )


def replace_clusters(store: Store, groups: dict[int, list[int]]) -> None:
    """Replace every cluster with these (name -> member ids), e.g. after a full rebuild."""
    conn = store.db.conn
    conn.execute("DELETE FROM story_copies")
    conn.executemany(
        "INSERT INTO story_copies (article_id, cluster) VALUES (?, ?)",
        [(i, name) for name, ids in groups.items() for i in ids],
    )


def forget_signatures(store: Store, ids: Sequence[int]) -> set[int]:
    """Take these articles out of their stories and drop their signatures (their text
    changed: they are signed again as unsigned ones are); the clusters they were in."""
    touched = clusters_of(store, ids) if ids else set()
    conn = store.db.conn
    for start in range(0, len(ids), 500):
        step = list(ids[start : start + 500])
        marks = ",".join("?" * len(step))
        conn.execute(f"DELETE FROM story_copies WHERE article_id IN ({marks})", step)
        conn.execute(f"DELETE FROM story_signatures WHERE article_id IN ({marks})", step)
    return touched


def unsigned_articles(store: Store, limit: int = _CHUNK) -> list[tuple[int, str, str]]:
    """(id, title, body) of up to limit articles that have no signature yet."""
    return list(
        store.db.conn.execute(
            "SELECT id, title, body FROM articles WHERE id NOT IN"
            " (SELECT article_id FROM story_signatures) ORDER BY id LIMIT ?",
            (limit,),
        )
    )


def unsigned_count(store: Store) -> int:
    """How many articles have no signature yet."""
    return int(
        store.db.conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_signatures)"
        ).fetchone()[0]
    )


def all_signatures(store: Store) -> Iterable[tuple[int, int, bytes, int | None]]:
    """(id, shingles, signature, published_start) of every signed article, in id order."""
    for a, n, b, p in store.db.conn.execute(
        "SELECT s.article_id, s.shingles, s.signature, a.published_start"
        " FROM story_signatures s JOIN articles a ON a.id = s.article_id"
        " ORDER BY s.article_id"
    ):
        yield int(a), int(n), bytes(b), p


def _rows(store: Store, where: str, params: Sequence[object]) -> dict[int, list[CopyRow]]:
    """Each cluster's copies in the order of the dates shown: the few the user re-dated
    (listing.redated) at their shown places; the rows keep the stored values."""
    out: dict[int, list[CopyRow]] = {}
    for cluster, *row in store.db.conn.execute(
        "SELECT c.cluster, a.id, a.title, a.source, a.published, a.published_start"
        f" FROM story_copies c JOIN articles a ON a.id = c.article_id {where}"
        " ORDER BY c.cluster, a.published_start IS NULL, a.published_start, a.id",
        list(params),
    ):
        out.setdefault(int(cluster), []).append(CopyRow(*row))
    if moved := redated(store):

        def shown_key(copy: CopyRow) -> ListKey:
            stored = (copy.published_start, copy.article_id)
            return moved[copy.article_id][1] if copy.article_id in moved else stored

        for rows in out.values():
            rows.sort(key=lambda copy: order_of(shown_key(copy)))
    return out


def story_of(store: Store, article_id: int) -> StoryCluster | None:
    """The cluster of copies an article belongs to, or None when it has no copy."""
    cluster = cluster_of(store, article_id)
    if cluster is None:
        return None
    rows = _rows(store, "WHERE c.cluster = ?", (cluster,)).get(cluster, [])
    return StoryCluster(cluster, rows) if len(rows) > 1 else None


def clusters(store: Store, min_copies: int = 2) -> list[StoryCluster]:
    """Every cluster of at least min_copies articles, the largest first."""
    found = _rows(
        store,
        "WHERE c.cluster IN (SELECT cluster FROM story_copies GROUP BY cluster"
        " HAVING count(*) >= ?)",
        (max(2, min_copies),),
    )
    out = [StoryCluster(c, rows) for c, rows in found.items() if len(rows) >= max(2, min_copies)]
    out.sort(key=lambda s: (-len(s.articles), s.cluster))
    return out


def later_copies(store: Store) -> set[int]:
    """Ids of every copy that is not its cluster's earliest (what collapsing hides)."""
    return collapse_inputs(store)[1]


def earliest_of(store: Store) -> dict[int, int]:
    """The earliest copy of its story, by the id of every later copy."""
    return read_collapse(store).earliest


def copy_counts(store: Store) -> dict[int, tuple[int, int | None, int | None]]:
    """(copies, first, last publication) by the earliest article of each cluster."""
    return collapse_inputs(store)[0]


@dataclass(frozen=True)
class Collapse:
    """What drawing and listing each story once need of every cluster."""

    # (copies, first, last publication) by the earliest article of each cluster.
    counts: dict[int, tuple[int, int | None, int | None]]
    earliest: dict[int, int]  # the earliest copy by the id of every later copy


def collapse_inputs(
    store: Store,
) -> tuple[dict[int, tuple[int, int | None, int | None]], set[int]]:
    """copy_counts() and later_copies() from one read (drawing each story once needs both)."""
    found = read_collapse(store)
    return found.counts, set(found.earliest)


def read_collapse(store: Store, hidden: Iterable[int] = ()) -> Collapse:
    """Every shown story's counts and earliest copy from one read of ids and dates, and
    of the clusters' signatures a chunk at a time.

    A cluster is shown as one story per copy that stands for others
    (stories.copies.shown_story_heads): a roundup of two meetings joins both meetings'
    reports in one cluster, and showing it as its earliest copy alone hid the other
    meeting's reports.  hidden: articles the reader hid, left out of their stories (the
    next copy stands for a story whose earliest copy is hidden: hiding that one hid the
    whole story).  Read unsorted and ordered with numpy (the window asks for a whole
    store: 200,000 copies took 2 s as sorted rows made into lists, a fifth of that as
    arrays).
    """
    rows = store.db.conn.execute(
        "SELECT c.cluster, c.article_id, s.published_start IS NULL,"
        " coalesce(s.published_start, 0)"
        " FROM story_copies c JOIN article_search s ON s.article_id = c.article_id"
    ).fetchall()
    if not rows:
        return Collapse({}, {})
    table = np.array(rows, dtype=np.int64)
    left_out = np.fromiter(hidden, dtype=np.int64)
    if len(left_out):
        table = table[~np.isin(table[:, 1], left_out)]
        if not len(table):
            return Collapse({}, {})
    cluster, ids, undated, start = table.T
    moved = redated(store)
    if moved:  # the few the user re-dated, at their shown dates (as _rows)
        undated, start = undated.copy(), start.copy()
        for row in np.flatnonzero(np.isin(ids, list(moved))).tolist():
            shown = moved[int(ids[row])][1][0]
            undated[row], start[row] = shown is None, shown or 0
    # Each cluster's copies earliest first, the undated last, then by id (as _rows).
    order = np.lexsort((ids, start, undated, cluster))
    cluster, ids, undated, start = cluster[order], ids[order], undated[order], start[order]
    begins = np.flatnonzero(np.r_[True, cluster[1:] != cluster[:-1]])
    sizes = np.diff(np.r_[begins, len(cluster)])
    # The copy each row stands behind; stable, a shown story's rows keep their order.
    heads = _shown_heads(store, cluster, ids, begins, sizes)
    order = np.lexsort((np.arange(len(heads)), heads))
    heads, ids, undated, start = heads[order], ids[order], undated[order], start[order]
    begins = np.flatnonzero(np.r_[True, heads[1:] != heads[:-1]])
    sizes = np.diff(np.r_[begins, len(heads)])
    dated = np.add.reduceat(1 - undated, begins)
    counts: dict[int, tuple[int, int | None, int | None]] = {}
    for begin, size, n_dated in zip(begins.tolist(), sizes.tolist(), dated.tolist(), strict=True):
        if size < 2:
            continue
        first = int(start[begin]) if n_dated else None
        last = int(start[begin + n_dated - 1]) if n_dated else None
        counts[int(ids[begin])] = (size, first, last)
    # Every row but its story's first (a story of one has no later copy).
    later_rows = np.ones(len(ids), dtype=bool)
    later_rows[begins] = False
    first_id = np.repeat(ids[begins], sizes)
    earliest = dict(zip(ids[later_rows].tolist(), first_id[later_rows].tolist(), strict=True))
    return Collapse(counts, earliest)


_SIGNATURE_ROWS = 20_000  # clusters' signatures read and compared at a time (10 MB)


def _shown_heads(
    store: Store, cluster: np.ndarray, ids: np.ndarray, begins: np.ndarray, sizes: np.ndarray
) -> np.ndarray:
    """shown_story_heads of the sorted rows (clusters in ascending order), reading
    the signatures of some _SIGNATURE_ROWS rows of whole clusters at a time."""
    # Loaded here, on the events loader's thread: the window's modules import this one
    # before its first frame, and the judging's module is not needed for it.
    from timeline.stories import copies

    heads = np.repeat(begins, sizes)
    ends = begins + sizes
    first = 0
    while first < len(begins):
        # Whole clusters up to the chunk's rows (at least one, however large).
        last = max(first + 1, int(np.searchsorted(ends, begins[first] + _SIGNATURE_ROWS)))
        last = min(last, len(begins))
        lo, hi = int(begins[first]), int(ends[last - 1])
        found = store.db.conn.execute(
            "SELECT c.article_id, s.shingles, s.signature FROM story_copies c"
            " JOIN story_signatures s ON s.article_id = c.article_id"
            " WHERE c.cluster BETWEEN ? AND ? AND length(s.signature) = ?",
            (int(cluster[lo]), int(cluster[hi - 1]), 4 * copies.NUM_PERM),
        ).fetchall()
        values = np.zeros((hi - lo, copies.NUM_PERM), dtype=np.uint32)
        shingles = np.zeros(hi - lo, dtype=np.int64)
        signed = np.zeros(hi - lo, dtype=bool)
        if found:
            # Each signature to its row: the chunk's ids sorted once, looked up at once.
            articles = np.fromiter((r[0] for r in found), dtype=np.int64, count=len(found))
            chunk = ids[lo:hi]
            by_id = np.argsort(chunk)
            at = np.minimum(np.searchsorted(chunk, articles, sorter=by_id), len(chunk) - 1)
            rows = by_id[at]
            held = chunk[rows] == articles  # a hidden copy, or one with no index row: left out
            blobs = np.frombuffer(b"".join(r[2] for r in found), dtype="<u4")
            values[rows[held]] = blobs.reshape(len(found), -1)[held]
            counts = np.fromiter((r[1] for r in found), dtype=np.int64, count=len(found))
            shingles[rows[held]] = counts[held]
            signed[rows[held]] = True
        local = copies.shown_story_heads(
            begins[first:last] - lo, sizes[first:last], values, shingles, signed
        )
        heads[lo:hi] = local + lo
        first = last
    return heads


@dataclass(frozen=True)
class CollapsedStories:
    """The timeline's events with each story drawn once, and what the window needs of it."""

    arrays: EventArrays
    copies: dict[int, int]  # the copies a drawn story stands for, by its event's id
    earliest: dict[int, int]  # the earliest copy by the id of every later copy
    # (copies, first, last publication) by the earliest copy of each story (Collapse.counts).
    spreads: dict[int, tuple[int, int | None, int | None]] = field(default_factory=dict)

    def drawn_rows(self, arrays: EventArrays) -> EventArrays:
        """Rows of a few articles (as the store holds them) as these stories draw them:
        a later copy's left out, an earliest copy's publication over its story's spread.
        For an edit's patch of the window's one copy, which keeps no loaded arrays to
        take those rows from (edits.patch_overlay without a base)."""
        present = np.unique(arrays.article_ids).tolist()
        later = {a for a in present if a in self.earliest}
        spreads = {a: self.spreads[a] for a in present if a in self.spreads}
        return collapse_copies(arrays, spreads, later)


def collapsed_arrays(
    store: Store, arrays: EventArrays, hidden: Iterable[int] = (), *, in_place: bool = False
) -> CollapsedStories:
    """The events with each story drawn once (collapse_copies) from one read of the clusters,
    the hidden articles left out of them (read_collapse).

    The window's events loader runs this on its own thread, never the GUI thread (the
    clusters of the 500,000-article bench store take 1.5 s to read).  in_place: arrays
    are spent, the stories' arrays written over their buffers (edits.collapsed_in_place:
    no second copy of the events).
    """
    found = read_collapse(store, hidden)
    collapse = collapsed_in_place if in_place else collapse_copies
    collapsed = collapse(arrays, found.counts, set(found.earliest))
    del arrays
    if not found.counts:
        return CollapsedStories(collapsed, {}, found.earliest)
    earliest = np.fromiter(found.counts, dtype=np.int64, count=len(found.counts))
    rows = np.flatnonzero(np.isin(collapsed.article_ids, earliest))
    copies = {
        int(collapsed.ids[r]): found.counts[int(collapsed.article_ids[r])][0] for r in rows.tolist()
    }
    return CollapsedStories(collapsed, copies, found.earliest, found.counts)


def document_counts(store: Store, terms: Sequence[str], cap: int) -> dict[str, int]:
    """How many articles hold each term, counted up to cap + 1 ("more than cap").

    Bounded work per term whatever the store's size: the full-text index is read for
    at most cap + 1 articles (fts5vocab would walk a common word's whole posting list).
    Terms are index tokens (letters and digits), quoted as one-word phrases.
    """
    out: dict[str, int] = {}
    conn = store.db.conn
    wanted = list(terms)
    # A statement for _TERMS_PER_STATEMENT terms, not one a term: a quarter less CPU
    # (the statement's own cost was a third of a rare word's count).
    for i in range(0, len(wanted), _TERMS_PER_STATEMENT):
        part = json.dumps(wanted[i : i + _TERMS_PER_STATEMENT], ensure_ascii=False)
        for term, n in conn.execute(
            "SELECT t.value, (SELECT count(*) FROM (SELECT 1 FROM article_fts"
            " WHERE article_fts MATCH '\"' || replace(t.value, '\"', '') || '\"' LIMIT ?))"
            " FROM json_each(?) t",
            (cap + 1, part),
        ):
            if n:
                out[term] = int(n)
    return out


def article_total(store: Store) -> int:
    """About how many articles are stored (the largest id: no count over the table)."""
    row = store.db.conn.execute("SELECT max(id) FROM articles").fetchone()
    return int(row[0] or 0)


def term_holders(
    store: Store,
    terms: Iterable[str],
    start: int | None,
    end: int | None,
    limit: int = 200,
    hidden: Iterable[int] = (),
) -> dict[str, list[tuple[int, int | None]]]:
    """(id, publication) of up to limit articles holding each term, published in
    [start, end] if given: dates as the user sees them.  hidden: articles the user hid,
    left out (the window's Related tab offers nothing put out of sight).

    The index's rows hold the stored publication; the few articles the user re-dated
    (listing.redated) are looked at apart, and only those a correction moves across the
    window's edges change the reading: left out of the rows read when only their stored
    date is in the window (read as many more), let in by id when only their shown one is.
    The hidden, as few, are left out of the rows read the same way.
    """
    # Eight terms' holders, measured on 30,000 articles: 0.16-0.27 ms by the stored
    # dates, and the same this way with no correction; with 205 that all moved articles
    # out of the window, 0.8-1.0 ms (redated's read, and the pages it pushes out of the
    # cache).  Joining every holder to the user's table instead took 0.18-0.82 ms, with
    # or without corrections: three times the stored reading where a term had most
    # holders, as it reads an article's row and the user's table for each posting
    # before the window can be judged, at any date (rare terms: up to 0.5% of a store).
    shown: dict[int, int | None] = {}
    left_out: set[int] = set(hidden)
    let_in: list[int] = []
    for article_id, ((stored, _), (date, _)) in redated(store).items():
        shown[article_id] = date
        if start is not None and end is not None:
            before = stored is not None and start <= stored <= end
            after = date is not None and start <= date <= end
            if before and not after:
                left_out.add(article_id)
            elif after and not before:
                let_in.append(article_id)
    sql = (
        "SELECT s.article_id, s.published_start FROM article_fts f"
        " JOIN article_search s ON s.fts_rowid = f.rowid WHERE article_fts MATCH ?"
    )
    window: list[object] = []
    if start is not None and end is not None:
        sql += " AND (s.published_start BETWEEN ? AND ?"
        window = [start, end]
        if let_in:
            sql += " OR s.article_id IN (SELECT value FROM json_each(?))"
            window.append(json.dumps(let_in))
        sql += ")"
    sql += " LIMIT ?"
    conn = store.db.conn
    out: dict[str, list[tuple[int, int | None]]] = {}
    for term in terms:
        rows = conn.execute(
            sql, ['"' + term.replace('"', "") + '"', *window, limit + len(left_out)]
        )
        found = [(int(a), shown.get(int(a), p)) for a, p in rows if a not in left_out]
        out[term] = found[:limit]
    return out


def article_texts(store: Store, article_id: int) -> tuple[str, str] | None:
    """An article's title and body, None when it is gone."""
    row = store.db.conn.execute(
        "SELECT title, body FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return None if row is None else (row[0], row[1])


def shown_publication(store: Store, article_id: int) -> int | None:
    """An article's publication as the user sees it (axis seconds: a corrected date over
    the stored one), None when undated or unknown."""
    key = list_keys(store, [article_id]).get(article_id)
    return None if key is None else key[0]
