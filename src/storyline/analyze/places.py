"""Resolve place mentions to coordinates, and merge them across articles.

A mention is looked up in the offline gazetteer; among the entries of that name
the one in the countries the article is about wins, then the most populous.
What the text names right beside a place ("Venice, Louisiana"; "Baghouz, Deir
Al Zor province, Syria") constrains it, and is where an unknown place falls
back to, with a coarser ``precision``. With no evidence the point stays unset:
a missing point is better than a wrong one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from storyline.analyze.gazetteer import (
    LEVEL_ALTERNATE,
    LEVEL_BARE,
    LEVEL_SKELETON,
    Gazetteer,
    GazetteerEntry,
    NameMatch,
    load_gazetteer,
)
from storyline.analyze.names import fold, name_key
from storyline.model import AnalyzedArticle, Citation, Place, PlaceRef

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# spaCy tags some villages and camps ORG ("al-Hol"); these words nearby say it is a place.
_CUE_TEXT = (
    "camp town city village hamlet province governorate district region capital border "
    "crossing enclave stronghold suburb outskirts neighbourhood neighborhood port"
)
PLACE_CUE_WORDS = frozenset(_CUE_TEXT.split())
CUE_WINDOW_BEFORE = 4  # tokens: "the northern Iraqi town of Sinjar"
CUE_WINDOW_AFTER = 3  # tokens: "al-Hawl, a camp with…"
# Words that make a name an admin-1 area ("Deir Al Zor province").
PROVINCE_WORDS = frozenset({"province", "governorate", "state", "region", "oblast", "prefecture"})
# Dependencies of a name used as a modifier: "the London teenager" is not "the London".
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# A province is found through the city it is named after only if that city is this big
# (provincial seats are; a village that shares the name is not evidence).
PROVINCE_SEAT_MIN_POPULATION = 20_000
# A consonant-skeleton match (Busaira ~ Al Busayrah) counts only this similar, in context.
SKELETON_MIN_SIMILARITY = 0.9
# Countries with at least this share of the top country's mentions are what the article is about.
PRIMARY_COUNTRY_SHARE = 0.25
# Outside the article's countries a city resolves only if it is big and dwarfs its namesakes.
DOMINANT_MIN_POPULATION = 100_000
DOMINANCE_RATIO = 10.0
# Cities this big win over the admin area of the same name (New York, Washington).
METRO_MIN_POPULATION = 500_000
# LOC entities are mostly regions and rivers; a city answers one only if it is this big.
LOC_CITY_MIN_POPULATION = 50_000
# A place found in one country only adds that country to the context if it is this big.
SINGLE_COUNTRY_MIN_POPULATION = 10_000
# All-capital mentions this short are abbreviations (VA, DER): they may only name areas (US, UK).
MAX_ABBREVIATION_CHARS = 4
# Unresolved names merge by skeleton only when it has this many letters ("dr" is too short).
MIN_MERGE_KEY_CHARS = 3
MAX_QUALIFIERS = 3  # "Baghouz, Deir Al Zor province, Syria"
QUALIFIER_MAX_WORDS = 5
PRECEDING_AREA_WINDOW = 4  # tokens: "the Louisiana port of Venice"
# How sure a resolution is: stated beside the mention > inferred from context > none.
EVIDENCE_NONE, EVIDENCE_CONTEXT, EVIDENCE_STATED = 0, 1, 2

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_QUALIFIER_START = re.compile(r"[ \t]*,[ \t]*")
_WORD = re.compile(r"[^\s,;:()\[\]]+")
_PRECISION_RANK = {"unknown": 0, "country": 1, "admin": 2, "city": 3}


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    start: int
    end: int
    query: str  # the name looked up: no "the", possessive or "province"
    areas_only: bool  # "the Sinai", "VA": only a country or admin area may answer
    province: bool
    span: Span


@dataclass(frozen=True, slots=True)
class _Resolution:
    name: str | None = None  # None: the mention's own text
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: str = "unknown"
    via: str | None = None
    evidence: int = EVIDENCE_NONE


@dataclass(frozen=True, slots=True)
class _Context:
    gazetteer: Gazetteer
    weights: dict[str, float]
    gpe_by_end: dict[int, Span] = field(default_factory=dict)

    def tier(self, country: str) -> int:
        """Return 2 for a country the article is about, 1 for one it names, else 0."""
        weight, top = self.weights.get(country, 0.0), max(self.weights.values(), default=0.0)
        if weight <= 0:
            return 0
        return 2 if weight >= PRIMARY_COUNTRY_SHARE * top else 1


def resolve_places(doc: Doc) -> tuple[PlaceRef, ...]:
    """Resolve the doc's place mentions; unknown places fall back to what encloses them."""
    ents, text = list(doc.ents), doc.text
    places = [m for m in (_mention(e) for e in ents if e.label_ in PLACE_LABELS) if m]
    gazetteer = load_gazetteer()
    gpes = {ent.end: ent for ent in ents if ent.label_ == "GPE"}
    context = _Context(gazetteer, _country_weights(places, gazetteer), gpes)
    resolved = [(m, _resolve(m, text, context)) for m in places]
    orgs = [m for m in (_mention(e) for e in ents if e.label_ == "ORG") if m]
    resolved += _org_places(orgs, text, context, {_merge_key(m.query) for m in places})
    return tuple(_to_ref(m, r) for m, r in sorted(_propagate(resolved), key=lambda p: p[0].start))


