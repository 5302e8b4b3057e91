"""Headlines in title case read as sentences.

The small English model tags nearly every capitalised word of "Russia Masses Troops Near Ukraine's
Border" as a proper noun, so it finds no verb and no event. In a line written in title case, the
words eventwire's own data knows as ordinary words (trigger words, role words, the words of its
modality and word sets, English function words) are put back in lower case; names stay as they
are. Only the case of letters changes, so every offset into the original text still holds.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+")
# a headline is short; a paragraph in title case is something else (a list of names, a menu)
_MAX_WORDS = 30


def is_title_case(text: str) -> bool:
    """Whether a line capitalises most of its longer words, as English headlines do."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    if len(words) < 3 or len(text.split()) > _MAX_WORDS or text.isupper():
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _strings(node) -> set[str]:
    """Every word in a nested data structure of lists, dicts and strings."""
    out: set[str] = set()
    if isinstance(node, str):
        out.update(w.lower() for w in _WORD.findall(node))
    elif isinstance(node, dict):
        for k, v in node.items():
            out |= _strings(k) | _strings(v)
    elif isinstance(node, (list, tuple, set, frozenset)):
        for v in node:
            out |= _strings(v)
    return out


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Lower-case words eventwire's data uses as ordinary words, less every word of a country's
    names, demonyms and capitals ("bank" of West Bank, "coast" of Ivory Coast stay capitalised)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from eventwire.actors.base import load_actor_dictionary
    from eventwire.coding.engine import load_modality
    from eventwire.lexicon import load_lexicon

    words: set[str] = set(STOP_WORDS)
    for p in load_lexicon().patterns.values():
        words.add(p.head)
        words |= _strings(p.words) | _strings(p.target_preps)
    words |= _strings(load_modality())
    dictionary = load_actor_dictionary()
    words |= _strings(list(dictionary.agents))
    return frozenset(words - _country_words())


def _country_words() -> set[str]:
    """Words of the names of countries and of the regions news names ("West Bank", "Gaza Strip")."""
    from importlib.resources import files

    from eventwire.actors.base import _rows

    out: set[str] = set()
    for _number, row in _rows("countries.tsv"):
        for column in ("names", "demonyms", "capitals"):
            out |= _strings(row.get(column) or "")
    regions = files("eventwire.geo").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    for line in regions.splitlines()[1:]:
        if line and not line.startswith("#"):
            out.update(w.lower() for w in _WORD.findall(line.split("\t", 1)[0]) if w[0].isupper())
    return out


def _known(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether a lower-cased word, or the stem its English ending hides, is an ordinary word."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith("ed"):
        forms |= {word[:-2], word[:-1]}
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e"}
    return any(f in vocabulary for f in forms)


def sentence_case(text: str, vocabulary: frozenset[str] | None = None) -> str:
    """`text` with its ordinary words in lower case when it is written in title case, else
    `text` unchanged. The result always has the length of `text`."""
    if not is_title_case(text):
        return text
    vocabulary = ordinary_words() if vocabulary is None else vocabulary
    first = _WORD.search(text)

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if m.start() == first.start() or not w[0].isupper() or w.isupper():
            return w  # the first word, and acronyms (EU, UN, IDF), keep their capitals
        low = w.lower()
        return low if len(low) == len(w) and _known(low, vocabulary) else w

    return _WORD.sub(fix, text)
