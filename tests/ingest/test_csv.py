"""CSV and TSV import: headers in Arabic or English, any supported encoding, bounded cells."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.format_fixtures import BODY, OTHER_BODY
from timeline import library
from timeline.ingest import MAX_ARTICLE_CHARS, ArticleFile, BadArticle, Rejected
from timeline.ingest.tabular import parse_columns
from timeline.model import ArticleDraft, title_from_body
from timeline.store import Store


def items(path: Path, columns: dict[str, str] | None = None) -> list:
    with ArticleFile(path, columns) as source:
        return list(source)


def test_arabic_headers_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        f'العنوان,المحتوى,تاريخ,المصدر,رابط,الكاتب\nافتتاح مشروع,"{BODY}",2021-03-01,الرياض,'
        "http://example.org/1,أحمد علي\n",
        encoding="utf-8-sig",
    )
    (draft,) = items(path)
    assert (draft.title, draft.body, draft.published_raw) == ("افتتاح مشروع", BODY, "2021-03-01")
    assert (draft.source, draft.url, draft.author) == ("الرياض", "http://example.org/1", "أحمد علي")


@pytest.mark.parametrize(("codec", "label"), [("utf-16", "UTF-16"), ("cp1256", "Windows-1256")])
def test_english_headers_in_other_encodings(tmp_path: Path, codec: str, label: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(
        f'Title,Text,Published\r\nحديقة جديدة,"{OTHER_BODY}\r\nسطر ثان",2022-01-02\r\n'.encode(
            codec
        )
    )
    with ArticleFile(path) as source:
        (draft,) = list(source)
        assert source.encoding is not None and source.encoding.label == label
    assert draft.title == "حديقة جديدة" and draft.body.startswith(OTHER_BODY)
    assert "سطر ثان" in draft.body


def test_tsv_and_semicolon_tables(tmp_path: Path) -> None:
    tsv = tmp_path / "sheet.tsv"
    tsv.write_text(f"title\tbody\nأ\t{BODY}\n", encoding="utf-8")
    semi = tmp_path / "sheet.csv"
    semi.write_text(f"title;body\nب;{OTHER_BODY}\n", encoding="utf-8")
    assert [d.title for d in items(tsv)] == ["أ"]
    assert [d.body for d in items(semi)] == [OTHER_BODY]


def test_columns_named_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f"Headline,Story,When\nعنوان,{BODY},2021-03-01\n", encoding="utf-8")
    with pytest.raises(BadArticle, match="'Headline', 'Story', 'When'"):
        items(path)
    columns = parse_columns("title=Headline,body=Story,date=When")
    (draft,) = items(path, columns)
    assert (draft.title, draft.body, draft.published_raw) == ("عنوان", BODY, "2021-03-01")


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_reports_title_over_its_table_is_passed_over(tmp_path: Path, delimiter: str) -> None:
    # A spreadsheet's report saved as CSV keeps its title and blank rows over the
    # table; the title was taken for the header ("no body column").
    d = delimiter
    path = tmp_path / "report.csv"
    path.write_text(
        f"تقرير الأخبار الأسبوعي{d}{d}\n{d}{d}\n{d}أعد في 14 مارس{d}\n"
        f"العنوان{d}النص{d}التاريخ\nعنوان{d}{BODY}{d}2021-03-01\n",
        encoding="utf-8",
    )
    (draft,) = items(path)
    assert isinstance(draft, ArticleDraft)
    assert (draft.title, draft.body, draft.published_raw) == ("عنوان", BODY, "2021-03-01")
    # A row of two cells or more is the header, whatever it names.
    path.write_text(f"تقرير{d}\nHeadline{d}Story\nأ{d}النص\n", encoding="utf-8")
    with pytest.raises(BadArticle, match="the headers are: 'Headline', 'Story'"):
        items(path)
    # A title typed by hand, with no delimiter on its line, and a blank line: the
    # delimiter is the table's (it was read from the first line, a comma).
    body = f"{BODY}, وغيره" if d == ";" else BODY
    path.write_text(f"تقرير الأخبار الأسبوعي\n\nالعنوان{d}النص\nعنوان{d}{body}\n", "utf-8")
    (draft,) = items(path)
    assert (draft.title, draft.body) == ("عنوان", body)


def test_the_columns_of_research_tools_exports(tmp_path: Path) -> None:
    # Media Cloud's story lists (publish_date, media_name), GDELT's SOURCEURL, a CMS's
    # publisher, an Arabic "تاريخ النشر": each column was left unread.
    path = tmp_path / "stories.csv"
    path.write_text(
        "title,text,publish_date,media_name,SOURCEURL,authors\n"
        f"عنوان,{BODY},2021-03-01,جريدة,http://e/1,كاتب\n",
        encoding="utf-8",
    )
    (draft,) = items(path)
    assert (draft.published_raw, draft.source, draft.url, draft.author) == (
        "2021-03-01",
        "جريدة",
        "http://e/1",
        "كاتب",
    )
    path.write_text(f"العنوان,النص,تاريخ النشر,الناشر\nعنوان,{BODY},2021-03-02,موقع\n", "utf-8")
    (draft,) = items(path)
    assert (draft.published_raw, draft.source) == ("2021-03-02", "موقع")


def test_a_cms_exports_html_is_read_as_html(tmp_path: Path) -> None:
    # A WordPress export to CSV holds each post's content as HTML: it was stored with
    # its tags.  A '<' that opens no element stays; an empty paragraph is no body.
    path = tmp_path / "posts.csv"
    path.write_text(
        'title,content\n"أ","<p>فقرة أولى</p><p>فقرة <b>ثانية</b></p>"\n'
        '"ب","قال إن a<b و c>d"\n"ج","<p></p>"\n',
        encoding="utf-8",
    )
    first, second, empty = items(path)
    assert first.body == "فقرة أولى\n\nفقرة ثانية"
    assert second.body == "قال إن a<b و c>d"
    assert isinstance(empty, Rejected) and empty.reason == "empty body"


def test_missing_body_column_lists_the_headers(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("العنوان,ملاحظات\nأ,ب\n", encoding="utf-8")
    with pytest.raises(BadArticle) as caught:
        items(path)
    assert "no body column" in str(caught.value)
    assert "'العنوان', 'ملاحظات'" in str(caught.value)


def test_a_table_without_a_title_column_is_read_with_each_row_named_by_its_first_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f"date,text,source\n2021-03-01,{BODY},مصدر\n", encoding="utf-8")
    (draft,) = items(path)
    assert draft.untitled
    assert draft.title == title_from_body(BODY)
    assert (draft.body, draft.published_raw, draft.source) == (BODY, "2021-03-01", "مصدر")


def test_bad_columns_spec() -> None:
    with pytest.raises(ValueError, match="unknown field 'colour'"):
        parse_columns("colour=Red")
    with pytest.raises(ValueError, match="not FIELD=HEADER"):
        parse_columns("title")


def test_rows_without_body_are_skipped_and_named(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f"title,body\nأ,{BODY}\nب,\n,\n", encoding="utf-8")
    found = items(path)
    assert [type(x) for x in found] == [type(found[0]), Rejected]
    assert str(found[1]) == "row 3: empty body"


def test_a_row_over_several_lines_is_named_by_the_line_it_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f'title,body\n"عنوان\nعلى ثلاثة\nأسطر",\nأ,{BODY}\n', encoding="utf-8")
    found = items(path)
    assert [str(x) for x in found if isinstance(x, Rejected)] == ["row 2: empty body"]


def test_a_row_without_a_title_is_named_by_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f'title,body\n,"سطر أول\n{BODY}"\n', encoding="utf-8")
    (draft,) = items(path)
    assert isinstance(draft, ArticleDraft)
    assert (draft.title, draft.untitled) == ("سطر أول", True)


def test_a_huge_cell_leaves_out_its_row_and_the_rest_is_imported(
    tmp_path: Path, store: Store
) -> None:
    # One cell over the cap (a page's whole markup pasted in) cost the whole file.
    huge = "ن" * (MAX_ARTICLE_CHARS + 10)
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as out:
        # A quote inside a cell that is not quoted is the cell's own (5" screen).
        out.write(f'title,body\nأ,{BODY} شاشة 5" بوصة\nب,{huge}\n')
        # Quoted cells over several lines, one of them over the cap, quotes doubled: one
        # begun on the line before the long one, one begun on the long line itself.
        out.write(f'ت,"سطر ""مقتبس""\n{huge}\nسطر أخير"\nث,{OTHER_BODY}\n')
        out.write(f'ح,"{huge}\n""سطر"" أخير"\nج,"{BODY}\n{OTHER_BODY}"\nخ,\n')
    found = items(path)
    assert [str(x) for x in found if isinstance(x, Rejected)] == [
        "line 3: longer than the 10,000,000 characters a cell may be",
        "lines 4-6: longer than the 10,000,000 characters a cell may be",
        "lines 8-9: longer than the 10,000,000 characters a cell may be",
        "row 12: empty body",
    ]
    drafts = [x for x in found if isinstance(x, ArticleDraft)]
    assert [(d.title, d.body) for d in drafts] == [
        ("أ", f'{BODY} شاشة 5" بوصة'),
        ("ث", OTHER_BODY),
        ("ج", f"{BODY}\n{OTHER_BODY}"),
    ]
    report = library.import_paths(store, [path])
    assert not report.failed and report.added == 3 and report.files[0].rejected == 4


def test_duplicates_add_nothing(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f"title,body\nأ,{BODY}\n", encoding="utf-8")
    assert library.import_paths(store, [path]).added == 1
    again = library.import_paths(store, [path])
    assert (again.added, again.duplicates) == (0, 1)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet='",a\n', max_size=40),
    st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=10),
)
def test_the_quote_count_of_a_left_out_line_follows_the_reader(table: str, cuts: list[int]) -> None:
    # _Quotes reads pieces of the lines it leaves out: at each line's end it must say
    # what csv.reader does, whether the row goes on (inside a quoted cell) or ends.
    import csv

    from timeline.ingest.tabular import _Quotes

    lines = table.splitlines(keepends=True)
    asked: list[int] = []  # lines each row took

    def given_lines() -> Iterator[str]:
        for line in lines:
            asked[-1] += 1
            yield line

    reader = csv.reader(given_lines())
    goes_on: list[bool] = []
    while True:
        asked.append(0)
        if next(reader, None) is None:
            break
        goes_on += [True] * (asked[-1] - 1) + [False]
    quotes = _Quotes(",", quoted=False)
    said: list[bool] = []
    for line in lines:
        at, sizes = 0, itertools.cycle(cuts)
        while at < len(line):
            step = next(sizes)
            quotes.read(line[at : at + step])
            at += step
        said.append(quotes.quoted)
        if not quotes.quoted:
            quotes = _Quotes(",", quoted=False)
    # (The last line ends the file, and the row, whatever the quotes.)
    assert said[:-1] == goes_on[: len(said) - 1]


def test_a_tab_separated_table_that_does_not_quote_is_read_as_written(tmp_path: Path) -> None:
    # Tables that other programs export with tabs often quote nothing: a title that
    # begins with a quoted word lost its quotes, and one whose quote never closes made
    # the rest of the file one cell (three articles: one "empty body" said, none added).
    path = tmp_path / "sheet.tsv"
    path.write_text(
        "title\tbody\tpublished\n"
        f"عنوان أول\t{BODY}\t2016-01-01\n"
        f'"عاجل: انفجار في المدينة\t{OTHER_BODY}\t2016-01-02\n'
        f'"داعش" يتبنى الهجوم\t{BODY} "كما قال"\t2016-01-03\n'
        "بلا متن\t\t2016-01-04\n"
        f"خبر أخير\t{OTHER_BODY}\t2016-01-05\n",
        encoding="utf-8",
    )
    found = items(path)
    assert [str(x) for x in found if isinstance(x, Rejected)] == ["row 5: empty body"]
    assert [(d.title, d.body) for d in found if isinstance(d, ArticleDraft)] == [
        ("عنوان أول", BODY),
        ('"عاجل: انفجار في المدينة', OTHER_BODY),
        ('"داعش" يتبنى الهجوم', f'{BODY} "كما قال"'),
        ("خبر أخير", OTHER_BODY),
    ]


def test_a_tab_separated_table_quoted_as_a_spreadsheet_writes_it_keeps_its_quoting(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sheet.tsv"
    path.write_text(
        f'title\tbody\n"""داعش"" يتبنى الهجوم"\t"{BODY}\n{OTHER_BODY}"\nخبر ثان\t{OTHER_BODY}\n',
        encoding="utf-8",
    )
    assert [(d.title, d.body) for d in items(path)] == [
        ('"داعش" يتبنى الهجوم', f"{BODY}\n{OTHER_BODY}"),
        ("خبر ثان", OTHER_BODY),
    ]


