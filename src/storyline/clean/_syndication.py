"""Link copies of one wire story across the input with MinHash (Broder 1997) and LSH."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

# Hash functions per signature: 128 keeps the Jaccard estimate within about ±0.09.
NUM_PERMUTATIONS = 128
_WORD = re.compile(r"\w+")


def find_copies(
    texts: Sequence[tuple[str, str]], *, threshold: float, shingle_words: int
) -> dict[str, tuple[str, ...]]:
    """Map each article id to the ids of the other copies of its story."""
    if len(texts) < 2:
        return {}
    signatures = {
        aid: sig for aid, text in texts if (sig := _signature(text, shingle_words)) is not None
    }
    lsh = MinHashLSH(num_perm=NUM_PERMUTATIONS, params=_lsh_bands(threshold))
    for aid, signature in signatures.items():
        lsh.insert(aid, signature)
    groups = _components(
        {
            aid: {
                other
                for other in lsh.query(sig)
                if other != aid and sig.jaccard(signatures[other]) >= threshold
            }
            for aid, sig in signatures.items()
        }
    )
    return {aid: tuple(sorted(group - {aid})) for group in groups for aid in group}


@lru_cache(maxsize=8)
def _lsh_bands(threshold: float) -> tuple[int, int]:
    """LSH bands and rows for ``threshold``; datasketch integrates for them on every
    construction (20-40 ms), so they are computed once per threshold."""
    bands, rows = _optimal_param(threshold, NUM_PERMUTATIONS, 0.5, 0.5)
    return int(bands), int(rows)


def _signature(text: str, shingle_words: int) -> MinHash | None:
    words = _WORD.findall(text.lower())
    shingles = {
        " ".join(words[i : i + shingle_words]) for i in range(len(words) - shingle_words + 1)
    }
    if not shingles:
        return None
    signature = MinHash(num_perm=NUM_PERMUTATIONS, seed=1)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return signature


def _components(edges: dict[str, set[str]]) -> list[set[str]]:
    """Connected components of the copy graph, singletons included."""
    seen: set[str] = set()
    components = []
    for start in edges:
        if start in seen:
            continue
        component, frontier = set(), [start]
        while frontier:
            node = frontier.pop()
            if node not in component:
                component.add(node)
                frontier.extend(edges.get(node, ()))
        seen |= component
        components.append(component)
    return components
