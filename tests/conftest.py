"""Shared fixtures: the spaCy pipeline, the bundled seed articles, the shared data sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from storyline.analyze.nlp import load_nlp

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "baghouz"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """Raw text of each bundled seed article, by file stem."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(
            f"evaluation data not found at {SHARED_DATA}: check out ../shared beside the repo"
        )
    return SHARED_DATA
