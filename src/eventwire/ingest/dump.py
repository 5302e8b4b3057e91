"""Split raw scraped text dumps into articles.

Scraped dumps (see examples/wire_dump.txt) repeat the headline, carry photo captions that end in
a parenthesised credit, and contain logo or marker lines such as a lone ``TT``. Articles are
separated by three or more blank lines. Each article keeps every body paragraph once and its
captions in their own field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Three or more blank lines (four newlines, possibly with spaces in between) end an article.
_ARTICLE_BREAK = re.compile(r"\n[ \t]*\n[ \t]*\n[ \t]*\n(?:[ \t]*\n)*")
# A photo caption: a sentence ending in a credit such as "(Reuters)" or "(AFP / John Smith)".
_CAPTION = re.compile(r"^.{10,}?[.!?\"”’]?\s*\(([^()]{2,80})\)\s*$")
# Logo and marker lines: a short all-caps or symbol token with no sentence in it.
_MARKER = re.compile(r"^(?:[A-Z0-9]{1,5}|[\W_]{1,10}|advertisement|ADVERTISEMENT|Advertisement)$")
_HEADLINE_MAX = 250


@dataclass
class DumpArticle:
    """One article found in a dump, with the line it starts on for error messages."""

    title: str | None
    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)
    line: int = 1

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def is_caption(line: str) -> bool:
    """A line that ends with a parenthesised credit and reads like a caption, not a dateline."""
    m = _CAPTION.match(line)
    if not m:
        return False
    credit = m.group(1)
    # A credit names a source; it is short and has no sentence punctuation inside.
    return len(credit.split()) <= 8 and not re.search(r"[;:]\s", credit)


def is_marker(line: str) -> bool:
    return bool(_MARKER.match(line.strip()))


def _looks_like_headline(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= _HEADLINE_MAX
        and not stripped.endswith((".", ",", ";", ":"))
        and not is_caption(stripped)
        and not is_marker(stripped)
    )


def split_dump(text: str) -> list[DumpArticle]:
    """Segment a dump into articles: headline, captions, body paragraphs.

    The first line of a block is the headline when it is short and has no final full stop;
    later copies of the headline and of captions, marker lines and exact repeats of a paragraph
    are dropped. Captions are recognised in the block's preamble (before the first body
    paragraph) and anywhere they repeat.
    """
    articles: list[DumpArticle] = []
    offset_line = 1
    pos = 0
    blocks: list[tuple[int, str]] = []
    for m in _ARTICLE_BREAK.finditer(text):
        blocks.append((pos, text[pos : m.start()]))
        pos = m.end()
    blocks.append((pos, text[pos:]))
    for start, block in blocks:
        offset_line = text.count("\n", 0, start) + 1
        article = _parse_block(block, offset_line)
        if article is not None:
            articles.append(article)
    return articles


def _parse_block(block: str, first_line: int) -> DumpArticle | None:
    lines = [(first_line + i, ln.strip()) for i, ln in enumerate(block.split("\n"))]
    lines = [(n, ln) for n, ln in lines if ln]
    if not lines:
        return None
    title: str | None = None
    start_line = lines[0][0]
    rest = lines
    if _looks_like_headline(lines[0][1]) and len(lines) > 1:
        title = lines[0][1]
        rest = lines[1:]
    counts: dict[str, int] = {}
    for _, ln in rest:
        counts[ln] = counts.get(ln, 0) + 1
    captions: list[str] = []
    paragraphs: list[str] = []
    seen: set[str] = set()
    in_preamble = True
    for _, ln in rest:
        if ln == title or is_marker(ln):
            continue
        if is_caption(ln) and (in_preamble or counts[ln] > 1):
            if ln not in captions:
                captions.append(ln)
            continue
        in_preamble = False
        if ln in seen:
            continue
        seen.add(ln)
        paragraphs.append(ln)
    if not paragraphs:
        if title is None:
            return None
        paragraphs = [title]
    return DumpArticle(title=title, paragraphs=paragraphs, captions=captions, line=start_line)
