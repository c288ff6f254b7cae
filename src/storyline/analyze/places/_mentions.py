"""Read a place mention from a spaCy entity: the name to look up and what it may be."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from storyline.analyze import gazetteer as gz
from storyline.analyze.names import fold, name_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


# Regions bigger than a country: never resolved to a point (GeoNames calls a town "Africa").
_REGIONS = "africa|europe|asia|middle east|north america|south america|latin america|caribbean"


REGION_NAMES = frozenset(_REGIONS.split("|"))


# Words that make a name an admin-1 area ("Kunduz province").
PROVINCE_WORDS = frozenset({"province", "governorate", "state", "region", "oblast", "prefecture"})


# Dependencies of a name used as a modifier: "the London teenager" is not "the London".
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


# All-capital mentions this short are abbreviations (VA, DER): they may only name areas (US, UK).
MAX_ABBREVIATION_CHARS = 4


# Unresolved names merge by skeleton only when it has this many letters ("dr" is too short).
MIN_MERGE_KEY_CHARS = 3


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


_POSSESSIVE = re.compile(r"(?:['’]s|['’]|\s+[.,;:]+)$")  # and tokenised end punctuation


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    query: str  # the name looked up: no "the", possessive or "province"
    only: str  # "area" ("the Sinai": a country or admin area), "country" ("VA", "US") or ""
    province: bool
    span: Span


def read_mention(ent: Span) -> Mention | None:
    text, start = ent.text, ent.start_char
    leading = _LEADING_THE.match(text)
    if leading:
        text, start = text[leading.end() :], start + leading.end()
    text = _POSSESSIVE.sub("", text).rstrip()
    words = text.split()
    if not any(ch.isupper() for ch in text) or (len(ent) == 1 and ent[0].tag_ == "JJ"):
        return None  # "mosques"; an adjective tagged as a place
    province = len(words) > 1 and words[-1].lower() in PROVINCE_WORDS
    query = " ".join(words[:-1]) if province else text
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    the_head = before == "the" and ent.root.dep_ not in MODIFIER_DEPS
    short_caps = query.isupper() and len(query) <= MAX_ABBREVIATION_CHARS
    only = "country" if short_caps else "area" if leading or the_head else ""
    only = "none" if fold(query) in REGION_NAMES else only
    province = province or _province_word_beside(ent)
    return Mention(text, start, query, only, province, ent)


def _province_word_beside(ent: Span) -> bool:
    words = [t.lower_ for t in ent.doc[max(0, ent.start - 2) : ent.end + 1]]
    province_of = len(words) > 1 and words[0] in PROVINCE_WORDS and words[1] == "of"
    return words[-1] in PROVINCE_WORDS or province_of


@lru_cache(maxsize=gz.LOOKUP_CACHE_SIZE)
def merge_key(name: str) -> str:
    """Key under which spellings of one place meet (its skeleton unless that is too short)."""
    key = name_key(name)
    return key if len(key.replace(" ", "")) >= MIN_MERGE_KEY_CHARS else fold(name)
