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
    ONES,
    QUARTERS,
    RANK,
    SEASON_CODES,
    SEASONS,
    TENS,
    WEEKDAYS,
    YEARS_PER_DECADE,
    grammar_matches,
    month_number,
    preference,
)
from storyline.analyze.dates._tense import Tense
from storyline.model import PartialDate, Precision

# How a name without "last"/"next" reads, by the tense of its clause. A month or day in
# the present ("is payable Jan. 2", "meet separately Monday") is its nearest occurrence;
# a weekday in the present stays in the past, as captions tell the past in the present.
_NAME_READING = {"past": "past", "future": "future", "present": "nearest"}
_WEEKDAY_READING = {"past": "past", "future": "future", "present": "past"}
MONTHS_PER_QUARTER = 3
QUARTERS_PER_YEAR = 4
# TimeML's value of "now": the time of writing.
PRESENT_REF = "PRESENT_REF"
# A name in a past clause goes to the next occurrence when the last one is more than this
# many days back and the next one at most NEAR_AHEAD_DAYS ahead (tuned on TimeBank dev).
PAST_FAR_DAYS = 240
NEAR_AHEAD_DAYS = 100
# A month without a day is measured from its middle when looking for the nearest one.
_MID_MONTH = 15


class Context(NamedTuple):
    """What a match is resolved against."""

    published: PartialDate | None
    tense: Tense
    anchor: PartialDate | None = None  # a date written out just before, in a narrative
    quarter: str | None = None  # the quarter spoken of just before, "1989-Q3"


class Resolved(NamedTuple):
    """A resolved date, and whether it came from the publication date."""

    date: PartialDate
    relative: bool
    timex: str | None = None  # the TimeML value when it says more than ``date``


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


def _occurrences(base: dt.date, month: int, day: int) -> list[tuple[int, int]]:
    """Return (days from ``base``, year) of the named day in the years around ``base``."""
    found = []
    for year in (base.year - 1, base.year, base.year + 1):
        when = dt.date(year, month, min(day, 28))  # distance only: 29-31 need no exact day
        found.append(((when - base).days, year))
    return found


def _named_year(base: dt.date, month: int, day: int | None, reading: str) -> int:
    """Return the year of a year-less month or day named in a clause read as ``reading``.

    Past: the latest occurrence not after publication, unless that is most of a year back
    and the next one is weeks ahead ("directors authorized a split, payable Dec. 7" in late
    October): a writer would have given the year of a date that old. Present: the nearest
    occurrence ("is payable Jan. 2"). Future: the next one.
    """
    occurrences = _occurrences(base, month, day or _MID_MONTH)
    if day is None:  # a month is "this month" when it is publication's
        occurrences = [
            (0 if year == base.year and month == base.month else days, year)
            for days, year in occurrences
        ]
    past = max((o for o in occurrences if o[0] <= 0), default=occurrences[0])
    ahead = min((o for o in occurrences if o[0] >= 0), default=occurrences[-1])
    if reading == "future":
        return ahead[1]
    if reading == "past":
        far_back = -past[0] > PAST_FAR_DAYS and ahead[0] <= NEAR_AHEAD_DAYS
        return ahead[1] if far_back else past[1]
    return min((past, ahead), key=lambda o: (abs(o[0]), o[0] > 0))[1]


