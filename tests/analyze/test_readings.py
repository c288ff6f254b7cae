from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.analyze.figures import find_figures
from storyline.analyze.readings import read_figure


def _event(nlp: Language, text: str) -> str:
    """The event read for the first figure of a one-sentence text."""
    doc = nlp(text)
    fig = find_figures(doc, (), None)[0]
    sent = next(iter(doc.sents))
    return read_figure(sent, fig, fig.start - sent.start_char).event


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    "text",
    [
        "Eleven workers were presumed dead after the blast on the platform.",
        "The storm left 200 people dead in the northern province.",
        "Officials said 40 people are dead after the bridge collapsed.",
    ],
)
def test_readings_an_adjective_saying_dead_is_a_death_toll(nlp: Language, text: str) -> None:
    assert _event(nlp, text) == "killed"


def test_readings_people_said_safe_are_no_death_toll(nlp: Language) -> None:
    assert _event(nlp, "Officials said 40 people are safe after the bridge collapsed.") != "killed"
