"""Group the figures that count the same quantity across articles, and say whether they agree.

Two figures count the same quantity when they have the same subject (name variants
merged by ``names.name_key`` and the actor alias list), the same class of counted noun,
the same subset qualifier and the same event (a stock such as "the camp holds", or one
kind of flow such as "fled" or "killed"; see ``analyze.readings``), and nothing marks them apart:
two numbers in one sentence are contrasted, "another 520" is an increment, flows over
different periods or far apart in time are different flows, and values too far apart
are different things. Grouping is complete-linkage: a figure joins a group only if it
fits every member, so no chain of near-matches can join two unrelated figures.

Status per group: ``agree`` when every value's tolerance interval (from its hedge words:
"around", "more than") shares a point and at least two independent sources give it;
``changed`` when values disagree only across different as-of dates; ``conflict`` when
two disagreeing values share a time; ``single`` otherwise. The conservative value is the
lowest value given (for ``changed``, the lowest of the latest values), after ACLED's
rule of recording the most conservative of disputed fatality counts
(https://acleddata.com/knowledge-base/codebook/, "Fatalities").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from storyline.analyze.readings import CASUALTY_EVENTS
from storyline.corroborate.figures._items import Item, figure_items, subject_key
from storyline.corroborate.figures._labels import display_subject, group_event, group_label
from storyline.corroborate.figures._match import cluster_items
from storyline.corroborate.figures._status import (
    conservative_value,
    distinct_items,
    group_value,
    status_of,
)
from storyline.model import AnalyzedArticle, FigureGroup

# Counts under this, of a noun with no subject, from one source and not casualties
# ("two children", "three daughters") are incidental and left out of the brief.
MIN_NOTABLE_COUNT = 10


def group_figures(
    analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str], *, incidental: bool = False
) -> tuple[FigureGroup, ...]:
    """Group figures counting the same quantity, most useful first; ``keys`` from source_keys."""
    items = figure_items(analyzed, keys)
    clusters = cluster_items(items)
    kept = [c for c in clusters if incidental or not _is_incidental(c)]
    places = _place_keys(analyzed)
    prominence = _prominence(analyzed, keys)
    kept.sort(key=lambda cluster: _rank(cluster, prominence))
    return tuple(_group(cluster, places) for cluster in kept)


def _is_incidental(cluster: Sequence[Item]) -> bool:
    """Tell whether a group is a small aside ("two children", "seven angels") or a bare
    small number that says nothing on its own ("from three to four")."""
    small = max(item.figure.value for item in cluster) < MIN_NOTABLE_COUNT
    if small and all(item.figure.unit is None for item in cluster):
        return True
    return (
        len({item.source for item in cluster}) == 1
        and cluster[0].subject is None
        and small
        and group_event(cluster) not in CASUALTY_EVENTS
    )


def _prominence(analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str]) -> Counter[str]:
    """Count the independent sources naming each subject key (entities and places)."""
    sources: defaultdict[str, set[str]] = defaultdict(set)
    for article in analyzed:
        names = {m.text for m in article.entities} | {p.name for p in article.places}
        for name in names:
            sources[subject_key(name)].add(keys.get(article.id, article.id))
    return Counter({key: len(found) for key, found in sources.items()})


def _place_keys(analyzed: Sequence[AnalyzedArticle]) -> frozenset[str]:
    """Keys of every place name and mention, to word labels as "in X" rather than "(X)"."""
    return frozenset(
        subject_key(text) for a in analyzed for p in a.places for text in (p.text, p.name)
    )


def _rank(cluster: Sequence[Item], prominence: Counter[str]) -> tuple[float, ...]:
    """Sort key: independent sources, articles, the subject's prominence, then size."""
    subject = cluster[0].subject
    return (
        -len({item.source for item in cluster}),
        -len({item.article for item in cluster}),
        -(prominence[subject] if subject else 0),
        -len(cluster),
        -max(item.figure.value for item in cluster),
        cluster[0].order,
    )


def _group(cluster: Sequence[Item], places: frozenset[str]) -> FigureGroup:
    """Build the FigureGroup of one cluster."""
    items = distinct_items(cluster)
    status = status_of(items, len({item.source for item in items}))
    return FigureGroup(
        label=group_label(cluster, places),
        status=status,
        values=tuple(group_value(item, items) for item in items),
        conservative=conservative_value(items, status),
        unit=cluster[0].figure.unit,
        subject=display_subject(cluster),
    )


__all__ = ["group_figures"]
