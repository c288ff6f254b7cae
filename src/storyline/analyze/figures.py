"""Find the figures in an article: numbers, what they count and what they belong to.

Every run of digits or number words is a candidate ("60,000", "eight million",
"$50 million", "a dozen"); :mod:`storyline.analyze.numbers` drops those that are
not counts: dates and times (spaCy's DATE/TIME/ORDINAL spans and the given
DateRefs), ordinals, ages, numbers inside names and codes ("Expedition 56",
"issue 14/2019"), list markers, phone numbers, scores and compound adjectives
("one-legged", "two-day"). Here bare years ("in 2019") and durations ("ten
days") go too. Vague plurals ("hundreds of", "tens of thousands", "a few
hundred") and fractions ("half", "a third") are never figures: they have no
value a source could be checked against. A lone "one" is left out as well: in
news prose it is a pronoun ("one of the wounded") far more often than a count.

Ranges ("1500 to 2500", "between $50 million and $300 million", "five or six")
keep ``value`` = the low end with ``low``/``high`` set, so the value is always a
number the article wrote. Approximations set bounds: "around", "some", "an
estimated" … give ±APPROX_SHARE; "more than", "at least" … a lower bound;
"nearly", "up to" … an upper bound; exact numbers have neither.

The unit is what the number counts: the noun it modifies in the parse ("82 SDF
fighters" → "fighters"), a unit word after it ("per cent" → "percent", "km",
"square yards"), its currency ("$" → "USD"), the noun after "of" ("two of the
emirs"), or, for a number standing alone, the unit of the figure just before
("82 fighters had been killed and 61 injured": 61 fighters).

The subject is what the figure belongs to: a place-like noun the figure hangs
from ("a camp with 39,000 people", with the camp named "al-Hawl"), where a
definite "the camp" / "the city" / "the group" means the latest such noun named
earlier ("a camp at al-Hol" … "the camp now holds around 67,000 people");
failing that, the place or organisation nearest the number in its own clause
("from Baghouz", "in Mosul", "SDF fighters").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from storyline.analyze.names import name_key
from storyline.analyze.numbers import (
    AREA_PREFIXES,
    CURRENCY_WORDS,
    PERCENT_WORDS,
    RATE_WORDS,
    TIME_UNITS,
    NumberRun,
    approximation,
    candidate_starts,
    measure_unit,
    number_runs,
    pair_ranges,
)
from storyline.model import DateRef, Figure, PartialDate

# How far "around" / "some" / "an estimated" widen a figure either side (as a share).
APPROX_SHARE = 0.1
# At most this many tokens between a number and the noun it counts ("157 mostly foreign
# fighters"); further away the parse link is more likely wrong than right.
MAX_UNIT_GAP = 5
# Dependencies that tie a number to the noun it counts.
COUNT_DEPS = frozenset({"nummod", "quantmod", "compound", "nmod", "amod"})
# Dependencies of a number that stands for a noun left out ("82 killed and 61 injured"):
# such a number counts what the figure before it counted.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})
# Adjectives that say what a bare number counts: "left nearly 240 dead".
CASUALTY_WORDS = frozenset({"dead", "killed", "wounded", "injured", "missing", "hurt"})
# A bare four-digit number in this span with nothing counted is a year.
YEAR_RANGE = (1000, 2100)
# A bare number after these with nothing counted is an age: "Now 19, and pregnant".
AGE_MARKERS = frozenset({"now"})
# Nouns whose definite mentions ("the camp") stand for a place or group named earlier.
KIND_NOUNS = frozenset(
    {
        "camp",
        "city",
        "town",
        "village",
        "hamlet",
        "enclave",
        "province",
        "district",
        "region",
        "area",
        "country",
        "group",
        "militia",
        "organisation",
        "organization",
        "prison",
        "hospital",
        "base",
        "neighbourhood",
        "neighborhood",
        "valley",
        "island",
        "county",
        "port",
    }
)
_KIND_KEYS = numpy.array([get_string_id(word) for word in KIND_NOUNS], dtype=numpy.uint64)
_NN_KEY = get_string_id("NN")
# Entity labels that can be what a figure belongs to.
SUBJECT_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# Prepositions that name a kind noun: "a camp at al-Hol", "the city of Mosul".
NAMING_PREPS = frozenset({"of", "at", "called", "named"})
# Dependencies that open a clause of their own; names inside belong to that clause.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "xcomp"})
_QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "``", "''"})

Link = tuple[int, str, str]  # (token index of a kind noun, kind, name it carries)


class _Unit(NamedTuple):
    """What a number counts, where its span ends and the token it hangs from."""

    name: str | None
    end: int
    anchor: Token
    duration: bool = False


def find_figures(
    doc: Doc, dates: Sequence[DateRef], published: PartialDate | None
) -> tuple[Figure, ...]:
    """Return the figures of ``doc`` in text order, dated by their sentence or ``published``."""
    names = _collect_names(doc)
    starts = candidate_starts(doc)
    figures: list[Figure] = []
    previous: list[Figure] = []
    for index, sent in enumerate(doc.sents):
        inside = starts[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        found = _sentence_figures(sent, inside, dates, names, previous[-1:]) if inside else []
        dated = [
            replace(fig, as_of=_as_of(sent, dates, published), sentence=index) for fig in found
        ]
        figures.extend(dated)
        previous = dated
    return tuple(figures)


def _sentence_figures(
    sent: Span,
    starts: Sequence[int],
    dates: Sequence[DateRef],
    names: _Names,
    before: Sequence[Figure],
) -> list[Figure]:
    """Return the figures of one sentence; ``before`` is the last figure of the one before."""
    doc = sent.doc
    runs = [run for run in number_runs(sent, starts) if not _inside_date(doc, run, dates)]
    found: list[Figure] = []
    for low_run, high_run in pair_ranges(doc, runs):
        figure = _build(sent, low_run, high_run, names, found or before)
        if figure is not None:
            found.append(figure)
    return found


def _inside_date(doc: Doc, run: NumberRun, dates: Sequence[DateRef]) -> bool:
    """Tell whether the run overlaps a date the date analyzer found."""
    start, end = doc[run.start].idx, _end_char(doc[run.end - 1])
    return any(ref.start < end and start < ref.end for ref in dates)


def _as_of(
    sent: Span, dates: Sequence[DateRef], published: PartialDate | None
) -> PartialDate | None:
    """Return the date of the sentence's first date, else the publication date."""
    inside = [ref for ref in dates if sent.start_char <= ref.start < sent.end_char]
    return min(inside, key=lambda ref: ref.start).date if inside else published


