"""Score temporal expressions (TIMEX3) against gold, TempEval-3 style on characters.

Convention (../shared/data/dates/PROVENANCE.md): gold and predicted spans are paired one
to one by largest character overlap; strict P/R/F1 counts pairs with identical spans,
relaxed P/R/F1 any pair, value F1 the relaxed pairs whose value strings are identical
(UzZaman et al., SemEval-2013 Task 1, https://aclanthology.org/S13-2001/, which pairs
by tokens). Type accuracy over the pairs when the system gives types. For storyline's
own use: recall of DATE timexes, and value accuracy on the paired DATE timexes and on
those whose gold value is a calendar date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# A TimeML value a storyline date can express: YYYY, YYYY-MM or YYYY-MM-DD.
CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Scores are printed as percentages with one decimal.
PERCENT_DIGITS = 1


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression: character span, normalised value and (optionally) type."""

    start: int
    end: int
    value: str
    type: str | None = None
    text: str = ""


def pair_timexes(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """Pair gold and predicted timexes one to one, largest character overlap first."""
    candidates = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((-overlap, g_index, p_index))
    pairs, used_gold, used_pred = [], set(), set()
    for _, g_index, p_index in sorted(candidates):
        if g_index not in used_gold and p_index not in used_pred:
            used_gold.add(g_index)
            used_pred.add(p_index)
            pairs.append((gold[g_index], predicted[p_index]))
    return sorted(pairs, key=lambda pair: pair[0].start)


@dataclass(slots=True)
class TimexTally:
    """Counts over documents, turned into the convention's scores by ``scores()``."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    typed: int = 0  # pairs whose prediction has a type
    type_right: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # the DATE and calendar counts

    def add(self, gold: Sequence[Timex], predicted: Sequence[Timex]) -> None:
        """Count one document's gold and predictions."""
        pairs = pair_timexes(gold, predicted)
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.relaxed += len(pairs)
        self.strict += sum((g.start, g.end) == (p.start, p.end) for g, p in pairs)
        self.value += sum(g.value == p.value for g, p in pairs)
        self.typed += sum(p.type is not None for _, p in pairs)
        self.type_right += sum(p.type is not None and p.type == g.type for g, p in pairs)
        self._add_dates(gold, pairs)

    def _add_dates(self, gold: Sequence[Timex], pairs: Sequence[tuple[Timex, Timex]]) -> None:
        """Count the DATE timexes found and rightly valued, all and calendar ones."""
        for g in gold:
            if g.type == "DATE":
                self._bump("date_gold")
                self._bump("calendar_gold", bool(CALENDAR_VALUE.match(g.value)))
        for g, p in pairs:
            if g.type != "DATE":
                continue
            calendar = bool(CALENDAR_VALUE.match(g.value))
            self._bump("date_found")
            self._bump("date_right", g.value == p.value)
            self._bump("calendar_found", calendar)
            self._bump("calendar_right", calendar and g.value == p.value)

    def _bump(self, key: str, when: bool = True) -> None:
        self.counts[key] = self.counts.get(key, 0) + int(when)

    def scores(self) -> dict[str, Any]:
        """Return the convention's scores, in percent, with the counts behind them."""
        count = self.counts.get
        found = {
            "strict": _prf(self.strict, self.predicted, self.gold),
            "relaxed": _prf(self.relaxed, self.predicted, self.gold),
            "value": _prf(self.value, self.predicted, self.gold),
            "type_accuracy": _percent(self.type_right, self.typed),
            "date_recall": _percent(count("date_found", 0), count("date_gold", 0)),
            "date_value_accuracy": _percent(count("date_right", 0), count("date_found", 0)),
            "calendar_recall": _percent(count("calendar_found", 0), count("calendar_gold", 0)),
            "calendar_value_accuracy": _percent(
                count("calendar_right", 0), count("calendar_found", 0)
            ),
        }
        return found | {"gold": self.gold, "predicted": self.predicted, "counts": self.counts}


def _prf(right: int, predicted: int, gold: int) -> dict[str, float | None]:
    precision, recall = _ratio(right, predicted), _ratio(right, gold)
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": _round(precision), "r": _round(recall), "f1": _round(f1)}


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _percent(part: int, whole: int) -> float | None:
    return _round(_ratio(part, whole))


def _round(ratio: float | None) -> float | None:
    return None if ratio is None else round(100 * ratio, PERCENT_DIGITS)
