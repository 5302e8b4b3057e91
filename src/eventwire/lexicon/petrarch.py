"""Read PETRARCH / TABARI verb dictionaries into lexicon patterns.

Users of PETRARCH keep years of curated verb patterns; `--verbs FILE` reads them as written and
adds them to (or, with `--replace-verbs`, puts them in place of) the bundled lexicon. What is
read::

    &CURRENCY                          a synset: the "+" lines below it, until a blank line;
    +DOLLARS                           a member may be several words or another &SYNSET
    +SWISS FRANCS

    --- CONTRIBUTE [070] ---           a verb block: the verb and the code of the bare verb
    CONTRIBUTE                         ("[---]": the bare verb is no event)
    +DONATE                            another verb sharing the block's patterns
    DOWNPLAY [014]                     a verb with a code of its own
    +BREAK_DOWN {+BROKE_DOWN}          a particle verb; "{...}" irregular forms (spaCy's lemma
                                       covers them, so they are read and not needed)
    KLM_+RST [002]                     "+" marks the verb among several words
    - * &CURRENCY [071]                a pattern: "*" the verb, words before it must come
    - HEAVILY * [122]                  before it in the sentence, words after it in the verb's
    - * AT ^ + [162]                   phrase, in order, other words may come between;
                                       "_" joins words that must be adjacent; "+" marks the
                                       target and "$" the source; "^" skips one phrase; "%"
                                       (a compound actor) is accepted and ignored

Codes are read as CAMEO. A code the ontology does not have falls back to its first three
digits, then its first two (the root: "075A" -> 075, "1010" -> 101); one with no CAMEO reading
("[+++]", "[987]") skips its pattern and is reported with its line, so a dictionary written for
another scheme (WEIS, as parts of PETRARCH's own test dictionary are) still loads.
"""
from __future__ import annotations

import re
from pathlib import Path

from eventwire.errors import DataFileError
from eventwire.lexicon import Element, Pattern

_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"(^|\s)#.*$")
_BLOCK = re.compile(r"<!--.*?-->", re.S)
_HEADER = re.compile(r"^---\s+(\S+)\s+(.*?)\s*-*\s*$")
_WORD = re.compile(r"^[A-Za-z0-9'\-\.]+$")
NO_EVENT = "---"


def _clean(line: str) -> str:
    return _COMMENT.sub("", line).strip()


def _first_code(text: str) -> str | None:
    m = _CODE.search(text)
    return m.group(1).split(":")[0].strip() if m else None


class _Reader:
    """One pass over a verb dictionary; errors and skipped patterns name their line."""

    def __init__(self, path: str, known: set[str] | None) -> None:
        self.path = path
        self.known = known
        self.synsets: dict[str, list[str]] = {}
        self.skipped: list[str] = []

    def cameo(self, code: str, line: int) -> str | None:
        """The CAMEO code a dictionary code stands for; None (reported) when it has none."""
        if code == NO_EVENT:
            return NO_EVENT
        digits = re.match(r"\d+", code)
        if digits is None or self.known is None:
            if digits is None:
                self.skipped.append(f"{self.path}:{line}: code [{code}] is not a CAMEO code; pattern skipped")
                return None
            return digits.group(0)
        raw = digits.group(0)
        for cand in (raw, raw[:3], raw[:2]):
            if cand in self.known:
                return cand
        self.skipped.append(f"{self.path}:{line}: code [{code}] has no CAMEO reading; pattern skipped")
        return None

    def alternatives(self, name: str, line: int, seen: tuple[str, ...] = ()) -> tuple[tuple[str, ...], ...]:
        """Every word sequence a synset stands for (synsets may name synsets)."""
        if name in seen:
            raise DataFileError(self.path, line, f"synset &{name} contains itself")
        if name not in self.synsets:
            raise DataFileError(self.path, line, f"unknown synset &{name}")
        out: list[tuple[str, ...]] = []
        for member in self.synsets[name]:
            if member.startswith("&"):
                out.extend(self.alternatives(member[1:], line, seen + (name,)))
            else:
                out.append(tuple(w.lower() for w in re.split(r"[\s_]+", member) if w))
        return tuple(dict.fromkeys(out))

    def pattern_items(self, body: str, line: int) -> list[tuple[str, object, bool]]:
        """(kind, value, glued-to-previous) for each item of a pattern body."""
        items: list[tuple[str, object, bool]] = []
        for chunk in body.split():
            parts = chunk.split("_")
            for k, part in enumerate(parts):
                glued = k > 0
                if not part:
                    continue
                if part == "*":
                    items.append(("verb", None, glued))
                elif part == "+":
                    items.append(("target", None, glued))
                elif part == "$":
                    items.append(("source", None, glued))
                elif part == "^":
                    items.append(("skip", None, glued))
                elif part == "%":
                    continue
                elif part.startswith("&"):
                    items.append(("word", self.alternatives(part[1:], line), glued))
                elif _WORD.match(part):
                    items.append(("word", ((part.lower(),),), glued))
                else:
                    raise DataFileError(self.path, line, f"cannot read '{part}' in pattern '{body}'")
        if sum(1 for kind, _v, _g in items if kind == "verb") != 1:
            raise DataFileError(self.path, line, f"pattern '{body}' must have exactly one '*' (the verb)")
        return items


