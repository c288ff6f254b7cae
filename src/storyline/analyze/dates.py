"""Find date expressions in an article and resolve them against its publication date.

How news text is read (each rule checked on Timeline17 articles, whose folder is the
publication date):

- A bare weekday ("on Monday", "Friday") is the most recent such day on or before
  publication: wire copy names days of the current week and a story from Tuesday that
  says "on Monday" means the day before. In a clause about the future ("is expected to
  reach the coast on Friday", "will meet on Monday") it is the next such day instead.
- "last Monday" is the Monday of the week before the publication week, weeks starting
  on Sunday (news calendars): from Friday 2011-03-25 "passed last Thursday" is
  2011-03-17, from Thursday 2011-02-03 "since last Tuesday, the 25th" is 2011-01-25,
  from Sunday 2009-06-28 "collapsed last Thursday" is 2009-06-25.
- A month without a year ("in July", "March 23") is its most recent occurrence not after
  publication (the next one in a clause about the future).
- Weeks have no precision of their own: "last week", "two weeks ago" give the month.
- Durations and spans anchored elsewhere are not dates: "for years", "five bloodstained
  years", "the past two months", "in recent weeks", "two months later", "13 years old".
- Without a publication date, anything that needs one resolves to None, never a guess.

Common forms are parsed by the grammar below (fast, and exact about precision);
anything else goes to dateparser's ``DateDataParser``.
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
DAYS_PER_WEEK = 7
YEARS_PER_DECADE = 10
# Auxiliaries that put a clause in the future ("wo" is how spaCy splits "won't").
FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall"})
# Words that put a following to-infinitive in the future: "is expected to land on Friday".
FUTURE_GOVERNORS = frozenset(
    {"expected", "scheduled", "due", "set", "going", "slated", "poised", "planned", "plans"}
)
# A year-less "In June" takes the year of a date written out this many sentences before
# ("by summer 2014. In June, it began…"): the narrative's own time, not the publication's.
ANCHOR_SENTENCES = 1
# Expressions whose reading depends on tense: only these look for a future clause.
AMBIGUOUS_KINDS = frozenset({"day", "weekday", "month", "season"})
_RANK: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBER_WORDS_RE = "|".join(_NUMBER_WORDS)
_COUNTS = dict(zip(_NUMBER_WORDS, range(1, 11), strict=True)) | {"a": 1, "an": 1, "a couple of": 2}
# First and last month of each season (northern hemisphere, as the press uses them).
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}

_MONTH = (
    r"(?P<mon>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z]))\.?"
)
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
_YEAR_SEP = r"(?:\s*,\s*|\s+)"
_QUAL = r"(?P<qual>(?:early|mid|late)(?:\s+|-)|(?:the\s+)?(?:start|beginning|middle|end)\s+of\s+)?"
_DIR = r"(?:(?P<dir>last|this|next|past)\s+)?"
_DIR_REQUIRED = r"(?P<dir>last|this|next)"
_COUNT = rf"(?P<count>\d{{1,3}}|an?|{_NUMBER_WORDS_RE}|a\s+couple\s+of)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_UNIT = r"(?P<unit>day|week|month|year|decade)"
_CALENDAR_UNIT = r"(?P<unit>week|month|year)"  # "last day", "this day" are not dates

# (kind, pattern), most specific first: on overlapping matches the longer one wins.
_GRAMMAR: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", rf"\b{_YEAR}-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
        ("iso_month", rf"\b{_YEAR}-(?P<mnum>0[1-9]|1[0-2])\b(?!-\d)"),
        ("day", rf"\b(?:{_WD},?\s+)?{_MONTH}\s+{_DAY}(?:{_YEAR_SEP}{_YEAR})?"),
        ("day", rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:{_YEAR_SEP}{_YEAR})?"),
        ("month_year", rf"\b{_QUAL}{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
        ("season_year", rf"\b{_QUAL}{_SEASON}\s+(?:of\s+)?{_YEAR}"),
        ("deictic", r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow"
                    r"|last\s+night|this\s+(?:morning|afternoon|evening))\b"),
        ("weekday", rf"\b{_DIR}{_WD}(?:\s+(?:morning|afternoon|evening|night))?\b"),
        ("unit", rf"\b{_QUAL}(?:(?:earlier|later)\s+)?{_DIR_REQUIRED}\s+{_CALENDAR_UNIT}\b"),
        ("ago", rf"\b{_COUNT}\s+{_UNIT}s?\s+ago\b"),
        ("season", rf"\b{_QUAL}{_DIR_REQUIRED}\s+{_SEASON}\b"),
        ("month", rf"\b{_QUAL}{_DIR}{_MONTH}"),
        ("year", rf"(?:\b{_QUAL})?(?<![\w/.]){_YEAR}(?!s\b|'s\b|[-/.]\d|,\d)"),
    )
)  # fmt: skip
_KIND_ORDER = {kind: rank for rank, (kind, _) in reversed(list(enumerate(_GRAMMAR)))}
# Full dates anywhere in the text, for the ones spaCy does not tag as DATE.
_EXPLICIT = tuple((kind, pattern) for kind, pattern in _GRAMMAR if kind in ("iso", "day"))
_YEAR_HINT = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# Characters before a year that can hold the rest of a full date ("Wednesday, September 30th, ").
EXPLICIT_WINDOW = 40
# Characters after a year that can hold the rest of an ISO date ("-03-19").
EXPLICIT_TAIL = 6
# Without one of these an expression is not worth handing to dateparser.
_CUE = re.compile(
    rf"{_MONTH}|{_WD}|\b(?:1[5-9]|20)\d\d\b|\b(?:yesterday|today|tonight|tomorrow|ago)\b",
    re.IGNORECASE,
)
_CONTAINS_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# "2002-3", "2014-15": a span of years, which dateparser would read as a month.
_YEAR_RANGE = re.compile(r"\b(?:1[5-9]|20)\d\d\s*[-–/]\s*\d{1,4}\b")


class _Context(NamedTuple):
    published: PartialDate | None
    future: bool
    anchor: PartialDate | None = None  # a date written out just before, in a narrative


class _Candidate(NamedTuple):
    start: int
    end: int
    kind: str
    match: re.Match[str]


_Resolved = tuple[PartialDate, bool]  # the date, and whether it came from the publication date


def resolve_date(
    expression: str, published: PartialDate | None, *, prefer_future: bool = False
) -> PartialDate | None:
    """Resolve one date expression against the publication date; None when unsure."""
    resolved = _resolve_text(expression, _Context(published, prefer_future))
    return resolved[0] if resolved else None


def find_dates(doc: Doc, published: PartialDate | None) -> tuple[DateRef, ...]:
    """Return the resolvable date mentions of ``doc``, in text order."""
    text = doc.text  # spaCy rebuilds Doc.text on every access
    sent_starts = [sent.start_char for sent in doc.sents]
    refs: list[DateRef] = []
    anchor: tuple[int, PartialDate] | None = None  # the last date written with its year
    for cand in _without_overlaps(_entity_candidates(doc, text) + _explicit_candidates(text)):
        sentence = max(bisect.bisect_right(sent_starts, cand.start) - 1, 0)
        future = cand.kind in AMBIGUOUS_KINDS and _in_future_clause(doc, cand.start, cand.end)
        near = anchor is not None and sentence - anchor[0] <= ANCHOR_SENTENCES
        ctx = _Context(published, future, anchor[1] if anchor and near else None)
        resolved = _RESOLVERS[cand.kind](cand.match, ctx)
        if resolved is None:
            continue
        date, relative = resolved
        refs.append(
            DateRef(text[cand.start : cand.end], cand.start, cand.end, date, sentence, relative)
        )
        if not relative:
            anchor = (sentence, date)
    return tuple(refs)


# ---------------------------------------------------------------- finding


def _matches(text: str, start: int = 0, end: int | None = None) -> list[_Candidate]:
    """Every grammar match inside ``text[start:end]``."""
    stop = len(text) if end is None else end
    spans = ((kind, m) for kind, pattern in _GRAMMAR for m in pattern.finditer(text, start, stop))
    return [_Candidate(m.start(), m.end(), kind, m) for kind, m in spans]


def _entity_candidates(doc: Doc, text: str) -> list[_Candidate]:
    """Grammar matches inside spaCy's DATE and TIME entities."""
    found: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ in DATE_LABELS:
            found.extend(_matches(text, ent.start_char, ent.end_char))
    return found