def _mention(ent: Span) -> _Mention | None:
    text, start = ent.text, ent.start_char
    leading = _LEADING_THE.match(text)
    if leading:
        text, start = text[leading.end() :], start + leading.end()
    text = _POSSESSIVE.sub("", text).rstrip()
    words = text.split()
    if not any(ch.isupper() for ch in text) or (len(ent) == 1 and ent[0].tag_ == "JJ"):
        return None  # "mosques"; an adjective tagged as a place
    province = len(words) > 1 and words[-1].lower() in PROVINCE_WORDS
    query = " ".join(words[:-1]) if province else text
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    the_head = before == "the" and ent.root.dep_ not in MODIFIER_DEPS
    short_caps = query.isupper() and len(query) <= MAX_ABBREVIATION_CHARS
    areas_only = bool(leading) or the_head or short_caps
    province = province or _province_word_beside(ent)
    return _Mention(text, start, start + len(text), query, areas_only, province, ent)


def _province_word_beside(ent: Span) -> bool:
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
    province_of = len(before) == 2 and before[1] == "of" and before[0] in PROVINCE_WORDS
    return after in PROVINCE_WORDS or province_of


def _country_weights(mentions: Iterable[_Mention], gazetteer: Gazetteer) -> dict[str, float]:
    """Count the countries the article names, directly or through unambiguous places."""
    weights: Counter[str] = Counter()
    blank = _Context(gazetteer, {})
    for mention in mentions:
        candidates = _candidates(mention, blank)
        chosen = _choose(candidates, blank)
        countries = {c.entry.country for c in candidates if c.level >= LEVEL_ALTERNATE}
        biggest = max((c.entry.population for c in candidates), default=0)
        if chosen is not None:
            weights[chosen.entry.country] += 1
        elif len(countries) == 1 and biggest >= SINGLE_COUNTRY_MIN_POPULATION:
            weights[countries.pop()] += 1
    return dict(weights)


def _candidates(mention: _Mention, context: _Context) -> list[NameMatch]:
    """Return the gazetteer entries this mention may name, weak matches removed."""
    label = mention.span.label_
    found = context.gazetteer.match(mention.query, min_similarity=SKELETON_MIN_SIMILARITY)
    return [c for c in found if _acceptable(c, mention, label, context)]