def _end_char(token: Token) -> int:
    """Return the character offset just after ``token``."""
    return token.idx + len(token)


# ---------------------------------------------------------------- one figure


def _build(
    sent: Span,
    low_run: NumberRun,
    high_run: NumberRun | None,
    names: _Names,
    earlier: Sequence[Figure],
) -> Figure | None:
    """Turn one number (or range) into a Figure, or None when it is not a count."""
    doc, last = sent.doc, high_run or low_run
    unit = _find_unit(doc, last, sent.end)
    if unit.duration:
        return None
    if unit.name is None:
        unit = _unit_without_noun(doc, last, unit, earlier)
    if unit.name is None and _bare_non_count(doc, low_run, high_run):
        return None
    kind, start = approximation(doc, low_run.start, sent.start)
    start = _range_start(doc, start, low_run, high_run)
    value, low, high = _bounds(kind, low_run.value, high_run.value if high_run else None)
    first, final = doc[start], doc[unit.end - 1]
    return Figure(
        text=doc[start : unit.end].text,
        start=first.idx,
        end=_end_char(final),
        value=value,
        low=low,
        high=high,
        unit=unit.name,
        subject=_subject(unit.anchor, _root(doc, last), names),
    )


def _bounds(
    kind: str | None, value: float, top: float | None
) -> tuple[float, float | None, float | None]:
    """Return (value, low, high) for a number, its range end and its approximation word."""
    if top is not None:
        return value, value, top
    if kind == "about":
        return value, value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE)
    if kind == "at_least":
        return value, value, None
    if kind == "at_most":
        return value, None, value
    return value, None, None


def _range_start(doc: Doc, start: int, low_run: NumberRun, high_run: NumberRun | None) -> int:
    """Move the span start back over the "between" that opens a range."""
    opens = high_run is not None and start == low_run.start and start > 0
    return start - 1 if opens and doc[start - 1].lower_ == "between" else start


def _bare_non_count(doc: Doc, low_run: NumberRun, high_run: NumberRun | None) -> bool:
    """Tell whether a number with nothing counted is a year or an age."""
    text = doc[low_run.start : low_run.end].text
    year = text.isdigit() and len(text) == 4 and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]
    if year and high_run is None:
        return True
    return low_run.start > 0 and doc[low_run.start - 1].lower_ in AGE_MARKERS


def _root(doc: Doc, run: NumberRun) -> Token:
    """Return the token of ``run`` whose head lies outside it."""
    for token in doc[run.start : run.end]:
        if token.head.i == token.i or not run.start <= token.head.i < run.end:
            return token
    return doc[run.end - 1]


# ---------------------------------------------------------------- units


