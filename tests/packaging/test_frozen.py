"""Smoke test of the frozen one-folder build at dist/timeline/timeline (see packaging/).

Runs only when TIMELINE_SMOKE=1 asks for it (then a missing build fails), so a plain
`pytest` stays fast and never tests a stale dist/. `make smoke` and `make test` rebuild
the build when its sources changed, then run it.
TIMELINE_FROZEN may point at another build of the executable.

Every run uses `env -i` with only HOME, PATH=/usr/bin:/bin, LANG, QT_QPA_PLATFORM and
TIMELINE_DB/XDG directories in a temporary folder, from a working directory outside the
repository, so nothing from the virtualenv or the checkout can leak in. Where the test
may create mount namespaces (root, `unshare`), one more run hides every Python
installation and the package sources outright, and another hides libxcb-cursor.so.0 (the
program must name it in one line); where `Xvfb` exists, one more opens the window on a
real X server.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FROZEN = Path(os.environ.get("TIMELINE_FROZEN", REPO / "dist" / "timeline" / "timeline"))
SAMPLES = REPO / "resources" / "samples"
SEED = REPO.parent / "shared" / "corpus" / "seed" / "000_e3dea70be14111b3.txt"
# 150 MB before the web importers; they add lxml, OpenSSL and trafilatura's data (~25 MB);
# orjson (the exports' encoder, 0.24 MB) and the program's own modules since took the
# bundle to 175.0 MB; openpyxl and PyYAML (workbooks, front matter) to 176.5 MB; pypdf
# (PDF files) to 178.5 MB.  The budget catches a library or Qt module slipping in (each
# tens of MB), not a module's growth: 180.
SIZE_BUDGET_MB = 180

# Lines the offscreen platform prints on its own; anything else on stderr is a failure.
ALLOWED_STDERR = (
    "This plugin does not support propagateSizeHints()",
    "no display available: saving a screenshot instead",
)

# Only on request: `make test` and `make smoke` rebuild dist/ first and set it, so a
# stale build left in dist/ never stands in for the current sources.
pytestmark = pytest.mark.skipif(
    os.environ.get("TIMELINE_SMOKE") != "1",
    reason="the frozen build is tested by `make smoke` / `make test` (TIMELINE_SMOKE=1)",
)


@pytest.fixture(scope="module")
def frozen() -> Path:
    if not FROZEN.exists():
        pytest.fail(f"TIMELINE_SMOKE=1 but there is no build at {FROZEN}: run `make dist`")
    return FROZEN


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary home: empty HOME, XDG data and config folders, a working directory."""
    root = tmp_path_factory.mktemp("frozen")
    for name in ("home", "data", "config", "cwd"):
        (root / name).mkdir()
    return root


def clean_env(sandbox: Path, **extra: str) -> dict[str, str]:
    """What `env -i` leaves plus the few variables the program is meant to read."""
    return {
        "HOME": str(sandbox / "home"),
        "PATH": "/usr/bin:/bin",
        # Any desktop session has a UTF-8 locale; without one Qt warns that it switched to C.UTF-8.
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(sandbox / "data"),
        "XDG_CONFIG_HOME": str(sandbox / "config"),
        "TIMELINE_DB": str(sandbox / "default.db"),
        **extra,
    }


