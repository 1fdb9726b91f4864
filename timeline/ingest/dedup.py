"""Stable dedup keys: the same article imported twice, from any file, gets the same uid."""

from __future__ import annotations

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
