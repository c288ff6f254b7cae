"""Tests of the places benchmark: pairing, distances, AUC, and a run on a few articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluate._toponyms import Tally, Toponym, auc, distance_km, pair_by_overlap
from storyline.evaluate.places import evaluate_places, halves, read_gold


def test_places_pairing_is_one_to_one_by_largest_overlap() -> None:
    gold = [Toponym(0, 10), Toponym(12, 20)]
    predicted = [Toponym(5, 15), Toponym(0, 9)]
    pairs = pair_by_overlap(gold, predicted)
    assert pairs == [(gold[0], predicted[1]), (gold[1], predicted[0])]


def test_places_distance_and_auc() -> None:
    london, paris = Toponym(0, 1, 51.5074, -0.1278), Toponym(0, 1, 48.8566, 2.3522)
    assert distance_km(london, paris) == pytest.approx(344, abs=2)
    assert auc([0.0, 0.0]) == 0.0
    assert 0.0 < auc([0.0, 20039.0]) <= 1.0


def test_places_tally_counts_misses_against_all_gold() -> None:
    tally = Tally()
    gold = [Toponym(0, 5, 10.0, 10.0), Toponym(6, 9, 0.0, 0.0)]
    tally.add(gold, [Toponym(0, 5, 10.0, 10.1), Toponym(6, 9, None, None)])
    scores = tally.scores()
    assert (scores["found"], scores["acc161_found"], scores["acc161_all"]) == (1, 100.0, 50.0)


def test_evaluate_places_scores_storyline_baseline_and_peers(shared_data: Path) -> None:
    path = shared_data / "places" / "geovirus_dev.jsonl"
    result = evaluate_places(path, limit=4)
    assert {"storyline", "baseline_population", "CamCoder", "Edinburgh"} <= set(result)
    for scores in result.values():
        assert set(scores) == {"tune", "held_out", "all"}
    assert result["storyline"]["all"]["found"] > 0
    assert halves(read_gold(path)[:4]) == {"tune": [0, 2], "held_out": [1, 3], "all": [0, 1, 2, 3]}
