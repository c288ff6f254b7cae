"""`storyline ingest INPUT… --db STORE`: add articles to a store and rebuild their event's brief."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.cli.brief import progress_bar
from storyline.ingest import read
from storyline.model import Failure
from storyline.settings import load_settings
from storyline.store import IngestReport, ingest, open_store


def add_parser(commands: Any) -> None:
    """Register the `ingest` sub-command."""
    parser = commands.add_parser(
        "ingest",
        help="add articles to a store (SQLite file or PostgreSQL) as one event",
        description="Read articles, clean and analyze them, store them in one transaction "
        "and rebuild the event's brief. The same article twice is stored once; a changed "
        "text is stored as a new version.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="file, directory, - (stdin), URL, feed (URL or .rss/.atom/.xml) or .warc[.gz]",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        default=None,
        help="let URLs reach loopback, private and link-local hosts",
    )
    parser.add_argument(
        "--db", required=True, metavar="STORE", help="store file path or postgresql:// URL"
    )
    parser.add_argument(
        "--event", metavar="ID", help="add to this event (default: an id derived from the batch)"
    )
    parser.add_argument("--title", help="title of the event (default: from its articles)")
    parser.add_argument("--config", type=Path, help="TOML file of settings (see docs/settings.md)")
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Ingest the inputs, say what was stored, report failures; return the exit code."""
    flags = {"fetch_allow_private": True} if args.allow_private else {}
    settings = load_settings(config_file=args.config, overrides=flags)
    read_result = read(args.inputs, settings=settings)
    _report_failures(read_result.failures)
    for warning in read_result.warnings:
        print(f"storyline: warning: {warning}", file=sys.stderr)
    if not read_result.articles:
        print("storyline: error: no usable article in the inputs", file=sys.stderr)
        return 1
    with open_store(args.db) as store:
        report = ingest(
            store,
            read_result.articles,
            settings=settings,
            event=args.event,
            title=args.title,
            progress=progress_bar(settings, args.progress),
        )
    _report_failures(report.failures)
    for warning in report.warnings:
        print(f"storyline: warning: {warning}", file=sys.stderr)
    _print_summary(report)
    return 1 if read_result.failures or report.failures else 0


def _report_failures(failures: Sequence[Failure]) -> None:
    """Print each input that was skipped, on stderr."""
    for failure in failures:
        print(f"storyline: skipped {failure}", file=sys.stderr)


def _print_summary(report: IngestReport) -> None:
    """Print the event id and what the batch did, one fact per line."""
    print(f"event: {report.event}")
    if report.brief is not None and report.brief.title:
        print(f"title: {report.brief.title}")
    print(f"added: {len(report.added)}")
    print(f"updated: {len(report.updated)}")
    print(f"unchanged: {len(report.unchanged)}")
    for article in report.updated:
        print(f"new version: {article}")
