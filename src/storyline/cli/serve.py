"""`storyline serve --db PATH`: serve the store's events, articles and JSON API over HTTP."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError
from storyline.settings import load_settings
from storyline.store import open_store


def add_parser(commands: Any) -> None:
    """Register the `serve` sub-command."""
    parser = commands.add_parser(
        "serve",
        help="serve the stored events as web pages and a JSON API",
        description="Serve a store's events, their briefs and articles in the browser, with a "
        "JSON API (/api/…, OpenAPI at /openapi.json). Nothing is loaded from other servers.",
    )
    parser.add_argument("--db", required=True, help="store: a SQLite file or postgresql:// URL")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument("--config", type=Path, help="TOML file of settings (see docs/settings.md)")
    parser.add_argument(
        "--get", metavar="PATH", help="answer one request in-process, print it and exit"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted, or answer the one --get request; return the exit code."""
    try:
        from storyline.web import create_app
    except ImportError as e:
        raise ConfigError(
            f"the web app cannot be loaded ({e}); its packages are storyline's own "
            "dependencies: reinstall them with `pip install storyline` (in a clone: "
            "`bash scripts/install`)"
        ) from e
    with open_store(args.db) as store:  # fail now, naming the fix, if it cannot be read
        store.check()
    app = create_app(args.db, load_settings(config_file=args.config))
    if args.get:
        return _get(app, args.get)
    import uvicorn

    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _get(app: Any, path: str) -> int:
    """Print the body of one GET through the app; return 1 for an error status."""
    import httpx

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://storyline") as client:
            return await client.get(path)

    response = asyncio.run(fetch())
    sys.stdout.write(response.text)
    return 0 if response.status_code < 400 else 1
