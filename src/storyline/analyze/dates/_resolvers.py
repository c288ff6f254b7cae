"""Resolve one grammar match against the publication date (see the package docstring)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from storyline.analyze.dates._fallback import resolve_with_dateparser
from storyline.analyze.dates._grammar import (
    COUNTS,
    DAYS_PER_WEEK,
    DEICTIC_DAYS,
    KIND,
    RANK,
    SEASONS,
    WEEKDAYS,
    YEARS_PER_DECADE,
    grammar_matches,
    month_number,
    preference,
)
from storyline.model import PartialDate, Precision

_BARE = {True: "future", False: "past"}  # how a name without "last"/"next" reads, by tense


class Context(NamedTuple):
    """What a match is resolved against."""

    published: PartialDate | None
    future: bool
    anchor: PartialDate | None = None  # a date written out just before, in a narrative


class Resolved(NamedTuple):
    """A resolved date, and whether it came from the publication date."""

    date: PartialDate
    relative: bool


def base_date(ctx: Context, needs: Precision) -> dt.date | None:
    """Return the publication date if it is known at least to precision ``needs``."""
    published = ctx.published
    if published is None or RANK[published.precision] < RANK[needs]:
        return None
    return published.to_date()


def _safe_date(year: int, month: int, day: int) -> PartialDate | None:
    """Return the day, or None when the calendar has no such day."""
    try:
        return PartialDate(year, month, day)
    except ValueError:  # "February 30": not a date
        return None


def _year_of(base: dt.date, later: bool, earlier: bool, reading: str) -> int:
    """Return the year of a year-less name read as ``reading`` ("this", "next", "last",
    "future", "past"), falling ``later``/``earlier`` in the year than ``base``."""
    shift = {"this": 0, "next": 1 - later, "last": earlier - 1, "future": earlier, "past": -later}
    return base.year + shift[reading]


def resolve_written(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve a date written with its year: "2019-03-19", "March 30th, 2019", "July 2014"."""
    groups, year = match.groupdict(), int(match["year"])
    month = int(match["mnum"]) if groups.get("mnum") else groups.get("mon") and month_number(match)
    if not month:  # a year, or a season of a year
        return Resolved(PartialDate(year), False)
    day = groups.get("day")
    date = _safe_date(year, month, int(day)) if day else PartialDate(year, month)
    return Resolved(date, False) if date else None