def _verb_forms(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """(head lemma, words before, words after) of a verb line: "+BREAK_DOWN", "KLM_NOP_+RST"."""
    text = re.sub(r"\{.*?\}", "", text).strip()
    if not text:
        return None
    word = text.split()[0].lstrip("+")
    parts = [p for p in word.split("_") if p]
    marked = [k for k, p in enumerate(parts) if p.startswith("+")]
    at = marked[0] if marked else 0
    parts = [p.lstrip("+").lower() for p in parts]
    return parts[at], tuple(parts[:at]), tuple(parts[at + 1:])


def read_verb_dictionary(path: str | Path, known_codes: set[str] | None = None) -> tuple[list[Pattern], list[str]]:
    """Patterns of a PETRARCH verb dictionary and the report of patterns it had to skip."""
    path = Path(path)
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DataFileError(name, None, f"cannot read verb dictionary: {exc}") from exc
    reader = _Reader(name, known_codes)
    # comment blocks may span lines: blank them out, keeping the line numbers
    text = _BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = [_clean(raw) for raw in text.splitlines()]
    # synsets first (a pattern may name one defined further down); their lines are then skipped
    current: str | None = None
    synset_lines: set[int] = set()
    for n, line in enumerate(lines, 1):
        if line.startswith("&"):
            current = line.split()[0][1:].rstrip("_")
            reader.synsets.setdefault(current, [])
        elif line.startswith("+") and current is not None:
            reader.synsets[current].append(line[1:].strip())
        else:
            current = None
            continue
        synset_lines.add(n)
    patterns: list[Pattern] = []
    verbs: list[tuple[str, tuple[str, ...], tuple[str, ...], str | None, int]] = []
    block_code: str | None = None
    in_block = False
    for n, line in enumerate(lines, 1):
        if not line or n in synset_lines:
            continue
        if line.startswith("---"):
            m = _HEADER.match(line)
            if m is None:
                raise DataFileError(name, n, f"cannot read verb block header '{line}'")
            code = _first_code(m.group(2))
            if code is None:
                raise DataFileError(name, n, f"verb block '{m.group(1)}' has no [code]")
            block_code = reader.cameo(code, n)
            in_block = True
            verbs = []
            continue
        if line.startswith("-"):
            if not verbs:
                raise DataFileError(name, n, "a pattern line before any verb block")
            code = _first_code(line)
            if code is None:
                raise DataFileError(name, n, f"pattern '{line}' has no [code]")
            body = _CODE.sub(" ", line[1:]).strip()
            items = reader.pattern_items(body, n)
            cameo = reader.cameo(code, n)
            if cameo is None:
                continue
            for k, (verb, before, after, _vcode, _vline) in enumerate(verbs):
                # one pattern per verb of the block; ids stay unique ("file:12#promise")
                pid = f"{name}:{n}" + (f"#{'_'.join(before + (verb,) + after)}" if k else "")
                patterns.append(_pattern(pid, cameo, line, verb, before, after, items))
            continue
        # a verb line of the current block
        if not in_block:
            raise DataFileError(name, n, f"verb '{line}' outside a '--- VERB [code] ---' block")
        forms = _verb_forms(_CODE.sub(" ", line))
        if forms is None:
            continue
        own = _first_code(line)
        vcode = reader.cameo(own, n) if own is not None else block_code
        verbs.append((*forms, vcode, n))
        if vcode is not None:
            verb, before, after = forms
            patterns.append(_pattern(f"{name}:{n}", vcode, line, verb, before, after, [("verb", None, False)]))
    return patterns, reader.skipped


def _pattern(pid: str, code: str, text: str, verb: str, before: tuple[str, ...], after: tuple[str, ...],
             items: list[tuple[str, object, bool]]) -> Pattern:
    """One ordered pattern: the verb's own extra words, then the pattern's words around it."""
    at = next(k for k, (kind, _v, _g) in enumerate(items) if kind == "verb")
    pre_items, post_items = items[:at], items[at + 1:]
    pre: list[Element] = [Element(((w,),), k > 0) for k, w in enumerate(before)]
    post: list[Element] = [Element(((w,),), True) for w in after]
    verb_glued_after = bool(post_items) and post_items[0][2]
    target_mark: tuple[str, int, int] | None = None
    source_mark: tuple[str, int, int] | None = None
    skips = 0
    for kind, value, glued in pre_items:
        if kind == "word":
            pre.append(Element(value, glued))  # type: ignore[arg-type]
        elif kind == "target":
            target_mark = ("subject", 0, 0)
        elif kind == "source":
            source_mark = ("subject", 0, 0)
    last_glue = items[at][2]
    if pre and last_glue:
        # "RECENTLY_*": the last word before the verb is right before it
        pre[-1] = Element(pre[-1].alternatives, pre[-1].glued, adjacent_next=True)
    for k, (kind, value, glued) in enumerate(post_items):
        if kind == "word":
            first = not post and k == 0
            post.append(Element(value, glued if not first else verb_glued_after))  # type: ignore[arg-type]
            skips = 0
        elif kind == "skip":
            skips += 1
        elif kind == "target":
            target_mark = ("after", len(post), skips)
        elif kind == "source":
            source_mark = ("after", len(post), skips)
    return Pattern(pid, code, text.strip(), False, verb, tuple(w for e in post for alt in e.alternatives[:1] for w in alt),
                   ordered=True, before=tuple(pre), after=tuple(post), target_mark=target_mark,
                   source_mark=source_mark)
