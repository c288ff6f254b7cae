"""What a number counts: its currency, a unit word after it, its noun, or an elided unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Token

from storyline.analyze.numbers import (
    AREA_PREFIXES,
    CURRENCY_WORDS,
    HYPHEN_COUNT_WORDS,
    HYPHENS,
    PERCENT_WORDS,
    RATE_WORDS,
    NumberRun,
    measure_unit,
    word_set,
    word_table,
)
from storyline.model import Figure

# Most tokens between a number and its noun ("157 mostly foreign fighters"); beyond, parse
# links are more often wrong than right.
MAX_UNIT_GAP = 5
# Dependencies that tie a number to the noun it counts.
COUNT_DEPS = word_set("nummod quantmod compound nmod amod")
# Dependencies of a number standing for a noun left out ("… and 61 injured").
NOMINAL_DEPS = word_set("nsubj nsubjpass dobj pobj conj appos attr npadvmod")
# Words after a bare number that say what it counts ("left nearly 240 dead"), by unit.
CASUALTY_WORDS = word_table(
    "dead: dead died; killed: killed; wounded: wounded; injured: injured hurt"
)
# Adverbs that make a count a rate ("leaking daily"), by period; words that make a
# period word a rate ("a day", "each day", "per day").
RATE_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year"}
RATE_MARKS = word_set("a an each every per")
# Heads walked up from a counted noun to the verb that may carry its rate.
MAX_VERB_STEPS = 3
# Nouns of a tally whose value a number gives ("the death toll reached 11", "the number
# of people killed rose to 302"), the words that make it a toll of the dead, and the
# dependencies by which a number is the tally's value (object, complement, "rose to").
TALLY_NOUNS = word_set("toll tally number count total figure")
DEATH_WORDS = word_set("death deaths fatality casualty")
TALLY_VALUE_DEPS = word_set("dobj attr pobj")
# An elided unit is not taken over above this value when it is a percentage.
MAX_PERCENT = 100


class Unit(NamedTuple):
    """What a number counts, where its span ends and the token it hangs from."""

    name: str | None
    end: int
    anchor: Token


def root_token(doc: Doc, run: NumberRun) -> Token:
    """Return the token of ``run`` whose head lies outside it."""
    for token in doc[run.start : run.end]:
        if token.head.i == token.i or not run.start <= token.head.i < run.end:
            return token
    return doc[run.end - 1]


def find_unit(doc: Doc, run: NumberRun, limit: int) -> Unit:
    """Find what ``run`` counts: its currency, a unit word after it, or its noun."""
    root = root_token(doc, run)
    if run.currency is not None:
        follows = run.end < limit and CURRENCY_WORDS.get(doc[run.end].lower_) == run.currency
        return _with_rate(doc, Unit(run.currency, run.end + follows, root), limit)
    word = _unit_word(doc, run.end, limit)
    if word is not None:
        return _with_rate(doc, Unit(word[0], word[1], doc[word[1] - 1]), limit)
    noun = _counted_noun(doc, root, run.end)
    if noun is None:
        return Unit(None, run.end, root)
    name = _noun_unit(noun)
    end = _close_quote(doc, run.end, noun.i + 1, limit)
    return _with_rate(doc, Unit(name, end, noun), limit)


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
    while root.dep_ == "conj" and root.head.pos_ == "NUM" and root.head.i < root.i:
        root = root.head  # "one or two million people": the range's first end holds the noun
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


def _with_rate(doc: Doc, unit: Unit, limit: int) -> Unit:
    """Add a rate to the unit: "5,000 barrels a day" counts "barrels/day"."""
    end = unit.end
    if end + 1 < limit and doc[end].lower_ == "of" and doc[end + 1].pos_ == "NOUN":
        end += 2  # "5,000 barrels of oil a day"
    words = [token.lower_ for token in doc[end : min(end + 2, limit)]] + ["", ""]
    if words[0] in RATE_MARKS and words[1] in RATE_WORDS:
        return unit._replace(name=f"{unit.name}/{words[1]}", end=end + 2)
    if words[0] in RATE_ADVERBS:
        return unit._replace(name=f"{unit.name}/{RATE_ADVERBS[words[0]]}", end=end + 1)
    period = _verb_rate(unit.anchor)
    return unit._replace(name=f"{unit.name}/{period}") if period else unit


def _verb_rate(anchor: Token) -> str | None:
    """Read the rate the verb of a figure carries: "5,000 barrels are leaking daily",
    "had been gushing ... each day"; the period word, or None."""
    verb = anchor
    for _ in range(MAX_VERB_STEPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in RATE_ADVERBS:
            return RATE_ADVERBS[child.lower_]
        marks = {grand.lower_ for grand in child.children} | {verb.doc[child.i - 1].lower_}
        if child.lower_ in RATE_WORDS and marks & RATE_MARKS and child.dep_ != "pobj":
            return child.lower_
    return None


def unit_without_noun(
    doc: Doc, run: NumberRun, unit: Unit, earlier: tuple[list[Figure], list[Figure]]
) -> Unit:
    """Take the unit of the figure before ("82 killed and 61 injured"), passing over one
    inside another figure's phrase ("80 deaths from two hospitals in Cairo, 36 in
    Alexandria": the 36 are deaths), or a casualty word."""
    standalone = root_token(doc, run).dep_ in NOMINAL_DEPS
    fits = {"percent": run.value <= MAX_PERCENT}  # "to 11,892" after "0.6 %" is no percent
    parallel = [fig for fig in earlier[0] if not _nested(doc, fig, earlier[0])]
    same, before = (
        [fig.unit for fig in figs[-1:] if fig.unit and fits.get(fig.unit, True)]
        for figs in (parallel, earlier[1])
    )
    follower = doc[run.end].lower_ if run.end < len(doc) else ""
    if (tallied := _tally_unit(root_token(doc, run))) is not None:
        return unit._replace(name=tallied)
    if standalone and same:
        return unit._replace(name=same[0])
    if follower in CASUALTY_WORDS:
        return unit._replace(name=CASUALTY_WORDS[follower], end=run.end + 1)
    return unit._replace(name=before[0]) if standalone and before else unit


def _tally_unit(number: Token) -> str | None:
    """Read what a number counts from the tally it is the value of: "the death toll has
    reached 11" counts the dead, "the number of people killed rose to 302" the killed."""
    verb = number.head.head if number.dep_ == "pobj" else number.head
    if number.dep_ not in TALLY_VALUE_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    tallies = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not tallies or tallies[0].lower_ not in TALLY_NOUNS:
        return None
    tally = tallies[0]
    if any(child.lower_ in DEATH_WORDS for child in tally.children if child.i < tally.i):
        return "dead"  # "the death toll"
    counted = [obj for prep in tally.children if prep.lower_ == "of" for obj in prep.children]
    if not counted or counted[0].pos_ not in ("NOUN", "ADJ"):
        return None
    noun = counted[0]
    event = [c.lower_ for c in noun.children if c.dep_ == "acl" and c.lower_ in CASUALTY_WORDS]
    return CASUALTY_WORDS[event[0]] if event else noun.lower_


def _nested(doc: Doc, fig: Figure, found: Sequence[Figure]) -> bool:
    """Tell whether a figure lies inside the phrase of another figure of its sentence."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return False
    ancestors = {token.i for token in span[0].ancestors}
    for other in found:
        if other is fig:
            continue
        head = doc.char_span(other.start, other.end, alignment_mode="expand")
        if head is not None and any(token.i in ancestors for token in head):
            return True
    return False
