"""Resolve place mentions to coordinates, and merge them across articles.

Candidates in the countries an article is about win, then the most populous. What the text names
beside a place ("Venice, Louisiana") constrains it, or is where an unknown place falls back to.
With no evidence the point stays unset: a missing point is better than a wrong one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from storyline.analyze import gazetteer as gz
from storyline.analyze.gazetteer import GazetteerEntry, NameMatch, load_gazetteer
from storyline.analyze.names import fold, name_key
from storyline.model import AnalyzedArticle, Citation, Place, PlaceRef

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Regions bigger than a country: never resolved to a point (GeoNames calls a town "Africa").
_REGIONS = "africa|europe|asia|middle east|north america|south america|latin america|caribbean"
REGION_NAMES = frozenset(_REGIONS.split("|"))
# spaCy tags some villages and camps ORG ("al-Hol"); these words nearby say it is a place.
_CUE_TEXT = """camp town city village hamlet province governorate district region capital border
    crossing enclave stronghold suburb outskirts neighbourhood neighborhood port"""
PLACE_CUE_WORDS = frozenset(_CUE_TEXT.split())
CUE_WINDOW_BEFORE, CUE_WINDOW_AFTER = 4, 3  # tokens: "the Iraqi town of Sinjar", "Hawl, a camp"
# Words that make a name an admin-1 area ("Deir Al Zor province").
PROVINCE_WORDS = frozenset({"province", "governorate", "state", "region", "oblast", "prefecture"})
# Dependencies of a name used as a modifier: "the London teenager" is not "the London".
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# A province is found via the city it is named after only if that city is this big.
PROVINCE_SEAT_MIN_POPULATION = 20_000
# A consonant-skeleton match (Busaira ~ Al Busayrah) counts only this similar, in context.
SKELETON_MIN_SIMILARITY = 0.9
# What an article is about: countries with this share of the top one's mentions, states
# (weaker evidence: a story lists the states a spill reaches) with over this share.
PRIMARY_SHARE, PRIMARY_ADMIN_SHARE = 0.25, 0.5
# Outside the article's countries a city resolves only if it is big and dwarfs its namesakes.
DOMINANT_MIN_POPULATION, DOMINANCE_RATIO = 100_000, 10.0
# Cities this big win over the admin area of the same name (New York, Washington).
METRO_MIN_POPULATION = 500_000
# A context town this small yields to a world city of its name (Paris, not Paris, Texas).
TOWN_MAX_POPULATION = 30_000
# LOC entities are mostly regions and rivers; a city answers one only if it is this big.
LOC_CITY_MIN_POPULATION = 50_000
# A place found in one country only adds that country to the context if it is this big.
SINGLE_COUNTRY_MIN_POPULATION = 10_000
# All-capital mentions this short are abbreviations (VA, DER): they may only name areas (US, UK).
MAX_ABBREVIATION_CHARS = 4
# Unresolved names merge by skeleton only when it has this many letters ("dr" is too short).
MIN_MERGE_KEY_CHARS = 3
# Areas read after a place ("Baghouz, Deir Al Zor province, Syria"), their words, tokens read.
MAX_QUALIFIERS, QUALIFIER_MAX_WORDS, QUALIFIER_WINDOW_TOKENS = 3, 5, 16
# How sure a resolution is: stated beside the mention > inferred from context > none.
EVIDENCE_NONE, EVIDENCE_CONTEXT, EVIDENCE_STATED = 0, 1, 2

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’]|\s+[.,;:]+)$")  # and tokenised end punctuation
_QUALIFIER_START = re.compile(r"[ \t]*,[ \t]*")
_CLAUSE_GOES_ON = re.compile(r"[ \t]*[a-z]")
_NAME_CHAR = r"[^\s,;:()\[\]]"
_AREA_WORDS = re.compile(rf"[A-Z]{_NAME_CHAR}*(?: \w{_NAME_CHAR}*){{0,{QUALIFIER_MAX_WORDS - 1}}}")
_PRECISION_RANK = {"unknown": 0, "country": 1, "admin": 2, "city": 3}
_Admins = frozenset[tuple[str, str]]
_AreaEnd = tuple[GazetteerEntry, int] | None


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    start: int
    query: str  # the name looked up: no "the", possessive or "province"
    only: str  # "area" ("the Sinai": a country or admin area), "country" ("VA", "US") or ""
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
    weights: dict[str, float]  # mentions per country
    admins: _Admins = frozenset()  # (country, admin1) the article is about

    def tier(self, country: str) -> int:
        """Return 2 for a country the article is about, 1 for one it names, else 0."""
        weight, top = self.weights.get(country, 0.0), max(self.weights.values(), default=0.0)
        return 0 if weight <= 0 else 2 if weight >= PRIMARY_SHARE * top else 1


_Pairs = list[tuple[_Mention, _Resolution]]


def resolve_places(doc: Doc) -> tuple[PlaceRef, ...]:
    """Resolve the doc's place mentions; unknown places fall back to what encloses them."""
    ents = list(doc.ents)
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    mentions = (_mention(ent) for ent in ents if ent.label_ in PLACE_LABELS)
    # A surname tagged as a place is the person again ("Hayward" after "Tony Hayward").
    places = [m for m in mentions if m and m.query not in surnames]
    context = _Context(*_article_areas(places))
    resolved = [(m, _resolve(m, context)) for m in places]
    orgs = [m for m in (_mention(e) for e in ents if e.label_ == "ORG") if m]
    resolved += _org_places(orgs, context, {_merge_key(m.query) for m in places})
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
    only = "country" if short_caps else "area" if leading or the_head else ""
    only = "none" if fold(query) in REGION_NAMES else only
    province = province or _province_word_beside(ent)
    return _Mention(text, start, query, only, province, ent)


