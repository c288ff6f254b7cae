from __future__ import annotations

from storyline.clean import clean
from storyline.corroborate import count_sources, source_keys
from storyline.ingest import read
from storyline.model import CleanArticle
from tests.conftest import EXAMPLES


def test_sources_two_wire_stories_of_one_agency_are_one_source() -> None:
    cleaned = clean(read([str(EXAMPLES)]).articles)
    keys = source_keys(cleaned)
    ids = {c.id[:3]: c.id for c in cleaned}
    assert keys[ids["003"]] == keys[ids["004"]]
    assert count_sources(list(ids.values()), keys) == 4


def test_sources_copies_join_even_without_an_outlet() -> None:
    articles = [
        CleanArticle(id="a", text="x", same_story_as=("b",)),
        CleanArticle(id="b", text="x", same_story_as=("a",)),
        CleanArticle(id="c", text="y"),
    ]
    keys = source_keys(articles)
    assert keys["a"] == keys["b"] != keys["c"]
    assert count_sources(["a", "b", "c"], keys) == 2
    assert source_keys([]) == {}
