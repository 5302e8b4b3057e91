"""Date expressions in news text ("on Saturday", "Oct. 9", "last week") resolved to ISO dates.

Resolution is against the article's published date with newsroom conventions; see resolve.py
for the rules and data/vocabulary.yaml for the words.
"""
from __future__ import annotations

from eventwire.dates.resolve import (
    DateMention,
    Vocabulary,
    caption_date,
    find_dates,
    load_vocabulary,
    parse_vocabulary,
    resolve_one,
)

__all__ = ["DateMention", "Vocabulary", "caption_date", "find_dates", "load_vocabulary",
           "parse_vocabulary", "resolve_one"]
