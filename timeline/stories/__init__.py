"""Stories: copies of one story (near-duplicates) and threads that continue it.

Pure and store-fed: nothing here runs SQL or imports Qt.  copies.py signs articles
(MinHash over word shingles) and judges candidate pairs; threads.py ranks related
articles by shared rare terms and close dates; diff.py marks the words two copies
do not share.
"""

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
