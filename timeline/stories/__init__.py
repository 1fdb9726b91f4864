"""Stories: copies of one story (near-duplicates) and threads that continue it.

Pure and store-fed: nothing here runs SQL or imports Qt.  copies.py signs articles
(MinHash over word shingles) and judges candidate pairs; threads.py ranks related
articles by shared rare terms and close dates; diff.py marks the words two copies
do not share.

The names below are imported on first use (PEP 562): the window's story panel needs
only the word diff before its first frame, not the MinHash signing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.lazy_names import lazy_names

if TYPE_CHECKING:
    from timeline.stories.copies import (
        Clusters,
        Overlap,
        PairWords,
        Signature,
        Signed,
        WordsOfPair,
        article_text,
        band_keys,
        cluster,
        copies_among,
        copies_in_batch,
        hashes_of_words,
        is_copy,
        needs_words,
        overlap,
        rare_shared,
        sign_texts,
        signature,
        signature_of_words,
        text_hashes,
        word_hashes,
        words,
    )
    from timeline.stories.diff import WordDiff, word_diff
    from timeline.stories.threads import Related, candidate_terms, rare_terms, related

_HOMES = {
    "Clusters": "timeline.stories.copies",
    "Overlap": "timeline.stories.copies",
    "PairWords": "timeline.stories.copies",
    "Signature": "timeline.stories.copies",
    "Signed": "timeline.stories.copies",
    "WordsOfPair": "timeline.stories.copies",
    "article_text": "timeline.stories.copies",
    "band_keys": "timeline.stories.copies",
    "cluster": "timeline.stories.copies",
    "copies_among": "timeline.stories.copies",
    "copies_in_batch": "timeline.stories.copies",
    "hashes_of_words": "timeline.stories.copies",
    "is_copy": "timeline.stories.copies",
    "needs_words": "timeline.stories.copies",
    "overlap": "timeline.stories.copies",
    "rare_shared": "timeline.stories.copies",
    "signature": "timeline.stories.copies",
    "signature_of_words": "timeline.stories.copies",
    "sign_texts": "timeline.stories.copies",
    "text_hashes": "timeline.stories.copies",
    "word_hashes": "timeline.stories.copies",
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
    "Signed",
    "WordDiff",
    "WordsOfPair",
    "article_text",
    "band_keys",
    "candidate_terms",
    "cluster",
    "copies_among",
    "copies_in_batch",
    "hashes_of_words",
    "is_copy",
    "needs_words",
    "overlap",
    "rare_shared",
    "rare_terms",
    "related",
    "sign_texts",
    "signature",
    "signature_of_words",
    "text_hashes",
    "word_diff",
    "word_hashes",
    "words",
]


__getattr__ = lazy_names(__name__, _HOMES, globals())
