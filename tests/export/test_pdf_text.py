"""The PDF image's text layer: Arabic as letters a search finds, not Qt's shaped forms,
and nothing else of the file changed (timeline.export.pdf_text)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from PySide6.QtWidgets import QApplication

import timeline.export.image as image_module
from timeline.export import Selection, export
from timeline.export.pdf_text import rewrite_map, searchable
from timeline.ingest.own_exports import IMAGE_CREATOR
from timeline.library import import_paths
from timeline.store import Store
from timeline.ui.fonts import application_font, load_bundled_fonts

# Made-up words: a name no legend or axis holds, تاريخ after a letter, and a lam-alef
# ligature (الاحتفال) and a lam with hamza'd alef (الأخير).
TITLE = "الاحتفال الأخير بتاريخ مدينة زرافستان"
WORDS = ["الاحتفال", "الأخير", "بتاريخ", "مدينة", "زرافستان"]
SHAPED = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _one_letter_forms(text: str) -> list[str]:
    """The shaped forms in text that stand for one letter (a ligature of two or more,
    lam-alef, is kept as its code point: see pdf_text._letters_of)."""
    return [c for c in SHAPED.findall(text) if len(unicodedata.normalize("NFKC", c).strip()) == 1]


_GS = ["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-r96"]


@pytest.fixture(autouse=True)
def fonts(qapp: QApplication) -> None:
    load_bundled_fonts()
    qapp.setFont(application_font())


@pytest.fixture
def one_title(tmp_path: Path):
    path = tmp_path / "one.jsonl"
    record = {"title": TITLE, "body": "نص قصير.", "published": "2021-03-05T10:00"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(tmp_path / "one.db") as store:
        import_paths(store, [path])
        yield store


def _exported(store: Store, path: Path) -> PdfReader:
    assert export(store, "pdf", Selection(), path, width=1200, height=300) == 1
    return PdfReader(path)


def test_the_pdf_text_holds_a_titles_arabic_words_in_letters(
    one_title: Store, tmp_path: Path
) -> None:
    reader = _exported(one_title, tmp_path / "t.pdf")
    drawn = _drawn_text(reader)
    for word in WORDS:
        # As a reader's search finds it: with the ligatures folded (NFKC), as Poppler's,
        # pdf.js's and Acrobat's do; the words without a ligature as they are.
        assert word in unicodedata.normalize("NFKC", drawn).split(), (word, drawn)
        if not re.search("ل[اأإآى]", word):  # no lam-alef or lam-alef maqsura ligature
            assert word in drawn.split(), (word, drawn)
    # pypdf's own readings: no shaped form either.  (Its plain reading turns each run of
    # Arabic round, glyph by glyph, and its layout reading cut زرافستان in two in an
    # English interface: the words' order is a reader's, not the file's text.)
    page = reader.pages[0]
    found = page.extract_text() + page.extract_text(extraction_mode="layout")
    assert not _one_letter_forms(found), _one_letter_forms(found)
    # The space between words is a space, not the tab Qt mapped the space's glyph to.
    assert "\t" not in found and "5 March 2021" in drawn, repr(drawn)


def _drawn_text(reader: PdfReader) -> str:
    """The page's text as drawn: each glyph's ToUnicode text, in the order Qt draws them
    (a word's glyphs in reading order), a space between the runs of text (BT ... ET)."""
    page = reader.pages[0]
    maps = {
        name: _read_map(ref.get_object()["/ToUnicode"].get_object().get_data())
        for name, ref in page["/Resources"]["/Font"].items()
    }
    runs: list[str] = []
    font: dict[int, str] = {}
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"BT":
            runs.append("")
        elif operator == b"Tf":
            font = maps[operands[0]]
        elif operator == b"Tj":
            codes = bytes(operands[0].original_bytes)
            runs[-1] += "".join(
                font.get(int.from_bytes(codes[i : i + 2], "big"), "?")
                for i in range(0, len(codes), 2)
            )
    return " ".join(runs)


def _read_map(data: bytes) -> dict[int, str]:
    """A ToUnicode map as Qt and the rewrite write them (bfrange with arrays or counting
    up, bfchar): code to text."""

    def text(digits: bytes) -> str:
        return bytes.fromhex(digits.decode()).decode("utf-16-be")

    data = data.split(b"endcodespacerange")[-1]
    found: dict[int, str] = {}
    for low, high, array, start in re.findall(
        rb"<([0-9A-F]+)> <([0-9A-F]+)> (?:\[([^\]]*)\]|<([0-9A-F]+)>)", data
    ):
        first = int(low, 16)
        if array:
            for offset, digits in enumerate(re.findall(rb"<([0-9A-F]+)>", array)):
                found[first + offset] = text(digits)
        else:
            base = text(start)
            for offset in range(int(high, 16) - first + 1):
                found[first + offset] = base[:-1] + chr(ord(base[-1]) + offset)
    for code, digits in re.findall(rb"^<([0-9A-F]+)> <([0-9A-F]+)>$", data, re.MULTILINE):
        found[int(code, 16)] = text(digits)
    return found


def _qt_and_rewritten(store: Store, tmp_path: Path, monkeypatch: Any) -> tuple[bytes, bytes]:
    """The PDF as Qt wrote it, and as the export writes it."""
    made: list[bytes] = []

    def kept(data: bytes) -> bytes:
        made.append(data)
        return data

    monkeypatch.setattr(image_module, "searchable", kept)
    _exported(store, tmp_path / "qt.pdf")
    monkeypatch.undo()
    return made[0], searchable(made[0])


def _parts(data: bytes) -> dict[str, Any]:
    """Everything of a one-page PDF but its fonts' ToUnicode maps, and those apart."""
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    parts: dict[str, Any] = {
        "header": reader.pdf_header,
        "info": dict(reader.metadata or {}),
        "contents": page.get_contents().get_data(),
        "box": [float(x) for x in page.mediabox],
    }
    for name, ref in page["/Resources"]["/Font"].items():
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        file = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object()
        parts[f"{name} file"] = file.get_data()
        parts[f"{name} widths"] = repr(descendant.get("/W"))
        parts[f"{name} base"] = str(font["/BaseFont"])
        parts[f"{name} map"] = font["/ToUnicode"].get_object().get_data()
    return parts


def test_only_the_fonts_maps_change_and_only_where_a_search_needs_it(
    one_title: Store, tmp_path: Path, monkeypatch: Any
) -> None:
    qt, rewritten = _qt_and_rewritten(one_title, tmp_path, monkeypatch)
    before, after = _parts(qt), _parts(rewritten)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {key for key in before if key.endswith(" map")}, changed
    assert after["info"]["/Creator"] == IMAGE_CREATOR
    assert before["header"] == after["header"] == "%PDF-1.4"
    kinds: set[tuple[str, str]] = set()
    for key in changed:
        was, now = _read_map(before[key]), _read_map(after[key])
        assert was.keys() == now.keys()
        for code, text in was.items():
            if _one_letter_forms(text):
                assert now[code] == unicodedata.normalize("NFKC", text).strip()
                assert not SHAPED.search(now[code])
                kinds.add(("shaped", key))
            elif SHAPED.search(text):  # a ligature: its one code point, as Qt mapped it
                assert now[code] == text
                kinds.add(("ligature", key))
            elif text == "\t":
                assert now[code] == " "
                kinds.add(("tab", key))
            else:  # Latin letters, digits, Arabic already letters: as Qt mapped them
                assert now[code] == text
    # The Arabic font had both; the Latin one only its space.
    assert {kind for kind, _ in kinds} == {"shaped", "ligature", "tab"}
    assert len({key for _, key in kinds}) == 2


def test_a_page_rendered_before_and_after_is_the_same(
    one_title: Store, tmp_path: Path, monkeypatch: Any
) -> None:
    if shutil.which("gs") is None:
        pytest.skip("Ghostscript (gs) is not installed")
    qt, rewritten = _qt_and_rewritten(one_title, tmp_path, monkeypatch)
    pictures = []
    for name, data in (("qt", qt), ("rewritten", rewritten)):
        pdf, png = tmp_path / f"{name}.pdf", tmp_path / f"{name}.png"
        pdf.write_bytes(data)
        subprocess.run(
            [*_GS, "-o", str(png), str(pdf)],
            check=True,
            capture_output=True,
        )
        pictures.append(png.read_bytes())
    assert pictures[0] == pictures[1]


def test_the_image_is_still_refused_as_an_article(one_title: Store, tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    _exported(one_title, path)
    with Store(tmp_path / "other.db") as other:
        report = import_paths(other, [path])
    assert report.added == 0 and "image of a timeline" in report.files[0].error


def _map(body: str) -> bytes:
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()


def _entries(data: bytes) -> dict[str, str]:
    pairs = re.findall(rb"<([0-9A-F]+)> <([0-9A-F]+)>", data.split(b"endcodespacerange")[1])
    return {code.decode(): bytes.fromhex(text.decode()).decode("utf-16-be") for code, text in pairs}


def test_a_map_of_shaped_forms_is_rewritten_to_letters() -> None:
    data = _map(
        "3 beginbfrange\n"
        "<0001> <0003> [<FE97> <FEFB> <0645>]\n"
        "<0010> <0012> <FE8D>\n"  # counts up: FE8D FE8E FE8F, alef alef beh
        "<0020> <0020> <FE70>\n"  # a fathatan's isolated form: the mark, not a space
        "endbfrange\n2 beginbfchar\n<0030> <FDF2>\n<0031> <0009>\nendbfchar\n"
    )
    rewritten = rewrite_map(data)
    assert rewritten is not None
    assert _entries(rewritten) == {
        "0001": "ت",
        "0002": "\ufefb",  # lam-alef: a ligature stays its code point
        "0003": "م",
        "0010": "ا",
        "0011": "ا",
        "0012": "ب",
        "0020": "\u064b",
        "0030": "\ufdf2",
        "0031": " ",
    }
    assert rewritten.startswith(data.split(b"3 beginbfrange")[0])
    assert rewritten.endswith(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    assert rewrite_map(rewritten) is None  # letters stay letters


def test_a_map_without_shaped_forms_or_not_read_is_left() -> None:
    assert (
        rewrite_map(_map("1 beginbfrange\n<0001> <0003> [<0031> <0041> <0627>]\nendbfrange\n"))
        is None
    )
    assert rewrite_map(_map("1 beginbfrange\n<0001> <0003> [<FE97> <FEFB>]\nendbfrange\n")) is None
    assert rewrite_map(_map("1 beginbfchar\n<0001> <FE9>\nendbfchar\n")) is None
    assert rewrite_map(_map("1 beginbfchar\n<0001>\nendbfchar\n")) is None


def test_a_one_byte_code_keeps_its_width() -> None:
    data = _map("1 beginbfchar\n<41> <FE97>\nendbfchar\n")
    assert b"<41> <062A>" in (rewrite_map(data) or b"")


def test_a_pdf_that_cannot_be_read_is_written_as_it_was() -> None:
    assert searchable(b"%PDF-1.4 not a pdf") == b"%PDF-1.4 not a pdf"


def test_a_map_of_more_codes_than_two_bytes_hold_is_left() -> None:
    ranges = "".join(f"<{n:04X}0000> <{n:04X}FFFF> <FE97>\n" for n in range(3))
    assert rewrite_map(_map(f"3 beginbfrange\n{ranges}endbfrange\n")) is None
    one = "<00000000> <0000FFFF> <FE97>\n"
    assert rewrite_map(_map(f"1 beginbfrange\n{one}endbfrange\n")) is not None
    # The same codes again and again: the work, not only the codes, is bounded.
    again = "<0000> <FFFF> <FE97>\n" * 3
    assert rewrite_map(_map(f"3 beginbfrange\n{again}endbfrange\n")) is None
    array = "<0000> <FFFF> [" + "<FE97> " * 0x10001 + "]\n"
    assert rewrite_map(_map(f"1 beginbfrange\n{array}endbfrange\n")) is None
