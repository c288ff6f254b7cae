"""Check a brief: schema, citation offsets, and that every cited span holds its claim.

Run as ``storyline check BRIEF.json`` (or ``python -m storyline.report.check``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.report._json import validate_brief


def check_brief(data: dict[str, Any]) -> list[str]:
    """Return every problem found in a brief (empty when every line is supported)."""
    problems = validate_brief(data)
    if problems:
        return problems
    texts = {article["id"]: article["text"] for article in data["articles"]}
    return list(_citation_problems(data, texts))


class _Problem(Exception):
    """A citation that points nowhere; raised by _cited and turned into one message."""


def _citation_problems(data: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    checks = (
        _line_problems(data, texts, "headline"),
        _line_problems(data, texts, "summary"),
        _line_problems(data, texts, "timeline"),
        _figure_problems(data, texts),
        _mention_problems(data, texts, "places"),
        _mention_problems(data, texts, "actors"),
    )
    for problems in checks:
        yield from problems


def _line_problems(data: dict[str, Any], texts: dict[str, str], kind: str) -> Iterator[str]:
    lines = data[kind] if kind != "headline" else [data["event"].get("headline")]
    for n, line in enumerate(lines):
        if line is None:
            continue
        try:
            spans = [_cited(texts, cite) for cite in line["citations"]]
        except _Problem as e:
            yield f"{kind}[{n}]: {e}"
            continue
        if _squash(line["text"]) not in " ".join(_squash(span) for span in spans):
            yield f"{kind}[{n}]: text is not in its cited spans: {line['text'][:80]!r}"


def _figure_problems(data: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    for n, group in enumerate(data["figures"]):
        for m, value in enumerate(group["values"]):
            where = f"figures[{n}].values[{m}]"
            try:
                span = _cited(texts, value["citation"])
            except _Problem as e:
                yield f"{where}: {e}"
                continue
            if _squash(value["text"]) not in _squash(span):
                yield f"{where}: {value['text']!r} is not in its cited span {span!r}"


def _mention_problems(data: dict[str, Any], texts: dict[str, str], kind: str) -> Iterator[str]:
    for n, item in enumerate(data[kind]):
        for cite in item.get("citations", ()):
            try:
                _cited(texts, cite)
            except _Problem as e:
                yield f"{kind}[{n}]: {e}"


def _cited(texts: dict[str, str], cite: dict[str, Any]) -> str:
    """The cited text; raises _Problem when the citation points outside every article."""
    text = texts.get(cite["article"])
    if text is None:
        raise _Problem(f"cites unknown article {cite['article']!r}")
    if not 0 <= cite["start"] <= cite["end"] <= len(text):
        raise _Problem(
            f"offsets {cite['start']}..{cite['end']} outside article {cite['article']!r} "
            f"({len(text)} characters)"
        )
    return text[cite["start"] : cite["end"]]


def _squash(text: str) -> str:
    return " ".join(text.split())


def check_file(path: Path) -> list[str]:
    """Load a brief from ``path`` and check it; unreadable files are one problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{path}: cannot read a JSON brief: {e}"]
    if not isinstance(data, dict):
        return [f"{path}: a brief is a JSON object"]
    return check_brief(data)


def main(argv: list[str] | None = None) -> int:
    """Check each brief file named; exit 1 when any problem is found."""
    paths = [Path(arg) for arg in (argv if argv is not None else sys.argv[1:])]
    problems = [f"{path}: {p}" for path in paths for p in check_file(path)]
    for problem in problems:
        sys.stderr.write(problem + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
