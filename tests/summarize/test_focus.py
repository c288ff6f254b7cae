from __future__ import annotations

import pytest

from storyline.corroborate.sources import source_keys
from storyline.model import AnalyzedArticle, CleanArticle, Mention, Sentence
from storyline.summarize import summarize
from storyline.summarize._focus import Focus, find_focus


def _article(aid: str, body: str, names: dict[str, str]) -> AnalyzedArticle:
    """An analysed article, one sentence a line, with the given names as entity mentions."""
    mentions = []
    for name, label in names.items():
        start = body.find(name)
        while start >= 0:
            mentions.append(Mention(name, start, start + len(name), label))
            start = body.find(name, start + 1)
    sentences, offset = [], 0
    for line in body.split("\n"):
        sentences.append(Sentence(offset, offset + len(line), line))
        offset += len(line) + 1
    return AnalyzedArticle(
        clean=CleanArticle(id=aid, text=body, outlet=aid),
        sentences=tuple(sentences),
        entities=tuple(sorted(mentions, key=lambda m: m.start)),
    )


NAMES = {"Ostrava": "GPE", "Prague": "GPE", "the fire brigade": "ORG", "Jana Novak": "PERSON"}
FIRST = (
    "Heavy rain flooded streets, cellars and railway lines across the region overnight.\n"
    "Some 300 people were evacuated by the fire brigade from homes in Ostrava on Tuesday.\n"
    "Jana Novak, the mayor of Prague, offered help."
)
SECOND = (
    "Rivers rose across the region after heavy rain flooded streets, cellars and lines.\n"
    "In Ostrava, the fire brigade moved 300 people to a school gym.\n"
    "Trains between Ostrava and Prague were cancelled."
)


def test_focus_is_the_place_and_actor_most_sources_name() -> None:
    analyzed = (_article("a", FIRST, NAMES), _article("b", SECOND, NAMES))
    focus = find_focus(analyzed, source_keys([a.clean for a in analyzed]))
    assert focus == Focus(place="Ostrava", actor="the fire brigade")
    assert focus.named_in("The fire brigade said") == 0  # capitalised differently
    assert focus.named_in("In Ostrava, the fire brigade said") == 2


def test_focus_needs_two_sources() -> None:
    analyzed = (_article("a", FIRST, NAMES),)
    assert find_focus(analyzed, source_keys([a.clean for a in analyzed])) == Focus()


@pytest.mark.issue(10)
def test_summarize_headline_names_the_main_place() -> None:
    analyzed = (_article("a", FIRST, NAMES), _article("b", SECOND, NAMES))
    summary = summarize(analyzed, keys=source_keys([a.clean for a in analyzed]))
    assert summary.headline is not None
    assert "Ostrava" in summary.headline.text
