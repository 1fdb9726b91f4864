"""Stories in the store: copies joined at import time, signing later, threads, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from tests.store.test_search import day
from tests.stories.texts import AGENCY, COPY, FOLLOW_UP, SAME_TOPIC
from timeline import edits, library, stories
from timeline.cli import cli
from timeline.store import Store
from timeline.store import stories as story_store
from timeline.stories.copies import FAR_JACCARD, MIN_JACCARD, jaccard


def _record(title: str, body: str, source: str, published: str) -> dict[str, str]:
    return {"title": title, "body": body, "source": source, "published": published}


RECORDS = [
    _record("افتتاح مهرجان التمور في بريدة", AGENCY, "agency", "2015-08-02T09:00"),
    _record("ملتقى الزيتون الأول في سكاكا", SAME_TOPIC, "north", "2015-08-02T10:00"),
    _record("بريدة تفتتح مهرجان التمور", COPY, "paper", "2015-08-02T13:30"),
    _record("ختام مهرجان التمور في بريدة", FOLLOW_UP, "paper", "2015-08-20T18:00"),
]


def write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


def ids_by_title(store: Store) -> dict[str, int]:
    return {a.title: a.id for a in store.articles()}


def test_import_joins_a_copy_to_the_story_it_copies(store: Store, tmp_path: Path) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    story = story_store.story_of(store, ids["بريدة تفتتح مهرجان التمور"])
    assert story is not None
    assert [a.article_id for a in story.articles] == [
        ids["افتتاح مهرجان التمور في بريدة"],
        ids["بريدة تفتتح مهرجان التمور"],
    ]
    assert story.earliest.source == "agency"
    assert story.sources == 2
    assert story.spread is not None and story.spread[1] - story.spread[0] == 4.5 * 3600
    assert story_store.story_of(store, ids["ملتقى الزيتون الأول في سكاكا"]) is None
    assert story_store.story_of(store, ids["ختام مهرجان التمور في بريدة"]) is None


def test_a_copy_retyped_on_a_persian_keyboard_joins_the_story(store: Store, tmp_path: Path) -> None:
    retyped = COPY.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS[:2])])
    record = _record("بریدة تفتتح مهرجان التمور", retyped, "iran", "2015-08-02T14:00")
    library.import_paths(store, [write(tmp_path / "b.jsonl", [record])])
    (story,) = story_store.clusters(store)
    assert {a.title for a in story.articles} == {RECORDS[0]["title"], record["title"]}


def test_a_v15_store_signs_again_the_articles_with_letters_of_other_alphabets(
    tmp_path: Path,
) -> None:
    import re

    import sqlite_utils

    from timeline.store.schema import MIGRATIONS, SCHEMA_VERSION
    from timeline.text.normalize import normalize

    def v15_signature(text: str) -> stories.Signature:
        return stories.signature_of_words(re.findall(r"[^\W_]+", normalize(text).lower()))

    retyped = AGENCY.replace("ي", "ی").replace("ك", "ک")
    texts = {"agency": AGENCY, "retyped": retyped, "olive": SAME_TOPIC}
    path = tmp_path / "v15.db"
    db = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:15]:
        migrate(db)
    ids = {}
    for name, body in texts.items():
        ids[name] = db.conn.execute(
            "INSERT INTO articles (uid, title, body, imported_at) VALUES (?, ?, ?, 'now')",
            (name, name, body),
        ).lastrowid
        old = v15_signature(stories.article_text(name, body))
        db.conn.execute(
            "INSERT INTO story_signatures (article_id, shingles, signature) VALUES (?, ?, ?)",
            (ids[name], old.shingles, old.to_bytes()),
        )
        db.conn.executemany(
            "INSERT INTO story_bands (band_key, article_id) VALUES (?, ?)",
            [(key, ids[name]) for key in stories.band_keys(old)],
        )
    db.conn.execute("PRAGMA user_version = 15")
    db.conn.commit()
    db.conn.close()
    old_retyped = v15_signature(stories.article_text("retyped", retyped))
    assert jaccard(old_retyped, stories.signature(AGENCY)) < 0.2  # no copy the old way
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store.db.conn
        for name, body in texts.items():
            sig = stories.signature(stories.article_text(name, body))
            row = conn.execute(
                "SELECT shingles, signature FROM story_signatures WHERE article_id = ?",
                (ids[name],),
            ).fetchone()
            assert row == (sig.shingles, sig.to_bytes())
            keys = [
                k
                for (k,) in conn.execute(
                    "SELECT band_key FROM story_bands WHERE article_id = ?", (ids[name],)
                )
            ]
            assert sorted(keys) == sorted(set(stories.band_keys(sig)))  # none of the old
        library.rebuild_stories(store)
        (story,) = story_store.clusters(store)
        assert {a.article_id for a in story.articles} == {ids["agency"], ids["retyped"]}


def test_a_copy_imported_later_in_another_file_joins_without_a_rescan(
    store: Store, tmp_path: Path
) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS[:2])])
    assert story_store.clusters(store) == []
    library.import_paths(store, [write(tmp_path / "b.jsonl", RECORDS[2:3])])
    (story,) = story_store.clusters(store)
    assert len(story.articles) == 2
    assert story_store.later_copies(store) == {ids_by_title(store)["بريدة تفتتح مهرجان التمور"]}
    counts = story_store.copy_counts(store)
    assert next(iter(counts.values()))[0] == 2


def test_articles_imported_without_detection_are_signed_by_update_stories(
    store: Store, tmp_path: Path
) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)], copies=False)
    assert story_store.clusters(store) == []
    assert library.update_stories(store) == len(RECORDS)
    assert len(story_store.clusters(store)) == 1
    assert library.update_stories(store) == 0  # nothing left to sign
    assert library.rebuild_stories(store) == 1


def test_update_stories_reads_long_articles_a_few_at_a_time(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 500 bodies were read a batch: 500 reports of a megabyte each are gigabytes.
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)], copies=False)
    asked: list[int] = []
    unsigned = story_store.unsigned_articles

    def counted(store: Store, limit: int = 500) -> list:
        asked.append(limit)
        return unsigned(store, limit)

    monkeypatch.setattr(story_store, "unsigned_articles", counted)
    mean = sum(len(r["title"]) + len(r["body"]) for r in RECORDS) / len(RECORDS)
    monkeypatch.setattr(library, "_RECOMPUTE_CHARS", int(mean * 1.5))  # one at a time
    monkeypatch.setattr(library, "_RECOMPUTE_FIRST", 2)
    assert library.update_stories(store) == len(RECORDS)
    assert asked[0] == 2 and set(asked[1:]) == {1}
    assert len(story_store.clusters(store)) == 1


def test_related_articles_find_the_follow_up_not_the_copy(store: Store, tmp_path: Path) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    found = library.related_articles(store, ids["افتتاح مهرجان التمور في بريدة"])
    related_ids = [r.article_id for r in found]
    assert ids["ختام مهرجان التمور في بريدة"] in related_ids
    assert ids["بريدة تفتتح مهرجان التمور"] not in related_ids  # a copy, not a thread
    assert ids["ملتقى الزيتون الأول في سكاكا"] not in related_ids


def _related(store: Store, article_id: int) -> dict[int, float]:
    return {r.article_id: r.score for r in library.related_articles(store, article_id)}


def test_related_articles_are_found_around_the_date_the_user_gave(
    store: Store, tmp_path: Path
) -> None:
    """The window was centred on the stored publication and the others judged by theirs:
    an article the user re-dated by years kept the stored date's related articles, and
    one re-dated into its window was missed."""
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    agency, follow_up = ids["افتتاح مهرجان التمور في بريدة"], ids["ختام مهرجان التمور في بريدة"]
    stored = _related(store, agency)
    assert follow_up in stored  # 18 days later (as stored)
    edits.correct_article(store, agency, "published", "2019-03-01")
    assert _related(store, agency) == {}  # years from every other article
    assert agency not in _related(store, follow_up)
    # Re-dated into the agency's new window: related again, both ways.
    edits.correct_article(store, follow_up, "published", "2019-03-04")
    assert set(_related(store, agency)) == {follow_up}
    assert set(_related(store, follow_up)) == {agency}
    # And weighed by the dates shown: 3 days apart score higher than 18.
    assert _related(store, agency)[follow_up] > stored[follow_up]
    # Re-dated out of the stored agency's window: no longer related.
    edits.correct_article(store, agency, "published", None)
    assert follow_up not in _related(store, agency)


def test_term_holders_read_past_those_a_correction_takes_out_of_the_window(
    store: Store, tmp_path: Path
) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    start, end = day(2015, 8, 1), day(2015, 8, 31)
    term = "العتيبي"  # the agency's, its copy's and the follow-up's
    held = story_store.term_holders(store, [term], start, end)[term]
    assert {i for i, _ in held} == {
        ids["افتتاح مهرجان التمور في بريدة"],
        ids["بريدة تفتتح مهرجان التمور"],
        ids["ختام مهرجان التمور في بريدة"],
    }
    first, second, third = (i for i, _ in held)
    edits.correct_article(store, first, "published", "2019-03-01")
    # The one taken out does not use up the limit: the next holder is given instead.
    assert [i for i, _ in story_store.term_holders(store, [term], start, end, limit=1)[term]] == [
        second
    ]
    edits.correct_article(store, third, "published", "2015-08-05")
    assert dict(story_store.term_holders(store, [term], start, end)[term]) == {
        second: dict(held)[second],
        third: day(2015, 8, 5),
    }
    # With no window, every holder, at the date shown.
    assert dict(story_store.term_holders(store, [term], None, None)[term]) == {
        first: day(2019, 3, 1),
        second: dict(held)[second],
        third: day(2015, 8, 5),
    }


def test_term_holders_leave_out_the_articles_the_user_hid(store: Store, tmp_path: Path) -> None:
    """The Related tab offered an article the user had hidden (hidden: put out of sight
    everywhere else in the window).  Left out without using up the limit."""
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    start, end = day(2015, 8, 1), day(2015, 8, 31)
    term = "العتيبي"  # the agency's, its copy's and the follow-up's
    first, second, third = (i for i, _ in story_store.term_holders(store, [term], start, end)[term])

    def holders(start: int | None, end: int | None, **given: object) -> list[int]:
        return [i for i, _ in story_store.term_holders(store, [term], start, end, **given)[term]]

    assert holders(start, end, limit=1, hidden={first}) == [second]
    assert holders(None, None, hidden={first, third}) == [second]
    # Nor let in by a corrected date that brings it into the window.
    edits.correct_article(store, third, "published", "2019-03-01")
    assert holders(day(2019, 3, 1), day(2019, 3, 2)) == [third]
    assert holders(day(2019, 3, 1), day(2019, 3, 2), hidden={third}) == []


def test_related_articles_leave_out_the_hidden_and_weigh_the_rest_alike(
    store: Store, tmp_path: Path
) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    follow_up = ids["ختام مهرجان التمور في بريدة"]
    shown = _related(store, agency)
    assert set(shown) == {follow_up}
    assert {
        r.article_id for r in library.related_articles(store, agency, hidden={follow_up})
    } == set()
    # A hidden copy is still a copy: not offered as related, and the words only the
    # copies share still link nothing (the follow-up's score as before).
    kept = library.related_articles(store, agency, hidden={copy})
    assert {r.article_id: r.score for r in kept} == shown


def test_document_counts_come_from_the_index(store: Store, tmp_path: Path) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    counts = story_store.document_counts(store, ["بريده", "سكاكا", "nowhere"], cap=20)
    assert counts == {"بريده": 3, "سكاكا": 1}
    # Counted up to cap + 1 only: "more than the cap" is all a common word needs.
    assert story_store.document_counts(store, ["بريده"], cap=1) == {"بريده": 2}


def test_document_counts_are_asked_many_terms_a_statement(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    terms = ["بريده", 'سكا"كا', "nowhere", "التمور", "بريده", "الزيتون"]
    # Each term alone, as the count of one term is asked of the index.
    one_by_one = {}
    for term in terms:
        one_by_one.update(story_store.document_counts(store, [term], cap=20))
    assert one_by_one['سكا"كا'] == 1  # a quote is dropped: the phrase سكاكا
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    monkeypatch.setattr(story_store, "_TERMS_PER_STATEMENT", 4)
    assert story_store.document_counts(store, terms, cap=20) == one_by_one
    store.db.conn.set_trace_callback(None)
    assert len([s for s in statements if s.startswith("SELECT")]) == 2


def test_deleting_an_article_leaves_its_cluster_consistent(store: Store, tmp_path: Path) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    deleted = ids["افتتاح مهرجان التمور في بريدة"]
    keys = [
        int(key)
        for (key,) in store.db.conn.execute(
            "SELECT band_key FROM story_bands WHERE article_id = ?", (deleted,)
        )
    ]
    assert keys and deleted in story_store.signature_rows(store, _holders(store, keys))
    with store.transaction():
        store.delete_article(deleted)
    assert story_store.clusters(store) == []
    # Its band rows stay (finding them would take a scan), but its signature went with
    # it, and holders are read through their signatures: no later import meets it.
    assert deleted in _holders(store, keys)
    assert deleted not in story_store.signature_rows(store, _holders(store, keys))


def _holders(store: Store, keys: list[int]) -> set[int]:
    return {i for held in story_store.band_holders(store, keys).values() for i in held}


@pytest.fixture
def run(tmp_path: Path):
    db = tmp_path / "t.db"
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    return invoke


def test_cli_stories_and_show_json(run, tmp_path: Path) -> None:
    run("import", str(write(tmp_path / "a.jsonl", RECORDS)))
    (line,) = run("stories", "--json").output.splitlines()
    story = json.loads(line)
    assert story["copies"] == 2 and story["sources"] == 2
    assert [a["source"] for a in story["articles"]] == ["agency", "paper"]
    assert story["earliest"] == story["articles"][0]["id"]
    assert story["spread_seconds"] == 4.5 * 3600
    assert run("stories", "--json", "--min-copies", "3").output.strip() == ""
    # A count past SQLite's integers is refused as a bad value, not an OverflowError.
    huge = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "t.db"), "stories", "--min-copies", str(10**20)]
    )
    assert huge.exit_code == 2 and "--min-copies" in huge.output
    copy_id = story["articles"][1]["id"]
    shown = json.loads(run("show", str(copy_id), "--json").output)
    assert shown["story"]["earliest"] == story["earliest"]
    assert shown["story"]["through_others"] == []  # the two copies share their text
    lonely = json.loads(run("show", "2", "--json").output)
    assert lonely["story"] is None and isinstance(lonely["related"], list)
    text = run("stories").output
    assert "2 copies from 2 sources" in text


def test_cli_stories_give_the_users_title_source_and_date(run, tmp_path: Path) -> None:
    """`timeline list` gave the user's corrections and `timeline stories` the computed
    values of the same articles."""
    run("import", str(write(tmp_path / "a.jsonl", RECORDS)))
    story = json.loads(run("stories", "--json").output)
    copy_id = story["articles"][1]["id"]
    run("edit", "article", str(copy_id), "--title", "عنوان صححته", "--source", "مصدري")
    run("edit", "article", str(copy_id), "--published", "2021-01-01")
    result = run("--no-bidi", "stories")
    (line,) = [x for x in result.stdout.splitlines() if x.split()[0] == str(copy_id)]
    assert line.split()[1:] == ["2021-01-01*", "مصدري*", "|", "عنوان", "صححته*"]
    assert "followed by * is yours" in result.stderr
    # JSON gives the stored values, as `list --json` does.
    assert json.loads(run("stories", "--json").output) == story


def test_cli_stories_mark_a_hidden_copy(run, tmp_path: Path) -> None:
    run("import", str(write(tmp_path / "a.jsonl", RECORDS)))
    story = json.loads(run("stories", "--json").output)
    copy_id, first_id = story["articles"][1]["id"], story["articles"][0]["id"]
    run("edit", "hide", "--article", str(copy_id))
    text = run("--no-bidi", "stories").stdout.splitlines()
    lines = {x.lstrip(" *~").split()[0]: x for x in text if not x.startswith("story")}
    assert lines[str(copy_id)].endswith("  (hidden)")
    assert not lines[str(first_id)].endswith("(hidden)")


def test_cli_stories_say_how_far_their_long_work_is(run, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    run("import", str(write(tmp_path / "a.jsonl", RECORDS)))
    with Store(db) as store, store.transaction():  # as if stored before stories existed
        store.db.conn.execute("DELETE FROM story_signatures")
        store.db.conn.execute("DELETE FROM story_copies")
    result = run("stories", "--json")
    assert "signing articles" in result.stderr  # (the bar itself only on a terminal)
    assert len(result.stdout.splitlines()) == 1  # the story found again
    result = run("stories", "--rebuild", "--json")
    assert "signing articles" not in result.stderr  # signed once
    assert "finding copies" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_a_rebuild_reports_its_progress(store: Store, tmp_path: Path) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    before = story_store.clusters(store)
    said: list[tuple[int, int]] = []
    assert library.rebuild_stories(store, progress=lambda d, t, _n: said.append((d, t))) == 1
    assert said[0] == (0, 4) and said[-1] == (4, 4)
    assert story_store.clusters(store) == before


def _formula_of(text: str, changed: int) -> str:
    """The text with its last `changed` words replaced: the same wording, another ending."""
    words = text.split()
    return " ".join(words[: len(words) - changed] + [f"كلمة{i}" for i in range(changed)])


@pytest.mark.parametrize(
    ("second", "joined"), [("2015-08-03T09:00", True), ("2015-08-25T09:00", False)]
)
def test_import_keeps_a_formula_that_returns_weeks_later_apart(
    store: Store, tmp_path: Path, second: str, joined: bool
) -> None:
    title = "افتتاح مهرجان التمور في بريدة"
    variant = _formula_of(AGENCY, 28)  # exact Jaccard 0.49, estimate 0.46: in the window below
    estimate = jaccard(
        stories.signature(stories.article_text(title, AGENCY)),
        stories.signature(stories.article_text(title, variant)),
    )
    assert MIN_JACCARD <= estimate < FAR_JACCARD  # a copy when close, not when far apart
    records = [
        _record(title, AGENCY, "agency", "2015-08-02T09:00"),
        _record(title, variant, "paper", second),
    ]
    library.import_paths(store, [write(tmp_path / "a.jsonl", records)])
    later = max(a.id for a in store.articles())
    story = story_store.story_of(store, later)
    assert (story is not None) == joined


def _v7_store(path: Path) -> dict[str, int]:
    """A store as schema v7 left it: two articles signed the old way, one unsigned."""
    import sqlite_utils

    from timeline.store.schema import MIGRATIONS

    db = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:7]:
        migrate(db)
    ids = {}
    for i, record in enumerate(RECORDS[:2] + RECORDS[3:]):
        ids[record["title"]] = db.conn.execute(
            "INSERT INTO articles (uid, title, body, imported_at) VALUES (?, ?, ?, 'now')",
            (f"u{i}", record["title"], record["body"]),
        ).lastrowid
    # v7's signatures (another hash of the shingles): values and band keys of their own.
    for n, title in enumerate(RECORDS[i]["title"] for i in (0, 1)):
        stale = np.full(stories.copies.NUM_PERM, n + 1, dtype="<u4").tobytes()
        db.conn.execute(
            "INSERT INTO story_signatures (article_id, shingles, signature) VALUES (?, 99, ?)",
            (ids[title], stale),
        )
        db.conn.executemany(
            "INSERT INTO story_bands (band_key, article_id) VALUES (?, ?)",
            [(1000 * n + band, ids[title]) for band in range(stories.copies.BANDS)],
        )
    db.conn.execute("PRAGMA user_version = 7")
    db.conn.commit()
    db.conn.close()
    return ids


def test_a_v7_store_is_resigned_and_a_later_copy_finds_its_story(tmp_path: Path) -> None:
    from timeline.store.schema import SCHEMA_VERSION

    path = tmp_path / "v7.db"
    ids = _v7_store(path)
    heard: list[tuple[int, int, str]] = []
    with Store(path, progress=lambda *told: heard.append(told)) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [told for told in heard if told[2] == "story signatures"][-1][:2] == (2, 2)
        conn = store.db.conn
        for title, article_id in ids.items():
            row = conn.execute(
                "SELECT shingles, signature FROM story_signatures WHERE article_id = ?",
                (article_id,),
            ).fetchone()
            keys = {
                r[0]
                for r in conn.execute(
                    "SELECT band_key FROM story_bands WHERE article_id = ?", (article_id,)
                )
            }
            if title == RECORDS[3]["title"]:  # unsigned in v7: left to update_stories
                assert row is None and not keys
                continue
            body = next(r["body"] for r in RECORDS if r["title"] == title)
            sig = stories.signature(stories.article_text(title, body))
            assert row == (sig.shingles, sig.to_bytes())
            assert keys == set(stories.band_keys(sig))
        # The agency story's copy, imported now, finds the re-signed original.
        library.import_paths(store, [write(tmp_path / "b.jsonl", RECORDS[2:3])])
        (story,) = story_store.clusters(store)
        assert {a.title for a in story.articles} == {RECORDS[0]["title"], RECORDS[2]["title"]}


def _v8_signature(text: str) -> stories.Signature:
    """A signature as schema v8 made it: 128 multiply-shift hash functions a shingle."""
    hashes = stories.copies.shingle_hashes(stories.words(text))
    gen = np.random.default_rng(1)
    a = gen.integers(0, 1 << 63, size=128, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = gen.integers(0, 1 << 63, size=128, dtype=np.uint64)
    with np.errstate(over="ignore"):
        values = np.multiply.outer(hashes, a) + b
    return stories.Signature(values.min(axis=0) >> np.uint64(32), len(hashes))


def test_a_v8_store_is_resigned_and_keeps_its_stories(tmp_path: Path) -> None:
    import sqlite_utils

    from timeline.store.schema import MIGRATIONS, SCHEMA_VERSION

    reprint = _record("بريدة: مهرجان التمور", AGENCY, "third", "2015-08-02T15:00")
    # The store an import under v8 left: every article signed the v8 way, its copies
    # in one cluster (read off the store a fresh import makes today).
    with Store(tmp_path / "today.db") as today:
        library.import_paths(today, [write(tmp_path / "a.jsonl", RECORDS)])
        expected = {tuple(a.title for a in s.articles) for s in story_store.clusters(today)}
    assert expected == {(RECORDS[0]["title"], RECORDS[2]["title"])}
    path = tmp_path / "v8.db"
    db = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:8]:
        migrate(db)
    ids = {}
    for i, r in enumerate(RECORDS):
        ids[r["title"]] = db.conn.execute(
            "INSERT INTO articles (uid, title, body, imported_at) VALUES (?, ?, ?, 'now')",
            (f"u{i}", r["title"], r["body"]),
        ).lastrowid
        old = _v8_signature(stories.article_text(r["title"], r["body"]))
        db.conn.execute(
            "INSERT INTO story_signatures (article_id, shingles, signature) VALUES (?, ?, ?)",
            (ids[r["title"]], old.shingles, old.to_bytes()),
        )
        db.conn.executemany(
            "INSERT INTO story_bands (band_key, article_id) VALUES (?, ?)",
            [(key, ids[r["title"]]) for key in stories.band_keys(old)],
        )
    first, copy = ids[RECORDS[0]["title"]], ids[RECORDS[2]["title"]]
    db.conn.executemany(
        "INSERT INTO story_copies (article_id, cluster) VALUES (?, ?)",
        [(first, min(first, copy)), (copy, min(first, copy))],
    )
    db.conn.execute("PRAGMA user_version = 8")
    db.conn.commit()
    db.conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store.db.conn
        for r in RECORDS:
            sig = stories.signature(stories.article_text(r["title"], r["body"]))
            assert (
                sig.to_bytes()
                != _v8_signature(stories.article_text(r["title"], r["body"])).to_bytes()
            )
            row = conn.execute(
                "SELECT shingles, signature FROM story_signatures WHERE article_id = ?",
                (ids[r["title"]],),
            ).fetchone()
            assert row == (sig.shingles, sig.to_bytes())
            keys = {
                k
                for (k,) in conn.execute(
                    "SELECT band_key FROM story_bands WHERE article_id = ?", (ids[r["title"]],)
                )
            }
            assert keys == set(stories.band_keys(sig))

        def titles() -> set[tuple[str, ...]]:
            return {tuple(a.title for a in s.articles) for s in story_store.clusters(store)}

        assert titles() == expected  # the clusters stay
        library.rebuild_stories(store)
        assert titles() == expected  # and clustering again from the new signatures agrees
        # A reprint imported now finds the story through the new band index.
        library.import_paths(store, [write(tmp_path / "b.jsonl", [reprint])])
        (story,) = story_store.clusters(store)
        assert {a.title for a in story.articles} == {*expected.pop(), reprint["title"]}


def _story_rows(store: Store) -> tuple[list[tuple], list[tuple], list[tuple]]:
    conn = store.db.conn
    return (
        conn.execute("SELECT * FROM story_copies ORDER BY 1").fetchall(),
        conn.execute("SELECT * FROM story_bands ORDER BY 1, 2").fetchall(),
        conn.execute("SELECT * FROM story_signatures ORDER BY 1").fetchall(),
    )


def test_an_import_signed_in_batches_stores_what_one_at_a_time_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [*RECORDS, _record("بريدة: مهرجان التمور", AGENCY, "third", "2015-08-02T15:00")]
    with Store(tmp_path / "one.db") as one:
        library.import_paths(one, [write(tmp_path / "a.jsonl", records)], copies=False)
        for article in sorted(one.articles(), key=lambda a: a.id):
            with one.transaction():
                library.sign_article(one, article.id, article.title, article.body)
        expected = _story_rows(one)
    assert len(expected[0]) == 3  # the agency story, its copy and the reprint
    for batch in (2, 500):  # a batch of 2 flushes in the middle of the file
        monkeypatch.setattr(library, "_SIGN_BATCH", batch)
        with Store(tmp_path / f"batch{batch}.db") as batched:
            library.import_paths(batched, [write(tmp_path / "a.jsonl", records)])
            assert _story_rows(batched) == expected


@pytest.mark.parametrize("files", ["one", "one an article"])
def test_a_batch_of_long_articles_is_signed_before_its_count_is_reached(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: str
) -> None:
    signed: list[int] = []
    real = library.sign_articles

    def counted(store: Store, articles, *rest):  # type: ignore[no-untyped-def]
        signed.append(len(articles))
        return real(store, articles, *rest)

    monkeypatch.setattr(library, "sign_articles", counted)
    longest = max(len(r["title"]) + len(r["body"]) for r in RECORDS)
    # Room for two of them: every third article starts a batch, whatever _SIGN_BATCH says.
    monkeypatch.setattr(library, "_SIGN_BATCH_CHARS", 2 * longest + 1)
    if files == "one":  # a file of its own (a large one): batches end within it
        monkeypatch.setattr(library, "GROUP_FILE_BYTES", 0)
        paths = [write(tmp_path / "a.jsonl", RECORDS)]
    else:  # small files: the group's batches end between them
        paths = [write(tmp_path / f"{n}.jsonl", [r]) for n, r in enumerate(RECORDS)]
    library.import_paths(store, paths)
    assert sum(signed) == len(RECORDS) and max(signed) <= 3 and len(signed) > 1


def test_document_counts_carried_over_new_articles_are_the_index_counts(
    store: Store, tmp_path: Path
) -> None:
    # 21 articles hold "زيتون" (more than the ceiling of 20 once the last batch is in),
    # 2 hold "بريده" after the first batch and 3 after the second.
    first = [_record(f"زيتون {i}", f"موسم زيتون رقم {i}", "s", "2015-08-02") for i in range(19)]
    first.append(RECORDS[0])
    second = [_record(f"زيتون {i}", f"قطاف زيتون {i}", "s", "2015-08-03") for i in (19, 20)]
    second += [RECORDS[2], _record("خبر", "سطر latin_word واحد", "s", "2015-08-03")]
    words = {"زيتون", "بريده", "قطاف", "latin", "nowhere"}
    library.import_paths(store, [write(tmp_path / "a.jsonl", first)], copies=False)
    carried = library._DocumentCounts(store)
    before = dict(carried(words))
    assert before["زيتون"] == 19 and before["nowhere"] == 0
    library.import_paths(store, [write(tmp_path / "b.jsonl", second)], copies=False)
    carried.added(
        stories.word_hashes(stories.words(stories.article_text(r["title"], r["body"])))
        for r in second
    )
    fresh = library._DocumentCounts(store)
    now = carried(words)
    assert now == fresh(words)
    assert now["زيتون"] > carried.cap and now["بريده"] == before["بريده"] + 1


def test_collapse_inputs_agree_with_each_story_read_whole(store: Store, tmp_path: Path) -> None:
    records = [
        *RECORDS,
        _record("بلا تاريخ", AGENCY, "x", ""),
        _record("في الوقت نفسه", COPY, "y", "2015-08-02T13:30"),
        _record("وحده", SAME_TOPIC + " وحده", "z", "2015-08-05"),
    ]
    library.import_paths(store, [write(tmp_path / "a.jsonl", records)], copies=False)
    ids = sorted(a.id for a in store.articles())
    with store.transaction():  # clusters set by hand: undated copies, a tie, a lone one
        story_store.replace_clusters(
            store,
            {ids[0]: [ids[0], ids[2], ids[4], ids[5]], ids[1]: [ids[1], ids[3]], ids[6]: [ids[6]]},
        )
    counts, later = story_store.collapse_inputs(store)
    expected_counts, expected_later = {}, set()
    for story in story_store.clusters(store):
        expected_counts[story.earliest.article_id] = (len(story.articles), *story.spread)
        expected_later.update(a.article_id for a in story.articles[1:])
    assert (counts, later) == (expected_counts, expected_later)
    assert later == story_store.later_copies(store)
    assert ids[4] in later  # undated: never the earliest
    assert story_store.earliest_of(store) == {
        a.article_id: story.earliest.article_id
        for story in story_store.clusters(store)
        for a in story.articles[1:]
    }


def test_band_holders_gives_the_first_holders_of_each_held_key_only(
    store: Store, tmp_path: Path
) -> None:
    records = [_record(f"خبر {i}", f"نص الخبر رقم {i}", "s", "2015-08-02") for i in range(5)]
    library.import_paths(store, [write(tmp_path / "a.jsonl", records)], copies=False)
    a, b, c, d, e = sorted(ids_by_title(store).values())
    # Band rows of made-up signatures: key 7 held by all five (written out of order),
    # key -3 by one, key 11 by none.
    blob = bytes(4 * stories.copies.NUM_PERM)
    signed = [(i, 30, blob, [7, -3] if i == b else [7]) for i in (d, a, e, b, c)]
    with store.transaction():
        story_store.save_signatures(store, signed)
    assert store.db.conn.execute("SELECT count(*) FROM story_bands").fetchone() == (6,)
    assert story_store.band_holders(store, [11, 7, -3, 7]) == {7: [a, b, c, d, e], -3: [b]}
    assert story_store.band_holders(store, [7, 11], per_key=3) == {7: [a, b, c]}
    assert story_store.band_holders(store, [11]) == {}


def test_the_signer_keeps_the_shingles_of_the_imports_last_articles_for_later_verdicts(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)], copies=False)
    articles = sorted((a.id, a.title, a.body) for a in store.articles())
    made = library.sign_texts([(title, body) for _i, title, body in articles])
    monkeypatch.setattr(library, "_SHINGLES_KEPT", 2)
    signer = library._Signer(store)
    with store.transaction():
        for (article_id, title, body), signed in zip(articles, made, strict=True):
            signer.add(article_id, title, body, signed)
            signer.flush()  # a batch of one: each verdict reads the batches before
    kept = [a for a, _t, _b in articles[-2:]]
    assert list(signer.recent) == kept
    by_id = {a: s for (a, _t, _b), s in zip(articles, made, strict=True)}
    assert all(signer.recent[a][1] is by_id[a].shingles for a in kept)
    assert all(signer.recent[a][0] is by_id[a].word_hashes for a in kept)
    # What a verdict reads of an article: the hashes kept, else made from its text;
    # either way its words' shingles and its distinct words' hashes.
    read = library._ArticleWords(store, {}, {}, signer.recent)
    for article_id, title, body in articles:
        words = stories.words(stories.article_text(title, body))
        assert read.shingles(article_id).tolist() == stories.copies.shingle_hashes(words).tolist()
        assert read.word_hashes(article_id).tolist() == stories.word_hashes(words).tolist()


def _recorded_signers(monkeypatch: pytest.MonkeyPatch) -> list[library._Signer]:
    """Every copy-detection signer an import makes from now on, in order."""
    signers: list[library._Signer] = []
    real_signer = library._Signer

    def seen(*args, **kwargs):  # type: ignore[no-untyped-def]
        signers.append(real_signer(*args, **kwargs))
        return signers[-1]

    monkeypatch.setattr(library, "_Signer", seen)
    return signers


def _sample_files(corpus: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two files of the sample, and a file that fails (strict) after articles of the
    second file's (which would take their ids) are signed."""
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    first, second, failing = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "bad.jsonl"
    first.write_text("\n".join(lines[:100]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[100:]) + "\n", encoding="utf-8")
    failing.write_text("\n".join([*lines[150:], "{not json"]) + "\n", encoding="utf-8")
    return first, second, failing


