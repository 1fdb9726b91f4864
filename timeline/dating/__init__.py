"""Arabic, Hijri and Gregorian date parsing and dated mentions in text. Pure functions."""

from timeline.dating.dateline import parse_date_line
from timeline.dating.mentions import extract_mentions
from timeline.dating.normalize import Folded, fold, strip_marks
from timeline.dating.values import gregorian_to_hijri, hijri_to_gregorian

__all__ = [
    "Folded",
    "extract_mentions",
    "fold",
    "gregorian_to_hijri",
    "hijri_to_gregorian",
    "parse_date_line",
    "strip_marks",
]
