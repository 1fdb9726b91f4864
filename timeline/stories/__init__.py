"""Stories: copies of one story (near-duplicates) and threads that continue it.

Pure and store-fed: nothing here runs SQL or imports Qt.  copies.py signs articles
(MinHash over word shingles) and judges candidate pairs; threads.py ranks related
articles by shared rare terms and close dates; diff.py marks the words two copies
do not share.

The names below are imported on first use (PEP 562): the window's story panel needs
only the word diff before its first frame, not the MinHash signing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.stories.copies import (
        Clusters,
        Overlap,
        PairWords,
        Signature,
        WordsOfPair,
        article_text,
        band_keys,
        cluster,
        copies_among,
        copies_in_batch,
        is_copy,
        needs_words,
        overlap,
        rare_shared,
        signature,
        signature_of_words,
        words,
    )
    from timeline.stories.diff import WordDiff, word_diff
    from timeline.stories.threads import Related, candidate_terms, rare_terms, related

_HOMES = {
    "Clusters": "timeline.stories.copies",
    "Overlap": "timeline.stories.copies",
    "PairWords": "timeline.stories.copies",
    "Signature": "timeline.stories.copies",
    "WordsOfPair": "timeline.stories.copies",
    "article_text": "timeline.stories.copies",
    "band_keys": "timeline.stories.copies",
    "cluster": "timeline.stories.copies",
    "copies_among": "timeline.stories.copies",
    "copies_in_batch": "timeline.stories.copies",
    "is_copy": "timeline.stories.copies",
    "needs_words": "timeline.stories.copies",
    "overlap": "timeline.stories.copies",
    "rare_shared": "timeline.stories.copies",
    "signature": "timeline.stories.copies",
    "signature_of_words": "timeline.stories.copies",
    "words": "timeline.stories.copies",
    "WordDiff": "timeline.stories.diff",
    "word_diff": "timeline.stories.diff",
    "Related": "timeline.stories.threads",
    "candidate_terms": "timeline.stories.threads",
    "rare_terms": "timeline.stories.threads",
    "related": "timeline.stories.threads",
}

__all__ = [
    "Clusters",
    "Overlap",
    "PairWords",
    "Related",
    "Signature",
    "WordDiff",
    "WordsOfPair",
    "article_text",
    "band_keys",
    "candidate_terms",
    "cluster",
    "copies_among",
    "copies_in_batch",
    "is_copy",
    "needs_words",
    "overlap",
    "rare_shared",
    "rare_terms",
    "related",
    "signature",
    "signature_of_words",
    "word_diff",
    "words",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:  # a submodule, as `package.submodule` found it once imported
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once: later lookups do not come here
    return value