def run_frozen(
    sandbox: Path, args: list[str], *, prefix: list[str] | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run under `env -i`, after `prefix` (a command that execs the rest: unshare...)."""
    command = ["env", "-i", *(f"{k}={v}" for k, v in clean_env(sandbox, **env).items())]
    return subprocess.run(
        [*(prefix or []), *command, *args],
        cwd=sandbox / "cwd",
        capture_output=True,
        text=True,
        timeout=60,
    )


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if line.strip() and line.strip() not in ALLOWED_STDERR
    ]


def added_count(stdout: str) -> int:
    match = re.search(r"^(\d+) added\b", stdout, re.MULTILINE)
    assert match, f"no 'N added' in the import report: {stdout!r}"
    return int(match.group(1))


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (no Qt needed in the test process)."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"not a PNG: {path}"
    return struct.unpack(">II", head[16:24])


def assert_import_ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    # click's progress bar writes only its label to a stderr that is not a terminal.
    # The import names the one sample written with an unreadable date on purpose.
    noise = [
        line
        for line in unexpected_stderr(result.stderr)
        if line.strip() != "importing"
        and not line.endswith(
            "13_undated.txt: 1 article without a readable date: "
            "'نشر في يوم ما من الأيام 7': not a date this program can read"
        )
    ]
    assert not noise, result.stderr


@pytest.fixture(scope="module")
def imported_db(frozen: Path, sandbox: Path) -> Path:
    db = sandbox / "x.db"
    result = run_frozen(sandbox, [str(frozen), "--db", str(db), "import", str(SAMPLES)])
    assert_import_ok(result)
    assert added_count(result.stdout) == len(list(SAMPLES.glob("*.txt")))
    return db


def test_import_samples(imported_db: Path) -> None:
    assert imported_db.stat().st_size > 0


def test_screenshot(frozen: Path, sandbox: Path, imported_db: Path) -> None:
    shot = sandbox / "shot.png"
    result = run_frozen(sandbox, [str(frozen), "--db", str(imported_db), "--screenshot", str(shot)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert not unexpected_stderr(result.stderr), result.stderr
    assert shot.stat().st_size > 0
    width, height = png_size(shot)
    assert width > 0 and height > 0


@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus is absent")
def test_import_corpus_seed_into_default_db(frozen: Path, sandbox: Path) -> None:
    result = run_frozen(sandbox, [str(frozen), "import", str(SEED)])
    assert_import_ok(result)
    assert added_count(result.stdout) == 1
    assert (sandbox / "default.db").exists()


def test_bundle_contents_and_size(frozen: Path) -> None:
    bundle = frozen.parent / "_internal"
    resources = bundle / "resources"
    assert len(list((resources / "samples").glob("*.txt"))) == len(list(SAMPLES.glob("*.txt")))
    assert list((resources / "fonts").glob("NotoSansArabic-*.ttf"))
    assert (resources / "icons" / "arabic-news-timeline.png").exists()
    assert (resources / "timeline.desktop").exists()
    assert list((resources / "translations").glob("*.qm"))
    assert not list((resources / "translations").glob("*.ts"))  # sources stay out
    # Trimming works: none of the big Qt modules we do not use slipped in.
    qt_libs = {p.name for p in (bundle / "PySide6" / "Qt" / "lib").glob("*.so*")}
    assert not {n for n in qt_libs if re.match(r"libQt6(Qml|Quick|Network|Pdf|WebEngine)", n)}
    size = sum(
        p.stat().st_size for p in frozen.parent.rglob("*") if p.is_file() and not p.is_symlink()
    )
    assert size <= SIZE_BUDGET_MB * 1024 * 1024, f"bundle is {size / 2**20:.0f} MB"


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb, yielded as its DISPLAY once it accepts connections.

    Xvfb chooses a free display itself and writes its number to -displayfd only when it
    accepts connections. This replaced `xvfb-run -a`, which made the test fail under load:
    xvfb-run learns that Xvfb is ready from a SIGUSR1 it awaits with the shell's `wait`;
    when the shell reaches `wait` after the signal came (descheduled under load), `wait`
    runs until Xvfb exits, which it never does, and the run hit the 60 s timeout.
    """
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (Debian: xvfb; `make test` installs it)")
    read_end, write_end = os.pipe()
    log = tmp_path / "xvfb.log"
    with log.open("wb") as errors:
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            # One line when ready; end of file if Xvfb gave up.
            ready, _, _ = select.select([numbers], [], [], 60)
            number = numbers.readline().strip() if ready else ""
        assert number.isdigit(), f"Xvfb did not start: {log.read_text(errors='replace')}"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_screenshot_on_x11(frozen: Path, sandbox: Path, imported_db: Path, x_display: str) -> None:
    """A real X server: the xcb platform plugin and the system's X libraries load."""
    shot = sandbox / "x11.png"
    result = run_frozen(
        sandbox,
        [str(frozen), "--db", str(imported_db), "--screenshot", str(shot)],
        QT_QPA_PLATFORM="xcb",
        DISPLAY=x_display,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not unexpected_stderr(result.stderr), result.stderr
    assert png_size(shot) > (0, 0)


def library_dir(soname: str) -> Path | None:
    """The real folder of a system library, where the loader finds it."""
    for folder in ("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu"):
        if (Path(folder) / soname).exists():
            return Path(folder).resolve()
    return None


def private_mounts(mounts: str, purpose: str) -> list[str]:
    """A command prefix that runs the rest after the shell `mounts`, in a private mount namespace.

    Skips the test where that is not possible: not root, no unshare(1), or a root that is
    not a mount point (a chroot).
    """
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip(f"needs root and unshare(1) to {purpose}")
    unshare = ["unshare", "--mount", "--propagation", "private", "sh", "-c"]
    probe = subprocess.run(
        [*unshare, f"{mounts} && exec true"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot create a mount namespace here: {probe.stderr.strip()}")
    return [*unshare, f'{mounts} && exec "$@"', "sh"]


def without_library(tmp_path: Path, soname: str) -> list[str]:
    """A command prefix under which the system library `soname` is gone.

    Inside a private mount namespace the library folder is replaced by a folder of links
    to everything it holds except that library.
    """
    folder = library_dir(soname)
    if folder is None:
        return []  # absent already
    original, view = tmp_path / "original", tmp_path / "view"
    original.mkdir()
    view.mkdir()
    stem = soname.split(".so")[0] + ".so"
    for entry in os.listdir(folder):
        if not entry.startswith(stem):
            (view / entry).symlink_to(original / entry)
    mounts = f"mount --bind '{folder}' '{original}' && mount --bind '{view}' '{folder}'"
    return private_mounts(mounts, f"hide {soname}")


def test_missing_system_library_is_named_in_one_line(
    frozen: Path, sandbox: Path, tmp_path: Path
) -> None:
    """Without libxcb-cursor0 the program says so and exits, instead of Qt's abort."""
    result = run_frozen(
        sandbox,
        [str(frozen), "--db", str(sandbox / "nowindow.db")],
        prefix=without_library(tmp_path, "libxcb-cursor.so.0"),
        QT_QPA_PLATFORM="xcb",
        DISPLAY=":9",
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("timeline: cannot open a window: the system librar"), lines[0]
    assert "libxcb-cursor.so.0" in lines[0] and "libxcb-cursor0" in lines[0], lines[0]
    assert not (sandbox / "nowindow.db").exists()


def hidden_python_dirs() -> list[Path]:
    """Every Python installation on this machine and the package's source folder."""
    candidates = {Path(sys.prefix), Path(sys.base_prefix), REPO / "timeline", REPO / ".venv"}
    for root in (Path("/usr/lib"), Path("/usr/local/lib")):
        candidates.update(root.glob("python3*"))
    return sorted(p for p in candidates if p.is_dir())


def test_runs_with_python_hidden(frozen: Path, sandbox: Path, imported_db: Path) -> None:
    """Run with every Python installation and the sources replaced by empty folders."""
    hide = " && ".join(f"mount -t tmpfs none '{d}'" for d in hidden_python_dirs())
    prefix = private_mounts(hide, "hide the Python installations")
    shot = sandbox / "hidden.png"
    result = run_frozen(
        sandbox, [str(frozen), "--db", str(imported_db), "--screenshot", str(shot)], prefix=prefix
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not unexpected_stderr(result.stderr), result.stderr
    assert shot.stat().st_size > 0


def test_a_large_import_runs_in_worker_processes(frozen: Path, sandbox: Path) -> None:
    # 600 records: more than library.POOL_MIN_RECORDS, so the bundle spawns its workers
    # (each runs the entry script: freeze_support must turn it into a worker).
    import json

    source = sandbox / "many.jsonl"
    source.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"خبر رقم {n}",
                    "body": f"عقد الاجتماع رقم {n} يوم 12 مايو 2015 في الرياض. " * 3,
                    "published": "2015-05-13",
                },
                ensure_ascii=False,
            )
            + "\n"
            for n in range(600)
        ),
        encoding="utf-8",
    )
    db = sandbox / "many.db"
    result = run_frozen(
        sandbox, [str(frozen), "--db", str(db), "import", "--processes", "2", str(source)]
    )
    assert_import_ok(result)
    assert added_count(result.stdout) == 600


def test_extract_runs_as_the_console_script_runs_it(frozen: Path, sandbox: Path) -> None:
    # The frozen program starts in timeline/__main__.py too: extract without click, and
    # what click has a word about (a missing file) handed to click, bundled.
    sample = str(sorted(SAMPLES.glob("*.txt"))[0])
    for args in (
        ["extract", "--published", "2021-05-22T01:32", sample],
        ["extract", "--format", "lines", sample],
        ["extract", str(sandbox / "missing.txt")],
    ):
        frozen_run = run_frozen(sandbox, [str(frozen), *args])
        console = subprocess.run(
            [sys.executable, "-m", "timeline", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "TIMELINE_DB": str(sandbox / "default.db")},
        )
        assert frozen_run.returncode == console.returncode, frozen_run.stderr
        assert frozen_run.stdout == console.stdout
        assert frozen_run.stderr.replace(str(frozen), "timeline") == console.stderr
    assert frozen_run.returncode == 2 and "No such file or directory" in frozen_run.stderr


def test_pdfs_are_read_and_scans_recognized(frozen: Path, sandbox: Path) -> None:
    # pypdf and python-bidi's reference algorithm are in the bundle; the system's
    # Tesseract and pdftoppm run from it with the system's libraries, not the bundle's
    # (the frozen loader points LD_LIBRARY_PATH at them).
    from tests.ingest.pdf_fixtures import drawn, pdf_bytes, scan_of
    from timeline.ingest import ocr

    title = "افتتاح المكتبة العامة في المدينة القديمة"
    printed = sandbox / "printed.pdf"
    lines = [title, "الأحد 12 يوليو 2015", "أعلنت البلدية افتتاح المكتبة."]
    runs = [run for i, line in enumerate(lines) for run in drawn(line, 700 - 14 * i)]
    printed.write_bytes(pdf_bytes([runs]))
    files = [str(printed)]
    if ocr.available():
        files.append(str(scan_of(lines, sandbox / "scan.pdf")))
    for number, path in enumerate(files):
        # Each in a library of its own: the scan reads as the printed page does, and the
        # import would know it as the same article.
        db = sandbox / f"pdf{number}.db"
        result = run_frozen(sandbox, [str(frozen), "--db", str(db), "import", path])
        assert_import_ok(result)
        assert added_count(result.stdout) == 1
        shown = run_frozen(sandbox, [str(frozen), "--db", str(db), "show", "1"])
        assert shown.returncode == 0 and f"title: {title}" in shown.stdout, shown.stdout
        assert "published: 2015-07-12" in shown.stdout, shown.stdout


def test_an_image_export_without_a_library_qt_needs_names_it(
    frozen: Path, sandbox: Path, imported_db: Path, tmp_path: Path
) -> None:
    """Without libGL (a server with only what `import` needs) the image export names the
    library and its package, as the window does; it said "unexpected ImportError"."""
    prefix = without_library(tmp_path, "libGL.so.1")
    if not prefix:
        pytest.skip("libGL.so.1 is not installed here")
    shot = sandbox / "nogl.png"
    result = run_frozen(
        sandbox,
        [str(frozen), "--db", str(imported_db), "export", "--output", str(shot)],
        prefix=prefix,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        "Error: cannot draw the image: the system library libGL.so.1 is missing"
        " (Debian/Ubuntu package libgl1)"
    ]
    assert not shot.exists()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl program")
def test_https_is_fetched_and_no_certificate_authorities_is_said(
    frozen: Path, sandbox: Path, tmp_path: Path
) -> None:
    """The bundle's OpenSSL checks a server against the system's authorities; where there
    are none (no ca-certificates), the import names the package."""
    from tests.ingest.format_fixtures import https_server, page

    with https_server(tmp_path, page()) as (url, authority):
        empty = tmp_path / "empty"
        empty.mkdir()
        for number, cafile in enumerate((authority, tmp_path / "none.pem")):
            db = sandbox / f"https{number}.db"
            result = run_frozen(
                sandbox,
                [str(frozen), "--db", str(db), "import", url],
                SSL_CERT_FILE=str(cafile),
                SSL_CERT_DIR=str(empty),
            )
            if cafile == authority:
                assert_import_ok(result)
                assert added_count(result.stdout) == 1
            else:
                assert f"failed: {url}: its certificate cannot be checked: no certificate" in (
                    result.stdout + result.stderr
                ), result.stdout + result.stderr
                assert "Debian/Ubuntu package ca-certificates" in result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to see what is opened")
def test_a_command_without_qt_loads_no_qt(
    frozen: Path, sandbox: Path, imported_db: Path, tmp_path: Path
) -> None:
    """PyInstaller's PySide6 run-time hook imported QtCore (and ICU's 31 MB) at every start:
    `--version` took 0.41 s and 33 MB against the sources' 0.17 s and 16 MB."""
    log = tmp_path / "opened.txt"
    for args in (["--version"], ["--db", str(imported_db), "search", "القمر"]):
        result = run_frozen(
            sandbox,
            [str(frozen), *args],
            prefix=["strace", "-f", "-qq", "-e", "trace=openat", "-o", str(log)],
        )
        assert result.returncode == 0, result.stdout + result.stderr
        opened = log.read_text()
        assert "libpython" in opened  # (strace saw the program's files)
        assert "libQt6Core" not in opened and "QtCore.abi3.so" not in opened, args
