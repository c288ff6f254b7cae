"""Split text into blocks (lines) and join the kept ones back, keeping paragraph breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TERMINAL = re.compile(r"""[.!?:;…]["'”’»)\]]*$|["”’»]$|''$""")
_WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True, slots=True)
class Block:
    """One non-blank line of the input, and whether a blank line came before it."""

    index: int
    text: str
    after_blank: bool

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    @property
    def ends_sentence(self) -> bool:
        return bool(_TERMINAL.search(self.text))


def split_blocks(text: str) -> list[Block]:
    """Return the non-blank lines of ``text`` as trimmed blocks."""
    blocks: list[Block] = []
    blank_before = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = " ".join(line.split())
        if not stripped:
            blank_before = True
            continue
        blocks.append(Block(len(blocks), stripped, blank_before or not blocks))
        blank_before = False
    return blocks


def join_blocks(blocks: list[Block]) -> str:
    """Join kept blocks: a blank line where the input had one, else a line break."""
    parts: list[str] = []
    for block in blocks:
        if parts:
            parts.append("\n\n" if block.after_blank else "\n")
        parts.append(block.text)
    return "".join(parts)
