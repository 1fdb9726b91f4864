"""Scanned pages of a PDF read by OCR (timeline/ingest/ocr.py, timeline/ingest/pdf.py).

The pipeline is tested with OCR stood in for (what it reads on a page is the test's to
say); Tesseract itself reads a page the test draws, where it is installed (make test
installs it: scripts/system-deps.sh).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from timeline import library
from timeline.ingest import ArticleFile, BadArticle, PageStep, ocr
from timeline.ingest.pdf import pdf_text
from timeline.store import Store

from .pdf_fixtures import drawn, pdf_bytes, scan_of

TITLE = "افتتاح المكتبة العامة في المدينة القديمة"
DATE = "الأحد 12 يوليو 2015"
BODY = "أعلنت البلدية يوم الأحد عن افتتاح المكتبة العامة بعد ثلاث سنوات من العمل."


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """OCR that reads 'the text of page N' on page N; the pages it was asked for."""
    asked: list[int] = []

    def page_text(pdf: Path, number: int, folder: Path) -> str:
        assert pdf.read_bytes().startswith(b"%PDF") and folder.is_dir()
        asked.append(number)
        return f"النص الممسوح of page {number}\n"

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "page_text", page_text)
    return asked


def test_a_scanned_page_is_read_by_ocr_in_its_place(fake_ocr: list[int]) -> None:
    pages = [drawn(TITLE, 700) + drawn(BODY, 680), [], drawn(BODY, 700)]
    found = pdf_text(pdf_bytes(pages, scanned=[1]), 10**6)
    assert fake_ocr == [2] and found.recognized == 1
    assert found.text.split("\n") == [TITLE, BODY, "", "النص الممسوح of page 2", "", BODY]


def test_the_pages_are_told_as_they_are_read_the_scans_last(fake_ocr: list[int]) -> None:
    # A long read's progress: each page as it starts, then the scans as OCR reads them.
    pages = [drawn(TITLE, 700), [], drawn(BODY, 700), []]
    steps: list[PageStep] = []
    pdf_text(pdf_bytes(pages, scanned=[1, 3]), 10**6, check=steps.append)
    assert steps == [
        *(PageStep(n, 4) for n in range(4)),
        PageStep(0, 2, recognizing=True),
        PageStep(1, 2, recognizing=True),
    ]
    assert fake_ocr == [2, 4]


def test_an_article_of_scans_is_marked_as_recognized(fake_ocr: list[int], tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([[], []], scanned=[0, 1]))
    with ArticleFile(path) as read:
        (draft,) = list(read)
    assert fake_ocr == [1, 2] and draft.body_kind == "ocr"
    assert draft.title.startswith("النص الممسوح")


def test_a_scanned_release_attached_to_a_message_is_read_and_marked(
    fake_ocr: list[int],
) -> None:
    from email.message import EmailMessage

    from timeline.ingest.mail import message_draft

    message = EmailMessage()
    message["Subject"], message["Date"] = "بيان", "Tue, 21 Jul 2015 10:20:00 +0300"
    message.set_content("مرفق.")
    scan = pdf_bytes([[]], scanned=[0])
    message.add_attachment(scan, maintype="application", subtype="pdf", filename="scan.pdf")
    draft = message_draft(message.as_bytes(), "x.eml")
    assert fake_ocr == [1] and draft.body_kind == "ocr"
    assert draft.body == "مرفق.\n\nالنص الممسوح of page 1"


def test_without_ocr_a_scan_is_refused_with_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(BadArticle, match=r"^it holds no text, only images \(a scan\?\): install"):
        pdf_text(pdf_bytes([[]], scanned=[0]), 10**6)
    # Pages with text are read; the scans between them are left out, and counted.
    found = pdf_text(pdf_bytes([drawn(TITLE, 700), []], scanned=[1]), 10**6)
    assert (found.text, found.recognized, found.unread) == (TITLE, 0, 1)
    with pytest.raises(BadArticle, match=r"^no text was found in it$"):
        pdf_text(pdf_bytes([[]]), 10**6)  # no image, no text


def test_scans_left_unread_are_said_by_the_import(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A PDF of text pages and scans, without OCR: its text is stored, and the import
    says how many pages were left (read by the writer, and by a worker a folder ahead)."""
    monkeypatch.setattr(ocr, "available", lambda: False)
    folder = tmp_path / "in"
    folder.mkdir()
    pages = [drawn(TITLE, 700) + drawn(BODY, 680), [], [], drawn(BODY, 700)]
    (folder / "mixed.pdf").write_bytes(pdf_bytes(pages, scanned=[1, 2]))
    (folder / "whole.pdf").write_bytes(pdf_bytes([drawn(TITLE, 700) + drawn(BODY, 680)]))
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [folder], processes=1)
    assert report.added == 2 and not report.failed
    unread = {r.path.name: r.unread_scans for r in report.files}  # type: ignore[union-attr]
    assert unread == {"mixed.pdf": 2, "whole.pdf": 0}
    # A worker's read of a run of small files carries it to the writer.
    ahead = library._read_ahead(sorted(folder.iterdir()), None, False, frozenset())
    assert [library._AheadSource(a).unread_scans for a in ahead] == [2, 0]


