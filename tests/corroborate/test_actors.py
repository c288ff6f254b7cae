from __future__ import annotations

from storyline.analyze.not_actors import never_an_actor
from storyline.corroborate import merge_actors
from storyline.corroborate.actor_names import Clusters, compatible_people, traits
from storyline.model import AnalyzedArticle, CleanArticle, Mention


def _article(article_id: str, text: str, names: dict[str, str]) -> AnalyzedArticle:
    mentions = tuple(
        Mention(name, text.index(name), text.index(name) + len(name), label)
        for name, label in names.items()
    )
    return AnalyzedArticle(clean=CleanArticle(id=article_id, text=text), entities=mentions)


def test_time_zones_dates_codes_and_diseases_are_never_actors() -> None:
    for text in ("BST", "GMT", "ET", "Fri Apr", "H5N1", "Swine Flu"):
        assert never_an_actor(text, "ORG"), text
    assert never_an_actor("H1N1", "PERSON")
    for text in ("WHO", "BP", "NOAA", "May", "Tony Hayward"):
        assert not never_an_actor(text, "ORG"), text


def test_people_with_different_surnames_are_not_one() -> None:
    assert not compatible_people("Mary Landry", "Mary Landrieu")
    assert not compatible_people("Robert Gibbs", "Robert Gates")
    assert compatible_people("Doug Suttles", "Doug Suttle")
    assert compatible_people("Hussein Tantawi", "Mohammed Hussein Tantawi")
    assert compatible_people("Mohamad Tantawi", "Mohammed Hussein Tantawi")
    assert not compatible_people("Hussein Tantawi", "Mohamad Tantawi")


def test_clusters_refuse_different_ordinals_and_countries() -> None:
    clusters = Clusters()
    for form in ("Fourth Division", "Fifth Division", "US CDC", "Korea CDC", "CDC"):
        clusters.add(form, traits(form, person=False))
    assert not clusters.join("Fourth Division", "Fifth Division")
    assert clusters.join("CDC", "US CDC")
    assert not clusters.join("Korea CDC", "CDC")


def test_merge_actors_joins_titled_name_variants_and_drops_time_zones() -> None:
    first = _article(
        "a",
        "Egypt's defense minister, Gen. Mohamad Tantawi, spoke at 1400 BST.",
        {"Mohamad Tantawi": "PERSON", "BST": "ORG"},
    )
    second = _article(
        "b",
        "A council led by Defense Minister Field Marshal Mohammed Hussein Tantawi met.",
        {"Defense Minister Field Marshal Mohammed Hussein Tantawi": "PERSON"},
    )
    third = _article("c", "Hussein Tantawi heads the council. Tantawi spoke.", {
        "Hussein Tantawi": "PERSON", "Tantawi": "PERSON"})  # fmt: skip
    actors = merge_actors([first, second, third])
    assert [actor.name for actor in actors] == ["Mohammed Hussein Tantawi"]
    assert set(actors[0].aliases) == {"Mohamad Tantawi", "Hussein Tantawi", "Tantawi"}
