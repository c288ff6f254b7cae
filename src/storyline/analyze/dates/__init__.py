"""Find date expressions in an article and resolve them against its publication date.

How news text is read (checked on Timeline17, whose folders are publication dates):

- A bare weekday ("on Monday") is the latest such day on or before publication: from a
  Tuesday, "on Monday" is the day before. In a clause about the future ("is expected to
  reach the coast on Friday") it is the next such day.
- "last Monday" is the Monday of the week before publication's, weeks starting on Sunday:
  from Friday 2011-03-25 "passed last Thursday" is 03-17; from Thursday 2011-02-03 "since
  last Tuesday, the 25th" is 01-25; from Sunday 2009-06-28 "last Thursday" is 06-25.
- A month without a year ("in July", "March 23") is its latest occurrence not after
  publication (the next one in a clause about the future), or, right after a date written
  with its year, in that year's narrative ("by summer 2014. In June, …").
- A week is no precision: "last week", "two weeks ago" give the month (and the ISO week
  as ``DateRef.timex``, as quarters "1989-Q3" and seasons "1998-SU" have theirs).
- The tense of the clause decides a year-less month or day: past, the last one (unless
  that is most of a year back and the next is weeks ahead); present, the nearest;
  future ("will", "would", "plans to", "is expected in"), the next one.
- "now", "currently" are the publication date (``timex`` PRESENT_REF); the clock times
  opening the lines of a live page ("1504 International aid …") are times of the
  publication day, never years.
- Not dates: durations ("for years", "the past two months", "in recent weeks"), spans
  anchored elsewhere ("two months later") and ages ("13 years old").
- Without a publication date, what needs one resolves to None, never a guess.

Common forms go through the grammar (``_grammar``, resolved by ``_resolvers``, the tense
read by ``_tense``); the rest through dateparser (``_fallback``). ``_find`` walks an
article's parse.
"""

from __future__ import annotations

from storyline.analyze.dates._find import find_dates
from storyline.analyze.dates._resolvers import PRESENT_REF, resolve_date

__all__ = ["PRESENT_REF", "find_dates", "resolve_date"]
