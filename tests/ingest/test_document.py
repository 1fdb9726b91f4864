"""Word documents (.docx): read as a plain-text article (timeline/ingest/document.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from tests.ingest.format_fixtures import marked_zip_member
from timeline import library
from timeline.ingest import ArticleFile, BadArticle, read_articles
from timeline.ingest import document as document_module
from timeline.model import ArticleDraft
from timeline.store import Store

BODY = "قال المتحدث إن الاجتماع سيعقد في الرياض بحضور الوزراء يوم الخميس المقبل."


def _document(path: Path) -> Path:
    made = docx.Document()
    made.add_paragraph("اجتماع وزراء الخارجية العرب في الرياض")
    made.add_paragraph("الثلاثاء 21 يوليو 2015")
    made.add_paragraph(BODY)
    table = made.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "البند", (0, 1): "الموعد", (1, 0): "الافتتاح"}.items():
        table.cell(row, column).text = text
    table.cell(1, 1).text = "23 يوليو"
    made.add_paragraph("وأضاف أن الوفود ستصل تباعا.")
    made.sections[0].header.paragraphs[0].text = "ترويسة الصحيفة"  # not the article's
    made.save(path)
    return path


def _read(path: Path) -> list:
    with ArticleFile(path) as read:
        return list(read)


def test_a_document_is_an_article_with_its_title_date_and_tables(tmp_path: Path) -> None:
    (draft,) = _read(_document(tmp_path / "خبر.docx"))
    assert isinstance(draft, ArticleDraft)
    assert draft.title == "اجتماع وزراء الخارجية العرب في الرياض"
    assert draft.published_raw == "الثلاثاء 21 يوليو 2015"
    assert draft.body.split("\n") == [
        BODY,
        "البند\tالموعد",  # a table a row a line
        "الافتتاح\t23 يوليو",
        "وأضاف أن الوفود ستصل تباعا.",
    ]
    assert "ترويسة" not in draft.body and draft.origin.endswith("خبر.docx")


def test_imported_with_its_dates_and_known_again(tmp_path: Path) -> None:
    path = _document(tmp_path / "a.docx")
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [path])
        assert (report.added, report.failed) == (1, [])
        values = {e.value for e in store.events_of(1)}
        assert {"2015-07-21", "2015-07-23"} <= values
        assert library.import_paths(store, [path]).duplicates == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "a Word 97-2003 document (.doc)"),
        ("عنوان\nنص\n".encode(), "not a Word document (a .docx file is a zip archive)"),
    ],
)
def test_a_file_that_is_no_document_is_said_in_one_line(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(content)
    with pytest.raises(BadArticle) as caught:
        _read(path)
    assert str(caught.value).startswith(reason) and "\n" not in str(caught.value)
    old = tmp_path / "a.doc"
    old.write_bytes(content)
    with pytest.raises(BadArticle, match=r"Word 97-2003 document \(\.doc\): save it as \.docx"):
        _read(old)


def test_a_broken_document_a_bomb_and_a_huge_text_part_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _document(tmp_path / "good.docx")
    parts = {}
    with zipfile.ZipFile(good) as src:
        parts = {item.filename: src.read(item) for item in src.infolist()}

    def made(name: str, changed: dict[str, bytes]) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for part, data in {**parts, **changed}.items():
                out.writestr(part, data)
        return path

    xml = parts["word/document.xml"]
    broken = made("broken.docx", {"word/document.xml": xml[: len(xml) // 2]})
    with pytest.raises(BadArticle, match=r"^not a readable Word document \("):
        _read(broken)
    monkeypatch.setattr(document_module, "MAX_DOCX_INFLATED", 1024 * 1024)
    bomb = made("bomb.docx", {"word/media/padding.bin": b"\0" * (2 * 1024 * 1024)})
    with pytest.raises(BadArticle, match=r"padding\.bin: inflates to more than 1,048,576 bytes"):
        _read(bomb)
    monkeypatch.setattr(document_module, "MAX_DOCUMENT_XML", len(xml) - 1)
    with pytest.raises(BadArticle, match=r"^its text part is [\d,]+ bytes, more than the"):
        _read(good)


def test_an_entity_in_the_document_is_not_expanded(tmp_path: Path) -> None:
    good = _document(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as src:
        parts = {item.filename: src.read(item) for item in src.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    declared = '<!DOCTYPE w:document [<!ENTITY lol "ضحك ضحك ضحك ضحك">]>'
    xml = xml.replace("?>", "?>" + declared, 1).replace("وأضاف", "&lol;وأضاف", 1)
    path = tmp_path / "entity.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part, data in {**parts, "word/document.xml": xml.encode("utf-8")}.items():
            out.writestr(part, data)
    items = _read(path)
    assert not any("ضحك" in getattr(item, "body", "") for item in items)


# Markup Word writes around runs: a tracked insertion and deletion, content controls
# (one holding a paragraph, one inside a paragraph), a simple field, a smart tag, and a
# text box (as Word 2010 writes it: DrawingML, with a VML copy for older readers).
_W_TEXT = "<w:r><w:t xml:space='preserve'>{}</w:t></w:r>"
_W_MARKUP = (
    "<w:p>"
    + _W_TEXT.format("قبل ")
    + "<w:del w:id='1' w:author='م' w:date='2015-07-21T00:00:00Z'>"
    + "<w:r><w:delText>محذوف</w:delText></w:r></w:del>"
    + "<w:ins w:id='2' w:author='م' w:date='2015-07-21T00:00:00Z'>"
    + _W_TEXT.format("كلمة")
    + "</w:ins>"
    + _W_TEXT.format(" بعد")
    + "</w:p>"
    + "<w:sdt><w:sdtPr><w:alias w:val='نص'/></w:sdtPr><w:sdtContent><w:p>"
    + _W_TEXT.format("فقرة في عنصر تحكم.")
    + "</w:p></w:sdtContent></w:sdt>"
    # A content control still showing its prompt: the prompt is no text of the article.
    + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p>"
    + _W_TEXT.format("انقر هنا لإدخال نص.")
    + "</w:p></w:sdtContent></w:sdt>"
    + "<w:p>"
    + _W_TEXT.format("تاريخ ")
    + "<w:sdt><w:sdtContent>"
    + _W_TEXT.format("اليوم")
    + "</w:sdtContent></w:sdt>"
    + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
    + _W_TEXT.format(" اختر تاريخًا")
    + "</w:sdtContent></w:sdt>"
    + "<w:fldSimple w:instr='DATE'>"
    + _W_TEXT.format(" الأربعاء")
    + "</w:fldSimple>"
    + "<w:smartTag w:uri='u' w:element='e'>"
    + _W_TEXT.format(" في الرياض")
    + "</w:smartTag></w:p>"
    + "<w:p>"
    + _W_TEXT.format("مرسى")
    + "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic>"
    + "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p>"
    + _W_TEXT.format("سطر في مربع نص")
    + "</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
    + "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    + "<w:p>"
    + _W_TEXT.format("سطر في مربع نص")
    + "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
    + "</w:r>"
    + _W_TEXT.format("تتمة")
    + "</w:p>"
)


def test_the_text_word_shows_inside_revisions_controls_fields_and_text_boxes(
    tmp_path: Path,
) -> None:
    path = _document(tmp_path / "a.docx")
    with zipfile.ZipFile(path) as src:
        parts = {item.filename: src.read(item) for item in src.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    drawing = "xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main'"
    xml = xml.replace("<w:document ", f"<w:document {drawing} ", 1)  # the others are there
    xml = xml.replace("<w:tbl>", _W_MARKUP + "<w:tbl>", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part, data in {**parts, "word/document.xml": xml.encode("utf-8")}.items():
            out.writestr(part, data)
    (draft,) = _read(path)
    assert isinstance(draft, ArticleDraft)
    assert draft.body.split("\n")[:7] == [
        BODY,
        "قبل كلمة بعد",  # the insertion in place, the deletion left out
        "فقرة في عنصر تحكم.",
        "تاريخ اليوم الأربعاء في الرياض",
        "مرسى",  # a text box's paragraphs are lines of their own, read once
        "سطر في مربع نص",
        "تتمة",
    ]


def _with_tables(path: Path, tables: str) -> Path:
    """The document at path with its table in place of the given tables' XML."""
    with zipfile.ZipFile(path) as src:
        parts = {item.filename: src.read(item) for item in src.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    start, end = xml.index("<w:tbl>"), xml.index("</w:tbl>") + len("</w:tbl>")
    xml = xml[:start] + tables + xml[end:]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part, data in {**parts, "word/document.xml": xml.encode("utf-8")}.items():
            out.writestr(part, data)
    return path


def _cells(*texts: str, merge: str = "") -> str:
    """Word's table cells, one a text; merge: a first cell's w:tcPr ("<w:gridSpan
    w:val='2'/>")."""
    first = f"<w:tcPr>{merge}</w:tcPr>" if merge else ""
    return "".join(
        f"<w:tc>{first if n == 0 else ''}<w:p>{_W_TEXT.format(text)}</w:p></w:tc>"
        for n, text in enumerate(texts)
    )


def _control(inner: str, *, prompt: bool = False) -> str:
    shown = "<w:showingPlcHdr/>" if prompt else ""
    properties = f"<w:sdtPr><w:alias w:val='ص'/>{shown}</w:sdtPr>"
    return f"<w:sdt>{properties}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def test_table_rows_and_cells_inside_content_controls_are_read(tmp_path: Path) -> None:
    # A repeating section (Word's content control of rows), a control around a cell, one
    # around a whole table and rows in custom markup: their rows' text had been lost.
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    tables = (
        f"<w:tbl>{grid}<w:tr>{_cells('البند', 'الموعد')}</w:tr>"
        + _control(
            f"<w:sdt><w:sdtContent><w:tr>{_cells('الافتتاح', '23 يوليو')}</w:tr></w:sdtContent>"
            f"</w:sdt><w:tr>{_cells('الختام', '24 يوليو')}</w:tr>"
        )
        + f"<w:tr>{_cells('الوصول')}{_control(_cells('22 يوليو'))}</w:tr>"
        + f"<w:customXml w:element='بند'><w:tr>{_cells('المؤتمر', '25 يوليو')}</w:tr></w:customXml>"
        + _control(f"<w:tr>{_cells('انقر هنا لإضافة بند.')}</w:tr>", prompt=True)
        + "</w:tbl>"
        + _control(f"<w:tbl>{grid}<w:tr>{_cells('الوفود', 'عشرون')}</w:tr></w:tbl>")
    )
    (draft,) = _read(_with_tables(_document(tmp_path / "a.docx"), tables))
    assert isinstance(draft, ArticleDraft)
    assert draft.body.split("\n") == [
        BODY,
        "البند\tالموعد",
        "الافتتاح\t23 يوليو",  # rows in content controls, one inside another
        "الختام\t24 يوليو",
        "الوصول\t22 يوليو",  # a cell in a content control
        "المؤتمر\t25 يوليو",  # a row in custom markup
        # (a control of rows still showing its prompt adds nothing)
        "الوفود\tعشرون",  # a table in a content control
        "وأضاف أن الوفود ستصل تباعا.",
    ]


def test_a_merged_cell_is_read_once_and_a_stray_merge_fails_nothing(tmp_path: Path) -> None:
    # python-docx's cells repeat a merged cell in each column and row it covers (its
    # words twice in the article), and a row merged into none above it, which Word
    # shows, failed the whole document ("no tr above topmost tr in w:tbl").
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    down, across, restart = "<w:vMerge/>", "<w:gridSpan w:val='2'/>", "<w:vMerge w:val='restart'/>"
    table = (
        f"<w:tbl>{grid}<w:tr>{_cells('يوم 21', merge=down)}{_cells('الافتتاح')}</w:tr>"
        f"<w:tr>{_cells('نتائج اليوم الأول', merge=across)}</w:tr>"
        f"<w:tr>{_cells('يوم 22', merge=restart)}{_cells('الجلسة')}</w:tr>"
        f"<w:tr><w:tc><w:tcPr>{down}</w:tcPr><w:p/></w:tc>{_cells('الختام')}</w:tr></w:tbl>"
    )
    (draft,) = _read(_with_tables(_document(tmp_path / "a.docx"), table))
    assert isinstance(draft, ArticleDraft)
    assert draft.body.split("\n")[1:5] == [
        "يوم 21\tالافتتاح",  # merged down into no row above it: read as it is
        "نتائج اليوم الأول",  # across two columns: once
        "يوم 22\tالجلسة",
        "\tالختام",  # the cell merged into the one above shows nothing of its own
    ]


def test_a_document_in_a_zip(tmp_path: Path) -> None:
    _document(tmp_path / "x.docx")
    archive = tmp_path / "docs.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(tmp_path / "x.docx", "news/x.docx")
    (draft,) = list(read_articles(archive))
    assert isinstance(draft, ArticleDraft) and draft.title.startswith("اجتماع")


def test_loading_the_importers_loads_none_of_the_office_and_yaml_libraries() -> None:
    # Each is loaded by the reader that needs it: the window's start and every other
    # import pay nothing for them (zipfile brings shutil, which `extract` avoids too).
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "import sys, timeline.ingest; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = {name.split(".")[0] for name in done.stdout.split()}
    assert not loaded & {"openpyxl", "docx", "yaml", "zipfile", "shutil", "lxml", "pypdf"}


_ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3">
<office:body><office:text>
<text:h text:outline-level="1">اجتماع وزراء الخارجية العرب <text:span>في الرياض</text:span></text:h>
<text:p>الثلاثاء 21 يوليو 2015</text:p>
<text:p>{body}<text:note><text:note-body><text:p>حاشية</text:p></text:note-body></text:note></text:p>
<table:table><table:table-row><table:table-cell><text:p>البند</text:p></table:table-cell>
<table:table-cell><text:p>الموعد</text:p></table:table-cell></table:table-row></table:table>
<text:list><text:list-item><text:p>وأضاف<text:s text:c="2"/>أن<text:tab/>الوفود<text:line-break/>ستصل
<text:a xlink:href="https://example.org">تباعا</text:a>.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"""


def _odt(path: Path, content: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        out.writestr("content.xml", content or _ODT_CONTENT.replace("{body}", BODY))
    return path


def test_an_opendocument_text_is_an_article(tmp_path: Path) -> None:
    (draft,) = _read(_odt(tmp_path / "خبر.odt"))
    assert isinstance(draft, ArticleDraft)
    assert draft.title == "اجتماع وزراء الخارجية العرب في الرياض"
    assert draft.published_raw == "الثلاثاء 21 يوليو 2015"
    assert draft.body.split("\n") == [
        BODY,  # its note left out
        "البند\tالموعد",  # a table a row a line
        # Spaces as text:s writes them, a tab, a line break and the XML's own line
        # break each a space, a link's text.
        "وأضاف  أن\tالوفود ستصل تباعا.",
    ]


def test_comments_and_image_titles_are_left_out_and_a_text_box_is_lines_of_its_own(
    tmp_path: Path,
) -> None:
    body = (
        "قال المتحدث<office:annotation><dc:creator>محرر</dc:creator>"
        "<dc:date>2015-07-21T10:00:00</dc:date><text:p>تحقق من هذا</text:p>"
        "</office:annotation> إن الاجتماع سيعقد. "
        "<draw:frame draw:name='صورة'><draw:image xlink:href='Pictures/a.png'/>"
        "<svg:title>عنوان الصورة</svg:title><svg:desc>وصف الصورة</svg:desc></draw:frame>"
        "وتابع<draw:frame><draw:text-box><text:p>سطر في مربع</text:p>"
        "<text:p>وسطر ثان</text:p></draw:text-box></draw:frame>الحديث."
    )
    namespaces = (
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
        ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" office:version'
    )
    content = _ODT_CONTENT.replace("{body}", body).replace("office:version", namespaces, 1)
    (draft,) = _read(_odt(tmp_path / "a.odt", content))
    assert isinstance(draft, ArticleDraft)
    assert draft.body.split("\n")[:4] == [
        "قال المتحدث إن الاجتماع سيعقد. وتابع",  # the comment, its author and date left out
        "سطر في مربع",  # a text box's paragraphs are lines of their own
        "وسطر ثان",
        "الحديث.",
    ]


def test_an_opendocument_text_is_imported_with_its_dates(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [_odt(tmp_path / "a.odt")])
        assert (report.added, report.failed) == (1, [])
        assert "2015-07-21" in {e.value for e in store.events_of(1)}


def test_a_soft_page_break_neither_joins_nor_drops_words(tmp_path: Path) -> None:
    # Where LibreOffice's layout ended a page: between paragraphs, list items or table
    # rows, and inside a paragraph at the start of its next line, after the space that
    # ended the line before.  It is no text: a break inside a word (a line wrapped
    # there, the word too long for it) joins nothing that was apart, as LibreOffice
    # reads it too.
    brk = "<text:soft-page-break/>"
    body = (
        f"قال المتحدث إن الاجتماع {brk}سيعقد في الرياض.</text:p>{brk}"
        f"<text:p>{brk}وأضاف أن الوفود <text:span>{brk}ستصل</text:span> تباعا.</text:p>"
        f"<text:list><text:list-item><text:p>البند الأول</text:p></text:list-item>{brk}"
        f"<text:list-item>{brk}<text:p>البند الثاني</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>أ</text:p></table:table-cell>"
        f"</table:table-row>{brk}<table:table-row><table:table-cell><text:p>ب</text:p>"
        f"</table:table-cell></table:table-row></table:table><text:p>كلمة{brk}طويلة"
    )
    (draft,) = _read(_odt(tmp_path / "a.odt", _ODT_CONTENT.replace("{body}", body)))
    assert isinstance(draft, ArticleDraft)
    assert draft.body.split("\n")[:7] == [
        "قال المتحدث إن الاجتماع سيعقد في الرياض.",
        "وأضاف أن الوفود ستصل تباعا.",
        "البند الأول",
        "البند الثاني",
        "أ",
        "ب",
        "كلمةطويلة",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("عنوان\nنص\n".encode(), "not an OpenDocument text (an .odt file is a zip archive)"),
        (None, "not an OpenDocument text (it holds no text body)"),
    ],
)
def test_a_file_that_is_no_opendocument_text_is_said_in_one_line(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "a.odt"
    if content is None:
        with zipfile.ZipFile(path, "w") as out:
            out.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    else:
        path.write_bytes(content)
    with pytest.raises(BadArticle) as caught:
        _read(path)
    assert str(caught.value) == reason


def test_a_damaged_or_entity_declaring_opendocument_text_is_refused(tmp_path: Path) -> None:
    broken = _ODT_CONTENT.replace("{body}", BODY)[:900]
    with pytest.raises(BadArticle, match=r"^not a readable OpenDocument text \("):
        _read(_odt(tmp_path / "broken.odt", broken))
    declared = _ODT_CONTENT.replace("{body}", "&lol;").replace(
        "?>", '?><!DOCTYPE d [<!ENTITY lol "ضحك ضحك">]>', 1
    )
    with pytest.raises(BadArticle, match=r"^not a readable OpenDocument text \(it declares"):
        _read(_odt(tmp_path / "entity.odt", declared))


def test_spans_nested_thousands_deep_are_one_line(tmp_path: Path) -> None:
    deep = "<text:span>" * 5000 + "نص" + "</text:span>" * 5000
    content = _ODT_CONTENT.replace("{body}", deep)
    with pytest.raises(BadArticle, match=r"\(its elements are nested too deep\)$"):
        _read(_odt(tmp_path / "deep.odt", content))


@pytest.mark.parametrize(
    ("flags", "method", "reason"),
    [
        (0x1, None, "word/document.xml: needs a password (an encrypted file is not read)"),
        (0, 9, "word/document.xml: compressed in a way that cannot be read"),
    ],
)
def test_a_document_whose_part_zipfile_cannot_open_is_said_in_words(
    tmp_path: Path, flags: int, method: int | None, reason: str
) -> None:
    good = _document(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "a.docx"
    path.write_bytes(marked_zip_member(good, "word/document.xml", flags=flags, method=method))
    with pytest.raises(BadArticle) as caught:
        _read(path)
    assert str(caught.value).startswith(f"not a readable Word document ({reason}")
