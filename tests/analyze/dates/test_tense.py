"""clause_tense: the tense of the clause a date sits in, on TimeBank and Timeline17 text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.analyze.dates._tense import clause_tense


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        (  # Timeline17 bpoil_guardian 2010-06-12: "would" is the future of a report
            "The company said its board would meet on Monday to consider withholding the "
            "latest tranche of a # 7bn annual payout .",
            "Monday",
            "future",
        ),
        (  # TimeBank ABC19980304: the verb is four steps up
            "Air Force Lieutenant Colonel Eileen Collins will be named commander of the Space "
            "Shuttle Columbia for a mission in December.",
            "December",
            "future",
        ),
        (  # TimeBank wsj_0122
            "Under terms of the agreement, shareholders other than the Underwoods will receive "
            "$3,500 a share at closing, which is expected in December.",
            "December",
            "future",
        ),
        (  # TimeBank AP900816-0139
            "The ministry said Saudi Arabia told U.S., European and Japanese oil companies of a "
            "15-20 percent cutback in its oil supply in September.",
            "September",
            "past",
        ),
        (  # TimeBank wsj_0752: "payable Dec. 7" has no tense of its own
            "AEP INDUSTRIES Inc. directors authorized a 3-for-2 split of the common, payable "
            "Dec. 7 to stock of record Nov. 22.",
            "Dec. 7",
            "present",
        ),
    ],
)
def test_clause_tense_real_sentences(
    nlp: Language, sentence: str, expression: str, tense: str
) -> None:
    start = sentence.index(expression)
    assert clause_tense(nlp(sentence), start, start + len(expression)) == tense
