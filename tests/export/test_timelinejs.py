"""TimelineJS3 JSON: its fields, escaped right-to-left text, eras, and the round trip."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.export.conftest import snapshot
from timeline.export import Selection, export, write_text
from timeline.ingest import read_articles
from timeline.ingest.timelinejs import html_text
from timeline.library import import_paths
from timeline.model import ArticleDraft
from timeline.store import Store


def _document(store: Store, selection: Selection | None = None) -> dict:
    out = io.StringIO()
    write_text(store, "timelinejs", selection or Selection(), out, title="أرشيف")
    return json.loads(out.getvalue())


def test_fields_timelinejs_reads(sample_store: Store) -> None:
    doc = _document(sample_store)
    placed = sample_store.db.conn.execute(
        "SELECT count(*) FROM events WHERE start IS NOT NULL"
    ).fetchone()[0]
    assert len(doc["events"]) == placed
    assert html_text(doc["title"]["text"]["headline"]) == "أرشيف"
    (moon,) = [
        e
        for e in doc["events"]
        if "x-timeline-article" in e and "القمر للمرة" in e["text"]["headline"]
    ]
    # Published 21 July 1969 04:17: the date object goes down to the minute.
    assert moon["start_date"] == {"year": 1969, "month": 7, "day": 21, "hour": 4, "minute": 17}
    for event in doc["events"]:
        assert {"year"} <= set(event["start_date"]) <= {"year", "month", "day", "hour", "minute"}
        assert event["text"]["headline"].startswith('<span dir="rtl">')
        assert event["group"]  # the source
    # A range (1859-1869 in the Suez sample) has an end date; long ones are also eras.
    ranges = [e for e in doc["events"] if "end_date" in e]
    assert any(
        e["start_date"] == {"year": 1859} and e["end_date"] == {"year": 1869} for e in ranges
    )
    assert all(era["start_date"]["year"] <= era["end_date"]["year"] for era in doc["eras"])


def test_the_document_is_written_as_it_is_made(tmp_path: Path) -> None:
    # Made whole, then encoded whole, the SaudiNewsNet store's document took 625 MB; a
    # million articles would not fit.  It is written a batch of events at a time, the
    # articles' bodies read for each batch: the same JSON.
    records = [
        {
            "title": f"خبر رقم {n}",
            "body": f"قال المتحدث يوم 3 مارس 2014 إن الاجتماع عقد في 5 مايو 2013. {n}",
            "source": f"المصدر {n % 3}",
            "published": f"2015-07-{1 + n % 28:02d}",
        }
        for n in range(700)
    ]
    source = tmp_path / "many.jsonl"
    source.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )

    class Counted(io.StringIO):
        writes = 0

        def write(self, text: str) -> int:
            self.writes += 1
            return super().write(text)

    with Store(tmp_path / "t.db") as store:
        assert import_paths(store, [source]).added == 700
        out = Counted()
        count = write_text(store, "timelinejs", Selection(), out)
        doc = json.loads(out.getvalue())
    assert count == len(doc["events"]) == 2100  # a publication and two mentions each
    assert out.writes >= 2100 // 500 + 2  # the title, each batch of events, the end
    slides = [e for e in doc["events"] if "x-timeline-article" in e]
    assert len(slides) == 700 and len({e["unique_id"] for e in doc["events"]}) == 2100
    assert {html_text(e["text"]["text"]).split()[-1] for e in slides} == {
        str(n) for n in range(700)
    }  # each article's own body on its own slide
    assert set(doc) == {"title", "events", "eras", "x-timeline-tag-colours"}


def test_article_text_is_escaped_and_set_in_its_direction(tmp_path: Path) -> None:
    # TimelineJS sets headline and text as HTML: an article must not inject markup.
    # (Stored as written: a record of this program's own, with published_raw, keeps its
    # text's markup, where another's would be read as HTML.)
    source = tmp_path / "x.jsonl"
    record = {
        "title": 'خبر <img src=x onerror="alert(1)"> عاجل',
        "body": "السطر الأول & <script>alert(2)</script>\nsecond line in English",
        "published_raw": "2021-05-22T01:32",
        "source": "<b>src</b>",
    }
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        import_paths(store, [source])
        doc = _document(store)
    (event,) = [e for e in doc["events"] if "x-timeline-article" in e]
    text = event["text"]
    assert "<img" not in text["headline"] and "&lt;img" in text["headline"]
    assert "<script>" not in text["text"] and "&amp;" in text["text"]
    assert text["text"].startswith('<p dir="rtl">') and '<p dir="ltr">second' in text["text"]
    assert html_text(text["headline"]) == record["title"]
    # TimelineJS reads a group as markup and sets its text as HTML again: escaped twice
    # (tests/export/test_timelinejs_browser.py shows it in TimelineJS itself).
    assert event["group"] == "&amp;lt;b&amp;gt;src&amp;lt;/b&amp;gt;"
    assert all(e["group"] == event["group"] for e in doc["events"])
    assert event["x-timeline-article"]["source"] == record["source"]


def test_round_trip(sample_store: Store, tmp_path: Path, reimport) -> None:
    path = tmp_path / "timeline.json"
    export(sample_store, "timelinejs", Selection(), path)
    assert reimport(path) == snapshot(sample_store, dated_only=True)


def test_each_slide_names_the_key_of_its_article(sample_store: Store) -> None:
    # The article's uid (as a table export's uid column has it): in the format's own
    # unique_id of every slide of the article, and beside a publication's fields.
    uids = dict(sample_store.db.conn.execute("SELECT id, uid FROM articles"))
    events = _document(sample_store)["events"]
    mentions = 0
    for event in events:
        carried = event.get("x-timeline-article")
        article = carried["id"] if carried else event["x-timeline-mention"]["article"]
        number = event["unique_id"].rpartition("-event-")[2]
        assert event["unique_id"] == f"article-{uids[article]}-event-{number}"
        if carried:
            assert carried["uid"] == uids[article]
        else:
            mentions += 1
    assert mentions and len({e["unique_id"] for e in events}) == len(events)


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        # Each block element ends a line (as a feed's HTML is read: feeds.html_text).
        (
            "<div>أ</div><div>ب</div><ul><li>ج</li><li>د</li></ul><h3>هـ</h3>",
            "أ\n\nب\n\nج\n\nد\n\nهـ",
        ),
        ("سطر<br/>سطر  ثان<blockquote>قول</blockquote>", "سطر\nسطر ثان\nقول"),
        # A '<' that starts no tag is text.
        ("درجة الحرارة <5 درجات و>3 في الليل", "درجة الحرارة <5 درجات و>3 في الليل"),
        ("<b>أ &lt; ب</b> و<i>ج</i>", "أ < ب وج"),
    ],
)
def test_html_text_ends_a_line_at_each_block_and_keeps_text(fragment: str, text: str) -> None:
    assert html_text(fragment) == text


def test_html_text_reads_a_run_of_openings_in_one_pass() -> None:
    # 4 MB of '<' took 12 s: a tag ran to the next '>', up to 2,000 characters on, from
    # every '<', and the last 2,000 went as one tag.  Each is text: it starts no tag.
    assert html_text("<" * 2_000_000 + ">خبر") == "<" * 2_000_000 + ">خبر"


def test_a_timelinejs_file_from_elsewhere_becomes_articles(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    doc = {
        "title": {"text": {"headline": "Mine"}},
        "events": [
            {
                "start_date": {"year": "1973", "month": "10", "day": "6"},
                "text": {"headline": "حرب <i>أكتوبر</i>", "text": "<p>يبدأ الهجوم</p><p>ظهرا</p>"},
                "group": "تاريخ &amp; <b>سياسة</b>",
            }
        ],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (draft,) = list(read_articles(path))
    assert draft == ArticleDraft(
        title="حرب أكتوبر",
        body="يبدأ الهجوم\n\nظهرا",
        source="تاريخ & سياسة",
        published_raw="1973-10-06",
        origin=str(path),
    )
