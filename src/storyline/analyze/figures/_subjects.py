"""What a figure belongs to: the camp, town or group it hangs from, or the nearest name."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from storyline.analyze.names import name_key
from storyline.analyze.numbers import word_set

# Nouns whose definite mentions ("the camp") stand for a place or group named earlier.
KIND_NOUNS = word_set(
    "camp city town village hamlet enclave province district region area country group militia "
    "organisation organization prison hospital base neighbourhood neighborhood valley island "
    "county port"
)
_KIND_KEYS = numpy.array([get_string_id(word) for word in KIND_NOUNS], dtype=numpy.uint64)
# Entity labels of numbers and dates (never names), and of what a figure can belong to.
NUMERIC_LABELS = word_set("CARDINAL QUANTITY MONEY PERCENT DATE TIME ORDINAL")
SUBJECT_LABELS = word_set("GPE LOC FAC ORG")
# Who reports a figure is not what it is about: "the spokesman told reporters", "the army said".
REPORTING_VERBS = word_set(
    "said says say told tells tell reported reports announced added claimed claims estimated "
    "estimates stated confirmed"
)
SOURCE_DEPS = word_set("nsubj dobj dative")
# Dependencies inside a noun phrase, walked up to find the phrase a name belongs to.
NAME_PART_DEPS = word_set("compound poss amod appos nmod")
DEFINITE = word_set("the this that")  # determiners that point back: "the camp"
# Prepositions that name a kind noun: "a camp at al-Qusayr", "the city of Mosul".
NAMING_PREPS = word_set("of at called named")
# Dependencies that open a clause of their own; names inside belong to that clause.
CLAUSE_DEPS = word_set("ccomp advcl relcl parataxis csubj xcomp")

Link = tuple[int, str, str]  # (token index of a kind noun, kind, name it carries)


class Names(NamedTuple):
    """What subjects are picked from, gathered once per document."""

    links: list[Link]  # kind nouns that carry a name, in text order
    by_token: dict[int, str]  # token index -> name of the entity it is in (any but numbers)
    candidates: list[int]  # sorted token indices of kind nouns and place or group entities


def collect_names(doc: Doc) -> Names:
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
    return Names(links, by_token, sorted(roots))


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


def subject_of(
    anchor: Token, number: Token, names: Names, others: Sequence[int] = ()
) -> str | None:
    """Return what a figure belongs to: a kind noun above it, else the nearest name by it.

    Names in the figure's own phrase come first ("232 in Cairo"); a name in the phrase of
    another number of the sentence (token indices ``others``) is that number's, not this
    one's ("302 people were killed -- 232 in Cairo, 52 in Alexandria")."""
    heads, top = _clause_path(anchor)
    for head in heads:
        if (name := _resolve_kind(head, names)) is not None:
            return name
    sent, candidates = number.sent, names.candidates
    inside = candidates[bisect_left(candidates, sent.start) : bisect_left(candidates, sent.end)]
    doc = number.doc
    owned = {
        token.i
        for index in others
        if index != number.i and not _covers(doc[index], number)
        for token in doc[index].subtree
    }
    own = {t.i for root in (number, anchor) for t in root.subtree}
    near = [
        number.doc[index]
        for index in sorted(inside, key=lambda index: (index not in own, abs(index - number.i)))
        if _in_clause(number.doc[index], top, anchor)
        and not _is_source(number.doc[index])
        and index not in owned
    ]
    named = [names.by_token[token.i] for token in near if token.ent_type_ in SUBJECT_LABELS]
    resolved = [name for token in near if (name := _resolve_kind(token, names)) is not None]
    return next(iter(named or resolved), None)


def _is_source(token: Token) -> bool:
    """Tell whether ``token`` names who reports the figure: "told reporters", "according to"."""
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


def _resolve_kind(noun: Token, names: Names) -> str | None:
    """Name a kind noun: its own name, or for "the camp" the camp mentioned last before it."""
    if noun.tag_ != "NN" or noun.lower_ not in KIND_NOUNS:
        return None
    own = [name for index, _, name in names.links if index == noun.i]
    definite = any(child.dep_ == "poss" or child.lower_ in DEFINITE for child in noun.children)
    earlier = {name: at for at, kind, name in names.links if kind == noun.lower_ and at < noun.i}
    if own or not definite or not earlier:
        return next(iter(own), None)
    return max(earlier, key=lambda name: _last_mention(name, earlier[name], noun.i, names))


def _last_mention(name: str, linked_at: int, before: int, names: Names) -> int:
    """Return where ``name`` (or a spelling variant of it) was last mentioned before ``before``."""
    key = _name_key(name)
    seen = [at for at, other in names.by_token.items() if at < before and _name_key(other) == key]
    return max([linked_at, *seen])


_name_key = lru_cache(maxsize=4096)(name_key)


def _covers(token: Token, other: Token) -> bool:
    """Tell whether ``other`` lies in the phrase ``token`` heads."""
    return token.left_edge.i <= other.i <= token.right_edge.i
