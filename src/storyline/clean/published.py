"""Infer an article's publication date from its text when its metadata has none.

Signals, strongest first:

1. a labelled date ("Published: …", "Updated 12:30 GMT, 17 March 2019", "date 2019-03-19"),
   in the header lines before the rest of the text;
2. a wire dateline ("WASHINGTON, March 3 (Agency) -"), its year taken from the full
   dates in the text;
3. a print-issue line ("appeared … in issue 14/2019 (March 30th, 2019)");
4. the latest full date written in the text, preferring the header (a photo caption of
   the day). A feature full of past dates still bounds publication from below with its
   latest one; that date is kept to the day only when the weekdays the text names agree
   with it ("on Sunday" and a Sunday), else only its month is claimed;
5. a month and year in the header.

Dates in a clause about the future ("until", "scheduled for") never count, and a text
with none of these signals gets None rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from storyline.model import PartialDate

# Characters from the top that count as the header: title, byline, dateline, first caption.
HEADER_CHARS = 600
# Characters between a label ("Updated") and its date ("12:30 GMT, Tuesday, ").
LABEL_GAP = 40
# Share of the text, from the top, whose dates are preferred: reader comments, timelines
# and widgets stamped later sit at the bottom.
TOP_FRACTION = 0.5
# Characters before a date searched for words that put it in the future.
FUTURE_CONTEXT_CHARS = 40

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?(?![\d:])"
_FULL_DATE = (
    rf"(?P<iy>{_YEAR})[-/.](?P<im>0[1-9]|1[0-2])[-/.](?P<id>0[1-9]|[12]\d|3[01])(?!\d)"
    rf"|(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:\s*,\s*|\s+)(?P<y1>{_YEAR})"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})"
)
_FULL = re.compile(rf"\b(?:{_FULL_DATE})", re.IGNORECASE)
_LABELLED = re.compile(
    r"(?:^|[|•·–—])[ \t]*(?P<label>first\s+published|published|posted|last\s+updated|updated"
    rf"|last\s+modified|date|dated)\b(?:\s+on)?[ \t]*:?[^\n]{{0,{LABEL_GAP}}}?\b(?:{_FULL_DATE})",
    re.IGNORECASE | re.MULTILINE,
)
# Labels that say when the article first appeared; the others say when it was edited.
_FIRST_LABELS = ("published", "first published", "posted", "date", "dated")
# Labels trusted below the header too (there "posted" and "date" stamp comments and memos).
_ANYWHERE_LABELS = ("published", "first published")
# "WASHINGTON, March 3 (Agency) -", "KUNDUZ, Syria, March 17 (Agency) -", PTB "-LRB- … -RRB-".
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[ \t]*[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)?[ \t]*,[ \t]*"
    rf"\b(?P<mon>{_MONTH})\s+(?P<day>[0-3]?\d)(?![\d:])(?:\s*,\s*(?P<year>{_YEAR}))?"
    r"\s*(?:\(|-LRB-)\s*[A-Za-z][\w .&-]*(?:\)|-RRB-)\s*[-–—]",
    re.MULTILINE | re.IGNORECASE,
)
# "in issue 14/2019 (March 30th, 2019)", "appears in print on March 30, 2019";
# "in the March 30, 2019 print edition".
_ISSUE = (
    re.compile(rf"\b(?:issue|edition|in\s+print)\b[^\n.]{{0,60}}?\b(?:{_FULL_DATE})", re.I),
    re.compile(rf"\b(?:{_FULL_DATE})[^\n.]{{0,20}}\b(?:issue|edition)\b", re.I),
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|until|till|scheduled|due|deadline|expires?|next|upcoming)\b", re.IGNORECASE
)
_YEAR_RE = re.compile(rf"(?<![\d,.]){_YEAR}")
_YEAR_HINT = re.compile(rf"(?<!\d){_YEAR}")
# "Published: March 2019" at the top: a month and year that date the article itself
# (in running text, "published in September 2009" is about some other document).
_LABELLED_MONTH = re.compile(
    r"(?:^|[|•·–—])[ \t]*(?:first\s+published|published|posted|updated|dated?)[ \t]*:?[ \t]*"
    rf"(?:on\s+|in\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR})",
    re.IGNORECASE | re.MULTILINE,
)
# Words before a weekday that make it no day of the current week ("last Friday").
_NOT_THIS_WEEK = ("last ", "next ", "every ")
_ISSUE_WORDS = ("issue", "edition", "in print")
# Characters around a written year that can hold the rest of a full date.
YEAR_WINDOW_BEFORE, YEAR_WINDOW_AFTER = 24, 8


def infer_published(text: str) -> PartialDate | None:
    """Return the publication date the text itself supports, or None."""
    for signal in (_labelled_date, _dateline_date, _issue_date, _latest_full_date):
        found = signal(text)
        if found is not None:
            return found
    return _labelled_month(text)


def _labelled_date(text: str) -> PartialDate | None:
    """Return the date after a label such as "Published:", preferring first-publication labels."""
    found: list[tuple[bool, bool, int, PartialDate]] = []
    for match in _LABELLED.finditer(text):
        label = " ".join(match["label"].lower().split())
        in_header = match.start() < HEADER_CHARS
        date = _full_date(match)
        if date is None or not (in_header or label in _ANYWHERE_LABELS):
            continue
        found.append((not in_header, label not in _FIRST_LABELS, match.start(), date))
    return min(found)[3] if found else None


def _dateline_date(text: str) -> PartialDate | None:
    """Return the date of a wire dateline, its year taken from the text's full dates."""
    match = _DATELINE.search(text, 0, HEADER_CHARS)
    if match is None:
        return None
    month, day = _month_number(match["mon"]), int(match["day"])
    if match["year"]:
        return _safe_date(int(match["year"]), month, day)
    latest = max((date for _, date in _past_full_dates(text)), default=None)
    if latest is None:
        return None
    year = latest.year + ((month, day) < (latest.month or 1, latest.day or 1))
    return _safe_date(year, month, day)


