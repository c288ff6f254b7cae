"""Tests for storyline.analyze.actors on the seed articles and T17 sentences."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from spacy.language import Language

from storyline.analyze.acronyms import find_acronyms
from storyline.analyze.aliases import known_actor
from storyline.corroborate import merge_actors
from storyline.model import Actor, AnalyzedArticle, CleanArticle, Mention

Acronyms = dict[str, dict[str, str]]
Seeds = tuple[list[AnalyzedArticle], Acronyms, tuple[Actor, ...]]

# T17 sentences (PTB brackets and spacing undone).
NTC_1 = "The National Transitional Council (NTC) refuses to reopen schools."
NTC_2 = (
    "Rebel leader Mahmoud Jibril and three other senior insurgents met in the Tunisian city of "
    "Djerba, according to both Mlegta and another senior official from the NTC, as the "
    "alternative rebel government calls itself."
)
CRA = (
    "In '95, the Clinton administration essentially put a gun to the heads of the banks and "
    "lending institutions by enforcing the CRA (Community Reinvestment Act) which started this "
    "whole mess."
)
EX_BP = (
    "Ex-BP (BP) CEO Tony Hayward is looking to re-enter the corporate world, after taking some "
    "time off following the disastrous oil spill in the Gulf of Mexico."
)
SHOUTED = (
    "WHEN YOU SELL SOMETHING (Credit Default Swaps, etc.) AND YOU KNOW, AS A BANKER THAT THE "
    "VALUE OF THE ITEM YOU ARE SELLING IS WORTHLESS, YET YOU ASSURE AND CERTIFY TO THE BUYER THAT "
    "THE ITEM YOU ARE SELLING IS WORTH X DOLLARS YOU ARE ENGAGED IN FRAUD."
)
GADHAFI = (
    "Explosions could also be heard in the city, which has been a stronghold for rebels opposing "
    "Libyan leader Moammar Gadhafi."
)
GADDAFI = (
    "Western forces hit targets along the Libyan coast on Saturday, using strikes from air and "
    "sea to force Muammar Gaddafi's troops to cease fire and end attacks on civilians."
)
# Seed sentences.
ISLAMIC_STATE = (
    "Civilians fleeing the Islamic State's group embattled holdout of Baghouz walk in a field on "
    "February 13, 2019 during an operation by the US-backed Syrian Democratic Force"
)
BAGHDADI_FULL = (
    "However, the group's leader Abu Bakr al-Baghdadi is still at large and regional officials "
    "believe it will remain a threat after it has lost all its land."
)
BAGHDADI_SHORT = "IS leader al-Baghdadi headed after he left Baghouz in early January."


def _analyze(nlp: Language, article_id: str, text: str) -> tuple[AnalyzedArticle, dict[str, str]]:
    doc = nlp(text)
    mentions = tuple(Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents)
    clean = CleanArticle(id=article_id, text=text)
    return AnalyzedArticle(clean=clean, entities=mentions), find_acronyms(doc)


def _merge(nlp: Language, texts: dict[str, str]) -> tuple[Actor, ...]:
    pairs = {key: _analyze(nlp, key, text) for key, text in texts.items()}
    return merge_actors([a for a, _ in pairs.values()], {k: m for k, (_, m) in pairs.items()})


def _by_alias(actors: tuple[Actor, ...], form: str) -> Actor:
    return next(actor for actor in actors if form == actor.name or form in actor.aliases)


@pytest.fixture(scope="module")
def seeds(nlp: Language, seed_texts: dict[str, str]) -> Seeds:
    analyzed, acronyms = [], {}
    for stem, text in seed_texts.items():
        article, found = _analyze(nlp, stem, text)
        analyzed.append(article)
        acronyms[stem] = found
    return analyzed, acronyms, merge_actors(analyzed, acronyms)


def test_find_acronyms_reads_expansion_before_bracket(nlp: Language) -> None:
    doc = nlp(
        "A senior International Committee of the Red Cross (ICRC) official said last Monday an "
        "estimated 20,000 Iraqi women and children in the camp were expected to be sent home."
    )
    assert find_acronyms(doc) == {"ICRC": "International Committee of the Red Cross"}


def test_find_acronyms_stops_at_the_first_letter(nlp: Language) -> None:
    doc = nlp(
        "Every few days, when the Western-backed Syrian Democratic Forces (SDF) managed to make "
        "another modest advance, the Kurdish militias would allow a few journalists in."
    )
    assert find_acronyms(doc) == {"SDF": "Syrian Democratic Forces"}


def test_find_acronyms_reads_expansion_inside_bracket(nlp: Language) -> None:
    assert find_acronyms(nlp(CRA)) == {"CRA": "Community Reinvestment Act"}


def test_find_acronyms_rejects_letters_that_do_not_match(nlp: Language) -> None:
    assert find_acronyms(nlp(EX_BP)) == {}
    assert find_acronyms(nlp("Libya's leader (Gadhafi) spoke.")) == {}


def test_find_acronyms_empty_text(nlp: Language) -> None:
    assert find_acronyms(nlp("")) == {}


def test_merge_actors_empty_input() -> None:
    assert merge_actors([]) == ()
    empty = AnalyzedArticle(clean=CleanArticle(id="a", text=""))
    assert merge_actors([empty], {"a": {}}) == ()


def test_merge_actors_one_sentence(nlp: Language) -> None:
    actors = _merge(nlp, {"a": ISLAMIC_STATE})
    islamic_state = _by_alias(actors, "Islamic State")
    assert islamic_state.kind == "group"
    assert len(islamic_state.citations) == 1
    cite = islamic_state.citations[0]
    assert ISLAMIC_STATE[cite.start : cite.end] == "Islamic State"
    assert _by_alias(actors, "Syrian Democratic Force").name == "Syrian Democratic Force"


def test_merge_actors_joins_sdf_across_seed_articles(seeds: Seeds) -> None:
    _, _, actors = seeds
    sdf = _by_alias(actors, "SDF")
    assert sdf.name == "Syrian Democratic Forces"
    assert sdf.kind == "group"
    assert {"SDF", "Syrian Democratic Force"} <= set(sdf.aliases)
    assert len({cite.article for cite in sdf.citations}) >= 4
    assert len(sdf.citations) >= 25


def test_merge_actors_joins_islamic_state_variants(seeds: Seeds) -> None:
    _, _, actors = seeds
    islamic_state = _by_alias(actors, "Daesh")
    assert islamic_state.name == "Islamic State"
    assert {"IS", "ISIS", "Isis", "Daesh"} <= set(islamic_state.aliases)
    assert actors[0] == islamic_state  # the most mentioned actor comes first
    assert len({cite.article for cite in islamic_state.citations}) == 5


def test_merge_actors_joins_baghdadi_variants(seeds: Seeds) -> None:
    _, _, actors = seeds
    baghdadi = _by_alias(actors, "al-Baghdadi")
    assert baghdadi.name == "Abu Bakr al-Baghdadi"
    assert baghdadi.kind == "person"
    assert baghdadi.aliases == ("al-Baghdadi",)


def test_merge_actors_joins_lone_surname_across_articles(nlp: Language) -> None:
    actors = _merge(nlp, {"a": BAGHDADI_FULL, "b": BAGHDADI_SHORT})
    baghdadi = _by_alias(actors, "Abu Bakr al-Baghdadi")
    assert baghdadi.aliases == ("al-Baghdadi",)
    assert {cite.article for cite in baghdadi.citations} == {"a", "b"}


def test_merge_actors_links_surname_in_same_article(seeds: Seeds) -> None:
    _, _, actors = seeds
    bali = _by_alias(actors, "Bali")
    assert bali.name == "Mustafa Bali"
    assert bali.kind == "person"
    assert len(bali.citations) == 5


def test_merge_actors_drops_nationalities_and_places(seeds: Seeds) -> None:
    _, _, actors = seeds
    forms = {form for actor in actors for form in (actor.name, *actor.aliases)}
    assert not forms & {"Kurdish", "Kurds", "Syrian", "Iraqi", "Islamic", "Baghouz", "State"}
    assert not forms & {"US", "U.S.", "USled", "REUTERS/Stringer"}


def test_merge_actors_citations_match_surface_forms(seeds: Seeds) -> None:
    analyzed, _, actors = seeds
    texts = {article.id: article.clean.text for article in analyzed}
    for actor in actors:
        surfaces = {texts[c.article][c.start : c.end] for c in actor.citations}
        assert surfaces == {actor.name, *actor.aliases}
        assert len(set(actor.citations)) == len(actor.citations)


def test_merge_actors_sorts_by_mentions_then_name(seeds: Seeds) -> None:
    _, _, actors = seeds
    keys = [(-len(actor.citations), actor.name) for actor in actors]
    assert keys == sorted(keys)


def test_merge_actors_works_without_acronym_maps(seeds: Seeds) -> None:
    analyzed, _, _ = seeds
    sdf = _by_alias(merge_actors(analyzed), "SDF")
    assert sdf.name == "Syrian Democratic Forces"


def test_merge_actors_joins_acronym_defined_only_in_text(nlp: Language) -> None:
    assert known_actor("NTC") is None
    actors = _merge(nlp, {"a": NTC_1, "b": NTC_2})
    council = _by_alias(actors, "NTC")
    assert council.name == "National Transitional Council"
    assert council.kind == "organization"
    assert {cite.article for cite in council.citations} == {"a", "b"}


def test_merge_actors_joins_transliterated_people(nlp: Language) -> None:
    actors = _merge(nlp, {"cnn": GADHAFI, "reuters": GADDAFI})
    gaddafi = _by_alias(actors, "Moammar Gadhafi")
    assert {gaddafi.name, *gaddafi.aliases} == {"Moammar Gadhafi", "Muammar Gaddafi"}
    assert gaddafi.kind == "person"


def test_merge_actors_ignores_short_aliases_in_shouted_lines(nlp: Language) -> None:
    actors = _merge(nlp, {"a": SHOUTED})
    assert all(known_actor(actor.name) != ("Islamic State", "group") for actor in actors)
    actors = _merge(nlp, {"a": "The SDF said IS is finished."})
    assert _by_alias(actors, "IS").name == "IS"


def test_known_actor_reads_the_alias_file() -> None:
    assert known_actor("Hizballah") == ("Hezbollah", "group")
    assert known_actor("al Qaida") == ("al-Qaeda", "group")
    assert known_actor("ICRC") == ("International Committee of the Red Cross", "organization")
    assert known_actor("U.S.") is None
    assert known_actor("Asian") is None


def test_alias_file_gives_every_alias_to_its_own_actor() -> None:
    raw = resources.files("storyline").joinpath("data", "aliases.toml").read_text("utf-8")
    table = tomllib.loads(raw)
    assert len(table["actor"]) >= 40
    for entry in table["actor"]:
        assert entry["kind"] in {"group", "organization"}
        for alias in [entry["name"], *entry["aliases"]]:
            assert known_actor(alias) == (entry["name"], entry["kind"]), alias
