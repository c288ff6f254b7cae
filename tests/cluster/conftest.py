"""Real articles for the clustering tests: ECB+ dev topics, names read by spaCy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from storyline.cluster import ArticleFeatures, features_from
from storyline.cluster._features import NAME_LABELS


@pytest.fixture(scope="session")
def ecbplus_rows(shared_data: Path) -> list[dict[str, Any]]:
    path = shared_data / "events" / "ecbplus_dev.jsonl"
    lines = path.read_text(encoding="utf-8").split("\n")
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def topic_one(ecbplus_rows: list[dict[str, Any]], nlp: Language) -> list[ArticleFeatures]:
    """ECB+ topic 1: two celebrities entering rehab, years apart (two look-alike events)."""
    rows = [row for row in ecbplus_rows if row["topic"] == "1"]
    return [_features(row, nlp) for row in rows]


@pytest.fixture(scope="session")
def gold_of(ecbplus_rows: list[dict[str, Any]]) -> dict[str, str]:
    return {row["id"]: row["event"] for row in ecbplus_rows}


def _features(row: dict[str, Any], nlp: Language) -> ArticleFeatures:
    names = [ent.text for ent in nlp(row["text"]).ents if ent.label_ in NAME_LABELS]
    return features_from(row["id"], row["text"], names=names)
