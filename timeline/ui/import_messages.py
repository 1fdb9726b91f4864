"""Why an import left a file or a record out, in the window's language.

The importers say it in English lines (the command line prints them as they are: "line
4: missing or empty 'body'", "not a readable feed (...)").  The window's import report
knows them by their templates, as store_messages knows the store's, and says them in
the interface's language; each value (a file's name, a number, a parser's own words) is
put in an isolate of its own, shown in its own direction.  A line that no template
matches is shown as it is: nothing is dropped for want of a translation.

The templates copy the importers' words (timeline.ingest and its readers); a test runs
the importers on broken files and checks that each line they give is known here.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import string

from PySide6.QtCore import QCoreApplication

from timeline.text.display_safe import isolated

# Python's words for a gzip file cut short, in an importer's line.
_CUT_GZIP = (
    "damaged or truncated gzip data (Compressed file ended before the end-of-stream marker"
    " was reached)"
)


def _table() -> tuple[tuple[str, str], ...]:
    """(the importers' English template, its words in the interface's language) each;
    the values %1, %2... in the order their names first appear in the template."""

    translate = QCoreApplication.translate

    # lupdate reads each call's literal string: the English here is the template's
    # with its names numbered (a test compares the two).
    return (
        # A record of a file (after its "line 4: ", "row 3: ", "article 2: ").
        ("missing or empty 'body'", translate("ImportMessages", "missing or empty 'body'")),
        ("'{key}' must be a string", translate("ImportMessages", "'%1' must be a string")),
        ("not valid JSON ({detail})", translate("ImportMessages", "not valid JSON (%1)")),
        ("JSON nested too deeply", translate("ImportMessages", "JSON nested too deeply")),
        (
            "not read: a number in it is too long",
            translate("ImportMessages", "not read: a number in it is too long"),
        ),
        (
            "expected a JSON object, found {kind}",
            translate("ImportMessages", "expected a JSON object, found %1"),
        ),
        ("no key '{wanted}' for {field}", translate("ImportMessages", "no key '%1' for %2")),
        ("empty body", translate("ImportMessages", "empty body")),
        (
            "longer than the {limit} characters a cell may be",
            translate("ImportMessages", "longer than the %1 characters a cell may be"),
        ),
        (
            "longer than the 10 million characters an article may be",
            translate("ImportMessages", "longer than the 10 million characters an article may be"),
        ),
        (
            "longer than the {limit} characters an article may be",
            translate("ImportMessages", "longer than the %1 characters an article may be"),
        ),
        ("no text", translate("ImportMessages", "no text")),
        ("ends before it starts", translate("ImportMessages", "ends before it starts")),
        ("not a Gregorian time: {text}", translate("ImportMessages", "not a Gregorian time: %1")),
        (
            "impossible time {text} ({detail})",
            translate("ImportMessages", "impossible time %1 (%2)"),
        ),
        (
            "the file ends inside the list of articles (no closing ])",
            translate("ImportMessages", "the file ends inside the list of articles (no closing ])"),
        ),
        (
            "the file ends inside an article (no closing ])",
            translate("ImportMessages", "the file ends inside an article (no closing ])"),
        ),
        (
            "not valid JSON (expected ',' or ']' after an article); the rest of the file is"
            " not read",
            translate(
                "ImportMessages",
                "not valid JSON (expected ',' or ']' after an article); the rest of the file"
                " is not read",
            ),
        ),
        (
            "{size} bytes is more than a {kind} file may be",
            translate("ImportMessages", "%1 bytes is more than a %2 file may be"),
        ),
        (
            "inflates to {size} bytes (a zip bomb?)",
            translate("ImportMessages", "inflates to %1 bytes (a zip bomb?)"),
        ),
        (
            "{item} (strict import: nothing of the file was stored)",
            translate("ImportMessages", "%1 (strict import: nothing of the file was stored)"),
        ),
        # A whole file.
        (
            "{size} bytes is more than a .timeline file may be",
            translate("ImportMessages", "%1 bytes is more than a .timeline file may be"),
        ),
        (
            "refused: the file declares XML entities or a DTD ({detail})",
            translate("ImportMessages", "refused: the file declares XML entities or a DTD (%1)"),
        ),
        ("not well-formed XML ({detail})", translate("ImportMessages", "not well-formed XML (%1)")),
        (
            "not a .timeline file (its root element is <{tag}>)",
            translate("ImportMessages", "not a .timeline file (its root element is <%1>)"),
        ),
        (
            "only Gregorian timelines can be imported (this one is {kind})",
            translate(
                "ImportMessages", "only Gregorian timelines can be imported (this one is %1)"
            ),
        ),
        (
            "XML that declares entities is not read ({detail})",
            translate("ImportMessages", "XML that declares entities is not read (%1)"),
        ),
        (
            "XML that declares entities is not read",
            translate("ImportMessages", "XML that declares entities is not read"),
        ),
        ("not a readable feed ({detail})", translate("ImportMessages", "not a readable feed (%1)")),
        (
            "not a feed (no rss, feed or RDF element)",
            translate("ImportMessages", "not a feed (no rss, feed or RDF element)"),
        ),
        (
            "not a readable OPML list ({detail})",
            translate("ImportMessages", "not a readable OPML list (%1)"),
        ),
        (
            "an OPML list that names no feed (no outline with an xmlUrl)",
            translate(
                "ImportMessages", "an OPML list that names no feed (no outline with an xmlUrl)"
            ),
        ),
        (
            "more than the {limit} bytes a JSON file not holding a list of articles may be (a"
            " list is read as a stream; or use JSON Lines)",
            translate(
                "ImportMessages",
                "more than the %1 bytes a JSON file not holding a list of articles may be (a"
                " list is read as a stream; or use JSON Lines)",
            ),
        ),
        (
            "unsupported file type '{suffix}' (use {formats})",
            translate("ImportMessages", "unsupported file type '%1' (use %2)"),
        ),
        (
            "a tar archive ({suffix}) is not read: unpack it and import its folder, or make a"
            " .zip of it",
            translate(
                "ImportMessages",
                "a tar archive (%1) is not read: unpack it and import its folder, or make a"
                " .zip of it",
            ),
        ),
        (
            "a link to a file that does not exist; not read",
            translate("ImportMessages", "a link to a file that does not exist; not read"),
        ),
        (
            "not a regular file (a device, pipe or socket); not read",
            translate("ImportMessages", "not a regular file (a device, pipe or socket); not read"),
        ),
        (
            "{size} bytes is more than a {kind} file may be ({limit}; use JSON Lines for large"
            " data sets)",
            translate(
                "ImportMessages",
                "%1 bytes is more than a %2 file may be (%3; use JSON Lines for large data sets)",
            ),
        ),
        (
            "not a readable zip archive ({detail})",
            translate("ImportMessages", "not a readable zip archive (%1)"),
        ),
        (
            "a compressed download whose format the address does not say",
            translate(
                "ImportMessages", "a compressed download whose format the address does not say"
            ),
        ),
        (
            "no column '{wanted}' for {field}; the headers are: {headers}",
            translate("ImportMessages", "no column '%1' for %2; the headers are: %3"),
        ),
        (
            "no body column; the headers are: {headers} (name it with --columns"
            " body=...,title=...)",
            translate(
                "ImportMessages",
                "no body column; the headers are: %1 (name it with --columns body=...,title=...)",
            ),
        ),
        ("empty: no header row", translate("ImportMessages", "empty: no header row")),
        # This program's own exports of events (timeline.ingest.own_exports).
        (
            "this program's export of events, not of articles: export the articles (as CSV,"
            " JSON Lines or Excel) and import that",
            translate(
                "ImportMessages",
                "this program's export of events, not of articles: export the articles (as CSV,"
                " JSON Lines or Excel) and import that",
            ),
        ),
        (
            "this program's chronology of events, not articles: export the articles (as CSV,"
            " JSON Lines or Excel) and import that",
            translate(
                "ImportMessages",
                "this program's chronology of events, not articles: export the articles (as CSV,"
                " JSON Lines or Excel) and import that",
            ),
        ),
        (
            "this program's image of a timeline, not an article: export the articles (as CSV,"
            " JSON Lines or Excel) and import that",
            translate(
                "ImportMessages",
                "this program's image of a timeline, not an article: export the articles (as"
                " CSV, JSON Lines or Excel) and import that",
            ),
        ),
        # Excel workbooks.
        (
            "empty: no sheet has a header row",
            translate("ImportMessages", "empty: no sheet has a header row"),
        ),
        (
            "an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV and import that",
            translate(
                "ImportMessages",
                "an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV and import that",
            ),
        ),
        (
            "not an Excel workbook (an .xlsx file is a zip archive)",
            translate("ImportMessages", "not an Excel workbook (an .xlsx file is a zip archive)"),
        ),
        (
            "not a readable Excel workbook ({detail})",
            translate("ImportMessages", "not a readable Excel workbook (%1)"),
        ),
        (
            "not a readable Excel worksheet ({detail})",
            translate("ImportMessages", "not a readable Excel worksheet (%1)"),
        ),
        # Word documents.
        (
            "a Word 97-2003 document (.doc): save it as .docx or as text and import that",
            translate(
                "ImportMessages",
                "a Word 97-2003 document (.doc): save it as .docx or as text and import that",
            ),
        ),
        (
            "not a Word document (a .docx file is a zip archive)",
            translate("ImportMessages", "not a Word document (a .docx file is a zip archive)"),
        ),
        (
            "not a readable Word document ({detail})",
            translate("ImportMessages", "not a readable Word document (%1)"),
        ),
        (
            "its text part is {size} bytes, more than the {limit} a document may be",
            translate(
                "ImportMessages", "its text part is %1 bytes, more than the %2 a document may be"
            ),
        ),
        # OpenDocument texts (timeline.ingest.document).
        (
            "not an OpenDocument text (an .odt file is a zip archive)",
            translate("ImportMessages", "not an OpenDocument text (an .odt file is a zip archive)"),
        ),
        (
            "not an OpenDocument text (it holds no text body)",
            translate("ImportMessages", "not an OpenDocument text (it holds no text body)"),
        ),
        (
            "not a readable OpenDocument text ({detail})",
            translate("ImportMessages", "not a readable OpenDocument text (%1)"),
        ),
        # OpenDocument spreadsheets (timeline.ingest.spreadsheet).
        (
            "not an OpenDocument spreadsheet (an .ods file is a zip archive)",
            translate(
                "ImportMessages", "not an OpenDocument spreadsheet (an .ods file is a zip archive)"
            ),
        ),
        (
            "not an OpenDocument spreadsheet (it holds no content)",
            translate("ImportMessages", "not an OpenDocument spreadsheet (it holds no content)"),
        ),
        (
            "not a readable OpenDocument spreadsheet ({detail})",
            translate("ImportMessages", "not a readable OpenDocument spreadsheet (%1)"),
        ),
        (
            "its content is {size} bytes, more than the {limit} a spreadsheet may be",
            translate(
                "ImportMessages", "its content is %1 bytes, more than the %2 a spreadsheet may be"
            ),
        ),
        (
            "an Excel 97-2003 workbook (.xls): save it as .ods, .xlsx or CSV and import that",
            translate(
                "ImportMessages",
                "an Excel 97-2003 workbook (.xls): save it as .ods, .xlsx or CSV and import that",
            ),
        ),
        # PDF files (timeline.ingest.pdf).
        (
            "not a PDF file (it does not begin with %PDF)",
            translate("ImportMessages", "not a PDF file (it does not begin with %PDF)"),
        ),
        (
            "{size} bytes, more than the {limit} a PDF may be",
            translate("ImportMessages", "%1 bytes, more than the %2 a PDF may be"),
        ),
        ("not a readable PDF ({detail})", translate("ImportMessages", "not a readable PDF (%1)")),
        (
            "page {number} is not readable ({detail})",
            translate("ImportMessages", "page %1 is not readable (%2)"),
        ),
        (
            "it is encrypted; open it and save an unencrypted copy, then import that",
            translate(
                "ImportMessages",
                "it is encrypted; open it and save an unencrypted copy, then import that",
            ),
        ),
        (
            "it is protected by a password; save an unprotected copy",
            translate("ImportMessages", "it is protected by a password; save an unprotected copy"),
        ),
        (
            "it has {count} pages, more than the {limit} read",
            translate("ImportMessages", "it has %1 pages, more than the %2 read"),
        ),
        (
            "its pages' drawing instructions are more than {limit} bytes (too much for one"
            " article)",
            translate(
                "ImportMessages",
                "its pages' drawing instructions are more than %1 bytes (too much for one article)",
            ),
        ),
        (
            "its text is longer than the {limit} characters an article may be",
            translate(
                "ImportMessages", "its text is longer than the %1 characters an article may be"
            ),
        ),
        (
            "it holds no text, only images (a scan?): install Tesseract with its Arabic and"
            " Poppler's pdftoppm to have it recognized, or recognize its text first",
            translate(
                "ImportMessages",
                "it holds no text, only images (a scan?): install Tesseract with its Arabic and"
                " Poppler's pdftoppm to have it recognized, or recognize its text first",
            ),
        ),
        ("no text was found in it", translate("ImportMessages", "no text was found in it")),
        (
            "its {count} scanned pages are more than the {limit} recognized in a file",
            translate(
                "ImportMessages", "its %1 scanned pages are more than the %2 recognized in a file"
            ),
        ),
        (
            "drawing page {number} for OCR took longer than {seconds} seconds",
            translate("ImportMessages", "drawing page %1 for OCR took longer than %2 seconds"),
        ),
        (
            "recognizing the text of page {number} took longer than {seconds} seconds",
            translate(
                "ImportMessages", "recognizing the text of page %1 took longer than %2 seconds"
            ),
        ),
        (
            "drawing page {number} for OCR failed ({detail})",
            translate("ImportMessages", "drawing page %1 for OCR failed (%2)"),
        ),
        (
            "recognizing the text of page {number} failed ({detail})",
            translate("ImportMessages", "recognizing the text of page %1 failed (%2)"),
        ),
        # Pictures of articles, read by OCR (timeline.ingest.ocr).
        (
            "a picture: install Tesseract with its Arabic to have its text recognized",
            translate(
                "ImportMessages",
                "a picture: install Tesseract with its Arabic to have its text recognized",
            ),
        ),
        ("not a PNG or JPEG picture", translate("ImportMessages", "not a PNG or JPEG picture")),
        (
            "a picture in a zip is not read: import it on its own",
            translate("ImportMessages", "a picture in a zip is not read: import it on its own"),
        ),
        ("not an article format", translate("ImportMessages", "not an article format")),
        (
            "a zip inside a zip is not opened",
            translate("ImportMessages", "a zip inside a zip is not opened"),
        ),
        (
            "a tar archive inside a zip is not opened",
            translate("ImportMessages", "a tar archive inside a zip is not opened"),
        ),
        (
            "needs a password (an encrypted file is not read)",
            translate("ImportMessages", "needs a password (an encrypted file is not read)"),
        ),
        (
            "compressed in a way that cannot be read: zip it again with ordinary compression",
            translate(
                "ImportMessages",
                "compressed in a way that cannot be read: zip it again with ordinary compression",
            ),
        ),
        (
            "a picture of {width} by {height} pixels, more than the {limit} read",
            translate("ImportMessages", "a picture of %1 by %2 pixels, more than the %3 read"),
        ),
        (
            "recognizing its text took longer than {seconds} seconds",
            translate("ImportMessages", "recognizing its text took longer than %1 seconds"),
        ),
        (
            "recognizing its text failed ({detail})",
            translate("ImportMessages", "recognizing its text failed (%1)"),
        ),
        # Compressed data that inflates past the caps (timeline.ingest.inflate).
        (
            "inflates to more than {limit} bytes (a compression bomb?)",
            translate("ImportMessages", "inflates to more than %1 bytes (a compression bomb?)"),
        ),
        (
            "inflates more than {ratio} times ({compressed} bytes to over {inflated}):"
            " a compression bomb?",
            translate(
                "ImportMessages",
                "inflates more than %1 times (%2 bytes to over %3): a compression bomb?",
            ),
        ),
        (
            "not a readable table ({detail})",
            translate("ImportMessages", "not a readable table (%1)"),
        ),
        ("the file is empty", translate("ImportMessages", "the file is empty")),
        (
            "no article body after the title and date line",
            translate("ImportMessages", "no article body after the title and date line"),
        ),
        # Python's words for a gzip file cut short (the likeliest damage: a download or
        # a copy that stopped part way), said in Arabic too.
        (
            _CUT_GZIP,
            translate(
                "ImportMessages",
                "damaged or truncated gzip data (Compressed file ended before the"
                " end-of-stream marker was reached)",
            ),
        ),
        (
            "damaged or truncated gzip data ({detail})",
            translate("ImportMessages", "damaged or truncated gzip data (%1)"),
        ),
        (
            "more than the {limit} bytes a {kind} file may be",
            translate("ImportMessages", "more than the %1 bytes a %2 file may be"),
        ),
        (
            "binary data, not a text file",
            translate("ImportMessages", "binary data, not a text file"),
        ),
        (
            "binary data, not a web page",
            translate("ImportMessages", "binary data, not a web page"),
        ),
        (
            "more than the {limit} bytes a text may be",
            translate("ImportMessages", "more than the %1 bytes a text may be"),
        ),
        ("nested too deeply to read", translate("ImportMessages", "nested too deeply to read")),
        (
            "too large to read in the memory available",
            translate("ImportMessages", "too large to read in the memory available"),
        ),
        ("could not be read ({detail})", translate("ImportMessages", "could not be read (%1)")),
        # The operating system's words for a file it would not give (its C library's,
        # in English whatever the system's language).
        ("No such file or directory", translate("ImportMessages", "No such file or directory")),
        ("Permission denied", translate("ImportMessages", "Permission denied")),
        ("Is a directory", translate("ImportMessages", "Is a directory")),
        ("Not a directory", translate("ImportMessages", "Not a directory")),
        ("No space left on device", translate("ImportMessages", "No space left on device")),
        ("Read-only file system", translate("ImportMessages", "Read-only file system")),
        ("File name too long", translate("ImportMessages", "File name too long")),
        ("Too many open files", translate("ImportMessages", "Too many open files")),
        ("Disk quota exceeded", translate("ImportMessages", "Disk quota exceeded")),
        ("Input/output error", translate("ImportMessages", "Input/output error")),
        ("File exists", translate("ImportMessages", "File exists")),
        # The program's own, for an export or a print to the library's file.
        (
            "it is the library being exported (give another file)",
            translate("ImportMessages", "it is the library being exported (give another file)"),
        ),
        # Feeds' entries.
        ("no title and no text", translate("ImportMessages", "no title and no text")),
        (
            "no text (neither content nor a summary)",
            translate("ImportMessages", "no text (neither content nor a summary)"),
        ),
        # E-mail.
        (
            "a message larger than the {limit} bytes one may be",
            translate("ImportMessages", "a message larger than the %1 bytes one may be"),
        ),
        (
            "not an e-mail message (no headers at its start)",
            translate("ImportMessages", "not an e-mail message (no headers at its start)"),
        ),
        (
            "a message with no subject and no text",
            translate("ImportMessages", "a message with no subject and no text"),
        ),
        (
            "not a readable e-mail message ({detail})",
            translate("ImportMessages", "not a readable e-mail message (%1)"),
        ),
        (
            "its attachment could not be read ({detail})",
            translate("ImportMessages", "its attachment could not be read (%1)"),
        ),
        (
            "its parts are nested too deep to be a message",
            translate("ImportMessages", "its parts are nested too deep to be a message"),
        ),
        (
            "not a mailbox (it does not begin with a '{marker}' line)",
            translate("ImportMessages", "not a mailbox (it does not begin with a '%1' line)"),
        ),
        # Web pages, web archives and downloads.
        (
            "a page larger than {limit} bytes",
            translate("ImportMessages", "a page larger than %1 bytes"),
        ),
        ("an empty page", translate("ImportMessages", "an empty page")),
        (
            "not a readable web page ({detail})",
            translate("ImportMessages", "not a readable web page (%1)"),
        ),
        (
            "not an article: an index of {count} article teasers (headlines linking elsewhere,"
            " each with its summary)",
            translate(
                "ImportMessages",
                "not an article: an index of %1 article teasers (headlines linking elsewhere,"
                " each with its summary)",
            ),
        ),
        (
            "not an article: {count} characters of main text (an index page, a login wall or"
            " an error page?)",
            translate(
                "ImportMessages",
                "not an article: %1 characters of main text (an index page, a login wall or an"
                " error page?)",
            ),
        ),
        (
            "not read: a page of more than {limit} elements that does not mark its article (an"
            " index or an archive page?)",
            translate(
                "ImportMessages",
                "not read: a page of more than %1 elements that does not mark its article (an"
                " index or an archive page?)",
            ),
        ),
        (
            "record {number} is cut short ({size} bytes missing): a truncated web archive",
            translate(
                "ImportMessages",
                "record %1 is cut short (%2 bytes missing): a truncated web archive",
            ),
        ),
        (
            "record {number} is cut short: a truncated web archive",
            translate("ImportMessages", "record %1 is cut short: a truncated web archive"),
        ),
        (
            "record {number} has no target address: a truncated or damaged web archive",
            translate(
                "ImportMessages",
                "record %1 has no target address: a truncated or damaged web archive",
            ),
        ),
        (
            "not a readable web archive near record {number} ({detail})",
            translate("ImportMessages", "not a readable web archive near record %1 (%2)"),
        ),
        (
            "a truncated or damaged web archive record near record {number} ({detail})",
            translate(
                "ImportMessages", "a truncated or damaged web archive record near record %1 (%2)"
            ),
        ),
        (
            "an empty web archive (no records)",
            translate("ImportMessages", "an empty web archive (no records)"),
        ),
        (
            "not followed by the blank line that ends a record: its Content-Length is wrong"
            " (a damaged web archive)",
            translate(
                "ImportMessages",
                "not followed by the blank line that ends a record: its Content-Length is wrong"
                " (a damaged web archive)",
            ),
        ),
        (
            "its page's compressed content is damaged ({detail})",
            translate("ImportMessages", "its page's compressed content is damaged (%1)"),
        ),
        (
            "redirected to a non-web address ({url})",
            translate("ImportMessages", "redirected to a non-web address (%1)"),
        ),
        (
            "not a web address (only http and https are fetched)",
            translate("ImportMessages", "not a web address (only http and https are fetched)"),
        ),
        (
            "larger than the {limit} bytes a download may be",
            translate("ImportMessages", "larger than the %1 bytes a download may be"),
        ),
        (
            "took longer than {seconds} s to download",
            translate("ImportMessages", "took longer than %1 s to download"),
        ),
        ("more than {count} redirects", translate("ImportMessages", "more than %1 redirects")),
        ("the server answered {code}", translate("ImportMessages", "the server answered %1")),
        ("no answer within {seconds} s", translate("ImportMessages", "no answer within %1 s")),
        (
            "could not be reached ({detail})",
            translate("ImportMessages", "could not be reached (%1)"),
        ),
        (
            "its certificate cannot be checked: no certificate authorities are installed here"
            " (Debian/Ubuntu package {package})",
            translate(
                "ImportMessages",
                "its certificate cannot be checked: no certificate authorities are installed"
                " here (Debian/Ubuntu package %1)",
            ),
        ),
        (
            "not a valid web address ({detail})",
            translate("ImportMessages", "not a valid web address (%1)"),
        ),
        (
            "the server's answer could not be read ({detail})",
            translate("ImportMessages", "the server's answer could not be read (%1)"),
        ),
    )


@functools.lru_cache(maxsize=4)
def _table_in(_language: str) -> tuple[tuple[str, str], ...]:
    return _table()


def _where() -> dict[str, str]:
    """Where in a file a record is: the importers' "line 4: ..." and the like."""

    translate = QCoreApplication.translate

    return {
        "line": translate("ImportMessages", "line %1: %2"),
        "lines": translate("ImportMessages", "lines %1: %2"),
        "row": translate("ImportMessages", "row %1: %2"),
        "article": translate("ImportMessages", "article %1: %2"),
        "event": translate("ImportMessages", "event %1: %2"),
        "entry": translate("ImportMessages", "entry %1: %2"),
        "record": translate("ImportMessages", "record %1: %2"),
        "message": translate("ImportMessages", "message %1: %2"),
        "after record": translate("ImportMessages", "after record %1: %2"),
        "the file": translate("ImportMessages", "the file: %1"),
    }


