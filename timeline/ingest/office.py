"""What Office Open XML files (.xlsx workbooks, .docx documents) share: a zip archive of
XML parts, checked before their library opens it.

Every part is inflated once and counted, so that a part that says it is small and
inflates to gigabytes (a zip bomb, whose stated sizes lie) is refused at the cap rather
than held; a file that is no zip is said as the old binary format it may be (an OLE2
file: Excel 97-2003's .xls, Word 97-2003's .doc) or as no such file at all.
"""

from __future__ import annotations

import io
import zlib

from timeline.ingest.errors import BadArticle
from timeline.ingest.inflate import bomb_reason, unopened_reason

_CHUNK = 1 << 20
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_parts(data: bytes, *, cap: int, what: str, not_zip: str, old: str) -> None:
    """Every part of the file's zip inflated and counted: BadArticle past cap bytes in
    all or at a bomb, for a damaged part, or for a file that is no zip.

    what: the kind of file, as said ("Excel workbook"); not_zip: what a file that is no
    zip is said to be; old: what an OLE2 file is said to be (the 97-2003 format).
    """
    import zipfile  # here: it loads shutil, which `timeline extract` avoids

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        if data[:8] == _OLE2:
            raise BadArticle(old) from exc
        raise BadArticle(not_zip) from exc
    inflated = 0
    with archive:
        for member in archive.infolist():
            try:
                with archive.open(member) as part:
                    while chunk := part.read(_CHUNK):
                        inflated += len(chunk)
                        reason = bomb_reason(inflated, len(data))
                        if reason is None and inflated > cap:
                            reason = f"inflates to more than {cap:,} bytes (a compression bomb?)"
                        if reason is not None:
                            raise BadArticle(f"{member.filename}: {reason}")
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                raise BadArticle(f"not a readable {what} ({member.filename}: {said(exc)})") from exc
            except (RuntimeError, NotImplementedError) as exc:
                # Encrypted, or compressed by a method zipfile does not read (its words
                # for these are a repr of the part).
                reason = unopened_reason(member)
                raise BadArticle(f"not a readable {what} ({member.filename}: {reason})") from exc


def said(exc: BaseException) -> str:
    """An exception in one line: its words, else its kind's name."""
    words = " ".join(str(exc).split())
    return words[:300] if words else type(exc).__name__