def _acceptable(found: NameMatch, mention: _Mention, label: str, context: _Context) -> bool:
    entry, area = found.entry, found.entry.kind != "city"
    if found.level == LEVEL_SKELETON and (
        found.similarity < SKELETON_MIN_SIMILARITY or context.tier(entry.country) == 0
    ):
        return False
    if mention.areas_only or label == "LOC":
        big = entry.population >= LOC_CITY_MIN_POPULATION and found.level >= LEVEL_ALTERNATE
        return area or (label == "LOC" and not mention.areas_only and big)
    if label == "FAC":  # a facility shares a city's name only near the article's places
        return area or (context.tier(entry.country) == 2 and found.level >= LEVEL_BARE)
    return not (label == "ORG" and found.level < LEVEL_BARE)


def _choose(candidates: Sequence[NameMatch], context: _Context) -> NameMatch | None:
    """Pick the best candidate, or None when nothing in the text supports one."""
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda c: _score(c, context), reverse=True)
    best = ranked[0]
    if context.tier(best.entry.country) > 0 or _is_exact_area(best):
        return best
    population = best.entry.population
    if best.level < LEVEL_ALTERNATE or population < DOMINANT_MIN_POPULATION:
        return None
    rivals = [o.entry.population for o in ranked[1:] if o.level >= LEVEL_BARE]
    return best if all(population >= DOMINANCE_RATIO * rival for rival in rivals) else None


def _score(found: NameMatch, context: _Context) -> tuple[int, int, float, int, int, float, int]:
    entry, tier = found.entry, context.tier(found.entry.country)
    metro = entry.kind == "city" and entry.population >= METRO_MIN_POPULATION and tier > 0
    prominent = _is_exact_area(found) or (metro and found.level >= LEVEL_ALTERNATE)
    kind_rank = {"country": 2.0, "admin": 1.0}.get(entry.kind, 1.5 if metro else 0.0)
    exact = int(found.level >= LEVEL_BARE)
    return (int(prominent), tier, kind_rank, exact, found.level, found.similarity, entry.population)


def _is_exact_area(found: NameMatch) -> bool:
    return found.entry.kind != "city" and found.level >= LEVEL_ALTERNATE


def _resolve(mention: _Mention, text: str, context: _Context) -> _Resolution:
    areas = _stated_areas(mention, text, context)
    if mention.province:
        province = _province(mention.query, context, areas[-1:])
        if province is not None:
            return _resolution_at(province, EVIDENCE_CONTEXT)
    candidates = _candidates(mention, context)
    if areas and not any(_is_exact_area(c) for c in candidates):  # not a list: "Syria, Iraq"
        return _resolve_within(mention, candidates, areas[0], context)
    chosen = _choose(candidates, context)
    return _resolution_at(chosen.entry, EVIDENCE_CONTEXT) if chosen else _Resolution()


def _resolve_within(
    mention: _Mention, candidates: list[NameMatch], area: GazetteerEntry, context: _Context
) -> _Resolution:
    """Resolve inside the area the text names beside the mention, else fall back to it."""
    inside = [c for c in candidates if _is_inside(c.entry, area) and c.entry.id != area.id]
    chosen = _choose(inside, replace(context, weights={area.country: 1.0}))
    if chosen is not None:
        return _resolution_at(chosen.entry, EVIDENCE_STATED)
    return replace(_resolution_at(area, EVIDENCE_STATED), name=None, via=area.name)


def _is_inside(entry: GazetteerEntry, area: GazetteerEntry) -> bool:
    same_admin = area.kind == "country" or entry.admin1 == area.admin1
    return entry.country == area.country and same_admin


def _resolution_at(entry: GazetteerEntry, evidence: int) -> _Resolution:
    precision = "city" if entry.kind == "city" else entry.kind
    return _Resolution(entry.name, entry.lat, entry.lon, entry.country, precision, None, evidence)


def _stated_areas(mention: _Mention, text: str, context: _Context) -> list[GazetteerEntry]:
    """Return the areas the text names beside the mention, smallest first."""
    areas: list[GazetteerEntry] = []
    end = mention.end
    for _ in range(MAX_QUALIFIERS):
        comma = _QUALIFIER_START.match(text, end)
        found = _area_at(text, comma.end(), context, areas) if comma else None
        if found is None:
            break
        areas.append(found[0])
        end = found[1]
    preceding = _area_before(mention.span, context)
    if preceding is not None:
        areas.append(preceding)
    return sorted(areas, key=lambda a: a.kind == "country")


