"""Round trips of the core types that cross a process or a store."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.model import Event, PartialDate

_days = st.dates().map(PartialDate.from_date)


@given(
    event_id=st.text(min_size=1),
    article_ids=st.lists(st.text(min_size=1), min_size=1).map(tuple),
    start=st.none() | _days,
    end=st.none() | _days,
)
def test_event_round_trips_through_dict(
    event_id: str, article_ids: tuple[str, ...], start: PartialDate | None, end: PartialDate | None
) -> None:
    event = Event(event_id, article_ids, start, end)
    assert Event.from_dict(event.to_dict()) == event


def test_event_without_articles_is_refused() -> None:
    with pytest.raises(ValueError, match="no article"):
        Event("event-x", ())
