"""A library's own exports imported back: an article whose title or source the user
corrected is known by its texts as shown (what every export writes), or by the key an
export wrote beside its body (the texts it wrote may be a correction since changed), not
added again; a key beside another body is a new article."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.edits.test_export_edits import edited  # noqa: F401
from tests.edits.test_survival import article_id, filled, source_file  # noqa: F401
from timeline import edits, library
from timeline.export import Selection, export
from timeline.ingest.dedup import ShownKeys, article_uid
from timeline.ingest.timelinejs import USER_KEY
from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store import edits as user

# Every export an import reads back as articles.
ARTICLE_FORMATS = [
    ("timelinejs", "json"),
    ("timeline", "timeline"),
    ("articles-csv", "csv"),
    ("articles-jsonl", "jsonl"),
    ("articles-xlsx", "xlsx"),
]


def titles(store: Store) -> list[str]:
    return sorted(a.title for a in store.articles())


def imported_again_adds_nothing(store: Store, path: Path, fields_given: int = 0) -> None:
    """path imported into store, whose two articles it holds: both known (no article
    added, the stored titles kept), and no row of the user's tables added (but
    fields_given corrections of a title or source the file carries and the article has
    no longer)."""
    before = user.all_rows(store)
    report = library.import_paths(store, [path])
    assert not report.failed
    assert (report.added, report.duplicates) == (0, 2)
    assert titles(store) == ["حرب قديمة", "خبر آخر"]  # as stored: the user's title beside
    after = user.all_rows(store)
    counts = {t: len(r) for t, r in before.items()}
    counts["user_article_fields"] += fields_given
    assert {t: len(r) for t, r in after.items()} == counts


@pytest.mark.parametrize(("fmt", "suffix"), ARTICLE_FORMATS)
def test_an_export_imported_into_its_library_adds_nothing(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
) -> None:
    # The war's title, source and publication are corrected; the other article is hidden.
    path = tmp_path / f"out.{suffix}"
    export(edited, fmt, Selection(with_hidden=True), path)
    # What the file says again of the article it is (tags, note, the added event) is
    # the library's already: nothing is said twice.
    imported_again_adds_nothing(edited, path)
    war = edits.shown_article(edited, article_id(edited, "حرب قديمة"))
    assert war is not None and (war.title, war.source) == ("الحرب الكورية", "أرشيف")


@pytest.mark.parametrize(("fmt", "suffix"), ARTICLE_FORMATS)
def test_an_export_of_a_library_made_from_one_is_known_by_the_first(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
) -> None:
    # Into a new library the war comes as the user saw it, its corrected title the
    # user's over its own (.timeline, which carries none of the user's: as its own);
    # that library's export, brought back to the first, is the war again.
    first = tmp_path / f"first.{suffix}"
    export(edited, fmt, Selection(), first)
    with Store(tmp_path / "second.db") as second:
        assert library.import_paths(second, [first]).added == 1
        assert titles(second) == ["الحرب الكورية" if fmt == "timeline" else "حرب قديمة"]
        back = tmp_path / f"back.{suffix}"
        export(second, fmt, Selection(), back)
    report = library.import_paths(edited, [back])
    assert (report.added, report.duplicates) == (0, 1)


def test_the_corrected_title_with_another_body_is_another_article(
    edited: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "other.jsonl"
    record = {"title": "الحرب الكورية", "source": "أرشيف", "body": "نص آخر عن الحرب الكورية."}
    path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    report = library.import_paths(edited, [path])
    assert (report.added, report.duplicates) == (1, 0)


def test_a_correction_cleared_the_article_is_known_by_its_stored_texts_again(
    edited: Store,  # noqa: F811
    source_file: Path,  # noqa: F811
) -> None:
    war = article_id(edited, "حرب قديمة")
    edits.correct_article(edited, war, "title", None)
    edits.correct_article(edited, war, "source", None)
    report = library.import_paths(edited, [source_file])
    assert (report.added, report.duplicates) == (0, 2)


def test_shown_keys_know_an_article_by_its_shown_texts_and_its_body() -> None:
    stored = ArticleDraft(title="عنوان  أول", body="نص   الخبر\nكما هو", source="مصدر")
    uid = article_uid(stored)
    keys = ShownKeys([(uid, stored.source, stored.title, "مصدر آخر", "عنوان مصحح")])
    # As the key reads texts: normalized, each run of white space one space.
    shown = ArticleDraft(title=" عنوان مصحح ", body="نص الخبر كما   هو", source="مصدر آخر")
    assert keys.uid_of(shown) == uid
    assert keys.uid_of(ArticleDraft(title="عنوان مصحح", body="نص آخر", source="مصدر آخر")) is None
    assert keys.uid_of(ArticleDraft(title="عنوان مصحح", body=stored.body, source="مصدر")) is None
    assert keys.uid_of(stored) is None  # its own key finds it: not asked here
    assert not ShownKeys([]) and keys


@pytest.mark.parametrize(
    ("fmt", "suffix"), [f for f in ARTICLE_FORMATS if f[0] != "timeline"]
)  # The Timeline Project's format has no place for it
def test_a_hidden_article_written_with_the_hidden_stays_hidden_in_a_new_library(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
) -> None:
    path = tmp_path / f"out.{suffix}"
    export(edited, fmt, Selection(with_hidden=True), path)
    with Store(tmp_path / "new.db") as new:
        assert library.import_paths(new, [path]).added == 2
        hidden = {
            a.title: shown.hidden
            for a in new.articles()
            if (shown := edits.shown_article(new, a.id)) is not None
        }
        assert hidden == {"حرب قديمة": False, "خبر آخر": True}


# The exports that write each article's key (its uid column).
KEYED_FORMATS = [f for f in ARTICLE_FORMATS if f[0].startswith("articles-")]
# And those that write it where their format has room: every export of articles.
TRACED_FORMATS = [*KEYED_FORMATS, ("timelinejs", "json"), ("timeline", "timeline")]


def rewritten(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """An export's articles changed by hand, as a spreadsheet or an editor would save
    them: change(record) for each, a record keyed by the export's columns."""
    if path.suffix == ".jsonl":
        records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        for record in records:
            change(record)
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            columns, rows = reader.fieldnames, list(reader)
        for row in rows:
            change(row)
        assert columns is not None
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, columns)
            writer.writeheader()
            writer.writerows(rows)
    else:
        from openpyxl import load_workbook

        book = load_workbook(path)
        sheet = book.active
        header = [cell.value for cell in sheet[1]]
        for cells in sheet.iter_rows(min_row=2):
            record = {name: cell.value for name, cell in zip(header, cells, strict=True)}
            change(record)
            for name, cell in zip(header, cells, strict=True):
                cell.value = record[name]
        book.save(path)


