"""Read what a figure counts: its noun class, qualifier, event (stock or flow) and period.

Each figure is read from the parse of its sentence (in the analyze stage, from the
article's own parse; a figure without a reading is read later from a parse of its
sentence alone) and described by explainable cues, after the stock/flow distinction of
economic measurement (a stock is a level at a point in time, a flow a count of events
over a period; see e.g. https://en.wikipedia.org/wiki/Stock_and_flow):

- the counted noun's class: "people", "civilians", "displaced people" and a coordination
  such as "women and children" are all *people*; "fighters", "militants", "jihadists"
  are *fighters*; a lone "women" or "children" stays itself (a subset of the people);
- a qualifier that makes the figure a subset: a capitalised adjective ("Iraqi women"),
  "foreign" or "female";
- the event: the verb the counted noun hangs from (or a participle/relative clause on
  it): "holds", "are held", "with", "there were" give a *stock*; "fled", "poured out",
  "killed", "captured", "sent home" give a flow of that kind;
- the period of a flow ("in the past week", "overnight"), and whether the figure is an
  increment ("another 34,000"), which never counts the same thing as another figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from storyline.analyze.figures import KIND_NOUNS
from storyline.analyze.nlp import load_nlp
from storyline.analyze.numbers import measure_unit, word_set, word_table
from storyline.model import AnalyzedArticle, Figure, FigureReading

STOCK = "stock"
UNKNOWN = "unknown"
# Counted nouns by class; a noun not listed is its own class.
NOUN_CLASSES = word_table(
    "people: people persons person individuals civilians residents inhabitants refugees "
    "migrants displaced idps evacuees survivors workers employees crew crewmen passengers "
    "victims; "
    "fighters: fighters fighter militants militant jihadists jihadis jihadist insurgents "
    "terrorists gunmen rebels combatants extremists; "
    "troops: troops soldiers servicemen; "
    "security: police policemen policewomen officers personnel guards; "
    "people: dead killed wounded injured deaths fatalities lives casualties"  # casualties
)
# Nouns for part of the people; coordinated with another person noun they make "people".
PERSON_PARTS = word_set("women children men elderly girls boys kids minors adults")
# Adjectives that make a count a subset ("foreign fighters"), besides capitalised ones.
SUBSET_ADJECTIVES = word_set("foreign female male")
# Verb forms by event; "stock" are levels, every other event is a flow.
EVENT_VERBS = word_table(
    "stock: hold holds held holding house houses housed housing host hosts hosted hosting "
    "shelter shelters sheltered contain contains contained accommodate accommodates "
    "accommodated live lives lived living reside resides resided remain remains remained "
    "stay stays stayed is are was were be been being has have had number numbers numbered "
    "entrenched trapped; "
    "fled: flee flees fled fleeing escape escapes escaped escaping leave leaves left leaving "
    "pour poured pouring flood flooded flooding stream streamed streaming exit exited "
    "exodus; "
    "evacuated: evacuate evacuates evacuated evacuating rescue rescued bused bussed; "
    "arrived: arrive arrives arrived arriving reach reached enter entered entering join "
    "joined joining flock flocked come came; "
    "returned: return returns returned returning repatriate repatriated send sends sent "
    "deport deported transfer transferred relocated; "
    "killed: kill kills killed killing die dies died dying slain executed massacred; "
    "wounded: wound wounded injure injured injuring hurt; "
    "captured: capture captured capturing arrest arrested detain detained seize seized; "
    "surrendered: surrender surrendered surrendering surrenders; "
    "recruited: recruit recruited recruiting"
)
# Verb + particle events: "gave themselves up", "poured out".
PARTICLE_EVENTS = {("give", "up"): "surrendered", ("gave", "up"): "surrendered"}
PARTICLE_EVENTS |= {("given", "up"): "surrendered", ("lay", "down"): "surrendered"}
# Verbs that pass the event on to the verb they govern: "expected to be sent home".
RAISING_VERBS = word_set(
    "expected expect expects set due likely began begin begun continue continued "
    "continues plan planned plans try tried going"
)
CASUALTY_EVENTS = word_set("killed wounded")
# Adjectives that say the counted are dead: "11 workers presumed dead", "200 people dead".
DEATH_ADJECTIVES = word_set("dead")
# Dependencies by which a verb takes an adjective about its subject or object.
PREDICATE_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp"})
# Units of the analyze stage that measure (no event applies) beside its measure words.
MEASURES = frozenset({"percent", "percentage points"})
# Unit names of the analyze stage that already say the event ("nearly 240 dead").
UNIT_EVENTS = word_table(
    "killed: dead killed deaths fatalities lives; wounded: wounded injured injuries"
)
_PERIOD = re.compile(
    r"\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:past|last|previous|first)\s+"
    r"(?:(\w+)\s+)?(hour|day|week|month|year)s?\b|\b(overnight)\b",
    re.IGNORECASE,
)
_INCREMENT = re.compile(r"\b(?:another|a further|an additional|additional)\s*$", re.IGNORECASE)
_KINDS = "|".join(sorted(KIND_NOUNS))
# Tokens either side of a figure whose content words describe what it is about
# (chosen on the bpoil_guardian dev cluster: "leak", "fund", "cap", "cost" sit that close).
CONTEXT_WINDOW = 8
CONTEXT_POS = word_set("NOUN PROPN VERB ADJ")
# Word endings stripped so that "leaking", "leaked" and "leaks" meet; the stem keeps
# at least MIN_STEM characters.
_ENDINGS = ("ing", "ed", "es", "s")
MIN_STEM = 3


def readings(analyzed: Sequence[AnalyzedArticle]) -> list[list[FigureReading]]:
    """Return a reading per figure of each article: its own, else one from a fresh parse."""
    missing = [
        [(fig, _locate(article, fig)) for fig in article.figures if fig.reading is None]
        for article in analyzed
    ]
    texts = sorted({text for article in missing for _, (text, _) in article})
    docs = dict(zip(texts, load_nlp().pipe(texts, disable=["ner"]), strict=True))
    fresh = {
        id(fig): read_figure(docs[text][:], fig, offset)
        for article in missing
        for fig, (text, offset) in article
    }
    return [[fig.reading or fresh[id(fig)] for fig in article.figures] for article in analyzed]


def _locate(article: AnalyzedArticle, fig: Figure) -> tuple[str, int]:
    """Return the sentence holding a figure and the figure's offset in it (else the figure)."""
    if fig.sentence < len(article.sentences):
        sent = article.sentences[fig.sentence]
        if sent.start <= fig.start and fig.end <= sent.end:
            return sent.text, fig.start - sent.start
    return fig.text, 0


