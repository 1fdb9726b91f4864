"""Worker processes: a function mapped over batches in order, a bounded number in flight.

Spawned, never forked: the window imports from a Qt process, and forking one is unsafe
(the child inherits its threads' locks held).  The frozen program calls
multiprocessing.freeze_support() first thing (packaging/entry.py), so a spawned child
of the bundle runs the worker instead of a second program.

A worker that dies (killed, out of memory, a crash in a C library) ends the batches in
flight with WorkerDied.  multiprocessing.Pool replaces such a worker and forgets the
batch it held, which would then be awaited for ever; so the writer, while it waits,
looks at the exit codes of the workers it started (a Pool worker never ends by itself).
concurrent.futures' pool reports a dead worker itself, but killing its workers on a
cancel can leave its manager thread reading half a message for ever, and the
interpreter then never exits (seen with Debian 12's Python 3.11.2); Pool.terminate does
not.
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

_POLL = 0.1  # seconds between looks at `stop` and at the workers while a batch is awaited


class Stopped(Exception):
    """`stop` said True while a batch was awaited."""


class WorkerDied(RuntimeError):
    """A worker process ended while it held a batch: what it was doing is lost."""


class UnguardedScript(Exception):
    """Workers asked for by a spawned worker still importing its parent's main script.

    A script that imports without an `if __name__ == "__main__":` guard runs again in
    every spawned worker.  Not an error a caller falls back from (as from a platform
    without processes): the worker would import the files itself, beside its parent.
    """


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
        self._started: list[Any] = []  # the pool's worker processes, as it started them
        self._dropped = False  # a map was left with batches in flight: end at once

    def refuse_unguarded(self) -> None:
        """UnguardedScript when this process is a spawned worker still importing its
        parent's main script (asked before a file's write lock is taken: the worker
        would wait for its parent's, and be refused, without saying why)."""
        if self._pool is None and _bootstrapping():
            raise UnguardedScript(
                "this script runs again in each worker process and asks for workers "
                'there: put its top level under `if __name__ == "__main__":`'
            )

    def start(self) -> None:
        """Start the processes (OSError, or another error of the platform's, if it cannot)."""
        if self._pool is None:
            self.refuse_unguarded()
            self._pool = multiprocessing.get_context("spawn").Pool(self.processes)
            self._started = list(getattr(self._pool, "_pool", []))  # CPython's

    def map_ordered(
        self,
        function: Callable[[T], R],
        batches: Iterable[T],
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[tuple[T, R]]:
        """(batch, function(batch)) for each batch, in the order given.

        At most twice as many batches as processes are read ahead of the one awaited
        (memory stays bounded whatever the input's length: Pool.imap would read it
        all).  stop is asked every 0.1 s while a batch is awaited: True raises Stopped.
        A worker that dies raises WorkerDied (the processes are ended; the next call
        starts new ones).
        """
        self.start()
        assert self._pool is not None
        ahead = 2 * self.processes
        pending: deque[tuple[T, Any]] = deque()
        done = False
        try:
            for batch in batches:
                pending.append((batch, self._pool.apply_async(function, (batch,))))
                if len(pending) > ahead:
                    yield self._next(pending, stop)
            while pending:
                yield self._next(pending, stop)
            done = True
        finally:
            if not done:  # stopped, failed, or left by its caller: work in flight dropped
                self._dropped = True
                self.close()

    def _next(self, pending: deque[tuple[T, Any]], stop: Callable[[], bool] | None) -> tuple[T, R]:
        batch, result = pending.popleft()
        while True:
            try:
                return batch, result.get(_POLL)
            except multiprocessing.TimeoutError:
                if stop is not None and stop():
                    raise Stopped from None
                if any(process.exitcode is not None for process in self._started):
                    raise WorkerDied(
                        "a worker process ended unexpectedly (killed, or out of memory?)"
                    ) from None

    def close(self) -> None:
        """End the processes: at once when a map was left with work in flight (it is
        dropped), else as they end by themselves (they are idle: their output flushed)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            if self._dropped:
                pool.terminate()
            else:
                pool.close()
            pool.join()
            self._dropped = False
            self._started = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self._dropped = self._dropped or kind is not None
        self.close()


def _bootstrapping() -> bool:
    """Whether this process is a spawned child still importing its parent's main module."""
    process = multiprocessing.current_process()
    return bool(getattr(process, "_inheriting", False))
