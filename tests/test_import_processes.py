"""Import with worker processes: the same store and report as one process, cancellable."""

from __future__ import annotations

import itertools
import json
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import fail_mentions_in
from timeline import library
from timeline.processes import WorkerDied, Workers
from timeline.store import Store

REPO = Path(__file__).resolve().parents[1]


def _corpus_file(corpus: Path, tmp_path: Path, records: int = 120) -> Path:
    """Real articles, with a repeat (a duplicate), a bad line and an undated one."""
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    chosen = list(itertools.islice(lines, records))
    undated = json.loads(chosen[3])
    undated["published_raw"] = "not a date"
    undated["title"] += " (2)"
    chosen += [chosen[5], "{not json", json.dumps(undated)]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return path


def _snapshot(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, article_fts, instance)")
    conn.execute("CREATE VIRTUAL TABLE temp.pairs USING fts5vocab(main, article_pairs, instance)")
    queries = {
        "articles": "SELECT id, uid, title, body, published, published_start FROM articles",
        "events": 'SELECT article_id, kind, start, "end", value, label, span_start FROM events',
        "index": "SELECT * FROM article_search",
        "terms": "SELECT * FROM temp.terms",
        "pairs": "SELECT * FROM temp.pairs",
        "copies": "SELECT * FROM story_copies",
        "signatures": "SELECT * FROM story_signatures",
        "bands": "SELECT * FROM story_bands",
    }
    out = {name: sorted(map(repr, conn.execute(sql).fetchall())) for name, sql in queries.items()}
    conn.close()
    return out


def _report(report: library.ImportReport) -> list[tuple]:
    return [
        (f.added, f.duplicates, f.undated, f.rejected, f.rejections, f.undated_examples, f.error)
        for f in report.files
    ]


