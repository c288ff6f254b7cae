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
