"""Read one article's actor mentions: alias-list matches, its own acronyms, spaCy's names.

Per article only: each mention is trimmed ("the", "-led", possessives), noise and
non-actors by shape are dropped (``not_actors``), and a lone surname is pointed at the
one full name of the article it fits. Merging across articles is in ``corroborate``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.analyze.aliases import (
    ARABIC_ARTICLE,
    LEADING,
    AliasData,
    alias_data,
    alias_regex,
    form_key,
    known_actor,
)
from storyline.analyze.names import fold, name_key
from storyline.analyze.not_actors import never_an_actor
from storyline.model import AnalyzedArticle, Mention

__all__ = ["ActorSpan", "article_spans", "known_actor", "strip_titles", "surname_key"]

ACTOR_LABELS = frozenset({"ORG", "PERSON", "NORP"})  # NORP counts only among ORG/PERSON
SHOUTING_SHARE = 0.5  # all-caps share of a headline, where "IS" or "WHO" are plain words
SHORT_ALIAS = 3  # aliases up to this length are checked against shouting

_TRAILING = re.compile(r"(?:\s*['’]s?|[\s,;:&\"”)]|(?<=[a-z]{2})\.)+$")
_WORD = re.compile(r"[A-Za-z]{2,}")
_DESCRIPTOR = re.compile(r"^(?:[A-Z][\w.]*-?(?:led|backed)|(?:[Pp]ro|[Aa]nti)-.*)$")
_DOUBLED = re.compile(r"(.)\1+")
# English titles and ranks that precede a person's name ("Field Marshal", "Dr", "Sen.").
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "defense",
        "defence",
        "foreign",
        "interior",
        "general",
        "gen",
        "field",
        "marshal",
        "lt",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "adm",
        "admiral",
        "sgt",
        "sergeant",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "sheik",
        "emir",
        "ayatollah",
        "pope",
        "rev",
        "reverend",
        "judge",
        "justice",
        "chancellor",
        "mayor",
        "ambassador",
        "commander",
        "chief",
        "deputy",
        "mp",
    ]
)


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """One mention of a possible actor in one article."""

    article: str
    start: int
    end: int
    text: str
    label: str
    trusted: bool = False  # from the alias list or an acronym the article defines
    form: str = ""  # the name it clusters under: a lone surname's full name


def surname_key(word: str) -> str:
    """Key of one name word: its letters without Arabic article or doubled letters."""
    return _DOUBLED.sub(r"\1", fold(ARABIC_ARTICLE.sub("", word)))


def strip_titles(name: str) -> str:
    """The name without the titles before it ("Field Marshal Jan Novak" -> "Jan Novak")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def article_spans(
    analyzed: AnalyzedArticle, acronyms: Mapping[str, str] | None = None
) -> list[ActorSpan]:
    """Collect the cleaned actor mentions of one article, alias-list matches first."""
    data, own = alias_data(), acronyms if acronyms is not None else dict(analyzed.acronyms)
    text, article = analyzed.clean.text, analyzed.id
    local = alias_regex([*own.keys(), *own.values()])
    scanned = _scan(article, text, data.pattern) + _scan(article, text, local)
    kept = _non_overlapping(scanned)
    found = [_clean_mention(article, mention) for mention in analyzed.entities]
    spans = kept + [s for s in found if s is not None and not _overlaps(s, kept)]
    spans = [span for span in spans if not _is_junk(span, data)]
    return _link_short_names(sorted(spans, key=lambda span: span.start))


def _scan(article: str, text: str, pattern: re.Pattern[str] | None) -> list[ActorSpan]:
    """Find every whole-word match of ``pattern``; short ones outside shouted lines only."""
    spans, shouted = [], {}
    for match in pattern.finditer(text) if pattern else ():
        short = match.end() - match.start() <= SHORT_ALIAS
        line = text.rfind("\n", 0, match.start()) + 1
        if short and line not in shouted:
            end = text.find("\n", line)
            words = _WORD.findall(text, line, end if end >= 0 else len(text))
            capitals = sum(word.isupper() for word in words)
            shouted[line] = len(words) > 2 and capitals > SHOUTING_SHARE * len(words)
        if not (short and shouted[line]):
            spans.append(ActorSpan(article, *match.span(), match.group(), "ORG", trusted=True))
    return spans


def _non_overlapping(spans: list[ActorSpan]) -> list[ActorSpan]:
    """Keep the longest of overlapping spans, earliest first."""
    kept: list[ActorSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, s.start - s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _overlaps(span: ActorSpan, kept: Sequence[ActorSpan]) -> bool:
    """Whether ``span`` overlaps any of the sorted, disjoint ``kept`` spans."""
    idx = bisect_right([k.start for k in kept], span.start) - 1
    before = idx >= 0 and kept[idx].end > span.start
    return before or (idx + 1 < len(kept) and kept[idx + 1].start < span.end)


def _clean_mention(article: str, mention: Mention) -> ActorSpan | None:
    """Trim articles, "-led" prefixes, possessives and a dangling "("; None if no actor."""
    if mention.label not in ACTOR_LABELS:
        return None
    lead, trail = LEADING.match(mention.text), _TRAILING.search(mention.text)
    head = lead.end() if lead else 0
    text = mention.text[head : trail.start() if trail else len(mention.text)]
    if "(" in text and ")" not in text:
        text = text[: text.index("(")].rstrip()
    if mention.label == "PERSON":  # "Field Marshal Jan Novak" cites the name only
        untitled = strip_titles(text)
        head += len(text) - len(untitled)
        text = untitled
    start = mention.start + head
    return ActorSpan(article, start, start + len(text), text, mention.label)


def _is_junk(span: ActorSpan, data: AliasData) -> bool:
    """Whether a mention is spaCy noise or names no actor (a country, a bare "State")."""
    text = span.text
    noise = len(text) < 2 or "\n" in text or "/" in text or not text[0].isalnum()
    noise = noise or text.lower() == text or bool(_DESCRIPTOR.match(text))
    noise = noise or (not span.trusted and never_an_actor(text, span.label))
    return noise or form_key(text) in data.excluded


def _link_short_names(spans: list[ActorSpan]) -> list[ActorSpan]:
    """Point a lone ORG/PERSON word at the one full person name of the article it fits."""
    full = (s for s in spans if s.label == "PERSON" and not s.trusted)
    people = {name_key(s.text): s.text for s in full if " " in name_key(s.text)}
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for key, text in people.items():
        by_last[surname_key(text.split()[-1])].add(key)
        by_first[surname_key(text.split()[0])].add(key)
    linked = []
    for span in spans:
        person = _unique(by_last[surname_key(span.text)])
        if person is None and span.label == "PERSON":  # "Haider" for "Haider al-Abadi"
            person = _unique(by_first[surname_key(span.text)])
        lone = not span.trusted and span.label != "NORP" and " " not in name_key(span.text)
        if lone and person is not None:
            linked.append(replace(span, form=people[person], label="PERSON"))
        else:
            linked.append(replace(span, form=span.text))
    return linked


def _unique(keys: set[str] | None) -> str | None:
    """Return the only member of ``keys``, or None when there are none or several."""
    return next(iter(keys)) if keys and len(keys) == 1 else None
