"""Render a Brief as JSON (the storyline.brief/1 contract) or Markdown, and validate it."""

from __future__ import annotations

from storyline.report._json import render_json, validate_brief
from storyline.report._markdown import render_markdown

FORMATS = ("json", "md")

__all__ = ["FORMATS", "render", "render_json", "render_markdown", "validate_brief"]


def render(brief: object, fmt: str) -> str:
    """Render ``brief`` in ``fmt`` ("json" or "md")."""
    from storyline.model import Brief

    if not isinstance(brief, Brief):
        raise TypeError(f"render() needs a Brief, got {type(brief).__name__}")
    return render_json(brief) if fmt == "json" else render_markdown(brief)
