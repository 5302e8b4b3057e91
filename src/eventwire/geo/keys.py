"""Lookup keys for place names: the forms under which news spellings of one place meet.

Three levels, tried in order, each looser than the last:
  exact    accents folded, case folded, hyphens/apostrophes unified ("Deir ez-Zor" -> "deir ez zor");
  bare     the Arabic article and its assimilated forms dropped ("al-Hasakah" -> "hasakah");
  skeleton transliteration variants merged ("Hasakeh"/"Hasaka"/"Hassakah" -> one key).
A looser level only answers when the tighter ones found nothing, and the resolver trusts it less.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "o", "ß": "ss", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
    "ŀ": "l", "ŉ": "n",
})
# Marks that stand for ayn, hamza or apostrophes: dropped, never a space ("Sana'a" = "Sanaa").
_GLOTTAL = re.compile(r"[’‘ʼʻʿʾ`´'ʹ]")
_SEP = re.compile(r"[\s\-‐‑‒–—_./,()]+")
_NONWORD = re.compile(r"[^0-9a-z ]")

# The Arabic definite article as English news writes it, assimilated forms included.
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ath", "adh",
                      "ed", "er", "es", "et", "ez", "en", "ul", "il"})
# Article forms glued to the word in some spellings ("Alhasakah", "Elfasher").
_GLUED = re.compile(r"^(al|el)(?=[a-z]{4,})")

_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"(.)\1+", r"\1"),          # doubled letters: Hassakeh, Raqqa
        (r"ou", "u"), (r"oo", "u"), (r"ee", "i"), (r"ie", "i"), (r"iy", "i"), (r"ey", "i"),
        (r"y", "i"), (r"[aeo]w(?=[^aeiou]|$)", "u"), (r"q", "k"), (r"kh", "h"), (r"gh", "g"), (r"dh", "d"),
        (r"th", "t"), (r"sh", "s"), (r"ch", "c"), (r"ph", "f"), (r"dj", "j"), (r"zh", "j"),
        (r"v", "f"), (r"ck", "k"), (r"c(?=[aou])", "k"),
        (r"(?<=[a-z])(eh|ah|e|a|h)$", "a"),   # final vowel: Hasakeh/Hasakah/Hasaka
        (r"(?<=[a-z])[aeiou](?=[a-z])", ""),  # inner vowels: Kharkov/Kharkiv, Zor/Zour
    )
)


def fold(text: str) -> str:
    """Accents, case and punctuation folded; the exact key."""
    if text.isascii():
        text = _GLOTTAL.sub("", text).lower()
        text = _NONWORD.sub("", _SEP.sub(" ", text))
        return " ".join(text.split())
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _GLOTTAL.sub("", text).casefold()
    text = _SEP.sub(" ", text)
    text = _NONWORD.sub("", text)
    return " ".join(text.split())


def bare(key: str) -> str:
    """An exact key without Arabic articles: "deir ez zor" -> "deir zor"."""
    words = [w for w in key.split() if w not in ARTICLES]
    if not words:
        return key
    words[0] = _GLUED.sub("", words[0])
    return " ".join(words)


def skeleton(key: str) -> str:
    """A bare key with transliteration variants merged; only for fallback lookups."""
    # Spaces go too: "Petion-Ville"/"Petionville", "Khan Younis"/"Khanyounis".
    return "".join(_skeleton_word(w) for w in bare(key).split())


@lru_cache(maxsize=500_000)
def _skeleton_word(word: str) -> str:
    for pattern, repl in _SKELETON_RULES:
        word = pattern.sub(repl, word)
    return word


def keys_for(name: str) -> tuple[str, str, str]:
    """(exact, bare, skeleton) keys of one name."""
    exact = fold(name)
    b = bare(exact)
    return exact, b, skeleton(b)


# Letters outside the Latin blocks (basic, Latin-1, extended A/B, IPA, additional) and their marks.
_NON_LATIN = re.compile(r"[^\u0000-\u02FF\u0300-\u036F\u1E00-\u1EFF\u2000-\u206F]")


def is_latin(name: str) -> bool:
    """True when the name is written in Latin letters (other scripts never appear in English news)."""
    return name.isascii() or not _NON_LATIN.search(name)
