"""What the clusterer reads of an article: hashed terms, names and a day.

Terms are hashed with scikit-learn's ``HashingVectorizer`` (no vocabulary to grow, so
memory stays bounded on an endless stream); names are the entity mentions and resolved
places the analyze stage found, folded to one key per name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from sklearn.feature_extraction.text import HashingVectorizer

from storyline.model import AnalyzedArticle, Mention, PartialDate

# Hash buckets for terms: 2**20 keeps collisions rare for a news vocabulary.
TERM_BUCKETS = 2**20
# spaCy labels of names that say who acted and where; dates and numbers are not names.
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT"})
# A possessive ending or a leading article is not part of the name ("the Pentagon's").
_NAME_EDGES = re.compile(r"^(?:the|a|an)\s+|(?:'s|’s|'|’)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """An article as the clusterer sees it."""

    id: str
    terms: dict[int, int]  # hashed term bucket -> count in title and text
    names: dict[str, int]  # folded name -> mentions
    day: int | None  # publication date as a day ordinal, when known
    published: PartialDate | None = None


def features_of(analyzed: AnalyzedArticle) -> ArticleFeatures:
    """Read the clusterer's features from an analysed article."""
    clean = analyzed.clean
    text = f"{clean.title}\n{clean.text}" if clean.title else clean.text
    names = [m.text for m in analyzed.entities if m.label in NAME_LABELS]
    names.extend(place.name for place in analyzed.places)
    return features_from(clean.id, text, names=names, published=clean.published)


def features_from(
    article_id: str,
    text: str,
    *,
    names: list[str] | tuple[str, ...] = (),
    published: PartialDate | None = None,
) -> ArticleFeatures:
    """Build features from a text, the names found in it and its publication date."""
    keys = Counter(key for key in (name_key(name) for name in names) if key)
    day = published.to_date().toordinal() if published is not None else None
    return ArticleFeatures(article_id, hashed_terms(text), dict(keys), day, published)


def names_of(mentions: tuple[Mention, ...] | list[Mention]) -> list[str]:
    """Return the texts of the mentions that are names of actors or places."""
    return [m.text for m in mentions if m.label in NAME_LABELS]


def hashed_terms(text: str) -> dict[int, int]:
    """Count the text's content words by hash bucket."""
    row = _vectorizer().transform([text])
    return {int(col): int(count) for col, count in zip(row.indices, row.data, strict=True)}


def name_key(name: str) -> str:
    """Fold a name to its index key: accents, case, spacing and edges dropped."""
    folded = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return _NAME_EDGES.sub("", _SPACES.sub(" ", plain).strip()).strip()


@cache
def _vectorizer() -> HashingVectorizer:
    # Raw counts (no norm, no sign flipping): the clusterer weights them by its own
    # running document frequencies, which also make function words weigh little in
    # any language (no stop-word list).
    return HashingVectorizer(
        n_features=TERM_BUCKETS,
        alternate_sign=False,
        norm=None,
        dtype=float,
    )
