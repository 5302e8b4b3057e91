"""The trigger lexicon: data files of patterns per CAMEO code, validated and compiled once.

See FORMAT.md in this folder for the pattern grammar. `load_lexicon()` reads and validates the
files (errors name file and line); `Lexicon.matcher(vocab)` compiles every pattern into one spaCy
DependencyMatcher, so a document is matched in one pass whatever the size of the lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventwire.errors import DataFileError

_WORD = re.compile(r"^[a-z][a-z'\-]*$")
_ROLE = re.compile(r"^([a-z]+):T$")
_EXCL = re.compile(r"^!([a-z][a-z'\-]*)$")


@dataclass(frozen=True)
class Pattern:
    """One compiled-to-be trigger pattern and the roles it names."""

    id: str  # "04_consult.yaml:12"
    code: str
    text: str
    noun: bool
    head: str
    words: tuple[str, ...]  # required dependents of the head (lemmas)
    target_preps: tuple[str, ...] = ()  # required prepositions whose object is the target
    object_target: bool = False
    exclude: frozenset[str] = field(default_factory=frozenset)

    @property
    def specificity(self) -> tuple[int, int]:
        return (1 + len(self.words), len(self.target_preps), len(self.code))


def parse_pattern(text: str, code: str, pid: str) -> Pattern:
    """Parse one pattern string; raise ValueError with the reason if it breaks the grammar."""
    body = text.strip()
    noun = body.startswith("N:")
    if noun:
        body = body[2:].strip()
    tokens = body.split()
    if not tokens:
        raise ValueError("empty pattern")
    plain: list[str] = []
    preps: list[str] = []
    exclude: set[str] = set()
    obj = False
    for tok in tokens:
        if tok == "T":
            if noun:
                raise ValueError("'T' (direct object) is only for verb patterns; use a preposition")
            obj = True
        elif m := _ROLE.match(tok):
            preps.append(m.group(1))
        elif m := _EXCL.match(tok):
            exclude.add(m.group(1))
        elif _WORD.match(tok):
            plain.append(tok)
        else:
            raise ValueError(f"bad word '{tok}' (lower-case lemmas, 'prep:T', 'T' or '!lemma')")
    if not plain:
        raise ValueError("no trigger word")
    head = plain[-1] if noun else plain[0]
    words = tuple(plain[:-1] if noun else plain[1:])
    return Pattern(pid, code, text.strip(), noun, head, words, tuple(preps), obj, frozenset(exclude))


def _data_files() -> list[tuple[str, str]]:
    root = resources.files("eventwire.lexicon") / "data"
    return sorted((p.name, p.read_text(encoding="utf-8")) for p in root.iterdir() if p.name.endswith(".yaml"))


def parse_file(name: str, text: str, known_codes: set[str] | None = None) -> list[Pattern]:
    """Patterns of one lexicon file; any error names the file and line."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(name, mark.line + 1 if mark else None, f"not valid YAML: {exc}") from exc
    if node is None:
        return []
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(name, node.start_mark.line + 1, "expected a mapping of CAMEO code -> patterns")
    patterns: list[Pattern] = []
    for key, value in node.value:
        line = key.start_mark.line + 1
        code = key.value
        if not re.fullmatch(r"\d{2,4}", code):
            raise DataFileError(name, line, f"'{code}' is not a CAMEO code (2-4 digits, quoted)")
        if known_codes is not None and code not in known_codes:
            raise DataFileError(name, line, f"CAMEO code {code} is not in the ontology")
        if not isinstance(value, yaml.SequenceNode):
            raise DataFileError(name, line, f"code {code}: expected a list of patterns")
        for item in value.value:
            iline = item.start_mark.line + 1
            if (isinstance(item, yaml.MappingNode) and len(item.value) == 1
                    and item.value[0][0].value == "N" and isinstance(item.value[0][1], yaml.ScalarNode)):
                # `- N: air strike` unquoted is a one-key mapping in YAML: a noun pattern.
                raw = "N: " + item.value[0][1].value
            elif isinstance(item, yaml.ScalarNode):
                raw = item.value
            else:
                raise DataFileError(name, iline, "a pattern must be a string")
            try:
                patterns.append(parse_pattern(raw, code, f"{name}:{iline}"))
            except ValueError as exc:
                raise DataFileError(name, iline, f"pattern '{raw}': {exc}") from exc
    return patterns


class Lexicon:
    """All patterns, by id, and the compiled matcher for a given vocabulary."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = {p.id: p for p in patterns}
        self._matchers: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self.patterns)

    def codes(self) -> dict[str, list[Pattern]]:
        out: dict[str, list[Pattern]] = {}
        for p in self.patterns.values():
            out.setdefault(p.code, []).append(p)
        return out

    def matcher(self, vocab):
        """One DependencyMatcher holding every pattern (built once per vocabulary)."""
        from spacy.matcher import DependencyMatcher

        key = id(vocab)
        if key not in self._matchers:
            matcher = DependencyMatcher(vocab, validate=False)
            for p in self.patterns.values():
                matcher.add(p.id, [_dep_pattern(p)])
            self._matchers[key] = matcher
        return self._matchers[key]


_VERB_POS = ["VERB", "AUX"]
_NOUN_POS = ["NOUN", "PROPN"]


def _lemma(word: str) -> dict:
    forms = sorted({word, word.capitalize(), word.upper()})
    return {"LEMMA": {"IN": forms}}


def _dep_pattern(p: Pattern) -> list[dict]:
    head_attrs = dict(_lemma(p.head))
    head_attrs["POS"] = {"IN": _NOUN_POS if p.noun else _VERB_POS}
    spec = [{"RIGHT_ID": "head", "RIGHT_ATTRS": head_attrs}]
    for i, word in enumerate(p.words):
        attrs = _lemma(word)
        if not p.noun:  # never the active subject ("Protesters urged"); "sanctions were imposed" is fine
            attrs["DEP"] = {"NOT_IN": ["nsubj", "csubj", "expl"]}
        spec.append({"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": f"w{i}", "RIGHT_ATTRS": attrs})
    for i, prep in enumerate(p.target_preps):
        # The preposition may hang on the head or on a light-verb noun below it; depth is
        # checked after matching.
        spec.append({"LEFT_ID": "head", "REL_OP": ">>", "RIGHT_ID": f"p{i}",
                     "RIGHT_ATTRS": {"LOWER": prep, "DEP": {"IN": ["prep", "agent", "dative", "prt"]}}})
    return spec


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon, validated against the ontology."""
    from eventwire.ontology import load_ontology

    known = set(load_ontology().codes)
    patterns: list[Pattern] = []
    for name, text in _data_files():
        patterns.extend(parse_file(name, text, known))
    return Lexicon(patterns)


def load_lexicon_files(paths: list[str | Path], with_builtin: bool = True) -> Lexicon:
    """The bundled lexicon plus (or replaced by) user files."""
    from eventwire.ontology import load_ontology

    known = set(load_ontology().codes)
    patterns = list(load_lexicon().patterns.values()) if with_builtin else []
    for path in paths:
        path = Path(path)
        patterns.extend(parse_file(str(path), path.read_text(encoding="utf-8"), known))
    return Lexicon(patterns)
