"""Compressed inputs read with a cap on what they inflate to: a gzip or zip bomb is refused."""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO, TYPE_CHECKING, BinaryIO, cast

from timeline.ingest.errors import BadArticle, DamagedData

if TYPE_CHECKING:
    import zipfile  # imported where a zip is read: it loads shutil, which `extract` avoids

# Text compresses 3 to 20 times; a stream that inflates past 64 MiB at more than 200
# times what it read is a bomb, and nothing inflates past 4 GiB whatever its ratio.
BOMB_RATIO = 200
RATIO_FREE_BYTES = 64 * 1024 * 1024
MAX_INFLATED = 4 * 1024 * 1024 * 1024
# A zip member's flags that say it is encrypted: ZIP's own encryption, and PKWARE's
# strong encryption (which zipfile does not read even given the password).
_ENCRYPTED_FLAGS = 0x1 | 0x40


def bomb_reason(inflated: int, compressed: int) -> str | None:
    """Why inflating `compressed` bytes to `inflated` is refused, or None."""
    if inflated > MAX_INFLATED:
        return f"inflates to more than {MAX_INFLATED:,} bytes (a compression bomb?)"
    if inflated > RATIO_FREE_BYTES and inflated > BOMB_RATIO * max(compressed, 1):
        return (
            f"inflates more than {BOMB_RATIO} times ({compressed:,} bytes to over "
            f"{inflated:,}): a compression bomb?"
        )
    return None


def unopened_reason(member: zipfile.ZipInfo) -> str:
    """Why zipfile would not open a zip's member (RuntimeError or NotImplementedError
    on opening it), in plain words: it is encrypted, or compressed by a method zipfile
    does not read (Deflate64, which Windows uses for large files; PPMd)."""
    if member.flag_bits & _ENCRYPTED_FLAGS:
        return "needs a password (an encrypted file is not read)"
    return "compressed in a way that cannot be read: zip it again with ordinary compression"


class _Counted:
    """What has been read of a stream, counted as it is read: a pipe cannot tell its
    place (`timeline extract` on a named pipe failed on "Illegal seek")."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.read_bytes = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self.raw.read(size)
        self.read_bytes += len(data)
        return data

    def seek(self, offset: int, /) -> int:
        """Where gzip rewinds to (its start): counted from there."""
        self.read_bytes = offset
        return self.raw.seek(offset)


class CappedGzip(io.RawIOBase):
    """A gzip file's content as a stream that stops with BadArticle at a bomb, and with
    DamagedData where its data is cut short or damaged."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw
        self._counted = _Counted(raw)
        self._gzip = gzip.GzipFile(fileobj=self._counted, mode="rb")
        self.inflated = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        """Back to the start only (a document read twice: a large TimelineJS file's)."""
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if (offset, whence) != (0, io.SEEK_SET):
            raise io.UnsupportedOperation("a gzip stream goes back to its start only")
        self._raw.seek(0)
        self._counted = _Counted(self._raw)
        self._gzip = gzip.GzipFile(fileobj=self._counted, mode="rb")
        self.inflated = 0
        return 0

    def tell(self) -> int:
        return self.inflated

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            # read1: one read of the inflated data at most, so that the read that finds
            # the data cut short or damaged loses nothing inflated before it (readinto
            # dropped what it had gathered: 136 whole records of a .jsonl.gz cut short).
            data = self._gzip.read1(len(buffer))
        except (OSError, EOFError, zlib.error) as exc:
            raise DamagedData(f"damaged or truncated gzip data ({exc})") from exc
        count = len(data)
        buffer[:count] = data
        self.inflated += count
        reason = bomb_reason(self.inflated, self._counted.read_bytes)
        if reason is not None:
            raise BadArticle(reason)
        return count

    def close(self) -> None:
        if not self.closed:
            self._gzip.close()
            self._raw.close()
        super().close()


def open_gzip(raw: IO[bytes]) -> BinaryIO:
    """A buffered, capped stream of what the gzip data in raw inflates to."""
    return cast(BinaryIO, io.BufferedReader(CappedGzip(raw), buffer_size=1 << 16))


def read_capped(stream: BinaryIO, limit: int, kind: str) -> bytes:
    """At most limit bytes of stream (a file of the format kind); BadArticle when there
    are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise BadArticle(f"more than the {limit:,} bytes a {kind} file may be")
    return data


_SAMPLE_STEP = 64 * 1024  # bytes of a sample read at a time


def sample_until_damaged(stream: BinaryIO, size: int) -> tuple[bytes, DamagedData | None]:
    """The first size bytes of a stream (a sample its encoding is told by), or what
    could be read of them before its compressed data was found cut short or damaged,
    and that damage (a .jsonl.gz cut at 200 KB failed whole at its first read)."""
    parts: list[bytes] = []
    got = 0
    # read1: at most one read of the data below, so that one that fails loses nothing
    # read before it (read(n) drops what it gathered when a later step of it fails).
    read = getattr(stream, "read1", stream.read)
    try:
        while got < size and (part := read(min(_SAMPLE_STEP, size - got))):
            parts.append(part)
            got += len(part)
    except DamagedData as exc:
        return b"".join(parts), exc
    return b"".join(parts), None
