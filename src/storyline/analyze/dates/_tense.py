"""Tell whether a date expression sits in a clause about the future."""

from __future__ import annotations

from spacy.tokens import Doc

# How many steps up the parse tree to look for the verb that governs a date.
HEAD_HOPS = 3
# Auxiliaries that put a clause in the future ("wo" is how spaCy splits "won't").
FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall"})
# Words that put a following to-infinitive in the future: "is expected to land on Friday".
FUTURE_GOVERNORS = frozenset(
    {"expected", "scheduled", "due", "set", "going", "slated", "poised", "planned", "plans"}
)


def in_future_clause(doc: Doc, start: int, end: int) -> bool:
    """Tell whether the verb governing ``doc.text[start:end]`` speaks of the future."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    for _ in range(HEAD_HOPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if any(child.lower_ in FUTURE_AUX for child in verb.children if child.dep_.startswith("aux")):
        return True
    has_to = any(child.lower_ == "to" for child in verb.children if child.dep_ == "aux")
    return has_to and verb.head.lower_ in FUTURE_GOVERNORS