def _find_unit(doc: Doc, run: NumberRun, limit: int) -> _Unit:
    """Find what ``run`` counts: its currency, a unit word after it, or its noun."""
    root = _root(doc, run)
    if run.currency is not None:
        return _Unit(run.currency, run.end, root)
    word = _unit_word(doc, run.end, limit)
    if word is not None:
        return _with_rate(doc, _Unit(word[0], word[1], doc[word[1] - 1]), limit)
    noun = _counted_noun(doc, root, run.end)
    if noun is None:
        return _Unit(None, run.end, root)
    name = _noun_unit(noun)
    end = _close_quote(doc, run.end, noun.i + 1, limit)
    return _with_rate(doc, _Unit(name, end, noun, name in TIME_UNITS), limit)


def _unit_word(doc: Doc, index: int, limit: int) -> tuple[str, int] | None:
    """Read a unit written right after a number: "%", "per cent", "km", "square yards"."""
    if index < limit and doc[index].text in "-–" and not doc[index - 1].whitespace_:
        index += 1  # "320-km road"
    words = [token.lower_ for token in doc[index : min(index + 2, limit)]] + ["", ""]
    if words[0] in PERCENT_WORDS:
        points = words[0] == "percentage" and words[1] == "points"
        return ("percentage points", index + 2) if points else ("percent", index + 1)
    if words[0] == "per" and words[1] == "cent":
        return "percent", index + 2
    if words[0] in AREA_PREFIXES and (unit := measure_unit(words[1])) is not None:
        return f"{words[0]} {unit}", index + 2
    unit = measure_unit(words[0])
    return (unit, index + 1) if unit is not None else None


def _counted_noun(doc: Doc, root: Token, end: int) -> Token | None:
    """Return the noun the number counts: its head noun, or the noun after "of"."""
    head = root.head
    gap = head.i - root.i
    if root.dep_ in COUNT_DEPS and head.pos_ in ("NOUN", "PROPN") and 0 < gap <= MAX_UNIT_GAP:
        return head
    if end < len(doc) and doc[end].lower_ == "of":
        for obj in doc[end].children:
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.i - end <= MAX_UNIT_GAP:
                return obj
    return None


def _noun_unit(noun: Token) -> str:
    """Name the unit of a counted noun: "fighters", "USD", "square yards"."""
    lowered = noun.lower_
    canonical = CURRENCY_WORDS.get(lowered) or measure_unit(lowered) or lowered
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    return f"{before} {canonical}" if before in AREA_PREFIXES else canonical


def _close_quote(doc: Doc, start: int, end: int, limit: int) -> int:
    """Take in the closing quote of a quoted noun: 1,306 "terrorists"."""
    opened = any(token.text in _QUOTES for token in doc[start:end])
    return end + 1 if opened and end < limit and doc[end].text in _QUOTES else end


def _with_rate(doc: Doc, unit: _Unit, limit: int) -> _Unit:
    """Add a rate to the unit: "5,000 barrels a day" counts "barrels/day"."""
    words = [token.lower_ for token in doc[unit.end : min(unit.end + 2, limit)]] + ["", ""]
    if words[0] in ("a", "an", "per", "each", "every") and words[1] in RATE_WORDS:
        return unit._replace(name=f"{unit.name}/{words[1]}", end=unit.end + 2)
    if words[0] == "daily":
        return unit._replace(name=f"{unit.name}/day", end=unit.end + 1)
    return unit


def _unit_without_noun(doc: Doc, run: NumberRun, unit: _Unit, earlier: Sequence[Figure]) -> _Unit:
    """Find what a number with no noun counts: the figure before's unit, or "dead"."""
    root = _root(doc, run)
    follower = doc[run.end] if run.end < len(doc) else None
    ellipsis = root.dep_ in NOMINAL_DEPS and (follower is None or follower.lower_ != "of")
    if earlier and earlier[-1].unit and ellipsis:
        return unit._replace(name=earlier[-1].unit)
    if follower is not None and follower.lower_ in CASUALTY_WORDS:
        return unit._replace(name=follower.lower_, end=follower.i + 1)
    return unit


# ---------------------------------------------------------------- subjects


class _Names(NamedTuple):
    """What subjects are picked from: named kind nouns, names by token, and mentions."""

    links: list[Link]  # kind nouns that carry a name, in text order
    by_token: dict[int, str]  # token index -> name, for place and group entities
    mentions: list[tuple[int, str]]  # (token index, name) of every place or group entity
    candidates: list[int]  # sorted token indices of entity roots and kind nouns


def _collect_names(doc: Doc) -> _Names:
    """Gather, once per document, every name a figure's subject may be."""
    by_token: dict[int, str] = {}
    mentions: list[tuple[int, str]] = []
    for ent in doc.ents:
        if ent.label_ in SUBJECT_LABELS:
            text = _clean_name(ent.text)
            by_token.update(dict.fromkeys(range(ent.start, ent.end), text))
            mentions.append((ent.start, text))
    kinds = _kind_nouns(doc)
    named = [(noun, _direct_name(noun, by_token)) for noun in kinds]
    links = [(noun.i, noun.lower_, name) for noun, name in named if name is not None]
    roots = [ent.root.i for ent in doc.ents if ent.label_ in SUBJECT_LABELS]
    return _Names(links, by_token, mentions, sorted(roots + [noun.i for noun in kinds]))


