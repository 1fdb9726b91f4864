"""A library's own exports imported back: an article whose title or source the user
corrected is known by its texts as shown (what every export writes), not added again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.edits.test_export_edits import edited  # noqa: F401
from tests.edits.test_survival import article_id, filled, source_file  # noqa: F401
from timeline import edits, library
from timeline.export import Selection, export
from timeline.ingest.dedup import ShownKeys, article_uid
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
    before = user.all_rows(edited)
    report = library.import_paths(edited, [path])
    assert not report.failed
    assert (report.added, report.duplicates) == (0, 2)
    assert titles(edited) == ["حرب قديمة", "خبر آخر"]  # as stored: the user's title beside
    war = edits.shown_article(edited, article_id(edited, "حرب قديمة"))
    assert war is not None and (war.title, war.source) == ("الحرب الكورية", "أرشيف")
    # What the file says again of the article it is (tags, note, the added event) is
    # the library's already: nothing is said twice.
    after = user.all_rows(edited)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}


@pytest.mark.parametrize(("fmt", "suffix"), ARTICLE_FORMATS)
def test_an_export_of_a_library_made_from_one_is_known_by_the_first(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
) -> None:
    # Into a new library the war comes as the user saw it, its corrected title its own;
    # that library's export, brought back to the first, is the war again.
    first = tmp_path / f"first.{suffix}"
    export(edited, fmt, Selection(), first)
    with Store(tmp_path / "second.db") as second:
        assert library.import_paths(second, [first]).added == 1
        assert titles(second) == ["الحرب الكورية"]
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
        assert hidden == {"الحرب الكورية": False, "خبر آخر": True}