def resolve_written(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve a date written with its year: "2019-03-19", "March 30th, 2019", "July 2014"."""
    groups, year = match.groupdict(), int(match["year"])
    month = int(match["mnum"]) if groups.get("mnum") else groups.get("mon") and month_number(match)
    if groups.get("season"):
        return Resolved(
            PartialDate(year), False, f"{year:04d}-{SEASON_CODES[match['season'].lower()]}"
        )
    if not month:  # a year
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
    date = _safe_date(_named_year(base, month, day, _NAME_READING[ctx.tense]), month, day)
    return Resolved(date, True) if date else None


def _anchored(ctx: Context, month: int, day: int | None) -> PartialDate | None:
    """Date a year-less day or month in the anchor's year, unless that goes back or ahead."""
    anchor = ctx.anchor
    if anchor is None or ctx.tense == "future" or (anchor.month or 1) > month:
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
    if direction in ("this", "next", "last"):
        year = _year_of(base, month > base.month, month < base.month, direction)
    else:
        year = _named_year(base, month, None, _NAME_READING[ctx.tense])
    return Resolved(PartialDate(year, month), True)


def resolve_season(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "last summer", "this winter" to the year they mostly fall in."""
    base = base_date(ctx, "month")
    if base is None:
        return None
    season = match["season"].lower()
    first, last = SEASONS[season]
    year = _year_of(base, first > base.month, last < base.month, match["dir"].lower())
    return Resolved(PartialDate(year), True, f"{year:04d}-{SEASON_CODES[season]}")


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
    elif _WEEKDAY_READING[ctx.tense] == "future":
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
        year = base.year + count
        if ctx.quarter is not None and groups.get("count"):  # "a year ago", after a quarter
            quarter = f"{int(ctx.quarter[:4]) + count:04d}-Q{ctx.quarter[-1]}"
            return Resolved(PartialDate(year), True, quarter)
        return Resolved(PartialDate(year), True)
    if unit == "month":
        index = base.year * 12 + base.month - 1 + count
        return Resolved(PartialDate(index // 12, index % 12 + 1), True)
    moved = base + dt.timedelta(days=count * (DAYS_PER_WEEK if unit == "week" else 1))
    if unit == "day":
        return Resolved(PartialDate.from_date(moved), True)
    # A week is no date of the brief: keep its month, and its ISO week as the timex.
    week = None if groups.get("count") else _iso_week(moved)
    return Resolved(PartialDate(moved.year, moved.month), True, week)


def _iso_week(day: dt.date) -> str:
    """Return the ISO week of ``day`` as TimeML writes it: "1998-W08"."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // MONTHS_PER_QUARTER + 1


def resolve_month_of_year(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "January this year", "June last year": a month of a year named by shift."""
    if not match["mon"][0].isupper():
        return None
    base = base_date(ctx, "year")
    if base is None:
        return None
    year = base.year + {"this": 0, "last": -1, "next": 1}[match["dir"].lower()]
    return Resolved(PartialDate(year, month_number(match)), True)


def resolve_quarter(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "the third quarter", "the 1988 second quarter", "next year's first quarter".

    A quarter without a year is this year's if it has begun by publication (or the clause
    is about the future), else last year's: from 1989-11-02 "the third quarter" is
    1989-Q3; from 1998-02-13 "the fourth quarter" is 1997-Q4.
    """
    quarter = QUARTERS[match["qord"].lower()]
    written = match["year"] or match["qyear"]
    direction = (match["dir"] or match["qdir"] or "").lower()
    if written:
        year, relative = int(written), False
    else:
        base = base_date(ctx, "month")
        if base is None:
            return None
        relative, year = True, base.year
        if direction:
            year += {"this": 0, "last": -1, "next": 1}[direction]
        elif quarter > _quarter_of(base) and ctx.tense != "future":
            year -= 1
    return Resolved(PartialDate(year), relative, f"{year:04d}-Q{quarter}")


def resolve_quarter_ref(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "this quarter", "last quarter", "the quarter" (the last one reported)."""
    base = base_date(ctx, "month")
    if base is None:
        return None
    ref = " ".join(match["qref"].lower().split())
    shift = {"this": 0, "the current": 0, "next": 1}.get(ref, -1)  # "the quarter": reported
    index = base.year * QUARTERS_PER_YEAR + _quarter_of(base) - 1 + shift
    year, quarter = divmod(index, QUARTERS_PER_YEAR)
    return Resolved(PartialDate(year), True, f"{year:04d}-Q{quarter + 1}")


def resolve_year_back(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "a year earlier", "the year-ago quarter": a year before the anchor.

    The anchor is the quarter or date the text spoke of just before (``Context.anchor``
    and ``Context.quarter``), else publication: "a year ago" in results news is the
    quarter reported, a year back.
    """
    if ctx.quarter is not None:
        year, quarter = int(ctx.quarter[:4]) - 1, ctx.quarter[-1]
        quarter = str(QUARTERS[match["qord"].lower()]) if match["qord"] else quarter
        return Resolved(PartialDate(year), True, f"{year:04d}-Q{quarter}")
    if match["qord"]:  # "the year-ago third quarter" with no quarter before it
        return None
    anchor = ctx.anchor or ctx.published
    return None if anchor is None else Resolved(PartialDate(anchor.year - 1), True)


def resolve_spelled_year(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve a year said in words: "nineteen ninety-six", "the year two thousand"."""
    century = 2000 if match["thousand"] else 1900
    tens = TENS[match["tens"].lower()] if match["tens"] else 0
    ones = ONES[match["ones"].lower()] if match["ones"] else 0
    return Resolved(PartialDate(century + tens + ones), False)


def resolve_present(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve "now", "currently": the publication date, as TimeML's PRESENT_REF."""
    if ctx.published is None:
        return None
    return Resolved(ctx.published, True, PRESENT_REF)


def resolve_clock(match: re.Match[str], ctx: Context) -> Resolved | None:
    """Resolve a live page's clock stamp ("1504"): that time of the publication day."""
    base = base_date(ctx, "day")
    if base is None:
        return None
    timex = f"{base.isoformat()}T{match['hour']}:{match['minute']}"
    return Resolved(PartialDate.from_date(base), True, timex)


Resolver = Callable[[re.Match[str], Context], Resolved | None]
_WRITTEN_KINDS = ("iso", "iso_month", "month_year", "season_year", "year")  # carry their year
RESOLVERS: dict[str, Resolver] = dict.fromkeys(_WRITTEN_KINDS, resolve_written)
RESOLVERS |= {"day": resolve_day, "deictic": resolve_deictic, "weekday": resolve_weekday}
RESOLVERS |= {"unit": resolve_shift, "ago": resolve_shift, "season": resolve_season}
RESOLVERS |= {"month": resolve_month, "month_of_year": resolve_month_of_year}
RESOLVERS |= {"quarter": resolve_quarter, "quarter_ref": resolve_quarter_ref}
RESOLVERS |= {"present": resolve_present, "clock": resolve_clock}
RESOLVERS |= {"year_back": resolve_year_back, "spelled_year": resolve_spelled_year}


def resolve_date(
    expression: str, published: PartialDate | None, *, prefer_future: bool = False
) -> PartialDate | None:
    """Resolve one date expression against the publication date; None when unsure."""
    ctx = Context(published, "future" if prefer_future else "past")
    found = grammar_matches(expression)
    if not found:
        guessed = resolve_with_dateparser(expression, published)
        return guessed[0] if guessed else None
    best = min(found, key=preference)
    resolved = RESOLVERS[KIND[best.re]](best, ctx)
    return resolved.date if resolved else None