@pytest.mark.parametrize("later", ["corrected again", "correction cleared"])
@pytest.mark.parametrize(("fmt", "suffix"), TRACED_FORMATS)
def test_an_export_written_before_a_correction_changed_adds_nothing(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
    later: str,
) -> None:
    # The file names the war as the user saw it then ("الحرب الكورية", "أرشيف"): neither
    # its stored texts nor those shown now.  Its key, beside a body that is the war's,
    # says which article it is.
    path = tmp_path / f"out.{suffix}"
    export(edited, fmt, Selection(with_hidden=True), path)
    war = article_id(edited, "حرب قديمة")
    shown = ("حرب كوريا", "أرشيف آخر") if later == "corrected again" else (None, None)
    edits.correct_article(edited, war, "title", shown[0])
    edits.correct_article(edited, war, "source", shown[1])
    # A correction the article still has is kept; one cleared since is the file's again,
    # as a publication date or a mention's correction the file carries would be (.timeline
    # carries none of the user's).
    cleared = later == "correction cleared" and fmt != "timeline"
    imported_again_adds_nothing(edited, path, fields_given=2 if cleared else 0)
    now = edits.shown_article(edited, war)
    assert now is not None
    if cleared:
        shown = ("الحرب الكورية", "أرشيف")
    assert (now.title, now.source) == (shown[0] or "حرب قديمة", shown[1] or "مصدر أ")


@pytest.mark.parametrize(("fmt", "suffix"), KEYED_FORMATS)
def test_a_stored_key_beside_another_body_is_a_new_article(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
) -> None:
    # A file edited by hand, or made to look like an export: the war's key beside a text
    # of its own, marked hidden and tagged.  The text is new: added, as any new article,
    # and the war is neither hidden, tagged nor given the note.
    path = tmp_path / f"out.{suffix}"
    export(edited, fmt, Selection(with_hidden=True), path)
    war = article_id(edited, "حرب قديمة")
    war_uid = user.article_uid(edited, war)

    def another_text(record: dict[str, Any]) -> None:
        if record["uid"] == war_uid:
            record["body"] = "نص آخر كتب في الملف باليد عن الحرب."
            if fmt == "articles-jsonl":
                record[USER_KEY] = {"hidden": True}
            else:
                record["hidden"] = "true"
            record["tags"], record["note"] = "مزيف", "ملاحظة من الملف"

    rewritten(path, another_text)
    before = edits.shown_article(edited, war)
    report = library.import_paths(edited, [path])
    assert not report.failed
    assert (report.added, report.duplicates) == (1, 1)
    assert edits.shown_article(edited, war) == before  # not hidden; its own note and tags
    added = max(a.id for a in edited.articles())
    assert edited.article(added).body == "نص آخر كتب في الملف باليد عن الحرب."  # type: ignore[union-attr]
    new = edits.shown_article(edited, added)
    assert new is not None and new.hidden and new.note == "ملاحظة من الملف"
    # Its title is the file's: the user's over the war's own where the row carries them
    # (its x-timeline-user, which the JSON Lines record here was given in place of).
    assert new.title == "الحرب الكورية"
    carried = fmt != "articles-jsonl"
    assert titles(edited) == (
        ["حرب قديمة", "حرب قديمة", "خبر آخر"]
        if carried
        else ["الحرب الكورية", "حرب قديمة", "خبر آخر"]
    )


