"""Find the runs of tokens that write one number: "1,306", "eight million", "$ 5.2bn"."""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from storyline.analyze.numbers._not_counts import is_not_count
from storyline.analyze.numbers._words import (
    CARDINAL_WORDS,
    CURRENCY_SYMBOLS,
    HYPHENS,
    MAGNITUDE_WORDS,
    PLURAL_SCALES,
    SCALE_WORDS,
    SHORT_SCALES,
    TENS_WORDS,
    THOUSANDS_GROUP,
    NumberRun,
    digits_value,
    parse_number,
    plain_value,
    suffixed_value,
    word_set,
)

# Tokens other than spaCy's like_num ones that a number may start at.
_START_KEYS = numpy.array(
    [get_string_id(word) for word in [*SCALE_WORDS, *CURRENCY_SYMBOLS, *MAGNITUDE_WORDS]],
    dtype=numpy.uint64,
)
# First characters of tokens spaCy does not call numbers but may be: "5.2bn", "3m".
_DIGIT_KEYS = numpy.array([get_string_id(str(digit)) for digit in range(10)], dtype=numpy.uint64)
# Words after which "m" is metres, not millions: "5m deep".
_METRE_WORDS = word_set("long deep high wide tall away below above")


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
    "one" (in news prose a pronoun far more often than a count, but kept to open a
    range: "one or two million") and the tail of a dropped code ("2019-03-19"). An
    order of magnitude ("tens of thousands") is a run with its upper end in ``top``.
    """
    doc, runs = sent.doc, []
    done = dropped_end = sent.start
    for index in starts:
        if index < done:
            continue
        article = doc[index].lower_ in SCALE_WORDS and doc[index - 1].lower_ in ("a", "an")
        run = _magnitude_at(doc, index, sent.end) or _run_at(
            doc, index - 1 if article and index > sent.start else index, sent.end
        )
        if run is None:
            continue
        if is_not_count(doc, run, sent.start) or _glued_to(doc, run, dropped_end):
            dropped_end = run.end
        else:
            runs.append(run)
        done = run.end
    return runs


def _magnitude_at(doc: Doc, index: int, limit: int) -> NumberRun | None:
    """Read an order of magnitude at ``index``: "tens of thousands" -> 1e4 up to 1e5."""
    if index + 2 >= limit or doc[index + 1].lower_ != "of":
        return None
    multiple = MAGNITUDE_WORDS.get(doc[index].lower_)
    scale = PLURAL_SCALES.get(doc[index + 2].lower_)
    if multiple is None or scale is None:
        return None
    low = multiple * scale
    return NumberRun(index, index + 3, low, scale, None, top=low * 10)


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
    elif plain_value(doc[index].lower_) is None:
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