def _province_word_beside(ent: Span) -> bool:
    words = [t.lower_ for t in ent.doc[max(0, ent.start - 2) : ent.end + 1]]
    province_of = len(words) > 1 and words[0] in PROVINCE_WORDS and words[1] == "of"
    return words[-1] in PROVINCE_WORDS or province_of


def _article_areas(mentions: Iterable[_Mention]) -> tuple[dict[str, float], _Admins]:
    """Count the countries the article names, directly or through unambiguous places."""
    weights: Counter[str] = Counter()
    admins: Counter[tuple[str, str]] = Counter()
    blank = _Context({})
    for mention in mentions:
        exact = [c for c in _candidates(mention, blank) if c.level >= gz.LEVEL_ALTERNATE]
        areas = {c.entry.country for c in exact if c.entry.kind != "city"}
        countries = areas or {c.entry.country for c in exact}
        biggest = max((c.entry.population for c in exact), default=0)
        if len(countries) == 1 and (areas or biggest >= SINGLE_COUNTRY_MIN_POPULATION):
            weights[countries.pop()] += 1
        admins.update({(c.entry.country, c.entry.admin1) for c in exact if c.entry.kind == "admin"})
    top = max(admins.values(), default=0)  # the states it is about, not each one it lists
    return dict(weights), frozenset(a for a, n in admins.items() if n > PRIMARY_ADMIN_SHARE * top)


def _candidates(mention: _Mention, context: _Context) -> list[NameMatch]:
    label = mention.span.label_
    found = load_gazetteer().match(mention.query, min_similarity=SKELETON_MIN_SIMILARITY)
    return [c for c in found if _acceptable(c, mention, label, context)]


def _acceptable(found: NameMatch, mention: _Mention, label: str, context: _Context) -> bool:
    entry, area = found.entry, found.entry.kind != "city"
    if found.level == gz.LEVEL_SKELETON and context.tier(entry.country) == 0:
        return False  # a skeleton match counts only in the article's countries
    if mention.only in ("country", "none"):  # an acronym (US, UK) is a country, not VA
        return entry.kind == "country" and mention.only == "country"
    if mention.only or label == "LOC":
        big = entry.population >= LOC_CITY_MIN_POPULATION and found.level >= gz.LEVEL_ALTERNATE
        return area or (label == "LOC" and not mention.only and big)
    if label == "FAC":  # a facility shares a city's name only near the article's places
        return area or (context.tier(entry.country) == 2 and found.level >= gz.LEVEL_BARE)
    return not (label == "ORG" and found.level < gz.LEVEL_BARE)


