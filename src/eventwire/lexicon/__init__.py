"""The trigger lexicon: data files of patterns per CAMEO code, validated and compiled once.

See FORMAT.md in this folder for the pattern grammar. `load_lexicon()` reads and validates the
files (errors name file and line); `Lexicon.matcher(vocab)` compiles every trigger word into one
spaCy PhraseMatcher, and `Lexicon.verify` checks a candidate word against its own lemma's patterns
only, so a document is scanned in one pass whatever the size of the lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventwire import datafile
from eventwire.errors import DataFileError

_WORD = re.compile(r"^[a-z][a-z'\-]*$")
_ROLE = re.compile(r"^([a-z]+):T$")
_SOURCE_ROLE = re.compile(r"^([a-z]+):S$")
_EXCL = re.compile(r"^!([a-z][a-z'\-]*)$")
_SUBJ = re.compile(r"^S=([a-z][a-z'\-]*(?:\|[a-z][a-z'\-]*)*)$")


@dataclass(frozen=True)
class Element:
    """One word slot of an ordered (PETRARCH) pattern: any of several word sequences."""

    alternatives: tuple[tuple[str, ...], ...]
    glued: bool = False  # must follow the previous slot (or the verb) directly
    adjacent_next: bool = False  # the verb follows this slot directly ("RECENTLY_*")


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
    # required prepositions whose object is the SOURCE; the subject is then the TARGET
    # ("received weapons from:S": the giver acts on the receiver)
    source_preps: tuple[str, ...] = ()
    # "T!": the direct object must name an actor ("helped Ukraine", not "helped the economy")
    object_actor: bool = False
    # PETRARCH verb-dictionary patterns (lexicon/petrarch.py): words before and after the verb
    # in sentence order, gaps allowed, and where the target / source stand ("+", "$")
    ordered: bool = False
    before: tuple[Element, ...] = ()
    after: tuple[Element, ...] = ()
    target_mark: tuple[str, int, int] | None = None  # ("subject"|"after", slot, phrases skipped)
    source_mark: tuple[str, int, int] | None = None
    # "S=bomb": the verb's subject must be one of these lemmas. Such a subject is the means of
    # the act, not its doer ("a car bomb exploded", "a rocket hit a house").
    subject_words: frozenset[str] = field(default_factory=frozenset)

    @property
    def specificity(self) -> tuple[int, int]:
        words = len(self.before) + len(self.after) if self.ordered else len(self.words)
        return (1 + words + bool(self.subject_words), len(self.target_preps) + len(self.source_preps),
                len(self.code))


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
    source_preps: list[str] = []
    exclude: set[str] = set()
    subject: set[str] = set()
    obj = False
    obj_actor = False
    for tok in tokens:
        if tok == "T!":
            if noun:
                raise ValueError("'T!' (an actor as direct object) is only for verb patterns")
            obj = obj_actor = True
        elif tok == "T":
            if noun:
                raise ValueError("'T' (direct object) is only for verb patterns; use a preposition")
            obj = True
        elif m := _ROLE.match(tok):
            preps.append(m.group(1))
        elif m := _SOURCE_ROLE.match(tok):
            if noun:
                raise ValueError("'prep:S' (source from a preposition) is only for verb patterns")
            source_preps.append(m.group(1))
        elif m := _EXCL.match(tok):
            exclude.add(m.group(1))
        elif m := _SUBJ.match(tok):
            if noun:
                raise ValueError("'S=lemma' (a required subject word) is only for verb patterns")
            subject.update(m.group(1).split("|"))
        elif _WORD.match(tok):
            plain.append(tok)
        else:
            raise ValueError(f"bad word '{tok}' (lower-case lemmas, 'prep:T', 'prep:S', 'T', 'T!', '!lemma' or 'S=lemma')")
    if not plain:
        raise ValueError("no trigger word")
    head = plain[-1] if noun else plain[0]
    words = tuple(plain[:-1] if noun else plain[1:])
    if source_preps and (obj or preps):
        raise ValueError("a pattern with 'prep:S' takes its target from the subject; no 'T' words")
    if subject and source_preps:
        raise ValueError("'S=lemma' names the means as subject; it cannot take its source from 'prep:S'")
    return Pattern(pid, code, text.strip(), noun, head, words, tuple(preps), obj, frozenset(exclude),
                   tuple(source_preps), obj_actor, subject_words=frozenset(subject))


def _data_files() -> list[tuple[str, str]]:
    root = resources.files("eventwire.lexicon") / "data"
    return sorted((p.name, p.read_text(encoding="utf-8")) for p in root.iterdir() if p.name.endswith(".yaml"))


_SET = re.compile(r"^\$([A-Z][A-Z_]*)$")
_SUBJ_SET = re.compile(r"^S=\$([A-Z][A-Z_]*)$")


def parse_sets(name: str, text: str) -> dict[str, list[str]]:
    """Word sets (`sets.yaml`): NAME -> lemmas, used in patterns as `$NAME` (a PETRARCH synset)."""
    data = datafile.load(text) or {}
    node = datafile.compose(text)
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if node is not None else {}
    sets: dict[str, list[str]] = {}
    for key, words in data.items():
        if not re.fullmatch(r"[A-Z][A-Z_]*", str(key)):
            raise DataFileError(name, lines.get(key), f"set name '{key}' must be upper case")
        if not isinstance(words, list) or not words:
            raise DataFileError(name, lines.get(key), f"set {key}: expected a list of lemmas")
        for w in words:
            if not isinstance(w, str) or not _WORD.match(w):
                raise DataFileError(name, lines.get(key), f"set {key}: bad lemma '{w}'")
        sets[key] = list(dict.fromkeys(words))
    return sets


def expand_sets(raw: str, sets: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(suffix, pattern) for every combination of the `$SET` words in a pattern."""
    from itertools import product

    tokens = raw.split()
    choices = []
    for tok in tokens:
        if m := _SUBJ_SET.match(tok):  # "S=$BOMB": one pattern whose subject may be any of them
            if m.group(1) not in sets:
                raise ValueError(f"unknown word set ${m.group(1)}")
            choices.append(["S=" + "|".join(sets[m.group(1)])])
            continue
        m = _SET.match(tok)
        if m:
            if m.group(1) not in sets:
                raise ValueError(f"unknown word set ${m.group(1)}")
            choices.append(sets[m.group(1)])
        else:
            choices.append([tok])
    if all(len(c) == 1 for c in choices):
        return [("", " ".join(c[0] for c in choices))]
    return [("#" + "+".join(w for w, c in zip(combo, choices) if len(c) > 1), " ".join(combo))
            for combo in product(*choices)]