def _area_at(
    text: str, pos: int, context: _Context, known: list[GazetteerEntry]
) -> tuple[GazetteerEntry, int] | None:
    """Read the country, state or province named at ``pos``; return it and where it ends."""
    words = _following_words(text, pos)
    if not words or not words[0][0][:1].isupper():
        return None
    for count in range(len(words), 0, -1):
        *head, last = [word for word, _ in words[:count]]
        if head and last.lower() in PROVINCE_WORDS:
            found = _province(" ".join(head), context, known)
        else:
            found = _named_area(text[pos : words[count - 1][1]], context)
        if found is not None:
            return found, words[count - 1][1]
    return None


def _following_words(text: str, pos: int) -> list[tuple[str, int]]:
    """Return up to QUALIFIER_MAX_WORDS words from ``pos``, single-space separated."""
    words: list[tuple[str, int]] = []
    for match in _WORD.finditer(text, pos):
        gap = text[words[-1][1] if words else pos : match.start()]
        if len(words) >= QUALIFIER_MAX_WORDS or gap != (" " if words else ""):
            break
        words.append((match.group(), match.end()))
    return words


def _named_area(name: str, context: _Context) -> GazetteerEntry | None:
    areas = [c for c in context.gazetteer.match(name, min_similarity=1.0) if _is_exact_area(c)]
    return max(areas, key=lambda c: _score(c, context)).entry if areas else None


def _area_before(span: Span, context: _Context) -> GazetteerEntry | None:
    """Return the area in "the <area> port of <mention>", if the text says so."""
    if span.start == 0 or span.doc[span.start - 1].lower_ != "of":
        return None
    for end in range(span.start - PRECEDING_AREA_WINDOW, span.start):
        if end in context.gpe_by_end:
            return _named_area(context.gpe_by_end[end].text, context)
    return None


def _province(
    name: str, context: _Context, known: Sequence[GazetteerEntry]
) -> GazetteerEntry | None:
    """Return the admin area called ``name``, directly or via the city it is named after."""
    direct = _named_area(name, context)
    if direct is not None and direct.kind == "admin":
        return direct
    countries = {area.country for area in known}
    seats = [
        c
        for c in context.gazetteer.match(name, min_similarity=1.0)
        if c.entry.kind == "city" and c.level >= LEVEL_BARE
        if c.entry.population >= PROVINCE_SEAT_MIN_POPULATION
        if not countries or c.entry.country in countries
    ]
    seat = _choose(seats, context)
    if seat is None or not seat.entry.admin1:
        return None
    area = context.gazetteer.admin_area(seat.entry.country, seat.entry.admin1)
    return replace(area, name=f"{seat.entry.name} province") if area is not None else None


def _org_places(
    orgs: list[_Mention], text: str, context: _Context, place_keys: set[str]
) -> list[tuple[_Mention, _Resolution]]:
    """Return ORG entities that are places: cued and resolvable, or named as a place elsewhere."""
    found: dict[int, tuple[_Mention, _Resolution]] = {}
    for mention in orgs:
        cued = _has_place_cue(mention.span)
        resolution = _resolve(mention, text, context) if cued else None
        if resolution is not None and resolution.lat is not None:
            found[mention.start] = (mention, resolution)
    keys = place_keys | {_merge_key(m.query) for m, _ in found.values()}
    for mention in orgs:
        if mention.start not in found and _merge_key(mention.query) in keys:
            found[mention.start] = (mention, _Resolution())
    return list(found.values())


def _has_place_cue(ent: Span) -> bool:
    doc = ent.doc
    window = doc[max(0, ent.start - CUE_WINDOW_BEFORE) : min(len(doc), ent.end + CUE_WINDOW_AFTER)]
    return any(token.lower_ in PLACE_CUE_WORDS for token in window)


