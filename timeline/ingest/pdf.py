"""PDF files (.pdf): an article saved or printed as a PDF, read as a plain-text article is
(its first line the title, a date line under it read), its lines joined into paragraphs.

What a PDF holds is glyphs where they are drawn, and what each stands for; not text in
reading order.  Producers write Arabic two ways (`_page_text`): a browser printing a
page (and Qt) writes each glyph where it is drawn, left to right, mapped to its shaped
form (U+FE70-U+FEFF); a word processor writes a line's runs in reading order, mapped
to letters.  A page with Arabic is read as pypdf lays it out by position, a line as
drawn, whichever way it was written (a lam-alef ligature's mapping and the brackets
as each way needs them); other pages as the PDF writes them.  A line is told as drawn
or as read from its letters (`drawn_order_evidence`: a word's shaped forms at its
ends, ة and ى ending words, ال beginning them; a line that tells nothing follows its
page); a drawn line is put back in reading order by the bidirectional algorithm
(python-bidi: applied to a line as drawn, it gives the line as written), and shaped
forms are folded to letters.

A browser's print header and footer (the print's date and time with the page's title;
the address with "1/3") are not the article's: the address is kept as its link.  A
page that is a picture of text (a scan) is read by OCR where the system can
(timeline.ingest.ocr), else refused with advice; so is a file that needs a password.

Bounded: MAX_PDF_BYTES a file, MAX_PDF_PAGES pages, MAX_PDF_DRAWING bytes of the pages'
drawing instructions in all (what the time taken grows with), the text refused past
what an article may be; pypdf itself caps what one stream may inflate to.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.ingest.errors import BadArticle
from timeline.ingest.office import said
from timeline.ingest.own_exports import refuse_image
from timeline.ingest.reading import PageCheck, PageStep

MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 2000
# The pages' content streams, inflated, in all: their instructions are parsed in pure
# Python (about 1 MB a second), so this bounds the time a file may take.
MAX_PDF_DRAWING = 32 * 1024 * 1024

_ARABIC = "\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_WORD = re.compile(f"[{_ARABIC}\u064b-\u065f\u0670\u0640]+")
_ARABIC_LETTER = re.compile(f"[{_ARABIC}]")
# A ToUnicode map's sections of single glyphs and of ranges, and a hex string in them.
_HEX = re.compile(rb"<\s*([0-9A-Fa-f\s]*)>|\[|\]")
# What is looked at of a page's fonts: at most this many, this much of each map.
_FONTS_LOOKED_AT = 64
_CMAP_BYTES = 1 << 20
_ARABIC_TARGET = re.compile(f"[{_ARABIC}]")
_SHAPED = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
# A lam-alef ligature mapped to its two letters (lam, then alef, alef with hamza above
# or below, alef with madda), and the shaped form each becomes.
_LIGATURE_TARGET = re.compile(rb"<\s*(0644\s*062[2357])\s*>", re.IGNORECASE)
_LIGATURES = {
    b"06440627": b"<FEFB>",
    b"06440623": b"<FEF7>",
    b"06440625": b"<FEF9>",
    b"06440622": b"<FEF5>",
}
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SPACES = re.compile(r"[ \t\u00a0]+")
# A page's number alone on its first or last line ("3", "- 3 -", "Page 3 of 5", "صفحة 3 من 5").
_PAGE_NUMBER_LINE = re.compile(
    r"^(?:-\s*)?(?:(?:page|p\.|صفحة|الصفحة)\s*)?[\d\u0660-\u0669]{1,4}"
    r"(?:\s*(?:/|of|من)\s*[\d\u0660-\u0669]{1,4})?(?:\s*-)?$",
    re.IGNORECASE,
)
# A browser's print header: its date and time first ("12/5/26, 8:06 PM", "05/12/2026
# 20:06"), and its footer: an address, then the page's number of the pages ("1/3").
_PRINT_HEADER = re.compile(
    r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\b"
)
_PRINT_FOOTER = re.compile(r"^(?P<url>(?:https?|file)://\S+)\s+\d{1,4}\s*/\s*\d{1,4}$")
_PAGE_NUMBER = re.compile(r"^(?:\d{1,4}\s*/\s*\d{1,4})\s+(?P<url>(?:https?|file)://\S+)$")
# More lines than this between blank lines, on average: paragraphs are not spaced.
_UNSPACED = 6
# A line shorter than this share of the page's full lines ends its paragraph.
_SHORT_LINE = 0.7
# A line this short with a digit in it may be a date line (dating.dateline), which
# stands alone as a paragraph.
_DATE_LINE_CHARS = 120
_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
# A page with fewer letters of text than this and an image is a scan (a stamp or a page
# number may be text on one).
_SCAN_LETTERS = 20
# Shaped forms that join the letter after them (initial, medial) and before them
# (medial, final): a space between two letters that join is no word's end.
_JOINS_NEXT = frozenset(("initial", "medial"))
_JOINS_PREVIOUS = frozenset(("medial", "final"))


@dataclass(frozen=True)
class PdfText:
    """A PDF's text in reading order, the address its browser footer gave ('' if none),
    how many of its pages were scans read by OCR, and how many were left unread."""

    text: str
    url: str = ""
    recognized: int = 0  # pages read by OCR (scans)
    unread: int = 0  # scanned pages left unread: no OCR on this machine


def _form(char: str) -> str:
    """A presentation form's position in its word ('initial', 'medial', 'final',
    'isolated'), '' for any other character."""
    tag = unicodedata.decomposition(char)
    return tag[1 : tag.index(">")] if tag.startswith("<") else ""


def _letters(word: str) -> str:
    """A word's letters, its marks and tatweel left out."""
    return "".join(c for c in word if not unicodedata.combining(c) and c != "\u0640")


