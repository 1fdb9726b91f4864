"""The Timeline Project's .timeline files: export, import with categories, bad files."""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.export.conftest import snapshot
from timeline.cli import cli
from timeline.export import Selection, export, write_text
from timeline.ingest.errors import BadArticle
from timeline.ingest.timeline_xml import TimelineEntry, parse_timeline
from timeline.library import import_paths, recompute_events
from timeline.model import to_axis
from timeline.store import Store

MADE_ELSEWHERE = """<?xml version="1.0" encoding="utf-8"?>
<timeline>
  <version>2.4.0</version>
  <timetype>gregoriantime</timetype>
  <categories>
    <category><name>حروب</name><color>255,0,0</color></category>
    <category><name>قمم</name><color>0,0,255</color><parent>حروب</parent></category>
  </categories>
  <events>
    <event>
      <start>1973-10-06 14:00:00</start>
      <end>1973-10-25 00:00:00</end>
      <text>حرب أكتوبر</text>
      <category>حروب</category>
      <description>بدأت الحرب ظهر السادس من أكتوبر.</description>
    </event>
    <event>
      <start>1945-03-22 00:00:00</start>
      <end>1945-03-22 00:00:00</end>
      <text>تأسيس الجامعة العربية &amp; ميثاقها</text>
      <category>قمم</category>
      <hyperlink>https://example.org/a?b=1&amp;c=2</hyperlink>
    </event>
  </events>
</timeline>
"""


def test_export_is_a_timeline_document(sample_store: Store) -> None:
    out = io.StringIO()
    count = write_text(sample_store, "timeline", Selection(), out)
    root = ElementTree.fromstring(out.getvalue())
    assert root.tag == "timeline" and root.findtext("timetype") == "gregoriantime"
    events = root.findall("events/event")
    dated = sample_store.db.conn.execute(
        "SELECT count(*) FROM articles WHERE published_start IS NOT NULL"
    ).fetchone()[0]
    assert count == len(events) == dated
    categories = {c.findtext("name") for c in root.findall("categories/category")}
    assert {e.findtext("category") for e in events} <= categories
    moon = next(
        e for e in events if e.findtext("text") == "الإنسان يهبط على سطح القمر للمرة الأولى"
    )
    assert moon.findtext("start") == "1969-07-21 04:17:00" == moon.findtext("end")
    assert "نيل أرمسترونغ" in moon.findtext("description")


# The elements The Timeline Project reads in an event, in the order its reader takes
# them: it refuses a file with any other, or with one after an element it lists later
# ("Did not expect <...>": its schema is a sequence, each element optional or not).
EVENT_ELEMENTS = (
    *("start", "end", "text", "progress", "fuzzy", "fuzzy_start", "fuzzy_end", "locked"),
    *("ends_today", "category", "description", "alert", "hyperlink", "icon"),
    *("default_color", "milestone"),
)


def test_each_event_names_the_key_of_its_article_in_a_comment(sample_store: Store) -> None:
    out = io.StringIO()
    write_text(sample_store, "timeline", Selection(), out)
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True))
    root = ElementTree.fromstring(out.getvalue(), parser)
    uids = dict(sample_store.db.conn.execute("SELECT title, uid FROM articles"))
    events = root.findall("events/event")
    assert events
    for event in events:
        comment, *elements = list(event)
        assert comment.tag is ElementTree.Comment
        assert comment.text == f" uid: {uids[event.findtext('text')]} "
        assert {e.tag for e in elements} <= set(EVENT_ELEMENTS)  # the key in no element


# The whole document as The Timeline Project's reader takes it: each element's children
# in this order, only those marked as repeating more than once.
READER_SCHEMA: dict[str, tuple[str, ...]] = {
    "timeline": ("version", "timetype", "eras", "categories", "events", "view", "now"),
    "eras": ("era*",),
    "era": ("name", "start", "end", "color", "ends_today"),
    "categories": ("category*",),
    "category": ("name", "color", "progress_color", "done_color", "font_color", "parent"),
    "events": ("event*",),
    "event": EVENT_ELEMENTS,
    "view": ("displayed_period", "hidden_categories"),
    "displayed_period": ("start", "end"),
    "hidden_categories": ("name*",),
}