def _kind_nouns(doc: Doc) -> list[Token]:
    """Return the singular kind nouns of ``doc`` ("camp", "town", "group")."""
    if len(doc) == 0:
        return []
    table = doc.to_array(["LOWER", "TAG"])
    hits = numpy.isin(table[:, 0], _KIND_KEYS) & (table[:, 1] == _NN_KEY)
    return [doc[int(index)] for index in numpy.flatnonzero(hits)]


def _direct_name(noun: Token, by_token: dict[int, str]) -> str | None:
    """Return the proper name a kind noun carries by compound, "of"/"at" or apposition."""
    for child in noun.children:
        if child.dep_ in ("compound", "appos") and child.pos_ == "PROPN":
            return _token_name(child, by_token)
        if child.dep_ == "prep" and child.lower_ in NAMING_PREPS:
            named = [obj for obj in child.children if obj.dep_ == "pobj" and obj.pos_ == "PROPN"]
            if named:
                return _token_name(named[0], by_token)
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return _token_name(noun.head, by_token)
    return None


def _token_name(token: Token, by_token: dict[int, str]) -> str:
    """Return the name a proper-noun token belongs to: its entity, else its compound run."""
    if token.i in by_token:
        return by_token[token.i]
    start = token.i
    while start > token.left_edge.i and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return _clean_name(token.doc[start : token.i + 1].text)


def _clean_name(text: str) -> str:
    """Drop a leading "the" and a trailing possessive from a name."""
    if text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]
    return text[:-2].rstrip() if text.endswith(("'s", "’s")) and len(text) > 2 else text


def _subject(anchor: Token, number: Token, names: _Names) -> str | None:
    """Return what a figure belongs to: a named kind noun above it, else the nearest name."""
    for head in _heads_in_clause(anchor):
        if head.tag_ == "NN" and head.lower_ in KIND_NOUNS:
            name = _resolve_kind(head, names)
            if name is not None:
                return name
    sent = number.sent
    inside = names.candidates[
        bisect_left(names.candidates, sent.start) : bisect_left(names.candidates, sent.end)
    ]
    top = _clause_top(anchor)
    for index in sorted(inside, key=lambda index: abs(index - number.i)):
        token = number.doc[index]
        if _in_clause(token, top, anchor):
            name = names.by_token.get(index) or _resolve_kind(token, names)
            if name is not None:
                return name
    return None


def _heads_in_clause(token: Token) -> Iterator[Token]:
    """Yield the heads above ``token`` up to (not including) the verb of its clause."""
    head = token.head
    while head.i != token.i and head.pos_ not in ("VERB", "AUX"):
        yield head
        token, head = head, head.head


def _clause_top(token: Token) -> Token:
    """Return the verb heading the clause of ``token`` (or the sentence root)."""
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _in_clause(token: Token, top: Token, anchor: Token) -> bool:
    """Tell whether ``token`` hangs from ``top`` without passing through a nested clause."""
    while token.i != top.i:
        holds = token.left_edge.i <= anchor.i <= token.right_edge.i
        nested = token.dep_ in CLAUSE_DEPS or (
            token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
        )
        if (nested and not holds) or token.head.i == token.i:
            return False
        token = token.head
    return True


def _resolve_kind(noun: Token, names: _Names) -> str | None:
    """Name a kind noun: its own name, or for "the camp" the camp mentioned last before it."""
    if noun.tag_ != "NN" or noun.lower_ not in KIND_NOUNS:
        return None
    own = [name for index, _, name in names.links if index == noun.i]
    if own:
        return own[0]
    definite = any(
        (child.dep_ == "det" and child.lower_ in ("the", "this", "that")) or child.dep_ == "poss"
        for child in noun.children
    )
    earlier = {
        name: index for index, kind, name in names.links if kind == noun.lower_ and index < noun.i
    }
    if not definite or not earlier:
        return None
    return max(earlier, key=lambda name: _last_mention(name, earlier[name], noun.i, names))


def _last_mention(name: str, linked_at: int, before: int, names: _Names) -> int:
    """Return where ``name`` (or a spelling variant of it) was last mentioned before ``before``."""
    key = _name_key(name)
    seen = [index for index, other in names.mentions if index < before and _name_key(other) == key]
    return max([linked_at, *seen])


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """Return the cached spelling-variant key of a name."""
    return name_key(name)
