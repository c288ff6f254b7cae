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

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.analyze.actors import known_actor
from storyline.analyze.names import name_key
from storyline.analyze.readings import CASUALTY_EVENTS, STOCK, UNKNOWN, readings
from storyline.model import (
    AnalyzedArticle,
    Citation,
    Figure,
    FigureGroup,
    FigureReading,
    FigureValue,
)

# How far a one-sided bound reaches, the share "around" gets: "more than 60,000" is read
# as 60,000-66,000 and "nearly 1,600" as 1,440-1,600; far more would be written rounder.
OPEN_BOUND_SHARE = 0.1
# Largest ratio between the values of one group: reports of one quantity differ by less
# (39,000 -> 70,000 in six weeks is 1.8x); beyond it they count different things.
MAX_SPREAD = 4.0
# Flows dated further apart than this are different happenings, not one count revised.
MAX_FLOW_GAP_DAYS = 31
# Counts under this, of a noun with no subject, from one source and not casualties
# ("two children", "three daughters") are incidental and left out of the brief.
MIN_NOTABLE_COUNT = 10
# Noun classes (see ``analyze.readings.NOUN_CLASSES``) that count people: their figures
# are about whoever the event befell, so the words around them need not match.
PERSON_CLASSES = frozenset({"people", "fighters", "troops"})
# Event wording in labels: (phrase, preposition before a place subject).
EVENT_PHRASES = {
    "fled": ("who fled", ""),
    "evacuated": ("evacuated", "from"),
    "arrived": ("who arrived", "in"),
    "returned": ("sent home or returned", "from"),
    "killed": ("killed", "in"),
    "wounded": ("wounded", "in"),
    "captured": ("captured", "in"),
    "surrendered": ("who surrendered", "in"),
    "recruited": ("recruited", "in"),
}


@dataclass(frozen=True, slots=True)
class _Item:
    """One figure with where it comes from and what it counts."""

    order: int
    article: str
    source: str
    figure: Figure
    reading: FigureReading
    subject: str | None  # subject key after alias merging
    low: float  # tolerance interval from the hedge words
    high: float


def group_figures(
    analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str], *, incidental: bool = False
) -> tuple[FigureGroup, ...]:
    """Group figures counting the same quantity, most useful first; ``keys`` from source_keys."""
    items = _items(analyzed, keys)
    clusters = _cluster(items)
    kept = [c for c in clusters if incidental or not _is_incidental(c)]
    places = _place_keys(analyzed)
    prominence = _prominence(analyzed, keys)
    kept.sort(key=lambda cluster: _rank(cluster, prominence))
    return tuple(_group(cluster, places) for cluster in kept)


def _items(analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str]) -> list[_Item]:
    """Describe every figure of every article, in reading order."""
    items: list[_Item] = []
    for article, read in zip(analyzed, readings(analyzed), strict=True):
        for fig, reading in zip(article.figures, read, strict=True):
            low, high = _interval(fig)
            source = keys.get(article.id, article.id)
            subject = _subject_key(fig.subject) if fig.subject else None
            items.append(_Item(len(items), article.id, source, fig, reading, subject, low, high))
    return items


@lru_cache(maxsize=4096)
def _subject_key(subject: str) -> str:
    """Key of a subject: its canonical actor name when listed, spelling variants folded."""
    known = known_actor(subject)
    return name_key(known[0] if known else subject)


def _interval(fig: Figure) -> tuple[float, float]:
    """Return the range of values a figure's wording allows."""
    low = fig.low if fig.low is not None else fig.value
    high = fig.high if fig.high is not None else fig.value
    if fig.low is not None and fig.high is None:
        high = fig.value * (1 + OPEN_BOUND_SHARE)
    if fig.high is not None and fig.low is None:
        low = fig.value * (1 - OPEN_BOUND_SHARE)
    return low, high


def _cluster(items: Sequence[_Item]) -> list[list[_Item]]:
    """Group items greedily: each joins the group whose every member it fits, preferring
    the group with most members of its own subject (a figure without one fits any)."""
    clusters: list[list[_Item]] = []
    by_kind: defaultdict[tuple[str | None, ...], list[list[_Item]]] = defaultdict(list)
    for item in items:  # only figures of one noun and qualifier can meet
        bucket = by_kind[(item.reading.noun, item.reading.qualifier.lower())]
        fitting = [c for c in bucket if all(_same_quantity(item, m) for m in c)]
        if not fitting:
            bucket.append([item])
            clusters.append(bucket[-1])
        else:
            max(fitting, key=lambda c: sum(m.subject == item.subject for m in c)).append(item)
    return clusters


