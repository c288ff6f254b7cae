"""Number vocabulary and values: digit tokens, number words, scales, units and currencies."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple


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

HYPHENS = word_set("- – —")
# Plural multiples that with a plural scale write an order of magnitude: "tens of
# thousands" is 10,000 up to 100,000, "hundreds of millions" 1e8 up to 1e9.
MAGNITUDE_WORDS = {"tens": 10.0, "hundreds": 100.0}
PLURAL_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
THOUSANDS_GROUP = 3  # digits in a group after a thousands separator


class NumberRun(NamedTuple):
    """One number written in the text: tokens [start, end) including a currency symbol."""

    start: int
    end: int
    value: float
    scale: float  # factor of the scale word it ends with: 1e6 for "2 million", 1 for "2"
    currency: str | None
    top: float | None = None  # upper end of an order of magnitude: "tens of thousands"


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
        elif (value := plain_value(word)) is not None:
            current += value
        else:
            return None
        seen = True
    return total + current if seen else None


def plain_value(word: str) -> float | None:
    """Return the value of one digit token or cardinal word."""
    if word in CARDINAL_WORDS:
        return float(CARDINAL_WORDS[word])
    suffixed = suffixed_value(word)
    return suffixed[0] * suffixed[1] if suffixed else digits_value(word)
