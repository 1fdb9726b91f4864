"""Arabic text helpers: search normalization and bidi display for places that cannot shape."""

from timeline.text.bidi import base_direction, for_terminal
from timeline.text.normalize import normalize
from timeline.text.safe import json_line, terminal_safe, visible_controls

__all__ = [
    "base_direction",
    "for_terminal",
    "json_line",
    "normalize",
    "terminal_safe",
    "visible_controls",
]
