"""Find the figures in an article: numbers, what they count and what they belong to.

Numbers come from :mod:`storyline.analyze.numbers`; bare years and durations go here.
A range ("1500 to 2500") keeps ``value`` = its low end with ``low``/``high`` set, so
the value is a number the article wrote; "around", "some", "an estimated" give
±APPROX_SHARE, "more than", "at least" a lower bound, "nearly", "up to" an upper one.
The unit is the noun counted ("82 SDF fighters"), a unit word ("per cent", "km"), the
currency, or for a bare number the unit of the figure before ("… and 61 injured").
The subject is a place-like noun the figure hangs from, where "the camp" / "the town"
/ "the group" is the one of that kind named earlier and mentioned last ("a camp at
al-Qusayr" … "the camp now holds around 12,000 people"); else the place or organisation
nearest the number in its own clause ("from the town"), not its source ("told the agency").
"""

from storyline.analyze.figures._find import APPROX_SHARE, find_figures
from storyline.analyze.figures._subjects import KIND_NOUNS

__all__ = ["APPROX_SHARE", "KIND_NOUNS", "find_figures"]
