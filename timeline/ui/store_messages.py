"""The store's messages, and why an edit was refused, in the window's language.

The store says why it cannot be opened or written in English lines (the command line
prints them as they are: timeline.store.MESSAGES), and so do the edits it refuses
(timeline.edits.MESSAGES: a tag's name too long, an article gone, a colour not #rrggbb).  A failure reaches the window as
text; the window knows the store's lines by their templates and says them in the
interface's language.  A line is matched whole (a path before its words could not be
told from a prefix such as a file's name).

Each path, number and SQLite's own words is shown as a unit in an isolate of its own:
a message box is given them as its values (for_message_box: it shows each so, and
turns isolates in its text into word joiners, as it does with any text from outside),
a line shown as it is gets them in isolates (in_interface_language).
"""

from __future__ import annotations

import functools
import re
import string

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from timeline import edits
from timeline.store import MESSAGES, READ_ONLY_REASONS, SCHEMA_DAMAGE, search
from timeline.text import query
from timeline.text.display_safe import isolated


def _translations() -> dict[str, str]:
    """Each message in the interface's language, its values %1, %2... in the order they
    first appear in the English template (a repeated one keeps its number)."""

    translate = QCoreApplication.translate  # lupdate reads each call's literal strings
    return {
        "no_database": translate("StoreMessages", "no database at %1"),
        "not_a_file": translate(
            "StoreMessages", "%1 is not a database file (a folder, a device or a pipe)"
        ),
        "folder_unwritable": translate(
            "StoreMessages", "cannot make %1: its folder %2 is not writable"
        ),
        "folder_is_a_file": translate(
            "StoreMessages", "cannot make %1: %2 is a file, where its folder would be"
        ),
        "cannot_open": translate("StoreMessages", "cannot open %1: %2"),
        "locked": translate(
            "StoreMessages",
            "%1 is locked by another program writing it (an import, or a database tool "
            "holding it); try again when it is done",
        ),
        "not_usable": translate(
            "StoreMessages", "%1 is not a usable timeline database (corrupt or not SQLite): %2"
        ),
        "disk_full": translate(
            "StoreMessages",
            "%1: the disk is full; what was being written was not stored "
            "(free some space and try again)",
        ),
        "disk_full_to_open": translate(
            "StoreMessages",
            "%1 cannot be opened: the disk is full (SQLite has no room beside it for its "
            "-shm file); nothing was changed (free some space and try again)",
        ),
        "not_a_store": translate(
            "StoreMessages", "%1 is an SQLite database, but not a timeline store"
        ),
        "upgrade_read_only": translate(
            "StoreMessages", "%1 needs an upgrade to this version's schema, but it is read-only: %2"
        ),
        "newer": translate(
            "StoreMessages",
            "%1 was written by a newer version of this program (schema %2; this one knows "
            "up to %3). Upgrade the program to open it; nothing was changed.",
        ),
        "damaged": translate(
            "StoreMessages",
            "%1 is damaged (%2); nothing was written to it. Repair copies what can be read "
            "into a new library beside it (the damaged file is left as it is).",
        ),
        "damaged_schema": translate(
            "StoreMessages",
            "%1 is damaged: %2; nothing was written to it. Repair copies what can be read "
            "into a new library beside it (the damaged file is left as it is).",
        ),
        "cut_short": translate(
            "StoreMessages",
            "%1 is cut short: it holds %2 of the %3 bytes its header gives (a copy or download "
            "that did not finish?); nothing was written to it. Copy it again whole if you can, "
            "else Repair copies what can be read into a new library beside it.",
        ),
        "wal_not_its_own": translate(
            "StoreMessages",
            "%1 is whole, but the %2 beside it is not its own (another library's, left when a "
            "program holding that one was killed, or damaged); nothing was written. Move %2 "
            "and %3 elsewhere (keep them) to open the library as its file holds it, or "
            "Repair copies the file alone into a new library beside it.",
        ),
        "read_only": translate("StoreMessages", "%1 is open read-only: %2"),
        "empty": translate("StoreMessages", "%1 is empty: it holds no library to repair"),
        "unfinished_write": translate(
            "StoreMessages",
            "%1 holds an unfinished write (its -journal file) that must be rolled back first, "
            "which needs the file and its folder to be writable: open it once where they can be "
            "written",
        ),
        "reason:on_request": translate("StoreMessages", "opened read-only on request"),
        "reason:folder": translate(
            "StoreMessages",
            "its folder %1 is not writable (SQLite writes its -wal and -shm files beside "
            "the database); copy it to a writable folder to change it",
        ),
        "reason:file": translate("StoreMessages", "the file is not writable"),
        "damage:missing_table": translate("StoreMessages", "its table %1 is missing"),
        "damage:missing_virtual": translate("StoreMessages", "its full-text index %1 is missing"),
        "damage:missing_index": translate("StoreMessages", "its index %1 is missing"),
        "damage:missing_trigger": translate("StoreMessages", "its trigger %1 is missing"),
        "damage:missing_view": translate("StoreMessages", "its view %1 is missing"),
        "damage:column": translate("StoreMessages", "its table %1 has no column %2"),
        "damage:unique": translate(
            "StoreMessages", "its table %1 lacks a uniqueness constraint it needs"
        ),
        "damage:unreadable": translate("StoreMessages", "its table %1 cannot be read (%2)"),
        "damage:version": translate(
            "StoreMessages", "its schema version %1 is none this program writes"
        ),
        "damage:upgrade": translate(
            "StoreMessages", "its upgrade from schema %1 stopped on what it holds (%2)"
        ),
        "edit:no_article": translate("StoreMessages", "no article #%1"),
        "edit:no_event": translate("StoreMessages", "no event #%1"),
        "edit:no_added_event": translate("StoreMessages", "no added event #%1"),
        "edit:not_a_date": translate("StoreMessages", "not a date this program can read: %1"),
        "edit:tag_unnamed": translate("StoreMessages", "a tag needs a name"),
        "edit:tag_too_long": translate(
            "StoreMessages", "a tag's name has at most %1 characters (%2 given)"
        ),
        "edit:tag_separator": translate("StoreMessages", "a tag's name cannot hold ; or ؛: %1"),
        "edit:not_a_colour": translate("StoreMessages", "not a colour: %1 (give #rrggbb)"),
        "edit:no_tag": translate("StoreMessages", "no tag %1"),
        "edit:no_span": translate("StoreMessages", "no span %1:%2 in article #%3"),
        "edit:not_a_mention": translate("StoreMessages", "event #%1 is not a mention in the text"),
        "edit:no_field": translate(
            "StoreMessages", "cannot correct %1: one of title, source, published"
        ),
        "edit:published_lines": translate("StoreMessages", "a publication date is one line: %1"),
        "edit:published_not_iso": translate("StoreMessages", "not an ISO 8601 date and time: %1"),
        "edit:published_phrase": translate(
            "StoreMessages", "a publication date is one date, not a range or a phrase: %1"
        ),
        "edit:range_reversed": translate("StoreMessages", "a range ends after it starts: %1"),
        "search:short_prefix": translate(
            "StoreMessages", "“%1”: a prefix search needs at least %2 letters before the *"
        ),
        "search:only_excluded": translate(
            "StoreMessages", "Excluding words (-word) needs at least one word to look for"
        ),
        "search:too_many_words": translate(
            "StoreMessages", "Too many words: a search takes at most %1"
        ),
        "search:too_many_tokens": translate(
            "StoreMessages",
            "Too long: a search takes at most %1 words in all, a phrase's too",
        ),
        "search:dates_reversed": translate(
            "StoreMessages", "The end of the date range is before its start"
        ),
        "search:too_much": translate(
            "StoreMessages",
            "This search matches too much to finish in time; make it narrower"
            " (a longer prefix, fewer alternatives)",
        ),
        "search:busy": translate("StoreMessages", "The library is busy; try the search again"),
        "search:failed": translate("StoreMessages", "The search could not run: %1"),
    }


