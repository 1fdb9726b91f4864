"""Binary searches of a sorted column in the column's own type.

NumPy's searchsorted casts the whole sorted array to a type that holds both it and the
values sought whenever the two types differ: a Python int, an int64 or a float sought
in a 32-bit column copies every element of the column for one look-up (measured with
NumPy 2.4 at 3,880,000 int32 values: 1.7-2.1 ms a call warm, where the column's own
type takes 0.005 ms; a float sought in an int64 column, 4.3 ms).  On the window's GUI
thread, beside the search's workers, one such look-up of an article's rows (the
article ids a column of 32 bits) took 81 ms, the longest stall of a search at
3,880,000 articles.  The columns are narrowed to 32 bits to halve the window's memory,
so every search of one goes through here: the values are put in the column's type
first, and those outside its range answered without a search.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np

Side = Literal["left", "right"]


def position(sorted_values: np.ndarray, value: float, side: Side = "left") -> int:
    """np.searchsorted(sorted_values, value, side) for one number, without a copy of
    sorted_values (an integer column sought for a float: the integers on its side)."""
    kind = sorted_values.dtype
    if kind.kind not in "iu":
        return int(sorted_values.searchsorted(value, side=side))
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return len(sorted_values)  # NaN sorts last
        if math.isinf(value):
            return 0 if value < 0 else len(sorted_values)
        # Below a float v lie the integers < ceil(v); at or below it, those <= floor(v).
        value = math.ceil(value) if side == "left" else math.floor(value)
    whole = int(value)
    info = np.iinfo(kind)
    if whole < info.min:
        return 0
    if whole > info.max:
        return len(sorted_values)
    return int(sorted_values.searchsorted(kind.type(whole), side=side))


def positions(sorted_values: np.ndarray, values: object, side: Side = "left") -> np.ndarray:
    """np.searchsorted(sorted_values, values, side) for an array (or sequence) of
    numbers, without a copy of sorted_values: the values are copied into its type."""
    wanted = np.asarray(values)
    kind = sorted_values.dtype
    if wanted.dtype == kind or kind.kind not in "iu":
        return np.searchsorted(sorted_values, wanted, side=side)
    if not wanted.size:
        return np.zeros(wanted.shape, dtype=np.intp)
    info = np.iinfo(kind)
    if wanted.dtype.kind in "iu" and np.can_cast(wanted.dtype, kind):
        return np.searchsorted(sorted_values, wanted.astype(kind), side=side)
    if wanted.dtype.kind == "f":
        with np.errstate(invalid="ignore"):
            wanted = np.ceil(wanted) if side == "left" else np.floor(wanted)
        above = ~(wanted <= info.max)  # NaN sorts last
    elif wanted.dtype.kind in "iu":
        above = wanted > info.max
    else:
        return np.searchsorted(sorted_values, wanted, side=side)
    below = wanted < info.min
    inside = np.where(above | below, 0, wanted).astype(kind)
    found = np.searchsorted(sorted_values, inside, side=side)
    found[below] = 0
    found[above] = len(sorted_values)
    return found
