"""The store's messages in the window's language.

The store says why it cannot be opened or written in English lines (the command line
prints them as they are: timeline.store.MESSAGES).  A failure reaches the window as
text; the window knows the store's lines by their templates and says them in the
interface's language.  A line is translated whole, before anything is put around it
(the file being imported: ImportWorker), since a path before its words cannot be told
from a prefix.

Each path, number and SQLite's own words is shown between left-to-right marks, and a
translated line begins with a right-to-left mark: not isolates, which every place that
shows text from outside turns into word joiners (for_display: a message box, a status
line), while the marks pass.  The first mark sets the line's direction even where a
path comes first (a first-strong isolate around the line took it from the path and
laid the Arabic out left to right); the others keep a path's slashes on its side.
"""

from __future__ import annotations

import functools
import re
import string

from PySide6.QtCore import QCoreApplication

from timeline.store import MESSAGES, READ_ONLY_REASONS
from timeline.text.display_safe import for_display, shown_part


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
        "read_only": translate("StoreMessages", "%1 is open read-only: %2"),
        "reason:on_request": translate("StoreMessages", "opened read-only on request"),
        "reason:folder": translate(
            "StoreMessages",
            "its folder %1 is not writable (SQLite writes its -wal and -shm files beside "
            "the database); copy it to a writable folder to change it",
        ),
        "reason:file": translate("StoreMessages", "the file is not writable"),
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


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((key, _pattern(template)) for key, template in MESSAGES.items())


_LTR = "\u200e"  # LEFT-TO-RIGHT MARK
_RTL = "\u200f"  # RIGHT-TO-LEFT MARK


def _value(text: str) -> str:
    """A path, a number or SQLite's words, shown as they are, between left-to-right marks."""
    return f"{_LTR}{for_display(shown_part(text))}{_LTR}"


def _reason(text: str, said: dict[str, str]) -> str:
    """A read-only reason in the interface's language (as it is, if unknown)."""
    for key, template in READ_ONLY_REASONS.items():
        found = _pattern(template).fullmatch(text)
        if found is not None:
            values = [_value(found.group(name)) for name in _names(template)]
            return _filled(said[f"reason:{key}"], values)
    return _value(text)


def _filled(translation: str, values: list[str]) -> str:
    """%1, %2... replaced in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], translation)


def in_interface_language(text: str) -> str:
    """The store's message (the whole of text) said in the interface's language; text as
    it is when it is no message of the store's, or when the interface's language has no
    words for them (the store's own, English)."""
    said = _translations()
    if said["read_only"] == "%1 is open read-only: %2":  # no translation loaded
        return text
    for key, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        values = []
        for name in _names(MESSAGES[key]):
            value = found.group(name)
            values.append(_reason(value, said) if name == "reason" else _value(value))
        return _RTL + _filled(said[key], values)
    return text
