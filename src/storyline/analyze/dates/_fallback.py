"""Resolve what the grammar does not know with dateparser ("3/19/2019")."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateparser.date import DateDataParser

from storyline.analyze.dates._grammar import CUE, YEAR_HINT, YEAR_RANGE
from storyline.model import PartialDate

# How many of dateparser's period names keep which parts of the date it returns: a week
# is kept to the month, as its day would be a guess.
_PARTS_BY_PERIOD = {"day": 3, "time": 3, "week": 2, "month": 2}


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    """Return a dateparser parser for English, past-leaning, relative to ``base``."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def resolve_with_dateparser(
    expression: str, published: PartialDate | None
) -> tuple[PartialDate, bool] | None:
    """Resolve ``expression`` (and whether it is relative); never guess without an anchor."""
    if not CUE.search(expression) or YEAR_RANGE.search(expression):
        return None
    years = {int(year) for year in YEAR_HINT.findall(expression)}
    has_year = bool(years)
    base = published.to_date() if published and published.precision == "day" else None
    if base is None and not has_year:
        return None
    data = _parser(base).get_date_data(expression)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if has_year and found.year not in years:  # "the 1990s" comes back as today
        return None
    parts = _PARTS_BY_PERIOD.get(data.period or "year", 1)
    return PartialDate(*(found.year, found.month, found.day)[:parts]), not has_year