def drawn_order_evidence(line: str) -> tuple[int, int]:
    """(signs the line is in reading order, signs it is drawn left to right) from its
    Arabic words as the line holds them.

    Shaped forms say where in its word each letter stands: a word that starts with a
    final or medial form, or ends with an initial or medial one, is reversed.  Letters
    say it too: ة and ى end words and never start them, and ال starts words (a word
    ending in لا, but the word لا, is ال reversed).
    """
    read = drawn = 0
    for match in _ARABIC_WORD.finditer(line):
        word = _letters(match.group())
        if not word:
            continue
        first, last = _form(word[0]), _form(word[-1])
        if first or last:
            read += (first == "initial") + (last == "final")
            drawn += (first in ("final", "medial")) + (last in ("initial", "medial"))
            word = unicodedata.normalize("NFKC", word)
        if len(word) < 2:
            continue
        read += (word[-1] in "ةى") + (len(word) > 3 and word.startswith("ال"))
        drawn += (word[0] in "ةى") + (len(word) > 3 and word.endswith("لا"))
    return read, drawn


def _in_reading_order(line: str, right_to_left: bool, mirrored: bool) -> str:
    """A line drawn left to right, as written: the bidirectional algorithm applied to
    it as if it were text (which reverses its right-to-left runs and keeps numbers and
    Latin left to right), in a right-to-left paragraph when more of its letters are
    Arabic than Latin (right_to_left when it has neither: a line of figures in an Arabic
    page).  mirrored: the page's brackets are as drawn (a browser maps a bracket drawn
    mirrored to the mirrored character), so those in right-to-left runs are mirrored
    back (python-bidi's reference implementation); a word processor maps it to the
    bracket as written, which stays (python-bidi's default one, which never mirrors)."""
    arabic = len(_ARABIC_LETTER.findall(line))
    latin = len(_LATIN_LETTER.findall(line))
    base = "R" if arabic > latin or (arabic == latin and right_to_left) else "L"
    # A line's reordering, never text for a screen (Qt orders what it shows itself).
    if mirrored:
        from bidi.algorithm import get_display as mirroring_display

        return str(mirroring_display(line, base_dir=base))
    from bidi import get_display

    return str(get_display(line, base_dir=base))


def _without_split_words(line: str) -> str:
    """The line without spaces inside words: a space between a shaped letter that
    joins the next and one that joins the one before (an extraction's guess at a gap
    between two glyph runs of one word)."""
    if " " not in line:
        return line
    parts = line.split(" ")
    joined = [parts[0]]
    for part in parts[1:]:
        before, after = joined[-1][-1:], part[:1]
        if before and after and (_form(before) in _JOINS_NEXT or _form(after) in _JOINS_PREVIOUS):
            joined[-1] += part
        else:
            joined.append(part)
    return " ".join(joined)


def _folded(line: str) -> str:
    """Presentation forms (shaped Arabic, Latin ligatures) as the letters they are."""
    if not any("\ufb00" <= c <= "\ufefe" for c in line):
        return line
    return "".join(
        unicodedata.normalize("NFKC", c) if "\ufb00" <= c <= "\ufefe" else c for c in line
    )


