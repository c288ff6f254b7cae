"""Who a figure is attributed to: "according to the Red Cross", "Preval said", "citing X".

The source is read from the parse of the figure's sentence, nearest cue first:
the object of "according to"; the subject of a reporting verb ("the ministry said",
"state TV reported", "Human Rights Watch estimated"), also in the passive ("was
reported by X"); the object of "citing". Pronouns ("it said", "he told the agency") and
bare nouns without a name or determiner ("officials said") name nobody in
particular and give None only when no better cue is in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.analyze.numbers import word_set

# Verb forms whose subject is the source of what the clause reports (the pipeline has
# no lemmatizer, so forms are listed).
REPORTING_VERBS = word_set(
    "say says said saying tell tells told report reports reported announce announces "
    "announced add adds added claim claims claimed estimate estimates estimated state "
    "states stated confirm confirms confirmed put puts counted count counts recorded "
    "suggest suggests suggested show shows showed indicate indicates indicated quoted"
)
# Most tokens an attribution keeps; longer subjects are clauses, not names.
MAX_SOURCE_TOKENS = 10
# Determiners and words opening a source phrase that are kept out of it.
_LEADING = word_set("the a an")


def attribution(sent: Span, number: Token) -> str | None:
    """Return who the sentence says gives the figure at ``number``, or None."""
    cues = [cue for token in sent if (cue := _cue(token)) is not None]
    named = [cue for cue in cues if _names_someone(cue)]
    if not named:
        return None
    nearest = min(named, key=lambda cue: abs(cue.root.i - number.i))
    return _phrase(nearest)


def _cue(token: Token) -> Span | None:
    """Return the source phrase ``token`` introduces, if it is a source cue."""
    if token.lower_ == "according":
        objects = [obj for child in token.children for obj in child.children if obj.dep_ == "pobj"]
        return _subtree(objects[0]) if objects else None
    if token.lower_ == "citing":
        objects = [child for child in token.children if child.dep_ == "dobj"]
        return _subtree(objects[0]) if objects else None
    if token.pos_ != "VERB" or token.lower_ not in REPORTING_VERBS:
        return None
    for child in token.children:
        if child.dep_ == "nsubj":
            return _subtree(child)
        if child.dep_ == "agent":
            objects = [obj for obj in child.children if obj.dep_ == "pobj"]
            return _subtree(objects[0]) if objects else None
    return None


def _subtree(token: Token) -> Span:
    """Return the phrase a token heads, cut before a relative clause or a comma."""
    doc, end = token.doc, token.right_edge.i + 1
    for child in token.children:
        if child.i > token.i and (child.dep_ in ("relcl", "acl", "punct") or child.text == ","):
            end = min(end, child.left_edge.i)
    return doc[token.left_edge.i : max(end, token.i + 1)]


def _names_someone(phrase: Span) -> bool:
    """Tell whether a phrase names a source: a name, or a determined noun ("the ministry")."""
    if len(phrase) > MAX_SOURCE_TOKENS or phrase.root.pos_ == "PRON":
        return False
    has_name = any(token.pos_ == "PROPN" or token.ent_type_ for token in phrase)
    determined = any(token.dep_ in ("det", "poss") for token in phrase.root.children)
    return has_name or (determined and phrase.root.pos_ == "NOUN")


def _phrase(phrase: Span) -> str:
    """Return the source phrase as text, without a leading article."""
    tokens = list(phrase)
    while tokens and tokens[0].lower_ in _LEADING and len(tokens) > 1:
        tokens = tokens[1:]
    return phrase.doc[tokens[0].i : tokens[-1].i + 1].text