_WHERE = re.compile(
    r"(?:(?P<kind>line|lines|row|article|event|entry|record|message|after record)"
    # a web archive's record with its address: "record 12 (https://...)"
    r" (?P<at>\d[\d,]*(?:-\d[\d,]*| \([^\n]*?\))?)|the file): "
    r"(?P<rest>.+)",
    re.DOTALL,
)
# An import's line names a file and a record or two: longer text is no template's (the
# search for a template's groups is quadratic in the text at worst).
_LONGEST = 20_000
_NAMES_TRIED = 3  # ": " a member's name ("news.zip: a.html: ...") is tried before


# Values that are numbers: matched as numbers, so that a zip member's name before a
# line ("a.xlsx: 200,000,000 bytes is ...") is not taken into the first of them.
_NUMBERS = frozenset(
    {
        "limit",
        "size",
        "ratio",
        "compressed",
        "inflated",
        "count",
        "number",
        "seconds",
        "code",
        "width",
        "height",
    }
)


def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(text))
        if name:
            parts.append(f"(?P<{name}>\\d[\\d,.]*)" if name in _NUMBERS else f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


def numbered(template: str) -> str:
    """The template with its names made %1, %2... in the order they first appear: the
    English its translation is looked up by."""
    out: list[str] = []
    names: list[str] = []
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        out.append(text)
        if name:
            if name not in names:
                names.append(name)
            out.append(f"%{names.index(name) + 1}")
    return "".join(out)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], list[str]], ...]:
    found = []
    for template, _said in _table():
        names: list[str] = []
        for _text, name, _spec, _conversion in string.Formatter().parse(template):
            if name and name not in names:
                names.append(name)
        found.append((_pattern(template), names))
    return tuple(found)


