"""Find the figures in an article: numbers, what they count and what they belong to.

Numbers come from :mod:`storyline.analyze.numbers`; bare years and durations go here.
A range ("1500 to 2500") keeps ``value`` = its low end with ``low``/``high`` set, so
the value is a number the article wrote; "around", "some", "an estimated" give
±APPROX_SHARE, "more than", "at least" a lower bound, "nearly", "up to" an upper one.
The unit is the noun counted ("82 SDF fighters"), a unit word ("per cent", "km"), the
currency, or for a bare number the unit of the figure before ("… and 61 injured").
The subject is a place-like noun the figure hangs from, where "the camp" / "the town"
/ "the group" is the one of that kind named earlier and mentioned last ("a camp at
al-Hol" … "the camp now holds around 67,000 people"); else the place or organisation
nearest the number in its own clause ("from Baghouz"), not its source ("told Reuters").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from storyline.analyze.attribution import attribution
from storyline.analyze.names import name_key
from storyline.analyze.numbers import (
    AREA_PREFIXES,
    CURRENCY_WORDS,
    HYPHEN_COUNT_WORDS,
    HYPHENS,
    NOT_COUNTED,
    PERCENT_WORDS,
    RATE_WORDS,
    NumberRun,
    approximation,
    candidate_starts,
    is_bare_year_or_age,
    measure_unit,
    number_runs,
    pair_ranges,
    word_set,
    word_table,
)
from storyline.model import DateRef, Figure, PartialDate

# How far "around" / "some" / "an estimated" widen a figure either side (as a share).
APPROX_SHARE = 0.1
# Most tokens between a number and its noun ("157 mostly foreign fighters"); beyond, parse
# links are more often wrong than right.
MAX_UNIT_GAP = 5
# Dependencies that tie a number to the noun it counts.
COUNT_DEPS = word_set("nummod quantmod compound nmod amod")
# Dependencies of a number standing for a noun left out ("… and 61 injured").
NOMINAL_DEPS = word_set("nsubj nsubjpass dobj pobj conj appos attr")
# Words after a bare number that say what it counts ("left nearly 240 dead"), by unit.
CASUALTY_WORDS = word_table(
    "dead: dead died; killed: killed; wounded: wounded; injured: injured hurt"
)
# Nouns whose definite mentions ("the camp") stand for a place or group named earlier.
KIND_NOUNS = word_set(
    "camp city town village hamlet enclave province district region area country group militia "
    "organisation organization prison hospital base neighbourhood neighborhood valley island "
    "county port"
)
_KIND_KEYS = numpy.array([get_string_id(word) for word in KIND_NOUNS], dtype=numpy.uint64)
# An elided unit is not taken over above this value when it is a percentage.
MAX_PERCENT = 100
# Entity labels of numbers and dates (never names), and of what a figure can belong to.
NUMERIC_LABELS = word_set("CARDINAL QUANTITY MONEY PERCENT DATE TIME ORDINAL")
SUBJECT_LABELS = word_set("GPE LOC FAC ORG")
# Who reports a figure is not what it is about: "Bali told Reuters …", "the SDF said …".
REPORTING_VERBS = word_set(
    "said says say told tells tell reported reports announced added claimed claims estimated "
    "estimates stated confirmed"
)
SOURCE_DEPS = word_set("nsubj dobj dative")
# Dependencies inside a noun phrase, walked up to find the phrase a name belongs to.
NAME_PART_DEPS = word_set("compound poss amod appos nmod")
DEFINITE = word_set("the this that")  # determiners that point back: "the camp"
# Prepositions that name a kind noun: "a camp at al-Hol", "the city of Mosul".
NAMING_PREPS = word_set("of at called named")
# Dependencies that open a clause of their own; names inside belong to that clause.
CLAUSE_DEPS = word_set("ccomp advcl relcl parataxis csubj xcomp")

Link = tuple[int, str, str]  # (token index of a kind noun, kind, name it carries)
Bounds = tuple[float, float | None, float | None]  # value, low, high


class _Unit(NamedTuple):
    """What a number counts, where its span ends and the token it hangs from."""

    name: str | None
    end: int
    anchor: Token


class _Names(NamedTuple):
    """What subjects are picked from, gathered once per document."""

    links: list[Link]  # kind nouns that carry a name, in text order
    by_token: dict[int, str]  # token index -> name of the entity it is in (any but numbers)
    candidates: list[int]  # sorted token indices of kind nouns and place or group entities


def find_figures(
    doc: Doc, dates: Sequence[DateRef], published: PartialDate | None
) -> tuple[Figure, ...]:
    """Return the figures of ``doc`` in text order, dated by their sentence or ``published``."""
    names, starts = _collect_names(doc), candidate_starts(doc)
    figures, previous = list[Figure](), list[Figure]()
    for index, sent in enumerate(doc.sents):
        inside = starts[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        runs = [run for run in number_runs(sent, inside) if not _inside_date(doc, run, dates)]
        found: list[Figure] = []
        for low_run, high_run in pair_ranges(doc, runs):
            figure = _build(sent, low_run, high_run, names, (found, previous[-1:]))
            if figure is not None and not (found and figure.start < found[-1].end):
                found.append(figure)  # an overlap is the noun of "26 of 26 standards" again
        previous = [
            replace(fig, as_of=_as_of(sent, fig.start, dates, published), sentence=index)
            for fig in found
        ]
        figures.extend(previous)
    return tuple(figures)


def _inside_date(doc: Doc, run: NumberRun, dates: Sequence[DateRef]) -> bool:
    """Tell whether the run overlaps a date the date analyzer found."""
    start, end = doc[run.start].idx, doc[run.end - 1].idx + len(doc[run.end - 1])
    return any(ref.start < end and start < ref.end for ref in dates)


def _as_of(
    sent: Span, at: int, dates: Sequence[DateRef], published: PartialDate | None
) -> PartialDate | None:
    """Return the date nearest to character ``at`` in its sentence, else ``published``."""
    inside = [ref for ref in dates if sent.start_char <= ref.start < sent.end_char]
    return min(inside, key=lambda ref: abs(ref.start - at)).date if inside else published


def _build(
    sent: Span,
    low_run: NumberRun,
    high_run: NumberRun | None,
    names: _Names,
    earlier: tuple[list[Figure], list[Figure]],
) -> Figure | None:
    """Turn one number (or range) into a Figure, or None when it is not a count."""
    doc, last = sent.doc, high_run or low_run
    unit = _find_unit(doc, last, sent.end)
    if unit.name is None:
        unit = _unit_without_noun(doc, last, unit, earlier)
    ends = [low_run] if high_run is None else [low_run, high_run]
    if unit.name in NOT_COUNTED or (unit.name is None and is_bare_year_or_age(doc, ends)):
        return None
    kind, start = approximation(doc, low_run.start, sent.start)
    opens = high_run is not None and start == low_run.start > sent.start
    start -= 1 if opens and doc[start - 1].lower_ == "between" else 0
    value, low, high = _bounds(kind, low_run.value, high_run.value if high_run else None)
    span = doc[start : unit.end]
    root = _root(doc, last)
    return Figure(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=value,
        low=low,
        high=high,
        unit=unit.name,
        subject=_subject(unit.anchor, root, names),
        attributed_to=attribution(sent, root),
    )


def _bounds(kind: str | None, value: float, top: float | None) -> Bounds:
    """Return (value, low, high) for a number, its range end and its hedge word."""
    if top is not None:
        return value, value, top
    if kind == "about":
        return value, value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE)
    return value, value if kind == "at_least" else None, value if kind == "at_most" else None


def _root(doc: Doc, run: NumberRun) -> Token:
    """Return the token of ``run`` whose head lies outside it."""
    for token in doc[run.start : run.end]:
        if token.head.i == token.i or not run.start <= token.head.i < run.end:
            return token
    return doc[run.end - 1]


def _find_unit(doc: Doc, run: NumberRun, limit: int) -> _Unit:
    """Find what ``run`` counts: its currency, a unit word after it, or its noun."""
    root = _root(doc, run)
    if run.currency is not None:
        follows = run.end < limit and CURRENCY_WORDS.get(doc[run.end].lower_) == run.currency
        return _with_rate(doc, _Unit(run.currency, run.end + follows, root), limit)
    word = _unit_word(doc, run.end, limit)
    if word is not None:
        return _with_rate(doc, _Unit(word[0], word[1], doc[word[1] - 1]), limit)
    noun = _counted_noun(doc, root, run.end)
    if noun is None:
        return _Unit(None, run.end, root)
    name = _noun_unit(noun)
    end = _close_quote(doc, run.end, noun.i + 1, limit)
    return _with_rate(doc, _Unit(name, end, noun), limit)


def _unit_word(doc: Doc, index: int, limit: int) -> tuple[str, int] | None:
    """Read a unit written right after a number: "%", "per cent", "km", "square yards"."""
    if index < limit and doc[index].text in HYPHENS and not doc[index - 1].whitespace_:
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
    if head.lower_ in HYPHEN_COUNT_WORDS and head.head.pos_ == "NOUN":
        head, root = head.head, head  # "a 5,000-strong force"
    is_word = head.pos_ in ("NOUN", "PROPN") and head.text[:1].isalpha()  # not "-RRB-"
    if root.dep_ in COUNT_DEPS and is_word and 0 < head.i - root.i <= MAX_UNIT_GAP:
        return head
    if end < len(doc) and doc[end].lower_ == "of":
        for obj in doc[end].children:
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.i - end <= MAX_UNIT_GAP:
                return obj
    return None


def _noun_unit(noun: Token) -> str:
    """Name the unit of a counted noun: "fighters", "USD", "square yards"."""
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    canonical = measure_unit(noun.lower_) or noun.lower_
    return f"{before} {canonical}" if before in AREA_PREFIXES else canonical


def _close_quote(doc: Doc, start: int, end: int, limit: int) -> int:
    """Take in the closing quote of a quoted noun: 1,306 "terrorists"."""
    opened = any(token.is_quote for token in doc[start:end])
    return end + 1 if opened and end < limit and doc[end].is_quote else end


def _with_rate(doc: Doc, unit: _Unit, limit: int) -> _Unit:
    """Add a rate to the unit: "5,000 barrels a day" counts "barrels/day"."""
    end = unit.end
    if end + 1 < limit and doc[end].lower_ == "of" and doc[end + 1].pos_ == "NOUN":
        end += 2  # "5,000 barrels of oil a day"
    words = [token.lower_ for token in doc[end : min(end + 2, limit)]] + ["", ""]
    if words[0] in ("a", "an", "per", "each", "every") and words[1] in RATE_WORDS:
        return unit._replace(name=f"{unit.name}/{words[1]}", end=end + 2)
    if words[0] == "daily":
        return unit._replace(name=f"{unit.name}/day", end=end + 1)
    return unit


def _unit_without_noun(
    doc: Doc, run: NumberRun, unit: _Unit, earlier: tuple[list[Figure], list[Figure]]
) -> _Unit:
    """Take the unit of the figure before ("82 killed and 61 injured") or a casualty word."""
    standalone = _root(doc, run).dep_ in NOMINAL_DEPS
    fits = {"percent": run.value <= MAX_PERCENT}  # "to 11,892" after "0.6 %" is no percent
    same, before = (
        [fig.unit for fig in figs[-1:] if fig.unit and fits.get(fig.unit, True)] for figs in earlier
    )
    follower = doc[run.end].lower_ if run.end < len(doc) else ""
    if standalone and same:
        return unit._replace(name=same[0])
    if follower in CASUALTY_WORDS:
        return unit._replace(name=CASUALTY_WORDS[follower], end=run.end + 1)
    return unit._replace(name=before[0]) if standalone and before else unit


def _collect_names(doc: Doc) -> _Names:
    """Gather every name a figure's subject may be, and the kind nouns that carry one."""
    by_token: dict[int, str] = {}
    kinds = _kind_nouns(doc)
    roots = [noun.i for noun in kinds]
    for ent in doc.ents:
        if ent.label_ not in NUMERIC_LABELS:
            by_token.update(dict.fromkeys(range(ent.start, ent.end), _clean_name(ent.text)))
        roots.extend([ent.root.i] if ent.label_ in SUBJECT_LABELS else [])
    named = [(noun, _direct_name(noun, by_token)) for noun in kinds]
    links = [(noun.i, noun.lower_, name) for noun, name in named if name and name != name.lower()]
    return _Names(links, by_token, sorted(roots))


