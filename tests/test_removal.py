"""Removing articles from the library: `library.remove_articles` and `timeline remove`."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES, SAUDINEWSNET
from tests.stories.test_store_stories import RECORDS, ids_by_title, write
from timeline import edits, library
from timeline.cli import cli
from timeline.paths import origin_as_named
from timeline.store import Store, StoreError
from timeline.store import edits as user
from timeline.store import stories as story_store


def hits(db: Path, query: str) -> set[int]:
    result = CliRunner().invoke(cli, ["--db", str(db), "search", "--json", query])
    assert result.exit_code == 0, result.output
    return {json.loads(line)["id"] for line in result.output.splitlines() if line.strip()}


def counts(store: Store) -> dict[str, int]:
    conn = store.db.conn
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("articles", "events", "article_search", "story_signatures", "story_copies")
    }


@pytest.fixture
def stories(store: Store, tmp_path: Path) -> dict[str, int]:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    return ids_by_title(store)


def test_removed_articles_leave_the_events_the_index_and_the_stories(
    store: Store, stories: dict[str, int]
) -> None:
    copy = stories["بريدة تفتتح مهرجان التمور"]
    follow_up = stories["ختام مهرجان التمور في بريدة"]
    assert story_store.story_of(store, copy) is not None
    assert copy in hits(store.path, "مهرجان التمور") and copy in hits(store.path, '"تفتتح مهرجان"')
    before = counts(store)

    removed = library.remove_articles(store, [copy, follow_up, 999_999])

    assert removed == sorted([copy, follow_up])
    assert store.article(copy) is None and store.events_of(copy) == []
    after = counts(store)
    assert after["articles"] == before["articles"] - 2
    assert after["article_search"] == after["articles"]
    assert after["story_signatures"] == before["story_signatures"] - 2
    # The story had two copies: one is left, so there is no story any more.
    assert story_store.clusters(store) == []
    assert hits(store.path, "مهرجان التمور") == {stories["افتتاح مهرجان التمور في بريدة"]}
    assert hits(store.path, '"تفتتح مهرجان"') == set()  # the phrase index too
    conn = store.db.conn
    conn.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 0)")
    (unpaired,) = conn.execute("SELECT count(*) FROM search_unpaired").fetchone()
    assert unpaired == 0  # the removed articles' word pairs were taken out
    density = conn.execute("SELECT sum(n) FROM timeline_density").fetchone()[0]
    assert (
        density
        == after["events"]
        - conn.execute("SELECT count(*) FROM events WHERE start IS NULL").fetchone()[0]
    )


def test_a_story_that_lost_its_earliest_copy_is_named_by_the_next(
    store: Store, stories: dict[str, int], tmp_path: Path
) -> None:
    head = stories["افتتاح مهرجان التمور في بريدة"]
    copy = stories["بريدة تفتتح مهرجان التمور"]
    library.remove_articles(store, [head])
    rows = store.db.conn.execute("SELECT article_id, cluster FROM story_copies").fetchall()
    assert rows == []  # one copy left is no story
    # A story of three that loses its earliest: the other two, named by the smaller.
    retold = dict(RECORDS[0], title="بريدة: افتتاح مهرجان التمور", source="other")
    library.import_paths(store, [write(tmp_path / "c.jsonl", [RECORDS[0], retold])])
    head = ids_by_title(store)["افتتاح مهرجان التمور في بريدة"]
    story = story_store.story_of(store, copy)
    assert story is not None and len(story.articles) == 3
    library.remove_articles(store, [min(a.article_id for a in story.articles)])
    rows = store.db.conn.execute("SELECT article_id, cluster FROM story_copies").fetchall()
    assert len(rows) == 2 and {cluster for _, cluster in rows} == {min(i for i, _ in rows)}


def test_a_story_whose_only_link_is_removed_comes_apart(
    store: Store, corpus: Path, tmp_path: Path
) -> None:
    # Two unrelated articles, and a third that reprints both whole (a digest): it is a
    # copy of each, and so joins them in one story.  Without it they share nothing.
    records = [json.loads(line) for line in SAUDINEWSNET.read_text("utf-8").splitlines()]
    first, second = [r for r in records if 1500 < len(r["body"]) < 3000][:2]
    digest = dict(first, title="موجز", body=first["body"] + "\n" + second["body"])
    sources = [dict(first, source="one"), dict(second, source="two"), dict(digest, source="x")]
    library.import_paths(store, [write(tmp_path / "d.jsonl", sources)])
    (story,) = story_store.clusters(store)
    assert len(story.articles) == 3
    digest_id = max(a.article_id for a in story.articles)
    library.remove_articles(store, [digest_id])
    assert story_store.clusters(store) == []  # what `timeline stories --rebuild` finds
    assert store.db.conn.execute("SELECT count(*) FROM story_copies").fetchone()[0] == 0
    library.rebuild_stories(store)
    assert story_store.clusters(store) == []


def test_the_users_edits_are_kept_and_return_with_the_article(
    store: Store, stories: dict[str, int], tmp_path: Path
) -> None:
    follow_up = stories["ختام مهرجان التمور في بريدة"]
    edits.correct_article(store, follow_up, "title", "الختام")
    edits.set_note(store, follow_up, "للمراجعة")
    before = user.all_rows(store)
    library.remove_articles(store, [follow_up])
    assert user.all_rows(store) == before
    library.import_paths(store, [write(tmp_path / "b.jsonl", RECORDS[3:])])
    again = ids_by_title(store)["ختام مهرجان التمور في بريدة"]
    shown = edits.shown_article(store, again)
    assert shown is not None and (shown.title, shown.note) == ("الختام", "للمراجعة")


def test_a_cancelled_removal_removes_nothing(store: Store, stories: dict[str, int]) -> None:
    before = counts(store)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # after the first step

    with pytest.raises(library.RemoveCancelled):
        library.remove_articles(store, range(1, 2 * library.REMOVE_STEP + 1), cancelled=cancelled)
    assert counts(store) == before


def test_a_failed_removal_removes_nothing(
    store: Store, stories: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(store)

    def fails() -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "fill_word_pairs", fails)
    with pytest.raises(StoreError, match="disk I/O error"):
        library.remove_articles(store, list(stories.values()))
    assert counts(store) == before


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_removes_by_id_and_says_what_it_removed(store: Store, stories: dict[str, int]) -> None:
    copy = stories["بريدة تفتتح مهرجان التمور"]
    events = len(store.events_of(copy))
    code, out, err = run(store.path, "remove", str(copy), "424242")
    assert code == 1  # an id named no article
    assert "no article with id 424242" in err
    assert events > 1
    assert out.strip() == f"removed 1 article and its {events} events"
    assert store.article(copy) is None


def test_cli_removes_what_came_from_a_file_folder_or_archive(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "samples"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("0*.txt"))[:3]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    archive = tmp_path / "more.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for sample in sorted(SAMPLES.glob("1*.txt"))[:2]:
            z.write(sample, sample.name)
    kept = write(tmp_path / "kept.jsonl", RECORDS)
    monkeypatch.chdir(tmp_path)
    # Imported as a relative path, removed by its absolute one, and the other way.
    library.import_paths(store, [Path("samples"), archive, kept])
    total = store.count_articles()

    code, out, err = run(store.path, "remove", "--dry-run", "--origin", str(folder))
    assert code == 0 and len(out.splitlines()) == 3
    assert "would remove 3 articles; nothing was changed" in err
    assert store.count_articles() == total

    code, out, _err = run(store.path, "remove", "--origin", str(folder))
    assert (code, store.count_articles()) == (0, total - 3)
    code, out, _err = run(store.path, "remove", "--origin", "more.zip")
    assert (code, store.count_articles()) == (0, total - 5)
    assert {a.origin for a in store.articles()} == {str(kept)}
    # An earlier version stored the path as the import was given it.
    with store.transaction():
        store.db.conn.execute("UPDATE articles SET origin = 'kept.jsonl'")
    code, _out, _err = run(store.path, "remove", "--origin", str(kept))
    assert (code, store.count_articles()) == (0, total - 5 - len(RECORDS))

    code, _out, err = run(store.path, "remove", "--origin", str(tmp_path / "elsewhere"))
    assert code == 1 and "no article came from" in err  # as `list --origin` says it


def test_cli_remove_needs_a_choice_and_a_writable_store(
    store: Store, stories: dict[str, int], tmp_path: Path
) -> None:
    code, _out, err = run(store.path, "remove")
    assert code == 1 and "name the articles to remove" in err
    count = store.count_articles()
    code, _out, err = run(store.path, "remove", "--origin", "")  # not everything under /
    assert code == 1 and "--origin needs the path" in err
    assert store.ids_from_origin([""]) == [] and store.count_articles() == count
    store.close()
    damaged = tmp_path / "damaged.db"
    data = bytearray(store.path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    damaged.write_bytes(bytes(data))
    code, _out, err = run(damaged, "remove", "1")
    assert code == 1 and err.startswith("Error:") and len(err.strip().splitlines()) == 1
    assert damaged.read_bytes() == bytes(data)  # never written into


def test_an_import_reports_the_ids_it_added(store: Store, tmp_path: Path) -> None:
    first = library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS[:2])])
    assert list(first.added_ids()) == sorted(a.id for a in store.articles())
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "x", "body": "y"}\n{', encoding="utf-8")
    again = library.import_paths(store, [write(tmp_path / "b.jsonl", RECORDS), broken], strict=True)
    assert again.added == 2 and again.duplicates == 2 and len(again.failed) == 1
    new = [a.id for a in store.articles() if a.title in {r["title"] for r in RECORDS[2:]}]
    assert list(again.added_ids()) == sorted(new)  # not the duplicates', not the failed file's
    assert library.remove_articles(store, again.added_ids()) == sorted(new)
    assert store.count_articles() == 2


def test_cli_import_json_gives_the_ids_remove_takes(store: Store, tmp_path: Path) -> None:
    first = write(tmp_path / "a.jsonl", RECORDS[:2])
    library.import_paths(store, [first])
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 no archive")
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(store.path),
            "import",
            "--json",
            str(write(tmp_path / "b.jsonl", RECORDS)),
            str(broken),
        ],
    )
    assert result.exit_code == 1  # a file failed
    lines = [json.loads(line) for line in result.stdout.splitlines()]  # JSON Lines alone
    assert [line["path"] for line in lines] == [str(tmp_path / "b.jsonl"), str(broken)]
    added, failed = lines
    assert (added["added"], added["already_stored"], added["error"]) == (2, 2, None)
    new = sorted(a.id for a in store.articles() if a.title in {r["title"] for r in RECORDS[2:]})
    assert added["ids"] == [[new[0], new[-1]]] and new[-1] - new[0] == 1
    assert failed["ids"] == [] and failed["error"]
    assert "2 added, 2 already stored, 1 failed file" in result.stderr
    # The run as remove takes it, with ids past the library's end said in one line.
    code, out, err = run(store.path, "remove", f"{new[0]}-{new[-1] + 20}")
    assert code == 1 and out.strip().startswith("removed 2 articles")
    assert "20 of the ids named no article" in err and len(err.strip().splitlines()) <= 2
    assert store.count_articles() == 2
    code, _out, err = run(store.path, "remove", "3-1")
    assert code == 2 and "not after its last" in err


def test_cli_remove_reads_a_run_by_range_however_long(
    store: Store, stories: dict[str, int]
) -> None:
    # A trillion ids named: read by range (spelled out, they filled the memory).
    last = max(stories.values())
    code, out, err = run(store.path, "remove", "--dry-run", "1-999999999999", "2-3")
    assert code == 1 and "would remove" in err
    assert f"{999_999_999_999 - last} of the ids named no article: {last + 1}," in err
    assert len(out.strip().splitlines()) == len(stories)
    assert store.count_articles() == len(stories)
    # Overlapping runs and repeated ids name each article once.
    code, out, err = run(store.path, "remove", "1-2", "2", "2-3", str(last + 1))
    assert code == 1 and out.strip().startswith("removed 3 articles")
    assert [line for line in err.splitlines() if "no article" in line] == [
        f"no article with id {last + 1}"
    ]


def test_a_file_reached_through_dot_dot_has_one_origin(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """../shared/corpus/a.jsonl was stored as /home/u/timeline/../shared/corpus/a.jsonl: shown
    so, and another spelling of the same file (its folder, by `--origin`) missed it."""
    shared = tmp_path / "shared" / "corpus"
    shared.mkdir(parents=True)
    write(shared / "a.jsonl", RECORDS)
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    library.import_paths(store, [Path("./../shared/corpus/../corpus/a.jsonl")])
    # As the file named by its own path is stored (the same file, one origin).
    assert {a.origin for a in store.articles()} == {str(shared / "a.jsonl")}
    code, out, _err = run(store.path, "list", "--json", "--origin", str(shared))
    assert code == 0 and len(out.splitlines()) == len(RECORDS)


def test_dot_dot_after_a_link_names_the_file_the_system_read(store: Store, tmp_path: Path) -> None:
    """link/../a.jsonl, where link is a link to a folder elsewhere, is that folder's
    parent's file to the system: removing the '..' by the text alone named another
    file.  A link the path only passes through is kept as written (not resolved)."""
    real = tmp_path / "real"
    (real / "inner").mkdir(parents=True)
    write(real / "a.jsonl", RECORDS[:1])
    (tmp_path / "link").symlink_to(real / "inner")
    (tmp_path / "named").symlink_to(real)
    library.import_paths(store, [tmp_path / "link" / ".." / "a.jsonl"])
    (origin,) = {a.origin for a in store.articles()}
    assert origin == str(real / "a.jsonl")
    write(real / "b.jsonl", RECORDS[1:2])
    library.import_paths(store, [tmp_path / "named" / "inner" / ".." / "b.jsonl"])
    assert {a.origin for a in store.articles()} == {origin, str(tmp_path / "named" / "b.jsonl")}


def test_an_origin_is_shown_as_the_file_it_names_and_nothing_else_is_changed(
    tmp_path: Path,
) -> None:
    """paths.origin_as_named, what the window shows: ".." steps of an absolute path
    taken out; an address, a relative path and an archive's member left as stored."""
    (tmp_path / "elsewhere").mkdir()
    archive = tmp_path / "a.zip"
    archive.write_bytes(b"PK")
    assert origin_as_named(f"{tmp_path}/elsewhere/../a.jsonl") == str(tmp_path / "a.jsonl")
    for kept in (
        "https://example.com/news/../2015/a.html",
        "../shared/a.jsonl",
        f"{archive}/../../a.jsonl",  # a member's name, no step the system takes
        str(tmp_path / "a..b.jsonl"),
    ):
        assert origin_as_named(kept) == kept


