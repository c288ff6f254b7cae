"""Areas the text names beside a mention ("Imam Sahib, Kunduz province"); falling back to them."""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.analyze import gazetteer as gz
from storyline.analyze.gazetteer import GazetteerEntry, NameMatch, load_gazetteer
from storyline.analyze.places._context import Context
from storyline.analyze.places._disambiguate import choose, is_big_city, is_exact_area, score
from storyline.analyze.places._mentions import PROVINCE_WORDS, Mention
from storyline.analyze.places._resolution import EVIDENCE_STATED, Resolution, resolution_at

# A province is found via the city it is named after only if that city is this big.
PROVINCE_SEAT_MIN_POPULATION = 20_000


# Areas read after a place ("Imam Sahib, Kunduz province, Afghanistan"), their words, tokens read.
MAX_QUALIFIERS, QUALIFIER_MAX_WORDS, QUALIFIER_WINDOW_TOKENS = 3, 5, 16


_QUALIFIER_START = re.compile(r"[ \t]*,[ \t]*")


_CLAUSE_GOES_ON = re.compile(r"[ \t]*[a-z]")


_NAME_CHAR = r"[^\s,;:()\[\]]"


_AREA_WORDS = re.compile(rf"[A-Z]{_NAME_CHAR}*(?: \w{_NAME_CHAR}*){{0,{QUALIFIER_MAX_WORDS - 1}}}")


_AreaEnd = tuple[GazetteerEntry, int] | None


def within(found: list[NameMatch], area: GazetteerEntry, context: Context) -> Resolution | None:
    """Resolve inside the area the text names beside the mention, else fall back to it."""
    same = [c for c in found if c.entry.country == area.country and c.entry.id != area.id]
    inside = [c for c in same if area.kind == "country" or c.entry.admin1 == area.admin1]
    chosen = choose(inside, replace(context, weights={area.country: 1.0}))
    if chosen is not None:
        return resolution_at(chosen.entry, EVIDENCE_STATED)
    if (elsewhere := choose(found, context)) and is_big_city(elsewhere):
        return None  # "Berlin, France": a list, not an address
    return replace(resolution_at(area, EVIDENCE_STATED), name=None, via=area.name)


def stated_areas(mention: Mention, context: Context) -> list[GazetteerEntry]:
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


def _area_at(text: str, pos: int, context: Context, known: list[GazetteerEntry]) -> _AreaEnd:
    """Read the country, state or province named at ``pos``; return it and where it ends."""
    run = _AREA_WORDS.match(text, pos)
    words = run.group().split(" ") if run else []
    for count in range(len(words), 0, -1):
        *head, last = words[:count]
        if head and last.lower() in PROVINCE_WORDS:
            found = province_area(" ".join(head), context, known)
        else:
            found = named_area(" ".join(words[:count]), context)
        if found is not None:
            return found, pos + len(" ".join(words[:count]))
    return None


def named_area(name: str, context: Context) -> GazetteerEntry | None:
    areas = [c for c in load_gazetteer().match(name, min_similarity=1.0) if is_exact_area(c)]
    return max(areas, key=lambda c: score(c, context)).entry if areas else None


def province_area(
    name: str, context: Context, known: list[GazetteerEntry]
) -> GazetteerEntry | None:
    """Return the admin area called ``name``, directly or via the city it is named after."""
    if (direct := named_area(name, context)) is not None and direct.kind == "admin":
        return direct
    countries = {area.country for area in known}
    seats = [c for c in load_gazetteer().match(name, min_similarity=1.0) if _is_seat(c, countries)]
    seat = choose(seats, context)
    if seat is None or not seat.entry.admin1:
        return None
    area = load_gazetteer().admin_area(seat.entry.country, seat.entry.admin1)
    return replace(area, name=f"{seat.entry.name} province") if area is not None else None


def _is_seat(found: NameMatch, countries: set[str]) -> bool:
    entry = found.entry
    big = entry.kind == "city" and entry.population >= PROVINCE_SEAT_MIN_POPULATION
    return big and found.level >= gz.LEVEL_BARE and (not countries or entry.country in countries)
