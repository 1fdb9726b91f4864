"""PDF files (.pdf): read in reading order as a plain-text article (timeline/ingest/pdf.py).

The files are made by tests/ingest/pdf_fixtures.py the two ways producers write Arabic:
glyph by glyph in shaped forms where they are drawn (a browser's print, Qt), and a
run at a time with glyphs mapped to letters (a word processor).
"""

from __future__ import annotations

import io
import random
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest

from timeline import library
from timeline.ingest import ArticleFile, BadArticle, PageStep, pasted_suffix
from timeline.ingest import pdf as pdf_module
from timeline.ingest.pdf import drawn_order_evidence, paragraphs, pdf_text, reading_order
from timeline.model import ArticleDraft
from timeline.store import Store

from .pdf_fixtures import Run, drawn, lettered, pdf_bytes

TITLE = "افتتاح المكتبة العامة في المدينة القديمة"
DATE = "الأحد 12 يوليو 2015"
BODY = [
    "أعلنت البلدية يوم الأحد عن افتتاح المكتبة العامة بعد (3) سنوات من العمل،",
    "وقال المدير إن المكتبة تضم أكثر من 20,000 كتاب في الإدارة والعلوم والأدب.",
]
# A ligature of lam and alef in several words (انطلاق, بالأحساء, لا): a glyph that
# stands for two letters.
LIGATURES = "انطلاق التدريب في بالأحساء ولا يزال الطلاب ينتظرون الإعلان"


def _page(make, lines: list[str], top: float = 700.0) -> list[Run]:
    """Runs of the lines, a blank line (a paragraph's space) where one is ''."""
    runs: list[Run] = []
    y = top
    for line in lines:
        if line:
            runs += make(line, y)
        y -= 14 if line else 10
    return runs


def _article(make) -> bytes:
    return pdf_bytes([_page(make, [TITLE, "", DATE, "", *BODY])])


def _tokens(text: str) -> list[str]:
    """Words and numbers in order (spaces and punctuation aside)."""
    return re.findall(r"[^\W\d_]+|\d+", text)


def test_a_page_drawn_glyph_by_glyph_reads_in_reading_order() -> None:
    text = pdf_text(_article(drawn), 10**6).text
    # Letters, not shaped forms; words and runs of figures in order; brackets as written.
    assert text.split("\n") == [TITLE, DATE, " ".join(BODY)]


def test_a_page_written_a_run_at_a_time_reads_in_reading_order() -> None:
    text = pdf_text(_article(lettered), 10**6).text
    lines = text.split("\n")
    assert lines[:2] == [TITLE, DATE]
    # The layout's grid may put a space beside a bracket ("(3 )"): the words and figures
    # are in order, and the brackets are as written (the producer maps a bracket drawn
    # mirrored to the bracket as written: mirroring it again turned it round).
    assert _tokens(" ".join(lines[2:])) == _tokens(" ".join(BODY))
    assert re.search(r"بعد \(3 ?\) سنوات", text)


@pytest.mark.parametrize("make", [drawn, lettered])
def test_a_ligature_of_two_letters_is_read_in_their_order(make) -> None:
    text = pdf_text(pdf_bytes([_page(make, [LIGATURES])]), 10**6).text
    assert _tokens(text) == _tokens(LIGATURES)


def test_a_gap_inside_a_shaped_word_is_no_space() -> None:
    # An extraction guesses a space where one word's glyphs were written as two runs
    # far apart; the shapes say the letters join.
    runs = drawn("الاجتماعات المقبلة", 700)
    visual = [str(text) for _, _, text in runs]
    # Between two medial forms (each joins both neighbours): inside a word for sure.
    cut = next(
        i
        for i in range(1, len(visual))
        if all(unicodedata.decomposition(c).startswith("<medial>") for c in visual[i - 1 : i + 1])
    )
    spread = [(x + (6 if i >= cut else 0), y, t) for i, (x, y, t) in enumerate(runs)]
    text = pdf_text(pdf_bytes([spread]), 10**6).text
    assert text == "الاجتماعات المقبلة"


def test_a_map_of_sections_never_ended_is_read_in_one_pass() -> None:
    """A lazy regex found the map's sections: from each "beginbfchar" without an end
    it scanned the rest of the map (1 MB of them took minutes; here 2.4 MB)."""
    data = pdf_bytes([drawn(TITLE, 700)], cmap_tail=b"\n" + b"beginbfchar " * 200_000)
    assert pdf_text(data, 10**6).text == TITLE


