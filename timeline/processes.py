"""Worker processes: a function mapped over batches in order, a bounded number in flight.

Spawned, never forked: the window imports from a Qt process, and forking one is unsafe
(the child inherits its threads' locks held).  The frozen program calls
multiprocessing.freeze_support() first thing (packaging/entry.py), so a spawned child
of the bundle runs the worker instead of a second program.

A worker that dies (killed, out of memory, a crash in a C library) ends the batches in
flight with WorkerDied instead of leaving them awaited for ever, as
multiprocessing.Pool would (it replaces the process and forgets its task); the next
map_ordered starts new processes.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_POLL = 0.1  # seconds between looks at `stop` while a batch is awaited


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
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._dropped = False  # a map was left with batches in flight: end at once

    def start(self) -> None:
        """Start the processes (OSError, or another error of the platform's, if it cannot)."""
        if self._pool is None:
            if _bootstrapping():
                raise UnguardedScript(
                    "this script runs again in each worker process and asks for workers "
                    'there: put its top level under `if __name__ == "__main__":`'
                )
            pool = concurrent.futures.ProcessPoolExecutor(
                self.processes, mp_context=multiprocessing.get_context("spawn")
            )
            try:
                pool.submit(os.getpid).result()  # the processes run, or the error is raised
            except BaseException:
                _end(pool)
                raise
            self._pool = pool

    def map_ordered(
        self,
        function: Callable[[T], R],
        batches: Iterable[T],
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[tuple[T, R]]:
        """(batch, function(batch)) for each batch, in the order given.

        At most twice as many batches as processes are read ahead of the one awaited
        (memory stays bounded whatever the input's length: Executor.map would read it
        all).  stop is asked every 0.1 s while a batch is awaited: True raises Stopped.
        A worker that dies raises WorkerDied (the processes are ended; the next call
        starts new ones).
        """
        self.start()
        assert self._pool is not None
        ahead = 2 * self.processes
        pending: deque[tuple[T, concurrent.futures.Future[R]]] = deque()
        done = False
        try:
            for batch in batches:
                pending.append((batch, self._pool.submit(function, batch)))
                if len(pending) > ahead:
                    yield self._next(pending, stop)
            while pending:
                yield self._next(pending, stop)
            done = True
        except BrokenProcessPool:
            self._dropped = True
            self.close()
            raise WorkerDied(
                "a worker process ended unexpectedly (killed, or out of memory?)"
            ) from None
        finally:
            if not done:  # stopped, or left by its caller: what is in flight is dropped
                self._dropped = True
                self.close()

    @staticmethod
    def _next(
        pending: deque[tuple[T, concurrent.futures.Future[R]]], stop: Callable[[], bool] | None
    ) -> tuple[T, R]:
        batch, result = pending.popleft()
        while True:
            try:
                return batch, result.result(_POLL)
            except concurrent.futures.TimeoutError:
                if stop is not None and stop():
                    raise Stopped from None

    def close(self) -> None:
        """End the processes: at once when a map was left with work in flight (it is
        dropped), else as they end by themselves (they are idle: their output flushed)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            if self._dropped:
                _end(pool)
            else:
                pool.shutdown(wait=True)
            self._dropped = False

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self._dropped = self._dropped or kind is not None
        self.close()


def _end(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """Stop a pool's processes at once: shutdown alone waits for the batches they hold."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # CPython's
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)


def _bootstrapping() -> bool:
    """Whether this process is a spawned child still importing its parent's main module."""
    process = multiprocessing.current_process()
    return bool(getattr(process, "_inheriting", False))
