"""Tests of the Timeline17 benchmark on a small slice of one folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.evaluate._tilse import parse_reference, score
from storyline.evaluate.timeline17 import evaluate_timeline17, read_folder

FOLDER = "H1N1_bbc"


@pytest.fixture(scope="module")
def t17(shared_data: Path) -> Path:
    return shared_data / "timeline17"


def test_evaluate_timeline17_returns_json_shape(t17: Path) -> None:
    result = evaluate_timeline17(t17, folders=[FOLDER], max_articles=20)
    assert set(result) == {"storyline", "storyline_no_focus", "baseline"}
    for system in result.values():
        assert set(system["mean"]) >= {"ar1_f", "ar2_f", "date_f1"}
        assert list(system["folders"]) == [FOLDER]
        assert all(0.0 <= value <= 1.0 for value in system["mean"].values())
    assert result["storyline"]["mean"]["date_f1"] > 0.0


def test_read_folder_dates_articles_by_their_folder(t17: Path) -> None:
    articles = read_folder(t17 / FOLDER, max_articles=5)
    assert len(articles) == 5
    for article in articles:
        assert article.published is not None
        assert article.id.startswith(article.published.iso() + "/")


def test_score_reference_against_itself_is_perfect(t17: Path) -> None:
    path = next((t17 / FOLDER / "timelines").glob("*.txt"))
    reference = parse_reference(path.read_text(encoding="utf-8"))
    assert all(isinstance(day, dt.date) for day in reference)
    result = score(reference, reference)
    assert result["align_r1_f"] == pytest.approx(1.0)
    assert result["date_f1"] == pytest.approx(1.0)


def test_score_empty_prediction_is_zero(t17: Path) -> None:
    path = next((t17 / FOLDER / "timelines").glob("*.txt"))
    reference = parse_reference(path.read_text(encoding="utf-8"))
    assert score({}, reference)["date_f1"] == 0.0