RIGHT_COLUMN = [
    "أعلنت الوزارة اليوم عن خطة جديدة",
    "لتطوير المدارس في جميع المناطق",
    "وقال الوزير إن الخطة تبدأ في",
    "العام الدراسي المقبل بمشاركة",
    "المعلمين وأولياء الأمور.",
    "وأكد أن التنفيذ سيبدأ قريبا جدا",
]
LEFT_COLUMN = [
    "وفي خبر آخر افتتح أمير المنطقة",
    "المكتبة العامة بعد ثلاث سنوات",
    "من العمل وقال إنها ستفتح",
    "أبوابها للجمهور في الأول من",
    "أغسطس المقبل بحضور المسؤولين",
    "من مختلف الجهات الحكومية.",
]
ACROSS = "سطر أخير يمتد عبر العمودين من اليمين إلى اليسار في أسفل الصفحة"


@pytest.mark.parametrize("make", [drawn, lettered])
def test_an_arabic_page_of_two_columns_is_read_a_column_at_a_time(make) -> None:
    """Laid out by position, a line of each column came out side by side, the columns'
    sentences interleaved; the right column is read first, and lines across both (a
    headline) keep their places."""
    runs = make(TITLE, 760)
    for i, (right, left) in enumerate(zip(RIGHT_COLUMN, LEFT_COLUMN, strict=True)):
        runs += make(right, 700 - 14 * i, right=550) + make(left, 700 - 14 * i, right=300)
    runs += make(ACROSS, 600)
    assert pdf_text(pdf_bytes([runs]), 10**6).text.split("\n") == [
        TITLE,
        " ".join(RIGHT_COLUMN),
        " ".join(LEFT_COLUMN),
        ACROSS,
    ]


def test_short_cells_side_by_side_are_read_across() -> None:
    """A table of a label and a value a line is no two columns of text."""
    rows = [("موعد الافتتاح", "يوم الخميس"), ("مكان الحفل", "مدينة الرياض")] * 4
    runs = drawn(TITLE, 760)
    for i, (label, value) in enumerate(rows):
        runs += drawn(label, 700 - 14 * i, right=550) + drawn(value, 700 - 14 * i, right=400)
    data = pdf_bytes([runs])
    (page,) = pdf_module._pages(data, None)
    assert pdf_module._gutters(page.text.splitlines())  # a gutter, and yet no columns
    lines = pdf_text(data, 10**6).text.split("\n")
    assert lines == [TITLE, " ".join(f"{label} {value}" for label, value in rows)]


def test_a_page_of_many_gaps_is_no_page_of_columns() -> None:
    """Scattered text (a grid of cells) has gaps everywhere: past eight it is not
    columns, and every gap is not checked against every line."""
    columns = [("كلمة" + " " * 6) * 20, ("نصوص" + " " * 6) * 20]
    assert pdf_module._gutters(columns * 10) == []
    two = ["نص العمود الأيمن هنا طويل" + " " * 20 + "نص العمود الأيسر هنا طويل"] * 10
    assert len(pdf_module._gutters(two)) == 1


def test_english_reads_as_it_is_written() -> None:
    lines = ["City library reopens after restoration", "", "Published 21 July 2015", ""]
    lines += ["The municipality announced on Sunday that the library, closed since", "March"]
    text = pdf_text(pdf_bytes([_page(drawn, lines)]), 10**6).text
    assert text.split("\n") == [
        "City library reopens after restoration",
        "Published 21 July 2015",
        "The municipality announced on Sunday that the library, closed since March",
    ]


def test_a_browser_print_header_and_footer_are_not_the_article() -> None:
    pages = []
    for number in (1, 2):
        runs = _page(drawn, [f"12/5/26, 8:06 PM {TITLE} - صحيفة"], top=770)
        runs += _page(drawn, [TITLE, "", DATE, ""] if number == 1 else BODY[1:], top=700)
        runs += _page(drawn, [f"https://example.com/news/1?id=2 {number}/2"], top=20)
        pages.append(runs)
    found = pdf_text(pdf_bytes(pages), 10**6)
    assert found.url == "https://example.com/news/1?id=2"
    assert found.text.split("\n") == [TITLE, DATE, "", BODY[1]]


