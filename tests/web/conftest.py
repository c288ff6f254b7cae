"""Shared fixtures: a real SQLite store holding the seed event and an XSS probe, a live server."""

from __future__ import annotations

import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from storyline.ingest import read, read_bytes
from storyline.model import Brief
from storyline.settings import Settings
from storyline.store import ingest, open_store
from storyline.web import create_app
from tests.conftest import EXAMPLES

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx`")  # starlette asks for httpx2
    from fastapi.testclient import TestClient

SERVER_START_SECONDS = 20.0
# An invented article whose text, title, outlet and URL carry script and markup payloads;
# each payload that ran would set window.__pwned.
XSS_TEXT = (
    "Flood waters rose across the river delta on Tuesday, officials said. "
    "<script>window.__pwned=1;alert('xss')</script> "
    "At least 120 people were evacuated from the town of Kassala, the regional governor said. "
    '<img src=x onerror="window.__pwned=2;alert(2)"> '
    "Rescue teams reached the villages by boat on Wednesday. "
    'Residents shared a link <a href="javascript:window.__pwned=3">click here</a> showing damage. '
    '"><svg onload=window.__pwned=4> The government said 3,000 homes had been damaged by the flood.'
)
XSS_RECORD = {
    "id": "xss-probe",
    "title": '"><svg onload=window.__pwned=5>Flood <script>window.__pwned=6</script>',
    "outlet": "<b onmouseover=window.__pwned=7>Outlet</b>",
    "url": "javascript:window.__pwned=8",
    "published": "2024-08-06",
    "text": XSS_TEXT,
}


# A second record whose id needs quoting in a URL path (slash, question mark, hash, space).
ODD_ID = "wire/2024 flood?part=2#b"
ODD_RECORD = {
    "id": ODD_ID,
    "title": "Flood relief",
    "published": "2024-08-07",
    "text": "Relief convoys reached Kassala on Wednesday, the regional governor said. "
    "Aid workers said 3,000 homes had been damaged by the flood.",
}


@dataclass(frozen=True, slots=True)
class Seeded:
    """The store file and the events in it."""

    path: Path
    seed_event: str
    xss_event: str
    seed_brief: Brief


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """Ingest the five seed articles and the XSS probe into a real SQLite store, once."""
    path = tmp_path_factory.mktemp("store") / "web.db"
    settings = Settings()
    lines = "".join(json.dumps(record) + "\n" for record in (XSS_RECORD, ODD_RECORD))
    probe = read_bytes(lines.encode(), "probe.jsonl", settings=settings)
    with open_store(str(path)) as store:
        seed = ingest(store, read([str(EXAMPLES)]).articles, settings=settings)
        xss = ingest(store, probe.articles, settings=settings, title="Flood <script>x</script>")
        brief = store.brief(seed.event)
    if brief is None:
        pytest.fail("the store kept no brief for the seed event")
    return Seeded(path, seed.event, xss.event, brief)


@pytest.fixture(scope="session")
def app(seeded: Seeded) -> FastAPI:
    return create_app(str(seeded.path), Settings())


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve the app with uvicorn in a thread on a free localhost port."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_job(client: TestClient, url: str, *, seconds: float = 60.0) -> dict[str, object]:
    """Poll a job until it is done or failed; return its last state."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job: dict[str, object] = client.get(url).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    pytest.fail(f"job {url} did not finish in {seconds:.0f} s")
