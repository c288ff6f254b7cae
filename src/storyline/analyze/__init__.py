"""Analyze cleaned articles: sentences, entities, dates, places, figures, acronyms."""

from __future__ import annotations

from typing import Any

__all__ = ["analyze"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `storyline.analyze.names` and the other analyzer
    # modules load without pulling in every analyzer (and spaCy's model) at once.
    if name == "analyze":
        from storyline.analyze._analyze import analyze

        return analyze
    raise AttributeError(f"module 'storyline.analyze' has no attribute {name!r}")
