"""The database schema and its migrations, versioned by PRAGMA user_version."""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the store when a migration runs (store._Database)
    import sqlite_utils

# Told (done, total, what) while a migration rebuilds something large; the Store sets
# it for the length of a migration (Store(progress=...)).
migration_progress: ContextVar[Callable[[int, int, str], None] | None] = ContextVar(
    "migration_progress", default=None
)


def _v1_articles_and_events(db: sqlite_utils.Database) -> None:
    # "end" is an SQL keyword; it is the column name DESIGN.md gives, so it is quoted.
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            caption TEXT NOT NULL DEFAULT '',
            credit TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT 'ar',
            published TEXT,
            published_start INTEGER,
            published_raw TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        );
        CREATE INDEX articles_chronological ON articles(published_start, id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER,
            "end" INTEGER,
            granularity TEXT NOT NULL,
            value TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            span_start INTEGER,
            span_end INTEGER,
            confidence REAL NOT NULL DEFAULT 1.0
        );
        CREATE INDEX events_article ON events(article_id);
        """
    )


# -- v2: full-text search ----------------------------------------------------------
#
# A frozen copy of timeline.text.normalize as of this migration, done in SQL so the
# triggers below work on every connection (the sqlite-utils CLI, Datasette, worker
# threads) with nothing to register.  It must stay byte-for-byte what it was: SQLite
# 3.40 has no contentless_delete, so removing a row from the index re-supplies the
# normalized text, which must equal what was indexed.  tests/store/test_search.py
# checks that normalize() still agrees; if normalize() changes, append a migration
# that recreates the triggers and rebuilds the index.  Not applied: NFC, which only
# matters for decomposed non-Arabic letters (decomposed hamza forms fold the same).
_V2_DROPPED = [
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06EE),
    0x0640,
]
_V2_FOLDED = {
    0x0623: "ا",
    0x0625: "ا",
    0x0622: "ا",
    0x0671: "ا",
    0x0649: "ي",
    0x0629: "ه",
    0x0624: "و",
    0x0626: "ي",
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
}
# FTS rowids are given in publication order, so the newest hits come first from the
# index itself (ORDER BY rowid DESC) and a publication range is a rowid range.  The
# rowid is the article's minute (published_start / 60, SQL's truncating division), or
# the first free rowid after it when another article holds it: a rowid is never less
# than its article's minute, and a burst of articles dated to the same midnight takes
# the minutes after it.  Minutes, not seconds: the index stores rowid deltas, and
# sparser rowids grow it (85 against 73 MB for 100,000 articles over 25 years).
# Undated articles sort before every dated one.
_V2_SECONDS_PER_ROWID = 60
_V2_MAX_SECONDS = (1 << 40) - 1
_V2_UNDATED = -(1 << 62)


def _v2_normalized_views() -> list[str]:
    """Views that give each article's normalized title and body (article_search_text).

    A chain of views because SQLite's parser overflows past about 25 nested calls.
    """
    steps = [f"replace({{}}, char({code}), '')" for code in _V2_DROPPED]
    steps += [f"replace({{}}, char({code}), char({ord(c)}))" for code, c in _V2_FOLDED.items()]
    chunks = [steps[i : i + 22] for i in range(0, len(steps), 22)]
    views = []
    source = "articles"
    for n, chunk in enumerate(chunks, start=1):
        name = "article_search_text" if n == len(chunks) else f"article_search_text_{n}"
        title, body = "title", "body"
        for step in chunk:
            title, body = step.format(title), step.format(body)
        views.append(
            f"CREATE VIEW {name} AS SELECT id, published_start,"
            f" {title} AS title, {body} AS body FROM {source}"
        )
        source = name
    return views


def _v2_first_free(at: str) -> str:
    """SQL for the first rowid at or after `at` that no article holds."""
    return (
        f"(CASE WHEN NOT EXISTS (SELECT 1 FROM article_search WHERE fts_rowid = {at}) THEN {at}"
        " ELSE (SELECT a.fts_rowid + 1 FROM article_search a"
        f" WHERE a.fts_rowid >= {at} AND NOT EXISTS"
        " (SELECT 1 FROM article_search b WHERE b.fts_rowid = a.fts_rowid + 1)"
        " ORDER BY a.fts_rowid LIMIT 1) END)"
    )


def _v2_index(row: str) -> str:
    """Statements that index the article row (NEW in a trigger) once it is stored."""
    minute = (
        f"(max(min({row}.published_start, {_V2_MAX_SECONDS}), -{_V2_MAX_SECONDS})"
        f" / {_V2_SECONDS_PER_ROWID})"
    )
    rowid = (
        f"CASE WHEN {row}.published_start IS NULL THEN {_V2_UNDATED} + {row}.id"
        f" ELSE {_v2_first_free(minute)} END"
    )
    return (
        "INSERT INTO article_search (fts_rowid, article_id, published_start)"
        f" VALUES ({rowid}, {row}.id, {row}.published_start);\n"
        "INSERT INTO article_fts (rowid, title, body)"
        " SELECT s.fts_rowid, t.title, t.body FROM article_search_text t"
        f" JOIN article_search s ON s.article_id = t.id WHERE t.id = {row}.id;"
    )


def _v2_unindex(row: str) -> str:
    """Statements that remove the article row (OLD) from the index while it is still stored."""
    return (
        "INSERT INTO article_fts (article_fts, rowid, title, body)"
        " SELECT 'delete', s.fts_rowid, t.title, t.body FROM article_search_text t"
        f" JOIN article_search s ON s.article_id = t.id WHERE t.id = {row}.id;\n"
        f"DELETE FROM article_search WHERE article_id = {row}.id;"
    )


def _v2_full_text_search(db: sqlite_utils.Database) -> None:
    # article_search maps the index's rowids to article ids.  Contentless: the index
    # holds no second copy of the text (snippets are cut from articles.body).
    # Removal runs BEFORE the change, while the stored text can still be normalized
    # to exactly what was indexed; a foreign key cascade would be too early too.
    conn = db.conn
    conn.execute(
        "CREATE TABLE article_search ("
        " fts_rowid INTEGER PRIMARY KEY,"
        " article_id INTEGER NOT NULL UNIQUE,"
        " published_start INTEGER)"
    )
    # Body first: a position list names its column only when it is not the first, so
    # this order saves two bytes for nearly every (word, article) pair (a fifth of
    # the index, measured).
    conn.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5("
        "body, title, content='', tokenize='unicode61 remove_diacritics 2')"
    )
    # The search's source filter and the list of sources read this index, not the table.
    conn.execute("CREATE INDEX articles_source ON articles(source)")
    for view in _v2_normalized_views():
        conn.execute(view)
    watched = "id, title, body, published_start"
    conn.execute(
        f"CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN\n"
        f"{_v2_index('NEW')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_delete BEFORE DELETE ON articles BEGIN\n"
        f"{_v2_unindex('OLD')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_update_old BEFORE UPDATE OF {watched} ON articles"
        f" BEGIN\n{_v2_unindex('OLD')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_update_new AFTER UPDATE OF {watched} ON articles"
        f" BEGIN\n{_v2_index('NEW')}\nEND"
    )
    # Index what is already stored, in publication order.
    rows = conn.execute(
        "SELECT id, published_start FROM articles ORDER BY published_start IS NULL,"
        " published_start, id"
    ).fetchall()
    mapping = []
    last = None
    for article_id, published_start in rows:
        if published_start is None:
            rowid = _V2_UNDATED + article_id
        else:
            second = max(min(published_start, _V2_MAX_SECONDS), -_V2_MAX_SECONDS)
            minute = abs(second) // _V2_SECONDS_PER_ROWID * (1 if second >= 0 else -1)
            rowid = minute if last is None else max(minute, last + 1)
            last = rowid
        mapping.append((rowid, article_id, published_start))
    conn.executemany(
        "INSERT INTO article_search (fts_rowid, article_id, published_start) VALUES (?, ?, ?)",
        mapping,
    )
    conn.execute(
        "INSERT INTO article_fts (rowid, title, body)"
        " SELECT s.fts_rowid, t.title, t.body"
        " FROM article_search_text t JOIN article_search s ON s.article_id = t.id"
        " ORDER BY s.fts_rowid"
    )


def _v3_timeline_covering_index(db: sqlite_utils.Database) -> None:
    # The timeline reads every placed event in start order (timeline/store/timeline_data.py):
    # a covering index answers that without visiting the table.
    db.conn.execute(
        'CREATE INDEX events_timeline ON events(start, "end", kind, granularity, article_id)'
        " WHERE start IS NOT NULL"
    )


# -- v4: the first paragraph as a column of its own ----------------------------------
#
# Ranking weighs a word in the title above one in the first paragraph (the lead) and
# that above one deeper in the body, so the index has three columns: body (the text
# after the lead; first, as in v2, for the smaller position lists), title, lead.  The
# lead is the first paragraph when it is at most _V4_LEAD_MAX characters long, else
# the text up to the first space after _V4_LEAD_CUT characters.  Computed in SQL from
# v2's normalized text, so the triggers still keep the index in step on any connection.
_V4_LEAD_MAX = 600
_V4_LEAD_CUT = 400
_V4_TRIGGERS = (
    "article_search_insert",
    "article_search_delete",
    "article_search_update_old",
    "article_search_update_new",
)


def _v4_parts_views(folded: Mapping[int, str] | None = None) -> list[str]:
    """Views that give each article's normalized title, lead and rest (article_search_parts).

    The body is cut first and each part normalized after (normalization maps character
    by character, so the parts still make up the normalized body): cutting the
    normalized body would run the normalization once per use of the cut expression.
    folded: the letters folded (v4's, _V2_FOLDED, when None).
    """
    body = "ltrim(body, char(32, 9, 10, 13))"
    nl = f"instr({body}, char(10))"
    cut = (
        f"(CASE WHEN {nl} BETWEEN 1 AND {_V4_LEAD_MAX} THEN {nl}"
        f" WHEN length({body}) <= {_V4_LEAD_CUT} THEN length({body}) + 1"
        f" ELSE {_V4_LEAD_CUT} + coalesce(nullif(instr(substr({body}, {_V4_LEAD_CUT + 1}),"
        f" ' '), 0), length({body})) END)"
    )
    views = [
        "CREATE VIEW article_search_cut AS SELECT id, title,"
        f" substr({body}, 1, {cut} - 1) AS lead, substr({body}, {cut}) AS body FROM articles"
    ]
    steps = [f"replace({{}}, char({code}), '')" for code in _V2_DROPPED]
    folds = _V2_FOLDED if folded is None else folded
    steps += [f"replace({{}}, char({code}), char({ord(c)}))" for code, c in folds.items()]
    chunks = [steps[i : i + 22] for i in range(0, len(steps), 22)]
    source = "article_search_cut"
    for n, chunk in enumerate(chunks, start=1):
        name = "article_search_parts" if n == len(chunks) else f"article_search_parts_{n}"
        columns = {"title": "title", "lead": "lead", "body": "body"}
        for step in chunk:
            columns = {k: step.format(v) for k, v in columns.items()}
        views.append(
            f"CREATE VIEW {name} AS SELECT id, {columns['title']} AS title,"
            f" {columns['lead']} AS lead, {columns['body']} AS body FROM {source}"
        )
        source = name
    return views


def _v4_index(row: str) -> str:
    minute = (
        f"(max(min({row}.published_start, {_V2_MAX_SECONDS}), -{_V2_MAX_SECONDS})"
        f" / {_V2_SECONDS_PER_ROWID})"
    )
    rowid = (
        f"CASE WHEN {row}.published_start IS NULL THEN {_V2_UNDATED} + {row}.id"
        f" ELSE {_v2_first_free(minute)} END"
    )
    return (
        "INSERT INTO article_search (fts_rowid, article_id, published_start)"
        f" VALUES ({rowid}, {row}.id, {row}.published_start);\n"
        "INSERT INTO article_fts (rowid, body, title, lead)"
        " SELECT s.fts_rowid, t.body, t.title, t.lead FROM article_search_parts t"
        f" JOIN article_search s ON s.article_id = t.id WHERE t.id = {row}.id;"
    )


def _v4_unindex(row: str) -> str:
    return (
        "INSERT INTO article_fts (article_fts, rowid, body, title, lead)"
        " SELECT 'delete', s.fts_rowid, t.body, t.title, t.lead FROM article_search_parts t"
        f" JOIN article_search s ON s.article_id = t.id WHERE t.id = {row}.id;\n"
        f"DELETE FROM article_search WHERE article_id = {row}.id;"
    )


def _v4_lead_column(db: sqlite_utils.Database) -> None:
    conn = db.conn
    for name in _V4_TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE article_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5("
        "body, title, lead, content='', tokenize='unicode61 remove_diacritics 2')"
    )
    for view in _v4_parts_views():
        conn.execute(view)
    watched = "id, title, body, published_start"
    conn.execute(
        f"CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN\n"
        f"{_v4_index('NEW')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_delete BEFORE DELETE ON articles BEGIN\n"
        f"{_v4_unindex('OLD')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_update_old BEFORE UPDATE OF {watched} ON articles"
        f" BEGIN\n{_v4_unindex('OLD')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_update_new AFTER UPDATE OF {watched} ON articles"
        f" BEGIN\n{_v4_index('NEW')}\nEND"
    )
    # Re-index what is stored, in rowid order and in chunks so that progress shows.
    rowids = [r[0] for r in conn.execute("SELECT fts_rowid FROM article_search ORDER BY fts_rowid")]
    progress = migration_progress.get()
    chunk = 2_000
    for i in range(0, len(rowids), chunk):
        part = rowids[i : i + chunk]
        conn.execute(
            "INSERT INTO article_fts (rowid, body, title, lead)"
            " SELECT s.fts_rowid, t.body, t.title, t.lead"
            " FROM article_search_parts t JOIN article_search s ON s.article_id = t.id"
            " WHERE s.fts_rowid BETWEEN ? AND ? ORDER BY s.fts_rowid",
            (part[0], part[-1]),
        )
        if progress is not None:
            progress(i + len(part), len(rowids), "search index")


# -- v5: what the user said (DESIGN.md rule 5) ----------------------------------------
#
# Keyed by article uid and mention span, never by an events.id (recompute renews those).


def _v5_user_edits(db: sqlite_utils.Database) -> None:
    """The user's own tables (timeline/store/edits.py): nothing the program recomputes.

    who/at on every row: the user's login name and the UTC time of the edit.
    """
    db.executescript(
        """
        CREATE TABLE user_article_fields (
            article_uid TEXT NOT NULL,
            field TEXT NOT NULL,          -- title | source | published
            value TEXT NOT NULL,          -- the text as typed
            date_value TEXT,              -- published: the date read from it
            granularity TEXT,
            start INTEGER,
            "end" INTEGER,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (article_uid, field)
        );
        CREATE TABLE user_mentions (
            article_uid TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            span_text TEXT NOT NULL,      -- body[span_start:span_end] when corrected
            typed TEXT NOT NULL DEFAULT '',
            not_a_date INTEGER NOT NULL DEFAULT 0,
            value TEXT,
            granularity TEXT,
            start INTEGER,
            "end" INTEGER,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (article_uid, span_start, span_end)
        );
        CREATE TABLE user_events (
            id INTEGER PRIMARY KEY,
            article_uid TEXT,             -- NULL: a standalone event, from no article
            typed TEXT NOT NULL DEFAULT '',
            value TEXT NOT NULL,
            granularity TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER,
            label TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX user_events_article ON user_events(article_uid);
        CREATE TABLE user_hidden (
            target TEXT PRIMARY KEY,      -- article:UID | mention:UID:START:END | event:ID
            who TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE user_tags (
            name TEXT PRIMARY KEY,
            colour TEXT NOT NULL,         -- #rrggbb
            who TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE user_tagged (
            tag TEXT NOT NULL,
            target TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (tag, target)
        );
        CREATE INDEX user_tagged_target ON user_tagged(target);
        CREATE TABLE user_notes (
            article_uid TEXT PRIMARY KEY,
            note TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """
    )


def _v6_body_kind_and_capture(db: sqlite_utils.Database) -> None:
    # body_kind: 'summary' when a feed carried only a summary of the article (shown as
    # such in the detail pane), '' for the full text.  captured: when a web archive
    # captured the page (ISO 8601), kept apart from the publication date.
    db.conn.execute("ALTER TABLE articles ADD COLUMN body_kind TEXT NOT NULL DEFAULT ''")
    db.conn.execute("ALTER TABLE articles ADD COLUMN captured TEXT NOT NULL DEFAULT ''")


def _v7_stories_copies_and_threads(db: sqlite_utils.Database) -> None:
    # Stories (timeline/stories, timeline/store/stories.py).  story_signatures: each
    # article's MinHash signature (128 little-endian uint32) and its shingle count.
    # story_bands: the LSH index, one row per (band key, article), so an import finds
    # the candidates of a new article with a lookup instead of a rescan.
    # story_copies: the cluster (named by its smallest article id) of every article
    # that has a copy.  A deleted article's band rows stay (finding them needs a scan);
    # the holders of a band are read joined to story_signatures, which loses the row.
    db.executescript(
        """
        CREATE TABLE story_signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            shingles INTEGER NOT NULL,
            signature BLOB NOT NULL
        );
        CREATE TABLE story_bands (
            band_key INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (band_key, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE story_copies (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            cluster INTEGER NOT NULL
        );
        CREATE INDEX story_copies_cluster ON story_copies(cluster);
        """
    )


def _v8_stories_resigned(db: sqlite_utils.Database) -> None:
    # The shingle hashes and band keys changed (timeline/stories/copies.py: one prefix
    # sum of the text instead of a crc32 a word), so a signature stored by v7 would
    # never match one made now: re-sign every signed article and rebuild the band index.
    # The clusters stay (their verdicts stand: both signatures estimate the same
    # Jaccard).  Articles without a signature are left to library.update_stories.
    # Signs with the current copies module: a later change of the signature appends a
    # migration like this one.
    from timeline.stories import copies

    conn = db.conn
    ids = [r[0] for r in conn.execute("SELECT article_id FROM story_signatures ORDER BY 1")]
    conn.execute("DELETE FROM story_bands")
    progress = migration_progress.get()
    chunk = 500
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        signed, bands = [], []
        for article_id, title, body in conn.execute(
            "SELECT id, title, body FROM articles WHERE id BETWEEN ? AND ?"
            " AND id IN (SELECT article_id FROM story_signatures) ORDER BY id",
            (part[0], part[-1]),
        ):
            sig = copies.signature(copies.article_text(title, body))
            signed.append((sig.shingles, sig.to_bytes(), article_id))
            bands += [(key, article_id) for key in copies.band_keys(sig)]
        conn.executemany(
            "UPDATE story_signatures SET shingles = ?, signature = ? WHERE article_id = ?", signed
        )
        conn.executemany(
            "INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES (?, ?)", bands
        )
        if progress is not None:
            progress(i + len(part), len(ids), "story signatures")


def _v9_stories_resigned_one_permutation(db: sqlite_utils.Database) -> None:
    # The signature changed again (timeline/stories/copies.py: one-permutation MinHash,
    # a sort of the shingles instead of 128 hash functions each): a v8 signature
    # estimates the same Jaccard but never agrees with one made now, so every signed
    # article is signed again and the band index rebuilt, as v8 did (it signs with the
    # current copies module).  The clusters stay.  (A v7 store is signed twice, by v8
    # and here: once in its life.)
    _v8_stories_resigned(db)


# -- v10: an importer that writes the index itself -------------------------------------
#
# The insert trigger normalized every new article in SQL (a chain of some 60 replace()
# calls over the title and body): about half of what an import cost.  Our importer now
# computes the same parts in Python (search_parts, in its worker processes) and writes
# the article's article_search and article_fts rows itself, BEFORE the article row;
# the insert trigger skips an article that is already indexed (its WHEN clause: one
# look-up of article_search's unique index), so any other writer (sqlite-utils,
# Datasette, a plain INSERT) still has its rows indexed by the trigger as before.  The
# index's columns, tokenizer and rowid scheme are unchanged; removal (the delete and
# update triggers) still re-supplies the text through the views, so search_parts must
# give byte for byte what article_search_parts gives (tests/store/test_index_writer.py).


def _v10_insert_trigger_skips_indexed(db: sqlite_utils.Database) -> None:
    conn = db.conn
    conn.execute("DROP TRIGGER article_search_insert")
    conn.execute(
        "CREATE TRIGGER article_search_insert AFTER INSERT ON articles"
        " WHEN NOT EXISTS (SELECT 1 FROM article_search WHERE article_id = NEW.id) BEGIN\n"
        f"{_v4_index('NEW')}\nEND"
    )


# -- v15: letters of other alphabets folded in the index ----------------------------
#
# The Persian and Urdu forms of Arabic letters and the letters Arabic writers add for v
# and p (timeline.text.normalize.OTHER_ALPHABET_FOLDS): ایران was found by no search
# for ايران.  The views fold them too from v15 on; the migration takes out the index
# rows of the articles that hold any (with the old views, which give what was indexed)
# and writes them again, word pairs included.
_V15_FOLDED = {**_V2_FOLDED, 0x06CC: "ي", 0x06A9: "ك", 0x06BE: "ه", 0x06A4: "ف", 0x067E: "ب"}


# -- v22: characters the tokenizer glues to words, spaced in the index ----------------
#
# FTS5's unicode61 tokenizer reads Unicode 6.1's tables: a character assigned since is
# kept inside the token it touches (as a letter would be), where the query
# side (timeline.text.query's [^\W_]+, Python's tables) cuts at it.  "\u2066عنوان\u2069"
# was indexed as one token with its isolates, found by no search for عنوان.  These are
# all such characters of the Arabic blocks (0600-06FF, 0750-077F, 0870-08FF, FB50-FDFF,
# FE70-FEFF), General Punctuation and the Currency Symbols, found by asking the tokenizer
# for each between two letters: the letter mark, the isolates, the number marks above,
# the end of text mark, the raised dot and wasla symbols, the honorific word ligatures
# (FD40-FD4F, FDCF, FDFE, FDFF), the Quranic marks of Arabic Extended-A/B (Mn) and the
# newer currency signs (₺ ₼ ₽ ₾ ₿, which prices write against their digits: 500₺).  The
# views write each as a space, so the index cuts where the query does (as
# search_normalize does: timeline.text.normalize.SEARCH_SPACED, which a test holds to
# this frozen copy).  The marks too: dropped, as the harakat are, they would join words
# that copy detection (search_normalize's words) parts, and change its stored
# signatures; the highlighter lets only the harakat into a word.  Not spaced: the unassigned code points of those blocks, the 2,200 newer symbols (emoji
# among them) and the other scripts' letters and marks, as each is a step of the views'
# replace chain, run for every article another writer stores.
_V22_SPACED = (
    0x0605,
    0x061C,
    0x061D,
    0x0888,
    0x0890,
    0x0891,
    *range(0x0898, 0x08A0),
    *range(0x08CA, 0x08E4),
    0x08FF,
    0xFBC2,
    *range(0xFD40, 0xFD50),
    0xFDCF,
    0xFDFE,
    0xFDFF,
    *range(0x2066, 0x206A),
    *range(0x20BA, 0x20C1),
)
_V22_FOLDED = {**_V15_FOLDED, **dict.fromkeys(_V22_SPACED, " ")}


# What the views of v22 compute, in Python (for the importer's own index rows).  The
# spaced characters by one regex search (and sub where found): search_parts of the
# first 5,000 articles of SaudiNewsNet took 0.09 s without them, 0.12 s so and 0.15 s
# with a `in` and str.replace each, as the letters.  The order does not matter: no
# fold gives a character that another folds or spaces.
_SEARCH_DROPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _V2_DROPPED) + "]")
_SEARCH_FOLDS = tuple((chr(code), folded) for code, folded in _V15_FOLDED.items())
_SEARCH_SPACED = re.compile("[" + "".join(chr(c) for c in _V22_SPACED) + "]")
_V15_SEARCH_FOLDS = _SEARCH_FOLDS
_V2_SEARCH_FOLDS = tuple((chr(code), folded) for code, folded in _V2_FOLDED.items())


def _search_folded(
    text: str,
    folds: tuple[tuple[str, str], ...] = _SEARCH_FOLDS,
    spaced: re.Pattern[str] | None = _SEARCH_SPACED,
) -> str:
    text = _SEARCH_DROPPED.sub("", text)
    if spaced is not None and spaced.search(text):
        text = spaced.sub(" ", text)
    for variant, folded in folds:
        if variant in text:
            text = text.replace(variant, folded)
    return text


def lead_cut(body: str) -> tuple[str, int]:
    """The body as the views cut it (leading white space off) and where its lead ends:
    the first paragraph when at most _V4_LEAD_MAX characters long, else the text up to
    the first space after _V4_LEAD_CUT characters (all of a shorter body)."""
    body = body.lstrip(" \t\n\r")
    newline = body.find("\n")
    if 0 <= newline < _V4_LEAD_MAX:
        return body, newline
    if len(body) <= _V4_LEAD_CUT:
        return body, len(body)
    space = body.find(" ", _V4_LEAD_CUT)
    return body, len(body) if space == -1 else space


def search_parts(
    title: str,
    body: str,
    *,
    folds: tuple[tuple[str, str], ...] = _SEARCH_FOLDS,
    spaced: re.Pattern[str] | None = _SEARCH_SPACED,
) -> tuple[str, str, str] | None:
    """(title, lead, rest) as article_search_parts gives them for this article: the
    texts the index holds for it.  None for a text SQL and Python would not count
    alike (a NUL: SQLite's length() stops there); such an article is left to the trigger.
    folds, spaced: the letters folded and the characters spaced (those of an older
    schema's views, for its rows: up to v21 none spaced).  The word pairs of a text
    (pair_parts) do not depend on the spacing: word_pairs cuts at those characters too.
    """
    if "\x00" in title or "\x00" in body:
        return None
    body, cut = lead_cut(body)
    return (
        _search_folded(title, folds, spaced),
        _search_folded(body[:cut], folds, spaced),
        _search_folded(body[cut:], folds, spaced),
    )


# The importer's own index rows for an article about to be stored (named parameters
# :id, :published_start, :title, :lead, :body); the rowid as the insert trigger gives it.
INDEX_ARTICLE_SQL = (
    _v4_index("NEW").split(";\n")[0].replace("NEW.", ":"),
    "INSERT INTO article_fts (rowid, body, title, lead)"
    " SELECT fts_rowid, :body, :title, :lead FROM article_search WHERE article_id = :id",
)
# The same rows for a dated article with its rowid's search started at :at (the first
# free rowid at or after :at) instead of at its minute: an import that holds the write
# transaction and frees nothing knows every rowid from its minute up to the last it gave
# that minute is taken, so the search skips them (store.ArticleWriter).  Its minute is
# search_minute(published_start).
INDEX_ARTICLE_AT_SQL = (
    "INSERT INTO article_search (fts_rowid, article_id, published_start)"
    f" VALUES ({_v2_first_free(':at')}, :id, :published_start)"
    " RETURNING fts_rowid",
    "INSERT INTO article_fts (rowid, body, title, lead) VALUES (?, ?, ?, ?)",
)


def search_minute(published_start: int) -> int:
    """Where the insert trigger starts looking for a dated article's index rowid (its
    publication in minutes, clamped and truncated toward zero as SQLite divides)."""
    second = max(min(published_start, _V2_MAX_SECONDS), -_V2_MAX_SECONDS)
    minute = abs(second) // _V2_SECONDS_PER_ROWID
    return minute if second >= 0 else -minute


# -- v11: the timeline's density summary --------------------------------------------
#
# How many placed events start on each day (days counted from 1970-01-01 on the
# proleptic Gregorian axis, floored, so negative before 1970).  The timeline draws its
# first frame from it, a density band over the whole span, before any event row is read
# (timeline/store/timeline_data.py: density_summary), and splits its read of the events
# into ranges of days from it.  Triggers keep it in step with every writer, sqlite-utils
# and Datasette included: one upsert of one small row per event written.  A day whose
# events all went keeps its row with n = 0 (readers skip those).
_DAY = "(({t}) - ((({t}) % 86400) + 86400) % 86400) / 86400"


def _v11_timeline_density(db: sqlite_utils.Database) -> None:
    new_day, old_day = _DAY.format(t="new.start"), _DAY.format(t="old.start")
    db.executescript(
        f"""
        CREATE TABLE timeline_density (day INTEGER PRIMARY KEY, n INTEGER NOT NULL);
        INSERT INTO timeline_density (day, n)
            SELECT {_DAY.format(t="start")} AS d, count(*) FROM events
            WHERE start IS NOT NULL GROUP BY d;
        CREATE TRIGGER timeline_density_insert AFTER INSERT ON events
        WHEN new.start IS NOT NULL BEGIN
            INSERT INTO timeline_density (day, n) VALUES ({new_day}, 1)
                ON CONFLICT (day) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER timeline_density_delete AFTER DELETE ON events
        WHEN old.start IS NOT NULL BEGIN
            UPDATE timeline_density SET n = n - 1 WHERE day = {old_day};
        END;
        CREATE TRIGGER timeline_density_update AFTER UPDATE OF start ON events
        WHEN old.start IS NOT new.start BEGIN
            UPDATE timeline_density SET n = n - 1
                WHERE old.start IS NOT NULL AND day = {old_day};
            INSERT INTO timeline_density (day, n) SELECT {new_day}, 1
                WHERE new.start IS NOT NULL
                ON CONFLICT (day) DO UPDATE SET n = n + 1;
        END;
        """
    )


# -- v12: mentions of a date range found without reading every earlier event -------
#
# A search filtered on the dates articles mention asks for the events that overlap a
# range [lower, upper).  The events' timeline index is ordered by start, so that read
# every event starting before upper: half the store's events, on average.  A mention no
# longer than SHORT_MENTION seconds (a year) that overlaps the range starts after lower
# minus that, which bounds the read on both sides; the longer ones (decades, "P70Y"),
# few, have this partial index of their own.  An index, not a table kept by triggers:
# every writer keeps it in step with nothing to run.  timeline/store/search.py reads
# through it by name and repeats LONG_MENTION word for word (SQLite uses a partial
# index only for a query whose WHERE holds its WHERE's terms as written).
SHORT_MENTION = 366 * 86_400
LONG_MENTION = f"kind = 'mentioned' AND coalesce(\"end\", start + 1) - start > {SHORT_MENTION}"


def _v12_long_mentions(db: sqlite_utils.Database) -> None:
    db.execute(
        'CREATE INDEX IF NOT EXISTS events_long_mentions ON events(start, "end", article_id)'
        f" WHERE {LONG_MENTION}"
    )


# -- v13: word pairs of the commonest words, for phrases -----------------------------
#
# A phrase is evaluated by FTS5 by comparing the positions of its words in every article
# holding them all, and bm25 evaluates it a second time for its idf: for two words in
# most articles, 50-170 ms at 100,000 articles.  article_pairs indexes each pair of
# neighbouring words that are both among the commonest (search_pair_words) as one token
# (first_second), with the same rowids and columns as article_fts, so such a phrase is a
# term query there: one short list, read as a word's.  Only the commonest words: the
# pairs of every word would be near the main index's size.
#
# The pairs are cut in Python (SQL in a trigger cannot split a text), so only our writers
# (the importer, Store.add_article, this migration, fill_word_pairs) write them.  Any
# other writer (sqlite-utils, Datasette, a plain INSERT) goes through the triggers, which
# mark the rowid in search_unpaired; so do a deletion and an update, which keep the old
# title and body there while the pair row written from them is still in the index (a
# contentless table deletes a row only when given what it indexed: SQLite 3.40 has no
# contentless_delete).  A search checks the marked rowids the slow way, one by one
# (timeline/store/search.py); fill_word_pairs (run by an import's end and by `timeline
# recompute`) takes the old rows out, writes the pairs of what is stored and clears the
# marks.
#
# The word list is chosen once, when the pairs are built: the PAIR_WORDS terms of the
# index in the most articles, or, in a store of fewer than PAIR_WORDS_FROM articles,
# DEFAULT_PAIR_WORDS (the words in the most articles of 31,030 Saudi news articles).
PAIR_WORDS = 64
PAIR_WORDS_FROM = 2_000
_DEFAULT_PAIR_TEXT = (
    "في من علي ان الي التي عن مع الذي ما خلال بعد هذا هذه بين كما لا حيث انه او"
    " ذلك كل قبل اليوم العام بن وقال كان لم حتي وفي امس قد عدد عام رييس اي اكثر"
    " الله تم محمد ومن هو له وهو فيها الماضي وذلك منذ غير بها فيما لها اخري كانت"
    " الا بعض منطقه الاول السعوديه المملكه وان الذين فيه"
)
DEFAULT_PAIR_WORDS = tuple(_DEFAULT_PAIR_TEXT.split())
_PAIR_TOKEN = re.compile(r"[^\W_]+")


def _pair_words_chosen(conn: sqlite3.Connection) -> list[str]:
    """The words whose pairs are indexed, chosen from what the store holds now."""
    if conn.execute("SELECT count(*) FROM article_search").fetchone()[0] < PAIR_WORDS_FROM:
        return list(DEFAULT_PAIR_WORDS[:PAIR_WORDS])
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pair_vocab USING fts5vocab(main, article_fts, 'row')"
    )
    rows = conn.execute(
        "SELECT term FROM temp.pair_vocab ORDER BY doc DESC, term LIMIT ?",
        (PAIR_WORDS,),
    ).fetchall()
    conn.execute("DROP TABLE temp.pair_vocab")
    return [term for (term,) in rows]


def pair_words(conn: sqlite3.Connection) -> frozenset[str]:
    """The words whose pairs the store indexes."""
    return frozenset(word for (word,) in conn.execute("SELECT word FROM search_pair_words"))


def word_pairs(text: str, words: frozenset[str]) -> str:
    """The pairs of neighbouring words of a text (a part of search_parts: normalized)
    that are both in words, as article_pairs indexes them: first_second, space-separated.

    Tokens as the index's tokenizer cuts and folds them (timeline.text.query.search_tokens).
    Only two-word phrases are read from the pairs: a longer one as a phrase of its pairs
    would also match runs of pairs that other words part (a b x b c for a b c).
    """
    if _folding_matters(words):
        from timeline.text.query import fold_text

        text = fold_text(text)
    # The tokens are _PAIR_TOKEN.findall(text)'s, a third faster: no token holds white
    # space, so the text is cut at it first (str.split, in C) and only a piece that is
    # not all letters and digits (a word with punctuation on it: about one in ten) is
    # searched; the regex over the whole of an article cost 0.1 ms at import.  Each is
    # paired with the one before as they are cut, kept (held) only when it is one of
    # words: 0.063 ms an article's pair_parts, against 0.080 with the tokens listed
    # first and paired after.  A test holds the pairs equal to the regex tokens'.
    pairs: list[str] = []
    held: str | None = None  # the token before, if it is one of words
    find = _PAIR_TOKEN.findall
    for piece in text.split():
        if piece.isalnum():
            if piece in words:
                if held is not None:
                    pairs.append(f"{held}_{piece}")
                held = piece
            else:
                held = None
            continue
        for token in find(piece):
            if token in words:
                if held is not None:
                    pairs.append(f"{held}_{token}")
                held = token
            else:
                held = None
    return " ".join(pairs)


@functools.lru_cache(maxsize=8)
def _folding_matters(words: frozenset[str]) -> bool:
    """Whether a token folded (lower case, Latin diacritics taken off) could become one
    of words: not when they are all Arabic letters and digits, which folding leaves as
    they are and no other character folds into (folding took half of an import's time
    for the pairs)."""
    return not all(all("\u0621" <= c <= "\u06ff" or c.isdigit() for c in w) for w in words)


def pair_parts(parts: tuple[str, str, str], words: frozenset[str]) -> tuple[str, str, str]:
    """(body, title, lead) of article_pairs for search_parts' (title, lead, rest)."""
    title, lead, rest = parts
    return word_pairs(rest, words), word_pairs(title, words), word_pairs(lead, words)


# Characters of articles' texts a rewrite of the index holds at a time, about: 2,000 news
# articles are a few megabytes, 2,000 reports of 10 M characters 40 GB.
HELD_CHARS = 20_000_000
# The importer's pair row for an article it indexed at rowid ? (body, title, lead).
INDEX_PAIRS_SQL = "INSERT INTO article_pairs (rowid, body, title, lead) VALUES (?, ?, ?, ?)"
# Mark a rowid whose pair row is missing (written by another writer) or stale.
_MARK_NEW = (
    "INSERT OR IGNORE INTO search_unpaired (fts_rowid)"
    " SELECT fts_rowid FROM article_search WHERE article_id = NEW.id;"
)
_MARK_OLD = (
    "INSERT OR IGNORE INTO search_unpaired (fts_rowid, title, body)"
    " SELECT fts_rowid, OLD.title, OLD.body FROM article_search WHERE article_id = OLD.id;"
)


def _write_pairs(
    conn: sqlite3.Connection, words: frozenset[str], rowids: Iterable[int] | None
) -> int:
    """Write the pair rows of the articles at these index rowids (every article when
    None), in rowid order, in chunks with progress; how many."""
    if rowids is None:
        chosen = [r for (r,) in conn.execute("SELECT fts_rowid FROM article_search ORDER BY 1")]
    else:
        chosen = sorted(rowids)
    progress = migration_progress.get()
    chunk = 2_000
    for i in range(0, len(chosen), chunk):
        part = chosen[i : i + chunk]
        marks = ",".join("?" * len(part))
        rows: list[tuple[int, str, str, str]] = []
        held = 0
        for rowid, title, body in conn.execute(
            "SELECT s.fts_rowid, a.title, a.body FROM article_search s"
            f" JOIN articles a ON a.id = s.article_id WHERE s.fts_rowid IN ({marks})"
            " ORDER BY s.fts_rowid",
            part,
        ):
            parts = search_parts(title, body)
            if parts is None:  # a NUL: SQL and Python would not cut it alike
                parts = stored_search_parts(conn, rowid)
            rows.append((rowid, *pair_parts(parts, words)))
            held += sum(len(text) for text in rows[-1][1:])
            if held > HELD_CHARS:  # long articles: written a few at a time
                conn.executemany(INDEX_PAIRS_SQL, rows)
                rows, held = [], 0
        conn.executemany(INDEX_PAIRS_SQL, rows)
        if progress is not None:
            progress(i + len(part), len(chosen), "word pairs")
    return len(chosen)


def _held_few(
    rowids: Sequence[int], conn: sqlite3.Connection, most: int = 2_000
) -> Iterator[list[tuple[int, tuple[str, str, str]]]]:
    """The articles at these index rowids with their search parts as SQL cuts them, in
    lists of at most `most`, fewer where their parts pass HELD_CHARS (long articles)."""
    held: list[tuple[int, tuple[str, str, str]]] = []
    chars = 0
    for rowid in rowids:
        parts = stored_search_parts(conn, rowid)
        held.append((rowid, parts))
        chars += sum(len(text) for text in parts)
        if len(held) >= most or chars > HELD_CHARS:
            yield held
            held, chars = [], 0
    if held:
        yield held


def stored_search_parts(conn: sqlite3.Connection, rowid: int) -> tuple[str, str, str]:
    """(title, lead, rest) of the article at an index rowid as SQL cuts it (the views)."""
    title, lead, body = conn.execute(
        "SELECT t.title, t.lead, t.body FROM article_search_parts t"
        " JOIN article_search s ON s.article_id = t.id WHERE s.fts_rowid = ?",
        (rowid,),
    ).fetchone()
    return title, lead, body


def fill_word_pairs(conn: sqlite3.Connection) -> int:
    """Bring article_pairs in step for the rowids marked in search_unpaired: take out the
    pair rows written from the old texts kept there, write the pairs of the articles that
    hold those rowids now, and clear the marks; how many rowids were marked."""
    marked = int(conn.execute("SELECT count(*) FROM search_unpaired").fetchone()[0])
    if not marked:
        return 0
    words = pair_words(conn)
    # The old texts read as they are taken out, not held as a list: another writer's
    # bulk insert marks every article it wrote (a million bodies are gigabytes).
    rows = conn.execute("SELECT fts_rowid, title, body FROM search_unpaired ORDER BY fts_rowid")
    for rowid, title, body in rows:
        if title is None:
            continue
        parts = search_parts(title, body)
        if parts is None:
            # Not cut alike in SQL and Python: the pairs cannot be told, so every pair
            # row is written again (rare: a title or body holding a NUL).
            rows.close()
            conn.execute("INSERT INTO article_pairs (article_pairs) VALUES ('delete-all')")
            conn.execute("DELETE FROM search_unpaired")
            _write_pairs(conn, words, None)
            return marked
        conn.execute(
            "INSERT INTO article_pairs (article_pairs, rowid, body, title, lead)"
            " VALUES ('delete', ?, ?, ?, ?)",
            (rowid, *pair_parts(parts, words)),
        )
    held = [
        r
        for (r,) in conn.execute(
            "SELECT s.fts_rowid FROM search_unpaired u JOIN article_search s"
            " ON s.fts_rowid = u.fts_rowid"
        )
    ]
    conn.execute("DELETE FROM search_unpaired")
    _write_pairs(conn, words, held)
    return marked


def _v13_word_pairs(db: sqlite_utils.Database) -> None:
    conn = db.conn
    # Built anew if run again (a store whose version was set back: the tests do).
    for table in ("search_pair_words", "search_unpaired", "article_pairs"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute("CREATE TABLE search_pair_words (word TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute(
        "CREATE TABLE search_unpaired (fts_rowid INTEGER PRIMARY KEY, title TEXT, body TEXT)"
    )
    # Columns and rowids as article_fts's, so that a phrase's tiers (title; title or
    # lead; anywhere) and filters read the same; '_' joins a pair's words into a token.
    conn.execute(
        "CREATE VIRTUAL TABLE article_pairs USING fts5(body, title, lead, content='',"
        " tokenize='unicode61 remove_diacritics 2 tokenchars _')"
    )
    for name in _V4_TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    watched = "id, title, body, published_start"
    conn.execute(
        "CREATE TRIGGER article_search_insert AFTER INSERT ON articles"
        " WHEN NOT EXISTS (SELECT 1 FROM article_search WHERE article_id = NEW.id) BEGIN\n"
        f"{_v4_index('NEW')}\n{_MARK_NEW}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_delete BEFORE DELETE ON articles BEGIN\n"
        f"{_MARK_OLD}\n{_v4_unindex('OLD')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_update_old BEFORE UPDATE OF {watched} ON articles"
        f" BEGIN\n{_MARK_OLD}\n{_v4_unindex('OLD')}\nEND"
    )
    conn.execute(
        f"CREATE TRIGGER article_search_update_new AFTER UPDATE OF {watched} ON articles"
        f" BEGIN\n{_v4_index('NEW')}\n{_MARK_NEW}\nEND"
    )
    rebuild_word_pairs(conn)


def rebuild_word_pairs(conn: sqlite3.Connection) -> None:
    """Choose the pair words from what the store holds now and write every article's
    pairs anew (the migration; a store loaded in bulk without the triggers)."""
    conn.execute("INSERT INTO article_pairs (article_pairs) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_unpaired")
    conn.execute("DELETE FROM search_pair_words")
    words = _pair_words_chosen(conn)
    conn.executemany("INSERT INTO search_pair_words (word) VALUES (?)", [(w,) for w in words])
    _write_pairs(conn, frozenset(words), None)


# -- v14: the mentions of a day or less, and those up to a year, in indexes of their own
#
# The read of v12 walked events_timeline from lower minus SHORT_MENTION to upper: the
# events of both kinds (publications are half of them) over the range and the year
# before it, where only mentions longer than their distance to lower overlap it.  Now
# the mentions up to SHORT_MENTION are split by length, each part with a partial index
# of its own (covering: kind is a column of both, so no row of events is read): a
# mention of at most DAY_MENTION seconds (a point or a day, most of them) that overlaps
# the range starts after lower minus a day, so its read walks the range's mentions and
# one day more; the longer ones (a week, a month, a year) walk the year before too, but
# only theirs.  A mention falls in exactly one of the three indexes (with v12's).
# Indexes again, not tables kept by triggers: every writer (the importer, recompute,
# the user's edits, a plain INSERT) keeps them in step with nothing to run.  The search
# does not name them (SQLite takes them by itself, as their WHERE's terms are repeated
# word for word in its WHERE), so a store without them reads the older way.
DAY_MENTION = 86_400
_MENTION_LENGTH = 'coalesce("end", start + 1) - start'
DAY_MENTIONS = f"kind = 'mentioned' AND {_MENTION_LENGTH} <= {DAY_MENTION}"
MID_MENTIONS = (
    f"kind = 'mentioned' AND {_MENTION_LENGTH} > {DAY_MENTION}"
    f" AND {_MENTION_LENGTH} <= {SHORT_MENTION}"
)


def _v14_mentions_by_length(db: sqlite_utils.Database) -> None:
    # A store with no events (a new one) has nothing to tell.
    any_events = db.conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None
    progress = migration_progress.get() if any_events else None
    parts = (("events_day_mentions", DAY_MENTIONS), ("events_mid_mentions", MID_MENTIONS))
    for i, (name, where) in enumerate(parts):
        db.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON events(start, "end", kind, article_id)'
            f" WHERE {where}"
        )
        if progress is not None:
            progress(i + 1, len(parts), "mentions' indexes")


def _v15_other_alphabets_folded(db: sqlite_utils.Database) -> None:
    conn = db.conn
    words = pair_words(conn)
    # Cut with the old folding (fill_word_pairs would cut them with the new).
    _unpaired_pairs_out(conn, words, functools.partial(search_parts, folds=_V2_SEARCH_FOLDS))
    letters = [code for code in _V15_FOLDED if code not in _V2_FOLDED]
    holds = " OR ".join(f"instr(a.title, char({c})) OR instr(a.body, char({c}))" for c in letters)
    # Every article's text is read once to find them (about 30 s at a million articles):
    # by ranges of ids, so that the upgrade's progress moves.
    first, last = conn.execute("SELECT min(id), max(id) FROM articles").fetchone()
    first, last = (1, 0) if first is None else (int(first), int(last))
    progress = migration_progress.get() if last >= first else None
    rowids: list[int] = []
    scan = 20_000
    for low in range(first, last + 1, scan):
        rowids += [
            r
            for (r,) in conn.execute(
                "SELECT s.fts_rowid FROM articles a JOIN article_search s ON s.article_id = a.id"
                f" WHERE a.id >= ? AND a.id < ? AND ({holds})",
                (low, low + scan),
            )
        ]
        if progress is not None:
            done = min(low + scan - 1, last) - first + 1
            progress(done, last - first + 1, "letters of other alphabets")
    _indexed_again(conn, words, rowids, _V15_FOLDED, progress)


def _unpaired_pairs_out(
    conn: sqlite3.Connection,
    words: frozenset[str],
    cut: Callable[[str, str], tuple[str, str, str] | None],
) -> None:
    """A re-index's first step (v15, v22): the pair rows still to be taken out, written
    from old texts kept in search_unpaired (another writer changed or deleted their
    articles), out now, cut as the views before cut them (cut: search_parts with their
    folds).  The rowids stay marked, with no text: their pairs are written again
    (_indexed_again's fill_word_pairs)."""
    for rowid, title, body in conn.execute(
        "SELECT fts_rowid, title, body FROM search_unpaired WHERE title IS NOT NULL"
    ).fetchall():
        parts = cut(title, body)
        if parts is None:  # a NUL: not cut alike in SQL and Python, so every pair anew
            conn.execute("INSERT INTO article_pairs (article_pairs) VALUES ('delete-all')")
            conn.execute("DELETE FROM search_unpaired")
            conn.execute(
                "INSERT INTO search_unpaired (fts_rowid) SELECT fts_rowid FROM article_search"
            )
            break
        conn.execute(
            "INSERT INTO article_pairs (article_pairs, rowid, body, title, lead)"
            " VALUES ('delete', ?, ?, ?, ?)",
            (rowid, *pair_parts(parts, words)),
        )
    conn.execute("UPDATE search_unpaired SET title = NULL, body = NULL")


def _indexed_again(
    conn: sqlite3.Connection,
    words: frozenset[str],
    rowids: list[int],
    folded: Mapping[int, str],
    progress: Callable[[int, int, str], None] | None,
) -> None:
    """The articles at these full-text rowids indexed again (v15, v22): their old views'
    texts (what was indexed) taken out of the index and of the word pairs, the views
    made anew with folded, their new texts put in, and the pairs written again."""
    rowids.sort()
    unpaired = {r for (r,) in conn.execute("SELECT fts_rowid FROM search_unpaired")}
    progress = progress if rowids else None
    # Out with the old views' texts (what was indexed), then in with the new views'.
    done = 0
    for old in _held_few(rowids, conn):
        conn.executemany(
            "INSERT INTO article_fts (article_fts, rowid, title, lead, body)"
            " VALUES ('delete', ?, ?, ?, ?)",
            [(r, *parts) for r, parts in old],
        )
        conn.executemany(
            "INSERT INTO article_pairs (article_pairs, rowid, body, title, lead)"
            " VALUES ('delete', ?, ?, ?, ?)",
            [(r, *pair_parts(parts, words)) for r, parts in old if r not in unpaired],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO search_unpaired (fts_rowid) VALUES (?)", [(r,) for r, _ in old]
        )
        done += len(old)
        if progress is not None:
            progress(done, 2 * len(rowids), "search index")
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'view'"
        " AND (name = 'article_search_cut' OR name LIKE 'article_search_parts%')"
    ).fetchall():
        conn.execute(f"DROP VIEW {name}")
    for view in _v4_parts_views(folded):
        conn.execute(view)
    done = 0
    for new in _held_few(rowids, conn):
        conn.executemany(
            "INSERT INTO article_fts (rowid, title, lead, body) VALUES (?, ?, ?, ?)",
            [(r, *parts) for r, parts in new],
        )
        done += len(new)
        if progress is not None:
            progress(len(rowids) + done, 2 * len(rowids), "search index")
    fill_word_pairs(conn)


# -- v16: copies fold the letters of other alphabets ---------------------------------
#
# Copy detection cut its words with normalize(), which keeps ی ک ھ ڤ پ: a copy retyped on
# a Persian keyboard (ی for ي in most words) shared almost no shingle with its original,
# and the rare-word counts asked of the index (which folds them since v15) found no
# such word.  Its words are now search's (timeline.stories.copies.words).  Only the
# signatures of articles holding one of those letters change: each is signed again,
# its old band rows (its signature the old way) taken out and its new ones written, as
# v8 re-signed every article.  The clusters stay; `timeline stories --rebuild` judges
# every pair again.  Signs with the current copies module.
_V15_COPY_WORD = re.compile(r"[^\W_]+")  # copies' words up to v15: normalize()d, lower case


def _v16_copies_fold_other_alphabets(db: sqlite_utils.Database) -> None:
    from timeline.stories import copies
    from timeline.text.normalize import normalize

    conn = db.conn
    letters = [code for code in _V15_FOLDED if code not in _V2_FOLDED]
    holds = " OR ".join(f"instr(a.title, char({c})) OR instr(a.body, char({c}))" for c in letters)
    first, last = conn.execute(
        "SELECT min(article_id), max(article_id) FROM story_signatures"
    ).fetchone()
    if first is None:
        return
    progress = migration_progress.get()
    scan = 20_000
    for low in range(int(first), int(last) + 1, scan):
        signed, gone, bands = [], [], []
        for article_id, title, body in conn.execute(
            "SELECT a.id, a.title, a.body FROM articles a"
            " JOIN story_signatures s ON s.article_id = a.id"
            f" WHERE a.id >= ? AND a.id < ? AND ({holds})",
            (low, low + scan),
        ).fetchall():
            text = copies.article_text(title, body)
            old = copies.signature_of_words(_V15_COPY_WORD.findall(normalize(text).lower()))
            sig = copies.signature(text)
            signed.append((sig.shingles, sig.to_bytes(), article_id))
            gone += [(key, article_id) for key in copies.band_keys(old)]
            bands += [(key, article_id) for key in copies.band_keys(sig)]
        conn.executemany(
            "UPDATE story_signatures SET shingles = ?, signature = ? WHERE article_id = ?", signed
        )
        conn.executemany("DELETE FROM story_bands WHERE band_key = ? AND article_id = ?", gone)
        conn.executemany(
            "INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES (?, ?)", bands
        )
        if progress is not None:
            done = min(low + scan - 1, int(last)) - int(first) + 1
            progress(done, int(last) - int(first) + 1, "story signatures")


# -- v17: each column's kind of value, whoever writes --------------------------------
#
# The file is a plain SQLite database other programs write (sqlite-utils, Datasette, a
# script), and SQLite keeps a column's declared type only as an affinity: a BLOB goes
# into a TEXT column as it is, and text that is no number into an INTEGER one.  A title
# stored as a BLOB crashed the window (Qt was handed bytes: SIGSEGV) and `timeline list`;
# a publication second stored as text failed the timeline's loader; a second past year
# 9999 failed every export.  Triggers now refuse such a row from any writer and name the
# column; the rows stored before are mended once: a BLOB in a text column is read as
# UTF-8 (bytes that are not, as U+FFFD), a second or an offset that is not a whole
# number (of seconds from year 1 to the end of 9999) becomes NULL where the column
# allows it (a mention stays, undated), and a row that cannot do without it goes (an
# event whose article id is not a whole number).
V17_FIRST_SECOND = -62_135_596_800  # 0001-01-01T00:00:00Z, the first second of datetime
V17_END_SECOND = 253_402_300_800  # 10000-01-01: the end of datetime's last day

# Per table, (column, kind): text, integer, second (whole seconds in the range above),
# number (REAL or INTEGER); "?" after the kind: NULL allowed.
_V17_KINDS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        *((c, "text") for c in ("uid", "title", "body", "source", "url", "author", "caption")),
        *((c, "text") for c in ("credit", "lang", "published_raw", "origin", "imported_at")),
        ("body_kind", "text"),
        ("captured", "text"),
        ("published", "text?"),
        ("published_start", "second?"),
    ),
    "events": (
        ("article_id", "integer"),
        *((c, "text") for c in ("kind", "granularity", "value", "label")),
        ("start", "second?"),
        ("end", "second?"),
        ("span_start", "integer?"),
        ("span_end", "integer?"),
        ("confidence", "number"),
    ),
    "user_article_fields": (
        *((c, "text") for c in ("article_uid", "field", "value", "who", "at")),
        ("date_value", "text?"),
        ("granularity", "text?"),
        ("start", "second?"),
        ("end", "second?"),
    ),
    "user_mentions": (
        *((c, "text") for c in ("article_uid", "span_text", "typed", "who", "at")),
        ("span_start", "integer"),
        ("span_end", "integer"),
        ("not_a_date", "integer"),
        ("value", "text?"),
        ("granularity", "text?"),
        ("start", "second?"),
        ("end", "second?"),
    ),
    "user_events": (
        ("article_uid", "text?"),
        *((c, "text") for c in ("typed", "value", "granularity", "label", "who", "at")),
        ("start", "second"),
        ("end", "second?"),
    ),
    "user_hidden": (("target", "text?"), ("who", "text"), ("at", "text")),
    "user_tags": (("name", "text?"), ("colour", "text"), ("who", "text"), ("at", "text")),
    "user_tagged": (("tag", "text"), ("target", "text"), ("who", "text"), ("at", "text")),
    "user_notes": (("article_uid", "text?"), ("note", "text"), ("who", "text"), ("at", "text")),
    # A signature of another length (a script's, or bytes gone wrong that pass SQLite's
    # checks) failed every import that met it as a candidate, and stories --rebuild.
    # Mended by removing it: the article is then unsigned, and signed again from its
    # text by the next update or rebuild of the stories.
    "story_signatures": (("shingles", "integer"), ("signature", "signature")),
    "story_copies": (("cluster", "integer"),),
}
# Bytes of a stored signature: copies.NUM_PERM (128) little-endian uint32 (a test holds
# the two together).
V17_SIGNATURE_BYTES = 512

_V17_SAID = {
    "text": "must be text",
    "integer": "must be a whole number",
    "second": f"must be a whole number of seconds from {V17_FIRST_SECOND} to {V17_END_SECOND}",
    "number": "must be a number",
    "signature": f"must be a BLOB of {V17_SIGNATURE_BYTES} bytes",
}


def _v17_wrong(value: str, kind: str) -> str:
    """SQL true when value (NEW."c", or "c") is not of kind."""
    nullable = kind.endswith("?")
    kind = kind.rstrip("?")
    allowed = {"text": "'text'", "integer": "'integer'", "second": "'integer'"}.get(
        kind, "'integer', 'real'"
    )
    wrong = f"typeof({value}) NOT IN ({allowed})"
    if kind == "signature":
        wrong = f"(typeof({value}) != 'blob' OR length({value}) != {V17_SIGNATURE_BYTES})"
    elif kind == "second":
        wrong = f"({wrong} OR {value} NOT BETWEEN {V17_FIRST_SECOND} AND {V17_END_SECOND})"
    return f"({value} IS NOT NULL AND {wrong})" if nullable else wrong


def _v17_mended(value: object, kind: str) -> tuple[bool, object]:
    """(keep the row, the value to store) for a stored value not of kind."""
    nullable = kind.endswith("?")
    kind = kind.rstrip("?")
    if kind == "text":
        if isinstance(value, bytes):
            return True, value.decode("utf-8", "replace")
        return (True, None) if value is None else (True, str(value))
    if kind == "number":
        return True, 1.0
    return nullable, None  # a second, an offset or a signature: NULL, or the row goes


def _v17_typed_columns(db: sqlite_utils.Database) -> None:
    conn = db.conn
    progress = migration_progress.get()
    for table, kinds in _V17_KINDS.items():
        anywrong = " OR ".join(_v17_wrong(f'"{c}"', k) for c, k in kinds)
        names = ", ".join(f'"{c}"' for c, _ in kinds)
        first, last = conn.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
        low = first
        while low is not None:
            # A window of rowids, the next one from the next row: ids far apart (an
            # id of 2**63 - 1 written by hand) are not walked one window at a time.
            top = min(low + _V17_WINDOW - 1, _ROWID_MAX)
            for rowid, *values in conn.execute(
                f"SELECT rowid, {names} FROM {table} WHERE rowid BETWEEN ? AND ? AND ({anywrong})",
                (low, top),
            ).fetchall():
                _v17_mend(conn, table, kinds, rowid, values)
            if progress is not None and last - first >= _V17_WINDOW:
                progress(min(top, last) - first + 1, last - first + 1, f"{table}: kinds of value")
            low = conn.execute(
                f"SELECT min(rowid) FROM {table} WHERE rowid > ?", (top,)
            ).fetchone()[0]
        checks = "".join(
            f"SELECT RAISE(ABORT, '{_v17_said(table, c, k)}') WHERE {_v17_wrong(_new(c), k)};\n"
            for c, k in kinds
        )
        anynew = " OR ".join(_v17_wrong(_new(c), k) for c, k in kinds)
        for when in ("INSERT", "UPDATE"):
            name = f"{table}_kinds_{when.lower()}"
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")  # run again (a test's old version)
            conn.execute(
                f"CREATE TRIGGER {name} BEFORE {when} ON {table} WHEN {anynew} BEGIN\n{checks}END"
            )


_V17_WINDOW = 50_000  # rowids a statement reads
_ROWID_MAX = 2**63 - 1


def _v17_mend(
    conn: sqlite3.Connection,
    table: str,
    kinds: Sequence[tuple[str, str]],
    rowid: int,
    values: Sequence[object],
) -> None:
    """Mend one stored row whose values are not all of their kinds (or remove it)."""
    changes: dict[str, object] = {}
    for (column, kind), value in zip(kinds, values, strict=True):
        if not _v17_is(value, kind):
            keep, changes[column] = _v17_mended(value, kind)
            if not keep:
                conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
                return
    sets = ", ".join(f'"{c}" = ?' for c in changes)
    try:
        conn.execute(f"UPDATE {table} SET {sets} WHERE rowid = ?", (*changes.values(), rowid))
    except sqlite3.IntegrityError:  # its key, read as text, is another row's: a copy of it
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))


def mended_row(table: str, columns: Sequence[str], row: Sequence[object]) -> tuple | None:
    """row, the values of columns of table, with each value not of its column's kind
    mended as schema v17 mends a stored one (repair's copy of an older file); None: the
    row cannot be kept.  Columns of no known kind pass as they are."""
    kinds = dict(_V17_KINDS.get(table, ()))
    mended = list(row)
    for k, (column, value) in enumerate(zip(columns, row, strict=True)):
        kind = kinds.get(column)
        if kind is None or _v17_is(value, kind):
            continue
        keep, mended[k] = _v17_mended(value, kind)
        if not keep:
            return None
    return tuple(mended)


def _new(column: str) -> str:
    return f'new."{column}"'


def _v17_said(table: str, column: str, kind: str) -> str:
    """The error a writer of a value not of kind is given (SQL quotes: none in it)."""
    said = f"{table}.{column} {_V17_SAID[kind.rstrip('?')]}"
    return said + " or NULL" if kind.endswith("?") else said


def _v17_is(value: object, kind: str) -> bool:
    """Whether a stored value is of kind (as _v17_wrong says in SQL)."""
    if value is None:
        return kind.endswith("?")
    kind = kind.rstrip("?")
    if kind == "text":
        return isinstance(value, str)
    if kind == "number":
        return isinstance(value, int | float)
    if kind == "signature":
        return isinstance(value, bytes) and len(value) == V17_SIGNATURE_BYTES
    if not isinstance(value, int):
        return False
    return kind == "integer" or V17_FIRST_SECOND <= value <= V17_END_SECOND


# -- v18: an article's rows go with it, whoever deletes it -----------------------------
#
# Its events and story rows went by foreign-key cascades, which SQLite runs only on a
# connection that turned them on; another program's connection (Datasette, sqlite-utils,
# the sqlite3 shell) does not, so deleting an article there left its events on the
# timeline, and the next import, given the freed largest id, showed them as its own (a
# second publication date among them).  A trigger deletes them for any writer (on ours
# the cascade has already, and the trigger's look-ups find nothing); the rows such
# deletes left before are removed once.  Band rows stay, as v7 decided: they are read
# joined to the signatures, and a candidate they give is judged.
def _v18_deletes_take_their_rows(db: sqlite_utils.Database) -> None:
    conn = db.conn
    for table in ("events", "story_signatures", "story_copies"):
        conn.execute(f"DELETE FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
    conn.execute(
        """
        CREATE TRIGGER IF NOT EXISTS articles_delete_rows AFTER DELETE ON articles BEGIN
            DELETE FROM events WHERE article_id = old.id;
            DELETE FROM story_signatures WHERE article_id = old.id;
            DELETE FROM story_copies WHERE article_id = old.id;
        END
        """
    )


# -- v19: articles another program changed the text of, to be read again --------------
#
# An article's events come from its text: its mentions from the body (their offsets and
# sentences into it), its publication date from the date as written, its story from
# its words.  A body corrected in Datasette kept the old events (sentences no longer in
# the text, offsets past its end) until a whole recompute.  The program itself never
# updates these columns (the user's corrections are kept apart, in the user_ tables),
# so a trigger notes an article whose title, body or date as written changed, and the
# program reads those again (library.recompute_events with the noted ids: the window
# when it sees another program's change, `timeline recompute --changed`).  An article
# another program adds (sqlite-utils insert) is noted too, having no events at all; the
# program's own inserts take their note out again at once (Store.add_article,
# ArticleWriter.add, repair's copy).
def _v19_articles_changed(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS articles_changed (article_id INTEGER PRIMARY KEY);
        CREATE TRIGGER IF NOT EXISTS articles_added AFTER INSERT ON articles BEGIN
            INSERT OR IGNORE INTO articles_changed (article_id) VALUES (new.id);
        END;
        CREATE TRIGGER IF NOT EXISTS articles_text_changed
        AFTER UPDATE OF title, body, published_raw ON articles
        WHEN old.title IS NOT new.title OR old.body IS NOT new.body
            OR old.published_raw IS NOT new.published_raw
        BEGIN
            INSERT OR IGNORE INTO articles_changed (article_id) VALUES (new.id);
        END;
        """
    )


# -- v20: mentions still counting from the date the user corrected ------------------
#
# Since the edit that corrects an article's publication date finds its mentions again
# from the date given (article_dates.date_mentions_again), what the text counts from its
# publication (اليوم, أمس, 15 مارس) follows that date.  A store whose dates were
# corrected before kept those mentions on the computed date until a whole recompute.
# The articles with a publication date given by hand are noted once, here (a few rows
# said by hand, joined on the articles' unique uid: trivial at a million articles), and
# the program finds their mentions again in the background (library.recompute_events
# with changed_only: the window when it opens, `timeline recompute --changed`), then
# takes the note out; a whole recompute takes them all out.  A date corrected after
# this version counts from the date given at once and is never noted.
def _v20_given_dates_to_follow(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS given_dates_to_follow (article_id INTEGER PRIMARY KEY);
        INSERT OR IGNORE INTO given_dates_to_follow (article_id)
            SELECT a.id FROM user_article_fields f JOIN articles a ON a.uid = f.article_uid
            WHERE f.field = 'published';
        """
    )


# -- v21: dedup keys read a control and what an export writes for it alike ----------
#
# The workbook and .timeline exports write a control no XML holds as its Control
# Pictures symbol (␛ for ESC) or U+FFFD, so a library that imported such a file stored
# that article with another key, and an export of that library, imported into the
# first, added the article to it again (1 of 214 in a test library).  The key now reads
# each such control and each such stand-in as U+FFFD (ingest.dedup._canonical).  Only
# the articles holding such a control or symbol (one holding U+FFFD alone keeps its
# key) are keyed again, with the user's rows that name them.  Every title, body and
# source is read to find them, in windows of rows so that the upgrade's progress moves,
# and searched with a regex: 1.0 s for 232,558 articles (152 million characters) where
# SQL took 8.1 s (a GLOB over a character class), 4.8 s (an instr() of each byte a
# control or a symbol starts with, in the bodies alone) or 2.3 s (ten instr()s of the
# text).  An article keeps its key when that is not the key its texts made the old way
# (another program wrote it), or when the new key is taken (by an article, or by the
# user's rows of one removed): those copies stay as they were.  Keys with the current
# dedup module.
_V21_HOLDS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u2400-\u2408\u240b\u240c\u240e-\u241f]"
)
_V21_WINDOW = 20_000  # articles read at a time
_V21_UID_COLUMNS = ("user_article_fields", "user_mentions", "user_events", "user_notes")
_V21_TARGET_TABLES = ("user_hidden", "user_tagged")


def _v21_keys_read_stand_ins_alike(db: sqlite_utils.Database) -> None:
    from timeline.ingest.dedup import uid_of_parts, uid_of_texts
    from timeline.text.normalize import normalize

    def old_uid(source: str, title: str, body: str) -> str:
        parts = [" ".join(normalize(text).split()) for text in (source, title, body)]
        return uid_of_parts((parts[0], parts[1], parts[2]))

    conn = db.conn
    total, low = conn.execute("SELECT count(*), min(id) FROM articles").fetchone()
    progress = migration_progress.get()
    done = 0
    while low is not None:
        # A window of rows, not of ids: ids far apart (2**63 - 1 written by hand) are
        # not walked a window at a time.
        holding, read = [], 0
        for row in conn.execute(
            "SELECT id, uid, source, title, body FROM articles WHERE id >= ? ORDER BY id LIMIT ?",
            (low, _V21_WINDOW),
        ):
            read, low = read + 1, row[0]
            if any(_V21_HOLDS.search(text) for text in row[2:]):
                holding.append(row)
        for article_id, uid, source, title, body in holding:
            new = uid_of_texts(source, title, body)
            if new == uid or uid != old_uid(source, title, body) or _v21_taken(conn, new):
                continue
            conn.execute("UPDATE articles SET uid = ? WHERE id = ?", (new, article_id))
            _v21_rename(conn, uid, new)
        done += read
        if progress is not None:
            progress(done, total, "dedup keys")
        low = low + 1 if read == _V21_WINDOW and low < _ROWID_MAX else None


def _v21_mentions(uid: str) -> tuple[str, str]:
    """The range of the targets of an article's mentions (mention:UID:START:END)."""
    return f"mention:{uid}:", f"mention:{uid};"  # ';' follows ':'


def _v21_taken(conn: sqlite3.Connection, uid: str) -> bool:
    """Whether an article holds the key, or a row of the user's names it."""
    asks: list[tuple[str, tuple[str, ...]]] = [("SELECT 1 FROM articles WHERE uid = ?", (uid,))]
    asks += [(f"SELECT 1 FROM {t} WHERE article_uid = ?", (uid,)) for t in _V21_UID_COLUMNS]
    asks += [
        (
            f"SELECT 1 FROM {t} WHERE target = ? OR (target >= ? AND target < ?)",
            (f"article:{uid}", *_v21_mentions(uid)),
        )
        for t in _V21_TARGET_TABLES
    ]
    return any(conn.execute(f"{sql} LIMIT 1", args).fetchone() for sql, args in asks)


def _v21_rename(conn: sqlite3.Connection, old: str, new: str) -> None:
    """The user's rows of the article keyed old keyed new (no row names new: _v21_taken)."""
    for table in _V21_UID_COLUMNS:
        conn.execute(f"UPDATE {table} SET article_uid = ? WHERE article_uid = ?", (new, old))
    low, high = _v21_mentions(old)
    for table in _V21_TARGET_TABLES:
        conn.execute(
            f"UPDATE {table} SET target = ? WHERE target = ?", (f"article:{new}", f"article:{old}")
        )
        conn.execute(
            f"UPDATE {table} SET target = ? || substr(target, ?) WHERE target >= ? AND target < ?",
            (f"mention:{new}:", len(low) + 1, low, high),
        )


def _v22_glued_characters_spaced(db: sqlite_utils.Database) -> None:
    """The views space _V22_SPACED; the articles holding any are indexed again, as v15
    indexed those holding letters of other alphabets (word pairs included)."""
    conn = db.conn
    words = pair_words(conn)
    # Cut as the v15 views cut them.
    _unpaired_pairs_out(
        conn, words, functools.partial(search_parts, folds=_V15_SEARCH_FOLDS, spaced=None)
    )
    # Every article's text is read once to find them, 20,000 articles at a time in id order
    # (each read starts past the last id read: ids far apart are not walked range by
    # range), with progress; searched in Python, one regex over a text, where SQL would
    # call instr() once a character (30,154 articles: 0.4 s against 6.3 s; a GLOB class
    # 10.8 s).  Only the ids found are held.
    holds = re.compile("[" + "".join(chr(c) for c in _V22_SPACED) + "]")
    total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    progress = migration_progress.get() if total else None
    found: list[int] = []
    scan, done, after = 20_000, 0, None
    while True:
        rows = conn.execute(
            "SELECT id, title, body FROM articles"
            + (" WHERE id > ?" if after is not None else "")
            + " ORDER BY id LIMIT ?",
            (scan,) if after is None else (after, scan),
        )
        read = 0
        for article_id, title, body in rows:  # (text: v17's triggers)
            read, after = read + 1, article_id
            if holds.search(title) or holds.search(body):
                found.append(article_id)
        if not read:
            break
        done += read
        if progress is not None:
            progress(min(done, total), total, "marks and symbols next to words")
    rowids: list[int] = []
    for i in range(0, len(found), 2_000):  # (a statement's variables: at most 32,766)
        part = found[i : i + 2_000]
        rowids += [
            r
            for (r,) in conn.execute(
                "SELECT fts_rowid FROM article_search"
                f" WHERE article_id IN ({','.join('?' * len(part))})",
                part,
            )
        ]
    _indexed_again(conn, words, rowids, _V22_FOLDED, progress)


# Append only: a migration that shipped is never edited.  The index + 1 is the
# schema version it brings the store to.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_articles_and_events,
    _v2_full_text_search,
    _v3_timeline_covering_index,
    _v4_lead_column,
    _v5_user_edits,
    _v6_body_kind_and_capture,
    _v7_stories_copies_and_threads,
    _v8_stories_resigned,
    _v9_stories_resigned_one_permutation,
    _v10_insert_trigger_skips_indexed,
    _v11_timeline_density,
    _v12_long_mentions,
    _v13_word_pairs,
    _v14_mentions_by_length,
    _v15_other_alphabets_folded,
    _v16_copies_fold_other_alphabets,
    _v17_typed_columns,
    _v18_deletes_take_their_rows,
    _v19_articles_changed,
    _v20_given_dates_to_follow,
    _v21_keys_read_stand_ins_alike,
    _v22_glued_characters_spaced,
]

SCHEMA_VERSION = len(MIGRATIONS)
