"""Fuzzing the parts that read untrusted input: importers, dates, extraction, search, terminal.

Each test says what must hold for any input: no crash other than the documented
errors, spans inside the text, store unchanged by a failed file.  `make fuzz` runs
them with thousands of examples (FUZZ_EXAMPLES) and prints timing figures.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SAMPLES
from tests.fuzz.strategies import FUZZ, arabic_like, mutated
from tests.ingest.pdf_fixtures import drawn, lettered, pdf_bytes
from timeline import dating, library
from timeline.ingest import ArticleFile, BadArticle, Rejected, UnreadableFile
from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store.search import search
from timeline.text import terminal_safe
from timeline.text.query import SearchError, parse_query

SEED_TEXT = (SAMPLES / "02_suez.txt").read_bytes()
SEED_JSONL = "\n".join(
    json.dumps(
        {"title": f"عنوان &#8220;{n}&#8221;", "body": "متن في 5 أيار 2021", "published": "2021"},
        ensure_ascii=False,
    )
    for n in range(3)
).encode()
SEED_JSON = json.dumps([{"title": "أ", "body": "ب", "published": "2021-05-22"}]).encode()
# PDFs both ways producers write Arabic (tests/ingest/pdf_fixtures.py): their objects,
# fonts' maps and drawing instructions are all plain text to mutate.
SEED_PDF_DRAWN = pdf_bytes([drawn("عنوان الخبر", 700) + drawn("متن في 5 أيار 2021 (مؤكد)", 680)])
SEED_PDF_LETTERED = pdf_bytes(
    [lettered("عنوان الخبر", 700) + lettered("متن في 5 أيار 2021 (لا)", 680)]
)
# A message as mail programs write one (encoded words, parts, base64, quoted-printable),
# and a mailbox of it twice with a body line quoted.
SEED_EML = (
    b"From: =?utf-8?b?2YjZg9in2YTYqQ==?= <news@agency.example>\n"
    b"Subject: =?utf-8?q?=D8=B9=D8=A7=D8=AC=D9=84?= Fwd\n"
    b"Date: Tue, 21 Jul 2015 10:20:00 +0300\n"
    b'Content-Type: multipart/alternative; boundary="b1"\n\n'
    b"--b1\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
    b"=D9=85=D8=AA=D9=86 5 2021\n"
    b"--b1\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
    b"PHA+2YXYqtmGINmB2YogNSDYo9mK2KfYsSAyMDIxPC9wPg==\n"
    b"--b1\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n"
    b'Content-Disposition: attachment; filename="a.txt"\n\n2LPYt9ixINmB2YogMjAyMQ==\n--b1--\n'
)
SEED_MBOX = b"".join(
    b"From a@b.example Tue Jul 21 10:20:00 2015\n" + SEED_EML + b">From a quoted line\n\n"
    for _ in range(2)
)
SUFFIXES = [".txt", ".jsonl", ".json", ".pdf", ".eml", ".mbox"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("fuzzdb") / "t.db") as store:
        library.import_paths(store, [SAMPLES])
        yield store


def _read_all(path: Path) -> list[ArticleDraft | Rejected]:
    try:
        with ArticleFile(path) as source:
            items = list(source)
    except (BadArticle, UnreadableFile):
        return []
    for item in items:
        if isinstance(item, ArticleDraft):
            assert item.title.strip() and item.body.strip()
    return items


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_importers_take_random_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    path = workdir / f"random{suffix}"
    path.write_bytes(data)
    _read_all(path)


@FUZZ
@given(
    data=st.one_of(
        mutated(SEED_TEXT).map(lambda d: (d, ".txt")),
        mutated(SEED_JSONL).map(lambda d: (d, ".jsonl")),
        mutated(SEED_JSON).map(lambda d: (d, ".json")),
        mutated(SEED_PDF_DRAWN).map(lambda d: (d, ".pdf")),
        mutated(SEED_PDF_LETTERED).map(lambda d: (d, ".pdf")),
        mutated(SEED_EML).map(lambda d: (d, ".eml")),
        mutated(SEED_MBOX).map(lambda d: (d, ".mbox")),
    )
)
def test_importers_take_mutated_files(workdir: Path, data: tuple[bytes, str]) -> None:
    content, suffix = data
    path = workdir / f"mutated{suffix}"
    path.write_bytes(content)
    _read_all(path)


def _office_seed(kind: str) -> dict[str, bytes]:
    """The parts of a small workbook or document (the zip's members by name)."""
    import io
    import zipfile

    out = io.BytesIO()
    if kind == ".ods":
        from tests.ingest.test_spreadsheet import ods

        out.write(ods({"أخبار": [["العنوان", "النص"], ["عنوان", "متن في 5 أيار 2021"], [1, 2.5]]}))
    elif kind == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["العنوان", "النص", "التاريخ"])
        book.active.append(["عنوان", "متن في 5 أيار 2021", "2021-05-22"])
        book.save(out)
    else:
        import docx

        made = docx.Document()
        made.add_paragraph("عنوان")
        made.add_paragraph("متن في 5 أيار 2021")
        made.add_table(rows=1, cols=2).cell(0, 0).text = "خلية"
        made.save(out)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


