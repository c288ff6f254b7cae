"""Tests for merging the place mentions of an event's articles."""

from __future__ import annotations

from spacy.language import Language

from storyline.analyze.places import resolve_places
from storyline.corroborate.places import drop_actor_places, merge_places
from storyline.model import AnalyzedArticle, CleanArticle, Place


def test_places_merge_one_place_per_location(nlp: Language, seed_texts: dict[str, str]) -> None:
    analyzed = [
        AnalyzedArticle(clean=CleanArticle(id=stem, text=text), places=resolve_places(nlp(text)))
        for stem, text in seed_texts.items()
    ]
    places = merge_places(analyzed)
    by_name = {place.name: place for place in places}
    assert set(by_name["Al Hawl"].aliases) == {"al-Hawl", "Al Hawl", "al-Hol"}
    assert set(by_name["Deir ez-Zor"].aliases) == {"Deir el-Zour", "Deir al-Zor"}
    baghouz = by_name["Baghouz"]
    assert set(baghouz.aliases) == {"Baghouz", "Bagouz", "BAGHOUZ"}
    assert (baghouz.precision, baghouz.country) == ("admin", "SY")
    counts = [len(place.citations) for place in places]
    assert counts == sorted(counts, reverse=True) and places[0].name == "Syria"
    texts = {article.id: article.clean.text for article in analyzed}
    for place in places:
        for cite in place.citations:
            assert texts[cite.article][cite.start : cite.end] in place.aliases


def test_places_merge_of_nothing_is_empty() -> None:
    assert merge_places([]) == ()


def test_places_unplaced_actor_alias_is_dropped_but_a_placed_name_kept() -> None:
    isis = Place("Isis", ("Isis",))
    placed = Place("Mosul", ("Mosul",), 36.34, 43.13, "IQ", "city")
    unknown = Place("Hajin", ("Hajin",))
    assert drop_actor_places([isis, placed, unknown]) == (placed, unknown)
