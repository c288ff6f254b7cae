"""Clean articles: main text only, with what was removed and why."""

from __future__ import annotations

from storyline.clean._clean import clean

__all__ = ["clean"]