def parse_file(name: str, text: str, known_codes: set[str] | None = None,
               sets: dict[str, list[str]] | None = None) -> list[Pattern]:
    """Patterns of one lexicon file; any error names the file and line."""
    try:
        node = datafile.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(name, mark.line + 1 if mark else None, f"not valid YAML: {exc}") from exc
    if node is None:
        return []
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(name, node.start_mark.line + 1, "expected a mapping of CAMEO code -> patterns")
    patterns: list[Pattern] = []
    written: set[tuple[str, str]] = set()
    keyed: dict[str, int] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        code = key.value
        if not re.fullmatch(r"\d{2,4}", code):
            raise DataFileError(name, line, f"'{code}' is not a CAMEO code (2-4 digits, quoted)")
        if code in keyed:
            raise DataFileError(name, line, f"code {code} already has its list at line {keyed[code]}")
        keyed[code] = line
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
            if (code, " ".join(raw.split())) in written:
                raise DataFileError(name, iline, f"pattern '{raw}' is already listed under {code}")
            written.add((code, " ".join(raw.split())))
            try:
                for suffix, expanded in expand_sets(raw, sets or {}):
                    patterns.append(parse_pattern(expanded, code, f"{name}:{iline}{suffix}"))
            except ValueError as exc:
                raise DataFileError(name, iline, f"pattern '{raw}': {exc}") from exc
    return patterns


