"""`storyline serve`: the arguments, and one request answered in-process with --get."""

from __future__ import annotations

import argparse
import json

import pytest

from storyline.cli import serve
from storyline.errors import StoreError
from tests.web.conftest import Seeded


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="storyline")
    serve.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_serve_cli_defaults() -> None:
    args = _parse(["serve", "--db", "events.db"])
    assert (args.db, args.host, args.port, args.get) == ("events.db", "127.0.0.1", 8000, None)


def test_serve_cli_get_prints_api_answer(
    seeded: Seeded, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse(["serve", "--db", str(seeded.path), "--get", "/api/events?q=Baghouz"])
    assert args.run(args) == 0
    ids = [e["id"] for e in json.loads(capsys.readouterr().out)]
    assert seeded.seed_event in ids and seeded.xss_event not in ids


def test_serve_cli_get_error_exits_1(seeded: Seeded, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse(["serve", "--db", str(seeded.path), "--get", "/api/events/nope"])
    assert args.run(args) == 1
    assert json.loads(capsys.readouterr().out)["error"]["status"] == 404


def test_serve_cli_bad_store_fails_before_serving() -> None:
    args = _parse(["serve", "--db", "mysql://nowhere/db"])
    with pytest.raises(StoreError, match="unknown store scheme"):
        args.run(args)