@functools.cache
def _templates() -> dict[str, str]:
    """Every line the window knows, by its key in _translations: the store's, and the
    edits' refusals (keys edit:...)."""
    return {
        **MESSAGES,
        **{f"edit:{key}": line for key, line in edits.MESSAGES.items()},
        **{f"search:{key}": line for key, line in query.MESSAGES.items()},
        **{f"search:{key}": line for key, line in search.MESSAGES.items()},
    }


def _names(template: str) -> list[str]:
    """The template's placeholders, each once, in the order they first appear."""
    names: list[str] = []
    for _text, name, _spec, _conversion in string.Formatter().parse(template):
        if name and name not in names:
            names.append(name)
    return names


def _pattern(template: str) -> re.Pattern[str]:
    """A regex that is the template's line: each placeholder a group (a repeated one the
    same text again)."""
    parts: list[str] = []
    seen: set[str] = set()
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(text))
        if name:
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
    return re.compile("".join(parts), re.DOTALL)


# A store line is a template and a path or two: longer text is none (the search for a
# template's groups is quadratic in the text at worst).
_LONGEST = 20_000


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((key, _pattern(template)) for key, template in _templates().items())


# Values that are themselves phrases of the store's, said in the interface's language
# too: by placeholder, the phrases and the prefix of their keys in _translations.
_PHRASES = {"reason": (READ_ONLY_REASONS, "reason"), "what": (SCHEMA_DAMAGE, "damage")}


