"""Corroborate: which sources are independent, which figures count the same thing, who acts."""

from __future__ import annotations

from storyline.corroborate.actors import merge_actors
from storyline.corroborate.figures import group_figures
from storyline.corroborate.sources import count_sources, source_keys

__all__ = ["count_sources", "group_figures", "merge_actors", "source_keys"]
