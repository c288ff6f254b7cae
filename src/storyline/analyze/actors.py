"""Merge organisation, group and person mentions across articles into actors.

Variants meet through acronyms the text defines, the alias list (``data/aliases.toml``),
``names.name_key``, fuzzy similarity, and lone surnames joining the one full name they fit.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from storyline.analyze.names import fold, name_key
from storyline.model import Actor, AnalyzedArticle, Citation, Mention

# Labels whose mentions vote that a name is a place ("Baghouz" tagged PERSON elsewhere).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# spaCy labels that may name an actor; NORP counts only inside a cluster of ORG/PERSON.
ACTOR_LABELS = frozenset({"ORG", "PERSON", "NORP"})
# rapidfuzz ratio of name keys above which two organisation names are one:
# "Syrian Democratic Force"/"…Forces" score 97, "Islamic State"/"Islamic Jihad" 78.
FUZZY_THRESHOLD = 92.0
# The same for people with equal first-name keys and word counts, whose romanisations
# differ more: "Muammar Qaddafi"/"Moammar Gaddafi" score 86.
PERSON_FUZZY_THRESHOLD = 85.0
# Name keys shorter than this are never fuzzy-matched: one letter changes a short name.
MIN_FUZZY_KEY = 8
# Longest token taken as an acronym ("UNHCR"); longer all-caps words are shouting.
MAX_ACRONYM = 8
# How far back (tokens per acronym letter) an expansion may start before "(ACR)".
TOKENS_PER_LETTER = 3
# One place-label mention outweighs this many ORG/PERSON ones: spaCy's GPE is surer.
PLACE_VOTE_WEIGHT = 2
# Share of all-caps words above which a line is a shouted headline, where a short
# alias ("IS", "WHO") is an ordinary English word.
SHOUTING_SHARE = 0.5
# Aliases up to this length are checked against shouting.
SHORT_ALIAS = 3
# Names up to this length key on their exact letters: name_key folds IS, ISS and Isis.
SHORT_WORD = 5

_SMALL_WORDS = "of the and for in on at to de du des la le al el ad an a e i wal - & ' ’"
_SKIPPABLE = frozenset(_SMALL_WORDS.split())
_ARTICLES = frozenset(["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul"])
_ARTICLE_PATTERN = r"(?:[AaEe][lnrsdtz]|[Aa]sh|[Uu][ld])[ \u00a0\-‐]?"
_SEPARATOR = r"[ \u00a0\-‐]+"
_QUOTES = "\"'“‘(\\s-"
_THE = r"(?:(?:the|The|THE|an?|An?)\s+)?"
_LEADING = re.compile(rf"^[{_QUOTES}]*{_THE}[{_QUOTES}]*(?:[A-Z][\w.]+-?(?:led|backed)\s+)*")
_TRAILING = re.compile(r"(?:\s*['’]s?|[\s,;:\"”)])+$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$")
_WORD = re.compile(r"[A-Za-z]{2,}")
_DESCRIPTOR = re.compile(r"^[A-Z][\w.]*-?(?:led|backed)$")
_DATA = ("data", "aliases.toml")
_KNOWN = "known:"
_name_key = lru_cache(maxsize=1 << 16)(name_key)


@dataclass(frozen=True, slots=True)
class _AliasData:
    by_key: dict[str, tuple[str, str]]  # form key -> (canonical name, kind)
    pattern: re.Pattern[str] | None
    not_actors: frozenset[str]
    generic: frozenset[str]
    acronyms: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Span:
    order: int
    article: str
    start: int
    end: int
    text: str
    label: str
    trusted: bool = False  # from the alias list or an acronym the article defines
    form: str = ""  # the name it clusters under: a lone surname's full name


def known_actor(text: str) -> tuple[str, str] | None:
    """Return ``(canonical name, kind)`` of a name in the alias list, or None."""
    return _alias_data().by_key.get(_form_key(text))


@lru_cache(maxsize=1)
def _alias_data() -> _AliasData:
    raw = resources.files("storyline").joinpath(*_DATA).read_text(encoding="utf-8")
    table = tomllib.loads(raw)
    by_key: dict[str, tuple[str, str]] = {}
    names: list[str] = []
    for entry in table.get("actor", []):
        variants = [str(entry["name"]), *entry.get("aliases", [])]
        names += variants
        for alias in variants:
            by_key.setdefault(_form_key(alias), (variants[0], str(entry["kind"])))
    return _AliasData(
        by_key=by_key,
        pattern=_alias_regex(names),
        not_actors=frozenset(_form_key(name) for name in table.get("not_actors", [])),
        generic=frozenset(table.get("generic", [])),
        acronyms=frozenset(n.replace(".", "") for n in names if _looks_like_acronym(n)),
    )


def _alias_regex(names: Iterable[str]) -> re.Pattern[str] | None:
    """Compile one case-sensitive whole-word pattern for ``names``, grouped by first char."""
    groups: dict[str, list[str]] = {}
    for name in sorted(set(names), key=lambda name: (-len(name), name)):
        pattern = _alias_pattern(name)
        size = len(_ARTICLE_PATTERN) if pattern.startswith(_ARTICLE_PATTERN) else 1
        size += pattern.startswith("\\")
        groups.setdefault(pattern[:size], []).append(pattern[size:])
    if not groups:
        return None
    body = "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.items())
    # The look-ahead skips lower-case word starts fast: a flat alternation is 6x slower.
    return re.compile(rf"(?<![\w.])(?=[^\W\d_a-z]|[aeu][lnrsdtzh])(?:{body})(?!\w)")


def _alias_pattern(alias: str) -> str:
    """Regex for one alias: Arabic articles, apostrophes and separators may vary."""
    parts = re.split(r"[ \-‐]+", alias)
    pieces: list[str] = []
    for part, nxt in zip(parts, [*parts[1:], ""], strict=True):
        if part.lower() in _ARTICLES and nxt[:1].isupper():
            pieces.append(_ARTICLE_PATTERN)
            continue
        pieces.append(re.escape(part).replace("'", "['’]?").replace("’", "['’]?"))
        pieces.append(_SEPARATOR if nxt else "")
    return "".join(pieces)


@lru_cache(maxsize=1 << 16)
def _form_key(text: str) -> str:
    """Key under which spellings of one name meet (exact letters for short names)."""
    compact = _LEADING.sub("", text.replace(".", "").strip(), count=1)
    return "=" + fold(compact) if len(compact) <= SHORT_WORD else _name_key(text)


def _looks_like_acronym(text: str) -> bool:
    compact = text.replace(".", "")
    return 2 <= len(compact) <= MAX_ACRONYM and bool(_ACRONYM.match(compact))


def find_acronyms(doc: Doc) -> dict[str, str]:
    """Map each acronym the text defines ("Islamic State (IS)") to its expansion."""
    found: dict[str, str] = {}
    for i, token in enumerate(doc):
        pair = None
        if token.text == "(":
            pair = _parenthesised(doc, i)
        elif token.lower_ == "or" and i > 1 and doc[i - 1].text == ",":  # "the SDF, or …"
            pair = _full_match(doc[i - 2].text, doc, i + 1, _name_end(doc, i + 1))
        if pair is not None and "\n" not in pair[1]:
            found.setdefault(*pair)
    return found


def _parenthesised(doc: Doc, i: int) -> tuple[str, str] | None:
    """Read "Long Form (ACR)" or "ACR (Long Form)" around the bracket at ``i``."""
    close = next((k for k in range(i + 1, min(len(doc), i + 16)) if doc[k].text == ")"), None)
    if close == i + 2 and _looks_like_acronym(doc[i + 1].text):
        letters = doc[i + 1].text.replace(".", "")
        first = max(0, i - TOKENS_PER_LETTER * len(letters))
        start = _expansion_start([t.text for t in doc[first:i]], letters)
        return None if start is None else (doc[i + 1].text, doc[first + start : i].text)
    return None if close is None or i < 1 else _full_match(doc[i - 1].text, doc, i + 1, close)


def _name_end(doc: Doc, start: int) -> int:
    """End of the run of capitalised and small words from ``start``, small words trimmed."""
    end = start
    while end < len(doc) and (doc[end].is_title or doc[end].lower_ in _SKIPPABLE):
        end += 1
    while end > start and doc[end - 1].lower_ in _SKIPPABLE:
        end -= 1
    return end


def _full_match(acronym: str, doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """Return ``(acronym, text)`` when tokens ``start:end`` spell exactly ``acronym``."""
    if not _looks_like_acronym(acronym):
        return None
    found = _expansion_start([t.text for t in doc[start:end]], acronym.replace(".", ""))
    return (acronym, doc[start:end].text) if found == 0 else None


def _expansion_start(words: Sequence[str], letters: str) -> int | None:
    """Index of the word where an expansion of ``letters`` ending at ``words[-1]`` starts."""
    if not words or not words[-1][:1].isupper():
        return None
    start = _match_back(words, letters.lower(), len(words) - 1, len(letters) - 1)
    return start if start is not None and len(words) - start >= 2 else None


def _match_back(words: Sequence[str], letters: str, i: int, j: int) -> int | None:
    """Match letters[:j+1] to initials of words[:i+1] from the right, skipping small words."""
    if j < 0 or i < 0:
        return i + 1 if j < 0 else None
    word, small = words[i], words[i].lower() in _SKIPPABLE
    if fold(word)[:1] == letters[j] and (word[:1].isupper() or small):
        start = _match_back(words, letters, i - 1, j - 1)
        if start is not None:
            return start
    return _match_back(words, letters, i - 1, j) if small else None


def _article_spans(
    order: int, analyzed: AnalyzedArticle, acronyms: Mapping[str, str], data: _AliasData
) -> list[_Span]:
    """Collect the cleaned actor mentions of one article, alias-list matches first."""
    text, article = analyzed.clean.text, analyzed.id
    local = _alias_regex([*acronyms.keys(), *acronyms.values()])
    scanned = _scan(order, article, text, data.pattern) + _scan(order, article, text, local)
    kept = _non_overlapping(scanned)
    found = [_clean_mention(order, article, mention) for mention in analyzed.entities]
    spans = kept + [s for s in found if s is not None and not _overlaps(s, kept)]
    spans = [span for span in spans if not _is_junk(span.text, data)]
    return _link_short_names(sorted(spans, key=lambda span: span.start))


def _scan(order: int, article: str, text: str, pattern: re.Pattern[str] | None) -> list[_Span]:
    """Find every whole-word match of ``pattern`` that is not a shouted common word."""
    spans, shouted = [], {}
    for match in pattern.finditer(text) if pattern else ():
        if match.end() - match.start() <= SHORT_ALIAS:
            line = text.rfind("\n", 0, match.start()) + 1
            if line not in shouted:
                shouted[line] = _is_shouting(text, line)
            if shouted[line]:
                continue
        spans.append(_Span(order, article, *match.span(), match.group(), "ORG", trusted=True))
    return spans


def _is_shouting(text: str, line: int) -> bool:
    """Whether the line starting at ``line`` is mostly written in capitals."""
    end = text.find("\n", line)
    words = _WORD.findall(text, line, end if end >= 0 else len(text))
    return len(words) > 2 and sum(w.isupper() for w in words) > SHOUTING_SHARE * len(words)


def _non_overlapping(spans: list[_Span]) -> list[_Span]:
    """Keep the longest of overlapping spans, earliest first."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.start - s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _overlaps(span: _Span, kept: Sequence[_Span]) -> bool:
    """Whether ``span`` overlaps any of the sorted, disjoint ``kept`` spans."""
    idx = bisect_right([k.start for k in kept], span.start) - 1
    before = idx >= 0 and kept[idx].end > span.start
    return before or (idx + 1 < len(kept) and kept[idx + 1].start < span.end)