def _placed(
    words: str, names: list[str], found: re.Match[str], said: dict[str, str], values: list[str]
) -> str:
    """words with each %n, the n-th of names, made the number of its value in values (a
    known read-only reason or schema damage: its own words, placed alike)."""

    def place(number: re.Match[str]) -> str:
        name = names[int(number.group(1)) - 1]
        value = found.group(name)
        if name in _PHRASES:
            phrases, prefix = _PHRASES[name]
            for key, template in phrases.items():
                inner = _pattern(template).fullmatch(value)
                if inner is not None:
                    return _placed(said[f"{prefix}:{key}"], _names(template), inner, said, values)
        values.append(value)
        return f"%{len(values)}"

    return re.sub(r"%(\d)", place, words)


def said_parts(text: str, *, english: bool = False) -> tuple[str, list[str]] | None:
    """The store's message (the whole of text) in the interface's language: its words
    with %1, %2... where its values go (paths, numbers, SQLite's words, as the store gave
    them: untrusted), and the values; None when text is no message of the store's, or
    when the interface's language has no words for them (the store's own, English),
    unless english: its own words then."""
    said = _translations()
    if said["read_only"] == "%1 is open read-only: %2" and not english:  # no translation
        return None
    if len(text) > _LONGEST:
        return None  # no line of the store's (and the templates' searches stay short)
    for key, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            values: list[str] = []
            words = _placed(said[key], _names(_templates()[key]), found, said, values)
            return _direction_mark() + words, values
    return None


def _direction_mark() -> str:
    """The mark of the interface's direction, to begin a line that may begin with a path:
    Qt takes a line's direction from its first letter, isolates included (a line that
    began with the path laid the Arabic after it out left to right)."""
    right_to_left = QCoreApplication.instance() is not None and (
        QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    )
    return "\u200f" if right_to_left else "\u200e"


def in_interface_language(text: str) -> str:
    """The store's message (the whole of text) said in the interface's language, each
    value in an isolate of its own, for a line shown as it is (a status bar's); text as
    it is when said_parts has no words for it."""
    # In English too: a line that begins with the user's Arabic ("“اس*”: a prefix
    # search needs...") was laid out right to left, its English words reversed around it.
    parts = said_parts(text, english=True)
    if parts is None:
        return text
    words, values = parts
    return re.sub(r"%(\d)", lambda m: isolated(values[int(m.group(1)) - 1]), words)


def for_message_box(text: str, message: str) -> tuple[str, list[str]]:
    """(text, values) for message_box, text's %1 standing for message: the store's words
    in the interface's language put in text and its values given apart (message_box
    shows each as a unit in its own direction: a path's Arabic folders stay in order),
    or message itself as text's one value."""
    # In English too, as in_interface_language: the window's words for a damaged
    # library say what its Repair button does (the store's named the command line's
    # `timeline --db ... repair`), and a line given whole as one value took its
    # direction from an Arabic folder in its path, its English reversed around it.
    parts = said_parts(message, english=True)
    if parts is None:
        return text, [message]
    words, values = parts
    return text.replace("%1", words), values
