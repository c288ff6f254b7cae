"""Read the numbers news prose writes: digits, number words, ranges and hedges.

Digits ("1,306", "5.2bn"), number words ("eight million", "a dozen") and currency
symbols ("$50 million") become :class:`NumberRun` values; non-counts are dropped by
:func:`number_runs`, ranges are joined by :func:`pair_ranges`, hedges read by
:func:`approximation`. Vague plurals ("hundreds of", "tens of thousands") and fractions
("half", "a third", "one-third") are never numbers: no value to check a source against.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span


def word_set(spec: str) -> frozenset[str]:
    """Return the set of words of a space-separated list written as one string."""
    return frozenset(spec.split())


def word_table(spec: str) -> dict[str, str]:
    """Build a word -> canonical name table from "name: word word; name: word" text."""
    table: dict[str, str] = {}
    for entry in spec.split(";"):
        name, _, words = entry.partition(":")
        table |= dict.fromkeys(words.split(), name.strip())
    return table


_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
CARDINAL_WORDS = dict(zip(_SMALL.split(), range(20), strict=True))
CARDINAL_WORDS |= dict(zip(_TENS.split(), range(20, 100, 10), strict=True))
TENS_WORDS = word_set(_TENS)
# Words that multiply what came before them; "dozen" is a count of twelve.
SCALE_WORDS = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mn": 1e6}
SCALE_WORDS |= {"mln": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
# Scale words that only make sense glued to digits ("5m people", "$3m", "10k").
SHORT_SCALES = {"m": 1e6, "k": 1e3}
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(bn|mn|m|k|tn)$", re.IGNORECASE)

CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
CURRENCY_WORDS = word_table(
    "USD: dollar dollars usd; EUR: euro euros eur; GBP: sterling gbp; JPY: yen;"
    "CNY: yuan; INR: rupees; RUB: roubles rubles"
)
MEASURE_UNITS = word_table(
    "km: km kms kilometre kilometres kilometer kilometers; m: m metre metres meter meters;"
    "cm: cm centimetres centimeters; mm: mm millimetres millimeters; inches: inch inches;"
    "miles: mile miles mi; feet: foot feet ft; yards: yard yards; acres: acre acres;"
    "hectares: hectare hectares; kg: kg kilograms kilogrammes; tons: ton tons;"
    "tonnes: tonne tonnes; gallons: gallon gallons; litres: litre litres liter liters;"
    "barrels: barrel barrels; km/h: kmh kph km/h; mph: mph"
)
AREA_PREFIXES = word_set("square sq cubic")
PERCENT_WORDS = word_set("% percent pc percentage")
# A number of these is a duration, an age or a date ("10 Jun"), not a count.
TIME_UNITS = word_set(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries jan feb mar apr jun jul aug sep sept oct nov dec "
    "january february march april may june july august september october november december"
)
RATE_WORDS = word_set("day week month year")
# What may follow a number and a hyphen and still leave a count: "5,000-strong".
HYPHEN_COUNT_WORDS = word_set("strong odd plus")


def digits_value(text: str) -> float | None:
    """Return the value of a digit token ("1,306", "44.5"), or None."""
    return float(text.replace(",", "")) if _DIGITS.match(text) else None


def suffixed_value(text: str) -> tuple[float, float] | None:
    """Split a digits-plus-scale token ("5.2bn", "3m") into (base, scale)."""
    match = _SUFFIXED.match(text)
    if match is None:
        return None
    suffix = match.group(2).lower()
    return float(match.group(1).replace(",", "")), SCALE_WORDS.get(suffix) or SHORT_SCALES[suffix]


def measure_unit(word: str) -> str | None:
    """Return the canonical measurement or currency unit for ``word``, if it is one."""
    return MEASURE_UNITS.get(word.lower()) or CURRENCY_WORDS.get(word.lower())


def parse_number(words: Sequence[str]) -> float | None:
    """Return the value of a run of number words and digits, or None if it is not one.

    "eight million" -> 8e6, "two thousand three hundred" -> 2300, "1.5 million"
    -> 1.5e6, "a dozen" -> 12; "and", "a" and hyphens inside are skipped.
    """
    total, current, seen = 0.0, 0.0, False
    for word in (word.lower() for word in words):
        if word in ("and", "-", "a", "an"):
            continue
        scale = SCALE_WORDS.get(word) or (SHORT_SCALES.get(word) if seen else None)
        if scale is not None:
            current = (current or 1.0) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
        elif (value := _plain_value(word)) is not None:
            current += value
        else:
            return None
        seen = True
    return total + current if seen else None


def _plain_value(word: str) -> float | None:
    """Return the value of one digit token or cardinal word."""
    if word in CARDINAL_WORDS:
        return float(CARDINAL_WORDS[word])
    suffixed = suffixed_value(word)
    return suffixed[0] * suffixed[1] if suffixed else digits_value(word)


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
HYPHENS = word_set("- – —")
THOUSANDS_GROUP = 3  # digits in a group after a thousands separator
# A four-digit number opening a line of a live page is its clock time: "1504 Aid agency…".
_CLOCK_TIME = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_OPENING, _CLOSING = word_set("( [ -lrb- -lsb-"), word_set(") ] -rrb- -rsb-")
# A number before ")" is a list marker ("5) Bali") unless "(" opened this close before it.
BRACKET_WINDOW = 8
# Tokens other than spaCy's like_num ones that a number may start at.
_START_KEYS = numpy.array(
    [get_string_id(word) for word in [*SCALE_WORDS, *CURRENCY_SYMBOLS]], dtype=numpy.uint64
)
# First characters of tokens spaCy does not call numbers but may be: "5.2bn", "3m".
_DIGIT_KEYS = numpy.array([get_string_id(str(digit)) for digit in range(10)], dtype=numpy.uint64)
# Words after which "m" is metres, not millions: "5m deep".
_METRE_WORDS = word_set("long deep high wide tall away below above")


class NumberRun(NamedTuple):
    """One number written in the text: tokens [start, end) including a currency symbol."""

    start: int
    end: int
    value: float
    scale: float  # factor of the scale word it ends with: 1e6 for "2 million", 1 for "2"
    currency: str | None


def candidate_starts(doc: Doc) -> list[int]:
    """Return the indices of tokens a number may start at, found without a Python loop."""
    table = doc.to_array(["LIKE_NUM", "LOWER", "PREFIX"])
    hits = numpy.isin(table[:, 1], _START_KEYS) | numpy.isin(table[:, 2], _DIGIT_KEYS)
    return [int(index) for index in numpy.flatnonzero(hits | (table[:, 0] == 1))]


def number_runs(sent: Span, starts: Sequence[int]) -> list[NumberRun]:
    """Return the numbers of ``sent`` that may be counts, in text order.

    ``starts`` are the sentence's candidate tokens, from :func:`candidate_starts`.
    Dropped: spaCy DATE/TIME/ORDINAL spans, numbers inside names ("Expedition 56",
    "10 Downing Street"), labels ("issue 14"), ages ("aged 45", "John Smith, 45"),
    clock times ("3pm"), list markers and references ("1.", "(53)"), compound
    adjectives ("one-legged", "two-day"), vague words ("a few hundred"), a lone
    "one" (in news prose a pronoun far more often than a count) and the tail of a
    dropped code ("2019-03-19").
    """
    doc, runs = sent.doc, []
    done = dropped_end = sent.start
    for index in starts:
        if index < done:
            continue
        article = doc[index].lower_ in SCALE_WORDS and doc[index - 1].lower_ in ("a", "an")
        run = _run_at(doc, index - 1 if article and index > sent.start else index, sent.end)
        if run is None:
            continue
        if _is_not_count(doc, run, sent.start) or _glued_to(doc, run, dropped_end):
            dropped_end = run.end
        else:
            runs.append(run)
        done = run.end
    return runs


def _glued_to(doc: Doc, run: NumberRun, dropped_end: int) -> bool:
    """Tell the tail of a code whose head was dropped: the "19" of "2019-03-19"."""
    joint = doc[max(run.start - 1, 0)]
    glued = joint.text in "-–/" and not joint.whitespace_ and not doc[joint.i - 1].whitespace_
    return run.start - 1 == dropped_end and run.start >= 2 and glued


def _run_at(doc: Doc, index: int, limit: int) -> NumberRun | None:
    """Read the number that starts at token ``index``, if one does."""
    currency = CURRENCY_SYMBOLS.get(doc[index].lower_)
    first = index + 1 if currency else index
    end = _words_end(doc, first, limit, currency is not None)
    words = join_spaced_thousands([token.text for token in doc[first:end]])
    value = parse_number(words) if words else None
    if value is None:
        return None
    return NumberRun(index, end, value, _trailing_scale(words), currency)


def _words_end(doc: Doc, index: int, limit: int, money: bool) -> int:
    """Return the end of the run of number tokens that starts at ``index``."""
    if index >= limit:
        return index
    if doc[index].lower_ in ("a", "an"):
        has_scale = index + 1 < limit and doc[index + 1].lower_ in SCALE_WORDS
        index = index + 1 if has_scale else index
    elif _plain_value(doc[index].lower_) is None:
        return index
    end = index + 1
    while end < limit and (step := _continuation(doc, end, limit, money)):
        end += step
    return end


def _continuation(doc: Doc, index: int, limit: int, money: bool) -> int:
    """Return how many tokens at ``index`` continue the number before it (0: none)."""
    before, token = doc[index - 1].lower_, doc[index].lower_
    following = doc[index + 1].lower_ if index + 1 < limit else ""
    if token in SCALE_WORDS and before != token:
        return 1
    if _spaced_thousands(doc, index, limit):
        return 2  # "12 ,000": a tokeniser split one number
    glued = not doc[index - 1].whitespace_ and digits_value(before) is not None
    if token in SHORT_SCALES and glued:  # "5m people" is millions, "5m deep" metres
        after = doc[index + 1] if index + 1 < limit else doc[index]
        return int(money or (after.tag_ in ("NNS", "NNPS") and after.lower_ not in _METRE_WORDS))
    if token in CARDINAL_WORDS and before in SCALE_WORDS and before != "dozen":
        return 1
    if token == "and" and before in ("hundred", "thousand") and following in CARDINAL_WORDS:
        return 2
    if token in HYPHENS and before in TENS_WORDS and CARDINAL_WORDS.get(following, 10) < 10:
        return 2
    return 0


def _spaced_thousands(doc: Doc, index: int, limit: int) -> bool:
    """Tell whether token ``index`` is a lone "," that a tokeniser cut from the digit groups
    around it ("45,000-50 ,000": the "50" and the ",000" are one number)."""
    if index + 1 >= limit or doc[index].text != "," or doc[index].whitespace_:
        return False
    before, after = doc[index - 1], doc[index + 1]
    return (
        bool(before.whitespace_)
        and before.text.replace(",", "").isdigit()
        and len(after.text) == THOUSANDS_GROUP
        and after.text.isdigit()
    )


def join_spaced_thousands(words: Sequence[str]) -> list[str]:
    """Join the digit groups of a number a tokeniser split: ["50", ",", "000"] -> ["50000"]."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] == "," and len(joined) > 1 and word.isdigit():
            joined[-2:] = [joined[-2].replace(",", "") + word]
        else:
            joined.append(word)
    return joined


