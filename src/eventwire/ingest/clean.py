"""Text repair and normalisation: mojibake, Unicode forms, control characters, language."""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

import ftfy

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def clean_text(text: str) -> str:
    """Repair mojibake (ftfy), normalise to NFC, unify newlines and drop control characters.

    Curly quotes and accents are kept: they are part of the news text, not damage.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return unicodedata.normalize("NFC", text).strip()


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability of the text's language, judged on its first 3,000 chars."""
    sample = text[:3000]
    if len(sample.strip()) < 20:
        return "en", 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


def is_english(text: str, threshold: float = 0.9) -> bool:
    """True unless the detector is confident the text is in another language.

    Short or lower-cased English wire copy sometimes scores low; only a confident other-language
    verdict skips an article.
    """
    lang, prob = detect_language(text)
    return lang == "en" or prob < threshold


_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
    "%B %d %Y", "%b. %d, %Y", "%Y%m%d", "%A, %B %d, %Y",
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value: object) -> str | None:
    """A publication date in any common feed format as `YYYY-MM-DD`, or None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        stamp = value / 1000 if value > 1e11 else value
        return datetime.fromtimestamp(stamp, tz=timezone.utc).strftime("%Y-%m-%d")
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3])).strftime("%Y-%m-%d")
        except ValueError:
            return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return None