def test_workers_store_and_report_what_one_process_does(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.store import store as store_module

    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    source = _corpus_file(corpus, tmp_path)
    reports, progress = [], []
    # The word pairs' rows are made by the workers when there are any, by the writer
    # when there are none: counted in this process (the writer's).
    made_here: list[int] = []
    pair_parts = store_module.pair_parts
    monkeypatch.setattr(
        store_module, "pair_parts", lambda *a: made_here.append(1) or pair_parts(*a)
    )
    for processes in (1, 2):
        made_here.clear()
        seen: list[int] = []
        with Store(tmp_path / f"p{processes}.db") as store:
            report = library.import_paths(
                store,
                [source],
                progress=lambda done, _total, _name, seen=seen: seen.append(done),
                processes=processes,
            )
        reports.append(_report(report))
        progress.append(seen[-1])
        assert len(made_here) == (report.added if processes == 1 else 0)
    assert reports[0] == reports[1]
    ((added, duplicates, undated, rejected, *_),) = reports[0]
    assert (duplicates, undated, rejected) == (1, 1, 1) and added > 100
    assert progress[0] == progress[1] == 123
    one, two = _snapshot(tmp_path / "p1.db"), _snapshot(tmp_path / "p2.db")
    assert all(
        one[name] for name in ("articles", "events", "index", "terms", "pairs", "signatures")
    )
    assert one == two


def test_a_small_file_is_not_sent_to_workers(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = []
    monkeypatch.setattr(library.Workers, "start", lambda self: started.append(self))
    source = _corpus_file(corpus, tmp_path, records=10)
    with Store(tmp_path / "s.db") as store:
        report = library.import_paths(store, [source], processes=2)
    assert report.added == 11 and not started


def test_cancelling_with_workers_stores_nothing_of_the_file(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    source = _corpus_file(corpus, tmp_path)
    asked = itertools.count()

    def cancelled() -> bool:
        return next(asked) > 60  # past the head: batches are in the workers

    with Store(tmp_path / "c.db") as store:
        report = library.import_paths(store, [source], cancelled=cancelled, processes=2)
        assert report.cancelled and report.files == []
        assert store.count_articles() == 0
        assert store.db.conn.execute("SELECT count(*) FROM article_search").fetchone() == (0,)


def test_workers_that_cannot_start_leave_the_import_to_one_process(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)

    def refuse(self: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(library.Workers, "start", refuse)
    source = _corpus_file(corpus, tmp_path)
    with Store(tmp_path / "n.db") as store:
        report = library.import_paths(store, [source], processes=2)
    assert report.added > 100 and not report.failed


def _exit_on_two(n: int) -> int:
    """A worker's task that ends its process on 2, as a crash or the OOM killer would."""
    if n == 2:
        os._exit(3)
    return n * 10


def test_a_worker_that_dies_ends_the_map_and_the_next_map_starts_new_workers() -> None:
    with Workers(2) as workers:
        got = []
        with pytest.raises(WorkerDied, match="ended unexpectedly"):
            for _, result in workers.map_ordered(_exit_on_two, [1, 2, 3]):
                got.append(result)
        assert got in ([], [10])  # what came before the death, nothing after it
        assert [r for _, r in workers.map_ordered(_exit_on_two, [4, 5])] == [40, 50]


def test_a_dead_worker_fails_its_file_alone_and_stores_nothing_of_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    first = _corpus_file(corpus, tmp_path)
    second = tmp_path / "second.jsonl"
    second.write_text(
        (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()[150]
        + "\n",
        encoding="utf-8",
    )
    real = Workers.map_ordered

    def dies_after_one(self, function, batches, stop=None):
        for n, pair in enumerate(real(self, function, batches, stop)):
            if n == 1:
                self.close()
                raise WorkerDied("a worker process ended unexpectedly (killed, or out of memory?)")
            yield pair

    monkeypatch.setattr(Workers, "map_ordered", dies_after_one)
    with Store(tmp_path / "d.db") as store:
        report = library.import_paths(store, [first, second], processes=2)
        assert [f.error for f in report.files] == [
            "a worker process ended unexpectedly (killed, or out of memory?)",
            None,
        ]
        assert store.count_articles() == 1  # the second file's one article, none of the first
        assert store.db.conn.execute("SELECT count(*) FROM article_search").fetchone() == (1,)


def test_a_script_without_a_main_guard_imports_once_and_is_told_why(
    corpus: Path, tmp_path: Path
) -> None:
    """Spawned workers run such a script again: there it must say so, not import too."""
    source = _corpus_file(corpus, tmp_path)
    script = tmp_path / "unguarded.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys
            from pathlib import Path
            from timeline import library
            from timeline.store import Store
            library.POOL_MIN_RECORDS = 40
            with Store(Path({str(tmp_path / "u.db")!r})) as store:
                report = library.import_paths(store, [Path({str(source)!r})], processes=2)
            # One write a line: the workers print theirs to the same pipe at the same
            # time, and print() writes each of its parts apart when unbuffered.
            sys.stdout.write(f"added {{report.added}} {{[f.error for f in report.failed]}}\\n")
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    guarded = [line for line in lines if 'if __name__ == "__main__":' in line]
    said = f"stdout: {done.stdout!r}; stderr: {done.stderr[-2000:]!r}"
    assert guarded and all(line.startswith("added 0 ") for line in guarded), said
    (parent,) = [line for line in lines if line not in guarded]
    with Store(tmp_path / "u.db") as store:
        assert parent == f"added {store.count_articles()} []" and store.count_articles() > 100


def test_the_document_counts_kept_are_bounded(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _corpus_file(corpus, tmp_path)
    with Store(tmp_path / "s.db") as store:
        library.import_paths(store, [source], processes=1, copies=False)
        body = store.article(5)
        assert body is not None
        words = set(library.stories.words(body.body))
        counts = library._DocumentCounts(store)
        asked = dict(counts(words))
        assert len(words) > 50 and len(counts.exact) + len(counts.common) == len(words)
        monkeypatch.setattr(library, "_COUNTS_KEPT", 50)
        counts.added([])  # an import's next batch: more words kept than the bound
        assert len(counts.exact) + len(counts.common) == 0
        assert dict(counts(words)) == asked  # asked of the index again, the same


def _large(n: int) -> bytes:
    """A result far larger than a pipe holds: its worker waits, mid-write, for a reader."""
    return bytes([n]) * 2_000_000


def test_leaving_a_map_whose_workers_are_writing_large_results_ends_them() -> None:
    # With multiprocessing.Pool a worker killed mid-write of a result held the shared
    # result queue's lock, and Pool.terminate waited for that lock for ever (a hang
    # seen on a cancelled import).  Each worker has a pipe of its own now.
    import time

    with Workers(2) as workers:
        for _ in range(3):
            began = time.monotonic()
            for batch, result in workers.map_ordered(_large, range(10)):
                assert result == bytes([batch]) * 2_000_000
                break  # left with batches in flight and results being written
            assert time.monotonic() - began < 30
        assert [r[:1] for _b, r in workers.map_ordered(_large, [7, 8])] == [b"\x07", b"\x08"]


def _raises_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three is refused")
    if n == 4:
        raise FileNotFoundError("no four")  # an OSError: the function's, no dead worker
    return n


def test_an_exception_in_a_worker_is_raised_in_the_caller_and_ends_the_map() -> None:
    with Workers(2) as workers:
        got = []
        with pytest.raises(ValueError, match="three is refused"):
            for _b, result in workers.map_ordered(_raises_on_three, [1, 2, 3, 4]):
                got.append(result)
        assert got == [1, 2]
        assert [r for _b, r in workers.map_ordered(_raises_on_three, [5])] == [5]
        with pytest.raises(FileNotFoundError, match="no four"):
            list(workers.map_ordered(_raises_on_three, [4]))


def _large_when_done(n: int) -> tuple[float, bytes]:
    """When the result was made (the clock is the machine's, the same in every process),
    and a result far larger than a pipe holds."""
    import time

    return time.time(), bytes([n]) * 2_000_000


def test_a_worker_goes_on_to_its_next_batch_while_the_parent_is_busy() -> None:
    # A result larger than the pipe is written only as the parent reads it: read when
    # the parent asked for it, the worker waited in its write for about half its time in
    # an import (the writer takes results in order and works in bursts), with batches in
    # its pipe.  Collected as soon as written, the worker works on while the parent is busy.
    import time

    with Workers(1) as workers:
        done: list[float] = []
        woke = 0.0
        for batch, (made, payload) in workers.map_ordered(_large_when_done, range(3)):
            assert payload[:1] == bytes([batch])
            done.append(made)
            if batch == 0:
                time.sleep(1.0)  # the parent busy (writing what the first batch gave)
                woke = time.time()
        assert done[2] < woke  # the third batch was made while the parent was busy


def test_a_recompute_with_workers_stores_what_one_process_does(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    monkeypatch.setattr(library, "_RECOMPUTE_CHUNK", 50)  # several chunks, read as they go
    source = _corpus_file(corpus, tmp_path)
    with Store(tmp_path / "r1.db") as store:
        library.import_paths(store, [source], processes=1)
    before = _snapshot(tmp_path / "r1.db")
    (tmp_path / "r2.db").write_bytes((tmp_path / "r1.db").read_bytes())
    started: list[Workers] = []
    start = Workers.start
    monkeypatch.setattr(Workers, "start", lambda self: started.append(self) or start(self))
    for processes in (1, 2):
        with Store(tmp_path / f"r{processes}.db") as store:
            store.db.conn.execute("DELETE FROM events")
            store.db.conn.execute("UPDATE articles SET published = NULL, published_start = NULL")
            seen: list[int] = []
            done = library.recompute_events(
                store,
                progress=lambda n, _t, _name, seen=seen: seen.append(n),
                processes=processes,
            )
            assert done == store.count_articles() and seen[-1] == done
        assert bool(started) == (processes == 2)
    one, two = _snapshot(tmp_path / "r1.db"), _snapshot(tmp_path / "r2.db")
    assert one["events"] and one == two == before


def test_cancelling_a_recompute_with_workers_leaves_the_store_as_it_was(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    source = _corpus_file(corpus, tmp_path)
    with Store(tmp_path / "c.db") as store:
        library.import_paths(store, [source], processes=1)
        store.db.conn.execute("DELETE FROM events WHERE kind = 'mentioned'")
    before = _snapshot(tmp_path / "c.db")
    asked = itertools.count()
    with Store(tmp_path / "c.db") as store, pytest.raises(library.RecomputeCancelled):
        library.recompute_events(store, cancelled=lambda: next(asked) > 30, processes=2)
    assert _snapshot(tmp_path / "c.db") == before


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks here")
def test_a_ctrl_c_while_the_workers_start_reaches_the_parent_not_them() -> None:
    """The workers start with Ctrl+C blocked, which they inherit; the parent ignored it
    meanwhile as well, and a thread of its own that does not block it (numpy's OpenBLAS
    keeps some) took the signal and dropped it: an import's Ctrl+C in that second was
    lost (a clean checkout's first run, its workers compiling their modules)."""
    from timeline import processes

    heard: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda *_: heard.append(1))
    idle = threading.Event()
    other = threading.Thread(target=idle.wait)  # started before the mask: it takes signals
    other.start()
    try:
        with processes._interrupts_ignored_by_children():
            child = subprocess.run(
                [sys.executable, "-c", _SAYS_IF_SIGINT_IS_BLOCKED],
                capture_output=True,
                text=True,
                check=True,
            )
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
        for _ in range(200):  # the handler runs at the next instruction of this thread
            if heard:
                break
            time.sleep(0.005)
        assert heard == [1]
        assert child.stdout.strip() == "True"  # a child never sees it
        assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    finally:
        idle.set()
        other.join()
        signal.signal(signal.SIGINT, previous)


def _sigint_blocked(_batch: int) -> bool:
    return signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks here")
def test_every_worker_starts_with_ctrl_c_blocked() -> None:
    """Starting multiprocessing's resource tracker (with the first worker) unblocked
    Ctrl+C: the second worker started open to it, and a Ctrl+C while it was importing
    printed a KeyboardInterrupt traceback.  In a process of its own, where the tracker
    has not started yet."""
    script = (
        "from tests.test_import_processes import _sigint_blocked\n"
        "from timeline.processes import Workers\n"
        "with Workers(2) as workers:\n"
        "    print(sorted({r for _b, r in workers.map_ordered(_sigint_blocked, range(8))}))\n"
    )
    repo = Path(__file__).resolve().parents[1]
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[True]"


_SAYS_IF_SIGINT_IS_BLOCKED = (
    "import signal; print(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []))"
)


def test_a_folder_of_small_files_read_by_workers_stores_what_one_process_does(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A run of POOL_MIN_FILES small files is read (and its articles prepared) by the
    # workers: one-article files of every kind, a .timeline file's stated ranges, a
    # Windows-1256 text, a duplicate, a rejected record and files that fail.
    from tests.conftest import SAMPLES
    from tests.export.test_timeline_xml import MADE_ELSEWHERE

    folder = tmp_path / "folder"
    folder.mkdir()
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(library, "POOL_MIN_FILES", 100)
    for n, line in enumerate(lines):  # more than POOL_MIN_FILES
        (folder / f"a{n:03}.json").write_text(line, encoding="utf-8")
    (folder / "a000-again.json").write_text(lines[0], encoding="utf-8")
    for sample in sorted(SAMPLES.glob("*.txt")):
        (folder / f"b-{sample.name}").write_bytes(sample.read_bytes())
    (folder / "c-1256.txt").write_bytes("عنوان\n2015-03-01\n\nمتن الخبر.\n".encode("cp1256"))
    (folder / "d.timeline").write_text(MADE_ELSEWHERE, encoding="utf-8")
    (folder / "e-rejected.jsonl").write_text(lines[70] + "\n{not json\n", encoding="utf-8")
    (folder / "f-bad.json").write_text("{not json", encoding="utf-8")
    (folder / "g-empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    read_ahead = []
    real_map = Workers.map_ordered

    def mapped(self, function, batches, stop=None):  # type: ignore[no-untyped-def]
        read_ahead.append(getattr(function, "func", function) is library._read_with_keys)
        return real_map(self, function, batches, stop)

    monkeypatch.setattr(Workers, "map_ordered", mapped)
    reports, encodings = [], []
    for processes in (1, 2):
        with Store(tmp_path / f"p{processes}.db") as store:
            report = library.import_paths(store, [folder], processes=processes)
        reports.append(_report(report))
        encodings.append([f.encoding for f in report.files])
    assert read_ahead == [True]  # the workers read the folder in the second import only
    assert reports[0] == reports[1] and encodings[0] == encodings[1]
    assert "Windows-1256" in encodings[0]
    failed = [error for *_, error in reports[0] if error]
    assert len(failed) == 2 and any("rejected" not in e for e in failed)
    assert sum(duplicates for _, duplicates, *_ in reports[0]) == 2  # a000, e-rejected's
    assert sum(rejected for _, _, _, rejected, *_ in reports[0]) == 1
    one, two = _snapshot(tmp_path / "p1.db"), _snapshot(tmp_path / "p2.db")
    assert one["copies"] and one == two
    with Store(tmp_path / "p2.db") as store:
        stated = store.db.conn.execute("SELECT count(*) FROM events WHERE kind = 'stated'")
        assert stated.fetchone()[0] == 1  # the .timeline file's range (its point is none)


def test_cancelling_a_folder_read_by_workers_keeps_the_files_done(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_FILES", 100)
    folder = tmp_path / "folder"
    folder.mkdir()
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        (folder / f"{n:03}.json").write_text(line, encoding="utf-8")
    asked = itertools.count()
    with Store(tmp_path / "c.db") as store:
        report = library.import_paths(
            store, [folder], cancelled=lambda: next(asked) > 150, processes=2
        )
        assert report.cancelled and 0 < len(report.files) < len(lines)
        assert store.count_articles() == report.added
        signed = store.db.conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0]
        assert signed == report.added


def test_a_workers_task_of_small_files_fails_only_the_file_at_fault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Files are read a task at a time and their articles prepared together: a file that
    # cannot be read, or whose article the preparation fails on, is that file's failure.
    def record(n: int) -> str:
        return json.dumps({"title": f"عنوان {n}", "body": f"متن رقم {n} يوم 5 مارس 2015"})

    paths = []
    for name, text in [("a", record(1)), ("b", "{not json"), ("c", record(3)), ("d", record(4))]:
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(text, encoding="utf-8")
    alone = [library._read_ahead([path], None, True, frozenset()) for path in paths]
    together = library._read_ahead(paths, None, True, frozenset())
    assert [r.failure is None for r in together] == [True, False, True, True]
    # The same as each read alone (pickled: the signatures hold arrays).
    assert [pickle.dumps(r) for r in together] == [pickle.dumps(one) for (one,) in alone]
    fail_mentions_in(monkeypatch, "رقم 3", "a rule's bug")
    read = library._read_ahead(paths, None, True, frozenset())
    assert [r.failure for r in read][2] == "could not be read (RuntimeError: a rule's bug)"
    assert [r.failure is None for r in read] == [True, False, False, True]
    assert pickle.dumps(read[3]) == pickle.dumps(together[3])


def test_the_cli_refuses_more_processes_than_four_a_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from timeline import processes
    from timeline.cli import cli

    monkeypatch.setattr(processes, "default_processes", lambda: 2)
    article = tmp_path / "a.txt"
    article.write_text("عنوان\n\nنص الخبر في 5 مارس 2015.\n", encoding="utf-8")
    db = str(tmp_path / "p.db")
    refused = CliRunner().invoke(cli, ["--db", db, "import", "--processes", "1000", str(article)])
    assert refused.exit_code == 2 and "at most 8 on this machine" in refused.output
    assert not (tmp_path / "p.db").exists()  # nothing started, nothing made
    taken = CliRunner().invoke(cli, ["--db", db, "import", "--processes", "8", str(article)])
    assert taken.exit_code == 0, taken.output


def _doubled(batch: list[int]) -> list[int]:
    return [2 * n for n in batch]


def test_a_worker_whose_parent_is_gone_ends_quietly() -> None:
    """A parent killed (SIGTERM, a closed terminal) while its workers worked: each
    worker's reply met a broken pipe, its fallback reply another, and every worker
    printed a traceback under the import's output."""
    import multiprocessing

    from timeline import processes

    parent, child = multiprocessing.Pipe()
    parent.send((_doubled, [1, 2, 3]))
    parent.close()  # gone before the reply
    # Served in this process: the signals a worker leaves to its parent are this
    # process's again after (a later test's SIGTERM was ignored).
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        processes._serve(child)  # returns, raises nothing
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    child.close()


def _prepared_by_workers(monkeypatch: pytest.MonkeyPatch) -> list[library.Prepared]:
    """What the workers return for the drafts of a large file, as the writer is given it."""
    seen: list[library.Prepared] = []
    real_map = Workers.map_ordered

    def mapped(self, function, batches, stop=None):  # type: ignore[no-untyped-def]
        for batch, result in real_map(self, function, batches, stop):
            if getattr(function, "func", function) is library._prepare_batch:
                seen.extend(result)
            yield batch, result

    monkeypatch.setattr(Workers, "map_ordered", mapped)
    return seen


def _worked_out(prepared: list[library.Prepared]) -> int:
    """How many of them had their dates, index text and signature made."""
    return sum(p.search is not None and p.signed is not None for p in prepared)


def test_a_file_imported_again_costs_the_workers_its_keys_alone(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    source = _corpus_file(corpus, tmp_path)
    prepared = _prepared_by_workers(monkeypatch)
    reports = []
    for processes in (1, 2):
        with Store(tmp_path / f"p{processes}.db") as store:
            first = library.import_paths(store, [source], processes=processes)
            prepared.clear()
            again = library.import_paths(store, [source], processes=processes)
        reports.append((_report(first), _report(again)))
    assert reports[0] == reports[1]
    ((added, duplicates, *_),) = reports[1][0]
    ((added_again, duplicates_again, *_),) = reports[1][1]
    assert added > 100 and added_again == 0 and duplicates_again == added + duplicates
    assert len(prepared) == added + duplicates  # every draft went to a worker
    assert _worked_out(prepared) == 0  # and none was dated or signed there
    assert _snapshot(tmp_path / "p1.db") == _snapshot(tmp_path / "p2.db")


def test_a_file_half_stored_has_only_its_new_articles_worked_out(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    source = _corpus_file(corpus, tmp_path)
    lines = source.read_text(encoding="utf-8").splitlines()
    half = tmp_path / "half.jsonl"
    half.write_text("\n".join(lines[::2]) + "\n", encoding="utf-8")
    prepared = _prepared_by_workers(monkeypatch)
    reports = []
    for processes in (1, 2):
        with Store(tmp_path / f"p{processes}.db") as store:
            first = library.import_paths(store, [half], processes=1)
            prepared.clear()
            rest = library.import_paths(store, [source], processes=processes)
        reports.append((_report(first), _report(rest)))
    assert reports[0] == reports[1]
    ((stored, *_),) = reports[1][0]
    ((added, duplicates, *_),) = reports[1][1]
    # The half holds the file's repeated article: both of its records are duplicates.
    assert stored > 50 and added > 50 and duplicates == stored + 1
    assert _worked_out(prepared) == added
    assert sum(p.held for p in prepared) == duplicates
    assert _snapshot(tmp_path / "p1.db") == _snapshot(tmp_path / "p2.db")


def test_an_article_the_workers_found_held_and_the_library_does_not_hold_is_added(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As an article removed by another program after the workers were told the keys:
    # the library says which keys it holds when the workers start, and the writer, which
    # asks it of each article, prepares those the workers left.
    from timeline.ingest import ArticleFile, Rejected

    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    source = _corpus_file(corpus, tmp_path)
    with ArticleFile(source) as read:
        removed = [
            library.article_uid(library.as_stored(d)) for d in read if not isinstance(d, Rejected)
        ]
    monkeypatch.setattr(Store, "uids", lambda self: iter(removed))
    # The file's head was held when the writer asked (then removed): the keys are given.
    monkeypatch.setattr(library, "_meets_stored", lambda head, holds: True)
    prepared = _prepared_by_workers(monkeypatch)
    reports = []
    for processes in (1, 2):
        with Store(tmp_path / f"p{processes}.db") as store:
            reports.append(_report(library.import_paths(store, [source], processes=processes)))
    assert reports[0] == reports[1]
    assert _worked_out(prepared) == 0 and len(prepared) == len(removed)
    assert _snapshot(tmp_path / "p1.db") == _snapshot(tmp_path / "p2.db")


def _folder_read_by_workers(monkeypatch: pytest.MonkeyPatch) -> list[library.Prepared]:
    """What the workers prepare of a folder's files, as the writer is given it."""
    seen: list[library.Prepared] = []
    real_map = Workers.map_ordered

    def mapped(self, function, batches, stop=None):  # type: ignore[no-untyped-def]
        for batch, result in real_map(self, function, batches, stop):
            seen.extend(p for ahead in result for p in ahead.prepared if p is not None)
            yield batch, result

    monkeypatch.setattr(Workers, "map_ordered", mapped)
    return seen


def test_a_folder_imported_again_costs_the_workers_its_keys_alone(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(library, "POOL_MIN_FILES", 100)
    for n, line in enumerate(lines[:120]):
        (folder / f"a{n:03}.json").write_text(line, encoding="utf-8")
    prepared = _folder_read_by_workers(monkeypatch)
    with Store(tmp_path / "f.db") as store:
        first = library.import_paths(store, [folder], processes=2)
        prepared.clear()
        again = library.import_paths(store, [folder], processes=2)
    assert first.added == 120 and again.added == 0 and again.duplicates == 120
    # The first file is the writer's: it holds a stored article, the rest go with the keys.
    assert len(prepared) == 119 and _worked_out(prepared) == 0


def test_keys_that_cannot_be_written_leave_every_draft_to_be_prepared(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No temporary folder to write the library's keys in (a full disk, a read-only
    # one): the import goes on as before the keys were given, every draft prepared.
    import tempfile

    def refused(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    source = _corpus_file(corpus, tmp_path)
    with Store(tmp_path / "k.db") as store:
        first = library.import_paths(store, [source], processes=2)
        monkeypatch.setattr(tempfile, "TemporaryDirectory", refused)
        prepared = _prepared_by_workers(monkeypatch)
        again = library.import_paths(store, [source], processes=2)
    assert [f.error for f in again.files] == [None]
    assert again.added == 0 and again.duplicates == first.added + first.duplicates
    assert _worked_out(prepared) == len(prepared) == first.added + first.duplicates


def _counted_uids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the library's keys are read (Store.uids), as a list of one count."""
    calls = [0]
    real = Store.uids

    def counted(self: Store):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return real(self)

    monkeypatch.setattr(Store, "uids", counted)
    return calls


def test_an_import_of_new_articles_never_reads_the_librarys_keys(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading them is 36 ms at 30,154 articles and about 1.2 s at a million: a file of
    # new articles imported into a large library would pay it for nothing.
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    held, new = tmp_path / "held.jsonl", tmp_path / "new.jsonl"
    held.write_text("\n".join(lines[:60]) + "\n", encoding="utf-8")
    new.write_text("\n".join(lines[120:200]) + "\n", encoding="utf-8")
    calls = _counted_uids(monkeypatch)
    prepared = _prepared_by_workers(monkeypatch)
    with Store(tmp_path / "l.db") as store:
        library.import_paths(store, [held], processes=2)
        calls[0] = 0
        prepared.clear()
        report = library.import_paths(store, [new], processes=2)
    assert report.added == 80 and report.duplicates == 0
    assert len(prepared) == 80 and _worked_out(prepared) == 80
    assert calls[0] == 0


def test_stored_articles_after_new_ones_give_the_workers_the_keys_from_then_on(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file's head is new (the writer's probe finds none held); the first stored
    # article the writer meets has the keys read, once, and given with the next batches
    # (batches of 8: of 32, the whole file would be in the workers' pipes by then).
    monkeypatch.setattr(library, "POOL_MIN_RECORDS", 40)
    monkeypatch.setattr(library, "_POOL_BATCH", 8)
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    held, mixed = tmp_path / "held.jsonl", tmp_path / "mixed.jsonl"
    held.write_text("\n".join(lines[:120]) + "\n", encoding="utf-8")
    mixed.write_text("\n".join(lines[120:200] + lines[:120]) + "\n", encoding="utf-8")
    calls = _counted_uids(monkeypatch)
    prepared = _prepared_by_workers(monkeypatch)
    reports = []
    for processes in (1, 2):
        with Store(tmp_path / f"p{processes}.db") as store:
            library.import_paths(store, [held], processes=1)
            calls[0] = 0
            prepared.clear()
            reports.append(_report(library.import_paths(store, [mixed], processes=processes)))
    assert reports[0] == reports[1]
    ((added, duplicates, *_),) = reports[1]
    assert added == 80 and duplicates == 120
    assert calls[0] == 1  # the two processes' import; one process has no workers
    assert len(prepared) == 200
    # The batches in flight when the first stored one was met were worked out in full.
    assert 80 <= _worked_out(prepared) < 200
    assert sum(p.held for p in prepared) == 200 - _worked_out(prepared)
    assert _snapshot(tmp_path / "p1.db") == _snapshot(tmp_path / "p2.db")


def _one_article_files(folder: Path, lines: list[str]) -> Path:
    folder.mkdir()
    for n, line in enumerate(lines):
        (folder / f"a{n:03}.json").write_text(line, encoding="utf-8")
    return folder


def test_a_folder_of_new_files_never_reads_the_librarys_keys(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers read a folder's files before the writer sees them: the keys were read
    # for its first task whatever the files held (about 1.2 s at a million articles).
    monkeypatch.setattr(library, "POOL_MIN_FILES", 40)
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    held = tmp_path / "held.jsonl"
    held.write_text("\n".join(lines[:60]) + "\n", encoding="utf-8")
    new = _one_article_files(tmp_path / "new", lines[120:200])
    calls = _counted_uids(monkeypatch)
    prepared = _folder_read_by_workers(monkeypatch)
    with Store(tmp_path / "l.db") as store:
        library.import_paths(store, [held], processes=1)
        calls[0] = 0
        report = library.import_paths(store, [new], processes=2)
    assert report.added == 80 and report.duplicates == 0
    assert calls[0] == 0
    # The first _PROBED files are the writer's, the rest the workers', worked out in full.
    assert len(prepared) == 80 - library._PROBED and _worked_out(prepared) == len(prepared)


def test_a_folder_of_new_files_then_stored_ones_gives_the_keys_from_then_on(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its first files are new (the writer's probe finds none held); the first stored
    # article the writer meets has the keys read, once, and given with the next tasks
    # (of 4 files: of 16, the whole folder would be in the workers' pipes by then).
    monkeypatch.setattr(library, "POOL_MIN_FILES", 40)
    monkeypatch.setattr(library, "TASK_FILES", 4)
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    held = tmp_path / "held.jsonl"
    held.write_text("\n".join(lines[:120]) + "\n", encoding="utf-8")
    mixed = _one_article_files(tmp_path / "mixed", lines[120:200] + lines[:120])
    calls = _counted_uids(monkeypatch)
    prepared = _folder_read_by_workers(monkeypatch)
    reports = []
    for processes in (1, 2):
        with Store(tmp_path / f"p{processes}.db") as store:
            library.import_paths(store, [held], processes=1)
            calls[0] = 0
            reports.append(_report(library.import_paths(store, [mixed], processes=processes)))
    assert reports[0] == reports[1]
    assert sum(added for added, *_ in reports[1]) == 80
    assert sum(duplicates for _, duplicates, *_ in reports[1]) == 120
    assert calls[0] == 1  # the two processes' import; one process has no workers
    assert len(prepared) == 200 - library._PROBED
    # The tasks in flight when the first stored one was met were worked out in full.
    assert 80 - library._PROBED <= _worked_out(prepared) < len(prepared)
    assert sum(p.held for p in prepared) == len(prepared) - _worked_out(prepared)
    assert _snapshot(tmp_path / "p1.db") == _snapshot(tmp_path / "p2.db")