def _choose(candidates: Sequence[NameMatch], context: _Context) -> NameMatch | None:
    """Pick the best candidate, or None when nothing in the text supports one."""
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda c: _score(c, context), reverse=True)
    best = ranked[0]
    famous = [c for c in ranked if _is_big_city(c) and c.level >= best.level]
    if _is_exact_area(best) or (famous and best.entry.population < TOWN_MAX_POPULATION):
        return best if _is_exact_area(best) else famous[0]  # Toronto, not Toronto (Ohio)
    if context.tier(best.entry.country) > 0:
        return None if _has_twin(best, ranked[1:], context) else best
    population = best.entry.population
    if best.level < gz.LEVEL_ALTERNATE or population < DOMINANT_MIN_POPULATION:
        return None
    rivals = [o.entry.population for o in ranked[1:] if o.level >= gz.LEVEL_BARE]
    return best if all(population >= DOMINANCE_RATIO * rival for rival in rivals) else None


def _has_twin(best: NameMatch, others: Sequence[NameMatch], context: _Context) -> bool:
    """Tell whether a namesake as likely as ``best`` exists (Venice, Florida or California?)."""
    rank, population = _score(best, context)[:-2], best.entry.population
    twins = [o for o in others if _score(o, context)[:-2] == rank]
    return any(population < DOMINANCE_RATIO * o.entry.population for o in twins)


def _score(found: NameMatch, context: _Context) -> tuple[float, ...]:
    entry, tier = found.entry, context.tier(found.entry.country)
    in_admin = int(entry.kind == "city" and (entry.country, entry.admin1) in context.admins)
    metro = entry.kind == "city" and entry.population >= METRO_MIN_POPULATION and tier > 0
    # A named country outranks a city of its name (Iraq, not Arak), a metro its state.
    country = entry.kind == "country" and found.level >= gz.LEVEL_ALTERNATE
    big = _is_exact_area(found) or (metro and found.level >= gz.LEVEL_ALTERNATE)
    prominent = 3 if country and tier else 2 if big else 0
    kind_rank = {"country": 2.0, "admin": 1.0}.get(entry.kind, 1.5 if metro else 0.0)
    exact = int(found.level >= gz.LEVEL_BARE)
    level, similarity = found.level, found.similarity
    return (prominent, tier, in_admin, kind_rank, exact, level, similarity, entry.population)


def _is_big_city(found: NameMatch) -> bool:
    big = found.entry.population >= DOMINANT_MIN_POPULATION and found.entry.kind == "city"
    return big and found.level >= gz.LEVEL_ALTERNATE


def _is_exact_area(found: NameMatch) -> bool:
    return found.entry.kind != "city" and found.level >= gz.LEVEL_ALTERNATE


def _resolve(mention: _Mention, context: _Context) -> _Resolution:
    areas = _stated_areas(mention, context)
    if mention.province:
        province = _province(mention.query, context, areas[-1:])
        if province is not None:
            return _resolution_at(province, EVIDENCE_CONTEXT)
    candidates = _candidates(mention, context)
    named_area = any(_is_exact_area(c) for c in candidates)  # "Syria, Iraq" is a list
    if areas and not named_area and (within := _within(candidates, areas[0], context)):
        return within
    chosen = _choose(candidates, context)
    return _resolution_at(chosen.entry, EVIDENCE_CONTEXT) if chosen else _Resolution()