def test_too_many_scanned_pages(fake_ocr: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 2)
    with pytest.raises(BadArticle, match=r"^its 3 scanned pages are more than the 2 recognized"):
        pdf_text(pdf_bytes([[], [], []], scanned=[0, 1, 2]), 10**6)
    assert fake_ocr == []


def test_cancel_stops_between_scanned_pages(fake_ocr: list[int], tmp_path: Path) -> None:
    path = tmp_path / "scans.pdf"
    path.write_bytes(pdf_bytes([[], [], []], scanned=[0, 1, 2]))
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [path], cancelled=lambda: len(fake_ocr) >= 1)
        assert report.cancelled and report.added == 0 and fake_ocr == [1]


def test_a_program_that_fails_or_hangs_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    python = sys.executable
    with pytest.raises(BadArticle, match=r"^reading failed \(bad page\)$"):
        ocr._run([python, "-c", "import sys; sys.exit('bad page')"], "reading")
    with pytest.raises(BadArticle, match=r"^reading failed \(exit status 3\)$"):
        ocr._run([python, "-c", "import sys; sys.exit(3)"], "reading")
    monkeypatch.setattr(ocr, "PAGE_SECONDS", 0.5)
    with pytest.raises(BadArticle, match=r"^reading took longer than 0.5 seconds$"):
        ocr._run([python, "-c", "import time; time.sleep(30)"], "reading")


def test_direction_marks_are_not_the_article(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ocr, "_tools", lambda: ("pdftoppm", "tesseract", "ara"))
    monkeypatch.setattr(ocr, "_run", lambda command, what: "نص \u200eword\u200f\u061c".encode())
    assert ocr.page_text(tmp_path / "a.pdf", 1, tmp_path) == "نص word"


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with Arabic, or pdftoppm, is absent")
def test_tesseract_reads_a_scanned_arabic_article(tmp_path: Path) -> None:
    path = scan_of([TITLE, DATE, BODY], tmp_path / "scan.pdf")
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [path])
        assert report.added == 1, report.failed
        article = store.article(1)
        assert article is not None and article.body_kind == "ocr"
        assert article.title == TITLE
        assert article.published_raw == DATE  # the date line under the title, read
        words = set(BODY.rstrip(".").split())
        read = set(article.body.replace(".", " ").split())
        assert len(words & read) >= 0.8 * len(words)


def _png_header(width: int, height: int) -> bytes:
    """The start of a PNG that states its size (what is checked before OCR reads it)."""
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
        + width.to_bytes(4, "big")
        + height.to_bytes(4, "big")
        + b"\x08\x00\x00\x00\x00"
    )


def _jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0\x00\x11\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return b"\xff\xd8" + app0 + sof0 + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"


def test_picture_sizes_are_read_from_their_headers() -> None:
    from timeline.ingest import pasted_suffix

    assert ocr.image_size(_png_header(1654, 900)) == (1654, 900)
    assert ocr.image_size(_jpeg_header(4000, 3000)) == (4000, 3000)
    assert ocr.image_size(b"GIF89a") is None
    # Piped to `timeline import -`, kept under the suffix its bytes say.
    assert pasted_suffix(_png_header(10, 10)) == ".png"
    assert pasted_suffix(_jpeg_header(10, 10)) == ".jpg"


