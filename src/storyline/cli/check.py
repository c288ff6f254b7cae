"""`storyline check BRIEF.json…`: verify every citation of a brief."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from storyline.report.check import check_file


def add_parser(commands: Any) -> None:
    """Register the `check` sub-command."""
    parser = commands.add_parser(
        "check",
        help="verify a brief: schema, offsets, and that each cited span holds its claim",
    )
    parser.add_argument("briefs", nargs="+", type=Path, metavar="BRIEF", help="brief JSON file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print each problem on stderr; return 1 when any brief fails."""
    failed = 0
    for path in args.briefs:
        problems = check_file(path)
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        print(f"{path}: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'ok'}")
        failed += bool(problems)
    return 1 if failed else 0
