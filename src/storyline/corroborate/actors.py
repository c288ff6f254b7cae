"""Merge the actor mentions of an event's articles into actors.

Variants meet through acronyms the articles define, the alias list (``data/aliases.toml``),
spelling keys, fuzzy similarity, compatible person names ("Hussein Tantawi" / "Mohamed
Hussein Tantawi") and lone surnames joining the one full name they fit; never across
different surnames, ordinals or countries (``actor_names``)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from storyline.analyze.actors import ActorSpan, article_spans
from storyline.analyze.aliases import AliasData, alias_data, form_key, looks_like_acronym
from storyline.analyze.names import fold, name_key
from storyline.corroborate.actor_names import Clusters, compatible_people, surname_of, traits
from storyline.model import Actor, AnalyzedArticle, Citation

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # mentions voting that a name is a place
# rapidfuzz ratio of name keys making two organisation names one: "Syrian Democratic
# Force"/"…Forces" score 97, "Islamic State"/"Islamic Jihad" 78.
FUZZY_THRESHOLD = 92.0
MIN_FUZZY_KEY = 6  # shorter name keys are never fuzzy-matched: one letter changes them
PLACE_VOTE_WEIGHT = 2  # a GPE/LOC tag outweighs this many ORG/PERSON tags: spaCy is surer
SURNAME_SHARE = 0.66  # a lone surname joins the full name with this share of its mentions
_KNOWN, _PERSON = "known:", "person:"
_LOWER_WORD = re.compile(r"(?<![\w.] )(?<=\s)[a-z]+\b")
_Acronyms = Mapping[str, Mapping[str, str]]  # article id -> acronym -> expansion
_Votes = Counter[tuple[str, str]]  # (form, spaCy label) -> mentions


def merge_actors(
    analyzed: Sequence[AnalyzedArticle], acronyms: _Acronyms | None = None
) -> tuple[Actor, ...]:
    """Merge ORG, PERSON and group mentions; ``acronyms`` maps article ids to their own."""
    data, local = alias_data(), acronyms or {}
    order = {one.id: i for i, one in enumerate(analyzed)}
    spans = [s for one in analyzed for s in article_spans(one, local.get(one.id, {}))]
    places = _place_votes(analyzed)
    common = _common_words(one.clean.text for one in analyzed)
    groups = _cluster(spans, local, data)
    clusters = [g for g in groups if _is_actor(g, places) and not _is_common_word(g, common)]
    actors = [_build_actor(group, data, order) for group in clusters]
    return tuple(sorted(actors, key=lambda actor: (-len(actor.citations), actor.name)))


def _labels(spans: Sequence[ActorSpan]) -> tuple[_Votes, dict[str, str]]:
    """Mentions per (form, label) and each form's most voted label."""
    votes = Counter((span.form, span.label) for span in spans)
    labels = {form: label for (form, label), _ in sorted(votes.items(), key=lambda v: v[1])}
    return votes, labels


def _cluster_key(form: str, label: str, data: AliasData) -> str:
    """Key a form clusters under: its listed actor's; a person's letters; else its key."""
    known = data.by_key.get(form_key(form))
    if known:
        return _KNOWN + known[0]
    if label == "PERSON" and " " in name_key(form):  # "Landry" and "Landrieu" share a key
        return _PERSON + fold(form)
    return form_key(form)


def _cluster(spans: list[ActorSpan], acronyms: _Acronyms, data: AliasData) -> list[list[ActorSpan]]:
    """Group spans whose forms share a key, an acronym, a close spelling or a surname."""
    votes, labels = _labels(spans)
    keys = {span.form: _cluster_key(span.form, labels[span.form], data) for span in spans}
    clusters = Clusters()
    for form, key in keys.items():
        clusters.add(key, traits(form, labels[form] == "PERSON" and " " in name_key(form)))
    for local in acronyms.values():
        for acronym, expansion in local.items():
            clusters.join(_cluster_key(acronym, "ORG", data), _cluster_key(expansion, "ORG", data))
    _union_similar(clusters, [form for form in keys if labels[form] != "PERSON"], keys)
    _union_people(clusters, [form for form in keys if labels[form] == "PERSON"], keys, votes)
    _union_surnames(clusters, keys, votes)
    groups: dict[str, list[ActorSpan]] = defaultdict(list)
    for span in spans:
        groups[clusters.root(keys[span.form])].append(span)
    return list(groups.values())


