"""Tell whether two figures may count the same quantity, and group them complete-linkage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from storyline.analyze.readings import STOCK, UNKNOWN
from storyline.corroborate.figures._items import Item

# Largest ratio between the values of one group: reports of one quantity differ by less
# (39,000 -> 70,000 in six weeks is 1.8x); beyond it they count different things.
MAX_SPREAD = 4.0
# Flows dated further apart than this are different happenings, not one count revised.
MAX_FLOW_GAP_DAYS = 31
# Noun classes (see ``analyze.readings.NOUN_CLASSES``) that count people: their figures
# are about whoever the event befell, so the words around them need not match.
PERSON_CLASSES = frozenset({"people", "fighters", "troops", "security"})


def cluster_items(items: Sequence[Item]) -> list[list[Item]]:
    """Group items greedily: each joins the group whose every member it fits, preferring
    the group with most members of its own subject (a figure without one fits any)."""
    clusters: list[list[Item]] = []
    by_kind: defaultdict[tuple[str | None, ...], list[list[Item]]] = defaultdict(list)
    for item in items:  # only figures of one noun and qualifier can meet
        bucket = by_kind[(item.reading.noun, item.reading.qualifier.lower())]
        fitting = [c for c in bucket if all(_same_quantity(item, m) for m in c)]
        if not fitting:
            bucket.append([item])
            clusters.append(bucket[-1])
        else:
            max(fitting, key=lambda c: sum(m.subject == item.subject for m in c)).append(item)
    return clusters


def _same_quantity(one: Item, two: Item) -> bool:
    """Tell whether two figures may count the same quantity."""
    first, second = one.reading, two.reading
    described = first.noun is not None and not (first.increment or second.increment)
    alike = (first.noun, first.qualifier.lower()) == (second.noun, second.qualifier.lower())
    same_sentence = one.article == two.article and one.figure.sentence == two.figure.sentence
    if not (described and alike and _compatible_subjects(one, two)) or same_sentence:
        return False
    if not _close_values(one, two) or not _same_topic(one, two):
        return False
    if not (_same_event(one, two) if overlap(one, two) else _may_differ(one, two)):
        return False
    return STOCK in (first.event, second.event) or _same_flow(one, two)


def _compatible_subjects(one: Item, two: Item) -> bool:
    """Same subject, or one figure names none and the values agree ("36 people killed"
    beside "36 killed in Alexandria"). Disagreeing values need the same subject: a figure
    that names no subject is no evidence that it counts what the other counts, and two
    happenings must not meet because their kind matches (issue 9). Measures (money,
    barrels, percent: no event read) ignore the subject, whose nearest name is rarely
    what they measure ("$20bn, BP said"); their topic is checked instead."""
    if {one.reading.event, two.reading.event} == {UNKNOWN}:
        return True
    if one.subject == two.subject:
        return True
    return (one.subject is None or two.subject is None) and overlap(one, two)


def _same_topic(one: Item, two: Item) -> bool:
    """Tell whether a measure (no event read: money, barrels, percent) is about the same
    thing in both: the words around the two figures share one; counts of people with a
    read event need no such check."""
    if UNKNOWN not in (one.reading.event, two.reading.event):
        return True
    if {one.reading.noun, two.reading.noun} <= PERSON_CLASSES:
        return True  # a count of people whose verb was not read ("11 workers presumed dead")
    if not one.reading.context or not two.reading.context:
        return True  # a reading from before contexts were kept: nothing to compare
    return bool(set(one.reading.context) & set(two.reading.context))


def _same_event(one: Item, two: Item) -> bool:
    """Same event, or one left unread ("unknown"): the values agree, which is evidence enough."""
    events = {one.reading.event, two.reading.event}
    return len(events) == 1 or UNKNOWN in events


def _may_differ(one: Item, two: Item) -> bool:
    """Tell whether disagreeing values may be one quantity: one read event (or two measures
    in one unit), and, within one article, different dates (a writer gives one value per
    time) or different attributed sources ("10,000, the ministry said" after "15,000")."""
    events = {one.reading.event, two.reading.event}
    measured = events == {UNKNOWN} and one.figure.unit == two.figure.unit
    known = (len(events) == 1 and UNKNOWN not in events) or measured
    if not known:
        return False
    if one.article != two.article or different_times(one, two):
        return True
    said = (one.figure.attributed_to, two.figure.attributed_to)
    return None not in said and said[0] != said[1]


def _close_values(one: Item, two: Item) -> bool:
    """Tell whether two values are within MAX_SPREAD of each other."""
    small, large = sorted((one.figure.value, two.figure.value))
    return small > 0 and large / small <= MAX_SPREAD


def _same_flow(one: Item, two: Item) -> bool:
    """Tell whether two flows may be one: same period if both name one, dated close."""
    periods = (one.reading.period, two.reading.period)
    if None not in periods and periods[0] != periods[1]:
        return False
    dates = (one.figure.as_of, two.figure.as_of)
    if dates[0] is None or dates[1] is None:
        return True
    return abs((dates[0].to_date() - dates[1].to_date()).days) <= MAX_FLOW_GAP_DAYS


def overlap(one: Item, two: Item) -> bool:
    return one.low <= two.high and two.low <= one.high


def different_times(one: Item, two: Item) -> bool:
    """Tell whether two figures are dated, and at times that do not contain each other."""
    first, second = one.figure.as_of, two.figure.as_of
    if first is None or second is None:
        return False
    a, b = first.iso(), second.iso()
    return not (a.startswith(b) or b.startswith(a))
