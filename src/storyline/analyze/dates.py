"""Find date expressions in an article and resolve them against its publication date.

How news text is read (checked on Timeline17, whose folders are publication dates):

- A bare weekday ("on Monday") is the latest such day on or before publication: from a
  Tuesday, "on Monday" is the day before. In a clause about the future ("is expected to
  reach the coast on Friday") it is the next such day.
- "last Monday" is the Monday of the week before publication's, weeks starting on Sunday:
  from Friday 2011-03-25 "passed last Thursday" is 03-17; from Thursday 2011-02-03 "since
  last Tuesday, the 25th" is 01-25; from Sunday 2009-06-28 "last Thursday" is 06-25.
- A month without a year ("in July", "March 23") is its latest occurrence not after
  publication (the next one in a clause about the future), or, right after a date written
  with its year, in that year's narrative ("by summer 2014. In June, …").
- A week is no precision: "last week", "two weeks ago" give the month.
- Not dates: durations ("for years", "the past two months", "in recent weeks"), spans
  anchored elsewhere ("two months later") and ages ("13 years old").
- Without a publication date, what needs one resolves to None, never a guess.

Common forms go through the grammar below (fast); the rest through dateparser.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from storyline.model import DateRef, PartialDate, Precision

# spaCy labels whose spans may hold a date ("Monday night" can come out as TIME).
DATE_LABELS = ("DATE", "TIME")
# How many steps up the parse tree to look for the verb that governs a date.
HEAD_HOPS = 3
# Auxiliaries that put a clause in the future ("wo" is how spaCy splits "won't").
FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall"})
# Words that put a following to-infinitive in the future: "is expected to land on Friday".
FUTURE_GOVERNORS = frozenset(
    {"expected", "scheduled", "due", "set", "going", "slated", "poised", "planned", "plans"}
)
# A year-less "In June" takes the year of a date written out (more than a bare year) this
# many sentences before ("by summer 2014. In June, it began…"): the narrative's own time.
ANCHOR_SENTENCES = 1
# …only when it opens its sentence ("In June, …"); "which it lost in July" is this year's.
ANCHOR_OPENING_CHARS = 12
# Characters before a year that can hold the rest of a full date ("Wednesday, September 30th, ").
EXPLICIT_WINDOW = 40
# Characters after a year that can hold the rest of an ISO date ("-03-19").
EXPLICIT_TAIL = 6
# Expressions whose reading depends on tense: only these look for a future clause.
AMBIGUOUS_KINDS = frozenset({"day", "weekday", "month", "season"})
DAYS_PER_WEEK = 7
YEARS_PER_DECADE = 10
_RANK: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNTS = dict(zip(_NUMBER_WORDS, range(1, 11), strict=True)) | {"a": 1, "an": 1, "a couple of": 2}
# First and last month of each season (northern hemisphere, as the press uses them).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_SEASONS["winter"] = (12, 2)  # across the new year
_BARE = {True: "future", False: "past"}  # how a name without "last"/"next" reads, by tense
_DEICTIC_DAYS = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}

_MONTH = (
    r"(?P<mon>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z]))\.?"
)
_WD = rf"(?P<wd>{'|'.join(_WEEKDAYS)})"
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

# (kind, pattern), most specific first: of overlapping matches the longer one wins.
_GRAMMAR: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", rf"\b{_YEAR}-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
        ("iso_month", rf"\b{_YEAR}-(?P<mnum>0[1-9]|1[0-2])\b(?!-\d)"),
        ("day", rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}(?:{_YEAR_SEP}{_YEAR})?"),
        ("day", rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:{_YEAR_SEP}{_YEAR})?"),
        ("month_year", rf"\b{_QUAL}{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
        ("season_year", rf"\b{_QUAL}{_SEASON}\s+(?:of\s+)?{_YEAR}"),
        ("deictic", rf"\b(?P<word>{'|'.join(_DEICTIC_DAYS)}|today|tonight"
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
_KIND = {pattern: kind for kind, pattern in _GRAMMAR}
_ORDER = {pattern: rank for rank, (_, pattern) in enumerate(_GRAMMAR)}
# Full dates with a year are also looked for outside spaCy's DATE entities.
_EXPLICIT = tuple(pattern for kind, pattern in _GRAMMAR if kind in ("iso", "day"))
_YEAR_HINT = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# Without one of these an expression is not worth handing to dateparser.
_CUE = re.compile(rf"{_MONTH}|{_WD}|\d{{4}}|\b(?:yesterday|today|tonight|tomorrow|ago)\b", re.I)
# "2002-3", "2014-15": a span of years, which dateparser would read as a month.
_YEAR_RANGE = re.compile(r"\b(?:1[5-9]|20)\d\d\s*[-–/]\s*\d{1,4}\b")


class _Context(NamedTuple):
    published: PartialDate | None
    future: bool
    anchor: PartialDate | None = None  # a date written out just before, in a narrative


_Resolved = tuple[PartialDate, bool]  # the date, and whether it came from the publication date


def resolve_date(
    expression: str, published: PartialDate | None, *, prefer_future: bool = False
) -> PartialDate | None:
    """Resolve one date expression against the publication date; None when unsure."""
    ctx = _Context(published, prefer_future)
    found = _matches(expression)
    if not found:
        resolved = _resolve_with_dateparser(expression, published)
    else:
        best = min(found, key=_preference)
        resolved = _RESOLVERS[_KIND[best.re]](best, ctx)
    return resolved[0] if resolved else None


def find_dates(doc: Doc, published: PartialDate | None) -> tuple[DateRef, ...]:
    """Return the resolvable date mentions of ``doc``, in text order."""
    text = doc.text  # spaCy rebuilds Doc.text on every access
    sent_starts = [sent.start_char for sent in doc.sents]
    refs: list[DateRef] = []
    anchor: tuple[int, PartialDate] | None = None  # the last date written with its year
    for match in _without_overlaps(_entity_matches(doc, text) + _explicit_matches(text)):
        start, end, kind = match.start(), match.end(), _KIND[match.re]
        sentence = max(bisect.bisect_right(sent_starts, start) - 1, 0)
        future = kind in AMBIGUOUS_KINDS and _in_future_clause(doc, start, end)
        opens = start - sent_starts[sentence] <= ANCHOR_OPENING_CHARS
        near = anchor is not None and sentence - anchor[0] <= ANCHOR_SENTENCES and opens
        ctx = _Context(published, future, anchor[1] if anchor and near else None)
        resolved = _RESOLVERS[kind](match, ctx)
        if resolved is not None:
            refs.append(DateRef(match[0], start, end, resolved[0], sentence, resolved[1]))
            anchor = anchor if resolved[1] or kind == "year" else (sentence, resolved[0])
    return tuple(refs)


def _matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Return every grammar match inside ``text[start:end]``."""
    stop = len(text) if end is None else end
    return [m for _, pattern in _GRAMMAR for m in pattern.finditer(text, start, stop)]


