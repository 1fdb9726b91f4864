"""Stable dedup keys: the same article imported twice, from any file, gets the same uid."""

from __future__ import annotations

from collections.abc import Iterable

from timeline.model import ArticleDraft
from timeline.text.normalize import normalize


def _canonical(text: str) -> str:
    """normalize(text), each run of white space one space, stripped.

    str.split() with no separator splits on the same white space as the regex \\s (both
    are str.isspace(), a test checks every code point): a third of the time of
    re.sub(r"\\s+", " ", ...) on an article, which replaced each single space too.
    """
    return " ".join(normalize(text).split())


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


def is_body_of(uid: str, source: str, title: str, draft: ArticleDraft) -> bool:
    """Whether the draft's body is the body of the article whose key is uid, stored with
    this source and title: with them it makes that key (all read as the key reads them),
    whatever source and title the draft itself gives."""
    return uid_of_parts((_canonical(source), _canonical(title), _canonical(draft.body))) == uid


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
