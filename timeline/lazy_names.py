"""A package's names imported on first use (PEP 562), for packages whose modules cost
more to import than the package's first users need (the window before its first frame
needs neither the date rules nor the copies' signing)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_names(
    package: str, homes: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """The module __getattr__ of package: each name of homes imported from its module
    (homes[name]) on first use and kept in namespace, the package's globals, so that
    later look-ups do not come here; any other name is tried as a submodule."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:  # a submodule, as `package.submodule` found it once imported
            try:
                return importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{package}.{name}":
                    raise
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value  # once: later look-ups do not come here
        return value

    return __getattr__
