"""Arabic text helpers: search normalization and bidi display for places that cannot shape."""

from timeline.text.bidi import base_direction, for_terminal
from timeline.text.normalize import normalize

__all__ = ["base_direction", "for_terminal", "normalize"]
