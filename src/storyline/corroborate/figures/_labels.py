"""Word a figure group: its label and its subject as most articles write it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyline.analyze.actors import known_actor
from storyline.analyze.readings import STOCK, UNKNOWN
from storyline.corroborate.figures._items import Item

# Event wording in labels: (phrase, preposition before a place subject).
EVENT_PHRASES = {
    "fled": ("who fled", ""),
    "evacuated": ("evacuated", "from"),
    "arrived": ("who arrived", "in"),
    "returned": ("sent home or returned", "from"),
    "killed": ("killed", "in"),
    "wounded": ("wounded", "in"),
    "captured": ("captured", "in"),
    "surrendered": ("who surrendered", "in"),
    "recruited": ("recruited", "in"),
}


def group_event(cluster: Sequence[Item]) -> str:
    """The event a group counts: the most common one read, "unknown" only if none was."""
    events = Counter(item.reading.event for item in cluster if item.reading.event != UNKNOWN)
    return events.most_common(1)[0][0] if events else UNKNOWN


def display_subject(cluster: Sequence[Item]) -> str | None:
    """Most used spelling of the subject, with its kind noun when most figures give one."""
    names = Counter(item.figure.subject for item in cluster if item.figure.subject)
    if not names:
        return None
    name = names.most_common(1)[0][0]
    kinds = Counter(item.reading.kind for item in cluster)
    kind, count = kinds.most_common(1)[0]
    return f"{name} {kind}" if kind and 2 * count > len(cluster) else name


def group_label(cluster: Sequence[Item], places: frozenset[str]) -> str:
    """Readable label: "people in al-Qusayr camp", "fighters killed", "people who fled X"."""
    first, event = cluster[0], group_event(cluster)
    if first.reading.noun is None:
        return first.figure.text
    noun = " ".join(part for part in (first.reading.qualifier, _display_noun(first)) if part)
    subject = display_subject(cluster)
    phrase, prep = EVENT_PHRASES.get(event, ("", "in" if event == STOCK else ""))
    head = " ".join(part for part in (noun, phrase) if part)
    if subject is None:
        return head
    place = first.subject in places and known_actor(first.figure.subject or "") is None
    if place and (prep or phrase):
        return " ".join(part for part in (head, prep, subject) if part)
    return f"{head} ({subject})"


def _display_noun(item: Item) -> str:
    """The counted noun's class ("people"), or the unit as the article wrote it ("USD")."""
    unit = item.figure.unit or ""
    if item.reading.noun != unit.lower():
        return item.reading.noun or unit
    written = re.search(rf"\b{re.escape(unit)}\b", item.figure.text, re.IGNORECASE)
    return written.group(0) if written else unit