def _trailing_scale(words: Sequence[str]) -> float:
    """Return the factor of the scale word a run ends with (1 when it has none)."""
    last = words[-1].lower()
    suffixed = suffixed_value(last)
    return SCALE_WORDS.get(last) or SHORT_SCALES.get(last) or (suffixed[1] if suffixed else 1.0)


def is_bare_year_or_age(doc: Doc, ends: Sequence[NumberRun]) -> bool:
    """Tell whether a number (or range) with nothing counted is a year or an age ("Now 19")."""
    texts = [doc[run.start : run.end].text for run in ends]
    if all(text.isdigit() and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1] for text in texts):
        return True
    return ends[0].start > 0 and doc[ends[0].start - 1].lower_ == "now"


def _is_not_count(doc: Doc, run: NumberRun, sent_start: int) -> bool:
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
        or (len(tokens) == 1 and tokens[0].lower_ == "one")
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
    """Tell whether the number is part of a name: "Expedition 56", "Boeing 737 jets"."""
    first = doc[run.start]
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


# Phrases before a number and what they make of it: "about" → ±share, "at_least" → a
# lower bound, "at_most" → an upper bound. Longest phrases are tried first.
APPROXIMATIONS = {
    tuple(phrase.split("_")): kind
    for phrase, kind in word_table(
        "about: around about roughly some approximately approx. circa estimated an_estimated ~;"
        "at_most: nearly almost close_to up_to as_many_as as_much_as under just_under below"
        " fewer_than less_than no_more_than not_more_than at_most;"
        "at_least: more_than over just_over well_over above at_least upwards_of in_excess_of"
        " exceeding"
    ).items()
}
_LONGEST_APPROXIMATION = max(len(phrase) for phrase in APPROXIMATIONS)


