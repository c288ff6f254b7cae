"""Tell the numbers that are no counts: dates, names, labels, ages, clock times, markers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.analyze.numbers._words import (
    CARDINAL_WORDS,
    HYPHEN_COUNT_WORDS,
    HYPHENS,
    PERCENT_WORDS,
    SCALE_WORDS,
    TIME_UNITS,
    NumberRun,
    measure_unit,
    word_set,
)

# Words that join the two ends of a range (see ``_ranges.RANGE_JOINERS``).
RANGE_JOINING_WORDS = word_set("to or") | HYPHENS
# spaCy labels of spans whose numbers are never counts.
NON_COUNT_LABELS = word_set("DATE TIME ORDINAL")
# spaCy labels of number spans; a number inside any other entity is part of a name.
NUMERIC_LABELS = word_set("CARDINAL QUANTITY MONEY PERCENT")
# Words that make the number after them a label, not a count: "issue 14", "No. 5".
LABEL_WORDS = word_set(
    "no no. nos number # page pages chapter article section issue volume vol vol. episode "
    "season flight route highway room line phase step item paragraph resolution act part "
    "grade category version level platform gate exit"
)
# A bare four-digit number in this span with nothing counted is a year.
YEAR_RANGE = (1000, 2100)
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
MAX_DAY = 31  # a number above it is no day of a month
DATE_REACH = 3  # tokens either side looked at for the month or unit of a date span
# Words that make the number after them an age: "aged 45".
AGE_WORDS = word_set("aged age ages")
# Words after a number that make it a clock time: "3pm", "10 a.m.", "9:55 ET".
CLOCK_WORDS = word_set("am pm a.m. p.m. a.m p.m gmt utc et est edt bst cet hrs o'clock")
NOT_COUNTED = TIME_UNITS | CLOCK_WORDS  # units that make a number no count at all
# Words that make a following bare scale word vague: "a few hundred", "several thousand".
VAGUE_WORDS = word_set("few several many some hundreds thousands tens")
_VAGUE_HEADS = frozenset(SCALE_WORDS) | {"a", "an"}
# A four-digit number opening a line of a live page is its clock time: "1504 Aid agency…".
_CLOCK_TIME = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_OPENING, _CLOSING = word_set("( [ -lrb- -lsb-"), word_set(") ] -rrb- -rsb-")
# A number before ")" is a list marker ("5) Bali") unless "(" opened this close before it.
BRACKET_WINDOW = 8


def is_bare_year_or_age(doc: Doc, ends: Sequence[NumberRun]) -> bool:
    """Tell whether a number (or range) with nothing counted is a year or an age ("Now 19")."""
    texts = [doc[run.start : run.end].text for run in ends]
    if all(text.isdigit() and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1] for text in texts):
        return True
    return ends[0].start > 0 and doc[ends[0].start - 1].lower_ == "now"


def is_not_count(doc: Doc, run: NumberRun, sent_start: int) -> bool:
    """Tell whether a run is a date, name, label, age, time, marker or vague word."""
    tokens = doc[run.start : run.end]
    before = doc[run.start - 1].lower_ if run.start > sent_start else ""
    if before == "." and run.start - 2 >= sent_start:
        before = doc[run.start - 2].lower_ + before  # "No. 1", split by the tokenizer
    after = doc[run.end].lower_ if run.end < len(doc) else ""
    return (
        any(token.tag_ == "LS" for token in tokens)
        or (
            any(token.ent_type_ in NON_COUNT_LABELS for token in tokens)
            and not _count_in_date(doc, run)
        )
        or _is_line_clock(doc, run, sent_start)
        or _in_name(doc, run, sent_start)
        or before in LABEL_WORDS
        or before in AGE_WORDS
        or after in CLOCK_WORDS
        or (len(tokens) == 1 and tokens[0].lower_ == "one" and not _opens_range(doc, run))
        or (before in VAGUE_WORDS and tokens[0].lower_ in _VAGUE_HEADS)
        or _is_compound_adjective(doc, run)
        or _is_marker(doc, run, after)
        or (tokens[-1].dep_ == "appos" and tokens[-1].head.ent_type_ == "PERSON")
    )


def _count_in_date(doc: Doc, run: NumberRun) -> bool:
    """Tell a count the tagger put in a date ("10,000-12 ,000 troops", "52 in X"): plain
    digits that are no day of a month, year or duration, with no month name beside them."""
    text = doc[run.start : run.end].text.replace(",", "").replace(" ", "")
    if not text.isdigit():
        return False
    window = doc[max(run.start - DATE_REACH, 0) : run.end + DATE_REACH]
    named = any(t.lower_ in TIME_UNITS and t.ent_type_ == "DATE" for t in window)
    if named or YEAR_RANGE[0] <= run.value <= YEAR_RANGE[1]:
        return False
    return run.value > MAX_DAY or run.end - run.start == 1


def _is_line_clock(doc: Doc, run: NumberRun, sent_start: int) -> bool:
    """Tell the clock time that opens a live-page line ("1504 International aid agency …"):
    four digits at the sentence start, a capitalised word after, no unit between."""
    text = doc[run.start : run.end].text
    if run.start != sent_start or run.end >= len(doc) or not _CLOCK_TIME.match(text):
        return False
    after = doc[run.end]
    return after.text[:1].isupper() and after.lower_ not in PERCENT_WORDS


def _in_name(doc: Doc, run: NumberRun, sent_start: int) -> bool:
    """Tell whether the number is part of a name: "Expedition 56", "Boeing 737 jets"; a
    date label on the number alone is no name ("52 in Alexandria" tagged DATE: dates are
    told apart elsewhere)."""
    first = doc[run.start]
    if first.ent_type_ in NON_COUNT_LABELS:
        return _entity_outgrows(doc, run)  # "555-1234" as one date entity is a code
    if first.ent_type_ and first.ent_type_ not in NUMERIC_LABELS:
        return True
    before = doc[run.start - 1] if run.start > sent_start else None
    if before is None or before.pos_ != "PROPN" or not before.text[:1].isupper():
        return False
    if before.lower_ in WEEKDAYS:
        return False  # "said Tuesday 302 people"
    after = doc[run.end].lower_ if run.end < len(doc) else ""
    unit_follows = after in PERCENT_WORDS or measure_unit(after) is not None
    return doc[run.start : run.end].text.isdigit() and run.currency is None and not unit_follows


def _is_compound_adjective(doc: Doc, run: NumberRun) -> bool:
    """Tell "one-legged", "two-day", "10-year" (adjectives) from "20-30" or "5,000-strong"."""
    if run.end + 1 >= len(doc) or doc[run.end].text not in HYPHENS or doc[run.end - 1].whitespace_:
        return False
    word = doc[run.end + 1].lower_
    if not word.isalpha() or word in HYPHEN_COUNT_WORDS or word in CARDINAL_WORDS:
        return False
    return measure_unit(word) is None


def _is_marker(doc: Doc, run: NumberRun, after: str) -> bool:
    """Tell a list marker ("1." at a line start, "5) Bali") or a reference ("(53)", "(1)")."""
    at_line_start = run.start == 0 or "\n" in doc[run.start - 1].text_with_ws
    window = [token.lower_ for token in doc[max(run.start - BRACKET_WINDOW, 0) : run.start]]
    opened = any(token in _OPENING for token in window)
    closed = after in _CLOSING and (not opened or window[-1] in _OPENING)
    return closed or (at_line_start and after == ".")


def _entity_outgrows(doc: Doc, run: NumberRun) -> bool:
    """Tell whether the entity a run's first token is in reaches beyond the run."""
    starts_inside = doc[run.start].ent_iob_ == "I"
    goes_on = run.end < len(doc) and doc[run.end].ent_iob_ == "I"
    return starts_inside or goes_on


def _opens_range(doc: Doc, run: NumberRun) -> bool:
    """Tell whether a number opens a range: "one or two million", "one to three"."""
    if run.end + 1 >= len(doc) or doc[run.end].lower_ not in RANGE_JOINING_WORDS:
        return False
    return doc[run.end + 1].lower_ in CARDINAL_WORDS or doc[run.end + 1].like_num
