"""Tests of the online clusterer on real ECB+ articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.cluster import ArticleFeatures, OnlineClusterer, features_from
from storyline.model import PartialDate
from storyline.settings import Settings


def _events_by_gold(
    articles: list[ArticleFeatures], gold_of: dict[str, str]
) -> dict[str, Counter[str]]:
    clusterer = OnlineClusterer()
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        found[clusterer.add(article)][gold_of[article.id]] += 1
    return found


def test_online_empty_stream_gives_no_event() -> None:
    assert OnlineClusterer().events() == ()


def test_online_one_article_starts_one_event(topic_one: list[ArticleFeatures]) -> None:
    clusterer = OnlineClusterer()
    event_id = clusterer.add(topic_one[0])
    (event,) = clusterer.events()
    assert event.id == event_id
    assert event.article_ids == (topic_one[0].id,)


def test_online_keeps_lookalike_rehab_events_apart(
    topic_one: list[ArticleFeatures], gold_of: dict[str, str]
) -> None:
    found = _events_by_gold(topic_one, gold_of)
    for counts in found.values():
        assert len(counts) == 1, f"an event mixes both rehab stories: {counts}"
    # Each of the two happenings is mostly in one event, not scattered.
    for gold in ("1ecb", "1ecbplus"):
        sizes = [counts[gold] for counts in found.values() if gold in counts]
        assert max(sizes) >= 0.8 * sum(sizes)


def test_online_same_stream_gives_same_events(topic_one: list[ArticleFeatures]) -> None:
    first, second = OnlineClusterer(), OnlineClusterer()
    for article in topic_one:
        first.add(article)
        second.add(article)
    assert first.events() == second.events()


def test_online_events_do_not_depend_on_the_hash_seed(topic_one: list[ArticleFeatures]) -> None:
    """Names are hashed with a stable hash: another interpreter gives the same events."""
    stream = [(a.id, sorted(a.names)) for a in topic_one[:12]]
    script = (
        "import json, sys\n"
        "from storyline.cluster import OnlineClusterer, features_from\n"
        "c = OnlineClusterer()\n"
        "for i, names in json.load(sys.stdin):\n"
        "    c.add(features_from(i, ' '.join(names), names=names))\n"
        "print(json.dumps([e.to_dict() for e in c.events()]))\n"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(stream),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_online_repeated_article_is_placed_once(topic_one: list[ArticleFeatures]) -> None:
    clusterer = OnlineClusterer()
    first = clusterer.add(topic_one[0])
    assert clusterer.add(topic_one[0]) == first
    assert sum(len(e.article_ids) for e in clusterer.events()) == 1


def test_online_same_text_far_apart_in_time_is_two_events(
    topic_one: list[ArticleFeatures],
) -> None:
    window = Settings().cluster_window_days
    early = replace(topic_one[0], id="early", day=PartialDate(2013, 5, 3).to_date().toordinal())
    late = replace(early, id="late", day=early.day + window + 1 if early.day else None)
    clusterer = OnlineClusterer()
    assert clusterer.add(early) != clusterer.add(late)
    near = replace(early, id="near", day=early.day + 1 if early.day else None)
    assert clusterer.add(near) == "event-early"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_online_clusters_form_a_partition(
    topic_one: list[ArticleFeatures], data: st.DataObject
) -> None:
    stream = data.draw(st.lists(st.sampled_from(topic_one), max_size=30))
    similarity = data.draw(st.floats(min_value=0.0, max_value=1.0))
    clusterer = OnlineClusterer(Settings(cluster_similarity=similarity))
    for article in stream:
        clusterer.add(article)
    placed = [i for event in clusterer.events() for i in event.article_ids]
    assert sorted(placed) == sorted({a.id for a in stream})
    assert all(event.article_ids for event in clusterer.events())


def test_online_text_without_names_or_dates_still_clusters() -> None:
    clusterer = OnlineClusterer()
    one = clusterer.add(features_from("a", "An earthquake of magnitude 6.1 struck the island."))
    two = clusterer.add(
        features_from("b", "An earthquake of magnitude 6.1 struck the island today.")
    )
    assert one == two