def _propagate(
    resolved: list[tuple[_Mention, _Resolution]],
) -> list[tuple[_Mention, _Resolution]]:
    """Give mentions of a name the best-supported resolution that name got in the doc."""
    best: dict[str, _Resolution] = {}
    for mention, resolution in resolved:
        key = _merge_key(mention.query)
        if key not in best or _strength(resolution) > _strength(best[key]):
            best[key] = resolution
    return [(m, _better(r, best[_merge_key(m.query)])) for m, r in resolved]


def _better(own: _Resolution, best: _Resolution) -> _Resolution:
    # Fill a mention left without a point; override a guess with what the text states,
    # and a stated area with a smaller one inside the same country.
    stated = best.evidence > own.evidence and best.precision == own.precision
    finer = _strength(best) > _strength(own) and best.country == own.country
    return best if own.lat is None or stated or finer else own


def _strength(resolution: _Resolution) -> tuple[int, int, int]:
    located = int(resolution.lat is not None)
    return located, resolution.evidence, _PRECISION_RANK[resolution.precision]


def _to_ref(mention: _Mention, resolution: _Resolution) -> PlaceRef:
    return PlaceRef(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        name=resolution.name or mention.text,
        lat=resolution.lat,
        lon=resolution.lon,
        country=resolution.country,
        precision=resolution.precision,
        resolved_via=resolution.via,
    )


def _merge_key(name: str) -> str:
    """Key under which spellings of one place meet (its skeleton unless that is too short)."""
    key = name_key(name)
    return key if len(key.replace(" ", "")) >= MIN_MERGE_KEY_CHARS else fold(name)


# ---------------------------------------------------------------- across articles


def merge_places(analyzed: Sequence[AnalyzedArticle]) -> tuple[Place, ...]:
    """Merge place mentions across articles: one Place per location, most mentioned first."""
    groups: dict[tuple[object, ...], list[tuple[str, PlaceRef]]] = defaultdict(list)
    located = _located_keys(analyzed)
    for article in analyzed:
        for ref in article.places:
            groups[_group_key(ref, located)].append((article.id, ref))
    places = [_place(members) for members in groups.values()]
    return tuple(sorted(places, key=lambda p: (-len(p.citations), p.name)))


def _is_direct(ref: PlaceRef) -> bool:
    return ref.lat is not None and ref.resolved_via is None


def _identity(ref: PlaceRef) -> tuple[object, ...]:
    return ("entry", ref.name, ref.lat, ref.lon, ref.country, ref.precision)


def _located_keys(analyzed: Sequence[AnalyzedArticle]) -> dict[str, tuple[object, ...]]:
    """Map each surface name key to the one place it resolved to directly, if only one."""
    seen: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for ref in (ref for article in analyzed for ref in article.places if _is_direct(ref)):
        seen[_merge_key(ref.text)].add(_identity(ref))
    return {key: next(iter(ids)) for key, ids in seen.items() if len(ids) == 1}


def _group_key(ref: PlaceRef, located: dict[str, tuple[object, ...]]) -> tuple[object, ...]:
    if _is_direct(ref):
        return _identity(ref)
    key = _merge_key(ref.text)
    return located.get(key, ("name", key))


def _place(members: list[tuple[str, PlaceRef]]) -> Place:
    refs = [ref for _, ref in members]
    best = max(refs, key=lambda r: (_is_direct(r), _PRECISION_RANK.get(r.precision, 0)))
    names = Counter([r.name for r in refs if _is_direct(r)] or [r.text for r in refs])
    surface = Counter(r.text for r in refs)
    return Place(
        name=min(names, key=lambda n: (-names[n], n)),
        aliases=tuple(sorted(surface, key=lambda n: (-surface[n], n))),
        lat=best.lat,
        lon=best.lon,
        country=best.country,
        precision=best.precision,
        citations=tuple(Citation(article, ref.start, ref.end) for article, ref in members),
    )