def _within(found: list[NameMatch], area: GazetteerEntry, context: _Context) -> _Resolution | None:
    """Resolve inside the area the text names beside the mention, else fall back to it."""
    same = [c for c in found if c.entry.country == area.country and c.entry.id != area.id]
    inside = [c for c in same if area.kind == "country" or c.entry.admin1 == area.admin1]
    chosen = _choose(inside, replace(context, weights={area.country: 1.0}))
    if chosen is not None:
        return _resolution_at(chosen.entry, EVIDENCE_STATED)
    if (elsewhere := _choose(found, context)) and _is_big_city(elsewhere):
        return None  # "Berlin, France": a list, not an address
    return replace(_resolution_at(area, EVIDENCE_STATED), name=None, via=area.name)


def _resolution_at(entry: GazetteerEntry, evidence: int) -> _Resolution:
    return _Resolution(entry.name, entry.lat, entry.lon, entry.country, entry.kind, None, evidence)


def _stated_areas(mention: _Mention, context: _Context) -> list[GazetteerEntry]:
    """Return the areas the text names beside the mention, smallest first."""
    areas: list[GazetteerEntry] = []
    span = mention.span  # the few tokens after it: doc.text would cost a join per mention
    text = span[-1].whitespace_ + span.doc[span.end : span.end + QUALIFIER_WINDOW_TOKENS].text
    end = 0
    for _ in range(MAX_QUALIFIERS):
        comma = _QUALIFIER_START.match(text, end)
        found = _area_at(text, comma.end(), context, areas) if comma else None
        if found is None:
            break
        areas.append(found[0])
        end = found[1]
    # "Gulf of Mexico, Brazil and Azerbaijan", "Iraq, Syria, Iran": lists, not addresses
    if _CLAUSE_GOES_ON.match(text, end) or sum(a.kind == "country" for a in areas) > 1:
        areas = []
    return sorted(areas, key=lambda a: a.kind == "country")


def _area_at(text: str, pos: int, context: _Context, known: list[GazetteerEntry]) -> _AreaEnd:
    """Read the country, state or province named at ``pos``; return it and where it ends."""
    run = _AREA_WORDS.match(text, pos)
    words = run.group().split(" ") if run else []
    for count in range(len(words), 0, -1):
        *head, last = words[:count]
        if head and last.lower() in PROVINCE_WORDS:
            found = _province(" ".join(head), context, known)
        else:
            found = _named_area(" ".join(words[:count]), context)
        if found is not None:
            return found, pos + len(" ".join(words[:count]))
    return None


def _named_area(name: str, context: _Context) -> GazetteerEntry | None:
    areas = [c for c in load_gazetteer().match(name, min_similarity=1.0) if _is_exact_area(c)]
    return max(areas, key=lambda c: _score(c, context)).entry if areas else None


def _province(name: str, context: _Context, known: list[GazetteerEntry]) -> GazetteerEntry | None:
    """Return the admin area called ``name``, directly or via the city it is named after."""
    if (direct := _named_area(name, context)) is not None and direct.kind == "admin":
        return direct
    countries = {area.country for area in known}
    seats = [c for c in load_gazetteer().match(name, min_similarity=1.0) if _is_seat(c, countries)]
    seat = _choose(seats, context)
    if seat is None or not seat.entry.admin1:
        return None
    area = load_gazetteer().admin_area(seat.entry.country, seat.entry.admin1)
    return replace(area, name=f"{seat.entry.name} province") if area is not None else None


def _is_seat(found: NameMatch, countries: set[str]) -> bool:
    entry = found.entry
    big = entry.kind == "city" and entry.population >= PROVINCE_SEAT_MIN_POPULATION
    return big and found.level >= gz.LEVEL_BARE and (not countries or entry.country in countries)