def reader_refusal(element: ElementTree.Element) -> str | None:
    """Why the reader would refuse an element or one below it (None: it would not)."""
    order = [name.rstrip("*") for name in READER_SCHEMA.get(element.tag, ())]
    repeating = {name.rstrip("*") for name in READER_SCHEMA.get(element.tag, ()) if "*" in name}
    at, last = 0, None
    for child in element:
        if child.tag not in order[at:]:
            return f"did not expect <{child.tag}> in <{element.tag}>"
        if child.tag == last and child.tag not in repeating:
            return f"did not expect a second <{child.tag}> in <{element.tag}>"
        at, last = order.index(child.tag, at), child.tag
        if child.tag in READER_SCHEMA and (why := reader_refusal(child)) is not None:
            return why
    return None


def test_the_timeline_projects_reader_would_take_the_file(sample_store: Store) -> None:
    out = io.StringIO()
    write_text(sample_store, "timeline", Selection(), out)
    root = ElementTree.fromstring(out.getvalue())  # (comments dropped, as its reader does)
    assert root.findall("events/event") and root.findall("categories/category")
    # It reads an event's elements in order: <default_color> after <milestone> was refused.
    assert reader_refusal(root) is None


def test_the_readers_order_is_checked() -> None:
    took = "<timeline><version>2</version><events><event><start>1</start>"
    assert reader_refusal(ElementTree.fromstring(took + "</event></events></timeline>")) is None
    late = took + "<milestone>False</milestone><default_color>1,2,3</default_color>"
    assert reader_refusal(ElementTree.fromstring(late + "</event></events></timeline>")) == (
        "did not expect <default_color> in <event>"
    )
    twice = "<timeline><version>2</version><version>2</version></timeline>"
    assert reader_refusal(ElementTree.fromstring(twice)) == (
        "did not expect a second <version> in <timeline>"
    )