def test_a_quote_that_opens_no_quoted_cell_costs_its_row_nothing_and_no_other(
    tmp_path: Path,
) -> None:
    # A comma-separated table written without quoting (or with one stray quote): the
    # rows after a title beginning "عاجل: ... were one cell with it, up to the next
    # quote anywhere.  That row's line is read as written; the rows around it, quoted
    # cells of several lines included, are read as the table's.
    path = tmp_path / "sheet.csv"
    path.write_text(
        "title,body,published\n"
        f'"عنوان أول","{BODY}\n{OTHER_BODY}",2016-01-01\n'
        f'"عاجل: انفجار في المدينة,{OTHER_BODY},2016-01-02\n'
        f"خبر ثالث,{BODY},2016-01-03\n"
        f'"داعش" يتبنى الهجوم,{BODY},2016-01-04\n'
        "بلا متن,,2016-01-05\n"
        f'"خبر ""أخير""","{OTHER_BODY}",2016-01-06\n',
        encoding="utf-8",
    )
    found = items(path)
    assert [str(x) for x in found if isinstance(x, Rejected)] == ["row 7: empty body"]
    drafts = [x for x in found if isinstance(x, ArticleDraft)]
    assert [(d.title, d.body, d.published_raw) for d in drafts] == [
        ("عنوان أول", f"{BODY}\n{OTHER_BODY}", "2016-01-01"),
        ('"عاجل: انفجار في المدينة', OTHER_BODY, "2016-01-02"),
        ("خبر ثالث", BODY, "2016-01-03"),
        ('"داعش" يتبنى الهجوم', BODY, "2016-01-04"),
        ('خبر "أخير"', OTHER_BODY, "2016-01-06"),
    ]


def test_a_header_held_twice_reads_the_other_column_where_the_first_is_empty(
    tmp_path: Path,
) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        f'title,body,body,date\nأول,,"{BODY}",2021-03-01\nثان,"{OTHER_BODY}",,2021-03-02\n',
        encoding="utf-8",
    )
    first, second = items(path)
    assert (first.title, first.body) == ("أول", BODY)
    assert (second.title, second.body) == ("ثان", OTHER_BODY)
