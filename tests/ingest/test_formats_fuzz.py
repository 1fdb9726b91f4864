"""Damaged input of every new format gives drafts, skipped records or BadArticle: nothing else."""

from __future__ import annotations

import gzip
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.format_fixtures import ATOM, page, rss
from timeline.ingest import ArticleFile, BadArticle, UnreadableFile
from timeline.model import ArticleDraft

SEEDS = {
    ".csv": "title,body,date\nأ,متن الخبر,2021-05-22\n".encode(),
    ".rss": rss(2).encode(),
    ".atom": ATOM.encode(),
    ".opml": b'<opml version="2.0"><body><outline xmlUrl="not a url"/></body></opml>',
    ".html": page().encode(),
    ".md": (
        "---\ntitle: 'عنوان'\ndate: 2021-05-22\n---\n# عنوان\n\n**متن** [الخبر](http://a.b)"
        " هنا، وفيه `رمز` و![صورة](c.png).\n\n> اقتباس\n\n```\nشيفرة\n```\n"
    ).encode(),
}


def _zip_seed() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        # A fixed time stamp: the same seed bytes, so the same examples, every run.
        for name, seed in (("a.csv", SEEDS[".csv"]), ("b.rss", SEEDS[".rss"])):
            member = zipfile.ZipInfo(name, date_time=(2021, 5, 22, 0, 0, 0))
            archive.writestr(member, seed, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


SEEDS[".zip"] = _zip_seed()
SEEDS[".csv.gz"] = gzip.compress(SEEDS[".csv"])

FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["cut", "flip", "insert"]))
        if action == "cut":
            del data[at:]
        elif action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
    return suffix, bytes(data)


@FUZZ
@given(case=damaged())
def test_damaged_inputs_fail_cleanly(tmp_path: Path, case: tuple[str, bytes]) -> None:
    suffix, data = case
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        with ArticleFile(path) as source:
            items = list(source)
    except (BadArticle, UnreadableFile) as exc:
        assert str(exc) and "\n" not in str(exc).strip()
        return
    for item in items:
        if isinstance(item, ArticleDraft):
            assert item.title.strip() and item.body.strip()


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_seeds_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(SEEDS[suffix])
    with ArticleFile(path) as source:
        items = list(source)
    if suffix == ".opml":  # its one feed is not a web address: never read as a file
        assert [str(item) for item in items] == [
            "not a url: not a web address (only http and https are fetched)"
        ]
    else:
        assert any(isinstance(item, ArticleDraft) for item in items)