def test_import_gives_articles_with_categories_and_ranges(tmp_path: Path) -> None:
    path = tmp_path / "made.timeline"
    path.write_text(MADE_ELSEWHERE, encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        report = import_paths(store, [path])
        assert (report.added, report.failed) == (2, [])
        rows = store.db.conn.execute(
            "SELECT title, body, source, url, published FROM articles ORDER BY published"
        ).fetchall()
        assert rows == [
            (
                "تأسيس الجامعة العربية & ميثاقها",
                "تأسيس الجامعة العربية & ميثاقها",
                "قمم",
                "https://example.org/a?b=1&c=2",
                "1945-03-22",
            ),
            ("حرب أكتوبر", "بدأت الحرب ظهر السادس من أكتوبر.", "حروب", "", "1973-10-06T14:00"),
        ]
        stated = store.db.conn.execute(
            "SELECT start, \"end\", label FROM events WHERE kind = 'stated'"
        ).fetchall()
        from datetime import datetime

        war = (to_axis(datetime(1973, 10, 6, 14)), to_axis(datetime(1973, 10, 25)), "حرب أكتوبر")
        assert stated == [war]
        # The range is the file's, not the text's: re-computing the mentions keeps it.
        recompute_events(store)
        assert store.db.conn.execute(
            "SELECT start, \"end\", label FROM events WHERE kind = 'stated'"
        ).fetchall() == [war]
        # ... and exporting writes it back as the event's end.
        out = io.StringIO()
        write_text(store, "timeline", Selection(), out)
    root = ElementTree.fromstring(out.getvalue())
    ends = {e.findtext("text"): e.findtext("end") for e in root.findall("events/event")}
    assert ends["حرب أكتوبر"] == "1973-10-25 00:00:00"


@pytest.mark.parametrize("declared", ["utf-8", "UTF-16"])
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_file_saved_as_utf16_is_read(tmp_path: Path, declared: str, codec: str) -> None:
    """A text editor's "Unicode" (UTF-16, its byte order mark first) keeps the file's
    declaration: The Timeline Project's encoding="utf-8" made the parser refuse it
    whole ("encoding specified in XML declaration is incorrect")."""
    text = MADE_ELSEWHERE.replace('encoding="utf-8"', f'encoding="{declared}"')
    assert f'encoding="{declared}"' in text
    path = tmp_path / "saved.timeline"
    data = text.encode(codec)
    path.write_bytes(data if codec == "utf-16" else codecs.BOM_UTF16_BE + data)
    with Store(tmp_path / "t.db") as store:
        report = import_paths(store, [path])
        assert (report.added, report.failed) == (2, [])
        titles = {row[0] for row in store.db.conn.execute("SELECT title FROM articles")}
    assert titles == {"تأسيس الجامعة العربية & ميثاقها", "حرب أكتوبر"}


def test_round_trip(sample_store: Store, tmp_path: Path, reimport) -> None:
    path = tmp_path / "samples.timeline"
    export(sample_store, "timeline", Selection(), path)
    articles, events = snapshot(sample_store, dated_only=True)
    again_articles, again_events = reimport(path)
    # The file keeps neither author, caption nor credit, nor a publication's offset or
    # granularity (its times are to the second): the same articles at the same places.
    assert [a[:4] for a in again_articles] == [a[:4] for a in articles]

    def placed(rows: list[tuple]) -> list[tuple]:
        # title, kind, start, end, label, span; value and granularity for mentions.
        return sorted(
            (
                (r[0], r[1], r[2], r[3], r[6], r[7], r[8], *(r[4:6] if r[1] != "published" else ()))
                for r in rows
            ),
            key=repr,  # an end may be None beside one that is not, at the same start
        )

    assert placed(again_events) == placed(events)
    assert len({r[1] for r in events}) >= 2  # publications and mentions both compared


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<timeline><timetype>gregoriantime</timetype><events><event>
<start>2001-01-01 00:00:00</start><end>2001-01-01 00:00:00</end><text>&lol3;</text>
</event></events></timeline>
"""


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (BILLION_LAUGHS, "declares XML entities"),
        ("<timeline><events><event><start>2001", "not well-formed XML"),
        ("<html></html>", "not a .timeline file"),
        (MADE_ELSEWHERE.replace("gregoriantime", "numtime"), "only Gregorian"),
    ],
)
def test_bad_files_fail_in_one_line_and_change_nothing(
    sample_store: Store, tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "bad.timeline"
    path.write_text(content, encoding="utf-8")
    before = snapshot(sample_store)
    sample_store.close()
    result = CliRunner().invoke(cli, ["--db", str(sample_store.path), "import", str(path)])
    assert result.exit_code == 1
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("failed:")]
    assert reason in line
    with Store(sample_store.path) as again:
        assert snapshot(again) == before


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (("<text>حرب أكتوبر</text>", "<text> </text>"), "event 1: no text"),
        (("1973-10-06 14:00:00", "1973-13-06 14:00:00"), "event 1: impossible time"),
        (("1973-10-25", "1972-10-25"), "event 1: ends before it starts"),
        (("1973-10-06 14:00:00", "2001-02"), "event 1: not a Gregorian time"),
        # The Timeline Project writes a year before the common era as a negative one.
        (("1973-10-06", "-500-10-06"), "event 1: a year before 1 ('-500-10-06 14:00:00')"),
        (("1973-10-06", "0000-10-06"), "event 1: a year before 1"),
    ],
)
def test_a_bad_event_is_a_skipped_record_unless_strict(
    tmp_path: Path, bad: tuple[str, str], reason: str
) -> None:
    # One event that cannot be an article failed the whole file; it is a record skipped
    # and reported by its number, as a line of JSON Lines or a row of CSV is.
    path = tmp_path / "one_bad.timeline"
    path.write_text(MADE_ELSEWHERE.replace(*bad), encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        report = import_paths(store, [path], strict=True)
        assert report.added == 0 and reason in (report.failed[0].error or "")
        report = import_paths(store, [path])
        assert (report.added, report.rejected, report.failed) == (1, 1, [])
        (rejection,) = report.files[0].rejections
        assert rejection.startswith(reason)
        assert store.db.conn.execute("SELECT title FROM articles").fetchall() == [
            ("تأسيس الجامعة العربية & ميثاقها",)
        ]


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(0, len(MADE_ELSEWHERE.encode())), junk=st.binary(max_size=40))
def test_broken_timeline_files_fail_as_bad_articles(cut: int, junk: bytes) -> None:
    # A file cut anywhere, with anything after the cut: readable, or one BadArticle.
    data = MADE_ELSEWHERE.encode()[:cut] + junk
    try:
        entries = parse_timeline(data)
    except BadArticle as exc:
        assert "\n" not in str(exc)
        return
    for entry in entries:
        if isinstance(entry, TimelineEntry):
            assert entry.draft.title and entry.draft.body and entry.end >= entry.start
        else:  # an event that cannot be an article: where and why, in one line each
            assert entry[0].startswith("event ") and "\n" not in entry[1]


def test_each_article_is_written_as_it_is_read(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its events were held as text until the end: every chosen body in memory at once
    # (203 MB for the SaudiNewsNet store).  Each is written before the next is read.
    from timeline.export import timeline_xml

    out = io.StringIO()
    written_before: list[int] = []
    read = timeline_xml.export_articles

    def reading(store: Store, ids: list[int]):
        for row in read(store, ids):
            written_before.append(out.getvalue().count("<event>"))
            yield row

    monkeypatch.setattr(timeline_xml, "export_articles", reading)
    count = write_text(sample_store, "timeline", Selection(), out)
    assert count >= 10 and written_before == list(range(len(written_before)))
    # The categories, read apart, are those of the events written.
    root = ElementTree.fromstring(out.getvalue())
    names = [c.findtext("name") for c in root.findall("categories/category")]
    used = {e.findtext("category") for e in root.iter("event")} - {None}
    assert names and sorted(names) == sorted(used)


def test_a_timeline_file_is_read_as_a_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This program's .timeline of the SaudiNewsNet library is 114 MB: over the 100 MB a
    # file read whole may be, it could not be imported again.  It is read an event at a
    # time now, each event bounded.
    import timeline.ingest as ingest
    from timeline.ingest import ArticleFile, timeline_xml

    monkeypatch.setitem(ingest._WHOLE_LIMITS, "timeline", 500)
    events = MADE_ELSEWHERE.split("<events>")[1].split("</events>")[0]
    many = MADE_ELSEWHERE.replace(
        events,
        "".join(
            events.replace("حرب أكتوبر", f"حرب أكتوبر {n}").replace("ميثاقها", f"ميثاقها {n}")
            for n in range(50)
        ),
    )
    path = tmp_path / "many.timeline"
    path.write_text(many, encoding="utf-8")
    assert path.stat().st_size > 500
    with ArticleFile(path) as source:
        drafts = list(source)
        ranges = [source.stated_range(d) for d in drafts]
        assert source._reading.stated == {}  # each draft's dates taken as it is stored
    assert len(drafts) == 100 and all(r is not None for r in ranges)
    with Store(tmp_path / "t.db") as store:
        assert import_paths(store, [path]).added == 100
        assert store.db.conn.execute(
            "SELECT count(*) FROM events WHERE kind = 'stated'"
        ).fetchone() == (50,)
        # A bad event after good ones read as a stream: skipped, or (strict) the file
        # fails whole.
        bad = tmp_path / "bad.timeline"
        bad.write_text(many.replace("<text>حرب أكتوبر 49</text>", "<text> </text>"), "utf-8")
        report = import_paths(store, [bad], strict=True)
        assert "event 99: no text" in (report.failed[0].error or "")
        report = import_paths(store, [bad])
        assert report.files[0].rejections == ["event 99: no text"]
        assert (report.duplicates, report.rejected) == (99, 1)
    monkeypatch.setattr(timeline_xml, "MAX_EVENT_BYTES", 2000)
    huge = tmp_path / "huge.timeline"
    huge.write_text(many.replace("بدأت الحرب", "بدأت الحرب " * 300, 1), encoding="utf-8")
    with (
        pytest.raises(BadArticle, match="an event of more than 2,000 bytes"),
        ArticleFile(huge) as source,
    ):
        list(source)


def test_an_article_the_user_dated_to_the_calendars_last_day(tmp_path: Path) -> None:
    """The view's period ran a day past the only article's date: past 31 December 9999
    it has no datetime, and the export stopped with an OverflowError."""
    from timeline import edits

    source = tmp_path / "a.jsonl"
    source.write_text('{"title": "خبر", "body": "نص.", "published": "2021-05-06"}')
    with Store(tmp_path / "t.db") as store:
        import_paths(store, [source])
        edits.correct_article(store, 1, "published", "9999-12-31")
        out = io.StringIO()
        assert write_text(store, "timeline", Selection(), out) == 1
    root = ElementTree.fromstring(out.getvalue())
    assert root.findtext("events/event/start") == "9999-12-31 00:00:00"
    period = root.find("view/displayed_period")
    assert period is not None
    assert period.findtext("start") == "9999-12-30 23:59:59"
    assert period.findtext("end") == "9999-12-31 23:59:59"