def _kinds() -> dict[str, str]:
    """The importers' names of their formats (a {kind} in a template), as the window
    says them."""
    translate = QCoreApplication.translate
    return {
        "text": translate("ImportMessages", "text"),
        "markdown": "Markdown",
        "json": "JSON",
        "jsonl": "JSON Lines",
        "csv": "CSV",
        "tsv": "TSV",
        "feed": translate("ImportMessages", "feed"),
        "opml": "OPML",
        "html": translate("ImportMessages", "web page"),
        "warc": "WARC",
        "timeline": ".timeline",
        "xlsx": "Excel",
        "docx": "Word",
        "odt": "OpenDocument",
        "ods": "OpenDocument",
        "eml": translate("ImportMessages", "e-mail"),
        "pdf": "PDF",
        "image": translate("ImportMessages", "picture"),
    }


def _placed(words: str, values: list[str], names: list[str] | None = None) -> str:
    kinds = _kinds() if names and "kind" in names else {}

    def value(m: re.Match[str]) -> str:
        at = int(m.group(1)) - 1
        if names and names[at] == "kind":
            return isolated(kinds.get(values[at], values[at]))
        return isolated(values[at])

    return re.sub(r"%(\d)", value, words)


# What a record left out for a file cut short says after its reason (ingest.NOT_READ_ON).
_NOT_READ_ON = "; the rest of the file was not read"