@pytest.mark.parametrize("number", ["3", "- 3 -", "Page 3 of 5", "صفحة 3 من 5"])
def test_a_page_number_alone_on_a_line_is_dropped(number: str) -> None:
    runs = _page(drawn, [TITLE, "", *BODY], top=700) + _page(drawn, [number], top=30)
    assert pdf_text(pdf_bytes([runs]), 10**6).text.split("\n") == [TITLE, " ".join(BODY)]


def test_evidence_of_the_order_of_a_line() -> None:
    assert drawn_order_evidence("المدينة القديمة") == (4, 0)  # ال begins, ة ends
    assert drawn_order_evidence("ةميدقلا ةنيدملا") == (0, 4)  # reversed
    shaped_reversed = "ﺔﻨﻳﺪﻤﻟﺍ"  # المدينة drawn: a final form first, an initial form last
    read, shown = drawn_order_evidence(shaped_reversed)
    assert shown > read
    assert drawn_order_evidence("City 2015") == (0, 0)


def test_a_line_without_evidence_follows_its_page() -> None:
    # A date of figures alone in a drawn Arabic page: its runs in the page's direction.
    lines = ["ﺔﻨﻳﺪﻤﻟﺍ ﻲﻓ ﺔﻴﺒﺘﻜﻤﻟﺍ", "18:02:48 2015-08-08"]
    assert reading_order(lines) == ["المكتبية في المدينة", "2015-08-08 18:02:48"]
    # In a page read as written, the same line stays as it is.
    assert reading_order(["المكتبة في المدينة", "2015-08-08 18:02:48"])[1] == (
        "2015-08-08 18:02:48"
    )


def test_paragraphs_end_at_blank_lines_or_short_lines_where_there_are_none() -> None:
    long = " ".join(["word"] * 20)
    assert paragraphs(["Title", "", long, long, "end.", "", long]) == [
        "Title",
        f"{long} {long} end.",
        long,
    ]
    # Text read as written has no blank lines: a short line ends a paragraph.
    unspaced = ["A title", long, long, "the end.", long, "more."]
    assert paragraphs(unspaced, laid_out=False) == [
        "A title",
        f"{long} {long} the end.",
        f"{long} more.",
    ]
    assert paragraphs(["inter-", "national news today and more", "x" * 30]) == [
        "international news today and more " + "x" * 30
    ]


def test_imported_with_its_dates_link_and_known_again(tmp_path: Path) -> None:
    runs = _page(drawn, [TITLE, "", DATE, "", *BODY], top=700)
    runs += _page(drawn, ["https://example.com/a 1/1"], top=20)
    path = tmp_path / "خبر.pdf"
    path.write_bytes(pdf_bytes([runs]))
    (tmp_path / "broken.pdf").write_bytes(pdf_bytes([runs])[:600])
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [tmp_path])
        assert report.added == 1 and len(report.failed) == 1
        assert "broken.pdf" in str(report.failed[0])
        article = store.article(1)
        assert article is not None
        assert (article.title, article.url) == (TITLE, "https://example.com/a")
        assert article.published_raw == DATE
        assert "2015-07-12" in {e.value for e in store.events_of(1)}
        assert library.import_paths(store, [path]).duplicates == 1


def _read(data: bytes, tmp_path: Path, name: str = "a.pdf") -> list:
    path = tmp_path / name
    path.write_bytes(data)
    with ArticleFile(path) as read:
        return list(read)


def test_a_file_that_is_no_pdf_or_a_damaged_one_is_said_in_one_line(tmp_path: Path) -> None:
    cases = {
        "عنوان\nنص\n".encode(): "not a PDF file",
        _article(drawn)[:700]: "not a readable PDF (",
        pdf_bytes([[]]): "no text was found in it",
    }
    for data, reason in cases.items():
        with pytest.raises(BadArticle) as caught:
            _read(data, tmp_path)
        assert str(caught.value).startswith(reason) and "\n" not in str(caught.value)


def test_encrypted_files(tmp_path: Path) -> None:
    def encrypted(user: str, algorithm: str) -> bytes:
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_article(drawn))))
        writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    # No password to open it (restrictions only): read.
    (draft,) = _read(encrypted("", "RC4-128"), tmp_path)
    assert isinstance(draft, ArticleDraft) and draft.title == TITLE
    with pytest.raises(BadArticle, match=r"^it is protected by a password; save an unprotected"):
        _read(encrypted("secret", "RC4-128"), tmp_path)


