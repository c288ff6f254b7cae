"""Normalise names so transliteration variants share one key.

al-Qusayr / al-Qusair / Al Qusayr, Mazar-i-Sharif / Mazar-e-Sharif / Mazar e Sharif and
Kunduz / Kondoz differ in articles, vowels and doubled letters; the key drops
what varies between romanisations of the same Arabic (or other) name.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_ARTICLE = re.compile(
    r"\b(?:[aAeE][lrsdntzL]|[aA]sh|[uU]l)[-\s]+(?=\w)"  # al-, el-, ar-, ez-, ash-, ul-
    r"|\b(?:al|el)(?=[A-Z])"  # alAssad, elZour: hyphen lost in print
)
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text`` with punctuation turned into spaces."""
    ascii_text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    ascii_text = ascii_text.replace("'", "").replace("\u2019", "")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", ascii_text)).strip()


def name_key(text: str) -> str:
    """Key under which spelling variants of one name collide.

    Drops Arabic articles (al-, el-, ar-, as-…), the definite "the", vowels
    after the first letter of each word (aw/ou/u/o, e/a/i) and doubled letters.
    """
    folded = fold(_ARTICLE.sub("", text))
    words = [w for w in folded.split() if w != "the"]
    return " ".join(_skeleton(word) for word in words)


def _skeleton(word: str) -> str:
    if word.isdigit() or len(word) <= 2:
        return word
    head, tail = word[0], word[1:]
    tail = re.sub(r"[aeiouwy]+", "", tail).replace("gh", "g").replace("kh", "k").replace("dh", "d")
    skeleton = _DOUBLED.sub(r"\1", head + tail)
    return skeleton[:-1] if len(skeleton) > 2 and skeleton.endswith("h") else skeleton
