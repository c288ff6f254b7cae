"""Read the numbers news prose writes and name the units it counts in.

Digits ("1,306", "44.5", "5.2bn"), number words ("eight million", "two thousand
three hundred", "a dozen") and the units that follow them ("per cent", "km",
"square yards", "euros") are turned into plain values and short canonical unit
names, so figures from different outlets can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token


def _words(spec: str) -> tuple[str, ...]:
    """Split a space-separated word list written as one string."""
    return tuple(spec.split())


_SMALL_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS_WORDS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
CARDINAL_WORDS: dict[str, int] = {word: value for value, word in enumerate(_SMALL_WORDS)} | {
    word: 20 + 10 * index for index, word in enumerate(_TENS_WORDS)
}
TENS_WORDS = frozenset(_TENS_WORDS)
# Words that multiply what came before them; "dozen" is a count of twelve.
SCALE_WORDS: dict[str, float] = {
    "dozen": 12.0,
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Scale words that only make sense right after digits ("5m people", "$3m").
SHORT_SCALES: dict[str, float] = {"m": 1e6, "k": 1e3}

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(bn|mn|m|k|tn)$", re.IGNORECASE)

CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}


def _table(spec: str) -> dict[str, str]:
    """Build a word -> canonical name table from "name: word word; name: word" lines."""
    table: dict[str, str] = {}
    for entry in spec.split(";"):
        name, _, words = entry.partition(":")
        table |= dict.fromkeys(words.split(), name.strip())
    return table


CURRENCY_WORDS = _table(
    "USD: dollar dollars usd; EUR: euro euros eur; GBP: pound pounds sterling gbp; JPY: yen;"
    "CNY: yuan; INR: rupees; RUB: roubles rubles"
)
MEASURE_UNITS = _table(
    "km: km kms kilometre kilometres kilometer kilometers; m: m metre metres meter meters;"
    "miles: mile miles mi; feet: foot feet ft; yards: yard yards; acres: acre acres;"
    "hectares: hectare hectares; kg: kg kilograms kilogrammes; tons: ton tons;"
    "tonnes: tonne tonnes; gallons: gallon gallons; litres: litre litres liter liters;"
    "barrels: barrel barrels; km/h: kmh kph km/h; mph: mph"
)
AREA_PREFIXES = frozenset({"square", "sq", "cubic"})
PERCENT_WORDS = frozenset({"%", "percent", "pc", "percentage"})
# Time units: a number of them is a duration or an age, not a count of something.
TIME_UNITS = frozenset(
    _words(
        "second seconds minute minutes hour hours day days week weeks month months "
        "year years decade decades century centuries"
    )
)
RATE_WORDS: dict[str, str] = {"day": "day", "week": "week", "month": "month", "year": "year"}


def digits_value(text: str) -> float | None:
    """Return the value of a digit token ("1,306", "44.5"), or None."""
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def suffixed_value(text: str) -> tuple[float, float] | None:
    """Split a digits-plus-scale token ("5.2bn", "3m") into (base, scale)."""
    match = _SUFFIXED.match(text)
    if match is None:
        return None
    suffix = match.group(2).lower()
    scale = SCALE_WORDS.get(suffix) or SHORT_SCALES[suffix]
    return float(match.group(1).replace(",", "")), scale


def is_number_word(text: str) -> bool:
    """Tell whether ``text`` is a cardinal or scale word ("eight", "million")."""
    lowered = text.lower()
    return lowered in CARDINAL_WORDS or lowered in SCALE_WORDS


def parse_number(words: Sequence[str]) -> float | None:
    """Return the value of a run of number words and digits, or None if it is not one.

    "eight million" -> 8e6, "two thousand three hundred" -> 2300, "1.5 million"
    -> 1.5e6, "a dozen" -> 12; "and" and hyphens inside are skipped.
    """
    total, current, seen = 0.0, 0.0, False
    for word in words:
        lowered = word.lower()
        if lowered in ("and", "-", "a", "an"):
            continue
        scale = SCALE_WORDS.get(lowered) or (SHORT_SCALES.get(lowered) if seen else None)
        if scale is not None:
            current = (current or 1.0) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
        elif (value := _plain_value(lowered)) is not None:
            current += value
        else:
            return None
        seen = True
    return total + current if seen else None


def _plain_value(word: str) -> float | None:
    """Return the value of one digit token or cardinal word."""
    if word in CARDINAL_WORDS:
        return float(CARDINAL_WORDS[word])
    if (suffixed := suffixed_value(word)) is not None:
        return suffixed[0] * suffixed[1]
    return digits_value(word)


def measure_unit(word: str) -> str | None:
    """Return the canonical measurement or currency unit for ``word``, if it is one."""
    lowered = word.lower()
    return MEASURE_UNITS.get(lowered) or CURRENCY_WORDS.get(lowered)


# ---------------------------------------------------------------- runs of number tokens

# spaCy labels of spans whose numbers are never counts.
NON_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
# spaCy labels of spans that are numbers; any other entity holding a digit is a name.
NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Words that make the number after them a label, not a count: "issue 14", "No. 5".
LABEL_WORDS = frozenset(
    _words(
        "no no. nos number # page pages chapter article section issue volume vol vol. episode "
        "season flight route highway room line phase step item paragraph resolution act part "
        "grade category version level platform gate exit"
    )
)
# Words that make the number after them an age: "aged 45".
AGE_WORDS = frozenset({"aged", "age", "ages"})
# Words that make a following bare scale word vague: "a few hundred", "several thousand".
VAGUE_WORDS = frozenset({"few", "several", "many", "some", "hundreds", "thousands", "tens"})
# What may follow a number and a hyphen and still leave a count: "5,000-strong".
HYPHEN_COUNT_WORDS = frozenset({"strong", "odd", "plus"})
_HYPHENS = frozenset({"-", "–", "—"})
# Tokens other than spaCy's like_num ones that a number may start at.
_START_WORDS = frozenset(SCALE_WORDS) | frozenset(CURRENCY_SYMBOLS)
_START_KEYS = numpy.array([get_string_id(word) for word in _START_WORDS], dtype=numpy.uint64)
# First characters of tokens spaCy does not call numbers but may be: "5.2bn", "3m".
_DIGIT_KEYS = numpy.array([get_string_id(str(digit)) for digit in range(10)], dtype=numpy.uint64)
# Words after which "m" is metres, not millions: "5m deep".
_METRE_WORDS = frozenset({"long", "deep", "high", "wide", "tall", "away", "below", "above"})
_PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


class NumberRun(NamedTuple):
    """One number written in the text: tokens [start, end) including a currency symbol."""

    start: int
    end: int
    value: float
    scale: float  # factor of the scale word it ends with: 1e6 for "2 million", 1 for "2"
    currency: str | None


def candidate_starts(doc: Doc) -> list[int]:
    """Return the indices of tokens a number may start at, found without a Python loop."""
    if len(doc) == 0:
        return []
    table = doc.to_array(["LIKE_NUM", "LOWER", "PREFIX"])
    hits = (
        (table[:, 0] == 1)
        | numpy.isin(table[:, 1], _START_KEYS)
        | numpy.isin(table[:, 2], _DIGIT_KEYS)
    )
    return [int(index) for index in numpy.flatnonzero(hits)]


def number_runs(sent: Span, starts: Sequence[int]) -> list[NumberRun]:
    """Return the numbers of ``sent`` that may be counts, in text order.

    ``starts`` are the sentence's candidate tokens, from :func:`candidate_starts`.
    """
    doc, runs = sent.doc, []
    done = dropped_end = sent.start
    for index in starts:
        if index < done:
            continue
        opens_with_article = index > sent.start and doc[index - 1].lower_ in ("a", "an")
        run = _run_at(doc, index - 1 if opens_with_article else index, sent.end)
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
    joint = doc[run.start - 1] if run.start > 0 else None
    glued = joint is not None and not joint.whitespace_ and not doc[joint.i - 1].whitespace_
    return glued and run.start - 1 == dropped_end and joint is not None and joint.text in "-–/"


def _run_at(doc: Doc, index: int, limit: int) -> NumberRun | None:
    """Read the number that starts at token ``index``, if one does."""
    currency = CURRENCY_SYMBOLS.get(doc[index].lower_)
    first = index + 1 if currency else index
    end = _words_end(doc, first, limit, currency is not None)
    if end == first:
        return None
    words = [token.text for token in doc[first:end]]
    value = parse_number(words)
    if value is None:
        return None
    return NumberRun(index, end, value, _trailing_scale(words), currency)


def _words_end(doc: Doc, index: int, limit: int, money: bool) -> int:
    """Return the end of the run of number tokens that starts at ``index``."""
    if index >= limit:
        return index
    lowered = doc[index].lower_
    if lowered in ("a", "an"):
        has_scale = index + 1 < limit and doc[index + 1].lower_ in SCALE_WORDS
        return _extend(doc, index + 2, limit, money) if has_scale else index
    if _plain_value(lowered) is None:
        return index
    return _extend(doc, index + 1, limit, money)


def _extend(doc: Doc, end: int, limit: int, money: bool) -> int:
    """Extend a run over scale words, "-five" and "and fifty" while they continue it."""
    while end < limit:
        step = _continuation(doc, end, limit, money)
        if step == 0:
            return end
        end += step
    return end


def _continuation(doc: Doc, index: int, limit: int, money: bool) -> int:
    """Return how many tokens at ``index`` continue the number before it (0: none)."""
    before, token = doc[index - 1].lower_, doc[index].lower_
    following = doc[index + 1].lower_ if index + 1 < limit else ""
    if token in SCALE_WORDS and before != token:
        return 1
    if (
        token in SHORT_SCALES
        and digits_value(before) is not None
        and not doc[index - 1].whitespace_
    ):
        return 1 if money or _reads_as_million(doc, index, limit) else 0
    if token in CARDINAL_WORDS and before in SCALE_WORDS and before != "dozen":
        return 1
    if token == "and" and before in ("hundred", "thousand") and following in CARDINAL_WORDS:
        return 2
    if token in _HYPHENS and before in TENS_WORDS and CARDINAL_WORDS.get(following, 10) < 10:
        return 2
    return 0


def _reads_as_million(doc: Doc, index: int, limit: int) -> bool:
    """Tell "5m people" (millions) from "5m deep" (metres)."""
    if index + 1 >= limit:
        return False
    after = doc[index + 1]
    return after.tag_ in _PLURAL_NOUN_TAGS and after.lower_ not in _METRE_WORDS


def _trailing_scale(words: Sequence[str]) -> float:
    """Return the factor of the scale word a run ends with (1 when it has none)."""
    last = words[-1].lower()
    suffixed = suffixed_value(last)
    return SCALE_WORDS.get(last) or SHORT_SCALES.get(last) or (suffixed[1] if suffixed else 1.0)


def _is_not_count(doc: Doc, run: NumberRun, sent_start: int) -> bool:
    """Tell whether a run is a date, age, label, name, list marker or vague word."""
    tokens = doc[run.start : run.end]
    before = doc[run.start - 1] if run.start > sent_start else None
    return (
        any(token.ent_type_ in NON_COUNT_LABELS or token.tag_ == "LS" for token in tokens)
        or _in_name(doc, run, before)
        or (before is not None and before.lower_ in LABEL_WORDS | AGE_WORDS)
        or _is_lone_one(tokens)
        or _is_vague(tokens, before)
        or _is_compound_adjective(doc, run)
        or _is_list_marker(doc, run)
        or _is_age_apposition(tokens)
    )


def _in_name(doc: Doc, run: NumberRun, before: Token | None) -> bool:
    """Tell whether the number is part of a name: "Expedition 56", "Boeing 737"."""
    first = doc[run.start]
    if first.ent_iob_ == "I" and first.ent_type_ not in NUMERIC_LABELS:
        return True
    plain = doc[run.start : run.end].text.isdigit() and run.currency is None
    return plain and before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()


def _is_lone_one(tokens: Span) -> bool:
    """Tell whether the run is the word "one" on its own."""
    return len(tokens) == 1 and tokens[0].lower_ == "one"


def _is_vague(tokens: Span, before: Token | None) -> bool:
    """Tell "a few hundred" / "several thousand" (vague) from "a hundred" (100)."""
    opens_with_scale = tokens[0].lower_ in SCALE_WORDS or tokens[0].lower_ in ("a", "an")
    return opens_with_scale and before is not None and before.lower_ in VAGUE_WORDS


def _is_compound_adjective(doc: Doc, run: NumberRun) -> bool:
    """Tell "one-legged", "two-day", "10-year" (adjectives) from "20-30" or "5,000-strong"."""
    if run.end + 1 >= len(doc) or doc[run.end].text not in _HYPHENS:
        return False
    if doc[run.end - 1].whitespace_:
        return False
    word = doc[run.end + 1].lower_
    if not word.isalpha() or word in HYPHEN_COUNT_WORDS or is_number_word(word):
        return False
    return measure_unit(word) is None


def _is_list_marker(doc: Doc, run: NumberRun) -> bool:
    """Tell "1." or "2)" at the start of a line from a number in running text."""
    at_line_start = run.start == 0 or "\n" in doc[run.start - 1].text_with_ws
    after = doc[run.end].text if run.end < len(doc) else ""
    return at_line_start and after in (".", ")")


def _is_age_apposition(tokens: Span) -> bool:
    """Tell "John Smith, 45," (an age in apposition to a person)."""
    root = tokens[-1]
    return root.dep_ == "appos" and root.head.ent_type_ == "PERSON"


# ---------------------------------------------------------------- approximations

# Phrases before a number and what they make of it: "about" → ±share, "at_least" →
# a lower bound, "at_most" → an upper bound. Longest phrases are tried first.
APPROXIMATIONS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): kind
    for kind, phrases in (
        ("about", "around|about|roughly|some|approximately|approx.|circa|estimated|an estimated|~"),
        (
            "at_most",
            "nearly|almost|close to|up to|as many as|as much as|under|just under|below|"
            "fewer than|less than|no more than|not more than|at most",
        ),
        (
            "at_least",
            "more than|over|just over|well over|above|at least|upwards of|in excess of|exceeding",
        ),
    )
    for phrase in phrases.split("|")
}
_LONGEST_APPROXIMATION = max(len(phrase) for phrase in APPROXIMATIONS)


def approximation(doc: Doc, start: int, floor: int) -> tuple[str | None, int]:
    """Return the approximation word before token ``start`` and where it begins.

    ``floor`` is the first token that may be looked at (the sentence start).
    """
    for size in range(_LONGEST_APPROXIMATION, 0, -1):
        if start - size < floor:
            continue
        phrase = tuple(token.lower_ for token in doc[start - size : start])
        if phrase in APPROXIMATIONS:
            return APPROXIMATIONS[phrase], start - size
    return None, start


# ---------------------------------------------------------------- ranges

# Words joining the ends of a range: "1500 to 2500", "five or six", "20-30".
RANGE_JOINERS = frozenset({"to", "or"}) | _HYPHENS


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
        return "single"
    low_value = _scaled_range(low, high)[0].value
    glued = between[0] in _HYPHENS and not doc[low.end - 1].whitespace_
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
