"""Images of the timeline: PNG size, SVG that a second renderer draws like the PNG, PDF
whose text reads back in logical order."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from timeline.export import Selection, export
from timeline.library import import_paths
from timeline.model import to_axis
from timeline.store import Store
from timeline.ui.fonts import application_font, load_bundled_fonts

TITLES = [
    "القمة العربية تبدأ أعمالها",
    "افتتاح معرض الكتاب",
    "Parliament opens its session",
    "وزير الخارجية يصل إلى عمّان",
]


@pytest.fixture(autouse=True)
def fonts(qapp: QApplication) -> None:
    load_bundled_fonts()
    qapp.setFont(application_font())


@pytest.fixture
def titled_store(tmp_path: Path):
    """Four short articles in March 2021, with no dates in their text."""
    path = tmp_path / "few.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for day, title in enumerate(TITLES, start=1):
            record = {"title": title, "body": "نص.", "published": f"2021-03-{day * 5:02d}T10:00"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with Store(tmp_path / "few.db") as store:
        import_paths(store, [path])
        yield store


def _march() -> Selection:
    from datetime import datetime

    return Selection(
        date_from=to_axis(datetime(2021, 2, 25)), date_to=to_axis(datetime(2021, 4, 1))
    )


def _span(first_year: int, last_year: int) -> Selection:
    from datetime import datetime

    return Selection(
        date_from=to_axis(datetime(first_year, 1, 1)), date_to=to_axis(datetime(last_year, 1, 1))
    )


def _ink(image: QImage, block: int = 10) -> np.ndarray:
    """Which block x block squares of the image hold ink (anything darker than light grey)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = grey.width(), grey.height()
    data = np.frombuffer(grey.constBits(), dtype=np.uint8, count=grey.sizeInBytes())
    pixels = data.reshape(height, grey.bytesPerLine())[:, :width]
    rows, cols = height // block, width // block
    blocks = pixels[: rows * block, : cols * block].reshape(rows, block, cols, block)
    return blocks.min(axis=(1, 3)) < 200


def _grown(ink: np.ndarray) -> np.ndarray:
    grown = ink.copy()
    grown[1:] |= ink[:-1]
    grown[:-1] |= ink[1:]
    grown[:, 1:] |= ink[:, :-1]
    grown[:, :-1] |= ink[:, 1:]
    return grown


def agreement(a: QImage, b: QImage) -> float:
    """The share of inked squares of each image with ink at or next to them in the other
    (the smaller of the two): fonts and antialiasing may differ, the drawing may not."""
    ink_a, ink_b = _ink(a), _ink(b)
    return min(
        (ink_a & _grown(ink_b)).sum() / max(ink_a.sum(), 1),
        (ink_b & _grown(ink_a)).sum() / max(ink_b.sum(), 1),
    )


def test_png_has_the_chosen_width_and_scale(titled_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "t.png"
    count = export(titled_store, "png", _march(), path, width=900, height=300, scale=2.0)
    assert count == 4
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1800, 600)
    assert _ink(image).sum() > 50  # something is drawn on the background


