"""Decoding article files in the encodings Arabic news arrives in."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest.encoding import UnreadableFile, decode

TEXT = "كوريا الجنوبية وأمريكا يتفقان على تحالف قوي\nأيّار / مايو ٢٠٢١"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.replace("٢٠٢١", "2021").encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1256"],
)
def test_decodes_every_supported_encoding(data: bytes) -> None:
    decoded = decode(data)
    assert decoded.startswith("كوريا الجنوبية")
    assert "أيّار" in decoded


def test_binary_data_is_refused() -> None:
    with pytest.raises(UnreadableFile):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF)
        | st.sampled_from(" \n.,0123")
    )
)
def test_utf8_round_trips(text: str) -> None:
    assert decode(text.encode("utf-8")) == text