OFFICE_SEEDS = {kind: _office_seed(kind) for kind in (".xlsx", ".docx", ".ods")}


@FUZZ
@given(
    kind=st.sampled_from(sorted(OFFICE_SEEDS)),
    part=st.integers(0, 100),
    edit=st.data(),
)
def test_office_files_with_a_mutated_part(
    workdir: Path, kind: str, part: int, edit: st.DataObject
) -> None:
    """A workbook or a document one of whose XML parts is damaged: read, or refused with
    a BadArticle (openpyxl's and python-docx's errors are of many kinds)."""
    import zipfile

    parts = dict(OFFICE_SEEDS[kind])
    names = sorted(parts)
    name = names[part % len(names)]
    parts[name] = edit.draw(mutated(parts[name]))
    path = workdir / f"mutated{kind}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for member, data in parts.items():
            out.writestr(member, data)
    _read_all(path)


@FUZZ
@given(text=arabic_like, codec=st.sampled_from(ENCODINGS))
def test_text_articles_in_any_encoding(workdir: Path, text: str, codec: str) -> None:
    path = workdir / "enc.txt"
    try:
        path.write_bytes(text.encode(codec))
    except UnicodeEncodeError:
        path.write_bytes(text.encode(codec, "replace"))
    _read_all(path)


@FUZZ
@given(content=st.binary(max_size=2048) | mutated(SEED_JSONL))
def test_a_failed_file_leaves_the_store_unchanged(
    sample_store: Store, workdir: Path, content: bytes
) -> None:
    path = workdir / "into_store.jsonl"
    path.write_bytes(content)
    before = (sample_store.count_articles(), sample_store.count_events())
    result = library.import_file(sample_store, path, strict=True)
    after = (sample_store.count_articles(), sample_store.count_events())
    if result.error is not None:
        assert after == before
    else:
        assert after[0] == before[0] + result.added


# Any JSON value, for the places of a record where this program's exports carry the
# user's own values (tags, note, added events, marks on mentions).
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | arabic_like,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(["typed", "label", "tags", "hidden", "start", "end", "text", "name",
                         "not_a_date", "mentions", "x"]),
        children,
        max_size=5,
    ),
    max_leaves=12,
)  # fmt: skip


@FUZZ
@given(tags=JSON_VALUES, note=JSON_VALUES, said=JSON_VALUES, added=JSON_VALUES)
def test_the_users_values_a_file_carries_never_fail_its_article(
    sample_store: Store, workdir: Path, tags: object, note: object, said: object, added: object
) -> None:
    """Whatever a TimelineJS file holds where the user's values go, its article is
    imported (or known) and the file does not fail: what is not a value is left out."""
    from timeline.ingest.timelinejs import ADDED, ARTICLE_KEY, MENTION_KEY, USER_KEY

    record = {"id": 1, "title": "عنوان", "body": "متن في 5 أيار 2021", "tags": tags,
              "note": note, USER_KEY: said}  # fmt: skip
    mention = {"article": 1, "kind": "added", ADDED: added}
    document = {"events": [{ARTICLE_KEY: record}, {MENTION_KEY: mention}]}
    path = workdir / "carried.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    result = library.import_file(sample_store, path)
    assert result.error is None and result.added + result.duplicates == 1


@FUZZ
@given(text=arabic_like)
def test_date_lines_never_crash(text: str) -> None:
    value = library.parse_published(text)
    if value is not None and value.start is not None and value.end is not None:
        assert value.end >= value.start


@FUZZ
@given(text=arabic_like)
def test_extractor_spans_are_inside_the_text_and_sorted(text: str) -> None:
    mentions = dating.extract_mentions(text)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@FUZZ
@given(query=st.text(max_size=60) | arabic_like)
def test_search_queries_never_crash(sample_store: Store, query: str) -> None:
    try:
        parse_query(query)
    except SearchError:
        return
    with contextlib.suppress(SearchError):
        search(sample_store, query, limit=5)


@FUZZ
@given(title=st.text(min_size=1, max_size=40).filter(str.strip))
def test_terminal_lines_hold_no_controls(title: str) -> None:
    from timeline.cli import Settings

    for bidi in (True, False):
        line = Settings(bidi=bidi).line(title)
        assert line == terminal_safe(line)
