"""Compressed inputs: .gz of any format, .zip archives of files, and bombs refused."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from tests.ingest.format_fixtures import BODY, OTHER_BODY, marked_zip_member, page, rss
from timeline import ingest, library
from timeline.ingest import ArticleFile, BadArticle, Rejected, collect_files, format_of, inflate
from timeline.store import Store


def items(path: Path) -> list:
    with ArticleFile(path) as source:
        return list(source)


def jsonl(*bodies: str) -> bytes:
    lines = [
        json.dumps({"title": f"عنوان {n}", "body": b}, ensure_ascii=False)
        for n, b in enumerate(bodies)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_format_of_names() -> None:
    assert format_of("a.jsonl.gz") == ("jsonl", True)
    assert format_of("crawl.warc.gz") == ("warc", False)
    assert format_of("feed.RSS") == ("feed", False)
    assert format_of("a.zip.gz") is None and format_of("photo.gif") is None
    assert format_of("photo.png") == format_of("scan.JPG") == ("image", False)  # read by OCR


def test_content_bytes_counts_the_text_a_compressed_file_holds(tmp_path: Path) -> None:
    text = jsonl(*(BODY for _ in range(200)))
    plain = tmp_path / "a.jsonl"
    plain.write_bytes(text)
    packed = tmp_path / "a.jsonl.gz"
    packed.write_bytes(gzip.compress(text))
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("one.jsonl", text)
        z.writestr("two.jsonl", text)
    assert packed.stat().st_size < len(text) // 4
    assert ingest.content_bytes(plain) == len(text)
    assert ingest.content_bytes(packed) == len(text)
    assert ingest.content_bytes(archive) == 2 * len(text)
    broken = tmp_path / "b.zip"
    broken.write_bytes(b"PK not a zip")
    assert ingest.content_bytes(broken) == len(b"PK not a zip")  # its size: said when read
    assert ingest.content_bytes(tmp_path / "gone.jsonl.gz") == 0
    fifo = tmp_path / "piped.jsonl.gz"
    os.mkfifo(fifo)
    assert ingest.content_bytes(fifo) == 0  # not opened: it would wait for a writer


def test_jsonl_gz_streams_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(BODY, OTHER_BODY)))
    with ArticleFile(path) as source:
        found = list(source)
        assert source.position == source.size
    assert [d.body for d in found] == [BODY, OTHER_BODY]


def test_folder_picks_compressed_and_new_formats(tmp_path: Path) -> None:
    (tmp_path / "a.csv.gz").write_bytes(gzip.compress(f"title,body\nأ,{BODY}\n".encode()))
    (tmp_path / "b.rss").write_text(rss(1), encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    files, skipped = collect_files([tmp_path])
    assert [Path(f).name for f in files] == ["a.csv.gz", "b.rss"]
    assert [p.name for p in skipped] == ["c.png"]


def test_a_zip_whose_names_begin_with_dot_slash_is_read(tmp_path: Path) -> None:
    # Some archivers write every name as ./folder/file: each was taken for a hidden file
    # and left out, and the archive said "no articles in it".
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("./news/a.csv", f"title,body\nأ,{BODY}\n")
        archive.writestr("./news/../b.csv", f"title,body\nب,{OTHER_BODY}\n")
        archive.writestr("./news/.DS_Store", "x")
        archive.writestr("./.git/config.csv", "x")
    assert [(d.title, d.origin) for d in items(path)] == [  # in the names' order
        ("ب", f"{path}/./news/../b.csv"),
        ("أ", f"{path}/./news/a.csv"),
    ]


def test_zip_of_files(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sheets/a.csv", f"title,body\nأ,{BODY}\n")
        archive.writestr("feed.rss", rss(1))
        archive.writestr("page.html.gz", gzip.compress(page(OTHER_BODY).encode()))
        archive.writestr("notes.rtf", "ملاحظات")
        archive.writestr("__MACOSX/._a.csv", "x")
        archive.writestr("inner.zip", b"PK")
    found = items(path)
    rejected = [str(x) for x in found if isinstance(x, Rejected)]
    assert rejected == [
        "inner.zip: a zip inside a zip is not opened",
        "notes.rtf: not an article format",
    ]
    drafts = [x for x in found if not isinstance(x, Rejected)]
    assert sorted(d.origin for d in drafts) == [
        f"{path}/feed.rss",
        f"{path}/page.html.gz",
        f"{path}/sheets/a.csv",
    ]
    report = library.import_paths(store, [path])
    assert report.added == 3 and report.rejected == 2


def test_gzip_bomb_is_refused(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inflate, "RATIO_FREE_BYTES", 1 << 20)
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as out:
        for _ in range(8):
            out.write(b"\0" * (1 << 20))
    with pytest.raises(BadArticle, match="compression bomb"):
        items(path)
    assert library.import_paths(store, [path]).failed and store.count_articles() == 0


def test_zip_bomb_is_refused(tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "RATIO_FREE_BYTES", 1 << 20)
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.jsonl", jsonl(BODY))
        archive.writestr("b.jsonl", b"\0" * (8 << 20))
    with pytest.raises(BadArticle, match="zip bomb"):
        items(path)
    report = library.import_paths(store, [path])
    assert report.failed and store.count_articles() == 0


def gzip_cut_in_half(data: bytes) -> bytes:
    """data gzipped and cut at half (as a download that stopped), written in blocks as
    gzip writes a large file, so that the cut leaves data to inflate."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as packed:
        for at in range(0, len(data), 4096):
            packed.write(data[at : at + 4096])
            packed.flush()
    whole = out.getvalue()
    return whole[: len(whole) // 2]


def _cut_in_half(path: Path, lines: list[str]) -> None:
    """Lines gzipped into path and cut at half (gzip_cut_in_half)."""
    path.write_bytes(gzip_cut_in_half(("\n".join(lines) + "\n").encode("utf-8")))


def _cut_gzip(tmp_path: Path, records: int) -> tuple[Path, int]:
    """A .jsonl.gz of made-up articles cut short, and how many whole records its part
    holds."""
    lines = [
        json.dumps({"title": f"عنوان {n}", "body": f"{BODY} رقم {n}"}, ensure_ascii=False)
        for n in range(records)
    ]
    path = tmp_path / "cut.jsonl.gz"
    _cut_in_half(path, lines)
    with gzip.open(path) as inflated:
        read = b""
        try:
            while chunk := inflated.read1(4096):  # (read() drops what it gathered)
                read += chunk
        except EOFError:
            pass
    return path, read.count(b"\n")


def test_a_gzip_cut_short_keeps_the_records_before_the_cut(tmp_path: Path, store: Store) -> None:
    # A .jsonl.gz cut part way (a download that stopped) added nothing where the same cut
    # of the .jsonl keeps every whole record: the records read before stand, the rest is
    # one record left out, as a zip member's.
    path, whole = _cut_gzip(tmp_path, 4000)
    assert 0 < whole < 4000
    report = library.import_paths(store, [path])
    (result,) = report.files
    assert result.error is None and store.count_articles() == result.added
    assert whole - 1 <= result.added <= whole  # (the record the cut falls in is lost)
    (line,) = result.rejections
    assert line.startswith(f"after record {result.added:,}: damaged or truncated gzip data (")
    assert line.endswith("; the rest of the file was not read")


def test_strict_fails_a_gzip_cut_short_whole(tmp_path: Path, store: Store) -> None:
    path, _whole = _cut_gzip(tmp_path, 4000)
    report = library.import_paths(store, [path], strict=True)
    (failed,) = report.failed
    assert "gzip" in (failed.error or "") and store.count_articles() == 0


def test_damaged_gzip_before_its_first_record_fails_the_file(tmp_path: Path, store: Store) -> None:
    data = gzip.compress(jsonl(BODY, OTHER_BODY) * 50)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[:40])
    report = library.import_paths(store, [path])
    (failed,) = report.failed
    assert "gzip" in (failed.error or "") and store.count_articles() == 0


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(BadArticle, match="not a readable zip"):
        items(path)


