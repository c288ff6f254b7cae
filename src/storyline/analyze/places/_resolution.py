"""What a mention resolved to, and how sure that is."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.analyze.gazetteer import GazetteerEntry

# How sure a resolution is: stated beside the mention > inferred from context > none.
EVIDENCE_NONE, EVIDENCE_CONTEXT, EVIDENCE_STATED = 0, 1, 2


PRECISION_RANK = {"unknown": 0, "country": 1, "admin": 2, "city": 3}


@dataclass(frozen=True, slots=True)
class Resolution:
    name: str | None = None  # None: the mention's own text
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: str = "unknown"
    via: str | None = None
    evidence: int = EVIDENCE_NONE


def resolution_at(entry: GazetteerEntry, evidence: int) -> Resolution:
    return Resolution(entry.name, entry.lat, entry.lon, entry.country, entry.kind, None, evidence)
