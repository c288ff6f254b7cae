"""The grammar of common date expressions: one regular expression per kind of date."""

from __future__ import annotations

import re

from storyline.model import Precision

DAYS_PER_WEEK = 7
YEARS_PER_DECADE = 10
RANK: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
COUNTS = dict(zip(_NUMBER_WORDS, range(1, 11), strict=True)) | {"a": 1, "an": 1, "a couple of": 2}
# First and last month of each season (northern hemisphere, as the press uses them).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
SEASONS["winter"] = (12, 2)  # across the new year
TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
ONES = dict(zip(_NUMBER_WORDS[:9], range(1, 10), strict=True))
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# TimeML's codes of the seasons.
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DEICTIC_DAYS = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}

_MONTH = (
    r"(?P<mon>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z]))\.?"
)
_WD = rf"(?P<wd>{'|'.join(WEEKDAYS)})"
_WD_PREFIX = rf"(?:{_WD}\s*,?\s+)?"  # "Tuesday, March 19", "Thursday , Oct. 16"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
_YEAR_SEP = r"(?:\s*,\s*|\s+)"
_QUAL = r"(?P<qual>(?:early|mid|late)(?:\s+|-)|(?:the\s+)?(?:start|beginning|middle|end)\s+of\s+)?"
_DIR = r"(?:(?P<dir>last|this|next|past)\s+)?"
_DIR_REQUIRED = r"(?P<dir>last|this|next)"
_COUNT = rf"(?P<count>\d{{1,3}}|an?|{'|'.join(_NUMBER_WORDS)}|a\s+couple\s+of)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_CAL_UNIT = r"(?P<unit>week|month|year)"
_REL_YEAR = r"(?P<dir>this|last|next)\s+year(?:'s|’s)?"
# "the third quarter", "third-quarter", "the 1988 second quarter", "the fourth fiscal quarter"
_QUARTER = (
    rf"(?:the\s+)?(?:(?:{_REL_YEAR}|{_YEAR}(?:'s|’s)?)\s+)?(?:fiscal\s+)?"
    r"(?P<qord>first|second|third|fourth)[-\s]+(?:fiscal[-\s]+)?quarter\b"
    rf"(?:\s+of\s+(?:{_YEAR.replace('year', 'qyear')}|(?P<qdir>this|last|next)\s+year))?"
)
# "the quarter", "the latest quarter", "this quarter", "last quarter", "the year-ago quarter"
_QUARTER_REF = (
    r"(?:(?P<qref>the(?:\s+(?:latest|recent|most\s+recent|just[-\s]ended))?|this|last|next"
    r"|the\s+current)\s+quarter)\b"
)