def read_figure(sentence: Span, fig: Figure, offset: int) -> FigureReading:
    """Describe one figure from the parse of its sentence (``offset``: its start in it)."""
    span = sentence.char_span(offset, offset + len(fig.text), alignment_mode="expand")
    noun = _counted_token(span) if span is not None else None
    unit = fig.unit.lower() if fig.unit else None
    event = UNIT_EVENTS.get(unit or "") or UNKNOWN
    if event == UNKNOWN and noun is not None and not _is_measure(fig.unit):
        event = _event(noun)  # "50 km" is no one who was killed, whatever the verb
    period = _period(sentence.text) if event != STOCK else None
    return FigureReading(
        noun=_noun_class(unit, noun),
        qualifier=_qualifier(noun) if noun is not None else "",
        event=event,
        period=period,
        increment=_INCREMENT.search(sentence.text[:offset]) is not None,
        kind=_kind_noun(sentence.text, fig.subject),
        context=_context(sentence, span) if span is not None else (),
    )


def _context(sentence: Span, span: Span) -> tuple[str, ...]:
    """Return the stems of the content words around a figure, outside its own span."""
    start = max(span.start - CONTEXT_WINDOW, sentence.start)
    end = min(span.end + CONTEXT_WINDOW, sentence.end)
    doc = sentence.doc
    words = [
        _stem(token.lower_)
        for token in doc[start:end]
        if not span.start <= token.i < span.end
        and token.pos_ in CONTEXT_POS
        and token.is_alpha
        and not token.is_stop
    ]
    return tuple(sorted(set(words)))


