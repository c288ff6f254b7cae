"""Split page furniture off the sentence it is glued to, so the sentence can be kept.

Scrapers and sentence splitters often join a photo credit, a time stamp, an editor's
note or a print-edition note to the sentence beside it: "Photograph: Name Name/AP The
death toll has risen to 80". Removing such a line as furniture loses the lede; keeping
it keeps the credit. Each rule here finds where the furniture starts or ends inside a
line and breaks the line there; the line rules then judge each piece on its own
(issue 10 §2).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# A photographer/agency credit after its label holds at most this many words.
MAX_CREDIT_WORDS = 8
# The sentence split off a credit has at least this many words (else the line is a caption).
MIN_SENTENCE_WORDS = 5
# A title run into its lede has at least the first number of title words, at most the second.
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 30

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
# "Friday 28 May 2010 10.27 BST", "Thu Apr 30, 2009 7:36 pm EDT": a page's time stamp.
_STAMP = re.compile(
    rf"(?<!\S){_WEEKDAY},? (?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}),? \d{{4}},?"
    r" \d{1,2}[.:]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4}T| GMT| UTC)?(?!\S)"
)
# "Photograph: …", "Photo: …", "Foto: …" inside a line (at its start the line rules see it).
_CREDIT_LABEL = re.compile(
    r"(?:(?<=\s)|^)(?:Photograph|Photo|Picture|Image|Foto|Bild|Photographie)\s?:\s"
)
# Notes that close an article: "Editor's note: …", "A version of this article appeared in
# print on …", "This article was published on …". Broken off where they start mid-line.
_NOTE = re.compile(
    r"(?<=\S )(?:Editor'?s'? [Nn]ote\s?:"
    r"|(?:A version(?: of this (?:article|story|report|review))?"
    r"|This (?:article|story|report|review)) (?:was )?(?:originally |first )?"
    r"(?:appeared|appears|published) (?:on|in)\b)"
)
_TOKEN = re.compile(r"\S+")


def split_glued(text: str) -> str:
    """Return ``text`` with glued furniture broken onto lines of its own."""
    lines = [_split_line(line) for line in text.split("\n")]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        lines[first] = split_title_run(lines[first])
    return "\n".join(lines)


def split_title_run(line: str) -> str:
    """Break a title run into its lede: "Aid efforts gather pace Aid efforts for …".

    The title has no sentence punctuation and the lede opens with the title's first
    word again; the break goes before that word when it follows a content word.
    """
    tokens = list(_TOKEN.finditer(line))
    if len(tokens) < MIN_TITLE_WORDS + MIN_SENTENCE_WORDS or not _capital(tokens[0].group(0)):
        return line
    opening = tokens[0].group(0)
    for index in range(MIN_TITLE_WORDS, min(len(tokens), MAX_TITLE_WORDS + 1)):
        previous = tokens[index - 1].group(0)
        if re.search(r"[.!?;:,\"”]$", previous):
            return line  # the title would hold a sentence: not a title run
        if tokens[index].group(0) == opening and previous.lower() not in STOP_WORDS:
            rest = line[tokens[index].start() :]
            if _is_sentence(rest):
                return f"{line[: tokens[index].start()].rstrip()}\n{rest}"
    return line


def _split_line(line: str) -> str:
    if len(line) < MIN_SENTENCE_WORDS * 2:
        return line
    line = _STAMP.sub(lambda match: f"\n{match.group(0)}\n", line)
    line = _NOTE.sub(lambda match: f"\n{match.group(0)}", line)
    return "\n".join(_split_credit(part) for part in line.split("\n"))


def _split_credit(line: str) -> str:
    """Break "… Photograph: Name/AGENCY Sentence" into caption, credit and sentence."""
    label = _CREDIT_LABEL.search(line)
    if label is None:
        return line
    before, after = line[: label.start()].rstrip(), line[label.end() :]
    tokens = list(_TOKEN.finditer(after))[: MAX_CREDIT_WORDS + 1]
    start = _sentence_start([token.group(0) for token in tokens])
    sentence = after[tokens[start].start() :] if start is not None else ""
    if start is None or not _is_sentence(sentence):
        # A credit that closes the line goes on its own; anything longer is left whole.
        closes = before and len(tokens) <= MAX_CREDIT_WORDS
        return f"{before}\n{line[label.start() :]}" if closes else line
    credit = line[label.start() : label.end() + tokens[start].start()].rstrip()
    return "\n".join(part for part in (before, credit, sentence) if part)


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= MIN_SENTENCE_WORDS and bool(re.search(r"[.!?][\"'”’)]*$", text))


def _sentence_start(tokens: list[str]) -> int | None:
    """Index of the token where the sentence after a credit starts, or None.

    A credit is names and an agency ("Gerald Herbert/AP", "Spencer Platt/Getty Images"),
    all capitalised; the sentence is the last capitalised word before the first lower-case
    one ("Getty Images BP has been…"), or the word after an all-capitals agency
    ("AP Barack Obama said…").
    """
    slash = max((i for i, token in enumerate(tokens) if "/" in token), default=-1)
    agency = tokens[slash].rsplit("/", 1)[-1] if slash >= 0 else ""
    first = slash + 1
    if agency.isupper() and len(agency) >= 2 and first < len(tokens) and _capital(tokens[first]):
        return first  # "…/AP Underwater robots…"
    for index in range(max(first, 1), len(tokens)):
        if not _capital(tokens[index]):
            start = index - 1
            return start if start >= max(first, 1) else None
    return None


def _capital(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()
