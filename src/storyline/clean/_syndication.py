"""Link copies of one wire story across the input by the Jaccard similarity of word shingles.

Small batches compare every pair exactly; large ones use MinHash signatures with
locality-sensitive hashing (Broder 1997; datasketch), which finds the same pairs
without comparing them all. datasketch is imported only then: it costs most of a
second to import, which a five-article brief should not pay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any

# Up to this many articles, all pairs are compared exactly (at most ~2,000 set pairs).
MAX_EXACT_ARTICLES = 64
# Hash functions per signature: 128 keeps the Jaccard estimate within about ±0.09.
NUM_PERMUTATIONS = 128
_WORD = re.compile(r"\w+")

Shingles = frozenset[str]


def find_copies(
    texts: Sequence[tuple[str, str]], *, threshold: float, shingle_words: int
) -> dict[str, tuple[str, ...]]:
    """Map each article id to the ids of the other copies of its story."""
    shingles = {aid: s for aid, text in texts if (s := _shingles(text, shingle_words))}
    if len(shingles) < 2:
        return {}
    if len(shingles) <= MAX_EXACT_ARTICLES:
        edges = _exact_pairs(shingles, threshold)
    else:
        edges = _minhash_pairs(shingles, threshold)
    groups = _components(edges)
    return {
        aid: tuple(sorted(group - {aid})) for group in groups for aid in group if len(group) > 1
    }


def copy_groups(texts: Sequence[str], *, threshold: float, shingle_words: int) -> list[int]:
    """Number each text by its group of copies: copies of one story share a number.

    The number is the position of the group's first text, so texts with no copy keep
    their own position.
    """
    copies = find_copies(
        [(str(position), text) for position, text in enumerate(texts)],
        threshold=threshold,
        shingle_words=shingle_words,
    )
    return [
        min([position, *(int(other) for other in copies.get(str(position), ()))])
        for position in range(len(texts))
    ]


def jaccard(first: Shingles, second: Shingles) -> float:
    """Share of shingles two texts have in common."""
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _shingles(text: str, shingle_words: int) -> Shingles:
    words = _WORD.findall(text.lower())
    return frozenset(
        " ".join(words[i : i + shingle_words]) for i in range(len(words) - shingle_words + 1)
    )


def _exact_pairs(shingles: dict[str, Shingles], threshold: float) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {aid: set() for aid in shingles}
    for first, second in combinations(shingles, 2):
        if jaccard(shingles[first], shingles[second]) >= threshold:
            edges[first].add(second)
            edges[second].add(first)
    return edges


def _minhash_pairs(shingles: dict[str, Shingles], threshold: float) -> dict[str, set[str]]:
    from datasketch import MinHashLSH

    signatures = {aid: _signature(words) for aid, words in shingles.items()}
    lsh = MinHashLSH(num_perm=NUM_PERMUTATIONS, params=_lsh_bands(threshold))
    for aid, signature in signatures.items():
        lsh.insert(aid, signature)
    return {
        aid: {
            other
            for other in lsh.query(signature)
            if other != aid and signature.jaccard(signatures[other]) >= threshold
        }
        for aid, signature in signatures.items()
    }


@lru_cache(maxsize=8)
def _lsh_bands(threshold: float) -> tuple[int, int]:
    """LSH bands and rows for ``threshold``, computed once (datasketch integrates for them)."""
    from datasketch.lsh import _optimal_param

    bands, rows = _optimal_param(threshold, NUM_PERMUTATIONS, 0.5, 0.5)
    return int(bands), int(rows)


def _signature(shingles: Shingles) -> Any:
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERMUTATIONS, seed=1)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return signature


def _components(edges: dict[str, set[str]]) -> list[set[str]]:
    """Connected components of the copy graph."""
    seen: set[str] = set()
    components = []
    for start in edges:
        if start in seen:
            continue
        component: set[str] = set()
        frontier = [start]
        while frontier:
            node = frontier.pop()
            if node not in component:
                component.add(node)
                frontier.extend(edges.get(node, ()))
        seen |= component
        components.append(component)
    return components