def _issue_date(text: str) -> PartialDate | None:
    """Return the date of the print issue the article says it appeared in."""
    lowered = text.lower()
    if not any(word in lowered for word in _ISSUE_WORDS):  # skip two slow scans
        return None
    for pattern in _ISSUE:
        for match in pattern.finditer(text):
            date = _full_date(match)
            if date is not None:
                return date
    return None


def _latest_full_date(text: str) -> PartialDate | None:
    """Return the latest full date (from the top if any); only its month if weekdays disagree."""
    top_end = _top_end(text)
    newest_year = _newest_year(text[:top_end])
    dates = [(at, date) for at, date in _past_full_dates(text) if date.year >= newest_year]
    top = [date for at, date in dates if at < top_end]
    latest = max(top or [date for _, date in dates], default=None)
    if latest is None or _weekdays_agree(text, latest):
        return latest
    return PartialDate(latest.year, latest.month)


def _labelled_month(text: str) -> PartialDate | None:
    """Return a month and year given as the article's own date ("Published: March 2019")."""
    match = _LABELLED_MONTH.search(text, 0, HEADER_CHARS)
    return PartialDate(int(match["year"]), _month_number(match["mon"])) if match else None


def _top_end(text: str) -> int:
    """Return where the top of the article, whose dates are trusted first, ends."""
    return max(HEADER_CHARS, int(len(text) * TOP_FRACTION))


def _newest_year(text: str) -> int:
    """Return the latest year written in the text outside a clause about the future."""
    years = [int(m[0]) for m in _YEAR_RE.finditer(text) if not _in_future_clause(text, m.start())]
    return max(years, default=0)


@lru_cache(maxsize=8)
def _past_full_dates(text: str) -> tuple[tuple[int, PartialDate], ...]:
    """Return the full dates of ``text`` outside clauses about the future, with offsets."""
    dates: dict[int, PartialDate] = {}
    for hint in _YEAR_HINT.finditer(text):  # only look where a year is written
        window = max(hint.start() - YEAR_WINDOW_BEFORE, 0), hint.end() + YEAR_WINDOW_AFTER
        for match in _FULL.finditer(text, *window):
            date = _full_date(match)
            stamp = match.start() < HEADER_CHARS  # a header's date is a stamp, whatever precedes
            if date is not None and (stamp or not _in_future_clause(text, match.start())):
                dates[match.start()] = date
    return tuple(sorted(dates.items()))


def _in_future_clause(text: str, start: int) -> bool:
    """Tell whether the words just before ``start``, in its sentence, speak of the future."""
    before = text[max(start - FUTURE_CONTEXT_CHARS, 0) : start]
    return bool(_FUTURE_WORDS.search(re.split(r"[.!?\n]\s", before)[-1]))


def _weekdays_agree(text: str, date: PartialDate) -> bool:
    """Tell whether the weekdays the text names (if any) include the one of ``date``."""
    named = {index for index, name in enumerate(_WEEKDAYS) if _names_weekday(text, name)}
    return not named or date.to_date().weekday() in named


def _names_weekday(text: str, name: str) -> bool:
    """Tell whether ``text`` names the weekday ``name`` as a day of the current week."""
    word = name.capitalize()
    start = text.find(word)
    while start != -1:
        after = text[start + len(word) : start + len(word) + 1]
        if not after.isalpha() and not text[:start].endswith(_NOT_THIS_WEEK):  # not "Fridays"
            return True
        start = text.find(word, start + 1)
    return False


def _full_date(match: re.Match[str]) -> PartialDate | None:
    """Return the date held by the ``_FULL_DATE`` groups of ``match``."""
    if match["iy"]:
        return _safe_date(int(match["iy"]), int(match["im"]), int(match["id"]))
    for suffix in ("1", "2"):
        if match[f"y{suffix}"]:
            month = _month_number(match[f"m{suffix}"])
            day = int(re.sub(r"\D", "", match[f"d{suffix}"]))
            return _safe_date(int(match[f"y{suffix}"]), month, day)
    return None


def _month_number(name: str) -> int:
    """Return the number of the month ``name`` ("Jan.", "January")."""
    return _MONTHS.index(name[:3].lower()) + 1


def _safe_date(year: int, month: int, day: int) -> PartialDate | None:
    """Return the day, or None when the calendar has no such day."""
    try:
        return PartialDate.from_date(dt.date(year, month, day))
    except ValueError:  # "February 30": not a date
        return None
