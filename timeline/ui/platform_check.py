"""Before Qt starts: whether its platform plugin can load, and which system library it lacks.

Qt aborts with a long message when the platform plugin's system libraries are missing
("could not load the Qt platform plugin xcb"). This module loads the plugin first, with the
dynamic loader, and names the missing libraries and their Debian packages in one
line. It imports no Qt (a missing library can make even `import PySide6.QtGui` fail), so
it also works when nothing of Qt can be loaded yet, in the checkout and in the frozen build.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

# Libraries whose Debian package does not follow the soname rule (see debian_package).
_PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
}

_MISSING_IN_DLERROR = re.compile(r"([^\s:/]+\.so[.\d]*): cannot open shared object file")
_NOT_FOUND_IN_LDD = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)

# What loads a library: None when it loaded, else the loader's error message.
Loader = Callable[[Path], "str | None"]
# The sonames a library needs and the loader cannot find, anywhere in its dependency tree.
Unresolved = Callable[[Path], list[str]]


def has_display(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a window can be shown here (X11 or Wayland on Linux; assumed elsewhere)."""
    env = os.environ if environ is None else environ
    if env.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True


# Platforms no one looks at: a failure shown there would wait for a click forever.
_UNSEEN_PLATFORMS = ("offscreen", "minimal")


def failure_needs_a_window(environ: Mapping[str, str] | None = None, stderr: object = "") -> bool:
    """Whether a failure to start the window must be said in a window to be seen: a
    display someone looks at, and no terminal on stderr (started from a desktop menu,
    where stderr goes to a log or nowhere, or a windowed build, where it is None).
    stderr: the stream to ask ("" for sys.stderr)."""
    env = os.environ if environ is None else environ
    requested = [name.split(":")[0].strip() for name in env.get("QT_QPA_PLATFORM", "").split(";")]
    if any(name in _UNSEEN_PLATFORMS for name in requested) or not has_display(env):
        return False
    stream = sys.stderr if stderr == "" else stderr
    isatty = getattr(stream, "isatty", None)
    try:
        return not (callable(isatty) and isatty())
    except (OSError, ValueError):  # closed
        return True


def platform_candidates(environ: Mapping[str, str] | None = None) -> list[str]:
    """The platform plugins Qt will try, in order (any one that loads and connects is enough)."""
    env = os.environ if environ is None else environ
    requested = env.get("QT_QPA_PLATFORM", "")
    if requested:
        # "wayland;xcb" tries both; "xcb:option=value" passes options to the plugin.
        return [name.split(":")[0].strip() for name in requested.split(";") if name.strip()]
    if not has_display(env):
        return ["offscreen"]  # run_window switches to offscreen and saves a screenshot
    # Qt 6 tries Wayland first when a Wayland compositor is there, then X11 (XWayland).
    return ["wayland", "xcb"] if env.get("WAYLAND_DISPLAY") else ["xcb"]


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a library, by Debian's library naming rule.

    libxcb-cursor.so.0 -> libxcb-cursor0; a name ending in a digit takes a hyphen:
    libxkbcommon-x11.so.0 -> libxkbcommon-x11-0. The few exceptions are listed.
    """
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    match = re.fullmatch(r"lib(.+)\.so\.(\d+)(?:\.[\d.]+)?", soname)
    if not match:
        return soname
    base, version = match.group(1).lower(), match.group(2)
    return f"lib{base}-{version}" if base[-1].isdigit() else f"lib{base}{version}"


def dlopen(path: Path) -> str | None:
    """Load a shared library as Qt will; the loader's error message if it cannot."""
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        return str(exc)
    return None


def ldd_not_found(path: Path) -> list[str]:
    """Every soname in the library's dependency tree that the loader cannot find (glibc's ldd)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        result = subprocess.run(
            [ldd, str(path)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND_IN_LDD.findall(result.stdout)))


def platform_plugin(platform: str, pyside_dir: Path) -> Path | None:
    """The plugin file of a platform. Its dependency tree holds every system library that
    QtGui and QtWidgets need too, so it alone tells whether a window can open."""
    plugin = pyside_dir / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    return plugin if plugin.exists() else None


def missing_libraries(
    files: Sequence[Path], load: Loader | None = None, unresolved: Unresolved | None = None
) -> tuple[list[str], str | None]:
    """The sonames missing for `files` to load, and the loader's message if it failed otherwise."""
    load = load or dlopen
    unresolved = unresolved or ldd_not_found
    missing: list[str] = []
    other: str | None = None
    for path in files:
        error = load(path)
        if error is None:
            continue
        names = unresolved(path)
        if not names:
            match = _MISSING_IN_DLERROR.search(error)
            names = [match.group(1)] if match else []
        if not names and other is None:
            other = error
        missing.extend(name for name in names if name not in missing)
    return missing, other


def pyside_dir() -> Path | None:
    """PySide6's folder (in the virtualenv, or inside the frozen bundle), found without importing it."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def window_problem(
    environ: Mapping[str, str] | None = None,
    *,
    pyside: Path | None = None,
    load: Loader | None = None,
    unresolved: Unresolved | None = None,
) -> str | None:
    """One line saying why no window can open (a missing system library), or None if Qt can load."""
    what = qt_problem(environ, pyside=pyside, load=load, unresolved=unresolved)
    return None if what is None else f"timeline: cannot open a window: {what}"


def qt_problem(
    environ: Mapping[str, str] | None = None,
    *,
    pyside: Path | None = None,
    load: Loader | None = None,
    unresolved: Unresolved | None = None,
) -> str | None:
    """Why Qt cannot start here (a missing system library: "the system library
    libGL.so.1 is missing (Debian/Ubuntu package libgl1)"), or None if it can load: the
    window asks, and so does an image export, which draws with Qt on the same platform.

    Qt is fine when any of the platforms it will try loads. If none does, the line names
    the libraries of the one that lacks fewest, with their Debian packages.
    """
    if not sys.platform.startswith("linux"):
        return None
    folder = pyside if pyside is not None else pyside_dir()
    if folder is None:
        return None
    failures: list[tuple[str, list[str], str | None]] = []
    for platform in platform_candidates(environ):
        plugin = platform_plugin(platform, folder)
        if plugin is None:
            return None  # a plugin we do not know about: let Qt speak for itself
        missing, other = missing_libraries([plugin], load, unresolved)
        if not missing and other is None:
            return None
        failures.append((platform, missing, other))
    if not failures:
        return None
    platform, missing, other = min(failures, key=lambda f: (not f[1], len(f[1])))
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(name) for name in missing))
        if len(missing) == 1:
            what = f"the system library {missing[0]} is missing (Debian/Ubuntu package {packages})"
        else:
            what = (
                f"the system libraries {', '.join(missing)} are missing"
                f" (Debian/Ubuntu packages {packages})"
            )
    else:
        what = f"Qt's {platform} platform plugin does not load: {other}"
    return what
