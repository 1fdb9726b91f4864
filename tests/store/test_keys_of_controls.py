"""Schema v21: the dedup keys of the articles that hold a control, or what an export
writes for one, made again with the user's rows that name them; every other article
keeps its key."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from timeline.ingest.dedup import article_uid, uid_of_parts
from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store.schema import MIGRATIONS, SCHEMA_VERSION
from timeline.text.normalize import normalize

SOURCE = "وكالة"
# Made up.  (title, body) by name: an ESC of a colour sequence; the same as a workbook
# wrote it into another library and back (its symbol ␛); none; U+FFFD alone; a bell in
# an article another program keyed; a control where the user's rows of a removed
# article hold the new key.
TEXTS = {
    "control": ("جلسة", "بدأت الجلسة\x1b[0m صباح اليوم"),
    "copy": ("جلسة", "بدأت الجلسة\u241b[0m صباح اليوم"),
    "plain": ("خبر", "نص بلا رموز"),
    "replaced": ("خبر آخر", "نص فيه \ufffd حرف لم يقرأ"),
    "foreign": ("خبر ثالث", "نص\x07 كتبه برنامج آخر"),
    "held": ("مقال", "كلمة\x01 أخرى"),
}
FOREIGN_UID = "written-by-another-program"


def _v20_uid(title: str, body: str) -> str:
    """An article's key as v20 and before made it: no control read as U+FFFD."""
    parts = [" ".join(normalize(text).split()) for text in (SOURCE, title, body)]
    return uid_of_parts((parts[0], parts[1], parts[2]))


def _uid(title: str, body: str) -> str:
    return article_uid(ArticleDraft(title=title, body=body, source=SOURCE))


def _v20_library(path: Path) -> dict[str, str]:
    """A v20 library of TEXTS with their keys made the old way, the user's rows on the
    first; the keys by name."""
    db = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:20]:
        migrate(db)
    conn = db.conn
    uids = {name: _v20_uid(*texts) for name, texts in TEXTS.items()}
    uids["foreign"] = FOREIGN_UID
    for name, (title, body) in TEXTS.items():
        conn.execute(
            "INSERT INTO articles (uid, title, body, source, imported_at)"
            " VALUES (?, ?, ?, ?, 'now')",
            (uids[name], title, body, SOURCE),
        )
    uid, plain = uids["control"], uids["plain"]
    me = ("me", "2026-01-01T00:00:00Z")
    conn.execute(
        "INSERT INTO user_article_fields (article_uid, field, value, who, at)"
        " VALUES (?, 'title', 'جلسة الصباح', ?, ?)",
        (uid, *me),
    )
    conn.execute(
        "INSERT INTO user_notes (article_uid, note, who, at) VALUES (?, 'ملاحظة', ?, ?)", (uid, *me)
    )
    conn.execute(
        "INSERT INTO user_mentions (article_uid, span_start, span_end, span_text, not_a_date,"
        " who, at) VALUES (?, 0, 4, 'بدأت', 1, ?, ?)",
        (uid, *me),
    )
    conn.execute(
        "INSERT INTO user_events (article_uid, typed, value, granularity, start, who, at)"
        " VALUES (?, '2021', '2021', 'year', 1609459200, ?, ?)",
        (uid, *me),
    )
    conn.execute(
        "INSERT INTO user_hidden (target, who, at) VALUES (?, ?, ?)", (f"mention:{uid}:0:4", *me)
    )
    conn.execute(
        "INSERT INTO user_tags (name, colour, who, at) VALUES ('وسم', '#ff0000', ?, ?)", me
    )
    conn.executemany(
        "INSERT INTO user_tagged (tag, target, who, at) VALUES ('وسم', ?, ?, ?)",
        [(f"article:{uid}", *me), (f"article:{plain}", *me)],
    )
    # A note of an article removed since, kept by its key: the new key of "held".
    conn.execute(
        "INSERT INTO user_notes (article_uid, note, who, at) VALUES (?, 'ملاحظة قديمة', ?, ?)",
        (_uid(*TEXTS["held"]), *me),
    )
    conn.execute("PRAGMA user_version = 20")
    conn.commit()
    conn.close()
    return uids


def _user_keys(store: Store) -> set[str]:
    conn = store.db.conn
    keys = {
        str(uid)
        for table in ("user_article_fields", "user_mentions", "user_events", "user_notes")
        for (uid,) in conn.execute(f"SELECT article_uid FROM {table}")
    }
    targets = {
        str(t)
        for table in ("user_hidden", "user_tagged")
        for (t,) in conn.execute(f"SELECT target FROM {table}")
    }
    return keys | targets


def test_an_article_holding_a_control_is_keyed_again_with_the_users_rows(tmp_path: Path) -> None:
    path = tmp_path / "v20.db"
    old = _v20_library(path)
    new = _uid(*TEXTS["control"])
    assert new != old["control"] and new == _uid(*TEXTS["copy"])  # one key now
    told: list[tuple[int, int, str]] = []
    with Store(path, progress=lambda *step: told.append(step)) as store:
        assert store.schema_version == SCHEMA_VERSION
        stored = {
            (title, body): (uid, article_id)
            for article_id, uid, title, body in store.db.conn.execute(
                "SELECT id, uid, title, body FROM articles"
            )
        }
        keys = {name: stored[texts][0] for name, texts in TEXTS.items()}
        assert keys["control"] == new
        # The user's rows follow it: none names the old key any longer.
        assert {
            new,
            f"mention:{new}:0:4",
            f"article:{new}",
            f"article:{old['plain']}",
            _uid(*TEXTS["held"]),
        } == _user_keys(store)
        # The body as a workbook wrote it, imported again, is the article.
        assert store.find_uid(_uid(*TEXTS["copy"])) == stored[TEXTS["control"]][1]
        # The others keep their keys: one that holds no control or symbol, or U+FFFD
        # alone (its key is the same either way); one another program keyed; the copy
        # of the article and the one whose new key the user's rows hold (both copies
        # stay as they were).
        for name in ("plain", "replaced", "foreign", "copy", "held"):
            assert keys[name] == old[name], name
        assert keys["replaced"] == _uid(*TEXTS["replaced"])
        assert keys["plain"] == _uid(*TEXTS["plain"])
    keyed = [step for step in told if step[2] == "dedup keys"]  # (later versions' follow)
    assert keyed and keyed[-1][0] == keyed[-1][1]
