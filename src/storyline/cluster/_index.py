"""A bounded inverted index from keys (names, heavy terms) to the events holding them."""

from __future__ import annotations

from collections import deque


class CandidateIndex:
    """Keys to the most recent events that hold them, at most ``max_postings`` per key.

    Not a dataclass: it is updated in place as the stream goes. Old events drop out of
    a key's postings as newer ones arrive, so neither a lookup nor the index's memory
    per key grows with the stream.
    """

    def __init__(self, *, max_postings: int) -> None:
        self.max_postings = max_postings
        self.postings: dict[int, deque[int]] = {}

    def add(self, event: int, keys: list[int]) -> None:
        """Record that ``event`` holds ``keys`` (a key already pointing at it is moved up)."""
        for key in keys:
            posting = self.postings.get(key)
            if posting is None:
                posting = self.postings[key] = deque(maxlen=self.max_postings)
            elif event in posting:
                if posting[-1] == event:
                    continue
                posting.remove(event)
            posting.append(event)

    def candidates(self, keys: list[int], *, limit: int) -> list[int]:
        """Return up to ``limit`` events sharing the most keys (ties: the newest first)."""
        shared: dict[int, int] = {}
        for key in keys:
            for event in self.postings.get(key, ()):
                shared[event] = shared.get(event, 0) + 1
        ranked = sorted(shared.items(), key=lambda item: (-item[1], -item[0]))
        return [event for event, _ in ranked[:limit]]
