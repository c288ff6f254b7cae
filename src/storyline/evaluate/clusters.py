"""Score storyline briefs against the hand-written dev-cluster gold (shared/data/clusters).

The checks are those of the data set's README: every check is pass/fail and a cluster's
result is "P/T passed", per family and in total, in three parts (``clean``, ``analyze``,
``all``).

Usage: storyline evaluate clusters DIR [--part clean|analyze|all] [--brief FILE] [--json]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storyline.evaluate import _cluster_checks as checks
from storyline.evaluate._cache import cache_path, cached
from storyline.evaluate._cluster_checks import Brief, Check

# Which gold fields each part scores (README "How it is scored").
PARTS = ("clean", "analyze", "all")
CLEAN_FAMILIES = ("articles", "must_remove", "must_keep", "must_not_repeat", "syndication")
ANALYZE_FAMILIES = (*CLEAN_FAMILIES, "places", "aliases", "figures_single")
ALL_FAMILIES = (
    *ANALYZE_FAMILIES,
    "figure_groups",
    "figure_status",
    "must_not_group",
    "timeline",
    "summary",
    "citations",
)
FAMILIES = {"clean": CLEAN_FAMILIES, "analyze": ANALYZE_FAMILIES, "all": ALL_FAMILIES}

_CHECKS: dict[str, Callable[[Any, Brief], list[Check]]] = {
    "articles": checks.check_articles,
    "must_remove": checks.check_must_remove,
    "must_keep": checks.check_must_keep,
    "must_not_repeat": checks.check_must_not_repeat,
    "syndication": checks.check_syndication,
    "places": checks.check_places,
    "aliases": checks.check_aliases,
    "figures_single": checks.check_figures_single,
    "figure_groups": checks.check_figure_groups,
    "must_not_group": checks.check_must_not_group,
    "timeline": checks.check_timeline,
    "summary_must_mention_any": checks.check_summary,
}


def score_brief(gold: dict[str, Any], brief: Brief, *, part: str = "all") -> dict[str, Any]:
    """Score one brief dict against one gold dict; per family and total, with the failures."""
    results = [
        c for field, run in _CHECKS.items() if field in gold for c in run(gold[field], brief)
    ]
    results += checks.check_citations(brief)
    kept = [c for c in results if c.family in FAMILIES[part]]
    families = {
        family: {
            "passed": sum(c.passed for c in kept if c.family == family),
            "total": sum(1 for c in kept if c.family == family),
        }
        for family in FAMILIES[part]
    }
    return {
        "families": families,
        "passed": sum(c.passed for c in kept),
        "total": len(kept),
        "failures": [
            {"family": c.family, "check": c.name, "reason": c.reason} for c in kept if not c.passed
        ],
    }


def evaluate_clusters(
    data_dir: Path,
    *,
    part: str = "all",
    briefs: Sequence[Path] = (),
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Score every ``*.gold.json`` cluster of ``data_dir`` (or only those given a brief file)."""
    given = {_cluster_of(path, data_dir): path for path in briefs}
    result: dict[str, Any] = {"part": part, "clusters": {}}
    for gold_path in sorted(data_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        if given and name not in given:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if name in given:
            brief = json.loads(given[name].read_text(encoding="utf-8"))
        else:
            brief = cluster_brief(data_dir / f"{name}.jsonl", cache_dir=cache_dir)
        result["clusters"][name] = score_brief(gold, brief, part=part)
    return result


def _cluster_of(brief_path: Path, data_dir: Path) -> str:
    """The cluster a brief file belongs to: the gold name its file name starts with."""
    names = [p.name.removesuffix(".gold.json") for p in data_dir.glob("*.gold.json")]
    found = [n for n in names if brief_path.name.startswith(n)]
    if len(names) == 1:
        return names[0]
    if not found:
        raise ValueError(
            f"{brief_path}: name the brief file after its cluster ({', '.join(sorted(names))})"
        )
    return max(found, key=len)


def cluster_brief(jsonl: Path, *, cache_dir: Path | None = None) -> Brief:
    """Build the brief of one cluster's JSONL with the library API (cached when asked)."""
    cache = cache_path(cache_dir, jsonl, f"brief-{jsonl.stem}")
    return cached(cache, lambda: _build(jsonl))


def _build(jsonl: Path) -> Brief:
    from storyline.pipeline import build_brief

    built: Brief = build_brief([str(jsonl)]).brief.to_dict()
    return built


def render_table(result: dict[str, Any], *, failures: bool = False) -> str:
    """Render the result as one table per cluster (and the failing checks when asked)."""
    lines = [f"part: {result['part']}"]
    for name, scored in result["clusters"].items():
        lines.append(f"\n{name}")
        for family, counts in scored["families"].items():
            if counts["total"]:
                lines.append(f"  {family:<16} {counts['passed']:>4}/{counts['total']:<4}")
        lines.append(f"  {'total':<16} {scored['passed']:>4}/{scored['total']:<4}")
        if failures:
            lines += [
                f"  FAIL {f['family']}: {f['check']}: {f['reason']}" for f in scored["failures"]
            ]
    return "\n".join(lines) + "\n"