def _said(line: str, table: tuple[tuple[str, str], ...], depth: int = 0) -> str | None:
    for (pattern, names), (_template, words) in zip(_patterns(), table, strict=True):
        found = pattern.fullmatch(line)
        if found is not None:
            return _placed(words, [found.group(name) for name in names], names)
    if line.endswith(_NOT_READ_ON):
        # Whatever the cut's reason (a gzip stream's, a web archive's), then this.
        reason = _said(line.removesuffix(_NOT_READ_ON), table, depth)
        if reason is not None:
            words = QCoreApplication.translate(
                "ImportMessages", "%1; the rest of the file was not read"
            )
            return words.replace("%1", reason)
    where = _WHERE.fullmatch(line)
    if where is not None and depth < 3:
        rest = _said(where.group("rest"), table, depth + 1)
        if rest is not None:
            kind = where.group("kind") or "the file"
            words = _where()[kind]
            if kind == "the file":
                return words.replace("%1", rest)
            return words.replace("%1", isolated(where.group("at"))).replace("%2", rest)
    # A zip archive's member before its record: "a.html: not an article: ...".
    at = 0
    for _ in range(_NAMES_TRIED if depth < 3 else 0):
        at = line.find(": ", at + 1)
        if at < 0:
            break
        rest = _said(line[at + 2 :], table, depth + 1)
        if rest is not None:
            return f"{isolated(line[:at])}: {rest}"
    return None


