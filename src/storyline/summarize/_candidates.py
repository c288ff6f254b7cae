"""Sentences fit to stand alone in a summary, reduced to their content terms.

A summary line must read as a complete statement out of context, so headings,
captions, questions, unattributed quotes, fragments and page furniture are left out
(the filters follow the sentence-quality rules of extractive news summarizers, e.g.
MEAD's, Radev et al. 2004, https://doi.org/10.1016/j.ipm.2003.10.006).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.model import AnalyzedArticle

# Fewer words than this is a fragment, a dateline or a caption credit, not a statement
# ("Three killed."); 6 chosen on clusters 0-124 of the Multi-News validation sample
# (8 loses 0.14 ROUGE-1 there, 5 gains 0.04 more but admits fragments).
MIN_WORDS = 6
# More words than this is a run-on list or several sentences glued by a missing stop.
MAX_WORDS = 70
# A line whose words are mostly Capitalised is a heading or a title, not a sentence.
TITLE_CASE_SHARE = 0.6
# Headings are judged by their capitalisation only when they have at least this many words.
TITLE_CASE_MIN_WORDS = 4

# A quoted passage this short is a title, a term or scare quotes, not reported speech,
# so it needs no speaker (set by judgement).
SCARE_QUOTE_WORDS = 3
# A sentence at most this share of whose words are quoted is the writer's own statement
# citing a phrase, not a quotation; 0.5 by judgement (0.3 to 0.7 differ by < 0.05 ROUGE-1
# on the Multi-News sample). Both rules together gain 0.37 ROUGE-1 there (clusters 0-124:
# +0.52, 125-249: +0.22).
QUOTED_SHARE = 0.5

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_TERMINAL = re.compile(r"[.!][\"'”’)\]]*$")
_OPENING = re.compile(r"^[\"'“‘(]?[A-Z0-9]")
_ATTRIBUTION = re.compile(
    r"\b(said|says|say|told|tells|according to|added|adds|wrote|writes|stated|states|"
    r"explained|explains|noted|notes|insisted|argued|claimed|announced|tweeted|declared|"
    r"recalled|warned|acknowledged|admitted|continued)\b",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"https?://|www\.|\S@\S|©|\bcopyright\b|\ball rights reserved\b|\bclick\b|\bsubscribe\b|"
    r"\bsign up\b|\bnewsletter\b|\bcookies?\b|\bjavascript\b|\bbrowser\b|\badvertisement\b|"
    r"\bread more\b|\blearn more\b|\bfollow (us|me|him|her)\b|\bphoto(graph)?s?\s*[:/(]|"
    r"\(photo\b|\bimage:|\bcaption\b|\bfile photo\b|\bpictured\b|\bcontributed to this report\b|"
    r"\bthis (story|article) (has been|was) (updated|corrected)\b|\bhas been updated\b",
    re.IGNORECASE,
)
# "CITY, Country (Agency) - " opening a wire story: cited from the words after it.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(,[A-Za-z .'-]+)?(\([^)]{1,40}\))?\s*[-–—]+\s*(?=[A-Z])")
# An update stamp opening a live-page paragraph, "(Update 2:45 p.m. Cairo, 7:45 a.m. ET) "
# or "UPDATE 3: ": cited from the words after it, like a dateline (issue 10).
_UPDATE_STAMP = re.compile(
    r"^(?:\((?:updated?|posted|last updated)\b[^()\n]{0,80}\)|update\s*\d*\s*:)\s*(?=\S)",
    re.IGNORECASE,
)
# A sentence opening on a discourse connective continues a sentence that is not shown
# ("However, the group's leader is still at large"); it cannot stand alone (issue 10).
_CONNECTIVE_OPENING = re.compile(
    r"^[\"'“‘]?(?:however|but|and|or|yet|still|also|meanwhile|moreover|furthermore|"
    r"nevertheless|nonetheless|instead|besides|likewise|similarly|otherwise|thus|therefore|"
    r"hence|consequently|accordingly|indeed|then|so|in addition|in contrast|by contrast|"
    r"on the other hand|as a result|even so|at the same time|in turn)\b",
    re.IGNORECASE,
)
# Substrings one of which every furniture match contains: a fast test before the regex.
_FURNITURE_HINTS = (
    "http",
    "www.",
    "@",
    "©",
    "copyright",
    "rights reserved",
    "click",
    "subscribe",
    "sign up",
    "newsletter",
    "cookie",
    "javascript",
    "browser",
    "advertisement",
    "read more",
    "learn more",
    "follow ",
    "photo",
    "image:",
    "caption",
    "pictured",
    "contributed to",
    "updated",
    "corrected",
)
_SUFFIXES = ("ing", "ies", "ied", "es", "ed", "s")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence (or its last line) that may go into the summary."""

    article: str
    position: int  # index of the sentence in its article
    start: int
    end: int
    text: str
    words: int
    terms: tuple[str, ...]  # content stems in order, stop words dropped