def resolve_day(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "March 23", "the 15th of March" (or with a year: written out in full)."""
    if match["year"]:
        return resolve_written(match, ctx)
    month, day = month_number(match), int(match["day"])
    anchored = _anchored(ctx, month, day)
    if anchored is not None:
        return Resolved(anchored, False)
    base = base_date(ctx, "day")
    if base is None:
        return None
    later, earlier = (month, day) > (base.month, base.day), (month, day) < (base.month, base.day)
    date = _safe_date(_year_of(base, later, earlier, _BARE[ctx.future]), month, day)
    return Resolved(date, True) if date else None


def _anchored(ctx: Context, month: int, day: int | None) -> PartialDate | None:
    """Date a year-less day or month in the anchor's year, unless that goes back or ahead."""
    anchor = ctx.anchor
    if anchor is None or ctx.future or (anchor.month or 1) > month:
        return None
    date = _safe_date(anchor.year, month, day) if day else PartialDate(anchor.year, month)
    published = ctx.published
    if date is None or published is None:
        return date
    latest = (published.year, published.month or 12, published.day or 31)
    return None if (date.year, month, day or 1) > latest else date


def resolve_month(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve a month without a year: "in July", "last March", "early January"."""
    if not match["mon"][0].isupper():  # "may" the verb
        return None
    month, direction = month_number(match), (match["dir"] or "").lower()
    anchored = None if direction else _anchored(ctx, month, None)
    if anchored is not None:
        return Resolved(anchored, False)
    base = base_date(ctx, "month")
    if base is None:
        return None
    reading = direction if direction in ("this", "next", "last") else _BARE[ctx.future]
    year = _year_of(base, month > base.month, month < base.month, reading)
    return Resolved(PartialDate(year, month), True)


def resolve_season(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "last summer", "this winter" to the year they mostly fall in."""
    base = base_date(ctx, "month")
    if base is None:
        return None
    first, last = SEASONS[match["season"].lower()]
    year = _year_of(base, first > base.month, last < base.month, match["dir"].lower())
    return Resolved(PartialDate(year), True)


def resolve_weekday(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "on Monday", "last Friday", "next Tuesday" (see the package docstring)."""
    base = base_date(ctx, "day")
    if base is None:
        return None
    weekday, direction = WEEKDAYS.index(match["wd"].lower()), (match["dir"] or "").lower()
    if direction == "last":  # the week before publication's, weeks starting on Sunday
        week_start = base - dt.timedelta(days=(base.weekday() + 1) % DAYS_PER_WEEK)
        day = week_start - dt.timedelta(days=DAYS_PER_WEEK - (weekday + 1) % DAYS_PER_WEEK)
    elif direction == "next":
        day = base + dt.timedelta(days=(weekday - base.weekday() - 1) % DAYS_PER_WEEK + 1)
    elif ctx.future:
        day = base + dt.timedelta(days=(weekday - base.weekday()) % DAYS_PER_WEEK)
    else:
        day = base - dt.timedelta(days=(base.weekday() - weekday) % DAYS_PER_WEEK)
    return Resolved(PartialDate.from_date(day), True)


def resolve_deictic(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "yesterday", "today", "tonight", "last night", "tomorrow"."""
    base = base_date(ctx, "day")
    if base is None:
        return None
    offset = DEICTIC_DAYS.get(" ".join(match["word"].lower().split()), 0)
    return Resolved(PartialDate.from_date(base + dt.timedelta(days=offset)), True)


def resolve_shift(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "last week", "this year", "14 months ago": publication moved by whole units."""
    groups = match.groupdict()
    if groups.get("count"):
        count_text = " ".join(match["count"].lower().split())
        count = -(int(count_text) if count_text.isdigit() else COUNTS[count_text])
    else:
        count = {"last": -1, "this": 0, "next": 1}[match["dir"].lower()]
    unit = match["unit"].lower()
    if unit == "decade":
        count, unit = count * YEARS_PER_DECADE, "year"
    needs: Precision = "day" if unit in ("day", "week") else "month" if unit == "month" else "year"
    base = base_date(ctx, needs)
    if base is None:
        return None
    if unit == "year":
        return Resolved(PartialDate(base.year + count), True)
    if unit == "month":
        index = base.year * 12 + base.month - 1 + count
        return Resolved(PartialDate(index // 12, index % 12 + 1), True)
    moved = base + dt.timedelta(days=count * (DAYS_PER_WEEK if unit == "week" else 1))
    exact = unit == "day"  # a week back is not a day: keep the month
    date = PartialDate.from_date(moved) if exact else PartialDate(moved.year, moved.month)
    return Resolved(date, True)


Resolver = Callable[[re.Match[str], Context], Resolved | None]
_WRITTEN_KINDS = ("iso", "iso_month", "month_year", "season_year", "year")  # carry their year
RESOLVERS: dict[str, Resolver] = dict.fromkeys(_WRITTEN_KINDS, resolve_written)
RESOLVERS |= {"day": resolve_day, "deictic": resolve_deictic, "weekday": resolve_weekday}
RESOLVERS |= {"unit": resolve_shift, "ago": resolve_shift, "season": resolve_season}
RESOLVERS["month"] = resolve_month


def resolve_date(
    expression: str, published: PartialDate | None, *, prefer_future: bool = False
) -> PartialDate | None:
    """Resolve one date expression against the publication date; None when unsure."""
    ctx = Context(published, prefer_future)
    found = grammar_matches(expression)
    if not found:
        resolved = resolve_with_dateparser(expression, published)
    else:
        best = min(found, key=preference)
        resolved = RESOLVERS[KIND[best.re]](best, ctx)
    return resolved[0] if resolved else None
