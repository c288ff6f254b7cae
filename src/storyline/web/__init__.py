"""The web app (`storyline serve`): event pages, article pages and a JSON API over a store."""

from __future__ import annotations

from storyline.web._app import create_app

__all__ = ["create_app"]
