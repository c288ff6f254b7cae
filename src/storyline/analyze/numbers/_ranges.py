"""Read hedges ("more than", "about") and join the two ends of ranges ("12,000 to 19,000")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.analyze.numbers._words import HYPHENS, NumberRun, word_set, word_table

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
        if run.top is not None:  # "tens of thousands": a range of its own
            pairs.append((run, run._replace(value=run.top, top=None)))
            position += 1
            continue
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
