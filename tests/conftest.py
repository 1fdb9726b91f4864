"""Shared fixtures: the real corpus beside the repository, and temporary stores."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import settings

from timeline.store import Store

# Hypothesis fails an example that runs past 200 ms (its deadline): a timed assertion,
# which a loaded machine breaks at random (a streamed-list test failed once so in a run
# of the ingest tests and passed 20,000 examples after).  Speed is measured in bench/.
settings.register_profile("timeline", deadline=None)
settings.load_profile("timeline")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = CORPUS / "seed" / "000_e3dea70be14111b3.txt"
SAUDINEWSNET = CORPUS / "saudinewsnet" / "sample.jsonl"
SAMPLES = REPO / "resources" / "samples"

# `python -c ON_A_SMALL_DISK BYTES ARGS...` runs `timeline ARGS...` in a process whose
# files may grow to BYTES, as on a disk with that much room (a write past it fails with
# EFBIG where a full disk's fails with ENOSPC).
ON_A_SMALL_DISK = (
    "import resource, signal, sys\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))\n"
    "sys.argv[:2] = ['timeline']\n"
    "from timeline.__main__ import main\n"
    "main()\n"
)

_CONFIG_HOME: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Keep the window's saved settings (QSettings) and caches out of the user's own profile.

    Without this a test run reads the geometry the developer's own window saved, and
    writes its own over it; parallel runs would share one file.
    """
    global _CONFIG_HOME
    _CONFIG_HOME = tempfile.mkdtemp(prefix="timeline-test-config-")
    os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME
    # The date rules' compiled patterns (timeline.dating.lazy) too: a folder of this run.
    os.environ["XDG_CACHE_HOME"] = os.path.join(_CONFIG_HOME, "cache")
    os.mkdir(os.environ["XDG_CACHE_HOME"])
    # Removed at the interpreter's exit, not in pytest_unconfigure: the date rules save
    # their compiled patterns from an atexit function (registered later, so run first),
    # which made the folder again after unconfigure had removed it (900 KB a run left).
    atexit.register(shutil.rmtree, _CONFIG_HOME, ignore_errors=True)


# np.searchsorted calls of the program that would copy the whole sorted column into
# another type (timeline/sorted_search.py says why: 81 ms of the GUI thread for one):
# "file:line column type <- values' type", filled from any thread, told after each test.
_WIDENED: list[str] = []
_SEARCHSORTED = np.searchsorted
_PROGRAM = os.sep + "timeline" + os.sep


def _widens(column: np.ndarray, values: object) -> str | None:
    """The types, when searching column for values makes numpy copy column whole."""
    if column.dtype.kind not in "iu":
        return None
    wanted = values.dtype if isinstance(values, np.ndarray | np.generic) else None
    wanted = np.asarray(values).dtype if wanted is None else wanted
    if wanted == column.dtype or np.result_type(column.dtype, wanted) == column.dtype:
        return None
    return f"{column.dtype} <- {wanted}"


def _watched_searchsorted(a, v, side="left", sorter=None):  # type: ignore[no-untyped-def]
    column = a if isinstance(a, np.ndarray) else None
    widened = _widens(column, v) if column is not None else None
    caller = sys._getframe(1)
    if widened and _PROGRAM in caller.f_code.co_filename:
        where = caller.f_code.co_filename.split(_PROGRAM)[-1]
        _WIDENED.append(f"{where}:{caller.f_lineno} {widened}")
    return _SEARCHSORTED(a, v, side=side, sorter=sorter)


@pytest.fixture(autouse=True, scope="session")
def _searchsorted_watched() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(np, "searchsorted", _watched_searchsorted)
        yield


@pytest.fixture(autouse=True)
def _no_column_widened(_searchsorted_watched: None) -> Iterator[None]:
    """Fails a test in which the program searched a sorted integer column for values of
    another type (a Python int or an int64 in a 32-bit column, a float in an integer
    one): numpy copies the whole column for that, where timeline.sorted_search does not."""
    yield
    found, _WIDENED[:] = sorted(set(_WIDENED)), []
    if found:
        pytest.fail("a sorted column copied by np.searchsorted: " + "; ".join(found))


@pytest.fixture(autouse=True, scope="session")
def _application_in_english() -> None:
    """The tests' one QApplication, made as an export of an image makes one, in English.

    An image exported without a language makes it in Arabic (the command line's
    default), and the test that made it first chose the language of every later one;
    tests that want Arabic install it (tests/ui's arabic fixture).
    """
    from timeline.export.image import ensure_application

    ensure_application("en")


@pytest.fixture
def corpus() -> Path:
    """The shared corpus; tests that need it are skipped where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (a user's machine)")
    return CORPUS


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "timeline.db") as opened:
        yield opened


def command_line(db: Path):  # type: ignore[no-untyped-def]
    """`timeline --db db ...` through click's CliRunner: a function of the arguments
    that asserts the command's exit code (expect: 0 unless said) and returns its
    result; its .db is db."""
    from click.testing import CliRunner

    from timeline.cli import cli

    runner = CliRunner()

    def invoke(*args: str, expect: int = 0):  # type: ignore[no-untyped-def]
        result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == expect, result.output
        return result

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


def fail_mentions_in(monkeypatch: pytest.MonkeyPatch, marker: str, message: str) -> None:
    """Make the importer's mention finding raise RuntimeError(message) on a body holding
    marker (an importer's bug, to see that only that file fails)."""
    from timeline import library

    real = library.mention_events

    def failing(article_id: int, body: str, published: object) -> list:
        if marker in body:
            raise RuntimeError(message)
        return real(article_id, body, published)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "mention_events", failing)
