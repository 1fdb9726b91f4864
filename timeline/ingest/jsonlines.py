"""JSON Lines (and JSON) articles: title, body, published, source, url, author and the
rest, under any of the names a table's headers may have (fields.NAMES)."""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Literal, TextIO, TypedDict, get_args

from timeline.ingest.errors import BadArticle
from timeline.ingest.fields import (
    FIELDS,
    MARKUP_FIELDS,
    NAMES,
    USER_NAMES,
    fold_name,
    read_as_html,
    read_tags,
    without_lone_surrogates,
)
from timeline.ingest.own_exports import refuse_events
from timeline.ingest.published import own_published
from timeline.ingest.timelinejs import KEY_KEY, carried_values, published_said
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


# Each field's names folded once, the field's own name first (a record's keys are
# folded as they come, the few a file repeats remembered).
_FOLDED_NAMES = {
    field: tuple(dict.fromkeys(fold_name(name) for name in (field, *NAMES[field])))
    for field in FIELDS
}
_FOLDED_USER_NAMES = {
    field: tuple(dict.fromkeys(fold_name(name) for name in names))
    for field, names in USER_NAMES.items()
}
_folded_key = functools.lru_cache(maxsize=1024)(fold_name)
_FIELD_NAMES = frozenset(name for names in _FOLDED_NAMES.values() for name in names)


def _value(
    record: dict[Any, Any],
    keys: dict[str, str],
    field: str,
    given: Mapping[str, str] | None,
    inner: dict[str, tuple[str, str]] | None = None,
) -> tuple[str, Any]:
    """(key, value) of the field in the record: the key given for it (--columns), else
    the first of its names (fields.NAMES, in Arabic and English) the record holds with a
    value, else the first an object inside it holds (inner: a folded name's (member,
    key); the Guardian's {"fields": {"bodyText": ...}}); ("", None) when none.  A value
    given as an object is its text member (_text_member: NewsAPI's source {"id",
    "name"}, WordPress's {"rendered": ...}, the New York Times' headline {"main": ...})."""
    wanted = given.get(field) if given else None
    names = (_folded_key(wanted),) if wanted else _FOLDED_NAMES[field]
    for name in names:
        key = keys.get(name)
        if key is None:
            continue
        value = record[key]
        if isinstance(value, dict | list):
            value = _text_member(value, field)
        if value is not None and value != "":
            return key, value
    if inner is not None:
        for name in names:
            if (found := inner.get(name)) is not None:
                member, key = found
                value = _text_member(record[member][key], field)
                if value is not None and value != "":
                    return f"{member}.{key}", value
    if wanted:
        raise BadArticle(f"no key '{wanted}' for {field}")
    return "", None


# The member that holds the text of a value given as an object, the first present.
_TEXT_MEMBERS = ("name", "rendered", "main", "original", "text", "value", "#text", "title")


def _text_member(value: Any, field: str = "") -> Any:
    """A field's value, or the text of one given as an object (None when it has none),
    or as a list: of texts and such objects, the pieces of one text (a Telegram export's
    formatted message: ["plain", {"type": "bold", "text": "..."}]); of texts alone, a
    body's paragraphs, a title's words, or names (a scraper's list of paragraphs, an
    API's list of authors).  Any other list is given back."""
    if isinstance(value, list):
        parts = [part if isinstance(part, str) else _text_member(part) for part in value]
        if not parts or not all(isinstance(part, str) for part in parts):
            return value
        if len(parts) > len([part for part in value if isinstance(part, str)]):
            return "".join(parts)  # pieces of one text, formatted
        return _LIST_JOINS.get(field, ", ").join(part.strip() for part in parts)
    if not isinstance(value, dict):
        return value
    return next((value[m] for m in _TEXT_MEMBERS if isinstance(value.get(m), str)), None)


_LIST_JOINS = {"body": "\n\n", "caption": "\n\n", "title": " "}


def _inner_names(record: dict[Any, Any]) -> dict[str, tuple[str, str]] | None:
    """The names an object inside the record holds (one that is not itself a field's
    value), each folded to its (member, key), the first met kept; None when none does."""
    inner: dict[str, tuple[str, str]] = {}
    for member, value in record.items():
        if isinstance(value, dict) and isinstance(member, str):
            if _folded_key(member) in _FIELD_NAMES or member.startswith("x-timeline-"):
                continue  # a field's value as an object (_text_member reads it), or ours
            for key in value:
                if isinstance(key, str):
                    inner.setdefault(_folded_key(key), (member, key))
    return inner or None


def _user_values(
    record: dict[Any, Any], keys: dict[str, str], where: str, given: Mapping[str, str] | None
) -> dict[str, Any]:
    """The tags and note a record carries (fields.USER_NAMES, or the key given for
    each), as ArticleDraft's arguments: none when it has neither (nearly every record
    not of our exports), nor when they are not what ours are (fields.read_tags)."""
    found: dict[str, Any] = {}
    for field, names in _FOLDED_USER_NAMES.items():
        wanted = given.get(field) if given else None
        if wanted and _folded_key(wanted) not in keys:
            raise BadArticle(f"{where}: no key '{wanted}' for {field}")
        searched = (_folded_key(wanted),) if wanted else names
        key = next((keys[name] for name in searched if name in keys), None)
        if key is None or record[key] is None:
            continue
        value = record[key]
        if field == "tags":
            # One of our exports (its uid and imported_at): tags cut only where ours are.
            found["tags"] = read_tags(value, ours="uid" in keys and "importedat" in keys)
        elif isinstance(value, str) and value.strip():  # another program's "notes" list: not ours
            found["note"] = value.strip()
    # The program's exports' (TimelineJS's, put there by timelinejs_records; JSON Lines').
    return found | carried_values(record)


def _unix_time(stamp: float) -> str:
    """A number given as a date: Unix time, in seconds or (past 10^11: after 5138 in
    seconds) milliseconds, as ISO 8601 in UTC; as written when no calendar holds it."""
    seconds = stamp / 1000 if abs(stamp) >= 1e11 else stamp
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return str(stamp)


def _json_kind(value: Any) -> str:
    """What a decoded JSON value is, in JSON's words (not Python's: "NoneType")."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)  # null, true, false
    if isinstance(value, int | float):
        return "a number"
    return "a string" if isinstance(value, str) else "a list"


def record_draft(
    record: Any, where: str, origin: str, given: Mapping[str, str] | None = None
) -> ArticleDraft:
    """The article a decoded JSON record holds; BadArticle names what is wrong with it.

    Its keys are read as a table's headers are ("content", "publishedAt", "تاريخ"...),
    or as given (--columns body=story,...)."""
    if not isinstance(record, dict):
        raise BadArticle(f"{where}: expected a JSON object, found {_json_kind(record)}")
    keys: dict[str, str] = {}
    for key in record:
        if isinstance(key, str):
            keys.setdefault(_folded_key(key), key)
    inner = _inner_names(record)
    try:
        values = {field: _value(record, keys, field, given, inner) for field in FIELDS}
    except BadArticle as exc:
        raise BadArticle(f"{where}: {exc}") from exc
    # This program's own records (its exports' uid and imported_at, or published_raw)
    # hold their texts as stored: an article about HTML keeps its tags.
    own = {"uid", "importedat"} <= keys.keys()
    if not (own or "publishedraw" in keys):
        for field in MARKUP_FIELDS:
            key, value = values[field]
            if isinstance(value, str):
                values[field] = key, read_as_html(value)
    key, stamp = values["published"]
    if isinstance(stamp, int | float) and not isinstance(stamp, bool):
        values["published"] = key, _unix_time(stamp)
    body = values["body"][1]
    if body is None or (isinstance(body, str) and not html.unescape(body).strip()):
        if body is None:
            refuse_events(keys)
        raise BadArticle(f"{where}: missing or empty 'body'")
    for field, (key, value) in values.items():
        if value is not None and not isinstance(value, str):
            if field in _TEXT_FIELDS and given is None:
                # Not the article's to lose: WordPress gives its author as a user's
                # number, other APIs a source as a list.  Left out.
                values[field] = "", None
                continue
            raise BadArticle(f"{where}: '{key}' must be a string")
    title = values["title"][1]
    # A record without a title (a wire item, a post) is kept, named by its first line.
    untitled = not (title and html.unescape(title).strip())
    published = values["published"][1] or ""
    raw = record.get(keys.get("publishedraw", ""))
    if isinstance(raw, str) and published_said(record) is not None:
        # A date the user gave, that the record carries (said again over the article's):
        # the article's own is the text its date was read from (a TimelineJS slide's too),
        # also where the user's is not a date (left out and counted: CarriedValues).
        published = raw
    elif own and isinstance(raw, str):
        published = own_published(published, raw)
    extra: _TextFields = {}
    for name in _TEXT_FIELDS:
        value = values[name][1]
        if value is not None and value.strip():
            extra[name] = value.strip()
    # The key an export of ours wrote: its uid column, or a TimelineJS slide's (KEY_KEY).
    uid = record[keys["uid"]] if own else record.get(KEY_KEY)
    said = _user_values(record, keys, where, given)
    # Where the user corrected the title or source, the record's are the user's and the
    # article's own come beside them: those are the article's.
    own_fields = said.pop("own_fields", {})
    if "title" in own_fields:
        title, untitled = own_fields["title"], False
    if "source" in own_fields:
        extra["source"] = own_fields["source"].strip()
        if not extra["source"]:
            del extra["source"]
    return ArticleDraft(
        title=title_from_body(body) if untitled else str(title).strip(),
        body=body.strip(),
        untitled=untitled,
        published_raw=published.strip(),
        origin=origin,
        uid=uid.strip() if isinstance(uid, str) else "",
        **extra,
        **said,
    )


def parse_json_lines(text: str, origin: str = "") -> Iterator[ArticleDraft]:
    """One article per non-blank line of a text already read; a bad line raises BadArticle."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield parse_json_line(line, number, origin)


def load_json(text: str, where: str) -> Any:
    """json.loads with every way it can fail said as a BadArticle."""
    try:
        return without_lone_surrogates(json.loads(text), text)
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
    "articles": [...]}) when it has no body of its own and one such list, or in an
    object of its own (the Guardian's {"response": {"results": [...]}}, the New York
    Times' {"response": {"docs": [...]}}), at most NESTED_ANSWER deep."""
    if isinstance(data, list):
        return data
    found = _answer_list(data, NESTED_ANSWER) if isinstance(data, dict) else None
    return found if found is not None else [data]


NESTED_ANSWER = 3  # objects an answer's list of articles may lie in


def _answer_list(data: dict[Any, Any], depth: int) -> list[Any] | None:
    """The one list of objects an answer (an object naming no body) holds, itself or,
    when it holds none, in the one of its objects that holds one; None when there is
    no such list or more than one."""
    if names_a_body(data):
        return None
    lists = [
        value
        for value in data.values()
        if isinstance(value, list) and value and isinstance(value[0], dict)
    ]
    if lists or depth <= 1:
        return lists[0] if len(lists) == 1 else None
    inside = [
        found
        for value in data.values()
        if isinstance(value, dict) and (found := _answer_list(value, depth - 1)) is not None
    ]
    return inside[0] if len(inside) == 1 else None


def names_a_body(names: Iterable[object]) -> bool:
    """Whether an object with members of these names is an article itself (one names its
    body), not an answer holding a list of them."""
    body = {fold_name(name) for name in ("body", *NAMES["body"])}
    return any(isinstance(name, str) and fold_name(name) in body for name in names)


_CHUNK = 1 << 20  # characters read at a time from a streamed array
_SPACE = frozenset(" \t\n\r")
_STRUCTURE = re.compile(r'["\[\]{}]')
# Inside a string: up to its closing quote, or to the end of what is held (a backslash
# whose escaped character is not read yet left for the next look).
_STRING_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)
_NAME_END = re.compile(r"[,\]}\s]")  # where a number or true/false/null ends


class _ArrayReader:
    """A JSON array read as a stream, one item held at a time (see array_items)."""

    def __init__(self, text: TextIO, max_chars: int, counted: Callable[[int], None]) -> None:
        self.text, self.max_chars, self.counted = text, max_chars, counted
        self.buf, self.pos, self.eof = "", 0, False

    def more(self) -> bool:
        """More of the file after what is held from pos; False at its end."""
        chunk = "" if self.eof else self.text.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.counted(len(chunk))
        self.buf, self.pos = self.buf[self.pos :] + chunk, 0
        return True

    def token(self) -> str:
        """The next character that is not space, pos on it ("" at the end of the file)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _SPACE:
                self.pos += 1
            if self.pos < len(self.buf) or not self.more():
                return self.buf[self.pos : self.pos + 1]

    def item_end(self) -> tuple[int, bool] | None:
        """(where the item at pos ends, whether it was longer than max_chars), reading on
        as needed (brackets counted, strings passed over, nothing decoded); an item too
        long is let go as it is passed.  None when the file ends inside it."""
        i, too_long, depth = self.pos, False, 0

        def refill() -> bool:
            nonlocal i, too_long
            if i - self.pos > self.max_chars:
                too_long, self.pos = True, i
            offset = i - self.pos
            if not self.more():
                return False
            i = self.pos + offset
            return True

        if self.buf[self.pos] not in '[{"':
            while (hit := _NAME_END.search(self.buf, i)) is None:
                i = len(self.buf)
                if not refill():
                    return len(self.buf), too_long
            return hit.start(), too_long
        while True:
            hit = _STRUCTURE.search(self.buf, i)
            if hit is None:
                i = len(self.buf)
                if not refill():
                    return None
                continue
            if hit[0] == '"':
                # A string going on past what is held is read on from where the look
                # stopped, never again from its quote (a 48 MB string took 40 s so).
                i = _STRING_BODY.match(self.buf, hit.end()).end()  # type: ignore[union-attr]
                while i >= len(self.buf) or self.buf[i] != '"':
                    if not refill():
                        return None
                    i = _STRING_BODY.match(self.buf, i).end()  # type: ignore[union-attr]
                i += 1
            else:
                depth += 1 if hit[0] in "[{" else -1
                i = hit.end()
            if depth <= 0:
                return i, too_long

    def items(self) -> Iterator[Any]:
        if self.token() == "]":
            return
        while True:
            if not self.token():
                yield BadArticle("the file ends inside the list of articles (no closing ])")
                return
            found = self.item_end()
            if found is None:
                yield BadArticle("the file ends inside an article (no closing ])")
                return
            end, too_long = found
            if too_long or end - self.pos > self.max_chars:
                yield BadArticle(f"longer than the {self.max_chars:,} characters an article may be")
            else:
                piece = self.buf[self.pos : end]
                try:
                    yield load_json(piece, "")
                except BadArticle as exc:
                    yield BadArticle(str(exc).removeprefix(": "))
            self.pos = end
            following = self.token()
            if following == ",":
                self.pos += 1
            elif following == "]":
                return
            elif not following:
                yield BadArticle("the file ends inside the list of articles (no closing ])")
                return
            else:
                yield BadArticle(
                    "not valid JSON (expected ',' or ']' after an article); the rest of the"
                    " file is not read"
                )
                return


class _ObjectReader(_ArrayReader):
    """A JSON object read as a stream, one member at a time (see object_members)."""

    def value_end(self, what: str) -> int:
        found = self.item_end()
        if found is None:
            raise BadArticle(f"the file ends inside {what}")
        end, too_long = found
        if too_long or end - self.pos > self.max_chars:
            self.pos = end
            raise _TooLong
        return end

    def members(self, streamed: str | None) -> Iterator[tuple[str, Any]]:
        if self.token() == "}":
            return
        while True:
            if self.token() != '"':
                raise BadArticle("not valid JSON (expected a member's name)")
            try:
                end = self.value_end("a member's name")
            except _TooLong:
                raise BadArticle("not valid JSON (a member's name of many pages)") from None
            name = load_json(self.buf[self.pos : end], "")
            self.pos = end
            if self.token() != ":":
                raise BadArticle("not valid JSON (expected ':' after a member's name)")
            self.pos += 1
            first = self.token()
            if not first:
                raise BadArticle("the file ends inside the JSON object (no closing })")
            if first == "[" and streamed in (name, None):
                self.pos += 1
                items = self.items()
                yield name, items
                for _ in items:  # what the caller did not read
                    pass
                if self.token() == "]":
                    self.pos += 1
            else:
                try:
                    end = self.value_end(f"the member {name!r}")
                except _TooLong:
                    value: Any = BadArticle(
                        f"longer than the {self.max_chars:,} characters a member may be"
                    )
                else:
                    value = load_json(self.buf[self.pos : end], "")
                    self.pos = end
                yield name, value
            following = self.token()
            if following == ",":
                self.pos += 1
            elif following == "}":
                return
            elif not following:
                raise BadArticle("the file ends inside the JSON object (no closing })")
            else:
                raise BadArticle("not valid JSON (expected ',' or '}' after a member)")


class _TooLong(Exception):
    pass


def object_members(
    text: TextIO, max_chars: int, counted: Callable[[int], None], streamed: str | None
) -> Iterator[tuple[str, Any]]:
    """(name, value) of each member of a JSON object read as a stream, its "{" already
    read, each value decoded (a BadArticle for one longer than max_chars) but the
    member named streamed (every member, when None) whose value is an array: its
    items, as array_items gives them, to be read before the next member is asked for.  BadArticle (raised) where
    the object is not valid JSON."""
    return _ObjectReader(text, max_chars, counted).members(streamed)


def array_items(text: TextIO, max_chars: int, counted: Callable[[int], None]) -> Iterator[Any]:
    """The items of a JSON array read as a stream, its "[" already read: each decoded, one
    held at a time, or a BadArticle for one that is not JSON or is longer than max_chars
    (each skipped; the next found by counting brackets).  counted(n) is told of every n
    characters read."""
    return _ArrayReader(text, max_chars, counted).items()
