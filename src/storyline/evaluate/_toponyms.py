"""Score toponym resolution: pair gold and predicted spans, then measure their distances.

The convention of the places data set (see its PROVENANCE.md), as in the CamCoder code of
Gritta, Pilehvar & Collier, "Which Melbourne? Augmenting Geocoding with Maps", ACL 2018
(https://github.com/milangritta/Geocoding-with-Map-Vector): gold and predicted spans pair
one-to-one by largest character overlap; the error of a pair is the great-circle distance
between their points; acc@161 is the share of errors under 161 km (100 miles); the AUC is
the area under the sorted log(1 + error) curve over log(20039) · (n − 1) (lower is better).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# 100 miles: the published threshold of a right answer.
ACCURACY_KM = 161.0
# Half the Earth's circumference: the largest possible error, the AUC's scale.
MAX_ERROR_KM = 20039.0
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Toponym:
    """A span of an article's text with the point it names (None: found but not placed)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Tally:
    """What one system got on a set of articles: span counts and the errors of pairs."""

    gold: int = 0
    predicted: int = 0
    paired: int = 0
    errors: list[float] | None = None

    def add(self, gold: Sequence[Toponym], predicted: Sequence[Toponym]) -> None:
        """Pair one article's toponyms and add their counts and errors."""
        placed = [p for p in predicted if p.lat is not None and p.lon is not None]
        pairs = pair_by_overlap(gold, placed)
        self.gold += len(gold)
        self.predicted += len(placed)
        self.paired += len(pairs)
        self.errors = (self.errors or []) + [distance_km(g, p) for g, p in pairs]

    def scores(self) -> dict[str, Any]:
        """Return precision, recall, acc@161 (of found and of all gold), errors and AUC."""
        errors = sorted(self.errors or [])
        within = sum(error < ACCURACY_KM for error in errors)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "found": self.paired,
            "precision": _share(self.paired, self.predicted),
            "recall": _share(self.paired, self.gold),
            "acc161_found": _share(within, len(errors)),
            "acc161_all": _share(within, self.gold),
            "mean_km": round(statistics.fmean(errors), 1) if errors else None,
            "median_km": round(statistics.median(errors), 1) if errors else None,
            "auc": round(auc(errors), 3) if len(errors) > 1 else None,
        }


def pair_by_overlap(
    gold: Sequence[Toponym], predicted: Sequence[Toponym]
) -> list[tuple[Toponym, Toponym]]:
    """Pair gold and predicted spans one-to-one, largest character overlap first."""
    overlaps = [
        (min(g.end, p.end) - max(g.start, p.start), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if min(g.end, p.end) > max(g.start, p.start)
    ]
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(overlaps, key=lambda o: (-o[0], o[1], o[2])):
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def distance_km(a: Toponym, b: Toponym) -> float:
    """Return the great-circle (haversine) distance between two placed toponyms."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        raise ValueError("both toponyms need a point to measure their distance")
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def auc(errors: Iterable[float]) -> float:
    """Return the normalised area under the sorted log-error curve (trapezoid rule)."""
    logs = [math.log(error + 1) for error in sorted(errors)]
    area = sum((left + right) / 2 for left, right in itertools.pairwise(logs))
    return area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))


def _share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None
