"""The set-up scripts behind `make run` and `make test`: which system packages they ask for."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SYSTEM_DEPS = REPO / "scripts" / "system-deps.sh"
LIBPYTHON = REPO / "scripts" / "libpython-package.py"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def wanted(*args: str, **env: str) -> list[str]:
    """The packages `system-deps.sh --print ARGS` asks for, with only `env` as the display."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        ["bash", str(SYSTEM_DEPS), "--print", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_make_run_without_a_display_needs_only_the_offscreen_libraries() -> None:
    packages = wanted("window")
    assert "libegl1" in packages
    assert not [p for p in packages if p.startswith(("libxcb", "libwayland"))]


def test_make_run_on_x11_installs_what_the_xcb_plugin_needs() -> None:
    packages = wanted("window", DISPLAY=":0")
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libx11-xcb1"} <= set(packages)
    assert not [p for p in packages if p.startswith("libwayland")]


def test_make_run_on_wayland_installs_what_the_wayland_plugin_needs() -> None:
    packages = wanted("window", WAYLAND_DISPLAY="wayland-0")
    assert {"libwayland-client0", "libwayland-cursor0", "libwayland-egl1"} <= set(packages)
    both = wanted("window", WAYLAND_DISPLAY="wayland-0", DISPLAY=":0")
    assert {"libwayland-cursor0", "libxcb-cursor0"} <= set(both)


def test_make_test_installs_xvfb_for_the_x11_smoke_test() -> None:
    assert {"xvfb", "xauth", "libxcb-cursor0"} <= set(wanted("test"))


def test_the_browser_level_asks_for_chromium_only() -> None:
    """make test asks for it where npm can fetch TimelineJS3 (the Makefile's test rule)."""
    assert wanted("browser") == ["chromium"]


def test_unknown_level_is_refused() -> None:
    result = subprocess.run(["bash", str(SYSTEM_DEPS), "--print", "bogus"], capture_output=True)
    assert result.returncode == 2


def libpython_package(config: dict[str, str | None], base_prefix: str) -> str:
    """Run scripts/libpython-package.py as an interpreter with this configuration would."""
    code = (
        "import runpy, sys, sysconfig\n"
        f"config = {config!r}\n"
        "sysconfig.get_config_var = config.get\n"
        f"sys.base_prefix = {base_prefix!r}\n"
        f"runpy.run_path({str(LIBPYTHON)!r}, run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_debian_python_without_its_shared_library_asks_for_libpython(tmp_path: Path) -> None:
    """A bare Debian 12: no INSTANCE_SONAME, LDLIBRARY names the -dev package's link."""
    config: dict[str, str | None] = {
        "VERSION": "0.99",  # a version no machine has, so that no libpython is found
        "ABIFLAGS": "",
        "INSTANCE_SONAME": None,
        "LDLIBRARY": "libpython0.99.so",
        "LIBDIR": str(tmp_path),
    }
    assert libpython_package(config, "/usr") == "libpython0.99"
    # Not Debian's interpreter: nothing to install, a message instead.
    assert libpython_package(config, "/opt/python").startswith("!libpython0.99.so.1.0 not found")


def test_a_shared_library_in_libdir_needs_nothing(tmp_path: Path) -> None:
    (tmp_path / "libpython0.99.so.1.0").touch()
    config: dict[str, str | None] = {
        "VERSION": "0.99",
        "ABIFLAGS": "",
        "INSTANCE_SONAME": None,
        "LDLIBRARY": "libpython0.99.so",
        "LIBDIR": str(tmp_path),
    }
    assert libpython_package(config, "/usr") == ""