def _explicit_candidates(text: str) -> list[_Candidate]:
    """Full dates with a year anywhere in ``text``: cheap insurance against NER misses."""
    found: dict[tuple[int, int], _Candidate] = {}
    for hint in _YEAR_HINT.finditer(text):  # only look where a year is written
        window = (max(hint.start() - EXPLICIT_WINDOW, 0), hint.end() + EXPLICIT_TAIL)
        for kind, pattern in _EXPLICIT:
            for m in pattern.finditer(text, *window):
                if m["year"] and m.span("year") == hint.span():
                    found[m.span()] = _Candidate(m.start(), m.end(), kind, m)
    return list(found.values())


def _without_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates (the grammar's order breaks ties)."""
    kept: list[_Candidate] = []
    for cand in sorted(cands, key=_preference):
        if all(cand.end <= other.start or other.end <= cand.start for other in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _preference(cand: _Candidate) -> tuple[int, int, int]:
    """Sort key: longer first, then the grammar's order, then text order."""
    return cand.start - cand.end, _KIND_ORDER[cand.kind], cand.start


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


# ---------------------------------------------------------------- resolving


def _resolve_text(expression: str, ctx: _Context) -> _Resolved | None:
    """Resolve free text: the longest grammar match, else dateparser."""
    cands = _matches(expression)
    if cands:
        best = min(cands, key=_preference)
        return _RESOLVERS[best.kind](best.match, ctx)
    return _resolve_with_dateparser(expression, ctx.published)


def _base(ctx: _Context, needs: Precision) -> dt.date | None:
    """The publication date, if it is known at least to precision ``needs``."""
    published = ctx.published
    if published is None or _RANK[published.precision] < _RANK[needs]:
        return None
    return published.to_date()


def _month_number(match: re.Match[str]) -> int:
    name = match.group("mon").lower()
    return _MONTHS.index(name[:3]) + 1


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:  # "February 30": not a date
        return None


def _resolve_written(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    """A date written with its year: "2019-03-19", "March 30th, 2019", "July 2014", "2014"."""
    groups = match.groupdict()
    year = int(match["year"])
    if groups.get("mnum"):
        month = int(match["mnum"])
    elif groups.get("mon"):
        month = _month_number(match)
    else:  # a year, or a season of a year
        return PartialDate(year), False
    date = _safe_date(year, month, int(match["day"])) if groups.get("day") else None
    return (date or PartialDate(year, month), False) if date or not groups.get("day") else None


def _resolve_day(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    if match["year"]:
        return _resolve_written(match, ctx)
    month, day = _month_number(match), int(match["day"])
    anchored = _anchored(ctx, month, day)
    if anchored is not None:
        return anchored, False
    base = _base(ctx, "day")
    if base is None:
        return None
    if ctx.future:
        year = base.year + ((month, day) < (base.month, base.day))
    else:
        year = base.year - ((month, day) > (base.month, base.day))
    date = _safe_date(year, month, day)
    return (date, True) if date else None


def _anchored(ctx: _Context, month: int, day: int | None) -> PartialDate | None:
    """The year-less date in the narrative's year, if that keeps the story moving forward.

    It must not fall before the anchor ("in late July 2014 … in early January" is not
    January 2014) nor after publication.
    """
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
    if not match["mon"][0].isupper():  # "may" the verb
        return None
    month, direction = _month_number(match), (match["dir"] or "").lower()
    anchored = None if direction else _anchored(ctx, month, None)
    if anchored is not None:
        return anchored, False
    base = _base(ctx, "month")
    if base is None:
        return None
    later, earlier = int(month > base.month), int(month < base.month)
    reading = direction if direction in ("this", "next", "last") else _bare_reading(ctx)
    shift = {"this": 0, "next": 1 - later, "last": earlier - 1, "future": earlier, "past": -later}
    return PartialDate(base.year + shift[reading], month), True


def _bare_reading(ctx: _Context) -> str:
    """How to read a day or month named without "last" or "next": "future" or "past"."""
    return "future" if ctx.future else "past"


def _resolve_season(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    base = _base(ctx, "month")
    if base is None:
        return None
    first, last = _SEASONS[match["season"].lower()]
    direction = match["dir"].lower()
    if direction == "last":
        year = base.year - (last >= base.month)
    elif direction == "next":
        year = base.year + (first <= base.month)
    else:
        year = base.year
    return PartialDate(year), True


def _resolve_weekday(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    base = _base(ctx, "day")
    if base is None:
        return None
    weekday, direction = _WEEKDAYS.index(match["wd"].lower()), (match["dir"] or "").lower()
    if direction == "last":
        week_start = base - dt.timedelta(days=(base.weekday() + 1) % DAYS_PER_WEEK)  # Sunday
        day = week_start - dt.timedelta(days=DAYS_PER_WEEK - (weekday + 1) % DAYS_PER_WEEK)
    elif direction == "next":
        day = base + dt.timedelta(days=(weekday - base.weekday() - 1) % DAYS_PER_WEEK + 1)
    elif ctx.future:
        day = base + dt.timedelta(days=(weekday - base.weekday()) % DAYS_PER_WEEK)
    else:
        day = base - dt.timedelta(days=(base.weekday() - weekday) % DAYS_PER_WEEK)
    return PartialDate.from_date(day), True


def _resolve_deictic(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    base = _base(ctx, "day")
    if base is None:
        return None
    word = " ".join(match["word"].lower().split())
    offset = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}
    return PartialDate.from_date(base + dt.timedelta(days=offset.get(word, 0))), True


def _resolve_unit(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    step = {"last": -1, "this": 0, "next": 1}[match["dir"].lower()]
    return _shift(ctx, step, match["unit"].lower())


def _resolve_ago(match: re.Match[str], ctx: _Context) -> _Resolved | None:
    count_text = " ".join(match["count"].lower().split())
    count = int(count_text) if count_text.isdigit() else _COUNTS[count_text]
    unit = match["unit"].lower()
    if unit == "decade":
        count, unit = count * YEARS_PER_DECADE, "year"
    return _shift(ctx, -count, unit)


def _shift(ctx: _Context, count: int, unit: str) -> _Resolved | None:
    """The publication date moved by ``count`` units, at the unit's precision."""
    if unit in ("day", "week"):
        base = _base(ctx, "day")
        if base is None:
            return None
        days = count * (DAYS_PER_WEEK if unit == "week" else 1)
        moved = base + dt.timedelta(days=days)
        date = (
            PartialDate.from_date(moved) if unit == "day" else PartialDate(moved.year, moved.month)
        )
        return date, True
    base = _base(ctx, "month" if unit == "month" else "year")
    if base is None:
        return None
    if unit == "year":
        return PartialDate(base.year + count), True
    return PartialDate(*_add_months(base.year, base.month, count)), True


_RESOLVERS: dict[str, Callable[[re.Match[str], _Context], _Resolved | None]] = {
    "iso": _resolve_written,
    "iso_month": _resolve_written,
    "day": _resolve_day,
    "month_year": _resolve_written,
    "season_year": _resolve_written,
    "deictic": _resolve_deictic,
    "weekday": _resolve_weekday,
    "unit": _resolve_unit,
    "ago": _resolve_ago,
    "season": _resolve_season,
    "month": _resolve_month,
    "year": _resolve_written,
}


# ---------------------------------------------------------------- dateparser fallback


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    """A dateparser parser reading English, past-leaning, relative to ``base``."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _resolve_with_dateparser(expression: str, published: PartialDate | None) -> _Resolved | None:
    """Resolve what the grammar does not know; a guess without an anchor is refused."""
    if not _CUE.search(expression) or _YEAR_RANGE.search(expression):
        return None
    has_year = bool(_CONTAINS_YEAR.search(expression))
    base = published.to_date() if published and published.precision == "day" else None
    if base is None and not has_year:
        return None
    data = _parser(base).get_date_data(expression)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period in ("day", "time"):
        return PartialDate.from_date(found), not has_year
    if data.period in ("week", "month"):
        return PartialDate(found.year, found.month), not has_year
    return PartialDate(found.year), not has_year