def test_zip_member_with_damaged_deflate_data_is_one_skipped_record(tmp_path: Path) -> None:
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.jsonl", jsonl(BODY))
        archive.writestr("b.jsonl", jsonl(OTHER_BODY))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        first = archive.getinfo("a.jsonl")
    start = first.header_offset + 30 + len(first.filename.encode()) + len(first.extra)
    # A final stored block whose length and its complement disagree: zlib.error, not OSError.
    data[start : start + 5] = b"\x01\x30\x00\xcf\xfe"
    path.write_bytes(bytes(data))
    skipped, draft = items(path)
    assert isinstance(skipped, Rejected) and skipped.where == "a.jsonl"
    assert "stored block" in skipped.reason
    assert draft.body == OTHER_BODY


def test_a_zip_member_that_needs_a_password_or_an_unread_compression_is_skipped(
    tmp_path: Path, store: Store
) -> None:
    # Zipped on Windows (Deflate64 for a large file) or with a password: zipfile opens
    # no such member, and that one member is said, in words, while the rest is read.
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("a.jsonl", jsonl(BODY))
        for name in ("locked.jsonl", "strong.jsonl", "wide.jsonl"):
            archive.writestr(name, jsonl(OTHER_BODY))
    data = marked_zip_member(packed.getvalue(), "locked.jsonl", flags=0x1)
    data = marked_zip_member(data, "strong.jsonl", flags=0x40)
    path = tmp_path / "mixed.zip"
    path.write_bytes(marked_zip_member(data, "wide.jsonl", method=9))
    found = items(path)
    assert [str(x) for x in found if isinstance(x, Rejected)] == [
        "locked.jsonl: needs a password (an encrypted file is not read)",
        "strong.jsonl: needs a password (an encrypted file is not read)",
        "wide.jsonl: compressed in a way that cannot be read: zip it again with"
        " ordinary compression",
    ]
    assert [x.body for x in found if not isinstance(x, Rejected)] == [BODY]
    report = library.import_paths(store, [path])
    assert (report.added, report.rejected, report.failed) == (1, 3, [])