def find_candidates(analyzed: Sequence[AnalyzedArticle]) -> list[Candidate]:
    """Find every sentence of every article that could stand alone in a summary."""
    found: list[Candidate] = []
    for article in analyzed:
        for position, sent in enumerate(article.sentences):
            candidate = _candidate(article.id, position, sent.start, sent.text)
            if candidate is not None:
                found.append(candidate)
    return found


def stem_terms(text: str) -> tuple[str, ...]:
    """Return the lower-cased content words of ``text`` with common suffixes cut off."""
    return tuple(
        _stem(word) for word in (w.lower() for w in _WORD.findall(text)) if word not in STOP_WORDS
    )


def _candidate(article: str, position: int, start: int, text: str) -> Candidate | None:
    """Return the longest line of the sentence that is a statement, if any."""
    best: tuple[int, str] | None = None
    offset = 0
    for line in text.split("\n"):
        stripped = _UPDATE_STAMP.sub("", _DATELINE.sub("", line.strip()))
        if stripped and _is_statement(stripped) and (best is None or len(stripped) > len(best[1])):
            best = (offset + line.index(stripped), stripped)
        offset += len(line) + 1
    if best is None:
        return None
    lead, kept = best
    return Candidate(
        article=article,
        position=position,
        start=start + lead,
        end=start + lead + len(kept),
        text=kept,
        words=len(kept.split()),
        terms=stem_terms(kept),
    )


def _is_statement(text: str) -> bool:
    """Tell whether ``text`` is a complete, attributed, non-furniture declarative sentence."""
    words = text.split()
    return (
        MIN_WORDS <= len(words) <= MAX_WORDS
        and _TERMINAL.search(text) is not None
        and _OPENING.match(text) is not None
        and _CONNECTIVE_OPENING.match(text) is None
        and not _is_heading(words)
        and not _is_furniture(text)
        and _quotes_are_attributed(text)
    )


def _is_furniture(text: str) -> bool:
    """Tell whether the sentence is page furniture: links, credits, prompts, update notes."""
    lowered = text.lower()
    return any(hint in lowered for hint in _FURNITURE_HINTS) and bool(_FURNITURE.search(text))


def _is_heading(words: Sequence[str]) -> bool:
    """Tell whether most words are capitalised, as in a title or a caption credit."""
    alphabetic = [w for w in words if w[:1].isalpha()]
    if len(alphabetic) < TITLE_CASE_MIN_WORDS:
        return False
    capitalised = sum(1 for w in alphabetic if w[0].isupper())
    return capitalised / len(alphabetic) >= TITLE_CASE_SHARE


def _quotes_are_attributed(text: str) -> bool:
    """Tell whether quotes are balanced and, when they carry speech, attributed to a speaker."""
    straight = text.count('"')
    opened, closed = text.count("“"), text.count("”")
    if straight % 2 or opened != closed:
        return False
    if straight == 0 and opened == 0:
        return True
    quoted = [len(q.split()) for q in _QUOTED.findall(text)]
    if max(quoted, default=0) <= SCARE_QUOTE_WORDS:
        return True
    if sum(quoted) <= QUOTED_SHARE * len(text.split()):
        return True
    return _ATTRIBUTION.search(_outside_quotes(text)) is not None


def _outside_quotes(text: str) -> str:
    """Blank out the quoted passages of ``text``."""
    return _QUOTED.sub(" ", text)


def _stem(word: str) -> str:
    """Cut one common English inflection off ``word`` (a crude, fast stemmer)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
