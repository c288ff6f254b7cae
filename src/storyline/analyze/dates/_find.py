"""Find the date mentions of a parsed article: grammar matches in spaCy's date entities."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from storyline.analyze.dates._grammar import (
    EXPLICIT,
    KIND,
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
# Characters before a year that can hold the rest of a full date ("Wednesday, September 30th, ").
EXPLICIT_WINDOW = 40
# Characters after a year that can hold the rest of an ISO date ("-03-19").
EXPLICIT_TAIL = 6
# Expressions whose reading depends on tense: only these look for a future clause.
AMBIGUOUS_KINDS = frozenset({"day", "weekday", "month", "season", "quarter"})


def find_dates(doc: Doc, published: PartialDate | None) -> tuple[DateRef, ...]:
    """Return the resolvable date mentions of ``doc``, in text order."""
    text = doc.text  # spaCy rebuilds Doc.text on every access
    sent_starts = [sent.start_char for sent in doc.sents]
    refs: list[DateRef] = []
    anchor: tuple[int, PartialDate] | None = None  # the last date written with its year
    for match in without_overlaps(_entity_matches(doc, text) + _explicit_matches(text)):
        start, end, kind = match.start(), match.end(), KIND[match.re]
        sentence = max(bisect.bisect_right(sent_starts, start) - 1, 0)
        tense: Tense = clause_tense(doc, start, end) if kind in AMBIGUOUS_KINDS else "past"
        opens = start - sent_starts[sentence] <= ANCHOR_OPENING_CHARS
        near = anchor is not None and sentence - anchor[0] <= ANCHOR_SENTENCES and opens
        ctx = Context(published, tense, anchor[1] if anchor and near else None)
        resolved = RESOLVERS[kind](match, ctx)
        if resolved is not None:
            date, relative, timex = resolved
            refs.append(DateRef(match[0], start, end, date, sentence, relative, timex))
            anchor = anchor if resolved.relative or kind == "year" else (sentence, resolved.date)
    return tuple(refs)


def _entity_matches(doc: Doc, text: str) -> list[re.Match[str]]:
    """Return the grammar matches inside spaCy's DATE and TIME entities."""
    found: list[re.Match[str]] = []
    for ent in doc.ents:
        if ent.label_ in DATE_LABELS:
            found.extend(grammar_matches(text, ent.start_char, ent.end_char))
    return found


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
