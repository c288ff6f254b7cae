"""`storyline brief INPUT…` or `storyline brief --db STORE --event ID`: print a brief."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from storyline.model import AnalyzedArticle
from storyline.pipeline import Progress, build_brief
from storyline.report import FORMATS, render
from storyline.settings import Settings, load_settings
from storyline.store import EventInfo, open_store, rebuild_brief

# Most events listed by `storyline brief --db STORE` without --event (newest first).
EVENT_LIST_LIMIT = 1000


def add_parser(commands: Any) -> None:
    """Register the `brief` sub-command."""
    parser = commands.add_parser(
        "brief",
        help="build the brief of one event from its articles",
        description="Read articles (text, HTML, JSONL files, directories, or - for stdin), "
        "clean and analyze them, and print their brief. With --db and --event, rebuild the "
        "brief of an event stored by `storyline ingest` instead; with --db alone, list the "
        "stored events.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="file, directory, - (stdin), URL, feed (URL or .rss/.atom/.xml) or .warc[.gz]",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        default=None,
        help="let URLs reach loopback, private and link-local hosts",
    )
    parser.add_argument("--db", metavar="STORE", help="store file path or postgresql:// URL")
    parser.add_argument("--event", metavar="ID", help="the stored event whose brief to rebuild")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format")
    parser.add_argument("--output", "-o", type=Path, help="write to this file instead of stdout")
    parser.add_argument("--config", type=Path, help="TOML file of settings (see docs/settings.md)")
    parser.add_argument("--max-bytes", type=int, help="largest input file read, in bytes")
    parser.add_argument("--sentences", type=int, help="most sentences in the digest (default 5)")
    parser.add_argument("--words", type=int, help="most words in the digest")
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    parser.set_defaults(run=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    """Build the brief, write it, report failures; return the exit code."""
    _check_usage(args)
    settings = _settings(args)
    if args.db is not None:
        return _from_store(args, settings)
    result = build_brief(
        args.inputs, settings=settings, progress=progress_bar(settings, args.progress)
    )
    for failure in result.failures:
        print(f"storyline: skipped {failure}", file=sys.stderr)
    for warning in result.warnings:
        print(f"storyline: warning: {warning}", file=sys.stderr)
    if not result.brief.articles:
        print("storyline: error: no usable article in the inputs", file=sys.stderr)
        return 1
    _write(render(result.brief, args.format), args.output)
    if result.failures:
        print(
            f"storyline: {len(result.failures)} input(s) failed, {len(result.brief.articles)} used",
            file=sys.stderr,
        )
    return 1 if result.failures else 0


def _check_usage(args: argparse.Namespace) -> None:
    """Exit with a usage error (code 2) unless either INPUTs or --db is given."""
    if args.db is None and args.event is not None:
        args.usage_error("--event needs --db STORE (the store that holds the event)")
    if args.db is None and not args.inputs:
        args.usage_error("give INPUT files, or --db STORE --event ID to rebuild a stored brief")
    if args.db is not None and args.inputs:
        args.usage_error(
            "give either INPUT files or --db STORE, not both "
            "(add articles to a store with `storyline ingest INPUT… --db STORE`)"
        )


def _settings(args: argparse.Namespace) -> Settings:
    """Resolve settings from the config file, the environment and the flags."""
    flags = {
        "max_bytes": args.max_bytes,
        "summary_sentences": args.sentences,
        "summary_words": args.words,
        "fetch_allow_private": args.allow_private,
    }
    overrides = {name: value for name, value in flags.items() if value is not None}
    return load_settings(config_file=args.config, overrides=overrides)


def _from_store(args: argparse.Namespace, settings: Settings) -> int:
    """Rebuild and write a stored event's brief, or list the events when none is named."""
    with open_store(args.db, create=False) as store:
        if args.event is None:
            _write(_event_list(store.events(limit=EVENT_LIST_LIMIT)), args.output)
            return 0
        brief = rebuild_brief(store, args.event, settings=settings)
    _write(render(brief, args.format), args.output)
    return 0


def _event_list(events: list[EventInfo]) -> str:
    """One line per event: id, article count, dates and title, tab-separated."""
    lines = [
        f"{event.id}\t{event.articles} articles\t{_span(event)}\t{event.title}\n"
        for event in events
    ]
    return "".join(lines) or "no events stored yet\n"


def _span(event: EventInfo) -> str:
    """The event's first and last dates as START..END (? when unknown)."""
    start = event.start.iso() if event.start else "?"
    end = event.end.iso() if event.end else "?"
    return f"{start}..{end}"


def progress_bar(settings: Settings, wanted: bool | None) -> Progress:
    """A wrapper that shows a bar on stderr for enough articles, when wanted or on a terminal."""

    def with_bar(items: Iterator[AnalyzedArticle], total: int) -> Iterable[AnalyzedArticle]:
        shown = wanted if wanted is not None else sys.stderr.isatty()
        disable = not shown or total < settings.progress_min_articles
        wrapped: Iterable[AnalyzedArticle] = tqdm(
            items, total=total, desc="analyzing", unit="article", file=sys.stderr, disable=disable
        )
        return wrapped

    return with_bar


def _write(text: str, output: Path | None) -> None:
    """Write the text to the output file, or to stdout."""
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
