"""JSON Lines and JSON articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.ingest import BadArticle, collect_files, read_articles


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lines_fields(tmp_path: Path) -> None:
    record = {
        "title": "عنوان",
        "body": "متن",
        "published": "2015-07-31 04:33:02",
        "source": "aawsat",
        "url": "http://example.org/1",
        "author": "كاتب",
    }
    (draft,) = read_articles(write(tmp_path / "a.jsonl", json.dumps(record, ensure_ascii=False)))
    assert (draft.title, draft.body, draft.published_raw) == ("عنوان", "متن", "2015-07-31 04:33:02")
    assert (draft.source, draft.url, draft.author) == ("aawsat", "http://example.org/1", "كاتب")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "a", "body": "b"}\n{not json', "line 2"),
        ('{"title": ["a"], "body": "b"}', "'title' must be a string"),
        ('{"title": "a"}', "body"),
        ("[1, 2]", "JSON object"),
        ('{"title": "a", "body": "b", "url": 5}', "url"),
    ],
)
def test_bad_records_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(BadArticle, match=message):
        list(read_articles(write(tmp_path / "bad.jsonl", content)))


def test_a_record_without_a_title_is_named_by_its_first_line(tmp_path: Path) -> None:
    content = '{"title": "", "body": " أول سطر\\nثانٍ"}\n{"body": "وحيد"}'
    drafts = list(read_articles(write(tmp_path / "u.jsonl", content)))
    assert [(d.title, d.untitled) for d in drafts] == [("أول سطر", True), ("وحيد", True)]


def test_json_array(tmp_path: Path) -> None:
    data = [{"title": "أ", "body": "ب"}, {"title": "ج", "body": "د"}]
    drafts = list(read_articles(write(tmp_path / "a.json", json.dumps(data))))
    assert [d.title for d in drafts] == ["أ", "ج"]


def test_collect_files_skips_hidden_and_foreign(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "x")
    write(tmp_path / "a.jsonl", "x")
    write(tmp_path / ".hidden.txt", "x")
    write(tmp_path / "photo.png", "x")
    files, skipped = collect_files([tmp_path])
    assert [f.name for f in files] == ["a.jsonl", "b.txt"]
    assert [f.name for f in skipped] == ["photo.png"]


def test_saudinewsnet_sample_reads_whole(corpus: Path) -> None:
    drafts = list(read_articles(corpus / "saudinewsnet" / "sample.jsonl"))
    assert len(drafts) == 200
    assert all(d.title and d.body and d.published_raw for d in drafts)