def _same_quantity(one: _Item, two: _Item) -> bool:
    """Tell whether two figures may count the same quantity."""
    first, second = one.reading, two.reading
    described = first.noun is not None and not (first.increment or second.increment)
    alike = (first.noun, first.qualifier.lower()) == (second.noun, second.qualifier.lower())
    same_sentence = one.article == two.article and one.figure.sentence == two.figure.sentence
    if not (described and alike and _compatible_subjects(one, two)) or same_sentence:
        return False
    if not _close_values(one, two) or not _same_topic(one, two):
        return False
    if not (_same_event(one, two) if _overlap(one, two) else _may_differ(one, two)):
        return False
    return STOCK in (first.event, second.event) or _same_flow(one, two)


def _compatible_subjects(one: _Item, two: _Item) -> bool:
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
    return (one.subject is None or two.subject is None) and _overlap(one, two)


def _same_topic(one: _Item, two: _Item) -> bool:
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


def _same_event(one: _Item, two: _Item) -> bool:
    """Same event, or one left unread ("unknown"): the values agree, which is evidence enough."""
    events = {one.reading.event, two.reading.event}
    return len(events) == 1 or UNKNOWN in events


def _may_differ(one: _Item, two: _Item) -> bool:
    """Tell whether disagreeing values may be one quantity: one read event (or two measures
    in one unit), and, within one article, different dates (a writer gives one value per
    time) or different attributed sources ("10,000, the ministry said" after "15,000")."""
    events = {one.reading.event, two.reading.event}
    measured = events == {UNKNOWN} and one.figure.unit == two.figure.unit
    known = (len(events) == 1 and UNKNOWN not in events) or measured
    if not known:
        return False
    if one.article != two.article or _different_times(one, two):
        return True
    said = (one.figure.attributed_to, two.figure.attributed_to)
    return None not in said and said[0] != said[1]


def _close_values(one: _Item, two: _Item) -> bool:
    """Tell whether two values are within MAX_SPREAD of each other."""
    small, large = sorted((one.figure.value, two.figure.value))
    return small > 0 and large / small <= MAX_SPREAD


def _same_flow(one: _Item, two: _Item) -> bool:
    """Tell whether two flows may be one: same period if both name one, dated close."""
    periods = (one.reading.period, two.reading.period)
    if None not in periods and periods[0] != periods[1]:
        return False
    dates = (one.figure.as_of, two.figure.as_of)
    if dates[0] is None or dates[1] is None:
        return True
    return abs((dates[0].to_date() - dates[1].to_date()).days) <= MAX_FLOW_GAP_DAYS


def _is_incidental(cluster: Sequence[_Item]) -> bool:
    """Tell whether a group is a small aside ("two children", "seven angels") or a bare
    small number that says nothing on its own ("from three to four")."""
    small = max(item.figure.value for item in cluster) < MIN_NOTABLE_COUNT
    if small and all(item.figure.unit is None for item in cluster):
        return True
    return (
        len({item.source for item in cluster}) == 1
        and cluster[0].subject is None
        and small
        and _event(cluster) not in CASUALTY_EVENTS
    )


def _event(cluster: Sequence[_Item]) -> str:
    """The event a group counts: the most common one read, "unknown" only if none was."""
    events = Counter(item.reading.event for item in cluster if item.reading.event != UNKNOWN)
    return events.most_common(1)[0][0] if events else UNKNOWN


def _prominence(analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str]) -> Counter[str]:
    """Count the independent sources naming each subject key (entities and places)."""
    sources: defaultdict[str, set[str]] = defaultdict(set)
    for article in analyzed:
        names = {m.text for m in article.entities} | {p.name for p in article.places}
        for name in names:
            sources[_subject_key(name)].add(keys.get(article.id, article.id))
    return Counter({key: len(found) for key, found in sources.items()})


def _place_keys(analyzed: Sequence[AnalyzedArticle]) -> frozenset[str]:
    """Keys of every place name and mention, to word labels as "in X" rather than "(X)"."""
    return frozenset(
        _subject_key(text) for a in analyzed for p in a.places for text in (p.text, p.name)
    )


