"""Corroborate: which sources are independent, and which figures count the same thing."""

from __future__ import annotations

from storyline.corroborate.figures import group_figures
from storyline.corroborate.sources import count_sources, source_keys

__all__ = ["count_sources", "group_figures", "source_keys"]
