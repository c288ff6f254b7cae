"""resolve_date: one expression against a publication date (seed and Timeline17 forms)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.dates import resolve_date
from storyline.model import PartialDate

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def test_resolve_date_bare_weekday_from_tuesday_is_the_day_before() -> None:
    # 004 is dated Tuesday 2019-03-19; its caption dates "on Monday" to March 18.
    assert resolve_date("on Monday", PartialDate(2019, 3, 19)) == PartialDate(2019, 3, 18)


def test_resolve_date_bare_weekday_of_publication_day_is_that_day() -> None:
    assert resolve_date("on Sunday", PartialDate(2019, 3, 17)) == PartialDate(2019, 3, 17)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("last Thursday", PartialDate(2011, 3, 25), PartialDate(2011, 3, 17)),  # UN res. 1973
        ("last Tuesday", PartialDate(2011, 2, 3), PartialDate(2011, 1, 25)),  # "the 25th"
        ("last Thursday", PartialDate(2009, 6, 28), PartialDate(2009, 6, 25)),  # Jackson died
        ("last Monday", PartialDate(2019, 3, 17), PartialDate(2019, 3, 11)),
        ("last Monday", PartialDate(2019, 3, 19), PartialDate(2019, 3, 11)),
    ],
)
def test_resolve_date_last_weekday_is_in_the_week_before(
    expression: str, published: PartialDate, expected: PartialDate
) -> None:
    assert resolve_date(expression, published) == expected


def test_resolve_date_weekday_in_future_clause_is_ahead() -> None:
    published = PartialDate(2010, 4, 29)  # a Thursday
    assert resolve_date("on Friday", published, prefer_future=True) == PartialDate(2010, 4, 30)
    assert resolve_date("on Friday", published) == PartialDate(2010, 4, 23)


def test_resolve_date_year_alone_has_year_precision() -> None:
    resolved = resolve_date("in 2014", PartialDate(2019, 3, 19))
    assert resolved == PartialDate(2014)
    assert resolved is not None and resolved.precision == "year"


def test_resolve_date_months_ago_has_month_precision() -> None:
    resolved = resolve_date("14 months ago", PartialDate(2019, 2, 17))
    assert resolved == PartialDate(2017, 12)


def test_resolve_date_yesterday_is_the_day_before() -> None:
    assert resolve_date("yesterday", PartialDate(2019, 3, 1)) == PartialDate(2019, 2, 28)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("February 13, 2019", PartialDate(2019, 2, 13)),
        ("March 30th, 2019", PartialDate(2019, 3, 30)),
        ("17 March 2019", PartialDate(2019, 3, 17)),
        ("Tuesday, March 19, 2019", PartialDate(2019, 3, 19)),
        ("2019-03-19", PartialDate(2019, 3, 19)),
        ("in July 2014", PartialDate(2014, 7)),
        ("late July 2014", PartialDate(2014, 7)),
        ("May, 2018", PartialDate(2018, 5)),
        ("summer 2014", PartialDate(2014)),
        ("3/19/2019", PartialDate(2019, 3, 19)),  # not in the grammar: dateparser
    ],
)
def test_resolve_date_absolute_needs_no_publication_date(
    expression: str, expected: PartialDate
) -> None:
    assert resolve_date(expression, None) == expected
    assert resolve_date(expression, PartialDate(2020, 1, 1)) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("March 23", PartialDate(2019, 3, 30), PartialDate(2019, 3, 23)),
        # a year back would have been written with its year: the one four days ahead
        ("March 23", PartialDate(2019, 3, 19), PartialDate(2019, 3, 23)),
        ("March 23", PartialDate(2019, 9, 19), PartialDate(2019, 3, 23)),
        ("March 23", PartialDate(2018, 12, 1), PartialDate(2018, 3, 23)),
        ("on Jan. 9", PartialDate(2019, 3, 17), PartialDate(2019, 1, 9)),
        ("in July", PartialDate(2017, 11, 5), PartialDate(2017, 7)),
        ("December", PartialDate(2019, 3, 30), PartialDate(2018, 12)),
        ("last month", PartialDate(2017, 11, 5), PartialDate(2017, 10)),
        ("last year", PartialDate(2019, 3, 30), PartialDate(2018)),
        ("two months ago", PartialDate(2019, 1, 15), PartialDate(2018, 11)),
        ("a week ago", PartialDate(2019, 3, 5), PartialDate(2019, 2)),
        ("16 years ago", PartialDate(2019, 2, 17), PartialDate(2003)),
        ("mid-March", PartialDate(2019, 3, 30), PartialDate(2019, 3)),
        ("last summer", PartialDate(2019, 3, 30), PartialDate(2018)),
    ],
)
def test_resolve_date_relative_to_publication(
    expression: str, published: PartialDate, expected: PartialDate
) -> None:
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    "expression",
    ["yesterday", "on Friday", "last Monday", "14 months ago", "in July", "March 23", "last year"],
)
def test_resolve_date_relative_without_publication_is_none(expression: str) -> None:
    assert resolve_date(expression, None) is None


def test_resolve_date_coarse_publication_gives_no_day() -> None:
    published = PartialDate(2019, 3)
    assert resolve_date("yesterday", published) is None
    assert resolve_date("on Friday", published) is None
    assert resolve_date("last month", published) == PartialDate(2019, 2)
    assert resolve_date("last year", PartialDate(2019)) == PartialDate(2018)


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "Islamic State will be declared dead",
        "five bloodstained years",
        "for years",
        "nearly three years",
        "the past two months",
        "recent weeks",
        "two months later",
        "13 years old",
        "the 1990s",
        "2002-3",
        "February 30, 2019",
        "the last day",
    ],
)
def test_resolve_date_non_dates_are_none(expression: str) -> None:
    assert resolve_date(expression, PartialDate(2019, 3, 19)) is None


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), weekday=st.sampled_from(WEEKDAYS))
def test_resolve_date_weekdays_stay_in_their_window(day: dt.date, weekday: str) -> None:
    published = PartialDate.from_date(day)
    bare = resolve_date(weekday, published)
    last = resolve_date(f"last {weekday}", published)
    ahead = resolve_date(f"on {weekday}", published, prefer_future=True)
    assert bare is not None and last is not None and ahead is not None
    assert 0 <= (day - bare.to_date()).days <= 6
    assert 1 <= (day - last.to_date()).days <= 13
    assert 0 <= (ahead.to_date() - day).days <= 6
    assert bare.to_date().strftime("%A") == last.to_date().strftime("%A") == weekday


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_resolve_date_never_raises(text: str) -> None:
    resolve_date(text, PartialDate(2019, 3, 19))
    resolve_date(text, None)
