"""Schema steps, timestamps, event ids and batch checks, shared by both back ends."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources

from storyline.errors import StoreError
from storyline.model import AnalyzedArticle, Article

# Event ids appear in URLs and file names: letters, digits, ".", "_" and "-", at most 128.
_EVENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
# Hex digits of the batch hash kept in a derived event id (48 bits: collisions are remote).
EVENT_HASH_DIGITS = 12
_MIGRATION = re.compile(r"(\d{3})_(\w+)\.(sqlite|postgres)\.sql")


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered schema step of one back end."""

    version: int
    name: str
    statements: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Batch:
    """What every article of one batch shares: its run, its time, the versions known so far."""

    run: int
    stamp: str
    known: dict[str, tuple[int, str]]  # article id -> (latest version, content hash)


def now() -> str:
    """Return the current UTC time as ISO 8601 (microseconds, so that order is kept)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def derive_event_id(ids_and_hashes: Sequence[tuple[str, str]]) -> str:
    """Return the id of the event a batch makes: the same articles give the same id."""
    lines = "\n".join(f"{article}\t{digest}" for article, digest in sorted(ids_and_hashes))
    return "ev-" + hashlib.sha256(lines.encode("utf-8")).hexdigest()[:EVENT_HASH_DIGITS]


@functools.cache
def migrations(backend: str) -> tuple[Migration, ...]:
    """Return the packaged migrations of one back end, in order."""
    found = []
    for entry in resources.files("storyline.store.migrations").iterdir():
        match = _MIGRATION.fullmatch(entry.name)
        if match and match.group(3) == backend:
            text = entry.read_text(encoding="utf-8")
            statements = tuple(s.strip() for s in text.split(";\n") if _has_sql(s))
            found.append(Migration(int(match.group(1)), match.group(2), statements))
    return tuple(sorted(found, key=lambda m: m.version))


def _has_sql(chunk: str) -> bool:
    """Say whether a chunk of a migration file holds a statement, not only comments."""
    return any(line.strip() and not line.strip().startswith("--") for line in chunk.splitlines())


def tool_version() -> str:
    """Return the installed storyline version, recorded with each run."""
    try:
        return metadata.version("storyline")
    except metadata.PackageNotFoundError:
        return "unknown"


def checked_event(event: str) -> str:
    """Return a user-given event id, or raise StoreError when it is not fit for URLs."""
    if not _EVENT_ID.fullmatch(event):
        raise StoreError(
            f"bad event id {event!r}: use letters, digits, '.', '_' and '-' (at most 128)"
        )
    return event


def check_pairs(pairs: list[tuple[Article, AnalyzedArticle]], location: str) -> None:
    """Refuse an empty batch and an article paired with another one's analysis."""
    if not pairs:
        raise StoreError("an empty batch holds nothing to store", source=location)
    for raw, analyzed in pairs:
        if raw.id != analyzed.id:
            raise StoreError(
                f"article {raw.id!r} is paired with the analysis of {analyzed.id!r}; "
                "pair each article with its own analysis",
                source=location,
            )


def unknown_event(event: str, location: str) -> StoreError:
    """The error for an event id the store does not hold, naming how to list them."""
    return StoreError(
        f"no event {event!r} in the store; list the event ids with "
        f"`storyline brief --db {location}`",
        source=location,
    )