def approximation(doc: Doc, start: int, floor: int) -> tuple[str | None, int]:
    """Return the hedge before token ``start`` ("about", "at_least", "at_most") and its start.

    ``floor`` is the first token that may be looked at (the sentence start).
    """
    for size in range(min(_LONGEST_APPROXIMATION, start - floor), 0, -1):
        phrase = tuple(token.lower_ for token in doc[start - size : start])
        if phrase in APPROXIMATIONS:
            return APPROXIMATIONS[phrase], start - size
    return None, start


# Words joining the ends of a range: "1500 to 2500", "five or six", "20-30".
RANGE_JOINERS = word_set("to or") | HYPHENS


def pair_ranges(doc: Doc, runs: Sequence[NumberRun]) -> list[tuple[NumberRun, NumberRun | None]]:
    """Join runs that are the two ends of a range; drop scores and phone numbers."""
    pairs: list[tuple[NumberRun, NumberRun | None]] = []
    position = 0
    while position < len(runs):
        run = runs[position]
        after = runs[position + 1] if position + 1 < len(runs) else None
        verdict = _range_verdict(doc, run, after) if after is not None else "single"
        if verdict == "range" and after is not None:
            pairs.append(_scaled_range(run, after))
        elif verdict == "single":
            pairs.append((run, None))
        position += 1 if verdict == "single" else 2
    return pairs


