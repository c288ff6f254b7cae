"""Merge organisation, group and person mentions across articles into actors.

Name variants meet in five ways: acronyms the text defines ("Syrian Democratic
Forces (SDF)"), the packaged alias list (``data/aliases.toml``), transliteration keys
(``names.name_key``), fuzzy string similarity, and a lone surname ("Bali") joining the
one full name ("Mustafa Bali") it fits in its article, or in the whole set.
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
# rapidfuzz ratio (0-100) of name keys above which two organisation names are one:
# "Syrian Democratic Force"/"…Forces" score 97, "Islamic State"/"Islamic Jihad" 78.
FUZZY_THRESHOLD = 92.0
# The same for people with equal first-name keys and word counts, whose romanisations
# differ more: "Muammar Qaddafi"/"Moammar Gaddafi" score 86.
PERSON_FUZZY_THRESHOLD = 85.0
# Name keys shorter than this are never fuzzy-matched: one letter changes a short name.
MIN_FUZZY_KEY = 8
# Longest token taken as an acronym ("UNHCR"); longer all-caps words are shouting.
MAX_ACRONYM = 8
# How far back (in tokens per acronym letter) an expansion may start before "(ACR)".
TOKENS_PER_LETTER = 3
# A place-label mention outweighs this many ORG/PERSON ones: spaCy tags a village GPE
# more reliably than it tags it PERSON or ORG.
PLACE_VOTE_WEIGHT = 2
# Share of all-caps words above which a line is a shouted headline, where a short
# capitalised alias ("IS", "WHO") is an ordinary English word.
SHOUTING_SHARE = 0.5
# Aliases up to this length are checked against shouting.
SHORT_ALIAS = 3
# Single words up to this length key on their exact letters, not on name_key (which
# folds IS, ISS and Isis together).
SHORT_WORD = 5

_SKIPPABLE = frozenset(
    "of the and for in on at to de du des la le al el ad an a e i wal - & ' ’".split()
)  # noqa: E501, SIM905
_ARTICLES = frozenset("al el ad ar as ash at az an ud ul".split())  # noqa: SIM905
_ARTICLE_PATTERN = r"(?:[AaEe][lnrsdtz]|[Aa]sh|[Uu][ld])[ \u00a0\-‐]?"
_SEPARATOR = r"[ \u00a0\-‐]+"
_QUOTES = "\"'“‘(\\s-"
_LEADING = re.compile(
    rf"^[{_QUOTES}]*(?:(?:the|The|THE|an?|An?)\s+)?[{_QUOTES}]*(?:[A-Z][\w.]+-?(?:led|backed)\s+)*"
)
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
    """A cleaned mention; ``form`` is the name it clusters under (a surname's full name)."""

    order: int
    article: str
    start: int
    end: int
    text: str
    label: str
    trusted: bool = False  # from the alias list or an acronym the article defines
    form: str = ""


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
        known = (str(entry["name"]), str(entry["kind"]))
        names += [known[0], *entry.get("aliases", [])]
        for alias in [known[0], *entry.get("aliases", [])]:
            by_key.setdefault(_form_key(alias), known)
    return _AliasData(
        by_key=by_key,
        pattern=_alias_regex(names),
        not_actors=frozenset(_form_key(name) for name in table.get("not_actors", [])),
        generic=frozenset(table.get("generic", [])),
        acronyms=frozenset(n.replace(".", "") for n in names if _looks_like_acronym(n)),
    )


def _alias_regex(names: Iterable[str]) -> re.Pattern[str] | None:
    """Compile one whole-word, case-sensitive pattern matching any of ``names``.

    Alternatives are grouped by their first character behind a look-ahead for a capital
    or an Arabic article: about six times faster than a flat alternation.
    """
    groups: dict[str, list[str]] = {}
    for name in sorted(set(names), key=lambda name: (-len(name), name)):
        pattern = _alias_pattern(name)
        size = len(_ARTICLE_PATTERN) if pattern.startswith(_ARTICLE_PATTERN) else 1
        size += pattern.startswith("\\")
        groups.setdefault(pattern[:size], []).append(pattern[size:])
    if not groups:
        return None
    body = "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.items())
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
    """Key under which spellings of one name meet (exact letters for short words)."""
    compact = text.replace(".", "").strip()
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
        elif token.lower_ == "or" and i > 1 and doc[i - 1].text == ",":
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
    """End of the run of capitalised and small words from ``start`` ("Syrian … Forces")."""
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
    kept = _non_overlapping(
        _scan(order, article, text, data.pattern) + _scan(order, article, text, local)
    )
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
    """Point a lone name at the one full name of the article it belongs to.

    "Bali" joins "Mustafa Bali" (surname) and "Haider" "Haider al-Abadi" (first name,
    PERSON only) when the article has one such person; a lone ORG word joins the one
    longer ORG name holding it ("SPIEGEL" in "DER SPIEGEL").
    """
    people = {_name_key(s.text): s.text for s in spans if s.label == "PERSON" and _is_full(s)}
    orgs = {s.text: s.text for s in spans if s.label == "ORG" and _is_full(s)}
    by_last = _index(people, lambda key: key.split()[-1:])
    by_first = _index(people, lambda key: key.split()[:1])
    by_word = _index(orgs, lambda text: [w for w in text.split() if len(w) > 2])
    linked = []
    for span in spans:
        key = _name_key(span.text)
        person = _unique(by_last[key])
        if person is None and span.label == "PERSON":
            person = _unique(by_first[key])
        org = _unique(by_word[span.text]) if span.label == "ORG" else None
        if span.trusted or " " in key:
            linked.append(replace(span, form=span.text))
        elif person is not None:
            linked.append(replace(span, form=people[person], label="PERSON"))
        else:
            linked.append(replace(span, form=org or span.text))
    return linked


def _is_full(span: _Span) -> bool:
    return not span.trusted and " " in _name_key(span.text)


def _index(
    names: Iterable[str], words: Callable[[str], Iterable[str]]
) -> defaultdict[str, set[str]]:
    """Map each word that ``words(name)`` yields to the names holding it."""
    index: defaultdict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in words(name):
            index[word].add(name)
    return index


def _unique(keys: set[str] | None) -> str | None:
    return next(iter(keys)) if keys and len(keys) == 1 else None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        """Return the root of ``key``, adding it on first sight."""
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[key] = root
        return root

    def union(self, first: str, second: str) -> None:
        """Join the clusters of two keys (the smaller root wins, for determinism)."""
        low, high = sorted((self.find(first), self.find(second)))
        self.parent[high] = low


def _cluster_key(form: str, data: _AliasData) -> str:
    known = data.by_key.get(_form_key(form))
    return _KNOWN + known[0] if known else _form_key(form)


def _cluster(
    spans: list[_Span], acronyms: Mapping[str, Mapping[str, str]], data: _AliasData
) -> list[list[_Span]]:
    """Group spans whose forms share a key, an acronym, a close spelling or a surname."""
    keys = {span.form: _cluster_key(span.form, data) for span in spans}
    sets = _UnionFind()
    for local in acronyms.values():
        for acronym, expansion in local.items():
            sets.union(_cluster_key(acronym, data), _cluster_key(expansion, data))
    labels = {form: count.most_common(1)[0][0] for form, count in _labels_by_form(spans).items()}
    people = [form for form in keys if labels[form] == "PERSON"]
    _union_similar(sets, [form for form in keys if labels[form] != "PERSON"], keys, people=False)
    _union_similar(sets, people, keys, people=True)
    _union_surnames(sets, people, keys)
    groups: dict[str, list[_Span]] = defaultdict(list)
    for span in spans:
        groups[sets.find(keys[span.form])].append(span)
    return list(groups.values())


def _labels_by_form(spans: Iterable[_Span]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        counts[span.form][span.label] += 1
    return counts


def _union_similar(
    sets: _UnionFind, forms: list[str], keys: Mapping[str, str], *, people: bool
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
                sets.union(first, second)


def _union_surnames(sets: _UnionFind, people: list[str], keys: Mapping[str, str]) -> None:
    """Join a lone person name to the one full name in the whole set that ends with it."""
    roots: dict[str, set[str]] = defaultdict(set)
    for form in people:
        words = _name_key(form).split()
        if len(words) > 1:
            roots[words[-1]].add(sets.find(keys[form]))
    for form in people:
        target = _unique(roots.get(_name_key(form)))
        if " " not in _name_key(form) and target is not None:
            sets.union(keys[form], target)


def merge_actors(
    analyzed: Sequence[AnalyzedArticle],
    acronyms: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Actor, ...]:
    """Merge the ORG, PERSON and group mentions of all articles into actors.

    ``acronyms`` maps an article id to what ``find_acronyms`` found in it.
    """
    data = _alias_data()
    local = acronyms or {}
    spans = [
        span
        for order, article in enumerate(analyzed)
        for span in _article_spans(order, article, local.get(article.id, {}), data)
    ]
    places = _place_votes(analyzed)
    actors = [
        _build_actor(members, data)
        for members in _cluster(spans, local, data)
        if _is_actor(members, places)
    ]
    return tuple(sorted(actors, key=lambda actor: (-len(actor.citations), actor.name)))


def _place_votes(analyzed: Iterable[AnalyzedArticle]) -> Counter[str]:
    """Count place mentions (spaCy's and resolved ones, each span once) by form key."""
    spans = {
        (article.id, ref.start, ref.end, ref.text)
        for article in analyzed
        for ref in [*article.places, *(e for e in article.entities if e.label in PLACE_LABELS)]
    }
    return Counter(_form_key(_strip_leading(text)) for *_, text in spans)


def _strip_leading(text: str) -> str:
    lead = _LEADING.match(text)
    return text[lead.end() :] if lead else text


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
    name = _pick_name(forms, kind, data)
    aliases = sorted((form for form in forms if form != name), key=lambda f: (-forms[f], f))
    spans = sorted({(span.order, span.start, span.end, span.article) for span in members})
    cites = tuple(Citation(article, start, end) for _, start, end, article in spans)
    return Actor(name=name, kind=kind, aliases=tuple(aliases), citations=cites)


def _pick_name(forms: Counter[str], kind: str, data: _AliasData) -> str:
    """Most common full form: expansions before acronyms, full names before surnames."""

    def rank(form: str) -> tuple[bool, int, int, str]:
        if kind == "person":
            return (" " in _name_key(form), forms[form], len(form), form)
        acronym = _looks_like_acronym(form) or form.upper().replace(".", "") in data.acronyms
        return (not acronym, forms[form], len(form), form)

    return max(forms, key=rank)
