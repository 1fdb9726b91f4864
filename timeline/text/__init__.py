"""Arabic text helpers: search normalization and bidi display for places that cannot shape."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.text.normalize import normalize
from timeline.text.safe import json_line, terminal_safe, visible_controls

if TYPE_CHECKING:
    from timeline.text.bidi import base_direction, for_terminal

__all__ = [
    "base_direction",
    "for_terminal",
    "json_line",
    "normalize",
    "terminal_safe",
    "visible_controls",
]


def __getattr__(name: str) -> Any:
    # The bidi functions pull in python-bidi and arabic-reshaper (and its configparser);
    # the date rules import this package for normalize alone, at every `timeline extract`.
    if name in ("base_direction", "for_terminal"):
        from timeline.text import bidi

        return getattr(bidi, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