def _clean_mention(order: int, article: str, mention: Mention) -> _Span | None:
    """Trim articles, "-led" prefixes, possessives and a dangling "("; None if no actor."""
    if mention.label not in ACTOR_LABELS:
        return None
    lead, trail = _LEADING.match(mention.text), _TRAILING.search(mention.text)
    head = lead.end() if lead else 0
    text = mention.text[head : trail.start() if trail else len(mention.text)]
    if "(" in text and ")" not in text:
        text = text[: text.index("(")].rstrip()
    start = mention.start + head
    return _Span(order, article, start, start + len(text), text, mention.label)


def _is_junk(text: str, data: _AliasData) -> bool:
    """Whether a mention is spaCy noise or names no actor (a country, a bare "State")."""
    if len(text) < 2 or "\n" in text or "/" in text or not text[0].isalnum():
        return True
    if not any(c.isupper() for c in text) or text in data.generic:
        return True
    return bool(_DESCRIPTOR.match(text)) or _form_key(text) in data.not_actors


def _link_short_names(spans: list[_Span]) -> list[_Span]:
    """Point a lone name at the one full PERSON (or longer ORG) name of the article."""
    full = [s for s in spans if not s.trusted and " " in _name_key(s.text)]
    people = {_name_key(s.text): s.text for s in full if s.label == "PERSON"}
    by_last = _index(people, lambda key: key.split()[-1:])
    by_first = _index(people, lambda key: key.split()[:1])
    by_word = _index({s.text for s in full if s.label == "ORG"}, lambda t: t.split())
    linked = []
    for span in spans:
        key = _name_key(span.text)
        person = _unique(by_last[key])
        if person is None and span.label == "PERSON":  # "Haider" for "Haider al-Abadi"
            person = _unique(by_first[key])
        org = _unique(by_word[span.text]) if span.label == "ORG" else None  # "SPIEGEL"
        if span.trusted or " " in key:
            linked.append(replace(span, form=span.text))
        elif person is not None:
            linked.append(replace(span, form=people[person], label="PERSON"))
        else:
            linked.append(replace(span, form=org or span.text))
    return linked


