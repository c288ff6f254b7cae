"""The `storyline` command: a thin layer over the library API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storyline.cli import brief as brief_command
from storyline.cli import check as check_command
from storyline.cli import evaluate as evaluate_command
from storyline.cli import ingest as ingest_command
from storyline.cli import serve as serve_command
from storyline.errors import StorylineError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-command per module."""
    parser = argparse.ArgumentParser(
        prog="storyline",
        description="Turn news articles about one event into a brief where every line is cited.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    brief_command.add_parser(commands)
    check_command.add_parser(commands)
    evaluate_command.add_parser(commands)
    ingest_command.add_parser(commands)
    serve_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 some inputs failed, 2 usage)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except StorylineError as e:
        print(f"storyline: error: {e}", file=sys.stderr)
        return EXIT_USAGE if e.code.startswith("E01") else EXIT_SOME_FAILED
    except BrokenPipeError:
        return EXIT_OK