def reason_in_interface_language(line: str) -> str:
    """An importer's line (why a file or a record was left out) in the interface's
    language, its values each in an isolate; the line as it is when no template is its,
    or when the interface is in English (the importers' own words)."""
    if len(line) > _LONGEST:
        return line  # no line of an importer's
    # The table made once for the translation loaded (a report of thousands of files
    # asks for it line after line), known by one of its words.
    table = _table_in(QCoreApplication.translate("ImportMessages", "the file is empty"))
    if table[0][1] == table[0][0]:
        return line  # no translation loaded
    said = _said(line, table)
    return line if said is None else said


# The system's reasons the window says in its own language, by their number: the words
# the table knows them by (glibc's; another system's, or Windows' own, differ).
_OS_WORDS = {
    errno.ENOSPC: "No space left on device",
    errno.EDQUOT: "Disk quota exceeded",
    errno.EACCES: "Permission denied",
    errno.EROFS: "Read-only file system",
    errno.EEXIST: "File exists",
    errno.ENOENT: "No such file or directory",
    errno.ENOTDIR: "Not a directory",
    errno.EISDIR: "Is a directory",
    errno.ENAMETOOLONG: "File name too long",
    errno.EIO: "Input/output error",
}


def os_reason(exc: OSError) -> str:
    """Why the system would not read or write a file, in the interface's language (its
    C library says it in English whatever the system's language: "No space left on
    device" in the Arabic window), known by its number; the program's own words for an
    error number (an export's "no free name for the file being written") and a reason
    of no number known here as they are said."""
    words = _OS_WORDS.get(exc.errno) if exc.errno is not None else None
    system_said = exc.strerror is None or exc.strerror == os.strerror(exc.errno or 0)
    if words is not None and (system_said or getattr(exc, "winerror", None) is not None):
        return reason_in_interface_language(words)
    if exc.strerror:
        return reason_in_interface_language(exc.strerror)
    return str(exc)


def os_failure(exc: OSError) -> str:
    """os_reason after the file's name, as "name: reason" (str(exc) said it as
    "[Errno 28] No space left on device: 'name'")."""
    reason = os_reason(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason
