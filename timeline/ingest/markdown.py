"""Markdown articles (.md): a page saved by a clipper or a scraper, a post of a static site.

Front matter (between `---` lines at the top, as such tools write it) gives the fields
by the names a table's headers may have (fields.NAMES: title, date, source, url,
author..., and the user's tags and note).  It is YAML, read with PyYAML's loader of
strings, lists and maps alone (no types, no objects): the values scripts write with
PyYAML or a JSON encoder are escaped (`"\\u0627..."`), wrapped over lines and quoted,
keys too.  Only the values of the top level are read, a string each, and the tags as a
list of strings; an alias is read where it stands, never walked, so a small document
cannot expand.  A block that is not YAML (written by hand: `title: الرياض: اجتماع`) or
longer than YAML_CHARS is read a `key: value` line at a time, the tags as a list in
brackets or of `- item` lines.  Between `+++` lines (Hugo's) the block is TOML, read
with tomllib, its dates, numbers and booleans taken as the text they stand for (as
YAML's loader of strings gives them), and read a `key = value` line at a time where it
is not TOML.  The body is the text with
Markdown's markup taken off: headings, emphasis, links (their text kept), images
(dropped), code (kept as written), quotes, lists, rules and tables' rulers.  Without a
title in the front matter the first line is the title and a date line under it is read,
as in a plain-text article; a short last line is its sign-off (the credit) there too,
but not a list's item.  Every pattern is bounded by a line, and the spans inside one
by a length, so no input costs more than a few passes over it.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from typing import Any

from timeline.ingest.fields import NAMES, USER_NAMES, fold_name, read_tags
from timeline.ingest.plaintext import parse_plain_article
from timeline.model import ArticleDraft

# Front matter is looked for in this many lines at most (a block that does not end is
# not front matter: the lines are the body's).
FRONT_MATTER_LINES = 200
# A block longer than this is read a line at a time, not as YAML: 40 KB of lists inside
# lists cost libyaml 77 ms, and PyYAML's own reader (where its C library is missing) 1.9 s,
# 16 KB of them 0.45 s.
YAML_CHARS = 65_536
YAML_CHARS_PURE = 16_384
_NOTE_NAMES = frozenset(fold_name(name) for name in USER_NAMES["note"])
_PAIR = re.compile(r"^([^\s:#'\"\-][^:]{0,60}?)\s*:(?:\s+(.*))?$")
_TOML_PAIR = re.compile(r"^([^\s=#'\"\[][^=]{0,60}?)\s*=(?:\s*(.*))?$")
# The line that opens a front matter block: the lines that may close it, and whether it
# is TOML (Hugo's +++) rather than YAML.
_FRONT_MATTER = {"---": (("---", "..."), False), "+++": (("+++",), True)}
_LIST_ITEM = re.compile(r"^\s*-\s+(.*)$")  # an item of a list under a front matter key
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")  # a rule, or a heading's underline
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]{1,200}\]:\s*\S")
# Matched against a stripped line; spaces are allowed only where one reading of them is
# possible (a line of spaces was read from each space with \s* ahead of \s*: minutes).
_TABLE_RULER = re.compile(r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-+:?)?[ \t]*\|?")
# Inline markup.  A span stops at its next opener as well as at its closer, so a line
# of openers without closers ("[a](" a million times) is read once, not once an opener.
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,1000}\]\([^()\[\]\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_LINK = re.compile(
    r"\[([^\[\]\n]{1,1000})\]"
    r"(?:\([^()\[\]\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)|\[[^\[\]\n]{0,200}\])"
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_CODE = re.compile(r"(`{1,3})([^`\n]{1,2000}?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]{1,500}?)(?<=\S)\1(?![\w*])")
_STRIKE = re.compile(r"~~(?=\S)([^~\n]{1,500}?)(?<=\S)~~")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,500})?/?>")
_ESCAPABLE = "\\`*_{}[]()#+-.!|>~<"
_ESCAPED = re.compile("\\\\([" + re.escape(_ESCAPABLE) + "])")
# An escaped character stands for itself: it is held as a noncharacter (never in text
# given to others) while the markup around it is taken off, then given back.
_HELD = {ch: chr(0xFDD0 + i) for i, ch in enumerate(_ESCAPABLE)}
_GIVEN_BACK = str.maketrans({held: ch for ch, held in _HELD.items()})


def parse_markdown_article(text: str, origin: str = "") -> ArticleDraft:
    """The article a Markdown file holds (BadArticle from the plain-text reader when it
    has no body)."""
    lines = text.lstrip("\ufeff").splitlines()
    fields, start = front_matter(lines)
    plain, items = plain_lines(lines[start:])
    body = "\n".join(plain)
    title = fields.get("title", "")
    # A short last line is a sign-off (the credit) unless it is a list's item ("- بند").
    last = next((i for i in range(len(plain) - 1, -1, -1) if plain[i].strip()), None)
    # With a title given, the first line is body (or the title again, which the
    # plain-text reader skips when it is repeated under the title).
    draft = parse_plain_article(
        f"{title}\n{body}" if title else body, origin, sign_off=last not in items
    )
    given: dict[str, str] = {
        field: fields[field]
        for field in ("source", "url", "author", "caption", "credit", "lang")
        if field in fields
    }
    if "published" in fields:
        given["published_raw"] = fields["published"]
        if draft.published_raw:  # the text's own date line stays in its body
            given["body"] = f"{draft.published_raw}\n{draft.body}"
    if "note" in fields:
        given["note"] = fields["note"]
    toml = bool(start) and lines[0].strip() == "+++"
    tags = front_matter_tags(lines[1 : start - 1], toml=toml) if start else ()
    if tags:
        return dataclasses.replace(draft, tags=tags, **given)  # type: ignore[arg-type]
    return dataclasses.replace(draft, **given) if given else draft  # type: ignore[arg-type]


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The fields a front matter block gives (by FIELDS' names), and the index of the
    first line after it (0 when there is none)."""
    if not lines or lines[0].strip() not in _FRONT_MATTER:
        return {}, 0
    closers, toml = _FRONT_MATTER[lines[0].strip()]
    end = next(
        (i for i in range(1, min(len(lines), FRONT_MATTER_LINES)) if lines[i].strip() in closers),
        None,
    )
    if end is None:
        return {}, 0
    block = lines[1:end]
    read = _read_block(block, toml=toml)
    pairs: dict[str, str] = {}
    if read is not None:
        for key, value in read.items():
            if isinstance(value, str) and value.strip():
                pairs.setdefault(fold_name(key), value.strip())
        for name, value in pairs.items():
            if "\n" in value and name not in _NOTE_NAMES:
                # A block scalar's lines: one line.  (Not a regex \s*\n\s*, which read a
                # run of spaces without a line break from each of its spaces.)
                pairs[name] = " ".join(part.strip() for part in value.split("\n") if part.strip())
    else:
        pair = _TOML_PAIR if toml else _PAIR
        for line in block:
            match = pair.match(line)
            if match is not None and match[2]:
                value = _scalar(match[2])
                if value:
                    pairs.setdefault(fold_name(match[1]), value)
    found: dict[str, str] = {}
    for field, names in (*NAMES.items(), ("note", USER_NAMES["note"])):
        held = next((pairs[name] for name in names if name in pairs), None)
        if held is not None:
            found[field] = held
    return found, end + 1


def front_matter_tags(block: list[str], *, toml: bool = False) -> tuple[str, ...]:
    """The tags a front matter block's lines give (fields.USER_NAMES' names): a list
    written in brackets (`tags: [a, "b"]`) or as items under the key (`- a`), as static
    sites and clippers write them, or a plain value (read as the exports' tags are:
    separated by ; or ؛).  toml: the block is TOML (`tags = ["a", "b"]`)."""
    names = {fold_name(name) for name in USER_NAMES["tags"]}
    read = _read_block(block, toml=toml)
    if read is not None:
        for key, value in read.items():
            if fold_name(key) not in names:
                continue
            if isinstance(value, list):
                return read_tags([item for item in value if isinstance(item, str)])
            if isinstance(value, str) and value.strip():
                return read_tags(value, ours=False)
            return ()
        return ()
    pair = _TOML_PAIR if toml else _PAIR
    for i, line in enumerate(block):
        match = pair.match(line)
        if match is None or fold_name(match[1]) not in names:
            continue
        value = (match[2] or "").strip()
        if value.startswith("[") and value.endswith("]"):
            return read_tags([_scalar(item) for item in value[1:-1].split(",")])
        if value:
            return read_tags(_scalar(value), ours=False)
        items = []
        for item in block[i + 1 :]:
            listed = _LIST_ITEM.match(item)
            if listed is None:
                break
            items.append(_scalar(listed[1]))
        return read_tags(items)
    return ()


