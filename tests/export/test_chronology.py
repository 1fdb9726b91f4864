"""The chronology export: the chosen events in date order, as a page to read."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from timeline import edits
from timeline.export import Selection, export, format_for, write_text
from timeline.export import chronology as chronology_module
from timeline.export.selection import article_ids
from timeline.library import import_paths
from timeline.model import to_axis
from timeline.store import Store
from timeline.store import edits as user
from timeline.timescale import LabelStyle


class _Page(HTMLParser):
    """What a browser would make of the page: its entries' dates, texts and links."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.lang = self.dir = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang, self.dir = found.get("lang") or "", found.get("dir") or ""
        if tag == "time":
            self.stamps.append(found.get("datetime") or "")
        if tag == "a":
            self.links.append(found.get("href") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(store: Store, selection: Selection | None = None, **kw: object) -> tuple[_Page, int]:
    out = io.StringIO()
    count = write_text(store, "chronology", selection or Selection(), out, **kw)  # type: ignore[arg-type]
    page = _Page()
    page.feed(out.getvalue())
    return page, count


def _placed(store: Store) -> int:
    """The entries the page should hold: the events on the axis, those of one article at
    one date with one text once."""
    return store.db.conn.execute(
        'SELECT count(*) FROM (SELECT DISTINCT article_id, start, "end", granularity, kind,'
        " label FROM events WHERE start IS NOT NULL)"
    ).fetchone()[0]


def test_a_sentence_with_two_mentions_of_one_date_is_one_entry(tmp_path: Path) -> None:
    """ "في العام 1960 أي قبل 55 عاماً" gives two mentions of 1960 (a year and a year
    counted back), and the page listed the sentence twice under 1960."""
    records = [
        {
            "title": "خبر",
            "body": "أقيمت البطولة في العام 1960 أي قبل 55 عاماً. ثم عادت في عام 1970.",
            "published": "2015-07-21",
        },
    ]
    with _imported(tmp_path, records) as store:
        (twice,) = store.db.conn.execute(
            "SELECT count(*) FROM events WHERE kind = 'mentioned' AND value = '1960'"
        ).fetchall()[0]
        page, count = _page(store)
    assert twice == 2
    assert page.stamps == ["1960", "1970", "2015-07-21"]
    assert count == 3


def test_every_placed_event_in_date_order(sample_store: Store) -> None:
    page, count = _page(sample_store)
    assert count == _placed(sample_store) == len(page.stamps) > 20
    assert page.stamps == sorted(page.stamps)
    assert (page.lang, page.dir) == ("ar", "rtl")
    assert "تسلسل زمني" in page.text and any("حدثًا من" in t for t in page.text)


def test_dates_are_written_in_the_styles_words(sample_store: Store) -> None:
    english, _ = _page(sample_store, style=LabelStyle(language="en"), title="Suez")
    assert (english.lang, english.dir) == ("en", "ltr") and "Suez" in english.text
    months = re.compile(
        r"\b(January|February|March|April|May|June|July|August|September"
        r"|October|November|December)\b"
    )
    assert any(months.search(t) for t in english.text)
    digits, _ = _page(sample_store, style=LabelStyle(language="ar", digits="arabic"))
    years = [t for t in digits.text if re.fullmatch(r"[٠-٩]{4}", t.strip())]
    assert years and not any(re.fullmatch(r"[0-9]{4}", t.strip()) for t in digits.text)


def test_a_selection_and_a_range_are_kept(sample_store: Store) -> None:
    start, end = to_axis_day("1956-01-01"), to_axis_day("1957-01-01")
    page, count = _page(sample_store, Selection(date_from=start, date_to=end))
    # Each meets the range (a span may begin before it); fewer than all.
    assert 0 < count < _placed(sample_store) and all(s < "1957" for s in page.stamps)
    nothing, none = _page(sample_store, Selection(query="زرقاوزيتوني"))
    assert none == 0 and any("لا أحداث مؤرخة" in t for t in nothing.text)


def to_axis_day(iso: str) -> int:
    from datetime import datetime

    return to_axis(datetime.fromisoformat(iso))


def _imported(tmp_path: Path, records: list[dict[str, str]]) -> Store:
    """A new store (open: the caller closes it) of these records, imported as JSON Lines."""
    source = tmp_path / "a.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    store = Store(tmp_path / "t.db")
    import_paths(store, [source])
    return store


def test_the_users_corrections_and_added_events_are_in_their_places(tmp_path: Path) -> None:
    records = [
        {
            "title": "خبر أول",
            "body": "وصل الوفد في 5 مايو 2021 إلى الرياض.",
            "published": "2021-05-06",
        },
        {"title": "خبر ثان", "body": "عقد الاجتماع في 9 يونيو 2021.", "published": "2021-06-10"},
    ]
    with _imported(tmp_path, records) as store:
        first = store.db.conn.execute("SELECT id FROM articles WHERE title = 'خبر أول'").fetchone()[
            0
        ]
        body = store.article(first).body  # type: ignore[union-attr]
        at = body.index("5 مايو 2021")
        mention = edits.mention_at(store, first, at, at + len("5 مايو 2021"))
        edits.correct_mention(store, mention, "2021-07-01")  # moved after the second article
        edits.add_event(store, "2021-01-15", "حدث أضافه المستخدم")
        page, count = _page(store)
    assert page.stamps == sorted(page.stamps)
    assert page.stamps == ["2021-01-15", "2021-05-06", "2021-06-09", "2021-06-10", "2021-07-01"]
    assert count == 5 and "حدث أضافه المستخدم" in "".join(page.text)


def _entries(page: str) -> dict[str, str]:
    """Each entry's <time> datetime -> the entry's text as a browser shows it."""
    entries = {}
    for entry in re.findall(r"<li>.*?</li>", page, re.DOTALL):
        stamp = re.search(r'datetime="([^"]+)"', entry)
        assert stamp is not None
        entries[stamp.group(1)] = re.sub(r"<[^>]+>", "", entry)
    return entries


def test_what_the_user_added_or_corrected_says_so(tmp_path: Path) -> None:
    """An event added by hand came under its article's source and title with nothing
    to tell it from the article's own sentences, and a corrected date (a mention's, a
    publication's) as the one the outlet gave: a page a fact-checker sends on said the
    outlet wrote what the fact-checker typed.  Each now says who gave it; the article's
    own entries say nothing more."""
    records = [
        {
            "title": "خبر أول",
            "body": "وصل الوفد في 5 مايو 2021 إلى الرياض. وعاد في 9 مايو 2021.",
            "published": "2021-05-10",
            "source": "صحيفة",
        },
    ]
    with _imported(tmp_path, records) as store:
        first = store.db.conn.execute("SELECT id FROM articles").fetchone()[0]
        body = store.article(first).body  # type: ignore[union-attr]
        at = body.index("5 مايو 2021")
        mention = edits.mention_at(store, first, at, at + len("5 مايو 2021"))
        edits.correct_mention(store, mention, "2021-05-04")
        edits.correct_article(store, first, "published", "2021-05-11")
        edits.add_event(store, "2021-05-01", "سفر الوفد", article_id=first)
        arabic = io.StringIO()
        write_text(store, "chronology", Selection(), arabic)
        english = io.StringIO()
        write_text(store, "chronology", Selection(), english, style=LabelStyle(language="en"))
    entries = _entries(arabic.getvalue())
    assert set(entries) == {"2021-05-01", "2021-05-04", "2021-05-09", "2021-05-11"}
    assert "سفر الوفد" in entries["2021-05-01"] and "أضافه المستخدم" in entries["2021-05-01"]
    assert "تاريخ صحّحه المستخدم" in entries["2021-05-04"]
    assert "تاريخ صحّحه المستخدم" in entries["2021-05-11"]  # the publication
    assert "المستخدم" not in entries["2021-05-09"]  # the article's own, as it said it
    entries = _entries(english.getvalue())
    assert "Added by the user" in entries["2021-05-01"]
    assert "Date corrected by the user" in entries["2021-05-04"]
    assert "Date corrected by the user" in entries["2021-05-11"]
    assert "by the user" not in entries["2021-05-09"]


def test_the_counts_agree_with_their_nouns(tmp_path: Path) -> None:
    """The page's last line said "2 حدثًا من 1 مقالة" (the form of 11-99 for every
    number) and "2 events from 1 articles"; Arabic's forms by the number now."""
    records = [
        {"title": f"خبر {i}", "body": "وصل الوفد في 5 مايو 2021.", "published": "2021-05-06"}
        for i in range(3)
    ]
    with _imported(tmp_path, records[:1]) as store:
        one = io.StringIO()
        write_text(store, "chronology", Selection(), one)
        one_en = io.StringIO()
        write_text(store, "chronology", Selection(), one_en, style=LabelStyle(language="en"))
    (tmp_path / "more").mkdir()
    with _imported(tmp_path / "more", records) as store:
        three = io.StringIO()
        write_text(store, "chronology", Selection(), three)
    assert "حدثان من مقالة واحدة" in one.getvalue()
    assert "2 events from 1 article ·" in one_en.getvalue()
    assert "6 أحداث من 3 مقالات" in three.getvalue()


def test_arabic_plural_forms_by_the_last_two_digits() -> None:
    style = LabelStyle()
    assert [
        chronology_module._count_of(n, "article", style)
        for n in (1, 2, 3, 10, 11, 99, 100, 102, 103, 111, 1000)
    ] == [
        "مقالة واحدة",
        "مقالتان",
        "3 مقالات",
        "10 مقالات",
        "11 مقالة",
        "99 مقالة",
        "100 مقالة",
        "102 مقالة",
        "103 مقالات",
        "111 مقالة",
        "1,000 مقالة",
    ]
    assert chronology_module._count_of(5, "event", style) == "5 أحداث"
    assert chronology_module._count_of(25, "event", style) == "25 حدثًا"
    assert chronology_module._count_of(200, "event", style) == "200 حدث"


def test_a_year_or_a_month_is_dated_as_one(tmp_path: Path) -> None:
    """The <time> of a month's or a year's entry names that month or year, as HTML
    writes them (2021-05, 2019), not its first day; a day stays a day."""
    records = [
        {"title": "خبر شهري", "body": "بدأ المشروع في عام 2019 وما زال.", "published": "مايو 2021"},
        {"title": "خبر يومي", "body": "نص قصير.", "published": "2021-06-10"},
    ]
    with _imported(tmp_path, records) as store:
        page, _count = _page(store)
    assert page.stamps == ["2019", "2021-05", "2021-06-10"]


def test_with_the_hidden_each_hidden_event_says_it_is(tmp_path: Path) -> None:
    """Asked for with the hidden, a mention the user hid and the events of an article
    the user hid came as any other: a report read from it would quote what was set
    aside as what stands."""
    records = [
        {
            "title": "خبر أول",
            "body": "وصل الوفد في 5 مايو 2021 إلى الرياض.",
            "published": "2021-05-06",
        },
        {"title": "خبر ثان", "body": "عقد الاجتماع في 9 يونيو 2021.", "published": "2021-06-10"},
    ]
    with _imported(tmp_path, records) as store:
        first, second = (
            store.db.conn.execute("SELECT id FROM articles WHERE title = ?", (t,)).fetchone()[0]
            for t in ("خبر أول", "خبر ثان")
        )
        body = store.article(first).body  # type: ignore[union-attr]
        at = body.index("5 مايو 2021")
        mention = edits.mention_at(store, first, at, at + len("5 مايو 2021"))
        edits.set_hidden(
            store, user.mention_target(mention.uid, mention.span_start, mention.span_end)
        )
        edits.set_hidden(store, edits.article_target(store, second))
        out = io.StringIO()
        write_text(store, "chronology", Selection(), out)
        assert "مخفي" not in out.getvalue()  # left out, as every export leaves them
        out = io.StringIO()
        write_text(store, "chronology", Selection(with_hidden=True), out)
    entries = re.findall(r'<time datetime="([^"]+)">.*?</li>', out.getvalue(), re.DOTALL)
    hidden = [
        stamp
        for stamp, entry in zip(
            entries, re.findall(r"<li>.*?</li>", out.getvalue(), re.DOTALL), strict=True
        )
        if '<span class="kind">مخفي</span>' in entry
    ]
    assert hidden == ["2021-05-05", "2021-06-09", "2021-06-10"]


def test_article_text_is_text_and_only_web_addresses_are_links(tmp_path: Path) -> None:
    # Stored as written: a record of this program's own (published_raw) keeps its text's
    # markup, where another's would be read as HTML (jsonlines._MARKUP).
    records = [
        {
            "title": 'عنوان <script>alert(1)</script> "مقتبس"\u202eabc',
            "body": "في 5 مايو 2021 <img src=x onerror=alert(2)> وصل الوفد.",
            "published_raw": "2021-05-06",
            "source": "<b>مصدر</b>",
            "url": "javascript:alert(3)",
        },
        {
            "title": "خبر آخر",
            "body": "في 7 مايو 2021 وصل الوفد.",
            "published": "2021-05-08",
            "url": 'https://example.org/a?b=1&c="2"',
        },
    ]
    with _imported(tmp_path, records) as store:
        out = io.StringIO()
        write_text(store, "chronology", Selection(), out)
    written = out.getvalue()
    page = _Page()
    page.feed(written)
    assert set(page.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "ol",
        "li",
        "time",
        "div",
        "span",
        "bdi",
        "a",
        "p",
    }
    assert "\u202e" not in written  # shown as a symbol, never acting on the page
    # The second article's publication and mention: javascript: is never a link.
    assert page.links == ['https://example.org/a?b=1&c="2"'] * 2
    shown = "".join(page.text)
    assert "<script>alert(1)</script>" in shown and "<b>مصدر</b>" in shown


def test_the_format_is_known_by_its_suffix_and_written_whole(
    sample_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "chronology.html"
    assert format_for(path) == "chronology"
    count = export(sample_store, "chronology", Selection(), path, style=LabelStyle(language="en"))
    text = path.read_text(encoding="utf-8")
    assert count == _placed(sample_store) and text.startswith("<!DOCTYPE html>")
    assert text.rstrip().endswith("</html>")


def test_dates_at_the_end_of_the_calendar(tmp_path: Path) -> None:
    """A user may date things to 9999: an added range ending with it and a mention
    corrected to its last day stopped the chronology with an OverflowError."""
    records = [{"title": "خبر", "body": "وصل الوفد في 5 مايو 2021.", "published": "2021-05-06"}]
    with _imported(tmp_path, records) as store:
        edits.add_event(store, "1000/9999", "كل شيء")
        edits.add_event(store, "9999-12-31", "آخر يوم")
        page, count = _page(store, style=LabelStyle(language="en"))
    assert count == 4 and page.stamps == sorted(page.stamps)
    assert page.stamps[-1] == "9999-12-31"
    assert "1000 – 9999" in page.text and "31 December 9999" in page.text


def test_the_chronology_holds_the_events_every_export_holds(sample_store: Store) -> None:
    """It kept its own merge of the user's events: a vague mention the user dated was in
    it and not in a CSV or TimelineJS export of the same dates, and without dates a CSV
    gave a re-dated event at its stored place.  All read selection.shown_events now."""
    store = sample_store
    conn = store.db.conn
    vague, vague_article = conn.execute(
        "SELECT id, article_id FROM events WHERE start IS NULL AND span_start IS NOT NULL"
        " ORDER BY id LIMIT 1"
    ).fetchone()
    mentions = conn.execute(
        "SELECT id FROM events WHERE kind = 'mentioned' AND start IS NOT NULL"
        " AND article_id != ? ORDER BY id LIMIT 3",
        (vague_article,),
    ).fetchall()
    (corrected,), (hidden,), (hidden_article,) = mentions
    hidden_article = conn.execute(
        "SELECT article_id FROM events WHERE id = ?", (hidden_article,)
    ).fetchone()[0]
    redated = conn.execute(
        "SELECT id FROM articles WHERE published_start IS NOT NULL ORDER BY published_start"
        " DESC LIMIT 1"
    ).fetchone()[0]
    edits.correct_mention(store, edits.mention_of_event(store, vague), "2014-03-04")
    edits.correct_mention(store, edits.mention_of_event(store, corrected), "2013")
    edits.set_hidden(store, edits.event_target(store, hidden))
    edits.set_hidden(store, edits.article_target(store, hidden_article))
    edits.correct_article(store, redated, "published", "2012-06-01")
    edits.add_event(store, "2014-01-15", "حدث أضافه المستخدم", redated)
    edits.add_event(store, "2011", "حدث وحده")
    for selection in (
        Selection(),
        Selection(date_from=to_axis_day("1945-01-01"), date_to=to_axis_day("2030-01-01")),
    ):
        ids = article_ids(store, selection)
        chronology = [
            e.id for e, _hidden, _origin in chronology_module._placed(store, selection, ids)
        ]
        table = [r for r in _csv(store, selection) if r["start"]]
        assert chronology == [int(r["id"]) for r in table]
        starts = [int(r["start"]) for r in table]
        assert starts == sorted(starts)  # in the order of the dates shown
        assert vague in chronology and hidden not in chronology
        assert {int(r["article_id"]) for r in table if r["article_id"]} & {hidden_article} == set()
        assert sum(1 for r in table if r["origin"] == "added") == 2
        assert "2014-03-04" in [r["value"] for r in table]  # the vague mention, dated
        assert len(chronology) == _page(store, selection)[1]
        journey = io.StringIO()
        write_text(store, "timelinejs", selection, journey)
        assert len(json.loads(journey.getvalue())["events"]) == len(chronology)


def _csv(store: Store, selection: Selection) -> list[dict[str, str]]:
    out = io.StringIO()
    write_text(store, "events-csv", selection, out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))