# (kind, pattern), most specific first: of overlapping matches the longer one wins.
GRAMMAR: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", rf"\b{_YEAR}-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
        ("iso_month", rf"\b{_YEAR}-(?P<mnum>0[1-9]|1[0-2])\b(?!-\d)"),
        ("day", rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}(?:{_YEAR_SEP}{_YEAR})?"),
        ("day", rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:{_YEAR_SEP}{_YEAR})?"),
        ("month_year", rf"\b{_QUAL}{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
        # spoken years, as broadcast transcripts write them: "nineteen ninety-six"
        ("spelled_year", rf"\b(?:the\s+year\s+)?(?:nineteen[-\s](?P<tens>{'|'.join(TENS)})"
                         rf"|(?P<thousand>two\s+thousand)(?:\s+and)?)"
                         rf"(?:[-\s](?P<ones>{'|'.join(ONES)}))?\b"),
        ("month_of_year", rf"\b{_QUAL}{_MONTH},?\s+(?:of\s+)?{_REL_YEAR}"),
        ("quarter", rf"\b{_QUARTER}"),
        ("quarter_ref", rf"\b{_QUARTER_REF}"),
        # "a year earlier", "the year-ago quarter", "year-earlier": a year before the date
        # the text speaks of (the quarter reported, in results news)
        ("year_back", r"\b(?:(?:the\s+)?(?:comparable\s+)?year[-\s](?:ago|earlier)"
                      r"(?:\s+(?:(?P<qord>first|second|third|fourth)\s+)?(?:quarter|period))?"
                      r"|a\s+year\s+(?:earlier|before))\b"),
        ("season_year", rf"\b{_QUAL}{_SEASON}\s+(?:of\s+)?{_YEAR}"),
        ("deictic", rf"\b(?P<word>{'|'.join(DEICTIC_DAYS)}|today|tonight"
                    r"|this\s+(?:morning|afternoon|evening))\b"),
        ("weekday", rf"\b{_DIR}{_WD}(?:\s+(?:morning|afternoon|evening|night))?\b"),
        # "last day", "this day" are not dates: no "day" unit here
        ("unit", rf"\b{_QUAL}(?:(?:earlier|later)\s+)?{_DIR_REQUIRED}\s+{_CAL_UNIT}\b"),
        ("ago", rf"\b{_COUNT}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"),
        ("season", rf"\b{_QUAL}{_DIR_REQUIRED}\s+{_SEASON}\b"),
        ("month", rf"\b{_QUAL}{_DIR}{_MONTH}"),
        ("year", rf"(?:\b{_QUAL})?(?<![\w/.]){_YEAR}(?!s\b|'s\b|[-/.]\d|,\d)"),
    )
)  # fmt: skip
# Looked for in the whole text, not only in spaCy's date entities (see ``_find``):
# "now", "currently" (TimeML's PRESENT_REF, when an adverb) …
PRESENT = re.compile(r"\b(?:now|currently)\b", re.IGNORECASE)
# … and the clock time opening a line of a live page: "1504 International aid agency …",
# "2159 : Conservative think tank …" (issue 9: these are times, never years).
CLOCK_STAMP = re.compile(r"^(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?=\s*:?\s+[A-Z])", re.M)
# On a live page, a time and a colon inside a line is a stamp too ("… tweets 2056 : Mr …").
INLINE_STAMP = re.compile(r"\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?=\s*:\s+[A-Z])")
_WHOLE_TEXT = (("clock", CLOCK_STAMP), ("clock", INLINE_STAMP), ("present", PRESENT))
KIND = {pattern: kind for kind, pattern in GRAMMAR + _WHOLE_TEXT}
# Of matches as long as each other, a clock stamp wins (over a year "1504").
_ORDER = {pattern: rank for rank, (_, pattern) in enumerate(_WHOLE_TEXT + GRAMMAR)}
# Full dates with a year are also looked for outside spaCy's DATE entities.
EXPLICIT = tuple(pattern for kind, pattern in GRAMMAR if kind in ("iso", "day"))
YEAR_HINT = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# Without one of these an expression is not worth handing to dateparser.
CUE = re.compile(rf"{_MONTH}|{_WD}|\d{{4}}|\b(?:yesterday|today|tonight|tomorrow|ago)\b", re.I)
# "2002-3", "2014-15": a span of years, which dateparser would read as a month.
YEAR_RANGE = re.compile(r"\b(?:1[5-9]|20)\d\d\s*[-–/]\s*\d{1,4}\b")


def grammar_matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Return every grammar match inside ``text[start:end]``."""
    stop = len(text) if end is None else end
    return [m for _, pattern in GRAMMAR for m in pattern.finditer(text, start, stop)]


def preference(match: re.Match[str]) -> tuple[int, int, int]:
    """Rank a match: longer first, then by the grammar's order, then by position."""
    return match.start() - match.end(), _ORDER[match.re], match.start()


def without_overlaps(matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """Keep the preferred one of overlapping matches, in text order."""
    kept: list[re.Match[str]] = []
    for match in sorted(matches, key=preference):
        if all(match.end() <= other.start() or other.end() <= match.start() for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start())


def month_number(match: re.Match[str]) -> int:
    """Return the number of the month named in ``match``."""
    return MONTHS.index(match["mon"][:3].lower()) + 1
