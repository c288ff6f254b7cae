"""Resolve place mentions to coordinates, one article at a time.

Candidates in the countries an article is about win, then the most populous. What the text names
beside a place ("Venice, Louisiana") constrains it, or is where an unknown place falls back to.
With no evidence the point stays unset: a missing point is better than a wrong one. Merging the
places of an event's articles is event-level: see :mod:`storyline.corroborate.places`.

Modules: ``_mentions`` (what an entity names), ``_candidates`` (gazetteer entries it may be),
``_context`` (the countries the article is about), ``_disambiguate`` (choosing one),
``_areas`` (the enclosing areas the text states, and falling back to them), ``_resolve``.
"""

from __future__ import annotations

from storyline.analyze.places._mentions import PLACE_LABELS, merge_key
from storyline.analyze.places._resolution import PRECISION_RANK
from storyline.analyze.places._resolve import resolve_places

__all__ = ["PLACE_LABELS", "PRECISION_RANK", "merge_key", "resolve_places"]
