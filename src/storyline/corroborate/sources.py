"""Which articles are independent sources.

Copies of one wire story (``same_story_as``) are one source, and so are the
articles of one outlet: a second wire story repeating the same wire's figure does
not corroborate it. Articles with no known outlet and no copies stand alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.model import CleanArticle


def source_keys(articles: Sequence[CleanArticle]) -> dict[str, str]:
    """Map each article id to the key of its independent source (shared by its copies)."""
    parent = {clean.id: clean.id for clean in articles}
    by_outlet: dict[str, str] = {}
    for clean in articles:
        for copy in clean.same_story_as:
            if copy in parent:
                _join(parent, clean.id, copy)
        if clean.outlet:
            outlet = clean.outlet.casefold().strip()
            _join(parent, clean.id, by_outlet.setdefault(outlet, clean.id))
    return {aid: _root(parent, aid) for aid in parent}


def count_sources(article_ids: Sequence[str], keys: dict[str, str]) -> int:
    """Number of independent sources among ``article_ids``."""
    return len({keys.get(aid, aid) for aid in article_ids})


def _root(parent: dict[str, str], node: str) -> str:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _join(parent: dict[str, str], first: str, second: str) -> None:
    a, b = _root(parent, first), _root(parent, second)
    if a != b:
        parent[max(a, b)] = min(a, b)