def test_an_origin_stored_with_dot_dot_is_still_found_by_its_file(
    store: Store, tmp_path: Path
) -> None:
    """Origins stored by earlier versions are left as they were stored; `--origin`
    finds them by any spelling of the file or of a folder above it."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    library.import_paths(store, [write(folder / "a.jsonl", RECORDS)])
    old = f"{tmp_path}/elsewhere/../corpus/a.jsonl"
    with store.transaction():
        store.db.conn.execute("UPDATE articles SET origin = ?", (old,))
    for spelling in (folder / "a.jsonl", folder, Path(old), tmp_path / "elsewhere" / ".."):
        assert len(store.ids_from_origin([str(spelling)])) == len(RECORDS), spelling
    assert store.ids_from_origin([str(tmp_path / "corp")]) == []
    # A member of a zip named "../../a.jsonl" (as a hostile zip may name one) is no
    # file outside the archive.
    archive = folder / "a.zip"
    archive.write_bytes(b"PK")
    with store.transaction():
        store.db.conn.execute("UPDATE articles SET origin = ?", (f"{archive}/../../a.jsonl",))
    assert store.ids_from_origin([str(tmp_path / "a.jsonl")]) == []
    assert len(store.ids_from_origin([str(archive)])) == len(RECORDS)
    with store.transaction():
        store.db.conn.execute("UPDATE articles SET origin = ?", (old,))
    code, _out, _err = run(store.path, "remove", "--origin", str(folder / "a.jsonl"))
    assert code == 0 and store.count_articles() == 0
