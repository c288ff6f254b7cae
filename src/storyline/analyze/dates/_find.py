"""Find the date mentions of a parsed article: grammar matches in spaCy's date entities."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from storyline.analyze.dates._grammar import (
    CLOCK_STAMP,
    EXPLICIT,
    INLINE_STAMP,
    KIND,
    PRESENT,
    YEAR_HINT,
    grammar_matches,
    without_overlaps,
)
from storyline.analyze.dates._resolvers import RESOLVERS, Context
from storyline.analyze.dates._tense import Tense, clause_tense
from storyline.model import DateRef, PartialDate

# spaCy labels whose spans may hold a date ("Monday night" can come out as TIME).
DATE_LABELS = ("DATE", "TIME")
# A year-less "In June" takes the year of a date written out (more than a bare year) this
# many sentences before ("by summer 2014. In June, it began…"): the narrative's own time.
ANCHOR_SENTENCES = 1
# …only when it opens its sentence ("In June, …"); "which it lost in July" is this year's.
ANCHOR_OPENING_CHARS = 12
# "a year ago", "a year earlier" after a quarter named this many sentences before are
# that quarter a year back ("net rose in the third quarter … from $2 a share a year ago").
QUARTER_SENTENCES = 2
# Characters before a year that can hold the rest of a full date ("Wednesday, September 30th, ").
EXPLICIT_WINDOW = 40
# Characters after a year that can hold the rest of an ISO date ("-03-19").
EXPLICIT_TAIL = 6
# A page whose lines open with clock times is a live page when it has this many of them…
LIVE_PAGE_STAMPS = 2
# …and one of them cannot be a year of a story: earlier than this, or after publication.
MIN_STORY_YEAR = 1900
# Expressions whose reading depends on tense: only these look for a future clause.
AMBIGUOUS_KINDS = frozenset({"day", "weekday", "month", "season", "quarter"})


def find_dates(doc: Doc, published: PartialDate | None) -> tuple[DateRef, ...]:
    """Return the resolvable date mentions of ``doc``, in text order."""
    text = doc.text  # spaCy rebuilds Doc.text on every access
    sent_starts = [sent.start_char for sent in doc.sents]
    refs: list[DateRef] = []
    anchor: tuple[int, PartialDate] | None = None  # the last date written with its year
    quarter: tuple[int, str] | None = None  # the last quarter spoken of
    found = _entity_matches(doc, text) + _explicit_matches(text) + _present_matches(doc, text)
    for match in without_overlaps(found + _clock_matches(text, published)):
        start, end, kind = match.start(), match.end(), KIND[match.re]
        sentence = max(bisect.bisect_right(sent_starts, start) - 1, 0)
        tense: Tense = clause_tense(doc, start, end) if kind in AMBIGUOUS_KINDS else "past"
        opens = start - sent_starts[sentence] <= ANCHOR_OPENING_CHARS
        near = anchor is not None and sentence - anchor[0] <= ANCHOR_SENTENCES and opens
        recent = quarter is not None and sentence - quarter[0] <= QUARTER_SENTENCES
        ctx = Context(
            published,
            tense,
            anchor[1] if anchor and near else None,
            quarter[1] if quarter and recent else None,
        )
        resolved = RESOLVERS[kind](match, ctx)
        if resolved is None:
            continue
        date, relative, timex = resolved
        refs.append(DateRef(match[0], start, end, date, sentence, relative, timex))
        anchor = anchor if relative or kind == "year" else (sentence, date)
        if kind in ("quarter", "quarter_ref"):
            quarter = (sentence, str(timex))
    return tuple(refs)


def _entity_matches(doc: Doc, text: str) -> list[re.Match[str]]:
    """Return the grammar matches inside spaCy's DATE and TIME entities."""
    found: list[re.Match[str]] = []
    for ent in doc.ents:
        if ent.label_ in DATE_LABELS:
            found.extend(grammar_matches(text, ent.start_char, ent.end_char))
    return found


def _present_matches(doc: Doc, text: str) -> list[re.Match[str]]:
    """Return "now" and "currently" where they are adverbs of time ("Now, …", "is now")."""
    found = []
    for match in PRESENT.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and span.root.pos_ == "ADV":
            found.append(match)
    return found


def _clock_matches(text: str, published: PartialDate | None) -> list[re.Match[str]]:
    """Return the clock stamps opening the lines of a live page ("1504 International aid…").

    A page is live when at least LIVE_PAGE_STAMPS lines open with a time, one of which
    cannot be a year of the story (before MIN_STORY_YEAR or after publication): a
    chronology ("2000 Dr Murray opens a practice…", "2006 Dr Murray meets…") is not.
    """
    stamps = list(CLOCK_STAMP.finditer(text))
    latest = published.year if published else None
    if len(stamps) < LIVE_PAGE_STAMPS or latest is None:
        return []
    values = [int(stamp[0]) for stamp in stamps]
    if all(MIN_STORY_YEAR <= value <= latest for value in values):
        return []
    return stamps + list(INLINE_STAMP.finditer(text))


def _explicit_matches(text: str) -> list[re.Match[str]]:
    """Return full dates with a year anywhere in ``text`` (insurance against NER misses)."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    for hint in YEAR_HINT.finditer(text):  # only look where a year is written
        window = (max(hint.start() - EXPLICIT_WINDOW, 0), hint.end() + EXPLICIT_TAIL)
        for pattern in EXPLICIT:
            for m in pattern.finditer(text, *window):
                if m["year"] and m.span("year") == hint.span():
                    found[m.span()] = m
    return list(found.values())
