"""The checks of the dev-cluster gold (shared/data/clusters/README.md), one function a family.

Each check takes the gold field and the brief (a storyline.brief/1 dict) and returns
``Check``s: one pass/fail each, with a short reason when it fails.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Brief = dict[str, Any]
# README: a figure value matches when abs(value - gold) < 0.5.
VALUE_TOLERANCE = 0.5
EARTH_RADIUS_KM = 6371.0
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True, slots=True)
class Check:
    """One pass/fail check of one family, with what failed and why."""

    family: str
    name: str
    passed: bool
    reason: str = ""


def norm(text: str) -> str:
    """Straighten curly quotes, collapse whitespace, lower-case."""
    return " ".join(text.translate(_QUOTES).split()).lower()


def same_id(gold_id: str, brief_id: str) -> bool:
    """A gold article key matches a brief article when one id contains the other."""
    return gold_id in brief_id or brief_id in gold_id


def _joined_text(brief: Brief) -> str:
    return " ".join(norm(a.get("text", "")) for a in brief.get("articles", []))


def check_articles(gold: dict[str, Any], brief: Brief) -> list[Check]:
    """Every gold article is in the brief; each brief article's date lies in its range."""
    ids = [a["id"] for a in brief.get("articles", [])]
    missing = [g for g in gold if not any(same_id(g, b) for b in ids)]
    checks = [Check("articles", "all present", not missing, f"missing {missing}")]
    for article in brief.get("articles", []):
        key = next((g for g in gold if same_id(g, article["id"])), None)
        low, high = gold[key]["published_range"] if key else ("?", "?")
        published = article.get("published") or ""
        passed = key is not None and low <= published[:10] <= high and len(published) == 10
        reason = f"published {published or None}, gold {low}..{high}"
        checks.append(Check("articles", f"published {article['id']}", passed, reason))
    return checks


def check_must_remove(gold: list[str], brief: Brief) -> list[Check]:
    """Each string is gone from the cleaned texts."""
    text = _joined_text(brief)
    return [Check("must_remove", s, norm(s) not in text, "still in the text") for s in gold]


def check_must_keep(gold: list[str], brief: Brief) -> list[Check]:
    """Each string is still in the cleaned texts."""
    text = _joined_text(brief)
    return [Check("must_keep", s, norm(s) in text, "removed from the text") for s in gold]


def check_must_not_repeat(gold: list[str], brief: Brief) -> list[Check]:
    """Each string occurs at most once in the cleaned texts."""
    text = _joined_text(brief)
    counts = {s: text.count(norm(s)) for s in gold}
    return [Check("must_not_repeat", s, n <= 1, f"occurs {n} times") for s, n in counts.items()]


def check_syndication(gold: dict[str, Any], brief: Brief) -> list[Check]:
    """The first copy links the second, or both carry the wire as outlet."""
    pair = gold.get("same_wire") or []
    if not pair:
        return []
    first = _article(brief, pair[0])
    second = _article(brief, pair[1])
    if first is None or second is None:
        return [Check("syndication", " ~ ".join(pair), False, "an article is missing")]
    linked = any(same_id(pair[1], other) for other in first.get("same_story_as", []))
    wire = norm(gold.get("wire") or "")
    outlets = {norm(first.get("outlet") or ""), norm(second.get("outlet") or "")}
    passed = linked or (bool(wire) and outlets == {wire})
    reason = f"same_story_as {first.get('same_story_as')}, outlets {sorted(outlets)}"
    return [Check("syndication", " ~ ".join(pair), passed, reason)]


def _article(brief: Brief, gold_id: str) -> dict[str, Any] | None:
    return next((a for a in brief.get("articles", []) if same_id(gold_id, a["id"])), None)


def _carries(record: dict[str, Any], names: list[str]) -> bool:
    wanted = {norm(n) for n in names}
    own = [record.get("name") or "", *record.get("aliases", [])]
    return any(norm(n) in wanted for n in own)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def check_places(gold: list[dict[str, Any]], brief: Brief) -> list[Check]:
    """The first place carrying one of the names lies within km of the gold point."""
    checks = []
    for place in gold:
        name = place["names"][0]
        found = next((p for p in brief.get("places", []) if _carries(p, place["names"])), None)
        if found is None or found.get("lat") is None or found.get("lon") is None:
            checks.append(Check("places", name, False, f"no place named {place['names']}"))
            continue
        km = haversine_km(place["lat"], place["lon"], found["lat"], found["lon"])
        reason = f"{found['name']} ({found.get('country')}) at {found['lat']},{found['lon']}: "
        checks.append(Check("places", name, km <= place["km"], reason + f"{km:.0f} km off"))
    return checks


def check_aliases(gold: list[list[str]], brief: Brief) -> list[Check]:
    """Exactly one place or actor record carries any of the names."""
    records = [*brief.get("places", []), *brief.get("actors", [])]
    checks = []
    for names in gold:
        holders = [r.get("name") for r in records if _carries(r, names)]
        reason = f"{len(holders)} records: {holders}"
        checks.append(Check("aliases", " / ".join(names), len(holders) == 1, reason))
    return checks


def _values(brief: Brief) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """Yield (group index, group, value) over the brief's figures in order."""
    for index, group in enumerate(brief.get("figures", [])):
        for value in group.get("values", []):
            yield index, group, value


def _matches(value: dict[str, Any], gold_value: float, gold_id: str) -> bool:
    cited = value.get("citation", {}).get("article", "")
    return abs(float(value["value"]) - gold_value) < VALUE_TOLERANCE and same_id(gold_id, cited)


