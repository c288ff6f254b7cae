"""Tests for storyline.analyze.numbers: values, runs, hedges and ranges."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.analyze.numbers import (
    approximation,
    candidate_starts,
    digits_value,
    number_runs,
    pair_ranges,
    parse_number,
    suffixed_value,
)


def _runs(nlp: Language, text: str) -> list[tuple[str, float]]:
    """Return (surface, value) of the number runs of a one-sentence text."""
    doc = nlp(text)
    sent = next(doc.sents)
    return [
        (doc[run.start : run.end].text, run.value)
        for run in number_runs(sent, candidate_starts(doc))
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["eight", "million"], 8e6),
        (["two", "thousand", "three", "hundred"], 2300.0),
        (["1.5", "million"], 1.5e6),
        (["a", "dozen"], 12.0),
        (["two", "dozen"], 24.0),
        (["A", "hundred", "and", "fifty", "-", "two"], 152.0),
        (["1,306"], 1306.0),
        (["44.5", "million"], 44.5e6),
        (["5.2bn"], 5.2e9),
        (["twenty", "-", "five"], 25.0),
    ],
)
def test_parse_number_reads_digits_and_words(words: list[str], value: float) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize("words", [["people"], ["third"], ["4th"], ["14/2019"], []])
def test_parse_number_rejects_what_is_not_a_number(words: list[str]) -> None:
    assert parse_number(words) is None


def test_digits_value_handles_thousands_separators_and_decimals() -> None:
    assert digits_value("67,000") == 67000.0
    assert digits_value("266.7") == 266.7
    assert digits_value("1,30") is None
    assert digits_value("10:30") is None


def test_suffixed_value_splits_glued_scales() -> None:
    assert suffixed_value("5.2bn") == (5.2, 1e9)
    assert suffixed_value("3m") == (3.0, 1e6)
    assert suffixed_value("2O7l4mN") is None


def test_number_runs_skip_dates_ordinals_names_and_ages(nlp: Language) -> None:
    text = (
        "The man, aged 45, of the 4th Armored Division joined NASA Expedition 56 on "
        "March 23, 2019, for the third time, and six Tu-22M bombers flew."
    )
    assert _runs(nlp, text) == [("six", 6.0)]


def test_number_runs_skip_vague_and_lone_one(nlp: Language) -> None:
    text = "Hundreds of people and a few hundred cars, one of the wounded and thousands fled."
    assert _runs(nlp, text) == []


def test_number_runs_read_an_order_of_magnitude(nlp: Language) -> None:
    doc = nlp("Tens of thousands of protesters filled Tahrir Square on Friday.")
    runs = number_runs(next(doc.sents), candidate_starts(doc))
    assert [(run.value, run.top) for run in runs] == [(10_000, 100_000)]
    assert pair_ranges(doc, runs)[0][1] is not None


def test_pair_ranges_one_opens_a_range(nlp: Language) -> None:
    doc = nlp("Officials said one or two million people could be affected.")
    runs = number_runs(next(doc.sents), candidate_starts(doc))
    pairs = [(low.value, high.value if high else None) for low, high in pair_ranges(doc, runs)]
    assert pairs == [(1e6, 2e6)]


def test_number_runs_read_currency_and_glued_scales(nlp: Language) -> None:
    text = "The fund is worth $5.2bn, up from £3m, and 5m people live 5m below sea level."
    assert _runs(nlp, text) == [("$5.2bn", 5.2e9), ("£3m", 3e6), ("5m", 5e6), ("5", 5.0)]


def test_number_runs_skip_list_markers_and_references(nlp: Language) -> None:
    # Timeline17, LibyaWar: PTB brackets around footnote numbers.
    text = "-LRB- 53 -RRB- He improved the unit 's flight readiness and safety records ."
    assert _runs(nlp, text) == []


def test_approximation_reads_the_longest_hedge(nlp: Language) -> None:
    doc = nlp(
        "Officials said an estimated 20,000 women, more than 60,000 people and up to 3000 men."
    )
    starts = {token.text: token.i for token in doc}
    assert approximation(doc, starts["20,000"], 0) == ("about", starts["an"])
    assert approximation(doc, starts["60,000"], 0) == ("at_least", starts["more"])
    assert approximation(doc, starts["3000"], 0) == ("at_most", starts["up"])
    assert approximation(doc, starts["women"], 0) == (None, starts["women"])


def test_approximation_stops_at_the_floor(nlp: Language) -> None:
    doc = nlp("About 500 fighters.")
    assert approximation(doc, 1, 1) == (None, 1)


def test_pair_ranges_join_ranges_and_drop_scores(nlp: Language) -> None:
    doc = nlp(
        "The SDF said between 1 and 2 million people left, 20-30 stayed, the score was 3-1 "
        "and the number is 555-1234."
    )
    runs = number_runs(next(doc.sents), candidate_starts(doc))
    pairs = [(low.value, high.value if high else None) for low, high in pair_ranges(doc, runs)]
    assert pairs == [(1e6, 2e6), (20.0, 30.0)]


def test_pair_ranges_keep_from_to_as_two_numbers(nlp: Language) -> None:
    # Timeline17, bpoil: a change over time is not a range.
    doc = nlp("The toll rose from 100 to 200 .")
    runs = number_runs(next(doc.sents), candidate_starts(doc))
    assert [(low.value, high) for low, high in pair_ranges(doc, runs)] == [(100, None), (200, None)]


def test_candidate_starts_on_empty_doc(nlp: Language) -> None:
    assert candidate_starts(nlp("")) == []
