"""Resolve an article's place mentions, then share each name's best resolution."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from storyline.analyze.gazetteer import LEVEL_ALTERNATE, load_gazetteer
from storyline.analyze.places._areas import province_area, stated_areas, within
from storyline.analyze.places._candidates import candidates
from storyline.analyze.places._context import Context, article_areas
from storyline.analyze.places._disambiguate import choose, is_exact_area
from storyline.analyze.places._embedded import organisation_place
from storyline.analyze.places._mentions import PLACE_LABELS, Mention, merge_key, read_mention
from storyline.analyze.places._resolution import (
    EVIDENCE_CONTEXT,
    PRECISION_RANK,
    Resolution,
    resolution_at,
)
from storyline.model import PlaceRef

# spaCy tags some villages and camps ORG ("al-Qusayr"); these words nearby say it is a place.
_CUE_TEXT = """camp town city village hamlet province governorate district region capital border
    crossing enclave stronghold suburb outskirts neighbourhood neighborhood port"""
PLACE_CUE_WORDS = frozenset(_CUE_TEXT.split())
CUE_WINDOW_BEFORE, CUE_WINDOW_AFTER = 4, 3  # tokens: "the Iraqi town of Sinjar", "Qusair, a camp"
# Entities spaCy may give a place's name under another label ("the town of Calais" as a
# person, "Ridge Farm, Ill." as an organisation, "around Chattanooga" as a product).
MISLABELLED_PLACE_LABELS = ("ORG", "PERSON", "PRODUCT")
# Words right after a name that make it a place's: "Winona police", "Gainesville residents".
_LOCAL_TEXT = """police residents mayor sheriff officials native natives resident city county
    neighborhoods neighbourhoods communities community"""
LOCAL_FOLLOWERS = frozenset(_LOCAL_TEXT.split())
# Prepositions of place right before a name: "a horse in Pahrump", "cities near Greer".
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "throughout"})

Pairs = list[tuple[Mention, Resolution]]


def resolve_places(doc: Doc) -> tuple[PlaceRef, ...]:
    """Resolve the doc's place mentions; unknown places fall back to what encloses them."""
    ents = list(doc.ents)
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    mentions = (read_mention(ent) for ent in ents if ent.label_ in PLACE_LABELS)
    # A surname tagged as a place is the person again ("Lincoln" after "Mary Lincoln"),
    # unless it names a country ("Remembering Chile" read as a person's name).
    places = [m for m in mentions if m and (m.query not in surnames or _is_country(m.query))]
    context = Context(*article_areas(places))
    resolved = [(m, resolve(m, context)) for m in places]
    read = (read_mention(e) for e in ents if e.label_ in MISLABELLED_PLACE_LABELS)
    others = [m for m in read if m is not None and m.query not in surnames]
    place_keys = {merge_key(m.query) for m in places}
    resolved += _other_places(others, context, place_keys)
    resolved += _organisation_places(ents, context, surnames)
    return tuple(_to_ref(m, r) for m, r in sorted(_propagate(resolved), key=lambda p: p[0].start))


def resolve(mention: Mention, context: Context) -> Resolution:
    """Resolve one mention: a stated province, a place inside a stated area, else the best."""
    areas = stated_areas(mention, context)
    if mention.province:
        province = province_area(mention.query, context, areas[-1:])
        if province is not None:
            return resolution_at(province, EVIDENCE_CONTEXT)
    found = candidates(mention, context)
    named_area = any(is_exact_area(c) for c in found)  # "Syria, Iraq" is a list
    if areas and not named_area and (inside := within(found, areas[0], context)):
        return inside
    chosen = choose(found, context)
    return resolution_at(chosen.entry, EVIDENCE_CONTEXT) if chosen else Resolution()


def _other_places(others: list[Mention], context: Context, place_keys: set[str]) -> Pairs:
    """Return entities of other labels that are places: cued or stated in an area ("Ridge
    Farm, Ill.") and resolvable, or (organisations) named as a place elsewhere."""
    found: dict[int, tuple[Mention, Resolution]] = {}
    for mention in others:
        resolution = _cued_place(mention, context)
        if resolution is not None and resolution.lat is not None:
            found[mention.start] = (mention, resolution)
    keys = place_keys | {merge_key(m.query) for m, _ in found.values()}
    for mention in others:
        if mention.span.label_ != "ORG":
            continue  # a person's name met as a place is still the person ("Jordan")
        if mention.start not in found and merge_key(mention.query) in keys:
            found[mention.start] = (mention, Resolution())
    return list(found.values())


def _organisation_places(ents: list[Span], context: Context, surnames: set[str]) -> Pairs:
    """Return the places local bodies are named after ("the Boulder City Council"), placed."""
    found = []
    for ent in ents:
        mention = organisation_place(ent) if ent.label_ == "ORG" else None
        if mention is None or mention.query in surnames:
            continue
        resolution = resolve(mention, context)
        if resolution.lat is not None:
            found.append((mention, resolution))
    return found


def _cued_place(mention: Mention, context: Context) -> Resolution | None:
    """Resolve a mislabelled entity a place cue surrounds, or that sits inside a stated area."""
    ent, doc = mention.span, mention.span.doc
    window = doc[max(0, ent.start - CUE_WINDOW_BEFORE) : ent.end + CUE_WINDOW_AFTER]
    if any(token.lower_ in PLACE_CUE_WORDS for token in window) or _locative(ent):
        return resolve(mention, context)
    areas = stated_areas(mention, context)
    inside = within(candidates(mention, context), areas[0], context) if areas else None
    return inside if inside is not None and inside.name is not None else None


def _locative(ent: Span) -> bool:
    """Tell whether a name stands where a place does: "in Pahrump", "Winona police"."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return before in LOCATIVE_PREPOSITIONS or after in LOCAL_FOLLOWERS or _home_town(ent)


def _home_town(ent: Span) -> bool:
    """Tell whether a name follows a person's as their home: "Mindy Miller of Ravenel"."""
    if ent.start < 2 or ent.doc[ent.start - 1].lower_ != "of":
        return False
    person = ent.doc[ent.start - 2]
    return person.ent_type_ == "PERSON" and person.ent_iob_ in ("B", "I")


def _is_country(name: str) -> bool:
    matches = load_gazetteer().match(name, min_similarity=1.0)
    return any(m.entry.kind == "country" and m.level >= LEVEL_ALTERNATE for m in matches)


def _propagate(resolved: Pairs) -> Pairs:
    """Give mentions of a name the best-supported resolution that name got in the doc."""
    best: dict[str, Resolution] = {}
    for mention, resolution in resolved:
        key = merge_key(mention.query)
        if key not in best or strength(resolution) > strength(best[key]):
            best[key] = resolution
    return [(m, _better(r, best[merge_key(m.query)])) for m, r in resolved]


def _better(own: Resolution, best: Resolution) -> Resolution:
    # Fill a mention with no point; replace a guess by what the text states, or by a smaller one.
    stated = best.evidence > own.evidence
    finer = strength(best) > strength(own) and best.country == own.country
    return best if own.lat is None or stated or finer else own


def strength(found: Resolution) -> tuple[int, int, int]:
    """Rank a resolution: placed, then the evidence for it, then how small its area is."""
    return int(found.lat is not None), found.evidence, PRECISION_RANK[found.precision]


def _to_ref(mention: Mention, found: Resolution) -> PlaceRef:
    located = (found.lat, found.lon, found.country, found.precision, found.via)
    end = mention.start + len(mention.text)
    return PlaceRef(mention.text, mention.start, end, found.name or mention.text, *located)
