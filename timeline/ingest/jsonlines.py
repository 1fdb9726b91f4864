"""JSON Lines (and JSON) articles: title, body, published or published_raw, source, url, author."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any, Literal, TypedDict, get_args

from timeline.ingest.errors import BadArticle
from timeline.model import ArticleDraft, title_from_body

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


def record_draft(record: Any, where: str, origin: str) -> ArticleDraft:
    """The article a decoded JSON record holds; BadArticle names what is wrong with it."""
    if not isinstance(record, dict):
        raise BadArticle(f"{where}: expected a JSON object, found {type(record).__name__}")
    if not isinstance(record.get("body"), str) or not html.unescape(record["body"]).strip():
        raise BadArticle(f"{where}: missing or empty 'body'")
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise BadArticle(f"{where}: 'title' must be a string")
    # A record without a title (a wire item, a post) is kept, named by its first line.
    untitled = not (title and html.unescape(title).strip())
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
        title=title_from_body(record["body"]) if untitled else str(title).strip(),
        body=record["body"].strip(),
        untitled=untitled,
        published_raw=published.strip(),
        origin=origin,
        **extra,
    )


def parse_json_lines(text: str, origin: str = "") -> Iterator[ArticleDraft]:
    """One article per non-blank line of a text already read; a bad line raises BadArticle."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield parse_json_line(line, number, origin)


def load_json(text: str, where: str) -> Any:
    """json.loads with every way it can fail said as a BadArticle."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadArticle(f"{where}: not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise BadArticle(f"{where}: JSON nested too deeply") from exc
    except ValueError as exc:  # an integer past Python's digit limit, not a decode error
        raise BadArticle(f"{where}: not read: a number in it is too long") from exc


def parse_json_line(line: str, number: int, origin: str = "") -> ArticleDraft:
    """The article on one line of a JSON Lines file."""
    where = f"line {number}"
    return record_draft(load_json(line, where), where, origin)


def json_records(text: str) -> list[Any]:
    """The records of a JSON file holding one article object or a list of them."""
    data = load_json(text, "the file")
    return data if isinstance(data, list) else [data]
