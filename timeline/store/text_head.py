"""The first characters of a stored text, read past any NUL it holds.

SQLite's substr() and length() of a text stop at its first NUL (U+0000): a title
"قبل\\x00بعد" read as substr(title, 1, 1001) came back "قبل", and the timeline, its
exported images and the hidden items' list drew it so.  The text's bytes (a blob's
substr, UTF-8 as the library is written) hold all of it: at most 4 bytes a character
are read, and decoded up to the last whole character.
"""

from __future__ import annotations

import codecs

_MOST_BYTES = 4  # UTF-8's longest character


def head_sql(column: str, chars: int) -> str:
    """SQL for at least the first `chars` characters of a text column, as UTF-8 bytes
    (NULL for NULL; the substr of an empty blob is NULL, hence the coalesce):
    head_text makes them text."""
    whole = f"CAST({column} AS BLOB)"
    return f"coalesce(substr({whole}, 1, {_MOST_BYTES * int(chars)}), {whole})"


def head_text(value: bytes | str | None, chars: int) -> str | None:
    """The first `chars` characters of what head_sql read (a character cut by the byte
    count left out; a byte that is not UTF-8, written by another program, as U+FFFD)."""
    if value is None or isinstance(value, str):
        return value if value is None else value[:chars]
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    return decoder.decode(bytes(value), final=False)[:chars]