def test_caps_on_pages_drawing_and_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    three = pdf_bytes([_page(drawn, [TITLE]) for _ in range(3)])
    monkeypatch.setattr(pdf_module, "MAX_PDF_PAGES", 2)
    with pytest.raises(BadArticle, match=r"^it has 3 pages, more than the 2 read$"):
        pdf_text(three, 10**6)
    monkeypatch.setattr(pdf_module, "MAX_PDF_PAGES", 2000)
    monkeypatch.setattr(pdf_module, "MAX_PDF_DRAWING", 1000)
    with pytest.raises(BadArticle, match=r"drawing instructions are more than 1,000 bytes"):
        pdf_text(three, 10**6)
    monkeypatch.setattr(pdf_module, "MAX_PDF_DRAWING", 10**8)
    with pytest.raises(BadArticle, match=r"^its text is longer than the 50 characters"):
        pdf_text(three, 50)
    monkeypatch.setattr(pdf_module, "MAX_PDF_BYTES", 100)
    with pytest.raises(BadArticle, match=r"bytes, more than the 100 a PDF may be"):
        _read(three, tmp_path)


def test_mutated_files_fail_in_one_line_or_read(tmp_path: Path) -> None:
    # Bytes of a good file changed at random: each is read or refused as a BadArticle
    # (never another exception, never a hang).
    good = _article(drawn)
    rng = random.Random(5)
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(len(data))
            data[at] = rng.randrange(256)
        try:
            found = pdf_text(bytes(data), 10**6)
        except BadArticle as exc:
            assert "\n" not in str(exc)
        else:
            assert isinstance(found.text, str)


def test_piped_pdf_bytes_are_kept_as_a_pdf() -> None:
    assert pasted_suffix(_article(drawn)) == ".pdf"


def test_a_cancelled_import_stops_between_the_pages_of_a_long_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes([_page(drawn, [TITLE, "", *BODY]) for _ in range(5)]))
    read_pages: list[int] = []
    page_text = pdf_module._page_text

    def counted(page, seen):  # the user presses Cancel while the second page is read
        read_pages.append(1)
        return page_text(page, seen)

    monkeypatch.setattr(pdf_module, "_page_text", counted)
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [path], cancelled=lambda: len(read_pages) >= 2)
        assert report.cancelled and report.added == 0
        assert len(read_pages) == 2  # not the other three
        assert store.article(1) is None
        # Not cancelled, the same file imports whole.
        assert library.import_paths(store, [path]).added == 1


def test_an_import_tells_how_far_it_is_in_a_long_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Progress is counted in articles: a PDF of hundreds of pages is one, and its
    # minute of reading showed nothing moving.  Its pages are told as they are read.
    monkeypatch.setattr(library, "_PROGRESS_EVERY", 0.0)  # each page, not every 0.1 s
    first, second = tmp_path / "a long.pdf", tmp_path / "b.pdf"
    first.write_bytes(pdf_bytes([_page(drawn, [TITLE, "", *BODY]) for _ in range(5)]))
    second.write_bytes(pdf_bytes([_page(drawn, [TITLE, "", *BODY[:1]])] * 2))
    told: list[tuple[str, PageStep]] = []
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [first, second], pages=lambda *a: told.append(a))
    assert report.added == 2
    assert told == [
        *(("a long.pdf", PageStep(n, 5)) for n in range(5)),
        *(("b.pdf", PageStep(n, 2)) for n in range(2)),
    ]


def test_pages_are_told_at_most_every_tenth_of_a_second_but_the_first(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes([_page(drawn, [TITLE, "", *BODY]) for _ in range(30)]))
    told: list[PageStep] = []
    with Store(tmp_path / "t.db") as store:
        library.import_paths(store, [path], pages=lambda _name, step: told.append(step))
    assert told[0] == PageStep(0, 30) and len(told) < 30


def test_what_pypdf_repairs_is_not_printed(tmp_path: Path) -> None:
    # pypdf logs the repairs it makes (a font's encoding it does not know, logged as an
    # error, read as UTF-16): they went to stderr through the import's progress line.
    # What cannot be read is the file's one-line failure; the rest is read.
    import subprocess
    import sys

    damaged = _article(drawn).replace(b"/Identity-H", b"/Identity-X")
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from timeline.ingest.pdf import pdf_text;"
            " print(pdf_text(open(sys.argv[1], 'rb').read(), 10**6).text.split()[0])",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stderr == "" and done.stdout.strip()
