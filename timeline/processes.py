"""Worker processes: a function mapped over batches in order, a bounded number in flight.

Spawned, never forked: the window imports from a Qt process, and forking one is unsafe
(the child inherits its threads' locks held).  The frozen program calls
multiprocessing.freeze_support() first thing (packaging/entry.py), so a spawned child
of the bundle runs the worker instead of a second program.

Each worker has a pipe of its own and IN_FLIGHT batches at most: it is sent its next
batch when the parent takes a result of its.  Its results are read as soon as it writes
them, by a thread of the parent's (_Collector), so a worker never waits for the parent to
take one.  Nothing is shared between the workers, so
ending them (a cancel) cannot leave a lock held.  multiprocessing.Pool, used before,
hung for good on a cancel about one time in three under load: a worker killed while it
held the shared result queue's write lock (writing a large result the parent had
stopped reading) left Pool.terminate's task handler waiting on that lock for ever.
concurrent.futures' pool can hang on a cancel too (its manager thread reading half a
message, seen with Debian 12's Python 3.11.2).  A worker that dies (killed, out of
memory, a crash in a C library, or unable to start) ends the map with WorkerDied: its
pipe closes and its exit code is set, both of which the parent watches while it waits.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_POLL = 0.1  # seconds between looks at `stop` and at the workers while a batch is awaited
_END_WAIT = 5.0  # seconds an idle worker is given to end by itself before it is killed


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


UNGUARDED = (
    "this script runs again in each worker process and asks for workers "
    'there: put its top level under `if __name__ == "__main__":`'
)


def default_processes() -> int:
    """Worker processes for a large job: one a core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Workers:
    """Spawned worker processes, started on first use; close() ends them."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._workers: list[tuple[Any, Connection]] = []  # (process, the parent's end)
        self._feeders: list[_Feeder] = []  # each worker's batches sent from a thread
        self._collectors: list[_Collector] = []  # and its results read by another
        self._dropped = False  # a map was left with batches in flight: end at once

    def start(self) -> None:
        """Start the processes (OSError, or another error of the platform's, if it cannot)."""
        if self._workers:
            return
        if bootstrapping():
            raise UnguardedScript(UNGUARDED)
        context = multiprocessing.get_context("spawn")
        started: list[tuple[Any, Connection]] = []
        _tracker_running()
        try:
            with _interrupts_ignored_by_children():
                for _ in range(self.processes):
                    ours, theirs = context.Pipe()
                    process = context.Process(target=_serve, args=(theirs,), daemon=True)
                    process.start()
                    theirs.close()  # the child's end: held by the child alone now
                    started.append((process, ours))
        except BaseException:
            _end(started, at_once=True)
            raise
        self._workers = started
        self._feeders = [_Feeder(conn) for _process, conn in started]
        self._collectors = [_Collector(conn) for _process, conn in started]

    def map_ordered(
        self,
        function: Callable[[T], R],
        batches: Iterable[T],
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[tuple[T, R]]:
        """(batch, function(batch)) for each batch, in the order given.

        IN_FLIGHT batches a worker are in flight: a batch is read from batches only when
        a worker has room for it (memory stays bounded whatever the input's length).  stop is
        asked every 0.1 s while a batch is awaited: True raises Stopped.  A worker that
        dies raises WorkerDied; an exception in function is raised here.  Either way, or
        when the caller leaves early, the processes are ended (the next call starts new
        ones).
        """
        self.start()
        pending: deque[tuple[T, int]] = deque()  # (batch, its worker), in order
        # IN_FLIGHT batches a worker: the next waits in its pipe while it works.
        free = deque(w for _ in range(IN_FLIGHT) for w in range(len(self._workers)))
        todo = iter(batches)
        done = False
        try:
            self._give(function, todo, free, pending)
            while pending:
                batch, worker = pending.popleft()
                result = self._result(worker, stop)
                free.append(worker)
                # Its next batch before this one is used: it works while the caller does.
                self._give(function, todo, free, pending)
                yield batch, result
            done = True
        finally:
            if not done:  # stopped, failed, or left by its caller: work in flight dropped
                self._dropped = True
                self.close()

    def _give(
        self,
        function: Callable[[T], R],
        todo: Iterator[T],
        free: deque[int],
        pending: deque[tuple[T, int]],
    ) -> None:
        """Send each free worker its next batch, while there are batches."""
        while free:
            batch = next(todo, _NONE)
            if batch is _NONE:
                return
            worker = free.popleft()
            self._feeders[worker].send((function, batch))
            pending.append((batch, worker))

    def _result(self, worker: int, stop: Callable[[], bool] | None) -> Any:
        replies = self._collectors[worker].replies
        while True:
            try:
                reply = replies.get(timeout=_POLL)
            except queue.Empty:
                reply = None
            if reply is _GONE:
                raise _died()  # its pipe closed: it ended
            if reply is not None:
                ok, value = reply
                if not ok:
                    raise value  # what the function raised (an OSError too), as it raised it
                return value
            if stop is not None and stop():
                raise Stopped
            if any(p.exitcode is not None for p, _c in self._workers):
                raise _died()

    def close(self) -> None:
        """End the processes: at once when a map was left with work in flight (it is
        dropped), else as they end by themselves (they are idle: their output flushed)."""
        workers, self._workers = self._workers, []
        feeders, self._feeders = self._feeders, []
        collectors, self._collectors = self._collectors, []
        for feeder in feeders:
            if not self._dropped:
                feeder.send(None)  # the worker's own end, after anything still to send
            feeder.stop()
        _end(workers, at_once=self._dropped, feeders=feeders, collectors=collectors)
        self._dropped = False

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self._dropped = self._dropped or kind is not None
        self.close()


_NONE: Any = object()  # batches ran out
_GONE: Any = object()  # a worker's pipe closed (it ended)
# Batches in flight a worker: one worked on, the next waiting in its pipe, and results
# the parent has not taken yet (the writer works in bursts: copy judging, a flush).
IN_FLIGHT = 4


class _Feeder:
    """Sends one worker its batches from a thread of its own.

    A batch larger than the pipe's buffer is written only as the worker reads it, which
    it does after its current batch, whose result it writes first: sent from the thread
    that reads the results, the two would wait for each other.  A worker killed with a
    send half done ends the send with an error, and the thread with it.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="worker feeder", daemon=True)
        self._thread.start()

    def send(self, message: object) -> None:
        self._queue.put(message)

    def stop(self) -> None:
        """No more sends: the thread ends after what it is writing (or at once when the
        worker is killed)."""
        self._queue.put(_NONE)

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        while (message := self._queue.get()) is not _NONE:
            try:
                self._conn.send(message)
            except (OSError, ValueError):
                return  # the worker is gone (or its pipe closed): nothing more to send


class _Collector:
    """Reads one worker's replies from a thread of its own as soon as it writes them.

    A reply larger than the pipe's buffer (a batch's results: hundreds of KB) is written
    only as the parent reads it; read when the parent wanted it, the worker waited in its
    write for about half its time in an import (the parent took results in order, in
    bursts), with batches in its pipe it could have worked on.  The replies wait here,
    IN_FLIGHT a worker at most (a batch is sent only for a result taken); _GONE follows
    the last when the worker's end closes.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.replies: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="worker collector", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Read no more (the thread ends within _POLL)."""
        self._stopping.set()

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                if self._conn.poll(_POLL):
                    self.replies.put(self._conn.recv())
        except (EOFError, OSError, ValueError):
            pass  # its end closed (it ended), or ours was
        except Exception as exc:  # a reply that cannot be unpickled here
            self.replies.put((False, RuntimeError(f"a worker's reply could not be read: {exc!r}")))
            return
        self.replies.put(_GONE)


def _died() -> WorkerDied:
    return WorkerDied(
        "a worker process ended unexpectedly (killed, out of memory, or it"
        " could not start: see what it printed)"
    )


def _end(
    workers: list[tuple[Any, Connection]],
    *,
    at_once: bool,
    feeders: Sequence[_Feeder] = (),
    collectors: Sequence[_Collector] = (),
) -> None:
    """End these workers: killed at once, or, once sent their end (None: Workers.close),
    given _END_WAIT seconds, their replies still coming read and dropped meanwhile (by
    their collectors, or here: a worker writing a result nobody reads would never read
    the None), then killed if they linger.  Their pipes are closed once their feeders
    and collectors have ended: a pipe closed under a thread's write or read would free
    its descriptor for another file to take."""
    deadline = time.monotonic() + (0 if at_once else _END_WAIT)
    for i, (process, conn) in enumerate(workers):
        if at_once:
            process.kill()
        collected = i < len(collectors) and collectors[i].is_alive()
        while process.exitcode is None and time.monotonic() < deadline:
            if collected:
                process.join(_POLL)  # its collector reads what it still writes
                continue
            try:
                if conn.poll(_POLL):
                    conn.recv()
            except (EOFError, OSError):
                break  # its end closed: it has ended or is ending
        process.join(_POLL if process.exitcode is None and not at_once else None)
        if process.exitcode is None:
            process.kill()
            process.join()
    for collector in collectors:
        collector.stop()
    for feeder in feeders:
        feeder.join(_END_WAIT)  # the worker is gone: a send still going fails at once
    for collector in collectors:
        collector.join(_END_WAIT)  # within _POLL: it was told to stop
    for _process, conn in workers:
        conn.close()


def _serve(conn: Connection) -> None:
    """A worker's loop: (function, batch) in, (True, result) or (False, exception) out;
    None ends it."""
    _yield_to_the_parent()
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return  # the parent is gone
        if task is None:
            return
        function, batch = task
        try:
            reply: tuple[bool, Any] = (True, function(batch))
        except BaseException as exc:  # the caller's to see, as the function raised it
            reply = (False, exc)
        try:
            conn.send(reply)
        except OSError:
            return  # the parent is gone (killed): nothing to tell, no one to tell it to
        except Exception as exc:  # a result or an exception that cannot be pickled
            with contextlib.suppress(OSError):
                conn.send((False, RuntimeError(f"a worker's reply could not be sent: {exc!r}")))


# The signals a worker leaves to its parent, which stops an import on them and then
# ends its workers (_yield_to_the_parent).
_LEFT_TO_THE_PARENT = {signal.SIGINT, signal.SIGTERM}
# How much less of the processor a worker is given than its parent (POSIX nice).
WORKER_NICENESS = 5


def _yield_to_the_parent() -> None:
    """Run at a lower priority than the parent: the parent is the one writer, the stage
    every article passes through alone, and a worker that has batches in hand took a
    third of the two cores from it (three processes, two cores); at a lower priority a
    worker runs in the time the writer leaves, and still gets a core of its own.

    And leave Ctrl+C and SIGTERM to the parent: a terminal sends Ctrl+C to every process
    of the group, as `kill -TERM -GROUP` and a session's manager send SIGTERM, and a
    worker one ended made a cancelled import's file read as a dead worker's failure
    (two lines, "1 failed files").  The parent ends the workers itself (Workers.close);
    one whose parent was killed ends at its next batch (EOFError, or a reply no one
    takes)."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)
    for signum in _LEFT_TO_THE_PARENT:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signum, signal.SIG_IGN)


def _tracker_running() -> None:
    """Start multiprocessing's resource tracker now if it is not running: starting it
    blocks Ctrl+C and then unblocks it (SIG_UNBLOCK, whatever the mask was), which
    inside _interrupts_ignored_by_children let every worker after the first start with
    Ctrl+C reaching it (a KeyboardInterrupt traceback from a worker still importing)."""
    if os.name == "posix":
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()


@contextlib.contextmanager
def _interrupts_ignored_by_children() -> Iterator[None]:
    """Start processes with Ctrl+C and SIGTERM blocked, as they inherit it (through exec
    too): a child never sees one from its first instruction, where one that ignored it in _serve
    printed a KeyboardInterrupt traceback for a Ctrl+C that came while it was still
    importing (_serve then ignores it for good, which drops one still pending).

    Blocked in this thread only, the parent's handler left as it is: a Ctrl+C meanwhile
    (the workers take a second or more to start on a slow machine, when their modules are
    compiled) reaches the handler once unblocked, or at once through another thread of
    the process (numpy's OpenBLAS keeps some).  Ignoring it here as well, as this did, let
    such a thread take the signal and drop it: the import ran to its end.  Only the main
    thread may do this (the window starts workers from another: no terminal sends it
    Ctrl+C to pass on); without pthread_sigmask, nothing is done."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _LEFT_TO_THE_PARENT)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def bootstrapping() -> bool:
    """Whether this process is a spawned child still importing its parent's main module."""
    process = multiprocessing.current_process()
    return bool(getattr(process, "_inheriting", False))
