"""Word documents (.docx) and OpenDocument texts (.odt, LibreOffice's): an article typed or
kept in a word processor, read as a plain-text article is (its first line the title, a
date line under it read).

Read with python-docx, its body's XML walked: the paragraphs and tables in their order (a
table a row a line, its cells separated by tabs, a merged cell once), with the text Word
shows in them: links, tracked insertions (not deletions), content controls (around
paragraphs, tables, rows or cells), fields and smart tags in place, a text box's
paragraphs as lines of their own; headers, footers, comments and images are
not the article's.  Its XML parser expands no entity.  A .docx file is a
zip archive: every part is inflated and counted before it is opened
(office.check_parts), and the document's text part is parsed whole, so it may be at
most MAX_DOCUMENT_XML bytes (an article of ten million characters fits).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from timeline.ingest.errors import BadArticle
from timeline.ingest.office import check_parts, said

MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_DOCX_INFLATED = 512 * 1024 * 1024
MAX_DOCUMENT_XML = 128 * 1024 * 1024


def _text_part(data: bytes, name: str, *, what: str, not_zip: str) -> bytes | None:
    """A document's text part (the XML of its body), None if it has none: every part of
    its zip checked first (office.check_parts), the text part at most MAX_DOCUMENT_XML
    bytes.  An OLE2 file is said as Word 97-2003's .doc."""
    import zipfile  # here: it loads shutil, which `timeline extract` avoids

    check_parts(
        data,
        cap=MAX_DOCX_INFLATED,
        what=what,
        not_zip=not_zip,
        old="a Word 97-2003 document (.doc): save it as .docx or as text and import that",
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = next((m for m in archive.infolist() if m.filename == name), None)
        if part is None:
            return None
        if part.file_size > MAX_DOCUMENT_XML:
            raise BadArticle(
                f"its text part is {part.file_size:,} bytes, more than the"
                f" {MAX_DOCUMENT_XML:,} a document may be"
            )
        return archive.read(part)


def docx_text(data: bytes) -> str:
    """The text of a Word document's body, a paragraph a line."""
    _text_part(
        data,
        "word/document.xml",
        what="Word document",
        not_zip="not a Word document (a .docx file is a zip archive)",
    )
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
        lines: list[str] = []
        _docx_blocks(document.element.body, lines)
    except BadArticle:
        raise
    except Exception as exc:  # python-docx's and lxml's errors are of many kinds
        raise BadArticle(f"not a readable Word document ({said(exc)})") from exc
    return "\n".join(lines)


# WordprocessingML, walked element by element: python-docx's paragraph.text reads only a
# paragraph's runs and links, and iter_inner_content only the body's own paragraphs and
# tables, so text in a tracked insertion, a content control, a field, a smart tag or a
# text box would be lost.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What a run shows as text; python-docx's element classes give each its text (a line
# break "\n", a tab "\t", a page break nothing), as its run.text does.
_W_RUN_TEXT = {f"{_W}{name}" for name in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen")}
# Not shown: deleted and moved-away text, properties (a content control's, a section's),
# and the copy of a drawing kept for older readers (mc:Fallback repeats mc:Choice).
_W_UNSHOWN = {
    *(f"{_W}{name}" for name in ("del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "sectPr")),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}


def _prompt(element: Any) -> bool:
    """Whether element is a content control still showing its prompt ("Click or tap
    here to enter text."): text of the template, not of the article."""
    return bool(
        element.tag == f"{_W}sdt" and element.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None
    )


def _docx_blocks(element: Any, lines: list[str]) -> None:
    """The paragraphs and table rows under element, in order (content controls and
    custom markup around them gone through): a paragraph a line, a table a row a line,
    its cells separated by tabs."""
    for child in element:
        tag = child.tag
        if tag == f"{_W}p":
            pieces: list[str] = []
            first = len(lines)
            _docx_inline(child, pieces, lines)
            _end_paragraph(pieces, lines, first)
        elif tag == f"{_W}tbl":
            for row in _docx_held(child, f"{_W}tr"):
                cells = []
                for cell in _docx_held(row, f"{_W}tc"):
                    parts: list[str] = []
                    _docx_blocks(cell, parts)
                    cells.append("\n".join(parts))
                lines.append("\t".join(cells))
        elif tag not in _W_UNSHOWN and not _prompt(child):
            _docx_blocks(child, lines)


def _docx_held(element: Any, tag: str) -> Iterator[Any]:
    """A table's rows (tag w:tr) or a row's cells (w:tc) in order, with those held in
    content controls and custom markup (a repeating section's rows, a control around a
    cell), which python-docx's rows and cells leave out.  Each cell is read once, as
    Word shows it: a merged one is not repeated in the columns or rows it covers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag not in _W_UNSHOWN and not _prompt(child):
            yield from _docx_held(child, tag)


def _docx_inline(element: Any, pieces: list[str], lines: list[str]) -> None:
    """A paragraph's text into pieces, its insertions, content controls, fields and smart
    tags in place; a text box's paragraphs into lines (_break_line)."""
    for child in element:
        tag = child.tag
        if tag in _W_RUN_TEXT:
            pieces.append(str(child))
        elif tag == f"{_W}txbxContent":
            box: list[str] = []
            _docx_blocks(child, box)
            _break_line(pieces, lines, box)
        elif tag not in _W_UNSHOWN and not _prompt(child):
            _docx_inline(child, pieces, lines)


def _break_line(pieces: list[str], lines: list[str], box: list[str]) -> None:
    """A text box's lines (or a frame's) as lines of their own, after the paragraph's text
    before it, which ends there: glued to the words around its anchor they would make
    words that are in neither.  A box with no text breaks nothing."""
    if not any(line.strip() for line in box):
        return
    before = "".join(pieces)
    if before.strip():
        lines.append(before)
    pieces.clear()
    lines.extend(box)


def _end_paragraph(pieces: list[str], lines: list[str], first: int) -> None:
    """A paragraph's last line, its text after any text box; lines[first:] are its lines
    so far.  A paragraph with no text is an empty line, as it always was."""
    text = "".join(pieces)
    if text.strip() or len(lines) == first:
        lines.append(text)


# OpenDocument text (.odt, LibreOffice Writer's own format): content.xml's body.
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODF_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_ODF_SPACE = re.compile(r"[ \t\r\n]+")


def odt_text(data: bytes) -> str:
    """The text of an OpenDocument text's body (.odt), a paragraph or heading a line, a
    table a row a line (its cells separated by tabs), as a Word document's is read.

    Its parts are checked as a Word document's are (office.check_parts); content.xml is
    parsed by defusedxml, which refuses entity declarations.
    """
    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    xml = _text_part(
        data,
        "content.xml",
        what="OpenDocument text",
        not_zip="not an OpenDocument text (an .odt file is a zip archive)",
    )
    if xml is None:
        raise BadArticle("not an OpenDocument text (it holds no text body)")
    try:
        root = defusedxml.ElementTree.fromstring(xml, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise BadArticle("not a readable OpenDocument text (it declares entities)") from exc
    except Exception as exc:  # ElementTree's ParseError
        raise BadArticle(f"not a readable OpenDocument text ({said(exc)})") from exc
    body = root.find(f"{{{_ODF_OFFICE}}}body/{{{_ODF_OFFICE}}}text")
    if body is None:
        raise BadArticle("not an OpenDocument text (it holds no text body)")
    lines: list[str] = []
    try:
        _odf_blocks(body, lines)
    except RecursionError:  # spans or sections thousands deep: no word processor's
        raise BadArticle(
            "not a readable OpenDocument text (its elements are nested too deep)"
        ) from None
    return "\n".join(lines)


def _odf_blocks(element: Any, lines: list[str]) -> None:
    """The paragraphs, headings and table rows under element, in order (lists and
    sections are gone through)."""
    for child in element:
        tag = child.tag
        if tag in (f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h"):
            _odf_paragraph(child, lines)
        elif tag == f"{{{_ODF_TABLE}}}table-row":
            cells = []
            for cell in child:
                if cell.tag == f"{{{_ODF_TABLE}}}table-cell":
                    parts: list[str] = []
                    _odf_blocks(cell, parts)
                    cells.append(" ".join(parts))
            lines.append("\t".join(cells))
        elif tag not in (f"{{{_ODF_TEXT}}}tracked-changes", f"{{{_ODF_TEXT}}}note"):
            _odf_blocks(child, lines)


def _odf_paragraph(element: Any, lines: list[str]) -> None:
    """A paragraph or heading (text:p, text:h) as a line, or as lines where it anchors a
    text box."""
    pieces: list[str] = []
    first = len(lines)
    _odf_inline(element, pieces, lines)
    _end_paragraph(pieces, lines, first)


def _odf_inline(element: Any, pieces: list[str], lines: list[str]) -> None:
    """A paragraph's text into pieces: its spans and links as their text, text:s as its
    spaces, text:tab as a tab, text:line-break as a space; notes and comments (their
    author and date with them) left out.  A frame's or shape's paragraphs (a text box's)
    go into lines (_break_line); an image's title and description are no paragraphs, so
    they are left out.  White space in the XML's text is one space (ODF's rule: spaces
    are written as text:s)."""
    pieces.append(_ODF_SPACE.sub(" ", element.text or ""))
    for child in element:
        tag = child.tag
        if tag == f"{{{_ODF_TEXT}}}s":
            count = child.get(f"{{{_ODF_TEXT}}}c", "1")
            pieces.append(" " * min(int(count) if count.isdigit() else 1, 1000))
        elif tag == f"{{{_ODF_TEXT}}}tab":
            pieces.append("\t")
        elif tag == f"{{{_ODF_TEXT}}}line-break":
            pieces.append(" ")
        elif tag.startswith(f"{{{_ODF_DRAW}}}"):
            box: list[str] = []
            _odf_blocks(child, box)
            _break_line(pieces, lines, box)
        elif tag not in (
            f"{{{_ODF_TEXT}}}note",
            f"{{{_ODF_TEXT}}}bookmark",
            f"{{{_ODF_OFFICE}}}annotation",
        ):
            _odf_inline(child, pieces, lines)
        pieces.append(_ODF_SPACE.sub(" ", child.tail or ""))
