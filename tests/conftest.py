"""Shared fixtures: the real corpus beside the repository, and temporary stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.store import Store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = CORPUS / "seed" / "000_e3dea70be14111b3.txt"
SAUDINEWSNET = CORPUS / "saudinewsnet" / "sample.jsonl"
SAMPLES = REPO / "resources" / "samples"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus; tests that need it are skipped where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (a user's machine)")
    return CORPUS


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "timeline.db") as opened:
        yield opened
