"""Stable dedup keys: the same article imported twice, from any file, gets the same uid."""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.model import ArticleDraft
from timeline.text.normalize import normalize
from timeline.text.safe import spreadsheet_value, unwritten_folded, workbook_cell, xml_chars


def _canonical(text: str) -> str:
    """normalize(text), each run of white space one space, stripped; before that each
    control no XML holds and each stand-in our exports write for one a replacement
    character (text.safe.unwritten_folded, schema v21).

    The stand-ins are folded so that a copy's copy is known: library B imports A's
    workbook or .timeline file, whose body holds ␛ or U+FFFD where A's holds an ESC, and
    A then imports any export of B.  Before, B's key differed from A's and the article
    was added to A again (1 of 214 in a test library).  They are folded before the
    split: a vertical tab or a form feed is white space to it, its stand-ins are not.
    A text that holds none keeps the key it always had.

    str.split() with no separator splits on the same white space as the regex \\s (both
    are str.isspace(), a test checks every code point): a third of the time of
    re.sub(r"\\s+", " ", ...) on an article, which replaced each single space too.
    """
    return " ".join(normalize(unwritten_folded(text)).split())


def canonical_parts(draft: ArticleDraft) -> tuple[str, str, str]:
    """The source, title and body as the key reads them: normalize()d, each run of
    white space one space, stripped (copy detection signs the title and body from
    these too, in a worker: see stories.sign_texts(normalized=True))."""
    return _canonical(draft.source), _canonical(draft.title), _canonical(draft.body)


def uid_of_parts(parts: tuple[str, str, str]) -> str:
    """article_uid() from canonical_parts()."""
    import hashlib  # here: `timeline extract` loads this module and needs no hash

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def article_uid(draft: ArticleDraft) -> str:
    """A key from normalized source, title and body (not the file it came from)."""
    return uid_of_parts(canonical_parts(draft))


def uid_of_texts(source: str, title: str, body: str) -> str:
    """article_uid() of an article of this source, title and body (a stored one's)."""
    return uid_of_parts((_canonical(source), _canonical(title), _canonical(body)))


def is_body_of(uid: str, source: str, title: str, draft: ArticleDraft) -> bool:
    """Whether the draft's body is the body of the article whose key is uid, stored with
    this source and title: with them it makes that key (all read as the key reads them),
    whatever source and title the draft itself gives."""
    return uid_of_texts(source, title, draft.body) == uid


# What the exports that cannot hold every character put in a character's place: a
# control's Control Pictures symbol (U+2400-U+241F; workbook), a replacement character
# (workbook, .timeline), or an ellipsis ending a cut cell (workbook).
_WRITTEN_MARKS = re.compile("[\u2400-\u241f\ufffd]|\u2026\\s*$")


def may_be_written(body: str) -> bool:
    """Whether a body holds what an export puts in a character's place (is_written_body
    can then be true): the stored body need not be read for one that holds none."""
    return _WRITTEN_MARKS.search(body) is not None


def is_written_body(draft: ArticleDraft, body: str) -> bool:
    """Whether the draft's body is the stored body `body` as an export of ours wrote it
    where its format cannot hold every character, read back as the importer reads it:
    a workbook's cell (text.safe.workbook_cell; its formula guard taken off again, as
    for the program's own tables) or a .timeline file's XML (text.safe.xml_chars).
    Compared as the key reads texts.  An article whose body holds a control (an ESC,
    a bell) is written so, and its key beside that body is the article's: without this
    its own workbook, imported into its library, added it again.  Since the key reads
    a control and its stand-ins alike (schema v21) the key finds such a body itself;
    this still knows one cut at a cell's length, and one of an article that v21 left
    with its old key (another program's key, or a new key already taken)."""
    given = _canonical(draft.body)
    in_cell = spreadsheet_value(workbook_cell(body)[0].strip())
    return given in (_canonical(in_cell), _canonical(xml_chars(body)))


class ShownKeys:
    """The articles of a library whose source or title the user corrected, known by those
    texts as the user sees them: every export writes them so, and an export imported
    again is then the article it came from, not a new one beside it (the article's key
    is made from the texts it was stored with, which the file no longer holds).

    Made from (uid, stored source, stored title, source shown, title shown) rows.  A
    draft is such an article when its source and title are the shown ones and its body
    is the article's (is_body_of)."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str, str]]) -> None:
        self._by_shown: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for uid, source, title, shown_source, shown_title in rows:
            shown = (_canonical(shown_source), _canonical(shown_title))
            self._by_shown.setdefault(shown, []).append((source, title, uid))

    def __bool__(self) -> bool:
        return bool(self._by_shown)

    def uid_of(self, draft: ArticleDraft) -> str | None:
        """The key of the article the draft is as the user sees it, or None."""
        if not self._by_shown:
            return None
        found = self._by_shown.get((_canonical(draft.source), _canonical(draft.title)))
        # The body read only for a draft named as a corrected article.
        return next((uid for s, t, uid in found or () if is_body_of(uid, s, t, draft)), None)