def first_group(brief: Brief, gold_value: float, gold_id: str) -> int | None:
    """Index of the first figure group holding the value cited to that article."""
    return next((i for i, _, v in _values(brief) if _matches(v, gold_value, gold_id)), None)


def check_figures_single(gold: list[list[Any]], brief: Brief) -> list[Check]:
    """Some figure value has the value and cites the article."""
    checks = []
    for gold_value, gold_id in gold:
        passed = first_group(brief, gold_value, gold_id) is not None
        name = f"{gold_value:g} in {gold_id}"
        checks.append(Check("figures_single", name, passed, "no such value cited there"))
    return checks


def check_figure_groups(gold: list[dict[str, Any]], brief: Brief) -> list[Check]:
    """Group check (all gold values in one first group) and status check, per gold group."""
    figures = brief.get("figures", [])
    checks = []
    for group in gold:
        found = [(v, g, first_group(brief, v, g)) for v, g in group["values"]]
        indexes = {i for _, _, i in found}
        missing = [f"{v:g}@{g[-12:]}" for v, g, i in found if i is None]
        placed = [f"{v:g}@{g[-12:]}->G{i}" for v, g, i in found if i is not None]
        passed = len(indexes) == 1 and None not in indexes
        reason = f"missing {missing}; " if missing else ""
        labels = {f"G{i}": figures[i]["label"] for i in sorted(x for x in indexes if x is not None)}
        checks.append(Check("figure_groups", group["name"], passed, reason + f"{placed} {labels}"))
        checks.append(_status_check(group, figures, indexes.pop() if passed else None))
    return checks


def _status_check(group: dict[str, Any], figures: list[Any], index: int | None) -> Check:
    """The status of the one group holding every gold value contains an expected status.

    When the values are split over groups (or one is missing) there is no such group and
    the status check fails too; this reproduces the README's baseline totals.
    """
    status = "" if index is None else str(figures[index].get("status", ""))
    passed = any(want in status for want in group["expected_status_any"])
    where = "values not in one group" if index is None else f"G{index} status {status}"
    reason = f"{where}, want {group['expected_status_any']}"
    return Check("figure_status", group["name"], passed, reason)


def check_must_not_group(gold: list[list[list[Any]]], brief: Brief) -> list[Check]:
    """The two values are not found in the same figure group."""
    checks = []
    for (v1, id1), (v2, id2) in gold:
        groups1 = {i for i, _, v in _values(brief) if _matches(v, v1, id1)}
        groups2 = {i for i, _, v in _values(brief) if _matches(v, v2, id2)}
        shared = sorted(groups1 & groups2)
        name = f"{v1:g}@{id1} / {v2:g}@{id2}"
        labels = [brief["figures"][i]["label"] for i in shared]
        checks.append(Check("must_not_group", name, not shared, f"both in {labels}"))
    return checks


def parse_partial(text: str) -> dt.date | None:
    """A DATE of the contract as a day: "YYYY-MM" is the 15th, "YYYY" is 15 July."""
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 7, 15)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 15)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def check_timeline(gold: list[dict[str, Any]], brief: Brief) -> list[Check]:
    """Some entry within tolerance of the date holds one of the keywords."""
    entries = [(parse_partial(e.get("date") or ""), e.get("text", "")) for e in brief["timeline"]]
    checks = []
    for event in gold:
        day = dt.date.fromisoformat(event["date"])
        near = [t for d, t in entries if d and abs((d - day).days) <= event["tolerance_days"]]
        words = [k.lower() for k in event["keywords_any"]]
        passed = any(w in t.lower() for t in near for w in words)
        reason = f"{len(near)} entries near the date, none with {event['keywords_any']}"
        checks.append(Check("timeline", event["date"], passed, reason))
    return checks


def check_summary(gold: list[list[str]], brief: Brief) -> list[Check]:
    """Headline plus summary mention one of the alternatives as a whole word."""
    headline = (brief.get("event", {}).get("headline") or {}).get("text", "")
    text = " ".join([headline, *(s.get("text", "") for s in brief.get("summary", []))])
    checks = []
    for alternatives in gold:
        passed = any(re.search(rf"\b{re.escape(a)}\b", text) for a in alternatives)
        checks.append(Check("summary", "/".join(alternatives), passed, "not in headline+summary"))
    return checks


def check_citations(brief: Brief) -> list[Check]:
    """Every summary, timeline and figure citation lies in its article; figure text in span."""
    texts = {a["id"]: a.get("text", "") for a in brief.get("articles", [])}
    bad = [f"{w}: {c}" for w, c in _citations(brief) if not _inside(c, texts)]
    for _, _, value in _values(brief):
        cite = value.get("citation", {})
        span = texts.get(cite.get("article"), "")[cite.get("start", 0) : cite.get("end", 0)]
        if value.get("text", "") not in span:
            bad.append(f"figure text {value.get('text')!r} not in {span!r}")
    return [Check("citations", "all valid", not bad, "; ".join(bad[:5]))]


def _citations(brief: Brief) -> Iterator[tuple[str, dict[str, Any]]]:
    for line in brief.get("summary", []):
        yield from (("summary", c) for c in line.get("citations", []))
    for line in brief.get("timeline", []):
        yield from (("timeline", c) for c in line.get("citations", []))
    for _, _, value in _values(brief):
        yield "figure", value.get("citation", {})


def _inside(cite: dict[str, Any], texts: dict[str, str]) -> bool:
    text = texts.get(cite.get("article", ""))
    return text is not None and 0 <= cite.get("start", -1) <= cite.get("end", -1) <= len(text)
