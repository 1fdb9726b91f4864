"""Arabic, Hijri and Gregorian date parsing and dated mentions in text. Pure functions.

The names below are imported on first use (PEP 562): the window's axis needs only the
calendar conversions before its first frame, not the date rules, which take a tenth of
a second and more to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.lazy_names import lazy_names

if TYPE_CHECKING:
    from timeline.dating.dateline import parse_date_line
    from timeline.dating.mentions import extract_mentions, mention_rows
    from timeline.dating.normalize import Folded, fold, strip_marks
    from timeline.dating.values import gregorian_to_hijri, hijri_to_gregorian

_HOMES = {
    "parse_date_line": "timeline.dating.dateline",
    "extract_mentions": "timeline.dating.mentions",
    "mention_rows": "timeline.dating.mentions",
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
    "mention_rows",
    "parse_date_line",
    "strip_marks",
]


__getattr__ = lazy_names(__name__, _HOMES, globals())
