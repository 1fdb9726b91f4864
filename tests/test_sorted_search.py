"""Binary searches in a column's own type: numpy's answers, without numpy's copy."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.sorted_search import position, positions

_KINDS = [np.int32, np.int64, np.uint32, np.int16]
_NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True, width=64),
)


def _column(kind: type, values: list[int]) -> np.ndarray:
    info = np.iinfo(kind)
    return np.sort(np.clip(np.array(values, dtype=object), info.min, info.max).astype(kind))


def _expected(column: np.ndarray, value: float | int, side: str) -> int:
    """Where value goes, by comparison in Python's exact arithmetic."""
    if isinstance(value, float) and value != value:
        return len(column)
    items = [int(x) for x in column]
    return sum(1 for x in items if (x < value if side == "left" else x <= value))


@given(
    kind=st.sampled_from(_KINDS),
    items=st.lists(st.integers(min_value=-(2**40), max_value=2**40), max_size=40),
    value=_NUMBERS,
    side=st.sampled_from(["left", "right"]),
)
def test_position_is_where_the_value_goes(kind, items, value, side) -> None:
    column = _column(kind, items)
    assert position(column, value, side) == _expected(column, value, side)


@given(
    kind=st.sampled_from(_KINDS),
    items=st.lists(st.integers(min_value=-(2**40), max_value=2**40), max_size=40),
    wanted=st.one_of(
        st.lists(st.integers(min_value=-(2**62), max_value=2**62), max_size=12).map(
            lambda v: np.array(v, dtype=np.int64)
        ),
        st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=12).map(
            lambda v: np.array(v, dtype=np.float64)
        ),
        st.lists(st.integers(min_value=0, max_value=255), max_size=12).map(
            lambda v: np.array(v, dtype=np.uint8)
        ),
    ),
    side=st.sampled_from(["left", "right"]),
)
def test_positions_are_where_the_values_go(kind, items, wanted, side) -> None:
    column = _column(kind, items)
    found = positions(column, wanted, side)
    assert found.tolist() == [_expected(column, v.item(), side) for v in wanted]


def test_a_float_column_is_searched_as_numpy_does() -> None:
    column = np.array([0.5, 1.5, 2.5])
    assert position(column, 1.5, "right") == 2
    assert positions(column, [2, 0], "left").tolist() == [2, 0]


@pytest.mark.parametrize("value", [123_456, np.int64(123_456), 123_456.5, 2**40])
def test_no_copy_of_a_32_bit_column(value) -> None:
    """np.searchsorted copies the whole column into 64 bits for these (8 MB here)."""
    column = np.arange(0, 2_000_000, 2, dtype=np.int32)
    tracemalloc.start()
    try:
        position(column, value)
        positions(column, np.array([value, 7]))
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000
