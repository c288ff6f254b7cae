"""`storyline brief INPUT…`: print the brief of the articles given."""

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


def add_parser(commands: Any) -> None:
    """Register the `brief` sub-command."""
    parser = commands.add_parser(
        "brief",
        help="build the brief of one event from its articles",
        description="Read articles (text, HTML, JSONL files, directories, or - for stdin), "
        "clean and analyze them, and print their brief.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or - (stdin)")
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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the brief, write it, report failures; return the exit code."""
    flags = {
        "max_bytes": args.max_bytes,
        "summary_sentences": args.sentences,
        "summary_words": args.words,
    }
    overrides = {name: value for name, value in flags.items() if value is not None}
    settings = load_settings(config_file=args.config, overrides=overrides)
    result = build_brief(
        args.inputs, settings=settings, progress=_progress(settings, args.progress)
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


def _progress(settings: Settings, wanted: bool | None) -> Progress:
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
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
