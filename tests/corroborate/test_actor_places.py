from __future__ import annotations

import pytest

from storyline.model import Brief
from storyline.pipeline import build_brief
from tests.builders import assert_brief_checks
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    brief = build_brief([str(EXAMPLES)]).brief
    assert_brief_checks(brief)
    return brief


def test_actor_places_actor_aliases_are_not_places(seed_brief: Brief) -> None:
    names = {name for place in seed_brief.places for name in (place.name, *place.aliases)}
    assert not names & {"Isis", "ISIS", "Daesh", "IS"}
    assert {"Baghouz", "Mosul", "Syria"} <= names


def test_actor_places_villages_tagged_as_people_are_not_actors(seed_brief: Brief) -> None:
    names = {name for actor in seed_brief.actors for name in (actor.name, *actor.aliases)}
    assert not names & {"Tal Afar", "al-Qaim"}
    assert {"Islamic State", "Syrian Democratic Forces", "Mustafa Bali"} <= names