class TriggerFinder:
    """Candidate trigger words of a parsed document: (token, is_noun), in document order.

    A PhraseMatcher on LEMMA finds the words by hash in C; the part of speech is checked on the
    few words found. A verb lemma the tagger took for a noun still counts as the sentence root
    ("EU and UN hand over supplies": the root with a subject is doing a verb's work).
    """

    def __init__(self, vocab, forms: dict[bool, list[str]]) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self._matcher = PhraseMatcher(vocab, attr="LEMMA")
        self._noun_key = vocab.strings.add("NOUN")
        for noun, words in forms.items():
            self._matcher.add("NOUN" if noun else "VERB",
                              [Doc(vocab, words=[w], lemmas=[w]) for w in words])

    def __call__(self, doc) -> list[tuple[object, bool]]:
        out = []
        for key, start, _end in sorted(self._matcher(doc), key=lambda m: (m[1], m[0] == self._noun_key)):
            tok = doc[start]
            pos = tok.pos_
            if key == self._noun_key:
                if pos in _NOUN_POS:
                    out.append((tok, True))
            elif pos in _VERB_POS or (pos == "NOUN" and tok.dep_ == "ROOT"):
                out.append((tok, False))
        return out


class Lexicon:
    """All patterns, by id, and the compiled matcher for a given vocabulary."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = {p.id: p for p in patterns}
        self._matchers: dict[int, object] = {}
        self._index: dict[str, dict[str, list[Pattern]]] = {}

    def __len__(self) -> int:
        return len(self.patterns)

    def codes(self) -> dict[str, list[Pattern]]:
        out: dict[str, list[Pattern]] = {}
        for p in self.patterns.values():
            out.setdefault(p.code, []).append(p)
        return out

    def heads(self, noun: bool) -> dict[str, list[Pattern]]:
        """Patterns indexed by trigger lemma: the verification step looks up, never scans."""
        key = "noun" if noun else "verb"
        if key not in self._index:
            index: dict[str, list[Pattern]] = {}
            for p in self.patterns.values():
                if p.noun == noun:
                    index.setdefault(p.head, []).append(p)
            self._index[key] = index
        return self._index[key]

    def _with_needs(self, noun: bool) -> dict[str, list[tuple[Pattern, frozenset[str]]]]:
        """`heads`, each pattern paired with every word it needs below its head (its words and
        prepositions), so that `verify` rejects most of them with one subset test."""
        key = "noun-needs" if noun else "verb-needs"
        if key not in self._index:
            self._index[key] = {head: [(p, frozenset(p.words + p.target_preps + p.source_preps)) for p in pats]
                                for head, pats in self.heads(noun).items()}
        return self._index[key]

    def matcher(self, vocab) -> "TriggerFinder":
        """Every trigger lemma compiled into one spaCy PhraseMatcher, built once per vocabulary.

        It finds candidate trigger words in one pass; each candidate is then checked against
        only the patterns of its own lemma (`verify`). A DependencyMatcher with one pattern per
        entry gives the same matches but costs ten times the parse on a 2,500-pattern lexicon,
        and a token Matcher over lemma sets calls a Python predicate on every token.
        """
        key = id(vocab)
        if key not in self._matchers:
            self._matchers[key] = TriggerFinder(vocab, {noun: sorted({f for head in self.heads(noun)
                                                                      for f in _forms(head)})
                                                        for noun in (False, True)})
        return self._matchers[key]

    def verify(self, head, noun: bool) -> list[tuple[Pattern, list, list]]:
        """Patterns of `head`'s lemma whose words are all attached: (pattern, words, preps)."""
        out = []
        children = list(head.children)
        if not noun and not any(c.dep_ in {"dobj", "nsubjpass"} for c in children):
            # "beat and robbed asylum seekers": a verb with no object of its own shares the
            # object of the verb joined to it
            children += [g for c in children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)
                         for g in c.children if g.dep_ == "dobj"]
        # a preposition on the verb or on one of its nouns ("warned their citizens about X"),
        # never one inside a clause of its own ("fired at it ... since a war ended on Aug 26")
        # (nor one inside what a verb names something: "what he called a cowardly attack on civilians")
        near = children + [g for c in children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "oprd" for g in c.children]
        carried = None  # (built only when a pattern's word is not a child: most heads never need it)
        reach = None  # every lemma and word below the head: where any word of a pattern can be
        for p, needed in self._with_needs(noun).get(head.lemma_.lower(), ()):
            if needed and not p.ordered:
                if reach is None:
                    reach = {x for t in head.subtree for x in (t.lemma_.lower(), t.lower_)}
                if not needed <= reach:
                    continue
            if p.subject_words and not any(_lemma_in(c, p.subject_words)
                                           and not any(g.lemma_.lower() in _CIVIL_CRAFT for g in c.children)
                                           for c in _subject_words(children)):
                continue
            if p.ordered:
                slots = match_ordered(head, p)
                if slots is not None:
                    out.append((p, [head] + [s[-1] for s in slots], _mark_preps(p, slots)))
                continue
            words = [head]
            for w in p.words:
                # ("opened an inquiry after a tank fired": a verb of another clause is no word
                # of "open fire")
                # (a participle used as a preposition, "according to", "following", is no word)
                # (the infinitive's "to" is no preposition: "to return to the streets")
                hit = next((c for c in children if c.lemma_.lower() == w and c not in words and c.dep_ != "aux"
                            and (p.noun or c.dep_ not in _SUBJECT_DEPS) and c.dep_ not in _OTHER_CLAUSES
                            and not (c.dep_ == "prep" and c.tag_ == "VBG")), None)
                if hit is None and noun:
                    # "joint military exercises" parsed with "joint" on "military": a modifier
                    # of the noun's modifier is still a word of the noun
                    hit = next((g for c in children if c.dep_ in {"amod", "compound", "nmod"}
                                for g in c.children if g.dep_ in {"amod", "compound"}
                                and g.lemma_.lower() == w and g not in words), None)
                if hit is None and (len(words) == 1 or w not in _PARTICLES):
                    # ("called up thousands of reservists": after the particle too)
                    if carried is None:
                        carried = _carried_words(children, noun)
                    hit = next((c for c in carried if c.lemma_.lower() == w and c not in words), None)
                if hit is None and not noun:
                    # "warned their citizens about X": the preposition hangs on the object
                    hit = next((g for c in children if c.dep_ == "dobj" for g in c.children
                                if g.dep_ == "prep" and g.lower_ == w and g not in words), None)
                if hit is None and not noun and words[-1].dep_ == "prep":
                    # "went on strike", "banned them from entering": the object of a preposition
                    # the pattern names
                    hit = next((g for g in words[-1].children
                                if g.dep_ in {"pobj", "pcomp"} and g.lemma_.lower() == w), None)
                if hit is None:
                    break
                words.append(hit)
            else:
                preps = []
                for prep in p.target_preps + p.source_preps:
                    # "fired on Tuesday": a preposition that only dates the act names no party
                    hit = next((c for c in near if c.lower_ == prep and c.dep_ in _PREP_DEPS
                                and c not in preps and not dates_only(c)), None)
                    if hit is None:
                        break
                    preps.append(hit)
                else:
                    out.append((p, words, preps))
        return out


