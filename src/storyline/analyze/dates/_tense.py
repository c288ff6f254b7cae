"""Read the tense of the clause a date expression sits in: past, present or future."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Token

Tense = Literal["past", "present", "future"]

# How many steps up the parse tree to look for the verb that governs a date: "for a
# mission in December" climbs December → in → mission → for → named.
HEAD_HOPS = 6
# Auxiliaries that put a clause in the future ("wo" is how spaCy splits "won't"). "would"
# is the future seen from a past report: "said it would meet … on Saturday" (issue 9).
FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall", "would"})
# Words that put a following to-infinitive in the future: "is expected to land on Friday".
FUTURE_GOVERNORS = frozenset(
    {
        "expected", "scheduled", "due", "set", "going", "slated", "poised", "planned", "plans",
        "plan", "planning", "intends", "intend", "intended", "aims", "aim",
    }
)  # fmt: skip
# Participles that speak of what is to come by themselves: "which is expected in December".
FUTURE_PARTICIPLES = frozenset({"expected", "scheduled", "slated", "due", "planned"})
# Fine-grained tags of a verb or auxiliary in the past: "said", "was", "had".
PAST_TAGS = frozenset({"VBD"})


def clause_tense(doc: Doc, start: int, end: int) -> Tense:
    """Return the tense of the verb governing ``doc.text[start:end]`` ("present" if none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "present"
    verb = _governing_verb(span.root)
    if verb is None:
        return "present"
    auxiliaries = [child for child in verb.children if child.dep_.startswith("aux")]
    if _speaks_of_future(verb, auxiliaries):
        return "future"
    if verb.tag_ in PAST_TAGS or any(aux.tag_ in PAST_TAGS for aux in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and not any(aux.lemma_ == "be" for aux in auxiliaries):
        return "past"  # "has agreed on Monday", "the year ended March 31": what is done
    return "present"


def _governing_verb(token: Token) -> Token | None:
    """Climb from ``token`` to the nearest verb or auxiliary above it, if any is near."""
    for _ in range(HEAD_HOPS + 1):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.pos_ == "ADJ":  # "payable Dec. 7", "effective Jan. 1": no tense of its own
            return None
        if token.head is token:
            return None
        token = token.head
    return None


def _speaks_of_future(verb: Token, auxiliaries: list[Token]) -> bool:
    """Tell whether ``verb`` with its auxiliaries speaks of what is to come."""
    if any(aux.lower_ in FUTURE_AUX for aux in auxiliaries):
        return True
    if verb.lower_ in FUTURE_PARTICIPLES and verb.tag_ in ("VBN", "JJ"):
        return True
    has_to = any(aux.lower_ == "to" for aux in auxiliaries)
    return has_to and verb.head.lower_ in FUTURE_GOVERNORS