def test_an_import_into_an_empty_store_answers_from_memory_what_the_store_would(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, failing = _sample_files(corpus, tmp_path)
    monkeypatch.setattr(library, "_SIGN_BATCH", 16)  # batches flushed within a file
    # Each file with a transaction and a signer of its own, as a large file has (small
    # files share a signer: test_small_files_share_a_signer_and_undo_a_failed_ones).
    monkeypatch.setattr(library, "GROUP_FILE_BYTES", 0)
    expected = {}
    # The store's own answers: band keys looked up in its index, words counted by it.
    with monkeypatch.context() as patched:
        patched.setattr(story_store, "holds_none", lambda _store: (False, False))
        for name, files in (("two", [first, second]), ("failed", [first, failing, second])):
            with Store(tmp_path / f"index-{name}.db") as asked:
                library.import_paths(asked, files, processes=1, strict=True)
                expected[name] = _story_rows(asked)
    assert len(expected["two"][0]) >= 4  # copies found, one of them judged on its rare words
    judged: list[float] = []
    real = stories.copies.rare_share

    def counted(*args):  # type: ignore[no-untyped-def]
        judged.append(real(*args))
        return judged[-1]

    def refused(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("asked the store")

    monkeypatch.setattr(stories.copies, "rare_share", counted)
    signers = _recorded_signers(monkeypatch)

    def held_rows(own: library._OwnRows) -> list[tuple[int, int]]:
        assert own.bands is not None
        return sorted(zip(own.bands.keys.tolist(), own.bands.ids.tolist(), strict=True))

    with monkeypatch.context() as patched:
        patched.setattr(story_store, "band_holders", refused)
        patched.setattr(story_store, "document_counts", refused)
        with Store(tmp_path / "memory.db") as kept:
            library.import_paths(kept, [first, second], processes=1, strict=True)
            assert _story_rows(kept) == expected["two"]
            assert held_rows(signers[-1].own) == sorted(_story_rows(kept)[1])
    assert judged and len(signers) == 2 and signers[0].own is signers[1].own
    # A file rolled back takes its rows out of what the next file is judged against.
    with Store(tmp_path / "memory-failed.db") as kept:
        report = library.import_paths(kept, [first, failing, second], processes=1, strict=True)
        assert [f.error is None for f in report.files] == [True, False, True]
        assert _story_rows(kept) == expected["failed"]
        own = signers[-1].own
        assert own.bands is None or held_rows(own) == sorted(_story_rows(kept)[1])
    # Past their bounds the rows and counts kept are dropped and the store asked.
    monkeypatch.setattr(library, "_BANDS_KEPT", 2000)
    monkeypatch.setattr(library, "_WORDS_KEPT", 3000)
    asked: list[str] = []

    def noted(name: str):  # type: ignore[no-untyped-def]
        real = getattr(story_store, name)

        def asking(*args):  # type: ignore[no-untyped-def]
            asked.append(name)
            return real(*args)

        return asking

    for name in ("band_holders", "document_counts"):
        monkeypatch.setattr(story_store, name, noted(name))
    with Store(tmp_path / "memory-bounded.db") as kept:
        library.import_paths(kept, [first, second], processes=1, strict=True)
        assert _story_rows(kept) == expected["two"]
    assert {"band_holders", "document_counts"} <= set(asked)
    assert signers[-1].own.bands is None and signers[-1].own.words is None


def test_band_rows_held_back_find_what_rows_written_at_once_find(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file's band rows are held back and written in key order (_PendingBands):
    the copies found and the rows stored are those of rows written batch by batch,
    whether written in the middle of the file or at its end, a failed file's too."""
    first, second, failing = _sample_files(corpus, tmp_path)
    # Batches of two: a copy is mostly found in a batch before its own.
    monkeypatch.setattr(library, "_SIGN_BATCH", 2)
    monkeypatch.setattr(library, "GROUP_FILE_BYTES", 0)  # each file a transaction
    # The store answers (a store that held band rows already when the import began).
    monkeypatch.setattr(story_store, "holds_none", lambda _store: (False, False))
    written: list[int] = []
    real_write = library._PendingBands.write

    def write(self: library._PendingBands, store: Store) -> None:
        written.append(len(self.rows))
        real_write(self, store)

    monkeypatch.setattr(library._PendingBands, "write", write)
    found = {}
    for held in ("at_once", "forty", "to_the_end"):
        with monkeypatch.context() as patched:
            if held == "at_once":  # each batch's rows written as it is signed
                patched.setattr(
                    library._PendingBands,
                    "add",
                    lambda _self, store, rows: story_store.save_bands(store, rows),
                )
            patched.setattr(library, "_PENDING_BANDS", 64 * 40 if held == "forty" else 10**9)
            for name, files in (("two", [first, second]), ("failed", [first, failing, second])):
                with Store(tmp_path / f"{held}-{name}.db") as into:
                    report = library.import_paths(into, files, processes=1, strict=True)
                    assert [f.error is None for f in report.files] == [
                        True,
                        *([False] if name == "failed" else []),
                        True,
                    ]
                    found[held, name] = _story_rows(into)
        if held == "forty":
            assert max(written) >= 64 * 40 and len(written) > 2  # written within files
    for name in ("two", "failed"):
        assert found["forty", name] == found["at_once", name]
        assert found["to_the_end", name] == found["at_once", name]
    assert len(found["at_once", "two"][0]) >= 4  # copies found


def test_an_articles_rare_words_are_counted_once_a_batch_whatever_its_pairs(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A verdict on rare words reads an article's document counts (WordCounts.of) once
    a batch, however many of its pairs ask: the verdicts are the store's."""
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    # The sample's one pair judged on its rare words (an agency's report of the cabinet
    # and a paper's of the bombing it spoke of), and two more papers printing the report.
    (report,) = [line for line in lines if "يرأس جلسة مجلس الوزراء" in json.loads(line)["title"]]
    reprints = [json.dumps({**json.loads(report), "source": f"paper{i}"}) for i in range(2)]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([*lines, *reprints]) + "\n", encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(story_store, "holds_none", lambda _store: (False, False))
        with Store(tmp_path / "asked.db") as asked:
            library.import_paths(asked, [path], processes=1, strict=True)
            expected = _story_rows(asked)
    counted: list[int] = []
    shares: list[float] = []
    real_of, real_share = stories.copies.WordCounts.of, stories.copies.rare_share

    def of(self, hashes):  # type: ignore[no-untyped-def]
        counted.append(len(hashes))
        return real_of(self, hashes)

    def share(*args):  # type: ignore[no-untyped-def]
        shares.append(real_share(*args))
        return shares[-1]

    monkeypatch.setattr(stories.copies.WordCounts, "of", of)
    monkeypatch.setattr(stories.copies, "rare_share", share)
    with Store(tmp_path / "kept.db") as kept:
        library.import_paths(kept, [path], processes=1, strict=True)
        assert _story_rows(kept) == expected
    # Some article is in more than one pair: fewer articles counted than pairs' sides.
    assert len(shares) >= 3 and len(counted) < 2 * len(shares)


def test_a_files_band_rows_kept_in_memory_are_written_once_in_key_order(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import into an empty store answers from its own band rows in memory
    (_OwnRows.bands): each file's rows are written once, when it ends, in key order,
    not a batch at a time; the store comes out as the store-answered import leaves it."""
    first, second, _failing = _sample_files(corpus, tmp_path)
    monkeypatch.setattr(library, "_SIGN_BATCH", 16)  # batches flushed within a file
    monkeypatch.setattr(library, "GROUP_FILE_BYTES", 0)  # each file a transaction
    with monkeypatch.context() as patched:
        patched.setattr(story_store, "holds_none", lambda _store: (False, False))
        with Store(tmp_path / "asked.db") as asked:
            library.import_paths(asked, [first, second], processes=1, strict=True)
            expected = _story_rows(asked)
    written: list[list[tuple[int, int]]] = []
    real_write = story_store.save_band_rows

    def write(store: Store, keys: np.ndarray, ids: np.ndarray) -> None:
        written.append(list(zip(keys.tolist(), ids.tolist(), strict=True)))
        real_write(store, keys, ids)

    monkeypatch.setattr(story_store, "save_band_rows", write)
    with Store(tmp_path / "kept.db") as kept:
        library.import_paths(kept, [first, second], processes=1, strict=True)
        assert _story_rows(kept) == expected
        ids = [i for (i,) in kept.db.conn.execute("SELECT id FROM articles ORDER BY id")]
    assert len(written) == 2  # one a file
    assert all(rows == sorted(rows) for rows in written)
    assert sorted(written[0] + written[1]) == expected[1]
    assert max(i for _k, i in written[0]) < min(i for _k, i in written[1])
    assert {i for _k, i in written[1]} <= set(ids[100:])  # the second file's articles


def test_band_rows_are_saved_many_a_statement_and_the_rest_one_by_one(
    store: Store, tmp_path: Path
) -> None:
    records = [_record(f"خبر {i}", f"نص الخبر رقم {i}", "s", "2015-08-02") for i in range(9)]
    library.import_paths(store, [write(tmp_path / "a.jsonl", records)], copies=False)
    ids = sorted(ids_by_title(store).values())
    blob = bytes(4 * stories.copies.NUM_PERM)
    rng = np.random.default_rng(4)
    keys = {i: rng.integers(-(2**62), 2**62, size=64).tolist() for i in ids}
    keys[ids[0]][5] = keys[ids[0]][9]  # a key twice in one article
    keys[ids[1]][:3] = keys[ids[2]][:3]  # keys several hold
    with store.transaction():
        story_store.save_signatures(store, [(i, 30, blob, keys[i]) for i in ids[:2]])
        # A row held already is left (an article signed again), and 9 x 64 rows are
        # more than two statements' worth.
        story_store.save_signatures(store, [(i, 30, blob, keys[i]) for i in ids])
    expected = sorted({(k, i) for i in ids for k in keys[i]})
    rows = store.db.conn.execute("SELECT band_key, article_id FROM story_bands ORDER BY 1, 2")
    assert [tuple(r) for r in rows] == expected


def test_the_band_index_in_memory_answers_as_the_stores(store: Store, tmp_path: Path) -> None:
    records = [_record(f"خبر {i}", f"نص الخبر رقم {i}", "s", "2015-08-02") for i in range(7)]
    library.import_paths(store, [write(tmp_path / "a.jsonl", records)], copies=False)
    ids = sorted(ids_by_title(store).values())
    rng = np.random.default_rng(3)
    blob = bytes(4 * stories.copies.NUM_PERM)
    # Keys shared by several articles, a key twice in one article, batches whose ids
    # come before ids already held.
    batches = [
        [(ids[4], [7, 9, -3, 7]), (ids[5], [7, 11])],
        [(ids[0], [9, 7]), (ids[6], rng.integers(-50, 50, size=64).tolist())],
        [(i, [*rng.integers(-50, 50, size=64).tolist(), 7]) for i in ids[1:4]],
    ]
    memory = stories.copies.BandIndex()
    wanted = np.arange(-60, 60, dtype=np.int64)
    for batch in batches:
        with store.transaction():
            story_store.save_signatures(store, [(i, 30, blob, keys) for i, keys in batch])
        memory.add(batch)
        for per_key in (2, 100):
            assert memory.holders(wanted, per_key) == story_store.band_holders(
                store, wanted, per_key
            )
    assert len(memory) == store.db.conn.execute("SELECT count(*) FROM story_bands").fetchone()[0]


def test_word_counts_count_the_articles_that_hold_each_word() -> None:
    rng = np.random.default_rng(5)
    counts = stories.copies.WordCounts()
    held: list[set[int]] = []
    # Batches of five articles, then of one (a folder of one-article files): runs of
    # many sizes, merged as they come.
    for size, articles in [
        (0, 5),
        (40, 5),
        (3, 5),
        (200, 5),
        *[(int(n), 1) for n in rng.integers(0, 60, 40)],
    ]:
        batch = [
            np.unique(rng.integers(0, 300, size=size)).astype(np.uint64) for _ in range(articles)
        ]
        counts.add(batch)
        held += [set(a.tolist()) for a in batch]
        asked = np.arange(0, 320, dtype=np.uint64)
        assert counts.of(asked).tolist() == [sum(w in a for a in held) for w in range(320)]
        distinct = len(set().union(*held))
        assert distinct <= len(counts) <= sum(len(a) for a in held)


def test_a_workers_drafts_are_keyed_and_signed_as_each_alone(corpus: Path) -> None:
    # prepare_drafts signs the texts its dedup keys normalized (one NFC of each).
    from timeline.ingest import ArticleFile, Rejected, article_uid

    with ArticleFile(corpus / "saudinewsnet" / "sample.jsonl") as read:
        drafts = [d for d in read if not isinstance(d, Rejected)][:40]
    prepared = library.prepare_drafts(drafts, True)
    for draft, made in zip(drafts, prepared, strict=True):
        assert made.uid == article_uid(draft)
        alone = library.sign_text(draft.title, draft.body)
        assert made.signed is not None
        assert made.signed.signature.values.tolist() == alone.signature.values.tolist()
        assert made.signed.signature.shingles == alone.signature.shingles
        for name in ("keys", "word_hashes", "shingles"):
            assert getattr(made.signed, name).tolist() == getattr(alone, name).tolist()


# A digest that runs both the festival story and the olive one, whole.
ROUNDUP = _record(
    "جولة الأخبار: التمور في بريدة والزيتون في سكاكا",
    f"{AGENCY}\n{SAME_TOPIC}",
    "digest",
    "2015-08-02T15:00",
)


def test_a_roundup_joins_two_stories_and_says_which_are_linked_only_through_it(
    store: Store, run, tmp_path: Path
) -> None:
    path = write(tmp_path / "r.jsonl", [RECORDS[0], RECORDS[1], ROUNDUP])
    library.import_paths(store, [path])
    ids = ids_by_title(store)
    festival, olive = ids[RECORDS[0]["title"]], ids[RECORDS[1]["title"]]
    digest = ids[ROUNDUP["title"]]
    story = story_store.story_of(store, festival)
    assert story is not None  # single link: the digest copies each, so one story
    assert {a.article_id for a in story.articles} == {festival, olive, digest}
    assert library.linked_through_others(store, festival, story) == {olive}
    assert library.linked_through_others(store, olive, story) == {festival}
    assert library.linked_through_others(store, digest, story) == frozenset()
    shown = json.loads(run("--db", str(store.path), "show", str(olive), "--json").output)
    assert shown["story"]["through_others"] == [festival]
    # `stories` says it of the earliest copy: in its list, and marked in its lines.
    listed = json.loads(run("--db", str(store.path), "stories", "--json").output)
    assert listed["earliest"] == festival and listed["through_others"] == [olive]
    result = run("--db", str(store.path), "stories")
    # Each copy's line: two spaces, its mark (or a space), its id.
    marks = {int(line[3:].split()[0]): line[2] for line in result.stdout.splitlines()[1:]}
    assert marks == {festival: "*", olive: "~", digest: " "}
    assert "~ shares little text" in result.stderr


def test_cli_stories_name_the_earliest_copy_the_user_did_not_hide(run, tmp_path: Path) -> None:
    """A story's line named its earliest copy even when the user had hidden it: it names
    the earliest they did not hide, marked *, the others' ~ said against that one, and
    every copy still listed, the hidden marked.  All hidden: the earliest, marked hidden."""
    run("import", str(write(tmp_path / "r.jsonl", [RECORDS[0], RECORDS[1], ROUNDUP])))
    with Store(tmp_path / "t.db") as store:
        ids = ids_by_title(store)
    festival, olive = ids[RECORDS[0]["title"]], ids[RECORDS[1]["title"]]
    digest = ids[ROUNDUP["title"]]

    def story() -> tuple[str, dict[int, str]]:
        header, *lines = run("--no-bidi", "stories").stdout.splitlines()
        # Each copy's line: two spaces, its mark (or a space), its id.
        return header, {int(line[3:].split()[0]): line for line in lines}

    run("edit", "hide", "--article", str(festival))
    header, lines = story()
    assert "north | " + RECORDS[1]["title"] in header and "(hidden)" not in header
    assert "first 2015-08-02T10:00" in header and "3 copies" in header
    assert {i: line[2] for i, line in lines.items()} == {olive: "*", festival: "~", digest: " "}
    assert lines[festival].endswith("  (hidden)") and not lines[olive].endswith("(hidden)")
    # --json gives the stored story, as `list --json` gives no hidden mark.
    listed = json.loads(run("stories", "--json").output)
    assert listed["earliest"] == festival and listed["through_others"] == [olive]
    run("edit", "hide", "--article", str(olive))
    run("edit", "hide", "--article", str(digest))
    header, lines = story()
    assert "agency | " + RECORDS[0]["title"] in header and header.endswith("  (hidden)")
    assert lines[festival][2] == "*" and all(x.endswith("  (hidden)") for x in lines.values())


@pytest.mark.parametrize("chunk", [20_000, 1])
def test_each_story_once_shows_a_roundups_cluster_as_one_story_per_meeting(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The olive festival's reports are in the date festival's cluster through a
    roundup of both; shown once as the earliest report, they were hidden.  The same
    whether the clusters' signatures are read whole or a cluster at a time."""
    monkeypatch.setattr(story_store, "_SIGNATURE_ROWS", chunk)
    # A second cluster, after the first.
    closing = _record("ختام مهرجان التمور في بريدة", FOLLOW_UP, "paper", "2015-08-20T18:00")
    reprint = _record("بريدة تختتم مهرجان التمور", "واس: " + FOLLOW_UP, "wire", "2015-08-21T08:00")
    olive_copy = _record(
        "انطلاق ملتقى الزيتون في سكاكا", "سكاكا - واس: " + SAME_TOPIC, "wire", "2015-08-02T16:00"
    )
    records = [RECORDS[0], RECORDS[1], RECORDS[2], ROUNDUP, olive_copy, closing, reprint]
    library.import_paths(store, [write(tmp_path / "r.jsonl", records)])
    ids = ids_by_title(store)
    festival, olive = ids[RECORDS[0]["title"]], ids[RECORDS[1]["title"]]
    paper, digest = ids[RECORDS[2]["title"]], ids[ROUNDUP["title"]]
    wire = ids[olive_copy["title"]]
    first, second = ids[closing["title"]], ids[reprint["title"]]
    story = story_store.story_of(store, festival)
    assert story is not None and len(story.articles) == 5  # one cluster, single link
    found = story_store.read_collapse(store)
    assert found.earliest == {paper: festival, digest: festival, wire: olive, second: first}
    assert set(found.counts) == {festival, olive, first}
    assert found.counts[festival][0] == 3 and found.counts[olive][0] == 2
    assert story_store.later_copies(store) == {paper, digest, wire, second}


def test_small_files_share_a_signer_and_undo_a_failed_ones(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder of one-article files is written a group at a time; its articles are signed
    # by one signer between the files.  A file that fails (its articles rolled back to
    # its savepoint) is taken out of the pending batch: the stories are those of the
    # files that are stored, from memory as the store's own index would give them.
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    folder = tmp_path / "folder"
    folder.mkdir()
    for n, line in enumerate(lines):
        (folder / f"{n:03}.jsonl").write_text(line + "\n", encoding="utf-8")
    # Sorted among them: after 120 files, before the rest; it takes their next ids.
    (folder / "120_bad.jsonl").write_text("\n".join([*lines[150:160], "{not json"]))
    monkeypatch.setattr(library, "_SIGN_BATCH", 16)
    signers = _recorded_signers(monkeypatch)
    found = []
    for holds_none in (lambda _store: (False, False), story_store.holds_none):
        with monkeypatch.context() as patched, Store(tmp_path / f"{len(found)}.db") as store:
            patched.setattr(story_store, "holds_none", holds_none)
            report = library.import_paths(store, [folder], processes=1, strict=True)
            assert report.added == len(lines) and len(report.failed) == 1
            found.append(_story_rows(store))
    assert found[0][0] and found[0] == found[1]
    assert len(signers) == 2  # one an import
    with Store(tmp_path / "1.db") as store:
        ids = {i for (i,) in store.db.conn.execute("SELECT id FROM articles")}
    assert {row[0] for row in found[1][2]} == ids  # a signature for each article, no other


def test_related_articles_of_a_story_copied_many_times_read_a_bounded_number_of_copies(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each copy of the story was read to discount the terms only copies share: an
    article of a story copied 20,000 times took 10-30 s to show (its text waits for
    its related articles).  The copies are read until no term is held by two articles,
    at most _COPIES_READ; the copies are still never offered."""
    copies = [_record(f"نسخة {n}", AGENCY, f"outlet{n}", "2015-08-02T12:00") for n in range(40)]
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS + copies)])
    ids = ids_by_title(store)
    agency = ids["افتتاح مهرجان التمور في بريدة"]
    story = story_store.story_of(store, agency)
    assert story is not None and len(story.articles) == 42
    read: list[int] = []
    article = store.article

    def counted(article_id: int, **kwargs: object) -> object:
        read.append(article_id)
        return article(article_id, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "article", counted)
    found = library.related_articles(store, agency)
    # Every term is in more articles than the ceiling (20): each counted 21, gone after
    # 20 copies, and the rest unread (the answer the same: a term held by fewer than two
    # is never used).
    assert len(read) == 1 + 20
    assert not {r.article_id for r in found} & {a.article_id for a in story.articles}
    read.clear()
    monkeypatch.setattr(library, "_COPIES_READ", 5)
    found = library.related_articles(store, agency)
    assert len(read) == 1 + 5  # the article itself, then five copies
    assert not {r.article_id for r in found} & {a.article_id for a in story.articles}
