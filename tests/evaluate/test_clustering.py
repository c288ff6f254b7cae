"""Tests of the clustering benchmark: partition scores, the streams, the peers."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluate._cluster_peers import agglomerative, textclust, textclust_available
from storyline.evaluate._event_sets import read_basil, read_ecbplus
from storyline.evaluate._partition import partition_scores


def test_partition_scores_perfect_and_all_in_one() -> None:
    gold = ["a", "a", "b", "b", "c"]
    perfect = partition_scores(gold, ["x", "x", "y", "y", "z"])
    assert perfect["bcubed"]["f1"] == perfect["pairwise"]["f1"] == 1.0
    lumped = partition_scores(gold, ["x"] * 5)
    # B-cubed precision: (2/5 + 2/5 + 2/5 + 2/5 + 1/5) / 5 = 0.36; recall 1.
    assert lumped["bcubed"]["p"] == pytest.approx(0.36)
    assert lumped["bcubed"]["r"] == 1.0
    # Pairwise: 2 of the 10 pairs put together belong together.
    assert lumped["pairwise"]["p"] == pytest.approx(0.2)


def test_partition_scores_singletons_have_no_pair_recall() -> None:
    scores = partition_scores(["a", "a", "b"], ["1", "2", "3"])
    assert scores["pairwise"]["r"] == 0.0
    assert scores["bcubed"]["p"] == 1.0
    assert scores["bcubed"]["r"] == pytest.approx((0.5 + 0.5 + 1) / 3, abs=1e-4)


def test_ecbplus_parts_split_topics_and_keep_lookalikes_together(shared_data: Path) -> None:
    parts = read_ecbplus(shared_data)
    tune_events = {a.event for a in parts["tune"]}
    held_events = {a.event for a in parts["held_out"]}
    assert not tune_events & held_events
    assert {"2ecb", "2ecbplus"} <= tune_events  # both look-alike events of topic 2
    assert read_ecbplus(shared_data) == parts  # the shuffle is fixed


def test_basil_parts_stream_in_publication_order(shared_data: Path) -> None:
    for stream in read_basil(shared_data).values():
        days = [a.published for a in stream]
        assert days == sorted(d for d in days if d is not None)
        assert len(stream) == 75


def test_peers_label_every_article(shared_data: Path) -> None:
    stream = read_basil(shared_data)["tune"][:12]
    texts = [a.text for a in stream]
    labellers = [agglomerative(texts)]
    if textclust_available():
        labellers.append(textclust(texts))
    for labels_at in labellers:
        labels = labels_at(0.6)
        assert len(labels) == len(texts)
        assert 1 <= len(set(labels)) <= len(texts)
