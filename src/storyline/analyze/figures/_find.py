"""Turn the numbers of an article into figures: value, bounds, unit, subject, source, date."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span

from storyline.analyze.attribution import attribution
from storyline.analyze.figures._subjects import Names, collect_names, subject_of
from storyline.analyze.figures._units import find_unit, root_token, unit_without_noun
from storyline.analyze.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    NOT_COUNTED,
    NumberRun,
    approximation,
    candidate_starts,
    is_bare_year_or_age,
    number_runs,
    pair_ranges,
)
from storyline.model import DateRef, Figure, PartialDate

# How far "around" / "some" / "an estimated" widen a figure either side (as a share).
APPROX_SHARE = 0.1
Bounds = tuple[float, float | None, float | None]  # value, low, high
# What opens a bracketed conversion after a measure ("1,500 metres (5,000 ft)") and what
# joins a further one inside it ("(795,000 litres or 210,000 gallons)").
CONVERSION_OPENERS = frozenset({"(", "["})
CONVERSION_JOINERS = frozenset({"or", ",", "/", "and"})
# Canonical names of measurement units and currencies.
MEASURE_NAMES = frozenset(MEASURE_UNITS.values()) | {"km/h"}
CURRENCY_NAMES = frozenset(CURRENCY_WORDS.values()) | frozenset(CURRENCY_SYMBOLS.values())


class _Context(NamedTuple):
    """What a figure is read against: the document's names, the figures before it (in its
    sentence, in the sentence before) and the token indices of its sentence's numbers."""

    names: Names
    earlier: tuple[list[Figure], list[Figure]]
    numbers: list[int]


def find_figures(
    doc: Doc, dates: Sequence[DateRef], published: PartialDate | None
) -> tuple[Figure, ...]:
    """Return the figures of ``doc`` in text order, dated by their sentence or ``published``."""
    names, starts = collect_names(doc), candidate_starts(doc)
    figures, previous = list[Figure](), list[Figure]()
    for index, sent in enumerate(doc.sents):
        inside = starts[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        runs = [run for run in number_runs(sent, inside) if not _inside_date(doc, run, dates)]
        found: list[Figure] = []
        for low_run, high_run in pair_ranges(doc, runs):
            numbers = [root_token(doc, run).i for run in runs]
            context = _Context(names, (found, previous[-1:]), numbers)
            figure = _build(sent, low_run, high_run, context)
            if figure is not None and not (found and figure.start < found[-1].end):
                found.append(figure)  # an overlap is the noun of "26 of 26 standards" again
        previous = [
            replace(fig, as_of=_as_of(sent, fig.start, dates, published), sentence=index)
            for fig in _share_rates(_drop_conversions(doc.text, found))
        ]
        figures.extend(previous)
    return tuple(figures)


def _inside_date(doc: Doc, run: NumberRun, dates: Sequence[DateRef]) -> bool:
    """Tell whether the run overlaps a date the date analyzer found."""
    start, end = doc[run.start].idx, doc[run.end - 1].idx + len(doc[run.end - 1])
    return any(ref.start < end and start < ref.end for ref in dates)


def _as_of(
    sent: Span, at: int, dates: Sequence[DateRef], published: PartialDate | None
) -> PartialDate | None:
    """Return the date nearest to character ``at`` in its sentence, else ``published``."""
    inside = [ref for ref in dates if sent.start_char <= ref.start < sent.end_char]
    return min(inside, key=lambda ref: abs(ref.start - at)).date if inside else published


def _build(
    sent: Span,
    low_run: NumberRun,
    high_run: NumberRun | None,
    context: _Context,
) -> Figure | None:
    """Turn one number (or range) into a Figure, or None when it is not a count."""
    doc, last = sent.doc, high_run or low_run
    names, earlier = context.names, context.earlier
    unit = find_unit(doc, last, sent.end)
    if unit.name is None:
        unit = unit_without_noun(doc, last, unit, earlier)
    ends = [low_run] if high_run is None else [low_run, high_run]
    if unit.name in NOT_COUNTED or (unit.name is None and is_bare_year_or_age(doc, ends)):
        return None
    if unit.name is None and low_run.top is not None:
        return None  # "tens of thousands" of nothing named says too little to check
    kind, start = approximation(doc, low_run.start, sent.start)
    opens = high_run is not None and start == low_run.start > sent.start
    start -= 1 if opens and doc[start - 1].lower_ == "between" else 0
    value, low, high = _bounds(kind, low_run.value, high_run.value if high_run else None)
    span = doc[start : unit.end]
    root = root_token(doc, last)
    return Figure(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=value,
        low=low,
        high=high,
        unit=unit.name,
        subject=subject_of(unit.anchor, root, names, context.numbers),
        attributed_to=attribution(sent, root),
    )


def _bounds(kind: str | None, value: float, top: float | None) -> Bounds:
    """Return (value, low, high) for a number, its range end and its hedge word."""
    if top is not None:
        return value, value, top
    if kind == "about":
        return value, value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE)
    return value, value if kind == "at_least" else None, value if kind == "at_most" else None


def _share_rates(found: Sequence[Figure]) -> list[Figure]:
    """Give a bare amount the rate a figure of its unit carries in the same sentence: in
    "5,000 barrels per day ... increased to 12,000 barrels" both are barrels/day. A
    sentence with two different rates of one unit leaves its bare amounts alone."""
    rates: dict[str, set[str]] = {}
    for fig in found:
        base, _, period = (fig.unit or "").partition("/")
        if period:
            rates.setdefault(base, set()).add(period)
    return [
        replace(fig, unit=f"{fig.unit}/{next(iter(rates[fig.unit]))}")
        if fig.unit in rates and len(rates[fig.unit]) == 1
        else fig
        for fig in found
    ]


def _drop_conversions(text: str, found: Sequence[Figure]) -> list[Figure]:
    """Drop the conversions printed in brackets after a measure or an amount of money:
    "1,500 metres (5,000 ft)", "$50m (€44m)", "5,000 gallons (23,000 litres or 6,000 …)"
    are one value each, not two figures."""
    kept: list[Figure] = []
    converting = False
    for last, fig in zip([None, *found], found, strict=False):
        between = text[last.end : fig.start].strip() if last else ""
        joined = between in CONVERSION_OPENERS or (converting and between in CONVERSION_JOINERS)
        converting = (
            last is not None
            and joined
            and _is_measure(last.unit)
            and (fig.unit is None or _is_measure(fig.unit))
        )
        if not converting:
            kept.append(fig)
    return kept


def _is_measure(unit: str | None) -> bool:
    """Tell whether a unit is a measure or a currency: "km", "feet", "barrels/day", "USD"."""
    if unit is None:
        return False
    word = unit.partition("/")[0].split()[-1]
    return word in MEASURE_NAMES or word in CURRENCY_NAMES