def _kind_nouns(doc: Doc) -> list[Token]:
    """Return the singular kind nouns of ``doc`` ("camp", "town", "group")."""
    table = doc.to_array(["LOWER", "TAG"])
    hits = numpy.isin(table[:, 0], _KIND_KEYS) & (table[:, 1] == get_string_id("NN"))
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
    text = text[4:] if text[:4].lower() == "the " and len(text) > 4 else text
    return text[:-2].rstrip() if text.endswith(("'s", "’s")) and len(text) > 2 else text


def _subject(anchor: Token, number: Token, names: _Names) -> str | None:
    """Return what a figure belongs to: a kind noun above it, else the nearest name by it."""
    heads, top = _clause_path(anchor)
    for head in heads:
        if (name := _resolve_kind(head, names)) is not None:
            return name
    sent, candidates = number.sent, names.candidates
    inside = candidates[bisect_left(candidates, sent.start) : bisect_left(candidates, sent.end)]
    near = [
        number.doc[index]
        for index in sorted(inside, key=lambda index: abs(index - number.i))
        if _in_clause(number.doc[index], top, anchor) and not _is_source(number.doc[index])
    ]
    named = [names.by_token[token.i] for token in near if token.ent_type_ in SUBJECT_LABELS]
    resolved = [name for token in near if (name := _resolve_kind(token, names)) is not None]
    return next(iter(named or resolved), None)


