"""Timeline: dated, cited entries ranked by how many independent sources mention their date."""

from __future__ import annotations

from storyline.timeline._build import build

__all__ = ["build"]
