"""Read the numbers news prose writes: digits, number words, ranges and hedges.

Digits ("1,306", "5.2bn"), number words ("eight million", "a dozen") and currency
symbols ("$50 million") become :class:`NumberRun` values; non-counts are dropped by
:func:`number_runs`, ranges are joined by :func:`pair_ranges`, hedges read by
:func:`approximation`. Vague plurals ("hundreds of", "tens of thousands") and fractions
("half", "a third", "one-third") are never numbers: no value to check a source against.
"""

from storyline.analyze.numbers._not_counts import NOT_COUNTED, is_bare_year_or_age
from storyline.analyze.numbers._ranges import (
    APPROXIMATIONS,
    RANGE_JOINERS,
    approximation,
    pair_ranges,
)
from storyline.analyze.numbers._runs import candidate_starts, join_spaced_thousands, number_runs
from storyline.analyze.numbers._words import (
    AREA_PREFIXES,
    CARDINAL_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    HYPHEN_COUNT_WORDS,
    HYPHENS,
    MEASURE_UNITS,
    PERCENT_WORDS,
    RATE_WORDS,
    SCALE_WORDS,
    TIME_UNITS,
    NumberRun,
    digits_value,
    measure_unit,
    parse_number,
    suffixed_value,
    word_set,
    word_table,
)

__all__ = [
    "APPROXIMATIONS",
    "AREA_PREFIXES",
    "CARDINAL_WORDS",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "HYPHENS",
    "HYPHEN_COUNT_WORDS",
    "MEASURE_UNITS",
    "NOT_COUNTED",
    "PERCENT_WORDS",
    "RANGE_JOINERS",
    "RATE_WORDS",
    "SCALE_WORDS",
    "TIME_UNITS",
    "NumberRun",
    "approximation",
    "candidate_starts",
    "digits_value",
    "is_bare_year_or_age",
    "join_spaced_thousands",
    "measure_unit",
    "number_runs",
    "pair_ranges",
    "parse_number",
    "suffixed_value",
    "word_set",
    "word_table",
]
