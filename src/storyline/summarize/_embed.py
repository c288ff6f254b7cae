"""Static sentence embeddings and centrality against the cluster centroid, numpy only.

The vectors are all-MiniLM-L6-v2 (Reimers & Gurevych 2019, https://arxiv.org/abs/1908.10084)
distilled to one static 128-dimension vector per WordPiece token with model2vec
(Tulkens & van Dongen 2024, https://github.com/MinishLab/model2vec); a sentence is the
mean of its tokens' vectors, as model2vec encodes it (provenance and licence in
``data/README-minilm-static.md``). Tokenisation follows BERT's uncased basic tokenizer
and greedy longest-match WordPiece (Devlin et al. 2019, https://arxiv.org/abs/1810.04805).
Centrality is cosine similarity to the centroid of the cluster's sentences, as in
centroid-based summarization (Radev et al. 2004, https://doi.org/10.1016/j.ipm.2003.10.006).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

# Words longer than this many characters are one unknown token (as BERT's tokenizer does).
MAX_WORD_CHARS = 100
# Added to a norm before dividing, so an all-unknown sentence gives a zero vector.
NORM_EPSILON = 1e-12

_VECTORS = "minilm-static.npy"
_VOCAB = "minilm-static-vocab.txt"
_UNKNOWN = "[UNK]"
_CONTINUATION = "##"
Matrix = npt.NDArray[np.float32]


def embed(texts: Sequence[str]) -> Matrix:
    """Return one unit-length row per text (zeros for a text with no known token)."""
    table, vocab = _model()
    rows = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for i, text in enumerate(texts):
        ids = token_ids(text, vocab)
        if ids:
            rows[i] = table[ids].astype(np.float32).mean(axis=0)
    norms = np.linalg.norm(rows, axis=1, keepdims=True) + NORM_EPSILON
    unit: Matrix = (rows / norms).astype(np.float32)
    return unit


def centrality(texts: Sequence[str]) -> list[float]:
    """Return each text's cosine similarity (floored at 0) to the centroid of all of them."""
    if not texts:
        return []
    rows = embed(texts)
    centroid = rows.mean(axis=0)
    centroid /= np.linalg.norm(centroid) + NORM_EPSILON
    return [max(0.0, float(value)) for value in rows @ centroid]


def token_ids(text: str, vocab: dict[str, int]) -> list[int]:
    """Split ``text`` into WordPiece ids of ``vocab``, leaving unknown words out."""
    ids: list[int] = []
    for word in _basic_tokens(text):
        ids.extend(_wordpiece(word, vocab))
    return ids


@cache
def _model() -> tuple[npt.NDArray[np.float16], dict[str, int]]:
    """Load the packaged token vectors and vocabulary once."""
    data = resources.files("storyline") / "data"
    with (data / _VECTORS).open("rb") as handle:
        table: npt.NDArray[np.float16] = np.load(handle)
    lines = (data / _VOCAB).read_text(encoding="utf-8").split("\n")
    vocab = {token: i for i, token in enumerate(lines[: table.shape[0]])}
    return table, vocab


def _basic_tokens(text: str) -> list[str]:
    """Lower-case, strip accents and split on white space and punctuation, as BERT does."""
    folded = unicodedata.normalize("NFD", _clean(text).lower())
    plain = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    tokens: list[str] = []
    for chunk in plain.split():
        tokens.extend(_split_punctuation(chunk))
    return tokens


def _clean(text: str) -> str:
    """Drop control characters and pad CJK ideographs with spaces."""
    kept = []
    for ch in text:
        if ch in "\x00\ufffd" or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        kept.append(f" {ch} " if _is_cjk(ch) else ch)
    return "".join(kept)


def _split_punctuation(chunk: str) -> list[str]:
    """Make every punctuation character a token of its own."""
    pieces: list[str] = []
    current = ""
    for ch in chunk:
        if _is_punctuation(ch):
            pieces.extend([current, ch] if current else [ch])
            current = ""
        else:
            current += ch
    return [*pieces, current] if current else pieces


def _wordpiece(word: str, vocab: dict[str, int]) -> list[int]:
    """Cut ``word`` into the longest vocabulary pieces from the left; [] when it cannot be."""
    if len(word) > MAX_WORD_CHARS:
        return []
    ids: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else _CONTINUATION + word[start:end]
            if piece in vocab:
                ids.append(vocab[piece])
                break
            end -= 1
        if end == start:
            return []
        start = end
    return ids


def _is_punctuation(ch: str) -> bool:
    """Tell whether BERT treats ``ch`` as punctuation (all ASCII symbols included)."""
    code = ord(ch)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(ch: str) -> bool:
    """Tell whether ``ch`` is a CJK ideograph (BERT splits these one by one)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FA1F
        or 0xF900 <= code <= 0xFAFF
    )