def _rank(cluster: Sequence[_Item], prominence: Counter[str]) -> tuple[float, ...]:
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


def _group(cluster: Sequence[_Item], places: frozenset[str]) -> FigureGroup:
    """Build the FigureGroup of one cluster."""
    items = _distinct(cluster)
    status = _status(items, len({item.source for item in items}))
    return FigureGroup(
        label=_label(cluster, places),
        status=status,
        values=tuple(_value(item, items) for item in items),
        conservative=_conservative(items, status),
        unit=cluster[0].figure.unit,
        subject=_display_subject(cluster),
    )


def _distinct(cluster: Sequence[_Item]) -> list[_Item]:
    """Drop repeats of one value in one article; order by as-of date, undated last."""
    seen: set[tuple[str, float, float, float]] = set()
    kept = []
    for item in cluster:
        key = (item.article, item.figure.value, item.low, item.high)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return sorted(kept, key=lambda item: (item.figure.as_of is None, _date_key(item), item.order))


def _date_key(item: _Item) -> str:
    return item.figure.as_of.iso() if item.figure.as_of else ""


def _value(item: _Item, items: Sequence[_Item]) -> FigureValue:
    """Turn an item into a FigureValue counting the independent sources that support it."""
    fig = item.figure
    supporting = {other.source for other in items if _overlap(item, other)}
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


def _overlap(one: _Item, two: _Item) -> bool:
    return one.low <= two.high and two.low <= one.high


def _status(items: Sequence[_Item], sources: int) -> str:
    """Return agree / single / changed / conflict for the values of one group.

    Values that differ are never ``single``, even from one source: within their
    approximation they ``agree``; apart, they ``changed`` when every disagreeing pair is
    dated at different times and ``conflict`` otherwise."""
    if max(item.low for item in items) <= min(item.high for item in items):
        differ = len({item.figure.value for item in items}) > 1
        return "agree" if sources > 1 or differ else "single"
    apart = [(a, b) for n, a in enumerate(items) for b in items[n + 1 :] if not _overlap(a, b)]
    return "changed" if all(_different_times(a, b) for a, b in apart) else "conflict"


def _different_times(one: _Item, two: _Item) -> bool:
    """Tell whether two figures are dated, and at times that do not contain each other."""
    first, second = one.figure.as_of, two.figure.as_of
    if first is None or second is None:
        return False
    a, b = first.iso(), second.iso()
    return not (a.startswith(b) or b.startswith(a))


def _conservative(items: Sequence[_Item], status: str) -> float:
    """Lowest value given; for a changed figure, the lowest agreeing with the latest value."""
    if status == "changed":
        latest = max((item for item in items if item.figure.as_of), key=_date_key)
        items = [item for item in items if _overlap(item, latest)]
    return min(item.figure.value for item in items)


def _display_subject(cluster: Sequence[_Item]) -> str | None:
    """Most used spelling of the subject, with its kind noun when most figures give one."""
    names = Counter(item.figure.subject for item in cluster if item.figure.subject)
    if not names:
        return None
    name = names.most_common(1)[0][0]
    kinds = Counter(item.reading.kind for item in cluster)
    kind, count = kinds.most_common(1)[0]
    return f"{name} {kind}" if kind and 2 * count > len(cluster) else name


def _label(cluster: Sequence[_Item], places: frozenset[str]) -> str:
    """Readable label: "people in al-Hol camp", "fighters killed", "people who fled X"."""
    first, event = cluster[0], _event(cluster)
    if first.reading.noun is None:
        return first.figure.text
    noun = " ".join(part for part in (first.reading.qualifier, _display_noun(first)) if part)
    subject = _display_subject(cluster)
    phrase, prep = EVENT_PHRASES.get(event, ("", "in" if event == STOCK else ""))
    head = " ".join(part for part in (noun, phrase) if part)
    if subject is None:
        return head
    place = first.subject in places and known_actor(first.figure.subject or "") is None
    if place and (prep or phrase):
        return " ".join(part for part in (head, prep, subject) if part)
    return f"{head} ({subject})"


def _display_noun(item: _Item) -> str:
    """The counted noun's class ("people"), or the unit as the article wrote it ("USD")."""
    unit = item.figure.unit or ""
    if item.reading.noun != unit.lower():
        return item.reading.noun or unit
    written = re.search(rf"\b{re.escape(unit)}\b", item.figure.text, re.IGNORECASE)
    return written.group(0) if written else unit