def _index(names: Iterable[str], words: Callable[[str], Iterable[str]]) -> dict[str, set[str]]:
    """Map each word that ``words(name)`` yields to the names holding it."""
    index: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in words(name):
            index[word].add(name)
    return index


def _unique(keys: set[str] | None) -> str | None:
    return next(iter(keys)) if keys and len(keys) == 1 else None


def _root(parent: dict[str, str], key: str) -> str:
    """Return the cluster root of ``key`` in a union-find forest, adding it if new."""
    while parent.setdefault(key, key) != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _join(parent: dict[str, str], first: str, second: str) -> None:
    parent[_root(parent, first)] = _root(parent, second)


def _cluster_key(form: str, data: _AliasData) -> str:
    known = data.by_key.get(_form_key(form))
    return _KNOWN + known[0] if known else _form_key(form)


def _cluster(
    spans: list[_Span], acronyms: Mapping[str, Mapping[str, str]], data: _AliasData
) -> list[list[_Span]]:
    """Group spans whose forms share a key, an acronym, a close spelling or a surname."""
    keys = {span.form: _cluster_key(span.form, data) for span in spans}
    parent: dict[str, str] = {}
    for local in acronyms.values():
        for acronym, expansion in local.items():
            _join(parent, _cluster_key(acronym, data), _cluster_key(expansion, data))
    votes = Counter((span.form, span.label) for span in spans)
    labels = {form: label for (form, label), _ in sorted(votes.items(), key=lambda v: v[1])}
    people = [form for form in keys if labels[form] == "PERSON"]
    _union_similar(parent, [form for form in keys if labels[form] != "PERSON"], keys, False)
    _union_similar(parent, people, keys, True)
    _union_surnames(parent, people, keys)
    groups: dict[str, list[_Span]] = defaultdict(list)
    for span in spans:
        groups[_root(parent, keys[span.form])].append(span)
    return list(groups.values())


