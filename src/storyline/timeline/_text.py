"""Sentence spans, words and TF-IDF vectors for choosing timeline entries.

The vectors follow the centroid summariser of Radev et al. (2004), "Centroid-based
summarization of multiple documents" (Information Processing & Management 40(6)),
which news-tls uses as its per-date summariser (Ghalandari & Ifrim 2020,
https://github.com/complementizer/news-tls, ``summarizers.CentroidOpt``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

Vector = dict[str, float]

# A dateline before the story proper: "KUNDUZ, Syria (Agency) - ", "CAIRO (Network) -- ".
_DATELINE = re.compile(
    r"[^\n]{0,120}?\b[A-Z][A-Z'.-]{2,}\b[^\n]{0,80}?\([^()\n]{2,40}\)\s*[-–—]+\s*"
)
# A clock time with a zone, or closing a furniture field, is a publication or comment stamp
# ("Sunday 3 April 2005 02.26 BST", "January 28, 2011 at 1:13 pm |"), not an event's time;
# so is any clock time right after a full date with its year ("May 27, 2010; 4:21 PM").
_CLOCK = r"\d{1,2}[.:]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
_STAMP = rf"{_CLOCK}\s*(?:(?:BST|GMT|UTC|CET|[ECMP][SD]?T)\b|\||$)"
_LEAD_IN = r"[\s,;]*(?:at\s+)?"
_STAMP_AFTER = re.compile(rf"{_LEAD_IN}{_STAMP}", re.MULTILINE)
_CLOCK_AFTER = re.compile(rf"{_LEAD_IN}{_CLOCK}")
_STAMP_ANYWHERE = re.compile(rf"{_STAMP}|\b(?:19|20)\d\d{_LEAD_IN}{_CLOCK}", re.MULTILINE)
# A clock time right before a full date with its year: "At 4:25 pm on 28 May 2010, X wrote:".
_STAMP_BEFORE = re.compile(rf"{_CLOCK}\s*(?:on\s+)?$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# How far before a date to look for the clock time of a stamp.
STAMP_REACH = 16
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Function words carry no content; kept short and general on purpose.
_STOPWORD_TEXT = (
    "a an the and or but if of to in on at by for with from as into over after before "
    "about than then that this these those there here is are was were be been being has have "
    "had do does did will would can could should may might must shall it its he she they them "
    "his her their we our you your i me my who whom which what when where why how not no so "
    "said says say also just more most other some such only own same too very s t"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Words shorter than this are numbers' pieces or initials, not content.
MIN_WORD_CHARS = 2


def line_span(text: str, start: int, end: int, inner: int) -> tuple[int, int]:
    """Narrow ``text[start:end]`` to the line holding offset ``inner``, without a dateline."""
    line_start = text.rfind("\n", start, inner) + 1 or start
    line_start = max(line_start, start)
    newline = text.find("\n", inner, end)
    line_end = end if newline == -1 else newline
    for stamp in _STAMP_ANYWHERE.finditer(text, line_start, line_end):
        if stamp.end() <= inner:
            line_start = stamp.end()
    dateline = _DATELINE.match(text, line_start, line_end)
    if dateline is not None and dateline.end() <= inner:
        line_start = dateline.end()
    return _strip(text, line_start, line_end)


def is_stamp(text: str, start: int, end: int) -> bool:
    """Tell whether the date at ``text[start:end]`` is a publication or comment stamp."""
    if _STAMP_AFTER.match(text, end) is not None:
        return True
    if _YEAR.search(text, start, end) is None:
        return False
    before = text[max(start - STAMP_REACH, 0) : start]
    return _CLOCK_AFTER.match(text, end) is not None or _STAMP_BEFORE.search(before) is not None


def words(text: str) -> list[str]:
    """Return the content words of ``text``, lower-cased."""
    return [
        word
        for word in _WORD.findall(text.lower())
        if word not in _STOPWORDS and len(word) >= MIN_WORD_CHARS
    ]


def idf_table(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Return smoothed inverse document frequencies over word collections."""
    counts: Counter[str] = Counter()
    total = 0
    for document in documents:
        counts.update(set(document))
        total += 1
    return {word: math.log((1 + total) / (1 + count)) + 1 for word, count in counts.items()}


def tfidf(tokens: Iterable[str], idf: Mapping[str, float]) -> Vector:
    """Return the unit-length TF-IDF vector of ``tokens``."""
    vector = {word: count * idf.get(word, 1.0) for word, count in Counter(tokens).items()}
    return _unit(vector)


def centroid(vectors: Iterable[Vector]) -> Vector:
    """Return the unit-length sum of ``vectors``."""
    total: dict[str, float] = {}
    for vector in vectors:
        for word, weight in vector.items():
            total[word] = total.get(word, 0.0) + weight
    return _unit(total)


def cosine(first: Vector, second: Vector) -> float:
    """Return the cosine of two unit vectors."""
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(word, 0.0) for word, weight in first.items())


def _unit(vector: Vector) -> Vector:
    """Scale ``vector`` to unit length (empty stays empty)."""
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {word: weight / norm for word, weight in vector.items()} if norm else {}


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start``/``end`` inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
