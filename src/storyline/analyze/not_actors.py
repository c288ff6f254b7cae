"""Names that are never actors, recognised by shape: time zones, dates, codes, diseases.

spaCy tags "BST" or "ET" (time zones), "Fri Apr" (date abbreviations), "H5N1" (a
virus strain) and "Swine Flu" as organisations or people. The time zone codes come
from the IANA time zone database shipped with Python (``zoneinfo``), the calendar
words from ``calendar``; the disease heads are the generic English nouns news uses."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from functools import lru_cache

# A mention whose last word is one of these names an illness, not an actor.
_DISEASE_HEADS = frozenset(
    [
        "flu",
        "influenza",
        "virus",
        "fever",
        "disease",
        "syndrome",
        "pox",
        "plague",
        "pandemic",
        "epidemic",
    ]
)
_EXTRA_CALENDAR = frozenset(["sept", "tues", "thur", "thurs"])  # common short forms
_CODE = re.compile(r"^[A-Za-z]+\d+[A-Za-z]+\d*$")  # H5N1, H3N2: strains, models
_TZ_CODE = re.compile(r"^[A-Z]{2,5}$")
_SAMPLE_DAYS = (dt.datetime(2020, 1, 15), dt.datetime(2020, 7, 15))  # winter and summer time


@lru_cache(maxsize=1)
def time_zone_codes() -> frozenset[str]:
    """Abbreviations of the IANA time zones ("GMT", "BST", "EST", "CEST"), plus UTC."""
    codes = {"UTC", "GMT"}
    for zone in zoneinfo.available_timezones():
        for day in _SAMPLE_DAYS:
            name = day.replace(tzinfo=zoneinfo.ZoneInfo(zone)).tzname() or ""
            if _TZ_CODE.match(name):
                codes.add(name)
    # "ET", "PT": the season-free forms of zones with a standard and a daylight code
    codes |= {
        code[:-2] + "T" for code in codes if code.endswith("ST") and code[:-2] + "DT" in codes
    }
    return frozenset(codes)


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    words = [*calendar.day_name, *calendar.day_abbr, *calendar.month_name, *calendar.month_abbr]
    return frozenset(word.lower() for word in words if word) | _EXTRA_CALENDAR


def is_time_zone(text: str) -> bool:
    """Whether ``text`` is a time zone abbreviation ("BST", "GMT", "ET")."""
    return text in time_zone_codes()


def is_calendar_phrase(text: str) -> bool:
    """Whether every word is a weekday or month ("Fri Apr"); a lone full month may be a name."""
    words = text.replace(".", " ").replace(",", " ").lower().split()
    if not words or not all(word in _calendar_words() for word in words):
        return False
    return len(words) > 1 or text.strip(".").lower() not in {
        month.lower() for month in calendar.month_name if month
    }


def is_code(text: str) -> bool:
    """Whether a word mixes letters and digits twice ("H5N1"): a strain or model, no actor."""
    return any(_CODE.match(word) for word in text.split())


def is_disease(text: str) -> bool:
    """Whether the name ends in a disease noun ("Swine Flu", "West Nile Virus")."""
    words = text.lower().split()
    return bool(words) and words[-1] in _DISEASE_HEADS


def never_an_actor(text: str, label: str) -> bool:
    """Whether a mention cannot name an actor by its shape (people never hold digits)."""
    digits = label == "PERSON" and any(ch.isdigit() for ch in text)
    shapes = is_time_zone(text) or is_calendar_phrase(text) or is_code(text)
    return digits or shapes or is_disease(text)
