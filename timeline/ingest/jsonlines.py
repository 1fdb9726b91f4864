"""JSON Lines (and JSON) articles: title, body, published or published_raw, source, url, author."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal, TypedDict, get_args

from timeline.ingest.errors import BadArticle
from timeline.model import ArticleDraft

_TextField = Literal["source", "url", "author", "caption", "credit", "lang"]
_TEXT_FIELDS: tuple[_TextField, ...] = get_args(_TextField)


class _TextFields(TypedDict, total=False):
    """The optional string fields of ArticleDraft a record may carry."""

    source: str
    url: str
    author: str
    caption: str
    credit: str
    lang: str


def _draft(record: Any, where: str, origin: str) -> ArticleDraft:
    if not isinstance(record, dict):
        raise BadArticle(f"{where}: expected a JSON object, found {type(record).__name__}")
    for key in ("title", "body"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise BadArticle(f"{where}: missing or empty '{key}'")
    published = record.get("published") or record.get("published_raw") or ""
    if not isinstance(published, str):
        raise BadArticle(f"{where}: 'published' must be a string")
    extra: _TextFields = {}
    for key in _TEXT_FIELDS:
        value = record.get(key)
        if value is not None:
            if not isinstance(value, str):
                raise BadArticle(f"{where}: '{key}' must be a string")
            extra[key] = value.strip()
    return ArticleDraft(
        title=record["title"].strip(),
        body=record["body"].strip(),
        published_raw=published.strip(),
        origin=origin,
        **extra,
    )


def parse_json_lines(text: str, origin: str = "") -> Iterator[ArticleDraft]:
    """One article per non-blank line; any bad line makes the whole file bad."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadArticle(f"line {number}: not valid JSON ({exc.msg})") from exc
        yield _draft(record, f"line {number}", origin)


def parse_json(text: str, origin: str = "") -> Iterator[ArticleDraft]:
    """A JSON file holding one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadArticle(f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        yield _draft(record, f"article {number}", origin)