def test_a_key_another_program_wrote_is_not_read(
    edited: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    # A "uid" of a table that is no export of this program (no imported_at) is its own
    # business: the record is read by its texts alone.
    war = article_id(edited, "حرب قديمة")
    path = tmp_path / "other.csv"
    body = edited.article(war).body  # type: ignore[union-attr]
    path.write_text(f"uid,title,body\n{user.article_uid(edited, war)},عنوان آخر,{body}\n", "utf-8")
    report = library.import_paths(edited, [path])
    assert (report.added, report.duplicates) == (1, 0)


# The exports whose format cannot hold every character: a control in a body is written
# as its symbol (a workbook's cell) or as a replacement character (.timeline's XML).
WRITTEN_OTHERWISE = [("articles-xlsx", "xlsx"), ("timeline", "timeline")]
# Made up: a bell, an ESC beginning a colour sequence, and a noncharacter no XML holds.
WITH_CONTROLS = "انعقدت القمة اليوم\x07 في الرياض\x1b[31m وصدر بيانها في 5 مايو 2021.\uffff"


def _one_article(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "in.jsonl"
    record = {"title": "قمة الرياض", "source": "وكالة", "body": body, "published": "2021-05-05"}
    path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(("fmt", "suffix"), WRITTEN_OTHERWISE)
def test_a_body_written_otherwise_is_known_by_its_key(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    path = tmp_path / f"out.{suffix}"
    with Store(tmp_path / "t.db") as store:
        assert library.import_paths(store, [_one_article(tmp_path, WITH_CONTROLS)]).added == 1
        export(store, fmt, Selection(), path)
        written = path.read_bytes().decode("utf-8") if suffix == "timeline" else ""
        assert "\x07" not in written  # the file holds the body otherwise
        report = library.import_paths(store, [path])
        assert not report.failed
        assert (report.added, report.duplicates) == (0, 1)

        # The key beside a body changed by hand (its control's stand-in kept): a new one.
        if suffix == "xlsx":

            def changed(record: dict[str, Any]) -> None:
                record["body"] = record["body"].replace("الرياض", "جدة")

            rewritten(path, changed)
        else:
            path.write_text(written.replace("في الرياض", "في جدة"), "utf-8")
        report = library.import_paths(store, [path])
        assert (report.added, report.duplicates) == (1, 0)
        bodies = sorted(a.body for a in store.articles())
    assert bodies[0] == WITH_CONTROLS and "جدة" in bodies[1]


def test_a_body_cut_at_a_cells_length_is_known_by_its_key(tmp_path: Path) -> None:
    # A workbook's cell holds 32,767 characters: a longer body is cut there.
    body = "فقرة طويلة من تقرير مختلق عن القمة. " * 1200  # 43,200 characters
    path = tmp_path / "out.xlsx"
    with Store(tmp_path / "t.db") as store:
        assert library.import_paths(store, [_one_article(tmp_path, body)]).added == 1
        cut: list[int] = []
        export(store, "articles-xlsx", Selection(), path, cut=cut)
        assert len(cut) == 1
        report = library.import_paths(store, [path])
        assert (report.added, report.duplicates) == (0, 1)


@pytest.mark.parametrize(("fmt", "suffix"), WRITTEN_OTHERWISE)
@pytest.mark.parametrize(("back_fmt", "back_suffix"), ARTICLE_FORMATS)
def test_a_copy_of_a_body_written_otherwise_is_known_by_the_first_library(
    tmp_path: Path, fmt: str, suffix: str, back_fmt: str, back_suffix: str
) -> None:
    # Library B imports A's file, which holds the body's controls otherwise (so B stores
    # their stand-ins), and A imports any export of B: the article A holds.  It was added
    # again (docs/decisions.md: the second-generation copy).
    first, back = tmp_path / f"first.{suffix}", tmp_path / f"back.{back_suffix}"
    with Store(tmp_path / "a.db") as a:
        assert library.import_paths(a, [_one_article(tmp_path, WITH_CONTROLS)]).added == 1
        export(a, fmt, Selection(), first)
    with Store(tmp_path / "b.db") as b:
        assert library.import_paths(b, [first]).added == 1
        (copy,) = b.articles()
        assert "\x07" not in copy.body and ("\u2407" in copy.body or "\ufffd" in copy.body)
        export(b, back_fmt, Selection(), back)
        report = library.import_paths(b, [first])
        assert (report.added, report.duplicates) == (0, 1)
    with Store(tmp_path / "a.db") as a:
        report = library.import_paths(a, [back])
        assert not report.failed
        assert (report.added, report.duplicates) == (0, 1)
        assert [x.body for x in a.articles()] == [WITH_CONTROLS]