def reading_order(lines: Sequence[str], mirrored: bool = True) -> list[str]:
    """A page's lines, as extracted, in reading order with plain letters.

    Each line is judged by its own letters; one that tells nothing (no Arabic, or words
    that show no sign) follows the page's majority.  mirrored: the page's brackets are
    as drawn (see _in_reading_order).
    """
    verdicts = [drawn_order_evidence(line) for line in lines]
    page_read = sum(r for r, _ in verdicts)
    page_drawn = sum(d for _, d in verdicts)
    arabic_page = page_read + page_drawn > 0
    result = []
    for line, (read, drawn) in zip(lines, verdicts, strict=True):
        reverse = drawn > read or (drawn == read and page_drawn > page_read)
        if reverse:
            line = _in_reading_order(line, arabic_page, mirrored)
        result.append(_folded(_without_split_words(line)))
    return result


# Columns of a laid-out page (a newspaper's, a report's): a gutter is a run of at least
# _GUTTER_CHARS positions of the layout's grid, away from the page's edges, where at most
# _GUTTER_SHARE of the lines have text (headlines across the columns cross it), and at
# least _SIDES_SHARE of the lines have text either side of it and none at its middle;
# each column's lines must hold _COLUMN_CHARS characters on average (two columns of a
# table's short cells are read across, as before).
_GUTTER_CHARS = 4
_GUTTER_SHARE = 0.2
_SIDES_SHARE = 0.3
_COLUMN_LINES = 6
_COLUMN_CHARS = 15
# More gaps than this in a page's middle is no page of columns (a table, scattered
# text); a laid-out page of more characters than this is not looked at for columns
# (each gap is checked against every line: the work is bounded by both).
_MAX_GUTTERS = 8
_MAX_GRID_CHARS = 4_000_000
_ARABIC_DRAWN = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def _gutters(lines: list[str]) -> list[tuple[int, int]]:
    """The [start, end) grid positions of the gutters between a laid-out page's columns."""
    filled = [line for line in lines if line.strip()]
    width = max((len(line) for line in filled), default=0)
    if len(filled) < _COLUMN_LINES or width < 40 or sum(map(len, filled)) > _MAX_GRID_CHARS:
        return []
    occupied = [0] * width
    for line in filled:
        for i, char in enumerate(line):
            if char != " ":
                occupied[i] += 1
    allowed = max(2, int(len(filled) * _GUTTER_SHARE))
    found: list[tuple[int, int]] = []
    start = None
    for i in range(int(width * 0.15), int(width * 0.85) + 1):
        empty = i < width and occupied[i] <= allowed
        if empty and start is None:
            start = i
        elif not empty and start is not None:
            if i - start >= _GUTTER_CHARS:
                found.append((start, i))
            start = None
    if len(found) > _MAX_GUTTERS:
        return []
    kept = []
    for start, end in found:
        middle = (start + end) // 2  # (a column's edge moves a little from line to line)
        sides = sum(  # lines of two columns: text either side, none across the middle
            1
            for line in filled
            if line[:start].strip()
            and line[end:].strip()
            and not line[middle - 2 : middle + 2].strip()
        )
        if sides >= max(_COLUMN_LINES, len(filled) * _SIDES_SHARE):
            kept.append((start, end))
    return kept


