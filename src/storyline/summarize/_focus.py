"""The event's main place and main actor, which its headline should name.

A headline in the style of the Wikipedia Current Events Portal (the WCEP data set,
Ghalandari et al. 2020, https://aclanthology.org/2020.acl-main.120/) says what
happened, where and who: one sentence naming the main place and the main actor. The
main ones are those the most independent sources name (issue 10).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.model import AnalyzedArticle

# spaCy labels of a place and of an actor.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
# A name that only one independent source uses is not the event's main one.
MIN_SOURCES = 2


@dataclass(frozen=True, slots=True)
class Focus:
    """The names of the event's main place and main actor, when sources agree on one."""

    place: str | None = None
    actor: str | None = None

    def named_in(self, text: str) -> int:
        """Count how many of the main place and actor ``text`` names (0, 1 or 2)."""
        return sum(1 for name in (self.place, self.actor) if name and _names(text, name))


def find_focus(analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str]) -> Focus:
    """Find the place and the actor named by the most independent sources."""
    return Focus(
        place=_most_sourced(analyzed, keys, PLACE_LABELS),
        actor=_most_sourced(analyzed, keys, ACTOR_LABELS),
    )


def _most_sourced(
    analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str], labels: frozenset[str]
) -> str | None:
    """Return the entity name of ``labels`` that most independent sources mention."""
    sources: dict[str, set[str]] = {}
    mentions: dict[str, int] = {}
    for article in analyzed:
        source = keys.get(article.id, article.id)
        for mention in article.entities:
            if mention.label in labels:
                sources.setdefault(mention.text, set()).add(source)
                mentions[mention.text] = mentions.get(mention.text, 0) + 1
    ranked = sorted(sources, key=lambda name: (-len(sources[name]), -mentions[name], name))
    if not ranked or len(sources[ranked[0]]) < MIN_SOURCES:
        return None
    return ranked[0]


def _names(text: str, name: str) -> bool:
    """Tell whether ``text`` holds ``name`` as whole words."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