def test_an_image_past_the_pixel_cap_is_refused_in_words_and_nothing_written(
    titled_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 px square at scale 8 failed as "Image is empty" after Qt's warnings."""
    import timeline.export.image as image_module

    monkeypatch.setattr(image_module, "MAX_IMAGE_PIXELS", 1_000_000)
    path = tmp_path / "t.png"
    with pytest.raises(OSError, match="an image of 1,800 x 600 pixels is more than can be drawn"):
        export(titled_store, "png", _march(), path, width=900, height=300, scale=2.0)
    assert list(tmp_path.glob("t.png*")) == []
    export(titled_store, "png", _march(), path, width=900, height=300, scale=1.0)
    assert QImage(str(path)).width() == 900


@pytest.mark.parametrize("fmt", ["pdf", "svg"])
def test_a_vector_image_holds_no_picture_of_its_own_size(
    titled_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Its labels were laid out by painting it on an image of its size first: 1.6 GB for
    a PDF 20,000 points square."""
    import timeline.export.image as image_module

    made: list[tuple[int, int]] = []

    class Recorded(QImage):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append((self.width(), self.height()))

    monkeypatch.setattr(image_module, "QImage", Recorded)
    path = tmp_path / f"t.{fmt}"
    assert export(titled_store, fmt, _march(), path, width=4000, height=3000) == 4
    assert path.stat().st_size > 0
    assert all(w * h < 1_000_000 for w, h in made), made


def test_untrusted_labels_are_drawn_as_the_window_draws_them(tmp_path: Path) -> None:
    """The window shows an article's control characters and bidi overrides as symbols
    (for_display); the images drew them raw: an SVG holding a title's \\x01 or U+FFFE was
    no XML a browser would open, and an RLO reversed the words after it in any image."""
    import xml.dom.minidom

    path = tmp_path / "hostile.jsonl"
    record = {
        "title": "عنوان \x01\x1b[31m \ufffe \u202eabc.exe end",
        "body": "نص.",
        "published": "2021-03-05T10:00",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Store(tmp_path / "h.db") as store:
        import_paths(store, [path])
        svg = tmp_path / "h.svg"
        export(store, "svg", _march(), svg, width=1400, height=400)
    text = svg.read_text(encoding="utf-8")
    xml.dom.minidom.parseString(text)  # well-formed
    assert "\u2401\u241b" in text  # the window's symbols for \x01 and ESC
    assert "\u202e" not in text and "\ufffe" not in text
    assert "\ufffdabc.exe end" in text  # the RLO that would reverse them, shown


def test_pdf_text_is_the_titles_in_logical_order(titled_store: Store, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "t.pdf"
    export(titled_store, "pdf", _march(), path, width=1400, height=400)
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # pdftotext gives Arabic glyphs as presentation forms (NFKC folds them to letters),
    # wraps right-to-left lines in embedding marks, and puts a mark (the shadda of عمّان)
    # before the letter it sits on: letters are compared in order, marks counted apart.
    lines = [_letters(line) for line in text.splitlines()]
    for title in TITLES:
        letters, marks = _letters(title)
        assert (letters, marks) in lines, (title, lines)


def _letters(text: str) -> tuple[str, int]:
    plain = unicodedata.normalize("NFKC", text)
    plain = "".join(c for c in plain if c not in "\u202a\u202b\u202c\u200e\u200f")
    marks = sum(unicodedata.category(c) == "Mn" for c in plain)
    letters = "".join(c for c in plain if unicodedata.category(c) != "Mn")
    return " ".join(letters.split()), marks


def test_svg_drawn_by_a_second_renderer_looks_like_the_png(
    titled_store: Store, tmp_path: Path
) -> None:
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert (librsvg2-bin) is not installed")
    svg, png, other = tmp_path / "t.svg", tmp_path / "t.png", tmp_path / "other.png"
    export(titled_store, "svg", _march(), svg, width=1000, height=320)
    export(titled_store, "png", _march(), png, width=1000, height=320)
    # The same events over two years: a different picture to measure the match against.
    export(titled_store, "png", _span(2020, 2022), other, width=1000, height=320)
    drawn = tmp_path / "rsvg.png"
    subprocess.run(
        ["rsvg-convert", "--width", "1000", "--height", "320", "-o", str(drawn), str(svg)],
        check=True,
        capture_output=True,
    )
    assert "<text" in svg.read_text(encoding="utf-8") or "<path" in svg.read_text(encoding="utf-8")
    ours, theirs, elsewhere = (QImage(str(p)) for p in (png, drawn, other))
    assert _ink(theirs).sum() > 50
    same = agreement(ours, theirs)
    assert same >= 0.9, same
    assert agreement(ours, elsewhere) < same - 0.1  # the measure tells pictures apart
