"""Stable dedup keys: the same article imported twice, from any file, gets the same uid."""

from __future__ import annotations

import re

from timeline.model import ArticleDraft
from timeline.text.normalize import normalize

_SPACE = re.compile(r"\s+")


def _canonical(text: str) -> str:
    return _SPACE.sub(" ", normalize(text)).strip()


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
