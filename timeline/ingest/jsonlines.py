"""JSON Lines (and JSON) articles: title, body, published, source, url, author and the
rest, under any of the names a table's headers may have (fields.NAMES)."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Literal, TypedDict, get_args

from timeline.ingest.errors import BadArticle
from timeline.ingest.fields import FIELDS, NAMES, fold_name
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


def _value(
    record: dict[Any, Any], keys: dict[str, str], field: str, given: Mapping[str, str] | None
) -> tuple[str, Any]:
    """(key, value) of the field in the record: the key given for it (--columns), else
    the first of its names (fields.NAMES, in Arabic and English) the record holds with a
    value; ("", None) when none.  A source given as an object (NewsAPI's {"id", "name"})
    is its name."""
    wanted = given.get(field) if given else None
    names = (wanted,) if wanted else (field, *NAMES[field])
    for name in names:
        key = keys.get(fold_name(name))
        if key is None:
            continue
        value = record[key]
        if field == "source" and isinstance(value, dict):
            value = value.get("name")
        if value is not None and value != "":
            return key, value
    if wanted:
        raise BadArticle(f"no key '{wanted}' for {field}")
    return "", None


def _unix_time(stamp: float) -> str:
    """A number given as a date: Unix time, in seconds or (past 10^11: after 5138 in
    seconds) milliseconds, as ISO 8601 in UTC; as written when no calendar holds it."""
    seconds = stamp / 1000 if abs(stamp) >= 1e11 else stamp
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return str(stamp)


def record_draft(
    record: Any, where: str, origin: str, given: Mapping[str, str] | None = None
) -> ArticleDraft:
    """The article a decoded JSON record holds; BadArticle names what is wrong with it.

    Its keys are read as a table's headers are ("content", "publishedAt", "تاريخ"...),
    or as given (--columns body=story,...)."""
    if not isinstance(record, dict):
        raise BadArticle(f"{where}: expected a JSON object, found {type(record).__name__}")
    keys: dict[str, str] = {}
    for key in record:
        if isinstance(key, str):
            keys.setdefault(fold_name(key), key)
    try:
        values = {field: _value(record, keys, field, given) for field in FIELDS}
    except BadArticle as exc:
        raise BadArticle(f"{where}: {exc}") from exc
    key, stamp = values["published"]
    if isinstance(stamp, int | float) and not isinstance(stamp, bool):
        values["published"] = key, _unix_time(stamp)
    body = values["body"][1]
    if body is None or (isinstance(body, str) and not html.unescape(body).strip()):
        raise BadArticle(f"{where}: missing or empty 'body'")
    for key, value in values.values():
        if value is not None and not isinstance(value, str):
            raise BadArticle(f"{where}: '{key}' must be a string")
    title = values["title"][1]
    # A record without a title (a wire item, a post) is kept, named by its first line.
    untitled = not (title and html.unescape(title).strip())
    published = values["published"][1] or ""
    extra: _TextFields = {}
    for name in _TEXT_FIELDS:
        value = values[name][1]
        if value is not None and value.strip():
            extra[name] = value.strip()
    return ArticleDraft(
        title=title_from_body(body) if untitled else str(title).strip(),
        body=body.strip(),
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


def parse_json_line(
    line: str, number: int, origin: str = "", given: Mapping[str, str] | None = None
) -> ArticleDraft:
    """The article on one line of a JSON Lines file."""
    where = f"line {number}"
    return record_draft(load_json(line, where), where, origin, given)


def json_records(data: Any) -> list[Any]:
    """The records of a decoded JSON file: a list of articles, one article, or an object
    holding a list of them under a key of its own (an API's answer: {"status": "ok",
    "articles": [...]}) when it has no body of its own and one such list."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        named = {fold_name(key) for key in data if isinstance(key, str)}
        if not named & {fold_name(name) for name in ("body", *NAMES["body"])}:
            lists = [
                value
                for value in data.values()
                if isinstance(value, list) and value and isinstance(value[0], dict)
            ]
            if len(lists) == 1:
                return lists[0]
    return [data]