@pytest.fixture
def fake_tesseract(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Tesseract stood in for: it reads a title, a date line and a body in any picture;
    the commands it was run with."""
    commands: list[list[str]] = []

    def run(command: list[str], what: str) -> bytes:
        commands.append(command)
        return f"{TITLE}\n{DATE}\n\n\u200f{BODY}\n".encode()

    monkeypatch.setattr(ocr, "_tools", lambda: ("pdftoppm", "tesseract", "ara+eng"))
    monkeypatch.setattr(ocr, "_run", run)
    return commands


def test_a_picture_of_an_article_is_read_by_ocr_when_named(
    fake_tesseract: list[list[str]], tmp_path: Path
) -> None:
    import zipfile

    folder = tmp_path / "clippings"
    folder.mkdir()
    clip, photo = folder / "clip.png", folder / "photo.jpg"
    clip.write_bytes(_png_header(1654, 900))
    photo.write_bytes(_jpeg_header(4000, 3000))
    with zipfile.ZipFile(tmp_path / "pictures.zip", "w") as archive:
        archive.write(clip, "clip.png")
    with Store(tmp_path / "t.db") as store:
        # Named, each is read (the two read the same: the second is known again), and
        # said as OCR starts on it (the seconds it takes).
        told: list[tuple[str, PageStep]] = []
        report = library.import_paths(store, [clip, photo], pages=lambda *a: told.append(a))
        assert report.added == 1 and report.duplicates == 1 and not report.failed
        assert told == [
            (name, PageStep(0, 1, recognizing=True)) for name in ("clip.png", "photo.jpg")
        ]
        article = store.article(1)
        assert article is not None and article.body_kind == "ocr"
        assert (article.title, article.published_raw, article.body) == (TITLE, DATE, BODY)
        # A folder's pictures and a zip's are not articles to read (a page's icons, an
        # article's photos): skipped, and said.
        report = library.import_paths(store, [folder, tmp_path / "pictures.zip"])
        assert sorted(p.name for p in report.skipped) == ["clip.png", "photo.jpg"]
        (zipped,) = report.files
        assert zipped.rejections == [
            "clip.png: a picture in a zip is not read: import it on its own"
        ]
    assert [c[0] for c in fake_tesseract] == ["tesseract", "tesseract"]


def test_pictures_that_cannot_be_read(fake_tesseract: list[list[str]], tmp_path: Path) -> None:
    def read(data: bytes, name: str = "a.png") -> list:
        path = tmp_path / name
        path.write_bytes(data)
        with ArticleFile(path) as source:
            return list(source)

    with pytest.raises(BadArticle, match=r"^not a PNG or JPEG picture$"):
        read("عنوان\nنص\n".encode())
    with pytest.raises(BadArticle, match=r"^a picture of 100,000 by 100,000 pixels, more than"):
        read(_png_header(100_000, 100_000))  # a few bytes that say ten gigapixels
    assert fake_tesseract == []  # neither reached Tesseract


def test_without_ocr_a_picture_is_refused_with_advice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ocr, "_tools", lambda: None)
    path = tmp_path / "clip.jpg"
    path.write_bytes(_jpeg_header(800, 600))
    with (
        pytest.raises(BadArticle, match=r"^a picture: install Tesseract with its Arabic"),
        ArticleFile(path) as source,
    ):
        list(source)


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with Arabic, or pdftoppm, is absent")
def test_tesseract_reads_a_screenshot_of_an_article(tmp_path: Path) -> None:
    path = scan_of([TITLE, DATE, BODY], tmp_path / "screenshot.png")
    with ArticleFile(path) as source:
        (draft,) = list(source)
    assert (draft.title, draft.published_raw, draft.body_kind) == (TITLE, DATE, "ocr")
    words = set(BODY.rstrip(".").split())
    assert len(words & set(draft.body.replace(".", " ").split())) >= 0.8 * len(words)


def test_pictures_need_tesseract_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Tesseract without Poppler's pdftoppm: pictures are read, a PDF's scans cannot be.
    monkeypatch.setattr(ocr, "_tools", lambda: (None, "tesseract", "ara"))
    monkeypatch.setattr(ocr, "_run", lambda command, what: f"{TITLE}\n\n{BODY}\n".encode())
    path = tmp_path / "clip.png"
    path.write_bytes(_png_header(800, 600))
    with ArticleFile(path) as source:
        (draft,) = list(source)
    assert draft.title == TITLE and not ocr.available()
    with pytest.raises(BadArticle, match=r"^it holds no text, only images \(a scan\?\): install"):
        pdf_text(pdf_bytes([[]], scanned=[0]), 10**6)