def _stem(word: str) -> str:
    """Strip one inflectional ending: "leaking" -> "leak", "funds" -> "fund"."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _is_measure(unit: str | None) -> bool:
    """Tell whether a unit measures rather than counts: "km", "USD", "percent", "barrels/day"."""
    if unit is None:
        return True
    words = unit.split("/")[0].split()
    return "/" in unit or unit.isupper() or unit in MEASURES or measure_unit(words[-1]) is not None


def _counted_token(span: Span) -> Token:
    """Return the noun a figure's span ends with, else its last token."""
    nouns = [token for token in span if token.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else span[-1]


def _noun_class(unit: str | None, noun: Token | None) -> str | None:
    """Class of what is counted: "people" for coordinated person nouns, else the unit's."""
    if unit is None:
        return None
    if unit in PERSON_PARTS and noun is not None and _coordinated_people(noun):
        return "people"
    return NOUN_CLASSES.get(unit, unit)


def _coordinated_people(noun: Token) -> bool:
    """Tell whether a person noun is coordinated with another ("women, children and elderly")."""
    conjuncts = [token for token in noun.conjuncts if token.i > noun.i]
    return any(t.lower_ in PERSON_PARTS or NOUN_CLASSES.get(t.lower_) for t in conjuncts)


def _qualifier(noun: Token) -> str:
    """Return the subset adjectives on the counted noun ("Iraqi", "foreign")."""
    words = [
        child.text
        for child in noun.children
        if child.dep_ == "amod"
        and child.i < noun.i
        and (child.text[:1].isupper() or child.lower_ in SUBSET_ADJECTIVES)
        and child.i > noun.sent.start  # a capital that only opens the sentence says nothing
    ]
    return " ".join(words)


def _event(noun: Token) -> str:
    """Return the event of the clause a counted noun belongs to."""
    if _said_dead(noun):
        return "killed"
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            if child.lower_ == "left" and child.dep_ == "acl":
                return STOCK  # "1,500 fighters left on the Iraqi side": what remains
            event = _verb_event(child)
            if event != UNKNOWN:
                return event
    return _head_event(noun)


def _said_dead(noun: Token) -> bool:
    """Tell whether an adjective says the counted are dead: on the noun ("200 people
    dead"), or on the verb it is subject or object of ("were presumed dead", "left 200
    people dead", "are dead")."""
    near = [*noun.children, *(grand for child in noun.children for grand in child.children)]
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        near += [child for child in noun.head.children if child.dep_ in PREDICATE_DEPS]
    return any(t.pos_ == "ADJ" and t.lower_ in DEATH_ADJECTIVES for t in near)


def _head_event(token: Token) -> str:
    """Walk up from ``token`` to its verb and name the verb's event."""
    while token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ == "with" and token.head.pos_ == "NOUN":
            return STOCK  # "a camp with 39,000 displaced people"
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return _verb_event(token)
    return _verb_event(token) if token.pos_ in ("VERB", "AUX") else UNKNOWN


def _verb_event(verb: Token) -> str:
    """Name the event of a verb, following "expected to be sent" to the verb it governs."""
    if verb.lower_ in RAISING_VERBS:
        governed = [child for child in verb.children if child.dep_ in ("xcomp", "ccomp")]
        if governed:
            return _verb_event(governed[0])
    for child in verb.children:
        if child.dep_ == "prt" and (verb.lower_, child.lower_) in PARTICLE_EVENTS:
            return PARTICLE_EVENTS[(verb.lower_, child.lower_)]
    return EVENT_VERBS.get(verb.lower_, UNKNOWN)


def _period(text: str) -> str | None:
    """Return the period a flow is counted over ("2 month", "week", "overnight"), if named."""
    match = _PERIOD.search(text)
    if match is None:
        return None
    return (
        match.group(3).lower()
        if match.group(3)
        else " ".join(part.lower() for part in match.group(1, 2) if part)
    )


def _kind_noun(text: str, subject: str | None) -> str | None:
    """Return the kind noun naming ``subject`` in the sentence: "al-Qusair, a camp" -> camp."""
    if not subject or subject.split()[-1].lower() in KIND_NOUNS:
        return None
    name = re.escape(subject)
    patterns = (
        rf"{name}(?:\W+\w+){{0,2}}?\W+({_KINDS})\b",  # "Al Qusair refugee camp", "X, a camp"
        rf"\b({_KINDS})\s+(?:of|at|called|named)\s+{name}",  # "the town of X"
    )
    for pattern in patterns:
        if match := re.search(pattern, text, re.IGNORECASE):
            return match.group(1).lower()
    if subject.lower() not in text.lower():  # subject resolved from "the camp"
        definite = re.search(rf"\b(?:the|this|that)\s+({_KINDS})\b", text, re.IGNORECASE)
        return definite.group(1).lower() if definite else None
    return None