def _range_verdict(doc: Doc, low: NumberRun, high: NumberRun) -> str:
    """Say whether two neighbouring runs are a "range", a "code" (score, phone) or "single"."""
    between = [token.lower_ for token in doc[low.end : high.start]]
    before = doc[low.start - 1].lower_ if low.start > 0 else ""
    joined = between == ["and"] and before == "between"
    if before == "from" or not (joined or (len(between) == 1 and between[0] in RANGE_JOINERS)):
        return "single"  # "rose from 100 to 200" is a change, not a range
    low_value = _scaled_range(low, high)[0].value
    glued = between[0] in HYPHENS and not doc[low.end - 1].whitespace_
    if glued and (low_value >= high.value or _looks_like_phone(doc, low, high)):
        return "code"
    return "range" if low_value < high.value else "single"


def _looks_like_phone(doc: Doc, low: NumberRun, high: NumberRun) -> bool:
    """Tell "555-1234" (digit groups of different lengths) from a range "20-30"."""
    left, right = doc[low.start : low.end].text, doc[high.start : high.end].text
    return left.isdigit() and right.isdigit() and len(right) >= 4 and len(left) != len(right)


def _scaled_range(low: NumberRun, high: NumberRun) -> tuple[NumberRun, NumberRun]:
    """Share scale and currency between range ends: "$1 to 2 million" is $1e6..$2e6."""
    if low.scale == 1 and high.scale > 1 and low.value * high.scale < high.value:
        low = low._replace(value=low.value * high.scale, scale=high.scale)
    if high.currency is None and low.currency is not None:
        high = high._replace(currency=low.currency)
    return low, high
