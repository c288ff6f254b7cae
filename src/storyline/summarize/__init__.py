"""Summarize an event: a cited one-line headline and a short digest."""

from __future__ import annotations

from storyline.summarize._summarize import Summary, summarize

__all__ = ["Summary", "summarize"]
