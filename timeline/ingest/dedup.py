"""Stable dedup keys: the same article imported twice, from any file, gets the same uid."""

from __future__ import annotations

import re

from timeline.model import ArticleDraft
from timeline.text.normalize import normalize

_SPACE = re.compile(r"\s+")


def _canonical(text: str) -> str:
    return _SPACE.sub(" ", normalize(text)).strip()


def article_uid(draft: ArticleDraft) -> str:
    """A key from normalized source, title and body (not the file it came from)."""
    import hashlib  # here: `timeline extract` loads this module and needs no hash

    key = "\x1f".join(_canonical(part) for part in (draft.source, draft.title, draft.body))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
