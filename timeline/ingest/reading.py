"""Streams shared by the importers: what decoding found, and a sample put back in front."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from timeline.ingest.encoding import Encoding
from timeline.ingest.timeline_xml import TimelineEntry
from timeline.model import ArticleDraft


@dataclass(frozen=True)
class PageStep:
    """Where a long read of one record (a PDF's pages) is, as it starts on a page:
    `done` of its `total` pages read; recognizing: of the scanned pages OCR reads
    (after the others, much slower), total being theirs."""

    done: int
    total: int
    recognizing: bool = False


# Called as a long read of one record starts on each page: the caller's chance to say
# how far it is and to stop it (by raising).
PageCheck = Callable[[PageStep], None]


class Reading:
    """What reading a stream found: its encoding, bytes replaced with U+FFFD, progress."""

    def __init__(self) -> None:
        self.encoding: Encoding | None = None
        self.replaced = 0
        self.chars_read = 0  # of a text read as a stream
        self.bytes_per_char = 1.0
        # Of a file read whole whose records take long to read (a workbook's rows): the
        # share of them given so far, None where it is not known.
        self.share_read: float | None = None
        # The dates a .timeline file gave for each draft it yielded (ingest.timeline_xml).
        self.stated: dict[ArticleDraft, TimelineEntry] = {}
        # Called between the pages of a long read of one record (a PDF's pages).
        self.check: PageCheck | None = None
        # A PDF's scanned pages left unread (no OCR on this machine): its other pages are
        # the article, and the import says what was left.
        self.unread_scans = 0


class _Prefixed(io.RawIOBase):
    """The bytes already read as a sample, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def prefixed(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """A stream of head (a sample already read) followed by the rest of the stream."""
    return io.BufferedReader(_Prefixed(head, rest), buffer_size=1 << 16)
