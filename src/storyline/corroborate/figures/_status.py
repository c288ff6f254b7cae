"""Say whether a group's values agree, changed or conflict, and build its values."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.corroborate.figures._items import Item
from storyline.corroborate.figures._match import different_times, overlap
from storyline.model import (
    Citation,
    FigureValue,
)


def distinct_items(cluster: Sequence[Item]) -> list[Item]:
    """Drop repeats of one value in one article; order by as-of date, undated last."""
    seen: set[tuple[str, float, float, float]] = set()
    kept = []
    for item in cluster:
        key = (item.article, item.figure.value, item.low, item.high)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return sorted(kept, key=lambda item: (item.figure.as_of is None, date_key(item), item.order))


def date_key(item: Item) -> str:
    return item.figure.as_of.iso() if item.figure.as_of else ""


def group_value(item: Item, items: Sequence[Item]) -> FigureValue:
    """Turn an item into a FigureValue counting the independent sources that support it."""
    fig = item.figure
    supporting = {other.source for other in items if overlap(item, other)}
    return FigureValue(
        value=fig.value,
        text=fig.text,
        citation=Citation(item.article, fig.start, fig.end),
        low=fig.low,
        high=fig.high,
        as_of=fig.as_of,
        sources=len(supporting),
        attributed_to=fig.attributed_to,
    )


def status_of(items: Sequence[Item], sources: int) -> str:
    """Return agree / single / changed / conflict for the values of one group.

    Values that differ are never ``single``, even from one source: within their
    approximation they ``agree``; apart, they ``changed`` when every disagreeing pair is
    dated at different times and ``conflict`` otherwise."""
    if max(item.low for item in items) <= min(item.high for item in items):
        differ = len({item.figure.value for item in items}) > 1
        return "agree" if sources > 1 or differ else "single"
    apart = [(a, b) for n, a in enumerate(items) for b in items[n + 1 :] if not overlap(a, b)]
    return "changed" if all(different_times(a, b) for a, b in apart) else "conflict"


def conservative_value(items: Sequence[Item], status: str) -> float:
    """Lowest value given; for a changed figure, the lowest agreeing with the latest value."""
    if status == "changed":
        latest = max((item for item in items if item.figure.as_of), key=date_key)
        items = [item for item in items if overlap(item, latest)]
    return min(item.figure.value for item in items)