def _union_similar(
    parent: dict[str, str], forms: list[str], keys: Mapping[str, str], people: bool
) -> None:
    """Join names whose transliteration keys are nearly equal (people: same first name)."""
    forms = [form for form in forms if len(_name_key(form)) >= MIN_FUZZY_KEY]
    if len(forms) < 2:
        return
    name_keys = [_name_key(form) for form in forms]
    cutoff = PERSON_FUZZY_THRESHOLD if people else FUZZY_THRESHOLD
    scores = process.cdist(name_keys, name_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
    for i, j in zip(*scores.nonzero(), strict=True):
        first, second = keys[forms[i]], keys[forms[j]]
        if i < j and not (first.startswith(_KNOWN) and second.startswith(_KNOWN)):
            words, other = name_keys[i].split(), name_keys[j].split()
            if not people or (len(words) == len(other) > 1 and words[0] == other[0]):
                _join(parent, first, second)


def _union_surnames(parent: dict[str, str], people: list[str], keys: Mapping[str, str]) -> None:
    """Join a lone person name to the one full name in the whole set that ends with it."""
    roots: dict[str, set[str]] = defaultdict(set)
    for form in people:
        if " " in _name_key(form):
            roots[_name_key(form).split()[-1]].add(_root(parent, keys[form]))
    for form in people:
        target = _unique(roots.get(_name_key(form)))
        if target is not None:
            _join(parent, keys[form], target)


def merge_actors(
    analyzed: Sequence[AnalyzedArticle],
    acronyms: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Actor, ...]:
    """Merge ORG, PERSON and group mentions; ``acronyms`` maps article ids to their own."""
    data, local = _alias_data(), acronyms or {}
    spans = [
        span
        for order, article in enumerate(analyzed)
        for span in _article_spans(order, article, local.get(article.id, {}), data)
    ]
    places = _place_votes(analyzed)
    clusters = [group for group in _cluster(spans, local, data) if _is_actor(group, places)]
    actors = [_build_actor(group, data) for group in clusters]
    return tuple(sorted(actors, key=lambda actor: (-len(actor.citations), actor.name)))


def _place_votes(analyzed: Iterable[AnalyzedArticle]) -> Counter[str]:
    """Count place mentions (spaCy's and resolved ones, each span once) by form key."""
    spans = {
        (article.id, ref.start, ref.end, ref.text)
        for article in analyzed
        for ref in [*article.places, *(e for e in article.entities if e.label in PLACE_LABELS)]
    }
    return Counter(_form_key(text) for *_, text in spans)


def _is_actor(members: Sequence[_Span], places: Mapping[str, int]) -> bool:
    """Keep trusted names; else ORG/PERSON mentions must outvote NORP and place ones."""
    if any(span.trusted for span in members):
        return True
    labels = Counter(span.label for span in members)
    votes = labels["ORG"] + labels["PERSON"]
    place = sum(places.get(key, 0) for key in {_form_key(span.form) for span in members})
    return votes > labels["NORP"] and votes > PLACE_VOTE_WEIGHT * place


def _build_actor(members: Sequence[_Span], data: _AliasData) -> Actor:
    """Name the cluster, choose its kind and cite every mention."""
    forms = Counter(span.text for span in members)
    known = [k for span in members if (k := data.by_key.get(_form_key(span.form)))]
    labels = Counter(span.label for span in members)
    person = labels["PERSON"] * 2 > sum(labels.values())
    kind = known[0][1] if known else "person" if person else "organization"
    name = max(forms, key=lambda f: (_is_full_form(f, kind, data), forms[f], len(f), f))
    aliases = sorted((form for form in forms if form != name), key=lambda f: (-forms[f], f))
    spans = sorted({(span.order, span.start, span.end, span.article) for span in members})
    cites = tuple(Citation(article, start, end) for _, start, end, article in spans)
    return Actor(name=name, kind=kind, aliases=tuple(aliases), citations=cites)


def _is_full_form(form: str, kind: str, data: _AliasData) -> bool:
    """Whether a form is a full name: an expansion, not an acronym; not a lone surname."""
    if kind == "person":
        return " " in _name_key(form)
    return not (_looks_like_acronym(form) or form.upper().replace(".", "") in data.acronyms)
