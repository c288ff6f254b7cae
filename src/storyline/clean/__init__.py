"""Clean articles: main text only, with what was removed and why."""

from __future__ import annotations

from storyline.clean._clean import clean, link_copies

__all__ = ["clean", "link_copies"]
