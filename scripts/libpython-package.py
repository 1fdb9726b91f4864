"""Print the Debian package holding this interpreter's shared library when it is missing.

PyInstaller bundles libpython3.X.so.1.0. Debian's python3 is linked statically and ships
the shared library apart, in libpython3.X: this prints that name when the library cannot
be found, "!" and a message when the interpreter is not Debian's (nothing to install),
and nothing when the library is there. Used by scripts/system-deps.sh (`make dist`).
"""

import ctypes
import os
import sys
import sysconfig


def version() -> str:
    """3.11 and the like."""
    return str(sysconfig.get_config_var("VERSION"))


def library_names() -> list[str]:
    """The names PyInstaller looks for (Debian's LDLIBRARY is the -dev package's link)."""
    names = [
        sysconfig.get_config_var("INSTANCE_SONAME"),
        f"libpython{version()}{sysconfig.get_config_var('ABIFLAGS') or ''}.so.1.0",
        sysconfig.get_config_var("LDLIBRARY"),
    ]
    return [name for name in names if name and not name.endswith(".a")]


def found(name: str) -> bool:
    if os.path.exists(os.path.join(sysconfig.get_config_var("LIBDIR") or "", name)):
        return True
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def main() -> None:
    if any(found(name) for name in library_names()):
        return
    if sys.base_prefix == "/usr":
        print(f"libpython{version()}")
    else:
        name = library_names()[0]
        print(f"!{name} not found: PyInstaller needs a Python built with --enable-shared")


if __name__ == "__main__":
    main()
