"""Acronyms an article defines: "Islamic State (IS)" or "SDF (Syrian Democratic Forces)"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.analyze.aliases import MAX_ACRONYM, looks_like_acronym
from storyline.analyze.names import fold

TOKENS_PER_LETTER = 3  # how far back an expansion may start before "(ACR)", per letter

_SMALL_WORDS = "of the and for in on at to de du des la le al el ad an a e i wal - & ' ’"
_SKIPPABLE = frozenset(_SMALL_WORDS.split())
_BRACKET_WINDOW = TOKENS_PER_LETTER * MAX_ACRONYM  # tokens searched for the closing ")"


def find_acronyms(doc: Doc) -> dict[str, str]:
    """Map each acronym the text defines ("Islamic State (IS)") to its expansion."""
    brackets = (doc.to_array("ORTH") == doc.vocab.strings["("]).nonzero()[0]  # no Token objects
    pairs = [_parenthesised(doc, int(i)) for i in brackets]
    return dict(reversed([pair for pair in pairs if pair and "\n" not in pair[1]]))  # 1st wins


def _parenthesised(doc: Doc, i: int) -> tuple[str, str] | None:
    """Read "Long Form (ACR)" or "ACR (Long Form)" around the bracket at ``i``."""
    end = min(len(doc), i + _BRACKET_WINDOW)
    close = next((k for k in range(i + 1, end) if doc[k].text == ")"), None)
    if close == i + 2 and looks_like_acronym(doc[i + 1].text):
        letters = doc[i + 1].text.replace(".", "")
        first = max(0, i - TOKENS_PER_LETTER * len(letters))
        start = _expansion_start([t.text for t in doc[first:i]], letters)
        return None if start is None else (doc[i + 1].text, doc[first + start : i].text)
    if close is None or i < 1 or not looks_like_acronym(doc[i - 1].text):
        return None
    words = [t.text for t in doc[i + 1 : close]]
    if _expansion_start(words, doc[i - 1].text.replace(".", "")) != 0:
        return None
    return doc[i - 1].text, doc[i + 1 : close].text


def _expansion_start(words: Sequence[str], letters: str) -> int | None:
    """Index of the word where an expansion of ``letters`` ending at ``words[-1]`` starts."""
    if not words or not words[-1][:1].isupper():
        return None
    start = _match_back(words, letters.lower(), len(words) - 1, len(letters) - 1)
    return start if start is not None and len(words) - start >= 2 else None


def _match_back(words: Sequence[str], letters: str, i: int, j: int) -> int | None:
    """Match letters[:j+1] to initials of words[:i+1] from the right, skipping small words."""
    if j < 0 or i < 0:
        return i + 1 if j < 0 else None
    word, small = words[i], words[i].lower() in _SKIPPABLE
    if fold(word)[:1] == letters[j] and (word[:1].isupper() or small):
        start = _match_back(words, letters, i - 1, j - 1)
        if start is not None:
            return start
    return _match_back(words, letters, i - 1, j) if small else None
