"""Importers: files of each supported format become ArticleDrafts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.ingest.dedup import article_uid
from timeline.ingest.encoding import UnreadableFile, read_text
from timeline.ingest.errors import BadArticle
from timeline.ingest.jsonlines import parse_json, parse_json_lines
from timeline.ingest.plaintext import parse_plain_article
from timeline.model import ArticleDraft

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}

__all__ = [
    "BadArticle",
    "UnreadableFile",
    "article_uid",
    "collect_files",
    "read_articles",
]


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(importable files, skipped files) under the given files and folders, in a stable order.

    A file named on its own is always tried; inside a folder, hidden files and files of
    other formats are skipped.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(
                    p.startswith(".") for p in child.relative_to(path).parts
                ):
                    continue
                (files if child.suffix.lower() in SUFFIXES else skipped).append(child)
        else:
            files.append(path)
    return files, skipped


def read_articles(path: Path) -> Iterator[ArticleDraft]:
    """Every article in a file; raises BadArticle or UnreadableFile (or OSError) for a bad one."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise BadArticle(f"unsupported file type '{path.suffix}' (use .txt, .jsonl or .json)")
    text = read_text(path)
    origin = str(path)
    if kind == "jsonl":
        yield from parse_json_lines(text, origin)
    elif kind == "json":
        yield from parse_json(text, origin)
    else:
        yield parse_plain_article(text, origin)
