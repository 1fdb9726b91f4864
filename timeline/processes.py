"""Worker processes: a function mapped over batches in order, a bounded number in flight.

Spawned, never forked: the window imports from a Qt process, and forking one is unsafe
(the child inherits its threads' locks held).  The frozen program calls
multiprocessing.freeze_support() first thing (packaging/entry.py), so a spawned child
of the bundle runs the worker instead of a second program.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_POLL = 0.1  # seconds between looks at `stop` while a batch is awaited


class Stopped(Exception):
    """`stop` said True while a batch was awaited."""


def default_processes() -> int:
    """Worker processes for a large job: one a core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Workers:
    """A pool of spawned worker processes, started on first use; close() ends them."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._pool: multiprocessing.pool.Pool | None = None

    def start(self) -> None:
        """Start the processes (OSError, or another error of the platform's, if it cannot)."""
        if self._pool is None:
            self._pool = multiprocessing.get_context("spawn").Pool(self.processes)

    def map_ordered(
        self,
        function: Callable[[T], R],
        batches: Iterable[T],
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[tuple[T, R]]:
        """(batch, function(batch)) for each batch, in the order given.

        At most twice as many batches as processes are read ahead of the one awaited
        (memory stays bounded whatever the input's length: Pool.imap would read it all).
        stop is asked every 0.1 s while a batch is awaited: True raises Stopped.
        """
        self.start()
        assert self._pool is not None
        ahead = 2 * self.processes
        pending: deque[tuple[T, Any]] = deque()
        for batch in batches:
            pending.append((batch, self._pool.apply_async(function, (batch,))))
            if len(pending) > ahead:
                yield self._next(pending, stop)
        while pending:
            yield self._next(pending, stop)

    @staticmethod
    def _next(pending: deque[tuple[T, Any]], stop: Callable[[], bool] | None) -> tuple[T, R]:
        batch, result = pending.popleft()
        while True:
            try:
                return batch, result.get(_POLL)
            except multiprocessing.TimeoutError:
                if stop is not None and stop():
                    raise Stopped from None

    def close(self) -> None:
        """End the processes now (work in flight is dropped)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