def _entity_matches(doc: Doc, text: str) -> list[re.Match[str]]:
    """Return the grammar matches inside spaCy's DATE and TIME entities."""
    found: list[re.Match[str]] = []
    for ent in doc.ents:
        if ent.label_ in DATE_LABELS:
            found.extend(_matches(text, ent.start_char, ent.end_char))
    return found


def _explicit_matches(text: str) -> list[re.Match[str]]:
    """Return full dates with a year anywhere in ``text`` (insurance against NER misses)."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    for hint in _YEAR_HINT.finditer(text):  # only look where a year is written
        window = (max(hint.start() - EXPLICIT_WINDOW, 0), hint.end() + EXPLICIT_TAIL)
        for pattern in _EXPLICIT:
            for m in pattern.finditer(text, *window):
                if m["year"] and m.span("year") == hint.span():
                    found[m.span()] = m
    return list(found.values())


def _preference(match: re.Match[str]) -> tuple[int, int, int]:
    """Rank a match: longer first, then by the grammar's order, then by position."""
    return match.start() - match.end(), _ORDER[match.re], match.start()


def _without_overlaps(matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """Keep the preferred one of overlapping matches, in text order."""
    kept: list[re.Match[str]] = []
    for match in sorted(matches, key=_preference):
        if all(match.end() <= other.start() or other.end() <= match.start() for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start())


def _in_future_clause(doc: Doc, start: int, end: int) -> bool:
    """Tell whether the verb governing ``doc.text[start:end]`` speaks of the future."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    for _ in range(HEAD_HOPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if any(child.lower_ in FUTURE_AUX for child in verb.children if child.dep_.startswith("aux")):
        return True
    has_to = any(child.lower_ == "to" for child in verb.children if child.dep_ == "aux")
    return has_to and verb.head.lower_ in FUTURE_GOVERNORS


def _base(ctx: _Context, needs: Precision) -> dt.date | None:
    """Return the publication date if it is known at least to precision ``needs``."""
    published = ctx.published
    if published is None or _RANK[published.precision] < _RANK[needs]:
        return None
    return published.to_date()


def _month_number(match: re.Match[str]) -> int:
    """Return the number of the month named in ``match``."""
    return _MONTHS.index(match["mon"][:3].lower()) + 1


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


def _resolve_written(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """Resolve a date written with its year: "2019-03-19", "March 30th, 2019", "July 2014"."""
    groups, year = match.groupdict(), int(match["year"])
    month = int(match["mnum"]) if groups.get("mnum") else groups.get("mon") and _month_number(match)
    if not month:  # a year, or a season of a year
        return PartialDate(year), False
    day = groups.get("day")
    date = _safe_date(year, month, int(day)) if day else PartialDate(year, month)
    return (date, False) if date else None


def _resolve_day(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """Resolve "March 23", "the 15th of March" (or with a year: written out in full)."""
    if match["year"]:
        return _resolve_written(match, ctx)
    month, day = _month_number(match), int(match["day"])
    anchored = _anchored(ctx, month, day)
    if anchored is not None:
        return anchored, False
    base = _base(ctx, "day")
    if base is None:
        return None
    later, earlier = (month, day) > (base.month, base.day), (month, day) < (base.month, base.day)
    date = _safe_date(_year_of(base, later, earlier, _BARE[ctx.future]), month, day)
    return (date, True) if date else None


def _anchored(ctx: _Context, month: int, day: int | None) -> PartialDate | None:
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


def _resolve_month(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """Resolve a month without a year: "in July", "last March", "early January"."""
    if not match["mon"][0].isupper():  # "may" the verb
        return None
    month, direction = _month_number(match), (match["dir"] or "").lower()
    anchored = None if direction else _anchored(ctx, month, None)
    if anchored is not None:
        return anchored, False
    base = _base(ctx, "month")
    if base is None:
        return None
    reading = direction if direction in ("this", "next", "last") else _BARE[ctx.future]
    return PartialDate(_year_of(base, month > base.month, month < base.month, reading), month), True


def _resolve_season(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """Resolve "last summer", "this winter" to the year they mostly fall in."""
    base = _base(ctx, "month")
    if base is None:
        return None
    first, last = _SEASONS[match["season"].lower()]
    year = _year_of(base, first > base.month, last < base.month, match["dir"].lower())
    return PartialDate(year), True


def _resolve_weekday(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """Resolve "on Monday", "last Friday", "next Tuesday" (see the module docstring)."""
    base = _base(ctx, "day")
    if base is None:
        return None
    weekday, direction = _WEEKDAYS.index(match["wd"].lower()), (match["dir"] or "").lower()
    if direction == "last":  # the week before publication's, weeks starting on Sunday
        week_start = base - dt.timedelta(days=(base.weekday() + 1) % DAYS_PER_WEEK)
        day = week_start - dt.timedelta(days=DAYS_PER_WEEK - (weekday + 1) % DAYS_PER_WEEK)
    elif direction == "next":
        day = base + dt.timedelta(days=(weekday - base.weekday() - 1) % DAYS_PER_WEEK + 1)
    elif ctx.future:
        day = base + dt.timedelta(days=(weekday - base.weekday()) % DAYS_PER_WEEK)
    else:
        day = base - dt.timedelta(days=(base.weekday() - weekday) % DAYS_PER_WEEK)
    return PartialDate.from_date(day), True


def _resolve_deictic(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """Resolve "yesterday", "today", "tonight", "last night", "tomorrow"."""
    base = _base(ctx, "day")
    if base is None:
        return None
    offset = _DEICTIC_DAYS.get(" ".join(match["word"].lower().split()), 0)
    return PartialDate.from_date(base + dt.timedelta(days=offset)), True


def _resolve_shift(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """Resolve "last week", "this year", "14 months ago": publication moved by whole units."""
    groups = match.groupdict()
    if groups.get("count"):
        count_text = " ".join(match["count"].lower().split())
        count = -(int(count_text) if count_text.isdigit() else _COUNTS[count_text])
    else:
        count = {"last": -1, "this": 0, "next": 1}[match["dir"].lower()]
    unit = match["unit"].lower()
    if unit == "decade":
        count, unit = count * YEARS_PER_DECADE, "year"
    needs: Precision = "day" if unit in ("day", "week") else "month" if unit == "month" else "year"
    base = _base(ctx, needs)
    if base is None:
        return None
    if unit == "year":
        return PartialDate(base.year + count), True
    if unit == "month":
        index = base.year * 12 + base.month - 1 + count
        return PartialDate(index // 12, index % 12 + 1), True
    moved = base + dt.timedelta(days=count * (DAYS_PER_WEEK if unit == "week" else 1))
    exact = unit == "day"  # a week back is not a day: keep the month
    return (PartialDate.from_date(moved) if exact else PartialDate(moved.year, moved.month)), True


_WRITTEN_KINDS = ("iso", "iso_month", "month_year", "season_year", "year")  # carry their year
_Resolver = Callable[[re.Match[str], _Context], _Resolved | None]
_WRITTEN: _Resolver = _resolve_written
_RESOLVERS: dict[str, _Resolver] = dict.fromkeys(_WRITTEN_KINDS, _WRITTEN)
_RESOLVERS |= {"day": _resolve_day, "deictic": _resolve_deictic, "weekday": _resolve_weekday}
_RESOLVERS |= {"unit": _resolve_shift, "ago": _resolve_shift, "season": _resolve_season}
_RESOLVERS["month"] = _resolve_month


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    """Return a dateparser parser for English, past-leaning, relative to ``base``."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _resolve_with_dateparser(expression: str, published: PartialDate | None) -> _Resolved | None:
    """Resolve what the grammar does not know ("3/19/2019"); never guess without an anchor."""
    if not _CUE.search(expression) or _YEAR_RANGE.search(expression):
        return None
    years = {int(year) for year in _YEAR_HINT.findall(expression)}
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
    # A week is kept to the month: its day would be a guess.
    parts = {"day": 3, "time": 3, "week": 2, "month": 2}.get(data.period or "year", 1)
    return PartialDate(*(found.year, found.month, found.day)[:parts]), not has_year
