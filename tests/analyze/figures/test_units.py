"""Tests for storyline.analyze.figures units: rates read from the verb and shared in a sentence.

Sentences are from the bpoil_guardian dev cluster of ../shared/data/clusters (detokenised).
"""

from __future__ import annotations

from spacy.language import Language

from storyline.analyze.figures import find_figures
from storyline.model import Figure


def _units(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    figures: tuple[Figure, ...] = find_figures(nlp(text), (), None)
    return [(fig.text, fig.unit) for fig in figures]


def test_units_rate_from_an_adverb_on_the_verb(nlp: Language) -> None:
    text = (
        "The estimate that 5,000 barrels are leaking daily comes from the National Oceanic "
        "and Atmospheric Administration."
    )
    assert ("5,000 barrels", "barrels/day") in _units(nlp, text)


def test_units_rate_shared_by_a_bare_amount_of_the_same_unit(nlp: Language) -> None:
    text = (
        "The official estimated flow rate of 5,000 barrels per day, a figure repeated by BP, "
        "increased last week to between 12,000 and 19,000 barrels."
    )
    assert _units(nlp, text) == [
        ("5,000 barrels per day", "barrels/day"),
        ("between 12,000 and 19,000 barrels", "barrels/day"),
    ]


def test_units_amount_without_a_rate_stays_an_amount(nlp: Language) -> None:
    text = "BP has said it collected around 10,000 barrels on Sunday."
    assert _units(nlp, text) == [("around 10,000 barrels", "barrels")]


def test_units_breakdown_parts_take_the_total_and_their_own_place(nlp: Language) -> None:
    # egypt_cnn 2011-02-10-216
    text = (
        "Human Rights Watch said Tuesday 302 people had been killed in the Egyptian protests "
        "-- 232 in Cairo, 52 in Alexandria and 18 in Suez."
    )
    figures = find_figures(nlp(text), (), None)
    assert [(f.value, f.unit, f.subject) for f in figures] == [
        (302, "people", None),
        (232, "people", "Cairo"),
        (52, "people", "Alexandria"),
        (18, "people", "Suez"),
    ]


def test_units_breakdown_skips_a_figure_nested_in_the_total(nlp: Language) -> None:
    # egypt_cnn 2011-02-01-196: the 36 are deaths, not hospitals
    text = (
        "Human Rights Watch has reported 80 deaths from two hospitals in Cairo, 36 in Alexandria."
    )
    assert ("36", "deaths") in _units(nlp, text)


def test_units_tally_gives_the_unit(nlp: Language) -> None:
    # egypt_cnn 2011-02-06-84: was "11 tanks" from the sentence before
    text = (
        "The death toll from the violent clashes in Cairo's Tahrir Square has reached 11, "
        "Egypt's Health Ministry has said."
    )
    assert _units(nlp, text) == [("11", "dead")]


def test_units_bracketed_conversion_is_one_value(nlp: Language) -> None:
    # bpoil_guardian: "1,500 metres (5,000 ft)", "5,000 gallons (23,000 litres)"
    text = (
        "Engineers sent four underwater robots to dive 1,500 metres (5,000 ft) below the "
        "surface, where a leaking well was spewing 5,000 gallons (23,000 litres) a day."
    )
    units = [unit for _, unit in _units(nlp, text)]
    assert "m" in units and "gallons" in units
    assert "feet" not in units and "litres" not in units


def test_units_one_or_two_million_is_a_range(nlp: Language) -> None:
    (fig,) = find_figures(
        nlp("Officials said one or two million people could be affected."), (), None
    )
    assert (fig.value, fig.low, fig.high, fig.unit) == (1e6, 1e6, 2e6, "people")