def _carried_words(children: list, noun: bool) -> list:
    """Words that stand in for the trigger's own children: the modifier of a general object
    noun, what an amount counts, a complement, and the like."""
    # "ended mediation efforts", "suspended aid deliveries": the pattern's object word may
    # modify a general noun that stands in the object's place
    carried = [g for c in children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _CARRIERS
               for g in c.children if g.dep_ in {"compound", "amod", "nmod"}] if not noun else []
    if not noun:  # "held a new round of negotiations", "sent a cable of condolences"
        carried += [g for c in children if c.dep_ in {"dobj", "nsubjpass", "oprd"} and c.lemma_.lower() in _CARRIERS
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
    if not noun:  # "blocked stretches of the motorway": the road is what was blocked
        carried += [g for c in children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _PARTS
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
    if not noun:
        # "allowed UN inspectors to visit", parsed with the inspectors as the subject of the
        # clause: what is allowed in stands in the object's place
        carried += [g for c in children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
        # "froze $300 million in security assistance": the amount stands for what it counts
        counted = [g for c in children if c.dep_ in {"dobj", "nsubjpass"} and _amount(c)
                   for p in c.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
                   for g in p.children if g.dep_ == "pobj"]
        # ("thousands of extra police and border guards", parsed with "police" on "guards")
        carried += counted + [m for g in counted for m in g.children if m.dep_ in {"nmod", "compound"}]
        # "rejected the verdict as politically motivated": what the object is taken "as"
        carried += [m for c in children + [p for o in children if o.dep_ == "dobj" for p in o.children]
                    if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                    if g.dep_ in {"pobj", "amod", "acomp"} for m in [g, *g.children]
                    if m is g or m.dep_ in {"amod", "advmod"}]
        carried += [c for c in children if c.dep_ == "advcl" and c.pos_ == "ADJ"
                    and any(g.lower_ == "as" for g in c.children)]  # (parsed "as politically motivated")
        # "called the decision 'a hostile act'", parsed with the complement as the object's
        # apposition: the apposition and its adjectives complete the verb
        carried += [m for c in children if c.dep_ == "dobj" for a in c.children if a.dep_ == "appos"
                    for m in [a, *a.children] if m is a or m.dep_ == "amod"]
        # "called the decision a hostile act": the complement noun and its adjectives
        carried += [m for c in children if c.dep_ == "oprd" and c.pos_ in {"NOUN", "PROPN"}
                    for m in [c, *c.children] if m is c or m.dep_ == "amod"]
        # "called the threat 'disproportionate'", the quoted complement parsed as an adjective
        # after its noun: English puts adjectives before, so it completes the verb
        carried += [a for c in children if c.dep_ == "dobj" for a in c.children
                    if a.dep_ == "amod" and a.i > c.i]
    return carried


_VERB_POS = ["VERB", "AUX"]
_PARTICLES = frozenset({"up", "down", "out", "off", "in", "on", "back", "over", "away", "through"})
# a craft that is no weapon whatever it hits ("a passenger jet hit a bird")
_CIVIL_CRAFT = frozenset({"passenger", "commercial", "civilian", "cargo", "private", "charter", "airline",
                          "delivery", "crop", "news", "police", "rescue", "ambulance", "medical"})

_CARRIERS = frozenset({"effort", "process", "bid", "plan", "programme", "program", "campaign",
                       "initiative", "operation", "delivery", "mission", "activity", "round",
                       "session", "track", "shipment", "package", "supply", "hour", "measure",
                       "rule", "order", "regime", "restriction", "service",
                       # "allowed aid trucks into Gaza", "admitted UN inspection teams"
                       "truck", "lorry", "vehicle", "flight", "plane", "ship", "boat", "team",
                       "worker", "group", "official",
                       # "called the incident an act of aggression"
                       "act",
                       # "raised the alert level", "lifted the emergency status"
                       "level", "status", "posture",
                       # "sent a cable of condolences", "conveyed a message of support"
                       "cable", "message", "letter", "telegram",
                       # "handed over a radar system", "delivered a missile system"
                       "system"})
# parts of a thing that stand for it: "blocked stretches of the motorway", "closed parts of the border"
_PARTS = frozenset({"section", "stretch", "part", "portion", "segment", "parts", "sections",
                    # "closing all of its crossings", "freed some of the hostages"
                    "all", "some", "most", "many", "several", "both", "rest", "remainder"})
_NOUN_POS = ["NOUN", "PROPN"]
_SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
_OTHER_CLAUSES = frozenset({"advcl", "conj", "parataxis", "relcl"})
_PREP_DEPS = {"prep", "agent", "dative", "prt"}


def _lemma_in(tok, words: frozenset[str]) -> bool:
    """Whether a noun's lemma is one of `words`, also when the tagger took a plural at the start
    of a headline for a name ("Rockets rain down on ...")."""
    lemma = tok.lemma_.lower()
    return lemma in words or (tok.tag_ == "NNPS" and lemma.endswith("s") and lemma[:-1] in words)


def _token_is(tok, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


def _match_slots(tokens: list, elements: tuple[Element, ...], start: int, prev: int | None,
                 glue_first: bool) -> list[list] | None:
    """Match slots in order over `tokens` (sentence order) from index `start`; None if no way.

    A slot matches any of its word sequences at consecutive tokens; a glued slot must begin
    right after the previous slot's last token (or after `prev`, the verb, for the first).
    """
    if not elements:
        return []
    el = elements[0]
    must_follow = (el.glued or glue_first) and prev is not None
    for k in range(start, len(tokens)):
        tok = tokens[k]
        if must_follow and tok.i != prev + 1:
            if tok.i > prev + 1:
                return None
            continue
        for alt in el.alternatives:
            run = tokens[k:k + len(alt)]
            if len(run) == len(alt) and all(_token_is(t, w) for t, w in zip(run, alt)) \
                    and all(b.i == a.i + 1 for a, b in zip(run, run[1:])):
                rest = _match_slots(tokens, elements[1:], k + len(alt), run[-1].i, False)
                if rest is not None:
                    return [run] + rest
    return None


def match_ordered(head, p: Pattern) -> list[list] | None:
    """Token runs of an ordered pattern's slots after the verb, or None when it does not match.

    Words after the verb are looked for in the verb's own phrase (its dependency subtree),
    words before it anywhere earlier in the sentence, as PETRARCH reads its patterns.
    """
    if p.before:
        left = [t for t in head.sent if t.i < head.i]
        pre = _match_slots(left, p.before, 0, None, False)
        if pre is None or (p.before[-1].adjacent_next and pre[-1][-1].i != head.i - 1):
            return None
    right = sorted((t for t in head.subtree if t.i > head.i), key=lambda t: t.i)
    return _match_slots(right, p.after, 0, head.i, False)


def _mark_preps(p: Pattern, slots: list[list]) -> list:
    """The preposition right before a "+" ("* AGAINST +"): its object is the target."""
    if p.target_mark and p.target_mark[0] == "after" and p.target_mark[1] > 0 and not p.target_mark[2]:
        last = slots[p.target_mark[1] - 1][-1]
        if last.pos_ == "ADP":
            return [last]
    return []


def _subject_words(children: list) -> list:
    """The subject of a verb and its conjuncts, and for a quantity ("tens of thousands of
    protesters") what it counts."""
    out = [c for c in children if c.dep_ == "nsubj"]
    out += [g for c in out for g in c.children if g.dep_ == "conj"]
    for c in list(out):
        cur = c
        for _ in range(3):  # "tens of thousands of protesters"
            if not _amount(cur):
                break
            cur = next((g for p in cur.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"), None)
            if cur is None:
                break
            out.append(cur)
    return out


def _amount(tok) -> bool:
    """A number or quantity standing for what it counts ("$5 million in aid", "thousands of
    reservists")."""
    return tok.tag_ == "$" or tok.like_num or tok.lemma_.lower() in _QUANTITIES \
        or any(c.tag_ == "$" for c in tok.children)


_QUANTITIES = frozenset({"million", "billion", "trillion", "thousand", "hundred", "dozen", "ten", "score",
                         "thousands", "hundreds", "dozens", "tens", "scores", "millions", "number",
                         "batch", "contingent", "unit", "battalion", "company", "squad", "team",
                         # "flew two planeloads of tents", "sent a convoy of 40 trucks of flour"
                         "planeload", "shipload", "truckload", "boatload", "consignment", "load",
                         "tonne", "ton", "convoy", "cargo", "barrel", "amount", "quantity", "volume", "shipment",
                         # "lifted most of its sanctions", "released some of the prisoners"
                         "most", "some", "all", "many", "much", "part", "half", "bulk", "rest",
                         "majority", "remainder", "several", "few",
                         # "pledged 500 million yen in humanitarian aid"
                         "pound", "dollar", "euro", "yuan", "yen", "rupee", "shilling", "naira", "franc",
                         "rouble", "ruble", "peso", "lira", "rand", "dirham", "riyal", "won", "taka"})


def dates_only(prep) -> bool:
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    # ("on Aug 26" is not always tagged DATE by the small model)
    return bool(objs) and all(o.ent_type_ in {"DATE", "TIME"} or o.lower_.rstrip(".") in _CALENDAR
                              for o in objs)


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec".split())
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "parataxis", "csubj"})


def _forms(word: str) -> list[str]:
    return sorted({word, word.capitalize(), word.upper()})


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon, validated against the ontology."""
    from eventwire.ontology import load_ontology

    known = set(load_ontology().codes)
    files = _data_files()
    sets: dict[str, list[str]] = {}
    for name, text in files:
        if name == "sets.yaml":
            sets = parse_sets(name, text)
    patterns: list[Pattern] = []
    for name, text in files:
        if name != "sets.yaml":
            patterns.extend(parse_file(name, text, known, sets))
    return Lexicon(patterns)


def _bundled_sets() -> dict[str, list[str]]:
    for name, text in _data_files():
        if name == "sets.yaml":
            return parse_sets(name, text)
    return {}


def load_lexicon_files(paths: list[str | Path], with_builtin: bool = True) -> Lexicon:
    """The bundled lexicon plus (or replaced by) user files."""
    from eventwire.ontology import load_ontology

    known = set(load_ontology().codes)
    patterns = list(load_lexicon().patterns.values()) if with_builtin else []
    for path in paths:
        path = Path(path)
        patterns.extend(parse_file(str(path), path.read_text(encoding="utf-8"), known,
                                   _bundled_sets()))
    return Lexicon(patterns)