def _is_source(token: Token) -> bool:
    """Tell whether ``token`` names who reports the figure: "told Reuters", "according to"."""
    while token.dep_ in NAME_PART_DEPS and token.head.i != token.i:
        token = token.head  # "Another SDF spokesman … told": from SDF up to spokesman
    if token.dep_ == "pobj" and token.head.head.lower_ == "according":
        return True
    return token.dep_ in SOURCE_DEPS and token.head.lower_ in REPORTING_VERBS


def _clause_path(token: Token) -> tuple[list[Token], Token]:
    """Return the heads above ``token`` below its clause's verb, and that verb (or the root)."""
    heads = []
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        heads.append(token)
    return heads[:-1] if heads and token.pos_ in ("VERB", "AUX") else heads, token


def _in_clause(token: Token, top: Token, anchor: Token) -> bool:
    """Tell whether ``token`` hangs from ``top`` without passing through a nested clause."""
    while token.i != top.i:
        holds = token.left_edge.i <= anchor.i <= token.right_edge.i
        verb_conj = token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
        if token.head.i == token.i or (not holds and (token.dep_ in CLAUSE_DEPS or verb_conj)):
            return False
        token = token.head
    return True


def _resolve_kind(noun: Token, names: _Names) -> str | None:
    """Name a kind noun: its own name, or for "the camp" the camp mentioned last before it."""
    if noun.tag_ != "NN" or noun.lower_ not in KIND_NOUNS:
        return None
    own = [name for index, _, name in names.links if index == noun.i]
    definite = any(child.dep_ == "poss" or child.lower_ in DEFINITE for child in noun.children)
    earlier = {name: at for at, kind, name in names.links if kind == noun.lower_ and at < noun.i}
    if own or not definite or not earlier:
        return next(iter(own), None)
    return max(earlier, key=lambda name: _last_mention(name, earlier[name], noun.i, names))


def _last_mention(name: str, linked_at: int, before: int, names: _Names) -> int:
    """Return where ``name`` (or a spelling variant of it) was last mentioned before ``before``."""
    key = _name_key(name)
    seen = [at for at, other in names.by_token.items() if at < before and _name_key(other) == key]
    return max([linked_at, *seen])


_name_key = lru_cache(maxsize=4096)(name_key)