def _in_columns(lines: list[str]) -> list[str]:
    """A laid-out page's lines a column at a time: the lines between two lines that
    cross a gutter (a headline across the columns) are read column by column, the
    right one first on an Arabic page, each column a paragraph apart."""
    gutters = _gutters(lines)
    if not gutters:
        return lines
    # Cut at each gutter's middle: the layout's grid places a column's edge a few
    # positions either way from line to line.
    middles = [(start + end) // 2 for start, end in gutters]
    bounds = [0, *middles, max(map(len, lines))]
    spans = list(itertools.pairwise(bounds))
    arabic = len(_ARABIC_DRAWN.findall("".join(lines)))
    if arabic * 2 > sum(c.isalpha() for line in lines for c in line):
        spans.reverse()  # an Arabic page's columns read from the right

    def crosses(line: str) -> bool:  # text at a gutter's middle: a line across columns
        return any(line[middle - 2 : middle + 2].strip() for middle in middles)

    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        columns = [[line[start:end].strip() for line in block] for start, end in spans]
        filled = [[cell for cell in column if cell] for column in columns]
        if block and all(sum(map(len, f)) >= _COLUMN_CHARS * len(f) for f in filled if f):
            for column in columns:
                out.extend(column)
                out.append("")
        else:
            out.extend(block)  # short cells side by side: a table, read across
        block.clear()

    for line in lines:
        if crosses(line):
            flush()
            out.append(line)
        else:
            block.append(line)
    flush()
    return out


def _page_lines(text: str) -> list[str]:
    """A laid-out page's lines, the layout's padding between words made one space."""
    return [_SPACES.sub(" ", line).strip() for line in text.splitlines()]


def paragraphs(lines: Sequence[str], laid_out: bool = True) -> list[str]:
    """A page's lines as paragraphs, joined by a space up to a blank line; a word
    broken by a hyphen at a line's end joined whole.

    A line that stops well short of the page's full lines (a paragraph's last line, a
    title, a date line) ends its paragraph too where blank lines cannot say where
    paragraphs end: in text not laid_out by position (which has no blank lines), and
    in a page whose blank lines leave more than _UNSPACED lines between them on average
    (made with no space between paragraphs).  A date line is a paragraph of its own,
    so that a title and the date under it stay apart (a plain-text article is read as
    title, date line, body).  A page of fewer than three lines keeps them as they are.
    """
    from timeline.dating.dateline import is_date_line  # the date rules: only when reading

    widths = sorted(len(line) for line in lines if line)
    if len(widths) < 3:
        return [line for line in lines if line]
    blocks = sum(1 for i, line in enumerate(lines) if line and (i == 0 or not lines[i - 1]))
    short = not laid_out or len(widths) / blocks > _UNSPACED
    full = widths[math.ceil(len(widths) * 0.9) - 1]
    found: list[str] = []
    current: list[str] = []  # the paragraph's lines so far (joined once: linear)
    for line in lines:
        last = current[-1] if current else ""
        if len(line) <= _DATE_LINE_CHARS and _DIGIT.search(line) and is_date_line(line):
            # A date line stands alone: joined to a title above it, neither is read.
            if current:
                found.append(" ".join(current))
            found.append(line)
            current = []
            continue
        if last[-2:-1].isalpha() and last.endswith("-") and line[:1].islower():
            current[-1] = last[:-1] + line
        elif line:
            current.append(line)
        if current and (not line or (short and len(line) < full * _SHORT_LINE)):
            found.append(" ".join(current))
            current = []
    if current:
        found.append(" ".join(current))
    return found


def recognized(text: str) -> str:
    """Text OCR read, a paragraph a line: its blocks of lines joined, and a short line
    (a title, a date line in the block of its title) ending a paragraph too."""
    return "\n".join(paragraphs(_page_lines(text), laid_out=False))


def _without_print_marks(lines: list[str]) -> tuple[list[str], str]:
    """A page's lines without a browser's print header and footer, and the footer's
    address ('' if none)."""
    filled = [i for i, line in enumerate(lines) if line]
    url = ""
    # Matched as letters (a "ﬁle://" ligature is file://), the lines kept as they are.
    drop: set[int] = set()
    if filled and _PRINT_HEADER.match(_folded(lines[filled[0]])):
        drop.add(filled[0])
    if filled:
        last = _folded(lines[filled[-1]])
        found = _PRINT_FOOTER.match(last) or _PAGE_NUMBER.match(last)
        if found:
            url = found.group("url") if found.group("url").startswith("http") else ""
            drop.add(filled[-1])
        for end in (filled[0], filled[-1]):
            # As drawn or as read (a drawn "صفحة 3 من 5" holds its letters reversed).
            folded = _folded(lines[end])
            if _PAGE_NUMBER_LINE.match(folded) or _PAGE_NUMBER_LINE.match(folded[::-1]):
                drop.add(end)
    return [line for i, line in enumerate(lines) if i not in drop], url


def _sections(data: bytes, begin: bytes, end: bytes) -> Iterator[bytes]:
    """What lies between each `begin` and the `end` after it, in one pass.  Not a lazy
    regex (begin(.*?)end): each begin without an end scanned the rest of the map, and a
    map of "beginbfchar" repeated took minutes."""
    at = data.find(begin)
    while at >= 0:
        start = at + len(begin)
        stop = data.find(end, start)
        if stop < 0:
            return
        yield data[start:stop]
        at = data.find(begin, stop + len(end))


def _targets(cmap: bytes) -> Iterator[str]:
    """The text a ToUnicode map gives its glyphs: the second of each pair of a bfchar
    section, the third of each triple of a bfrange section (or the strings of its
    array), as UTF-16BE.  At most _CMAP_BYTES of the map are read."""
    cmap = cmap[:_CMAP_BYTES]

    def text(digits: bytes) -> str:
        raw = bytes.fromhex(re.sub(rb"\s", b"", digits).decode("ascii"))
        return raw.decode("utf-16-be", "replace")

    for section in _sections(cmap, b"beginbfchar", b"endbfchar"):
        values = [m.group(1) for m in _HEX.finditer(section) if m.group(1) is not None]
        yield from (text(v) for v in values[1::2])
    for section in _sections(cmap, b"beginbfrange", b"endbfrange"):
        position, in_array = 0, False
        for m in _HEX.finditer(section):
            token = m.group(0)
            if token == b"[":
                in_array = True
            elif token == b"]":
                in_array, position = False, 0
            elif in_array:
                yield text(m.group(1))
            else:
                position += 1
                if position == 3:
                    yield text(m.group(1))
                    position = 0


def _arabic_font(font: Any, seen: dict[int, str]) -> str:
    """How a font's ToUnicode map gives Arabic: "shapes" (a glyph as a shaped form),
    "letters", or "" (no Arabic), read once a font (seen holds each font object's).
    A glyph mapped to a lam-alef ligature's two letters is mapped to the ligature's
    shaped form instead (in the font's map, in memory): laid out as drawn, its two
    letters would come out in reading order inside a line drawn the other way, and be
    read reversed (انطالق)."""
    key = id(font)
    if key not in seen:
        seen[key] = ""
        try:
            cmap = font.get_object().get("/ToUnicode")
            if cmap is not None:
                stream = cmap.get_object()
                data = stream.get_data()
                targets = list(_targets(data))
                if any(_SHAPED.search(target) for target in targets):
                    seen[key] = "shapes"
                elif any(_ARABIC_TARGET.search(target) for target in targets):
                    seen[key] = "letters"
                mapped = _LIGATURE_TARGET.sub(
                    lambda m: _LIGATURES[re.sub(rb"\s", b"", m.group(1)).upper()], data
                )
                if seen[key] and mapped != data:
                    stream.set_data(mapped)
        except Exception:  # a damaged map: the page is read the plain way
            seen[key] = ""
    return seen[key]


@dataclass(frozen=True)
class _Page:
    """A page's text as read; laid_out: by position (an Arabic page); mirrored: its
    brackets as drawn (a font maps glyphs to shaped forms); scan: next to no text, and
    an image."""

    text: str
    laid_out: bool = False
    mirrored: bool = False
    scan: bool = False


def _page_text(page: Any, seen: dict[int, str]) -> _Page:
    """A page's text, read one of two ways.

    A page with a font that maps glyphs to Arabic is laid out by position (pypdf's
    layout mode): each line as drawn, left to right, which reading_order turns round.
    Both ways producers write Arabic come out so: a browser (and Qt) writes each glyph
    where it is drawn, mapped to shaped forms, and pypdf's plain extraction gives words
    in the wrong order; a word processor (LibreOffice) writes runs mapped to letters,
    which the plain extraction, turning each right-to-left run round, gets mostly right,
    but it moves runs within a line (a word with a vowel mark, a quotation): on 40
    corpus articles in a LibreOffice PDF with right-to-left paragraphs, 359 places
    differed from the text read the plain way, 10 laid out.  Other pages are read the
    plain way, in the order the page writes them (columns a column at a time).
    """
    fonts: list[Any] = []
    try:
        resources = page.get("/Resources")
        found = resources.get_object().get("/Font") if resources is not None else None
        if found is not None:
            fonts = list(found.get_object().values())[:_FONTS_LOOKED_AT]
    except Exception:  # no readable fonts: the extraction says what it can
        fonts = []
    kinds = {_arabic_font(font, seen) for font in fonts}  # every font's ligatures mapped
    if kinds - {""}:
        text = str(page.extract_text(extraction_mode="layout"))
        return _Page(text, laid_out=True, mirrored="shapes" in kinds, scan=_is_scan(page, text))
    text = str(page.extract_text())
    return _Page(text, scan=_is_scan(page, text))


def _is_scan(page: Any, text: str) -> bool:
    """Whether a page is a scan: fewer than _SCAN_LETTERS letters of text, and an image."""
    if sum(c.isalpha() for c in text[: _SCAN_LETTERS * 50]) >= _SCAN_LETTERS:
        return False
    try:
        return len(page.images) > 0
    except Exception:  # an image pypdf cannot list: not a page to recognize
        return False


def _pages(data: bytes, check: PageCheck | None) -> Iterator[_Page]:
    """Each page as _page_text reads it."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf logs what it repairs in a damaged file ("EOF marker not found", and as
    # errors "Advanced encoding ... not implemented") to stderr, through the progress
    # line; what cannot be read is said as the file's failure.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise BadArticle(
                    "it is encrypted; open it and save an unencrypted copy, then import that"
                ) from exc
        metadata = reader.metadata
        refuse_image(str(metadata.get("/Creator") or "") if metadata is not None else "")
        count = len(reader.pages)
    except BadArticle:
        raise
    except FileNotDecryptedError as exc:
        raise BadArticle("it is protected by a password; save an unprotected copy") from exc
    except Exception as exc:  # pypdf's errors on damaged files are of many kinds
        raise BadArticle(f"not a readable PDF ({said(exc)})") from exc
    if count > MAX_PDF_PAGES:
        raise BadArticle(f"it has {count:,} pages, more than the {MAX_PDF_PAGES:,} read")
    seen: dict[int, str] = {}
    drawing = 0
    for number in range(count):
        if check is not None:
            check(PageStep(number, count))  # out of the try: the caller's to raise
        try:
            page = reader.pages[number]
            contents = page.get_contents()
            drawing += len(contents.get_data()) if contents is not None else 0
            if drawing > MAX_PDF_DRAWING:
                raise BadArticle(
                    f"its pages' drawing instructions are more than {MAX_PDF_DRAWING:,} bytes"
                    " (too much for one article)"
                )
            yield _page_text(page, seen)
        except BadArticle:
            raise
        except FileNotDecryptedError as exc:
            raise BadArticle("it is protected by a password; save an unprotected copy") from exc
        except Exception as exc:  # a damaged page, of any kind pypdf meets
            raise BadArticle(f"page {number + 1} is not readable ({said(exc)})") from exc


def pdf_text(data: bytes, max_chars: int, check: PageCheck | None = None) -> PdfText:
    """The text of a PDF in reading order, a paragraph a line, its pages one after the
    other; check, if given, is called before each page with how far the reading is (it
    may raise to stop), the scanned pages last, as OCR reads them.

    BadArticle for a file that is not a readable PDF, one with no text, or one whose
    text is longer than max_chars.
    """
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise BadArticle("not a PDF file (it does not begin with %PDF)")
    if len(data) > MAX_PDF_BYTES:
        raise BadArticle(f"{len(data):,} bytes, more than the {MAX_PDF_BYTES:,} a PDF may be")
    pages: list[str | None] = []  # None: a scan, recognized after the others
    url = ""
    chars = 0

    def counted(page: str) -> str:
        nonlocal chars
        chars += len(page)
        if chars > max_chars:
            raise BadArticle(
                f"its text is longer than the {max_chars:,} characters an article may be"
            )
        return page

    for page in _pages(data, check):
        if page.scan:
            pages.append(None)
            continue
        laid = _in_columns(page.text.splitlines()) if page.laid_out else [page.text]
        lines, found = _without_print_marks(_page_lines("\n".join(laid)))
        url = url or found
        read = reading_order(lines, page.mirrored)
        pages.append(counted("\n".join(paragraphs(read, page.laid_out))))
    import tempfile  # here, as ocr: they load shutil, which `timeline extract` avoids

    from timeline.ingest import ocr

    scans = [number for number, page in enumerate(pages, start=1) if page is None]
    read_by_ocr = 0
    if scans and ocr.available():
        if len(scans) > ocr.MAX_OCR_PAGES:
            raise BadArticle(
                f"its {len(scans):,} scanned pages are more than the {ocr.MAX_OCR_PAGES}"
                " recognized in a file"
            )
        with tempfile.TemporaryDirectory(prefix="timeline-ocr-") as folder:
            path = Path(folder) / "scan.pdf"
            path.write_bytes(data)
            for done, number in enumerate(scans):
                if check is not None:
                    check(PageStep(done, len(scans), recognizing=True))
                pages[number - 1] = counted(recognized(ocr.page_text(path, number, Path(folder))))
                read_by_ocr += 1
    text = "\n\n".join(page for page in pages if page is not None and page.strip())
    if not text.strip():
        if scans and not ocr.available():
            raise BadArticle(
                "it holds no text, only images (a scan?): install Tesseract with its Arabic"
                " and Poppler's pdftoppm to have it recognized, or recognize its text first"
            )
        raise BadArticle("no text was found in it")
    return PdfText(text, url, read_by_ocr, 0 if read_by_ocr else len(scans))