def _union_similar(clusters: Clusters, forms: list[str], keys: dict[str, str]) -> None:
    """Join organisation names whose transliteration keys are nearly equal."""
    forms = [form for form in forms if len(name_key(form)) >= MIN_FUZZY_KEY]
    if len(forms) < 2:
        return
    name_keys = [name_key(form) for form in forms]
    scores = process.cdist(name_keys, name_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    for i, j in zip(*scores.nonzero(), strict=True):
        first, second = keys[forms[i]], keys[forms[j]]
        if i < j and not (first.startswith(_KNOWN) and second.startswith(_KNOWN)):
            clusters.join(first, second)


def _union_people(
    clusters: Clusters, forms: list[str], keys: dict[str, str], votes: _Votes
) -> None:
    """Join full person names that are compatible, most mentioned first."""
    full = sorted(
        (form for form in forms if " " in name_key(form)),
        key=lambda form: (-votes[form, "PERSON"], form),
    )
    for i, first in enumerate(full):
        for second in full[i + 1 :]:
            if compatible_people(first, second):
                clusters.join(keys[second], keys[first])


def _union_surnames(clusters: Clusters, keys: dict[str, str], votes: _Votes) -> None:
    """Join a lone person name to the full name holding most mentions of that surname."""
    people = [form for form in keys if votes[form, "PERSON"]]
    by_last: dict[str, Counter[str]] = defaultdict(Counter)
    for form in (form for form in people if " " in name_key(form)):
        by_last[surname_of(form)][clusters.root(keys[form])] += votes[form, "PERSON"]
    for form in (form for form in people if " " not in name_key(form)):
        roots = by_last.get(surname_of(form), Counter())
        best = roots.most_common(1)
        if best and best[0][1] >= SURNAME_SHARE * roots.total():
            clusters.join(keys[form], best[0][0])


def _place_votes(analyzed: Iterable[AnalyzedArticle]) -> Counter[str]:
    """Count place mentions (spaCy's and the place stage's) by form key."""
    tagged = (e.text for a in analyzed for e in a.entities if e.label in PLACE_LABELS)
    return Counter(map(form_key, [*tagged, *(ref.text for a in analyzed for ref in a.places)]))


def _common_words(texts: Iterable[str]) -> Counter[str]:
    """Lower-case words of the texts, not first in a line: the event's common nouns."""
    return Counter(word for text in texts for word in _LOWER_WORD.findall(text))


def _is_common_word(members: Sequence[ActorSpan], common: Mapping[str, int]) -> bool:
    """Whether an untrusted one-word name is printed lower case as often ("Main", "Schools")."""
    forms = {span.text for span in members}
    if any(span.trusted for span in members) or any(" " in form for form in forms):
        return False
    return all(common.get(form.lower(), 0) >= len(members) for form in forms)


def _is_actor(members: Sequence[ActorSpan], places: Mapping[str, int]) -> bool:
    """Keep trusted names; else ORG/PERSON mentions must outvote NORP and place ones."""
    labels = Counter(span.label for span in members)
    votes = labels["ORG"] + labels["PERSON"]
    place = sum(places.get(key, 0) for key in {form_key(span.form) for span in members})
    outvoted = votes <= labels["NORP"] or votes <= PLACE_VOTE_WEIGHT * place
    return any(span.trusted for span in members) or not outvoted


def _build_actor(members: Sequence[ActorSpan], data: AliasData, order: Mapping[str, int]) -> Actor:
    """Name the cluster, choose its kind and cite every mention."""
    forms = Counter(span.text for span in members)
    known = [k for span in members if (k := data.by_key.get(form_key(span.form)))]
    full = [span for span in members if " " in name_key(span.text)] or members
    person = sum(span.label == "PERSON" for span in full) * 2 > len(full)
    kind = known[0][1] if known else "person" if person else "organization"
    name = max(forms, key=lambda f: (_is_full_form(f, kind, data), forms[f], len(f), f))
    aliases = sorted((form for form in forms if form != name), key=lambda f: (-forms[f], f))
    ordered = sorted(members, key=lambda span: (order.get(span.article, 0), span.start))
    cites = tuple(Citation(span.article, span.start, span.end) for span in ordered)
    return Actor(name=name, kind=kind, aliases=tuple(aliases), citations=cites)


def _is_full_form(form: str, kind: str, data: AliasData) -> bool:
    """Whether a form is a full name: an expansion, not an acronym; not a lone surname."""
    if kind == "person":
        return " " in name_key(form)
    return not (looks_like_acronym(form) or form.upper().replace(".", "") in data.acronyms)
