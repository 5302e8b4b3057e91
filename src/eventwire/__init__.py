"""eventwire: offline political event coding (CAMEO, PLOVER) from news text."""
from __future__ import annotations

from eventwire.model import Actor, Article, Event, Place

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Event", "Place", "code_text", "__version__"]


def code_text(text: str, published: str | None = None, title: str | None = None) -> list[Event]:
    """Code one piece of news text and return its events (loads the NLP model on first use)."""
    from eventwire.coding.pipeline import code_article

    article = Article(id="text", text=text, title=title, published=published)
    return code_article(article)
