"""The start-up check that names a missing system library instead of letting Qt abort."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import cli as cli_module
from timeline.ui import platform_check
from timeline.ui.platform_check import (
    debian_package,
    missing_libraries,
    platform_candidates,
    window_problem,
)


def fake_pyside(root: Path, platforms: tuple[str, ...] = ("xcb", "wayland", "offscreen")) -> Path:
    """A PySide6 folder layout with empty files where the libraries would be."""
    folder = root / "PySide6"
    (folder / "Qt" / "plugins" / "platforms").mkdir(parents=True, exist_ok=True)
    for name in platforms:
        (folder / "Qt" / "plugins" / "platforms" / f"libq{name}.so").touch()
    return folder


class FakeLoader:
    """A dynamic loader that lacks some sonames: `needs` maps a file name to what it links."""

    def __init__(self, needs: dict[str, list[str]], absent: set[str]) -> None:
        self.needs = needs
        self.absent = absent

    def unresolved(self, path: Path) -> list[str]:
        return [name for name in self.needs.get(path.name, []) if name in self.absent]

    def load(self, path: Path) -> str | None:
        lost = self.unresolved(path)
        if not lost:
            return None
        return f"{lost[0]}: cannot open shared object file: No such file or directory"


XCB_NEEDS = {
    "libqxcb.so": ["libGL.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libX11-xcb.so.1"],
    "libqwayland.so": ["libwayland-client.so.0", "libwayland-cursor.so.0"],
    "libqoffscreen.so": ["libfontconfig.so.1"],
}


def problem(
    tmp_path: Path, env: dict[str, str], absent: set[str], *, ldd: bool = True
) -> str | None:
    loader = FakeLoader(XCB_NEEDS, absent)
    return window_problem(
        env,
        pyside=fake_pyside(tmp_path),
        load=loader.load,
        unresolved=loader.unresolved if ldd else (lambda _path: []),
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DISPLAY": ":0"}, ["xcb"]),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ["wayland", "xcb"]),
        ({}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "wayland;xcb:nomitshm"}, ["wayland", "xcb"]),
    ],
)
def test_platform_candidates_follow_qt(env: dict[str, str], expected: list[str]) -> None:
    assert platform_candidates(env) == expected


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_names(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_missing_xcb_cursor_is_named_with_its_package(tmp_path: Path) -> None:
    line = problem(tmp_path, {"DISPLAY": ":0"}, {"libxcb-cursor.so.0"})
    assert line == (
        "timeline: cannot open a window: the system library libxcb-cursor.so.0 is missing"
        " (Debian/Ubuntu package libxcb-cursor0)"
    )


def test_every_missing_library_is_named_on_one_line(tmp_path: Path) -> None:
    line = problem(tmp_path, {"DISPLAY": ":0"}, {"libxcb-icccm.so.4", "libGL.so.1"})
    assert line is not None and "\n" not in line
    assert "libGL.so.1, libxcb-icccm.so.4 are missing" in line
    assert "packages libgl1 libxcb-icccm4)" in line


def test_without_ldd_the_loader_message_names_the_first(tmp_path: Path) -> None:
    line = problem(
        tmp_path, {"DISPLAY": ":0"}, {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}, ldd=False
    )
    assert line is not None and line.endswith(
        "libxcb-cursor.so.0 is missing (Debian/Ubuntu package libxcb-cursor0)"
    )


def test_nothing_missing_means_no_problem(tmp_path: Path) -> None:
    assert problem(tmp_path, {"DISPLAY": ":0"}, set()) is None
    # What only another platform needs does not matter.
    assert problem(tmp_path, {"DISPLAY": ":0"}, {"libwayland-cursor.so.0"}) is None


def test_one_loadable_platform_of_several_is_enough(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert problem(tmp_path, env, {"libwayland-cursor.so.0"}) is None
    both = problem(
        tmp_path, env, {"libwayland-cursor.so.0", "libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    )
    # Neither loads: the one that lacks fewest is named.
    assert both is not None and "libwayland-cursor.so.0 is missing" in both


def test_offscreen_without_display_is_checked_too(tmp_path: Path) -> None:
    line = problem(tmp_path, {}, {"libfontconfig.so.1"})
    assert line is not None and "libfontconfig1" in line


def test_a_plugin_qt_does_not_ship_is_left_to_qt(tmp_path: Path) -> None:
    assert problem(tmp_path, {"QT_QPA_PLATFORM": "cocoa"}, {"libGL.so.1"}) is None


def test_a_plugin_that_fails_otherwise_is_reported_with_the_loader_message(tmp_path: Path) -> None:
    """The real loader on a plugin file that is not a library at all."""
    pyside = fake_pyside(tmp_path, ("xcb",))
    (pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so").write_bytes(b"not a library")
    line = window_problem({"DISPLAY": ":0"}, pyside=pyside)
    assert line is not None
    assert line.startswith(
        "timeline: cannot open a window: Qt's xcb platform plugin does not load: "
    )
    assert "libqxcb.so" in line


@pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler")
def test_the_real_loader_finds_a_missing_dependency(tmp_path: Path) -> None:
    """A plugin linked to a library that is then removed: dlopen and ldd both see the gap."""
    build = tmp_path / "build"
    build.mkdir()
    (build / "gone.c").write_text("int timeline_gone(void) { return 1; }\n")
    (build / "plugin.c").write_text(
        "int timeline_gone(void);\nint use(void) { return timeline_gone(); }\n"
    )
    subprocess.run(
        [
            "cc",
            "-shared",
            "-fPIC",
            "-Wl,-soname,libtimelinegone.so.7",
            "-o",
            build / "libtimelinegone.so",
            build / "gone.c",
        ],
        check=True,
    )
    pyside = fake_pyside(tmp_path, ())
    plugin = pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    subprocess.run(
        [
            "cc",
            "-shared",
            "-fPIC",
            "-o",
            plugin,
            build / "plugin.c",
            f"-L{build}",
            "-ltimelinegone",
        ],
        check=True,
    )
    assert missing_libraries([plugin]) == (["libtimelinegone.so.7"], None)
    assert window_problem({"DISPLAY": ":0"}, pyside=pyside) == (
        "timeline: cannot open a window: the system library libtimelinegone.so.7 is missing"
        " (Debian/Ubuntu package libtimelinegone7)"
    )


def test_the_window_command_prints_the_line_and_does_not_start_qt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader = FakeLoader(XCB_NEEDS, {"libxcb-cursor.so.0"})
    monkeypatch.setattr(platform_check, "dlopen", loader.load)
    monkeypatch.setattr(platform_check, "ldd_not_found", loader.unresolved)
    monkeypatch.setattr(platform_check, "pyside_dir", lambda: fake_pyside(tmp_path))

    def must_not_run(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("the window was started")

    monkeypatch.setattr("timeline.ui.app.run_window", must_not_run)
    env = {"DISPLAY": ":0", "QT_QPA_PLATFORM": None, "WAYLAND_DISPLAY": None}
    result = CliRunner().invoke(cli_module.cli, ["--db", str(tmp_path / "t.db")], env=env)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "timeline: cannot open a window: the system library libxcb-cursor.so.0 is missing"
        " (Debian/Ubuntu package libxcb-cursor0)"
    ]


def test_an_image_export_names_the_missing_library_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An image is drawn by Qt: without its system libraries the export said
    "Error: unexpected ImportError: libGL.so.1: cannot open shared object file"."""
    db = tmp_path / "t.db"
    article = tmp_path / "a.txt"
    article.write_text("افتتاح جسر جديد\nنشر في 12 يوليو 2015\nافتتح الجسر اليوم.\n", "utf-8")
    imported = CliRunner().invoke(cli_module.cli, ["--db", str(db), "import", str(article)])
    assert imported.exit_code == 0, imported.output
    loader = FakeLoader(XCB_NEEDS, {"libGL.so.1", "libfontconfig.so.1"})
    monkeypatch.setattr(platform_check, "dlopen", loader.load)
    monkeypatch.setattr(platform_check, "ldd_not_found", loader.unresolved)
    monkeypatch.setattr(platform_check, "pyside_dir", lambda: fake_pyside(tmp_path))
    env = {"DISPLAY": None, "QT_QPA_PLATFORM": None, "WAYLAND_DISPLAY": None}
    for fmt in ("png", "svg", "pdf"):
        out = tmp_path / f"t.{fmt}"
        result = CliRunner().invoke(
            cli_module.cli, ["--db", str(db), "export", "--output", str(out)], env=env
        )
        assert result.exit_code == 1, result.output
        assert result.stderr.splitlines() == [
            "Error: cannot draw the image: the system library libfontconfig.so.1 is missing"
            " (Debian/Ubuntu package libfontconfig1)"
        ]
        assert not out.exists()