def _org_places(orgs: list[_Mention], context: _Context, place_keys: set[str]) -> _Pairs:
    """Return ORG entities that are places: cued and resolvable, or named as a place elsewhere."""
    found: dict[int, tuple[_Mention, _Resolution]] = {}
    for mention in orgs:
        ent, doc = mention.span, mention.span.doc
        window = doc[max(0, ent.start - CUE_WINDOW_BEFORE) : ent.end + CUE_WINDOW_AFTER]
        cued = any(token.lower_ in PLACE_CUE_WORDS for token in window)
        resolution = _resolve(mention, context) if cued else None
        if resolution is not None and resolution.lat is not None:
            found[mention.start] = (mention, resolution)
    keys = place_keys | {_merge_key(m.query) for m, _ in found.values()}
    for mention in orgs:
        if mention.start not in found and _merge_key(mention.query) in keys:
            found[mention.start] = (mention, _Resolution())
    return list(found.values())


def _propagate(resolved: _Pairs) -> _Pairs:
    """Give mentions of a name the best-supported resolution that name got in the doc."""
    best: dict[str, _Resolution] = {}
    for mention, resolution in resolved:
        key = _merge_key(mention.query)
        if key not in best or _strength(resolution) > _strength(best[key]):
            best[key] = resolution
    return [(m, _better(r, best[_merge_key(m.query)])) for m, r in resolved]


def _better(own: _Resolution, best: _Resolution) -> _Resolution:
    # Fill a mention with no point; replace a guess by what the text states, or by a smaller one.
    stated = best.evidence > own.evidence
    finer = _strength(best) > _strength(own) and best.country == own.country
    return best if own.lat is None or stated or finer else own


def _strength(found: _Resolution) -> tuple[int, int, int]:
    return int(found.lat is not None), found.evidence, _PRECISION_RANK[found.precision]


def _to_ref(mention: _Mention, found: _Resolution) -> PlaceRef:
    located = (found.lat, found.lon, found.country, found.precision, found.via)
    end = mention.start + len(mention.text)
    return PlaceRef(mention.text, mention.start, end, found.name or mention.text, *located)


@lru_cache(maxsize=gz.LOOKUP_CACHE_SIZE)
def _merge_key(name: str) -> str:
    """Key under which spellings of one place meet (its skeleton unless that is too short)."""
    key = name_key(name)
    return key if len(key.replace(" ", "")) >= MIN_MERGE_KEY_CHARS else fold(name)


def merge_places(analyzed: Sequence[AnalyzedArticle]) -> tuple[Place, ...]:
    """Merge place mentions across articles: one Place per location, most mentioned first."""
    refs = [(article.id, ref) for article in analyzed for ref in article.places]
    direct: dict[str, set[tuple[object, ...]]] = defaultdict(set)  # name key -> points
    for _, ref in refs:
        direct[_merge_key(ref.text)] |= {ident} if (ident := _identity(ref)) else set()
    groups: dict[tuple[object, ...], list[tuple[str, PlaceRef]]] = defaultdict(list)
    for article_id, ref in refs:  # an unresolved name joins the one point its name has
        key = _merge_key(ref.text)
        only = direct[key] if len(direct[key]) == 1 else set()
        groups[_identity(ref) or next(iter(only), ("name", key))].append((article_id, ref))
    places = [_place(members) for members in groups.values()]
    return tuple(sorted(places, key=lambda p: (-len(p.citations), p.name)))


def _identity(ref: PlaceRef) -> tuple[object, ...] | None:
    direct = ref.lat is not None and ref.resolved_via is None
    return (ref.name, ref.lat, ref.lon, ref.country, ref.precision) if direct else None


def _place(members: list[tuple[str, PlaceRef]]) -> Place:
    refs = [ref for _, ref in members]
    best = max(refs, key=lambda r: (bool(_identity(r)), _PRECISION_RANK.get(r.precision, 0)))
    names = Counter([r.name for r in refs if _identity(r)] or [r.text for r in refs])
    surface = Counter(r.text for r in refs)
    name = min(names, key=lambda n: (-names[n], n))
    aliases = tuple(sorted(surface, key=lambda n: (-surface[n], n)))
    cites = tuple(Citation(article, ref.start, ref.end) for article, ref in members)
    return Place(name, aliases, best.lat, best.lon, best.country, best.precision, cites)
