"""Word documents (.docx): an article typed or kept in a word processor, read as a
plain-text article is (its first line the title, a date line under it read).

Read with python-docx: the body's paragraphs and tables in their order (a table a row a
line, its cells separated by tabs), the text of links kept; headers, footers, comments
and images are not the article's.  Its XML parser expands no entity.  A .docx file is a
zip archive: every part is inflated and counted before it is opened
(office.check_parts), and the document's text part is parsed whole, so it may be at
most MAX_DOCUMENT_XML bytes (an article of ten million characters fits).
"""

from __future__ import annotations

import io

from timeline.ingest.errors import BadArticle
from timeline.ingest.office import check_parts, said

MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_DOCX_INFLATED = 512 * 1024 * 1024
MAX_DOCUMENT_XML = 128 * 1024 * 1024


def docx_text(data: bytes) -> str:
    """The text of a Word document's body, a paragraph a line."""
    import zipfile  # here: it loads shutil, which `timeline extract` avoids

    check_parts(
        data,
        cap=MAX_DOCX_INFLATED,
        what="Word document",
        not_zip="not a Word document (a .docx file is a zip archive)",
        old="a Word 97-2003 document (.doc): save it as .docx or as text and import that",
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = next((m for m in archive.infolist() if m.filename == "word/document.xml"), None)
        if part is not None and part.file_size > MAX_DOCUMENT_XML:
            raise BadArticle(
                f"its text part is {part.file_size:,} bytes, more than the"
                f" {MAX_DOCUMENT_XML:,} a document may be"
            )
    try:
        from docx import Document
        from docx.table import Table

        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    lines.append("\t".join(cell.text for cell in row.cells))
            else:
                lines.append(block.text)
    except BadArticle:
        raise
    except Exception as exc:  # python-docx's and lxml's errors are of many kinds
        raise BadArticle(f"not a readable Word document ({said(exc)})") from exc
    return "\n".join(lines)
