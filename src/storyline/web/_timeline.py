"""Lay out the timeline chart: one mark per dated entry above a date axis.

Background entries (dated long before the event began, e.g. a war's origins in a story on its
end) would squeeze the event itself into a sliver of a linear axis. When they lie far enough
back, they get a narrow zone of their own at the left, evenly spaced in date order and labelled
by year, and the event's period keeps the rest of the width on a linear scale.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyline.model import CitedLine, PartialDate

CHART_WIDTH = 760  # px of the drawing; the page scales it to the column
CHART_PAD = 34  # px left and right of the axis, so the first and last marks stay whole
AXIS_Y = 30  # px from the bottom of the drawing to the axis
ROW_PX = 22  # px between stacked marks of entries that fall on nearly the same spot
MIN_GAP_PX = 18  # marks closer than this on the axis are stacked instead of overlapping
MIN_RADIUS, MAX_RADIUS = 4.0, 12.0  # px: one source, and the cap for many sources
RADIUS_STEP = 2.5  # px per square root of the extra sources, so area grows with the count
MAX_TICKS = 8  # about this many labelled ticks on the event's axis
BACKGROUND_SHARE = 0.25  # of the axis width given to background entries when they are split off
# Split the background off when it reaches back this many times the event's own span ...
SPLIT_RATIO = 3.0
MIN_EVENT_DAYS = 30  # ... counting a shorter event as this long, so a one-day event splits less
MAX_BACKGROUND_TICKS = 4  # year labels in the background zone
TICK_GAP_PX = 24  # background labels closer than this to the split would run into the event's

Scale = Callable[[int], float]  # day number -> x


@dataclass(frozen=True, slots=True)
class ChartMark:
    """One timeline entry drawn on the chart."""

    x: float
    y: float
    r: float
    title: str
    anchor: str
    sources: int


@dataclass(frozen=True, slots=True)
class TimelineChart:
    """The timeline as an SVG drawing: marks above a dated axis, maybe split in two zones."""

    width: int
    height: int
    axis_y: float
    ticks: tuple[tuple[float, str], ...]
    marks: tuple[ChartMark, ...]
    split: float | None = None  # x of the break between background and event, when split


def timeline_chart(
    lines: Sequence[CitedLine], sources: Sequence[int], *, start: PartialDate | None = None
) -> TimelineChart | None:
    """Return the chart of the dated entries (None when no entry is dated).

    ``sources`` gives each line's number of independent sources; ``start`` is the event's
    first date, before which entries count as background.
    """
    dated = [(i, line, line.date) for i, line in enumerate(lines) if line.date is not None]
    if not dated:
        return None
    days = [_midpoint(date) for _, _, date in dated]
    scale, ticks, split = _scale(days, start)
    xs = [scale(day) for day in days]
    rows: list[int] = []
    for k, x in enumerate(xs):
        rows.append(_free_row(x, list(zip(xs[:k], rows, strict=True))))
    height = int(AXIS_Y + 2 * MAX_RADIUS + (max(rows) + 1) * ROW_PX)
    base = height - AXIS_Y - MAX_RADIUS
    marks = tuple(
        _mark(i, line, date, (x, base - row * ROW_PX), sources[i])
        for (i, line, date), x, row in zip(dated, xs, rows, strict=True)
    )
    return TimelineChart(CHART_WIDTH, height, height - AXIS_Y, tuple(ticks), marks, split)


def _scale(
    days: Sequence[int], start: PartialDate | None
) -> tuple[Scale, list[tuple[float, str]], float | None]:
    """Return the day-to-x scale, its ticks, and the split's x when background is split off."""
    left, right = CHART_PAD, CHART_WIDTH - CHART_PAD
    begin = start.to_date().toordinal() if start else min(days)
    background = sorted({day for day in days if day < begin})
    event = [day for day in days if day >= begin]
    span = max(max(event, default=begin) - min(event, default=begin), MIN_EVENT_DAYS)
    if not background or not event or begin - background[0] < SPLIT_RATIO * span:
        return (
            _linear(min(days), max(days), left, right),
            _ticks(min(days), max(days), left, right),
            None,
        )
    split = left + BACKGROUND_SHARE * (right - left)
    slot = (split - left) / len(background)
    place = {day: left + slot * (k + 0.5) for k, day in enumerate(background)}
    event_scale = _linear(min(event), max(event), split + slot / 2, right)

    def scale(day: int) -> float:
        return place[day] if day in place else event_scale(day)

    ticks = _background_ticks(background, place) + _ticks(
        min(event), max(event), split + slot / 2, right
    )
    return scale, ticks, round(split, 1)


def _linear(low: int, high: int, left: float, right: float) -> Scale:
    if high <= low:
        return lambda day: round((left + right) / 2, 1)
    return lambda day: round(left + (right - left) * (day - low) / (high - low), 1)


def _background_ticks(days: Sequence[int], place: dict[int, float]) -> list[tuple[float, str]]:
    """Label the first background entry of each year, at most MAX_BACKGROUND_TICKS of them."""
    firsts: dict[int, int] = {}
    for day in days:
        firsts.setdefault(dt.date.fromordinal(day).year, day)
    step = max(1, math.ceil(len(firsts) / MAX_BACKGROUND_TICKS))
    return [(round(place[day], 1), str(year)) for year, day in list(firsts.items())[::step]]


def _mark(
    i: int, line: CitedLine, date: PartialDate, xy: tuple[float, float], sources: int
) -> ChartMark:
    radius = min(MIN_RADIUS + RADIUS_STEP * math.sqrt(max(sources - 1, 0)), MAX_RADIUS)
    noun = "source" if sources == 1 else "sources"
    title = f"{date.iso()} · {sources} {noun} · {line.text}"
    return ChartMark(xy[0], round(xy[1], 1), round(radius, 1), title, f"t-{i}", sources)


def _midpoint(date: PartialDate) -> int:
    """Return the day number of the middle of what the partial date covers."""
    first = date.to_date()
    if date.precision == "day":
        return first.toordinal()
    last = dt.date(date.year, 12, 31) if date.month is None else _month_end(date.year, date.month)
    return (first.toordinal() + last.toordinal()) // 2


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _free_row(x: float, placed: list[tuple[float, int]]) -> int:
    """Return the lowest row where a mark at ``x`` does not overlap one already placed."""
    taken = {row for other, row in placed if abs(other - x) < MIN_GAP_PX}
    row = 0
    while row in taken:
        row += 1
    return row


def _ticks(low: int, high: int, left: float, right: float) -> list[tuple[float, str]]:
    """Return labelled axis ticks: years, months or days, whichever gives a readable count."""
    scale = _linear(low, high, left, right)
    first, last = dt.date.fromordinal(low), dt.date.fromordinal(high)
    candidates = (
        ([dt.date(year, 1, 1) for year in range(first.year, last.year + 2)], "%Y"),
        ([_month_start(first, k) for k in range(_months_between(first, last) + 2)], "%b %Y"),
        ([first + dt.timedelta(days=k) for k in range(high - low + 1)], "%d %b"),
    )
    for dates, fmt in candidates:
        inside = [d for d in dates if low <= d.toordinal() <= high]
        if len(inside) >= 2 or fmt == "%d %b":
            step = max(1, math.ceil(len(inside) / MAX_TICKS))
            return [(scale(d.toordinal()), d.strftime(fmt)) for d in inside[::step]]
    return []


def _month_start(first: dt.date, k: int) -> dt.date:
    index = first.month - 1 + k
    return dt.date(first.year + index // 12, index % 12 + 1, 1)


def _months_between(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month
