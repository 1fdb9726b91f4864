"""A search's filters and an export's range judge the articles as the user sees them.

The filters read the stored source and dates through their indexes; what the user
corrected (a source, a publication date, a mention's date, a hidden mention, an added
event) moves an article into or out of them (timeline.store.shown_filters).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.edits.test_export_edits import rows
from tests.edits.test_survival import article_id, filled, mention, source_file  # noqa: F401
from timeline import edits, library
from timeline.export import Selection
from timeline.model import to_axis
from timeline.store import Store
from timeline.store import edits as user
from timeline.store import search as search_module
from timeline.store.search import (
    distinct_sources,
    filtered_article_ids,
    matching_article_ids,
    search,
)

WAR, OTHER = "حرب قديمة", "خبر آخر"


def day(year: int, month: int = 1, d: int = 1) -> int:
    return to_axis(datetime(year, month, d))


@pytest.fixture(params=["candidates", "joined"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Both of the search's ways to apply a date filter: the filters' rowids read first
    (few), or conditions joined to each hit (more than CANDIDATES_MAX)."""
    if request.param == "joined":
        monkeypatch.setattr(search_module, "CANDIDATES_MAX", -1)
    yield request.param


def found(store: Store, query: str = "", **filters: object) -> set[int]:
    """The articles the filters choose, by every entry point, which must agree."""
    ids = {int(i) for i in matching_article_ids(store, query, **filters)}  # type: ignore[arg-type]
    if query:
        result = search(store, query, limit=10, **filters)  # type: ignore[arg-type]
        assert {h.article_id for h in result.hits} == ids
        assert result.total == len(ids)
        newest = search(store, query, limit=10, order="newest", **filters)  # type: ignore[arg-type]
        assert {h.article_id for h in newest.hits} == ids
    else:
        filtered = filtered_article_ids(store, **filters)  # type: ignore[arg-type]
        assert {int(i) for i in filtered} == ids
    return ids


@pytest.mark.parametrize("query", ["", "الحرب OR المجلس"])
def test_a_corrected_source_is_the_one_filtered(filled: Store, path: str, query: str) -> None:  # noqa: F811
    war, other = article_id(filled, WAR), article_id(filled, OTHER)
    assert found(filled, query, source="مصدر أ") == {war}
    edits.correct_article(filled, war, "source", "أرشيف")
    assert found(filled, query, source="أرشيف") == {war}
    assert found(filled, query, source="مصدر أ") == set()
    assert found(filled, query, source="مصدر ب") == {other}
    # With a date too: the source as shown, the dates as stored.
    may = {"date_from": day(2021, 5, 1), "date_to": day(2021, 6, 1)}
    assert found(filled, query, source="أرشيف", **may) == {war}
    assert found(filled, query, source="مصدر أ", **may) == set()
    edits.correct_article(filled, war, "source", None)  # the correction removed
    assert found(filled, query, source="مصدر أ") == {war}
    assert found(filled, query, source="أرشيف") == set()


def test_the_sources_offered_are_those_shown(filled: Store) -> None:  # noqa: F811
    war = article_id(filled, WAR)
    edits.correct_article(filled, war, "source", "أرشيف")
    assert distinct_sources(filled) == ["أرشيف", "مصدر ب"]


@pytest.mark.parametrize("query", ["", "الحرب OR المجلس"])
def test_a_corrected_publication_date_is_the_one_filtered(
    filled: Store,  # noqa: F811
    path: str,
    query: str,
) -> None:
    war, other = article_id(filled, WAR), article_id(filled, OTHER)
    may_22 = {"date_from": day(2021, 5, 22), "date_to": day(2021, 5, 23)}
    new_year = {"date_from": day(2020), "date_to": day(2020, 1, 2)}
    assert found(filled, query, event_kind="published", **may_22) == {war}
    edits.correct_article(filled, war, "published", "1 يناير 2020")
    assert found(filled, query, event_kind="published", **new_year) == {war}
    assert found(filled, query, event_kind="published", **may_22) == set()
    # Either kind of date: the other article mentions 10 Shawwal 1442 (22 May 2021).
    assert found(filled, query, **may_22) == {other}
    assert found(filled, query, **new_year) == {war}


@pytest.mark.parametrize("query", ["", "الحرب OR المجلس"])
def test_mentions_as_the_user_left_them_are_the_ones_filtered(
    filled: Store,  # noqa: F811
    path: str,
    query: str,
) -> None:
    war = article_id(filled, WAR)

    def mentioning(first: int, last: int) -> set[int]:
        return found(
            filled, query, event_kind="mentioned", date_from=day(first), date_to=day(last + 1)
        )

    assert mentioning(1954, 1954) == {war}
    assert mentioning(1951, 1951) == {war}
    edits.correct_mention(filled, mention(filled, WAR, "1954"), "1960")
    assert mentioning(1960, 1960) == {war}
    assert mentioning(1954, 1954) == set()
    span = mention(filled, WAR, "1950")
    edits.set_hidden(filled, user.mention_target(span.uid, span.span_start, span.span_end))
    assert mentioning(1951, 1951) == set()
    edits.add_event(filled, "1990/1991", "حرب الخليج", war)
    assert mentioning(1990, 1990) == {war}
    edits.correct_mention(filled, mention(filled, WAR, "1954"), None)  # not a date
    assert mentioning(1960, 1960) == set()


def test_an_export_range_meets_the_corrected_dates(filled: Store) -> None:  # noqa: F811
    war = article_id(filled, WAR)
    edits.correct_mention(filled, mention(filled, WAR, "1954"), "1960")
    edits.correct_article(filled, war, "published", "1 يناير 2020")

    def exported(first: int, last: int) -> list[tuple[str, str]]:
        chosen = Selection(date_from=day(first), date_to=day(last + 1))
        return [(e["kind"], e["value"]) for e in rows(filled, "events-jsonl", chosen)]

    assert exported(1960, 1960) == [("mentioned", "1960")]
    assert exported(1954, 1954) == []
    assert exported(2020, 2020) == [("published", "2020-01-01")]
    assert ("published", "2021-05-22") not in exported(2021, 2021)
    # In start order with the others' events (the range's start: 1950-1953 first).
    starts = [e["start"] for e in rows(filled, "events-jsonl", Selection(date_from=day(1900)))]
    assert starts == sorted(starts)


def test_a_vague_mention_the_user_dated_is_filtered_at_its_date(
    store: Store, tmp_path: Path, path: str
) -> None:
    """A mention the rules left undated ("in recent years": vague, duration, set) and
    the user gave a date is drawn at it, and a mentioned-dates filter meets it there."""
    text = "وقال الوزير إن الاقتصاد نما في السنوات الأخيرة بعد إصلاحات كثيرة."
    record = {"title": "خبر غامض", "source": "مصدر", "body": text, "published": "2021-05-22"}
    (tmp_path / "vague.jsonl").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    assert library.import_paths(store, [tmp_path / "vague.jsonl"]).added == 1
    (vague,) = [e for e in store.events_of(1) if e.kind == "vague"]
    years = {"event_kind": "mentioned", "date_from": day(2015), "date_to": day(2019)}
    assert found(store, "", **years) == set()
    assert found(store, "الاقتصاد", **years) == set()
    edits.correct_mention(store, edits.mention_of_event(store, vague.id), "2015/2018")
    assert found(store, "", **years) == {1}
    assert found(store, "الاقتصاد", **years) == {1}
    assert found(store, "", **{**years, "event_kind": None}) == {1}
    assert found(store, "", event_kind="mentioned", date_from=day(2020), date_to=day(2022)) == set()
