"""Read paths, directories, JSONL files and stdin into Articles; bad input never stops a batch."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storyline.errors import IngestError
from storyline.ingest._decode import decode_text
from storyline.ingest._fetch import Fetcher
from storyline.ingest._html_check import html_depth_warning
from storyline.ingest._jsonl import articles_from_jsonl
from storyline.ingest._sources import is_source, read_sources
from storyline.model import Article, Failure
from storyline.settings import Settings

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
STDIN = "-"
_NOT_REGULAR = "not a regular file (a pipe, socket or device); save its content to a file"


@dataclass(frozen=True, slots=True)
class IngestResult:
    """Articles read, and the inputs that failed (with reasons)."""

    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]
    warnings: tuple[str, ...] = ()  # inputs used without a part of them (a bad date)


def read(
    inputs: Sequence[str],
    *,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
    fetcher: Fetcher | None = None,
) -> IngestResult:
    """Read every input into Articles; a failing input is recorded and the rest go on."""
    settings = settings or Settings()
    articles: list[Article] = []
    failures: list[Failure] = []
    warnings: list[str] = []
    sources = [name for name in inputs if is_source(name)]  # URLs, feeds, WARC (issue 11)
    inputs = [name for name in inputs if name not in sources]
    for source, data in _iter_sources(inputs, settings, failures, stdin):
        try:
            articles.extend(_articles_from_bytes(source, data, settings, failures, warnings))
        except IngestError as e:
            failures.append(Failure(source, e.code, _reason(e)))
    articles.extend(read_sources(sources, settings=settings, fetcher=fetcher, failures=failures))
    warnings.extend(_html_warnings(articles))
    return IngestResult(tuple(_unique_ids(articles)), tuple(failures), tuple(warnings))


def read_bytes(data: bytes, name: str, *, settings: Settings | None = None) -> IngestResult:
    """Read one uploaded or pasted input; ``name`` (a file name) picks the format and the id."""
    settings = settings or Settings()
    failures: list[Failure] = []
    warnings: list[str] = []
    try:
        articles = _articles_from_bytes(name, data, settings, failures, warnings)
    except IngestError as e:
        return IngestResult((), (Failure(name, e.code, _reason(e)),))
    warnings.extend(_html_warnings(articles))
    return IngestResult(tuple(_unique_ids(articles)), tuple(failures), tuple(warnings))


def _iter_sources(
    inputs: Sequence[str], settings: Settings, failures: list[Failure], stdin: BinaryIO | None
) -> Iterator[tuple[str, bytes]]:
    for name in inputs:
        if name == STDIN:
            yield STDIN, (stdin or sys.stdin.buffer).read()
            continue
        path = Path(name)
        if not path.exists():
            failures.append(Failure(name, "E021", "no such file or directory; check the path"))
            continue
        for file in _files_under(path):
            if not file.is_file():  # a FIFO, socket or device would block or never end
                failures.append(Failure(str(file), "E025", _NOT_REGULAR))
                continue
            try:
                yield str(file), _read_file(file, settings)
            except IngestError as e:
                failures.append(Failure(str(file), e.code, _reason(e)))


def _files_under(path: Path) -> Iterator[Path]:
    """Yield ``path`` itself, or the visible regular files below the folder ``path``.

    Only the parts below the folder given are checked for hidden names: the folder may
    itself sit under "..", "." or a hidden folder.
    """
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
            if file.is_file() and not hidden:
                yield file
    else:
        yield path


def _read_file(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise IngestError(
            f"file is {size:,} bytes, over the limit of {settings.max_bytes:,}; "
            "raise it with --max-bytes or split the file",
            source=str(path),
        )
    try:
        return path.read_bytes()
    except OSError as e:
        raise IngestError(f"cannot read: {e.strerror}", source=str(path)) from e


def _articles_from_bytes(
    source: str,
    data: bytes,
    settings: Settings,
    failures: list[Failure],
    warnings: list[str],
) -> list[Article]:
    if len(data) > settings.max_bytes:
        raise IngestError(f"input is over the limit of {settings.max_bytes:,} bytes", source=source)
    text = decode_text(data, source=source, warnings=warnings)
    suffix = Path(source).suffix.lower()
    if suffix in JSONL_SUFFIXES or (source == STDIN and text.lstrip().startswith("{")):
        return articles_from_jsonl(text, source=source, failures=failures, warnings=warnings)
    is_html = suffix in HTML_SUFFIXES or _looks_like_html(text)
    return [Article(id=_id_for(source, text), raw=text, source=source, is_html=is_html)]


def _html_warnings(articles: list[Article]) -> list[str]:
    found = (html_depth_warning(a.raw, source=a.source) for a in articles if a.is_html)
    return [warning for warning in found if warning is not None]


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _id_for(source: str, text: str) -> str:
    if source == STDIN:
        return "stdin-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    name = Path(source).name
    for suffix in (".gz", ".txt", ".html", ".htm", ".xhtml"):
        name = name.removesuffix(suffix)
    return name or "article"


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Suffix repeated ids (two files with one stem) so every id stays unique and stable."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            article = Article.from_dict({**article.to_dict(), "id": f"{article.id}-{count + 1}"})
        unique.append(article)
    return unique


def _reason(error: IngestError) -> str:
    """The message without the '[code] source: ' prefix that Failure prints itself."""
    text = str(error)
    prefix = f"[{error.code}] {error.source}: " if error.source else f"[{error.code}] "
    return text.removeprefix(prefix)
