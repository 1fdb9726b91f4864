"""Arabic, Hijri and Gregorian date parsing and dated mentions in text. Pure functions.

The names below are imported on first use (PEP 562): the window's axis needs only the
calendar conversions before its first frame, not the date rules, which take a tenth of
a second and more to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.dating.dateline import parse_date_line
    from timeline.dating.mentions import extract_mentions
    from timeline.dating.normalize import Folded, fold, strip_marks
    from timeline.dating.values import gregorian_to_hijri, hijri_to_gregorian

_HOMES = {
    "parse_date_line": "timeline.dating.dateline",
    "extract_mentions": "timeline.dating.mentions",
    "Folded": "timeline.dating.normalize",
    "fold": "timeline.dating.normalize",
    "strip_marks": "timeline.dating.normalize",
    "gregorian_to_hijri": "timeline.dating.values",
    "hijri_to_gregorian": "timeline.dating.values",
}

__all__ = [
    "Folded",
    "extract_mentions",
    "fold",
    "gregorian_to_hijri",
    "hijri_to_gregorian",
    "parse_date_line",
    "strip_marks",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:  # a submodule, as `package.submodule` found it once imported
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once: later lookups do not come here
    return value
