"""Tests of the bounded candidate index."""

from __future__ import annotations

from storyline.cluster._index import CandidateIndex


def test_index_keeps_at_most_max_postings_per_key() -> None:
    index = CandidateIndex(max_postings=3)
    for event in range(10):
        index.add(event, [7])
    assert list(index.postings[7]) == [7, 8, 9]


def test_index_ranks_by_shared_keys_then_newest() -> None:
    index = CandidateIndex(max_postings=10)
    index.add(0, [1, 2, 3])
    index.add(1, [1])
    index.add(2, [1, 2])
    assert index.candidates([1, 2, 3], limit=2) == [0, 2]
    assert index.candidates([1], limit=5) == [2, 1, 0]


def test_index_moves_an_event_up_when_it_gains_a_key_again() -> None:
    index = CandidateIndex(max_postings=2)
    index.add(0, [5])
    index.add(1, [5])
    index.add(0, [5])
    index.add(2, [5])
    assert list(index.postings[5]) == [0, 2]
