"""Places named inside other entities: the town of "the Richmond Police Department".

A local institution is named after the place it serves ("Boulder City Council", "Clark County
Fire Department", "Woodstock General Hospital"): the words before the institution noun are a
place mention of their own. Only the leading words count, and only before a noun of local
government or public service, so "Richmond Police Department" gives Richmond and "General Motors"
gives nothing. Chosen on the even-index (tune) half of the places dev sets.
"""

from __future__ import annotations

from spacy.tokens import Span

from storyline.analyze.places._mentions import Mention, read_mention

# Nouns that head the name of a body serving a place. Checked against every word after the
# place, so "Platte County Detention Facility" and "Mansfield Law Enforcement Center" qualify.
# Not "department", "university" or "board": national bodies and founders' names open those
# ("the Justice Department", "Duke University").
_INSTITUTION_TEXT = """police sheriff sheriff's council court courts fire hospital clinic school
    schools district airport jail prison detention library municipality mayor transit"""
INSTITUTION_WORDS = frozenset(_INSTITUTION_TEXT.split())
# Words that stop the place part of a name: "Clark County Fire" keeps "Clark County".
PLACE_PART_STOP = INSTITUTION_WORDS | frozenset(
    {"general", "regional", "memorial", "public", "state", "city's", "area", "international"}
)
# Words that may end a place's part of a name: "Clark County", "Boulder City".
PLACE_TAIL_WORDS = frozenset({"county", "city", "parish", "township", "borough"})
# Leading words that are never a place ("The", "North" alone).
MIN_PLACE_CHARS = 3


def organisation_place(ent: Span) -> Mention | None:
    """Return the place an organisation's name opens with, when it names a local body."""
    words = [token for token in ent if token.lower_ not in ("the", "a")]
    if len(words) < 2 or not any(t.lower_ in INSTITUTION_WORDS for t in words[1:]):
        return None
    place_tokens = []
    for token in words:
        if token.lower_ in PLACE_PART_STOP or not token.text[:1].isupper():
            break
        place_tokens.append(token)
    if not place_tokens or len(place_tokens) == len(words):
        return None
    if place_tokens[-1].lower_ in PLACE_TAIL_WORDS and len(place_tokens) == 1:
        return None  # "County Council": no place named
    start, end = place_tokens[0].i, place_tokens[-1].i + 1
    if len(ent.doc[start:end].text) < MIN_PLACE_CHARS:
        return None
    return read_mention(Span(ent.doc, start, end, label="GPE"))
