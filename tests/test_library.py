"""Use cases: importing files into events, atomic files, re-computing events."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLES
from timeline import library
from timeline.model import from_axis
from timeline.store import Store


def test_seed_article_events(store: Store, corpus: Path) -> None:
    report = library.import_paths(store, [corpus / "seed" / "000_e3dea70be14111b3.txt"])
    assert report.added == 1 and not report.failed
    (article,) = store.articles()
    events = store.events_of(article.id)
    published = events[0]
    assert (published.kind, published.value) == ("published", "2021-05-22T01:32")
    by_value = {e.value: e for e in events[1:]}
    friday = by_value["2021-05-21"]
    assert friday.kind == "mentioned" and friday.end is None
    assert "اليوم الجمعة" in article.body[friday.span_start : friday.span_end]
    assert "الجمعة" in friday.label and len(friday.label) <= 240
    war = by_value["1950/1953"]
    assert war.kind == "mentioned" and war.granularity == "interval"
    assert from_axis(war.start).year == 1950 and from_axis(war.end).year == 1954
    decades = by_value["P70Y"]
    assert decades.kind == "duration" and decades.start is None


def test_a_failing_file_leaves_the_store_as_it_was(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "أ", "body": "ب"}\n{"title": 3}\n', encoding="utf-8")
    result = library.import_file(store, bad)
    assert result.error and "line 2" in result.error
    assert store.count_articles() == 0 and store.count_events() == 0


def test_progress_reports_every_file(store: Store) -> None:
    seen: list[tuple[int, int]] = []
    report = library.import_paths(store, [SAMPLES], progress=lambda d, t, _p: seen.append((d, t)))
    total = len(report.files)
    assert seen[0] == (0, total) and seen[-1] == (total, total)


def test_recompute_rebuilds_the_same_events(store: Store) -> None:
    library.import_paths(store, [SAMPLES])
    before = {
        a.id: [(e.kind, e.value, e.span_start) for e in store.events_of(a.id)]
        for a in store.articles()
    }
    store.db.conn.execute("DELETE FROM events")
    store.db.conn.execute("UPDATE articles SET published = NULL, published_start = NULL")
    assert library.recompute_events(store) == len(before)
    after = {
        a.id: [(e.kind, e.value, e.span_start) for e in store.events_of(a.id)]
        for a in store.articles()
    }
    assert after == before
    assert sum(1 for a in store.articles() if a.published) == len(before) - 1


def test_sentence_around_is_bounded_and_holds_the_span() -> None:
    text = "جملة أولى. " + "كلمة " * 200 + "في 2015 " + "كلمة " * 200 + ". جملة أخيرة"
    at = text.index("2015")
    label = library.sentence_around(text, at, at + 4)
    assert "2015" in label and len(label) <= 240
    assert library.sentence_around("أمس.", 0, 3) == "أمس."
