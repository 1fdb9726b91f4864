"""The encodings of article files: see timeline.text.encoding, where they are decided.

They live there so that reading one text (`timeline extract`) loads none of the
importers: importing any module of this package runs its __init__, which imports them
all. This module keeps the names the importers and their tests use.
"""

from __future__ import annotations

from timeline.text.encoding import (
    ERRORS,
    SAMPLE_BYTES,
    Decoded,
    Encoding,
    UnreadableFile,
    decode,
    decode_counted,
    detect,
    fold_line_ends,
    replaced_so_far,
    utf8_reader,
)

__all__ = [
    "ERRORS",
    "SAMPLE_BYTES",
    "Decoded",
    "Encoding",
    "UnreadableFile",
    "decode",
    "decode_counted",
    "detect",
    "fold_line_ends",
    "replaced_so_far",
    "utf8_reader",
]