@pytest.mark.parametrize("suffix", [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".TAR.XZ"])
def test_a_tar_archive_is_said_to_be_one(tmp_path: Path, suffix: str) -> None:
    # "unsupported file type '.gz' (use ... .zip, .gz)" named .gz as usable.
    path = tmp_path / f"articles{suffix}"
    path.write_bytes(gzip.compress(b"x"))
    with pytest.raises(BadArticle) as caught:
        items(path)
    assert str(caught.value) == (
        f"a tar archive ({suffix.lower()}) is not read: unpack it and import its folder,"
        " or make a .zip of it"
    )


def test_a_tar_archive_inside_a_zip_is_said_to_be_one(tmp_path: Path) -> None:
    # As a zip inside a zip, it is not opened; it was "not an article format".
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.csv", f"title,body\nأ,{BODY}\n")
        for name in ("b.tar.gz", "c.TGZ", "d.tar", "e.tar.xz"):
            archive.writestr(name, gzip.compress(b"x"))
    found = items(path)
    assert [str(x) for x in found if isinstance(x, Rejected)] == [
        f"{name}: a tar archive inside a zip is not opened"
        for name in ("b.tar.gz", "c.TGZ", "d.tar", "e.tar.xz")
    ]
    assert [x.title for x in found if not isinstance(x, Rejected)] == ["أ"]


def test_a_cut_is_said_first_whatever_else_was_left_out(tmp_path: Path, store: Store) -> None:
    # A report keeps the first five lines of what it left out: a .csv.gz cut at half,
    # after a dozen rows of no body, said those rows and not that the file was cut.
    rows = ["title,body"]
    rows += [f"فارغ {n}," for n in range(8)]
    rows += [f"عنوان {n},{BODY} رقم {n}" for n in range(4000)]
    path = tmp_path / "cut.csv.gz"
    _cut_in_half(path, rows)
    (result,) = library.import_paths(store, [path]).files
    assert result.error is None and result.added > 100
    assert result.rejected == 9 and len(result.rejections) == 5
    assert result.rejections[0].startswith(f"after record {result.added + 8:,}: damaged")
    assert result.rejections[1].startswith("row 2: ")