def _read_block(block: list[str], *, toml: bool) -> dict[str, Any] | None:
    """The front matter block's top-level map (_toml's or _yaml's), None when it is not one."""
    return _toml(block) if toml else _yaml(block)


def _toml(block: list[str]) -> dict[str, Any] | None:
    """The front matter block's top-level map read as TOML, each value as YAML's
    loader of strings gives it (_as_text); None when it is not TOML or is longer than
    YAML_CHARS."""
    import tomllib

    text = "\n".join(block)
    if len(text) > YAML_CHARS:
        return None
    try:
        read = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):  # arrays nested deep
        return None
    return {key: _as_text(value) for key, value in read.items()}


def _as_text(value: Any) -> Any:
    """A TOML value as the text it stands for (a date as ISO 8601 writes it, a boolean as
    TOML does), a list's items each so; a table as it is (no field is one)."""
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value if isinstance(value, str | dict) else str(value)


def _yaml(block: list[str]) -> dict[str, Any] | None:
    """The front matter block's top-level map read as YAML (every value a string, a list
    or a map: BaseLoader), its keys strings; None when it is not one or is too long."""
    import yaml  # here: a Markdown file's import loads it, not the program's start

    loader, chars = _loader()
    text = "\n".join(block)
    if len(text) > chars:
        return None
    try:
        read = yaml.load(text, Loader=loader)  # strings, lists and maps only
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if not isinstance(read, dict):
        return None
    return {key: value for key, value in read.items() if isinstance(key, str)}


@functools.cache
def _loader() -> tuple[Any, int]:
    """PyYAML's loader of strings (its C library's where it has one), and the longest
    block it is given."""
    import yaml

    fast = getattr(yaml, "CBaseLoader", None)
    return (fast, YAML_CHARS) if fast is not None else (yaml.BaseLoader, YAML_CHARS_PURE)


def _scalar(raw: str) -> str:
    """A front matter value: a quoted or plain string; a list, a map, a block or an
    anchor gives nothing."""
    value = raw.strip()
    if not value or value[0] in "[{|>&*!%@`":
        return ""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value.split(" #", 1)[0].strip()


def plain_lines(lines: list[str]) -> tuple[list[str], set[int]]:
    """Markdown lines as plain text, one line for one but those of markup alone (fences,
    rules, heading underlines, link references, table rulers), which go; and the
    indexes of those lines that were a list's items."""
    out: list[str] = []
    items: set[int] = set()
    fence = ""
    for line in lines:
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            else:
                out.append(line)  # code as written
            continue
        opened = _FENCE.match(line)
        if opened is not None:
            fence = opened[1][0] * 3
            continue
        if _RULE.match(line) or _REFERENCE.match(line) or _TABLE_RULER.fullmatch(line.strip()):
            continue
        line = _QUOTE.sub("", line)
        heading = _HEADING.match(line)
        if heading is not None:
            line = heading[1] or ""
        item = _ITEM.match(line)
        if item is not None:
            items.add(len(out))
            line = item[1] + line[item.end() :]
        out.append(_inline(line))
    return out, items


def _inline(line: str) -> str:
    if not any(mark in line for mark in "[]`*_~<\\!"):
        return line  # most lines of prose: nothing to take off
    escaped = "\\" in line
    if escaped:
        line = _ESCAPED.sub(lambda m: _HELD[m[1]], line)
    line = _CODE.sub(r"\2", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _STRIKE.sub(r"\1", line)
    line = _TAG.sub("", line)
    return line.translate(_GIVEN_BACK) if escaped else line
