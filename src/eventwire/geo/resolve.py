"""Find place mentions in a parsed article and pick the place each one means.

A name is looked up in the gazetteer (geo/gazetteer.py); its candidates are ranked by evidence
that a human reader would use, strongest first: the text's own containment ("Syria's X",
"X, Lebanon", "X province"), the countries the sentence and the article are about, nearness to a
province named alongside ("north of al-Hasakeh province"), the kind of place the words ask for,
and last of all population. Names that are also ordinary words ("Beach", "Mobile", "Reading")
need a candidate in a country the story is already about.
"""
from __future__ import annotations

import math
from bisect import bisect_right
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml

from eventwire import datafile
from eventwire.errors import DataFileError
from eventwire.geo.build import haversine_km
from eventwire.geo.gazetteer import Candidate, Gazetteer, load_gazetteer
from eventwire.geo.keys import ARTICLES, fold, skeleton
from eventwire.model import Place

# Words that end a place's own name rather than describing it ("Gaza Strip", "Golan Heights").
NAME_ENDINGS = frozenset({"strip", "heights", "valley", "peninsula", "city", "bank", "farms", "plain",
                          "plains", "corridor", "zone", "islands", "island", "mountains", "desert",
                          "plant", "dam", "hospital", "field", "bridge", "beach", "forest", "shoal",
                          "reef", "pass", "sea", "gulf", "strait", "lake", "river", "basin"})
MAX_CANDIDATES = 12
_TYPE_WORD = re.compile(r"\s+(oblast|province|governorate|region|state|district|department|prefecture|"
                        r"county|division|municipality|city)$", re.IGNORECASE)
PROVINCE_WORDS = ("region", "province", "oblast", "state", "governorate", "district")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small model tags many Arabic and African town names NORP, ORG or PRODUCT ("Aleppo",
# "El Fasher", "Manbij"), so only number and date entities rule a name out.
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
LEVEL_BONUS = {"country": 4.0, "region": 2.5, "province": 2.0, "area": 1.5, "water": 1.0,
               "district": 0.5, "city": 0.0, "sub-city": 0.5}
SPECIFICITY = {"sub-city": 6, "city": 5, "district": 4, "area": 3, "province": 3, "region": 2,
               "water": 2, "country": 1}
_CREDIT = r"\([A-Za-z .&]{2,30}\)"
DATELINE = re.compile(
    # "KYIV, Ukraine (AP) —", "GAZA CITY/CAIRO (Reuters) -", and the wire's filing day after
    # the place: "NAIROBI, June 25 - "
    r"^\s*(?:(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.\-/ ]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{2,30}))?"
    r"(?:,\s*(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?"
    r"\s*(?:" + _CREDIT + r"\s*)?[-–—:]{1,2}"
    # a place in ordinary case only with the agency's credit, "Beirut, Lebanon (CNN) —", or
    # before a long dash or a colon, as regional sites write it: "Birnin Kebbi — Gunmen stormed
    # ...", "Muscat: His Majesty ..."
    r"|(?P<cased>[A-Z][a-z’'.\-]+(?: [A-Z][a-z’'.\-]+){0,2})(?:,\s*(?P<cregion>[A-Z][A-Za-z.' ]{2,30}))?"
    r"\s*(?:" + _CREDIT + r"\s*[-–—:]{1,2}|[—–:]))\s", re.UNICODE)


def _folded(name: str) -> str:
    """A name without case or accents ("MALÉ" and "Male" are one name)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(ch))


def dateline_place(m: re.Match) -> tuple[str, str | None]:
    """The place and region words of a DATELINE match."""
    return (m.group("place") or m.group("cased")).strip(), m.group("region") or m.group("cregion")


# small words inside a place's name ("Santiago de Cuba", "Dar es Salaam", "Bandar Seri Begawan")
_NAME_JOINERS = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du", "des", "es", "el", "la", "al",
                           "sur", "sul", "on", "upon"})


_SURFACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "from", "into",
                            "toward", "towards", "through", "throughout", "between"})


@dataclass(frozen=True)
class PlaceWords:
    """The vocabulary of geo/data/place_words.yaml."""

    prepositions: dict[str, int]
    type_nouns: dict[str, str]
    of_nouns: dict[str, str]
    of_people: frozenset[str]
    with_nouns: frozenset[str]
    place_verbs: frozenset[str]
    common_words: frozenset[str]
    party_prepositions: frozenset[str]
    to_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_place_words() -> PlaceWords:
    path = resources.files("eventwire.geo") / "data" / "place_words.yaml"
    where = "geo/data/place_words.yaml"
    try:
        data = datafile.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise DataFileError(where, None if line is None else line + 1, str(exc)) from exc
    for key in ("locative_prepositions", "type_nouns", "of_nouns", "of_people", "with_nouns", "place_verbs",
                "common_words", "party_prepositions", "to_nouns"):
        if key not in (data or {}):
            raise DataFileError(where, None, f"missing key {key!r}")
    return PlaceWords(
        prepositions={str(k): int(v) for k, v in data["locative_prepositions"].items()},
        type_nouns={str(k): str(v) for k, v in data["type_nouns"].items()},
        of_nouns={str(k): str(v) for k, v in data["of_nouns"].items()},
        of_people=frozenset(str(w).casefold() for w in data["of_people"]),
        with_nouns=frozenset(str(w).casefold() for w in data["with_nouns"]),
        place_verbs=frozenset(str(w).casefold() for w in data["place_verbs"]),
        common_words=frozenset(str(w).casefold() for w in data["common_words"]),
        party_prepositions=frozenset(str(w).casefold() for w in data["party_prepositions"]),
        to_nouns=frozenset(str(w).casefold() for w in data["to_nouns"]),
    )


@dataclass
class PlaceMention:
    """A stretch of text resolved to a place, with why."""

    start: int          # token offsets in the Doc
    end: int
    text: str
    candidate: Candidate
    score: float
    rule: str           # the strongest evidence used: contained, sentence, article, population
    rank: int = 1       # 1 = introduced by in/at/near..., 2 = on/through, 3 = from/to, 4 = no preposition
    alternatives: int = 0

    def place(self) -> Place:
        return Gazetteer.to_place(self.candidate, self.text)


@dataclass
class _Span:
    start: int
    end: int
    text: str
    ner: bool
    hint: str | None = None           # level the surrounding words ask for
    rank: int = 4
    container: int | None = None      # index of the _Span that contains this one ("Syria's X")
    firm: bool = False                # the container is said outright ("Syria's X", "X in Syria")
    weak: bool = False                # neither tagged a place nor standing where places stand
    demonym: str | None = None        # country of a demonym on the noun that introduces the name
    borrowed: bool = False            # placed at the city it lies in (the gazetteer lacks it)
    candidates: list[Candidate] = field(default_factory=list)


def _hyphen_inner(doc, j: int) -> bool:
    """A lower-case piece inside a hyphenated name, or the hyphen before it ("Port-au-Prince")."""
    tok = doc[j]
    if tok.text in "-‐" and not tok.whitespace_ and j + 2 < len(doc) and doc[j + 1].is_lower \
            and doc[j + 2].text in "-‐" and not doc[j + 1].whitespace_:
        return True
    return (tok.is_lower and tok.is_alpha and 0 < j < len(doc) - 1 and doc[j - 1].text in "-‐"
            and doc[j + 1].text in "-‐" and not tok.whitespace_ and not doc[j - 1].whitespace_)


STANCE_PREFIXES = frozenset({"pro", "anti"})
DIRECTIONS = frozenset({"eastern", "western", "northern", "southern", "central", "northeastern",
                        "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
                        "south-eastern", "south-western"})


def _lower_word(tok) -> bool:
    """"the eastern Mediterranean": a lowercase word the tagger calls a name starts no name,
    unless it begins a hyphenated one ("al-Hasakah"); inside one it may ("Norte de Santander")."""
    return tok.is_lower and tok.is_alpha and not (
        tok.i + 1 < len(tok.doc) and tok.nbor(1).text in "-‐" and not tok.whitespace_)


@lru_cache(maxsize=1)
def _columns():
    """spaCy's column ids and the hashes `_spans` compares them with (spaCy and numpy are
    imported here, not with the module: the gazetteer tools need neither)."""
    import numpy as np
    from spacy.attrs import LOWER, ORTH, SHAPE, TAG
    from spacy.strings import get_string_id

    hyphens = np.array([get_string_id(h) for h in ("-", "‐", "-‐")], dtype=np.uint64)
    name_tags = np.array([get_string_id(t) for t in ("NNP", "NNPS")], dtype=np.uint64)
    return np, [ORTH, TAG, LOWER, SHAPE], hyphens, name_tags


def _name_starts(doc, cols) -> list[int]:
    """Indices of the words `_is_name_token` can accept, from the ORTH, TAG, LOWER and SHAPE
    columns: a proper-noun tag, an article, or a shape that begins with a capital."""
    np, _attrs, _hyphens, name_tags = _columns()
    strings = doc.vocab.strings
    capital = [h for h in set(cols[:, 3].tolist()) if strings[h][:1] == "X"]
    articles = [h for h in set(cols[:, 2].tolist()) if strings[h] in ARTICLES]
    hits = np.isin(cols[:, 1], name_tags) | np.isin(cols[:, 3], np.array(capital, dtype=np.uint64)) \
        | np.isin(cols[:, 2], np.array(articles, dtype=np.uint64))
    return np.flatnonzero(hits).tolist()


def _is_name_token(tok) -> bool:
    if tok.tag_ in ("NNP", "NNPS"):
        return True
    if tok.lower_ in ARTICLES and tok.i + 1 < len(tok.doc) and tok.nbor(1).text in "-‐":
        return True
    # The tagger fails on unfamiliar names ("in Sana'a" read as an adverb): a capitalised word
    # right after "in"/"near"/... is still a name.
    if not (tok.text[:1].isupper() and not tok.is_upper and not tok.is_sent_start and tok.i > 0
            and tok.pos_ not in ("DET", "PRON", "ADP")):
        return False
    prev = tok.nbor(-1)
    return prev.lower_ in _SURFACE_PREPS or (prev.pos_ in ("VERB", "AUX")
                                             and prev.lemma_.lower() in load_place_words().place_verbs)


class PlaceResolver:
    """Resolves the place mentions of spaCy Docs against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None, words: PlaceWords | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        self.words = words or load_place_words()
        self._keys_memo: dict[int, tuple[str, str]] = {}

    def _name_keys(self, c: Candidate) -> tuple[str, str]:
        """(exact key, skeleton) of a candidate's own name, type word dropped ("Almaty Region")."""
        hit = self._keys_memo.get(c.index)
        if hit is None:
            key = fold(_TYPE_WORD.sub("", c.name) if c.level != "city" else c.name)
            hit = self._keys_memo[c.index] = (key, skeleton(key))
        return hit

    # ---- finding names -------------------------------------------------------------------
    def _locative(self, tok) -> tuple[int, str | None] | None:
        """(rank, level hint) when the token stands where a place stands, else None."""
        words = self.words
        seen = 0
        hint = None
        while seen < 4:
            seen += 1
            dep, head = tok.dep_, tok.head
            if dep == "pobj" and head.lower_ in words.prepositions:
                if head.lower_ == "of" and False:
                    pass
                return words.prepositions[head.lower_], hint
            if dep == "pobj" and head.lower_ == "of" and head.head.lower_ in words.of_nouns:
                hint = hint or words.of_nouns[head.head.lower_]
                tok = head.head
                if tok.lower_ in ("north", "south", "east", "west", "northeast", "northwest",
                                  "southeast", "southwest", "outskirts", "suburbs", "countryside"):
                    return 1, hint if hint != "any" else None
                continue
            if dep in ("compound", "poss", "nmod", "amod") and head.i != tok.i:
                noun = head.lower_
                if noun in words.type_nouns:
                    level = words.type_nouns[noun]
                    if dep != "poss":  # "Kharkiv's Saltivka district": the district, not Kharkiv
                        hint = hint or (None if level == "any" else level)
                    found = self._locative(head)
                    return (found[0] if found else 4), hint
                if head.tag_ not in ("NNP", "NNPS"):
                    return None  # "from the Kenyan ministry": a modifier of a thing, not a place
                tok = head
                continue
            if dep == "pobj" and head.lower_ == "of" and head.head.lower_ in words.of_people:
                return 4, hint  # "residents of Homs", "the governor of Kharkiv"
            if dep in ("conj", "appos") and head.i != tok.i:
                tok = head
                continue
            if dep == "dobj" and head.lemma_.lower() in words.place_verbs:
                return 2, hint  # "fled Beledweyne", "captured Bakhmut"
            return None
        return None

    def _after_preposition(self, doc, start: int) -> int | None:
        """Rank of a locative preposition written just before a name ("in the X"), whatever the parse."""
        i = start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        root = doc[start]
        if root.dep_ in ("amod", "compound", "nmod", "poss") and root.head.i > start \
                and root.head.tag_ not in ("NNP", "NNPS") and root.head.lower_ not in self.words.type_nouns:
            return None  # "from the Kenyan ministry"
        if i >= 0 and doc[i].lower_ in self.words.prepositions and doc[i].lower_ != "of":
            return self.words.prepositions[doc[i].lower_]
        if i >= 1 and doc[i].lower_ == "with" and doc[i - 1].lower_ in self.words.with_nouns:
            return 2  # "the border with Niger"
        if i == start - 1 and doc[i].pos_ in ("VERB", "AUX") and doc[i].lemma_.lower() in self.words.place_verbs:
            return 2  # "had captured Bakhmut" with the name mis-tagged
        return None

    def _spans(self, doc) -> list[_Span]:
        spans: list[_Span] = []
        taken: set[int] = set()
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
                while start < ent.end - 1 and doc[start].is_lower and doc[start].is_alpha:
                    start += 1  # "the eastern Mediterranean": a direction is no word of the name
                end = ent.end - (1 if doc[ent.end - 1].tag_ == "POS" else 0)  # "Burkina Faso's"
                if end + 1 < len(doc) and doc[end].text in "-‐" and not doc[end - 1].whitespace_ \
                        and doc[end + 1].is_lower:
                    taken.update(range(start, end + 2))  # "Moscow-installed officials"
                    continue
                if start < end:
                    spans.append(_Span(start, end, doc[start:end].text, True))
                    taken.update(range(start, end))
        blocked = {i for ent in doc.ents if ent.label_ in NOT_PLACE_LABELS for i in range(ent.start, ent.end)}
        # "pro-Russia rebels", "anti-Kyiv protests": a stance, not a place
        np, attrs, hyphens, _tags = _columns()
        cols = doc.to_array(attrs)
        blocked |= {i for i in (np.flatnonzero(np.isin(cols[:, 0], hyphens)) + 1).tolist()
                    if 2 <= i < len(doc) and not doc[i - 2].whitespace_ and doc[i - 2].lower_ in STANCE_PREFIXES}
        spans = [s for s in spans if s.start not in blocked]
        i = 0
        n = len(doc)
        for start in _name_starts(doc, cols):
            # (only a word that can be a name's first is looked at: a proper-noun tag, an
            # article, or a capital first letter)
            if start < i:
                continue
            i = start
            if i in taken or i in blocked or not _is_name_token(doc[i]) or _lower_word(doc[i]):
                continue
            j = i
            while j < n and j not in taken and j not in blocked and (
                    _is_name_token(doc[j]) or (doc[j].text in "-‐" and j + 1 < n and _is_name_token(doc[j + 1])
                                               and not doc[j].whitespace_)
                    or _hyphen_inner(doc, j)):
                j += 1
            if j + 1 < n and doc[j].text in "-‐" and not doc[j - 1].whitespace_ and doc[j + 1].is_lower:
                i = j + 1  # "Moscow-installed", "Iran-backed": an adjective, not a place
                continue
            root = doc[i:j].root
            spans.append(_Span(i, j, doc[i:j].text, False,
                               weak=self._locative(root) is None and self._after_preposition(doc, i) is None))
            i = max(j, i + 1)
        spans.sort(key=lambda s: s.start)
        # "Santiago de Cuba", "Rio de Janeiro", "Dar es Salaam": a name joined by a small word
        # is one place when the gazetteer files it whole
        merged: list[_Span] = []
        for s in spans:
            prev = merged[-1] if merged else None
            if prev is not None and s.start == prev.end + 1 and doc[prev.end].lower_ in _NAME_JOINERS \
                    and self.gaz.lookup(doc[prev.start:s.end].text, loosest=0):
                merged[-1] = _Span(prev.start, s.end, doc[prev.start:s.end].text, prev.ner or s.ner)
                continue
            merged.append(s)
        spans = merged
        for s in spans:
            pos = self._locative(doc[s.start:s.end].root)
            if pos is None:
                rank = self._after_preposition(doc, s.start)
                pos = (rank, None) if rank is not None else None
            if pos is not None:
                s.rank, s.hint = pos
            # "Luhansk and Donetsk regions": the type noun after the last conjunct names all.
            nxt = s.end
            if nxt + 2 < len(doc) and doc[nxt].lower_ in ("and", ",", "or") and _is_name_token(doc[nxt + 1]):
                k = nxt + 1
                while k < len(doc) and _is_name_token(doc[k]):
                    k += 1
                if k < len(doc) and doc[k].lower_ in self.words.type_nouns and doc[k].tag_ in ("NNS", "NNPS"):
                    level = self.words.type_nouns[doc[k].lower_]
                    s.hint = None if level == "any" else level
                    continue
            # A type noun right after the name ("al-Hasakeh province", "Beach refugee camp").
            after = doc[s.end:s.end + 2]
            for width in (2, 1):
                phrase = " ".join(t.lower_ for t in after[:width])
                if len(after) >= width and phrase in self.words.type_nouns:
                    level = self.words.type_nouns[phrase]
                    s.hint = None if level == "any" else level
                    break
        for s in spans:
            if s.hint == "any":  # "the centre of La Paz": a place, of no particular kind
                s.hint = None
        # A conjunct shares its partner's position: "near the border with Mali and Burkina Faso".
        by_token = {i: s for s in spans for i in range(s.start, s.end)}
        for s in spans:
            root = doc[s.start:s.end].root
            partner = by_token.get(root.head.i) if root.dep_ == "conj" else None
            if s.weak and partner is not None and not partner.weak:
                s.weak, s.rank = False, partner.rank
        return spans

    # ---- candidates ------------------------------------------------------------------------
    def _lookup(self, doc, s: _Span) -> None:
        words = self.words
        if s.start >= 2 and doc[s.start - 1].tag_ == "POS" and doc[s.start - 2].tag_ == "NNP":
            # a name with a possessive inside it ("Cox's Bazar", "St John's")
            whole = doc[s.start - 2:s.end].text
            found = self.gaz.lookup(whole, loosest=1)
            if found:
                s.start -= 2
                s.text = whole
                s.candidates = found
                return
        # The name with its type noun first: "Gaza Strip", "Beach refugee camp", "Gaza City".
        for width in (3, 2, 1):
            tail = doc[s.end:s.end + width]
            if len(tail) == width and all(t.is_alpha for t in tail) and (
                    tail[-1].lower_ in words.type_nouns or tail[-1].lower_ in NAME_ENDINGS):
                found = [c for c in self.gaz.lookup(f"{s.text} {tail.text}", loosest=1)]
                if found:
                    s.end += width
                    s.text = doc[s.start:s.end].text
                    s.candidates = found
                    return
        while s.end - s.start > 1 and not doc[s.start].text[:1].isupper():
            s.start += 1  # "central Mali", "northern Gaza": the direction is not part of the name
            s.text = doc[s.start:s.end].text
        text = s.text
        found = self.gaz.lookup(text)
        if not found and s.end - s.start > 1 and doc[s.start].lower_ in DIRECTIONS:
            # "over Eastern Ukraine": a capitalised direction that is not part of a filed name
            s.start += 1
            text = s.text = doc[s.start:s.end].text
            found = self.gaz.lookup(text)
        parts = text.split()
        stripped = None
        if len(parts) > 1 and parts[-1].casefold() in words.type_nouns:
            stripped = " ".join(parts[:-1])  # a name that swallowed its type noun ("Idlib province")
        if stripped and (not found or all(c.tier == 2 for c in found)):
            # a skeleton hit for the whole ("Saada province" ~ "Saida Province") loses to a
            # real hit for the name without its type word
            level = words.type_nouns[parts[-1].casefold()]
            s.hint = s.hint or (None if level == "any" else level)
            bare_found = self.gaz.lookup(stripped)
            if bare_found and (not found or any(c.tier < 2 for c in bare_found)):
                found = bare_found
        if s.hint in ("province", "region", "district"):
            # "the Luhansk and Donetsk regions": the provinces are filed as "Luhansk Oblast"
            seen = {c.index for c in found}
            for word in PROVINCE_WORDS:
                for c in self.gaz.lookup(f"{text} {word}", loosest=1):
                    if c.index not in seen and c.level in ("province", "region", "district"):
                        seen.add(c.index)
                        found.append(c)
        s.candidates = found

    # ---- ranking ---------------------------------------------------------------------------
    def _score(self, c: Candidate, s: _Span, contained: set[str], sentence: Counter, article: Counter,
               near: list[tuple[float, float]], exact_name: bool,
               city_namesakes: list[Candidate] = ()) -> tuple[float, str]:
        score = math.log10(c.population + 10) + LEVEL_BONUS.get(c.level, 0.0)
        score -= (0.0, 0.7, 2.5)[c.tier]
        rule = "population"
        if exact_name:
            score += 0.5
        if s.hint and c.level != "country":
            same = c.level == s.hint or (s.hint == "province" and c.level in ("region", "province")) \
                or (s.hint == "city" and c.level in ("city", "district")) \
                or (s.hint == "sub-city" and c.level in ("sub-city", "city"))
            score += 3.0 if same else -2.5
        if s.hint and c.level == "country":
            score -= 3.0
        own = self._name_keys(c)[1] if c.level in ("province", "district") else None
        if not s.hint and own is not None and any(
                self._name_keys(o)[1] == own and (
                    o.country == c.country and haversine_km(o.lat, o.lon, c.lat, c.lon) <= 250
                    or o.population >= 100_000) for o in city_namesakes):
            score -= 4.5  # "Baghdad", "Marib" alone are the cities, not the provinces named for them
        if c.country in contained:
            score += 9.0
            rule = "contained"
        elif sentence.get(c.country):
            score += 5.0
            rule = "sentence"
        elif article.get(c.country):
            total = sum(article.values())
            score += 1.5 + 3.0 * article[c.country] / total
            rule = "article"
        if near and c.level != "country":
            if min(haversine_km(c.lat, c.lon, la, lo) for la, lo in near) <= 150:
                score += 3.0
        return score, rule

    def resolve(self, doc, context: dict[str, float] | None = None,
                blocked: Iterable[int] = ()) -> list[PlaceMention]:
        """Place mentions of a Doc, each resolved; `context` weights countries the caller knows
        the article is about (e.g. its actors' countries); `blocked` tokens are known to name
        something else (a person, an organisation)."""
        return self.rank(doc, self.prepare(doc, blocked), context)

    def resolve_article(self, docs: list, context: dict[str, float] | None = None,
                        blocked: list[Iterable[int]] | None = None) -> list[list[PlaceMention]]:
        """Resolve every segment of one article, each with the countries its other segments name
        unambiguously as extra context ("Tripoli" in a story full of Lebanese towns)."""
        article = ArticlePlaces(self, docs, context, blocked)
        return [article.mentions(i) for i in range(len(docs))]

    @staticmethod
    def country_votes(spans: list[_Span]) -> Counter:
        """Countries named unambiguously by non-weak spans (a country name counts double); a
        loose spelling ("Kamwokya" for Kameoka) votes for nothing, even when written twice."""
        votes: Counter = Counter()
        for s in spans:
            countries = {c.country for c in s.candidates if c.country and c.tier == 0}
            if len(countries) == 1 and not s.weak:
                votes[next(iter(countries))] += 2 if any(c.level == "country" for c in s.candidates) else 1
        return votes

    def prepare(self, doc, blocked: Iterable[int] = ()) -> list[_Span]:
        """Name spans of a Doc with their gazetteer candidates and containers, not yet ranked."""
        no = set(blocked)
        spans = [s for s in self._spans(doc) if not any(i in no for i in range(s.start, s.end))]
        for s in spans:
            self._lookup(doc, s)
        parts: list[_Span] = []
        for s in spans:
            if not s.candidates and s.end - s.start > 2:
                # a tagger span over several names ("Abuja and Kaduna"): look up each name in it
                i = s.start
                while i < s.end:
                    if not _is_name_token(doc[i]):
                        i += 1
                        continue
                    j = i
                    while j < s.end and (_is_name_token(doc[j]) or (doc[j].text in "-‐" and not doc[j].whitespace_)):
                        j += 1
                    part = _Span(i, j, doc[i:j].text, s.ner, s.hint, s.rank, weak=s.weak)
                    self._lookup(doc, part)
                    if part.candidates:
                        parts.append(part)
                    i = j
        spans = sorted([s for s in spans if s.candidates] + parts, key=lambda s: s.start) + [
            s for s in spans if not s.candidates and s.end - s.start <= 4]
        self._borrow(doc, spans)
        spans = sorted([s for s in spans if s.candidates], key=lambda s: s.start)
        for s in spans:
            if len(s.candidates) > MAX_CANDIDATES:
                # Hundreds of villages share some names; beyond the most populous few only a
                # non-city or a same-name place in a country the text names can still win, and
                # ranking keeps those.
                named = {c.country for o in spans for c in o.candidates if c.level == "country"}
                by_pop = sorted(s.candidates, key=lambda c: -c.population)
                keep = by_pop[:MAX_CANDIDATES]
                keep += [c for c in by_pop[MAX_CANDIDATES:] if c.level != "city" or c.country in named]
                s.candidates = keep
        # Containment: "Syria's X", "X, Syria", "X in Syria", "X of Syria".
        roots = [doc[o.start:o.end].root for o in spans]
        for a, s in enumerate(spans):
            for b, other in enumerate(spans):
                if a == b:
                    continue
                tok = roots[b]
                if other.end <= s.start and tok.dep_ == "poss" and s.start <= tok.head.i < s.end + 3:
                    s.container, s.firm = b, True
                if other.start == s.end + 1 and doc[s.end].text == "," and s.container is None:
                    s.container = b
                if other.start == s.end + 1 and doc[s.end].lower_ in ("in", "of") and s.container is None \
                        and any(c.level in ("country", "province", "region") for c in other.candidates):
                    s.container, s.firm = b, True
        # "the Turkish port of Ceyhan", "Adre, a Chadian border town": a demonym on the noun
        # that introduces or describes the name says whose it is.
        demonyms = _demonyms()
        for s, root in zip(spans, roots):
            if s.container is not None:
                continue
            nouns = []
            if root.dep_ == "pobj" and root.head.lower_ == "of":
                nouns.append(root.head.head)
            nouns += [c for c in root.children if c.dep_ == "appos"]
            for noun in nouns:
                for mod in noun.children:
                    iso = demonyms.get(mod.text) if mod.dep_ in ("amod", "compound", "nmod") else None
                    if iso:
                        s.demonym = iso
        return spans

    def _borrow(self, doc, spans: list[_Span]) -> None:
        """A neighbourhood, square or camp the gazetteer lacks, named inside a city ("Nairobi's
        Kibera slum", "Meskel Square in Addis Ababa"), is placed at that city."""
        firm = [s for s in spans if s.candidates and any(c.tier < 2 for c in s.candidates)]
        resolved = {s.end: s for s in firm}
        starts = {s.start: s for s in firm}
        for u in spans:
            loose = bool(u.candidates) and all(c.tier == 2 for c in u.candidates)
            if (u.candidates and not loose) or (u.weak and not u.ner):
                continue  # a real gazetteer hit; a mere spelling likeness may still yield
            after = u.end
            if after < len(doc) and doc[after].lower_ in self.words.type_nouns:
                after += 1
            owner = None
            if u.start >= 1 and doc[u.start - 1].tag_ == "POS" and (u.start - 1) in resolved:
                owner = resolved[u.start - 1]
            elif after + 1 < len(doc) and doc[after].lower_ in ("in", "of", ",") and (after + 1) in starts:
                owner = starts[after + 1]
            if owner is None:
                continue
            cities = [c for c in owner.candidates if c.level in ("city", "district")]
            if cities and (u.ner or after > u.end) and owner is not u:
                u.candidates = cities
                u.borrowed = True

    def rank(self, doc, spans: list[_Span], context: dict[str, float] | None = None) -> list[PlaceMention]:
        """Pick each span's place (see the module docstring for the evidence used)."""
        starts = sorted(sent.start for sent in doc.sents)
        sent_of = [starts[bisect_right(starts, s.start) - 1] for s in spans]
        article: Counter = Counter()
        for iso, weight in (context or {}).items():
            if iso:
                article[iso] += weight
        selfw: list[tuple[str, float] | None] = []
        for s in spans:
            countries = {c.country for c in s.candidates if c.country and c.tier == 0}  # (a loose spelling: none)
            selfw.append(None)
            if len(countries) == 1 and not s.weak:
                weight = 2 if any(c.level == "country" for c in s.candidates) else 1
                selfw[-1] = (next(iter(countries)), weight)
                article[selfw[-1][0]] += weight
        # Two rounds: the first picks with article context; the second adds what the first chose
        # for the same sentence and for containers.
        chosen: list[tuple[Candidate, float, str]] = []
        for round_ in range(2):
            by_sent: dict[int, Counter] = {}
            if round_:
                for k, (c, _sc, r) in enumerate(chosen):
                    if r == "population" and c.level in ("city", "sub-city") and (c.population < 25_000 or c.tier >= 1):
                        continue  # two obscure namesakes abroad (or loose spellings) do not vouch for each other
                    by_sent.setdefault(sent_of[k], Counter())[c.country] += 1
            new = []
            for idx, s in enumerate(spans):
                contained: set[str] = set()
                near: list[tuple[float, float]] = []
                if s.container is not None and round_:
                    cc = chosen[s.container][0]
                    contained.add(cc.country)
                    if cc.level in ("province", "region", "district"):
                        near.append((cc.lat, cc.lon))
                elif s.container is not None:
                    contained |= {c.country for c in spans[s.container].candidates if c.level == "country"}
                if s.demonym:
                    contained.add(s.demonym)
                sentence = Counter(by_sent.get(sent_of[idx], Counter()))
                if round_:
                    own = chosen[idx][0].country
                    sentence[own] -= 1
                    if sentence[own] <= 0:
                        del sentence[own]
                    for j, o in enumerate(spans):
                        if j != idx and sent_of[j] == sent_of[idx] \
                                and chosen[j][0].level in ("province", "region") and j != s.container:
                            near.append((chosen[j][0].lat, chosen[j][0].lon))
                key = fold(s.text)
                skel = skeleton(key)
                others = article
                if selfw[idx] is not None:  # a name is no evidence for itself
                    others = Counter(article)
                    others[selfw[idx][0]] -= selfw[idx][1]
                    others = +others
                best: tuple[float, str, Candidate] | None = None
                # cities named like a province: near it they are its capital, and a big one
                # wins whichever side of a border its province is filed under ("Jerusalem")
                namesakes = [c for c in s.candidates if c.level == "city" and c.population >= 10_000]
                for c in s.candidates:
                    name_key, name_skel = self._name_keys(c)
                    sc, rule = self._score(c, s, contained, sentence, others, near, name_key == key,
                                           namesakes)
                    if name_skel == skel:
                        sc += 0.3  # the place's own name, not an alias it shares with others
                    if best is None or sc > best[0]:
                        best = (sc, rule, c)
                assert best is not None
                new.append((best[2], best[0], best[1]))
            chosen = new
        out: list[PlaceMention] = []
        # Is the story placed somewhere by anything but this name itself?
        elsewhere = []
        for k in range(len(spans)):
            rest = Counter(article)
            if selfw[k] is not None:
                rest[selfw[k][0]] -= selfw[k][1]
            elsewhere.append(bool(+rest) or any(
                j != k and sent_of[j] == sent_of[k] and chosen[j][0].country
                and (chosen[j][2] != "population" or chosen[j][0].level == "country")
                for j in range(len(spans))))
        for idx, (s, (c, sc, rule)) in enumerate(zip(spans, chosen)):
            single = s.end - s.start == 1 and fold(s.text) in self.words.common_words
            # "the Court of Ho Chi Minh City": a place by its full name, whatever the tagger says
            called_city = s.end - s.start >= 2 and doc[s.end - 1].lower_ == "city" and c.tier == 0
            if s.weak and not s.hint and (rule == "population" or c.tier == 2) and not called_city:
                continue  # a capitalised name in no place-like position, unknown to the story
            if (single or c.tier == 2) and rule == "population" and not (c.tier < 2 and s.ner and c.level == "country"):
                continue  # an ordinary word or a loose spelling with nothing backing it
            if rule == "population" and elsewhere[idx] and c.level in ("city", "sub-city") \
                    and c.geonameid and c.population < 25_000:
                continue  # a village abroad sharing a name, in a story about somewhere else
            if rule == "population" and elsewhere[idx] and c.tier >= 1 and c.level in ("city", "sub-city", "district"):
                continue  # "Kamwokya" in a Kampala story is no loose spelling of Kameoka, Japan
            if not c.country:
                # A sea or a cross-border area is counted for the country the story places it
                # in: its container, else the sentence's other places, else the article's.
                sent = sent_of[idx]
                pick = chosen[s.container][0].country if s.container is not None else ""
                if not pick:
                    near_c = Counter(ch[0].country for j, ch in enumerate(chosen)
                                     if j != idx and ch[0].country and sent_of[j] == sent)
                    pick = near_c.most_common(1)[0][0] if near_c else ""
                if not pick and article:
                    rest = Counter(article)  # (a namesake abroad of the same name is no evidence)
                    if selfw[idx] is not None:
                        rest[selfw[idx][0]] -= selfw[idx][1]
                    rest = +rest
                    pick = rest.most_common(1)[0][0] if rest else ""
                if pick:
                    c = replace(c, country=pick)
                    rule = "context-country"
            if s.firm and c.level != "country":
                holder = chosen[s.container][0]
                if holder.country and c.country and holder.country != c.country:
                    # "Sagaing Region's Kani Township": a namesake abroad is not the place
                    # the text puts inside its container; the container is the best we know
                    c, rule = holder, "inside-container"
            if s.borrowed:
                rule = "inside-city"
            out.append(PlaceMention(s.start, s.end, s.text, c, round(sc, 2), rule, s.rank,
                                    len(s.candidates) - 1))
        return out

    # ---- datelines -------------------------------------------------------------------------
    def dateline(self, text: str, context: dict[str, float] | None = None) -> PlaceMention | None:
        """The place of a wire dateline ("GAZA CITY (Reuters) -", "KYIV, Ukraine —"); `context`
        holds the countries the story names, which settle a name several states share."""
        m = DATELINE.match(text)
        if not m:
            return None
        place, region = dateline_place(m)
        # "GAZA CITY/CAIRO": a story filed from two cities is placed by the first
        name = place.split("/")[0].strip().title()
        found = self.gaz.lookup(name, loosest=1)
        if not found:
            return None
        contained: set[str] = set()
        if region:
            for c in self.gaz.lookup(region.strip(), loosest=1):
                contained.add(c.country)
        # a dateline names a city by its own name: "ISLAMABAD" is Pakistan's capital, not
        # Chattogram, which once bore that name among its others
        own = _folded(name)
        # (and names a city before a province of the name: "SAN JOSÉ" is Costa Rica's capital, not
        # the Uruguayan department, when the city is a real one)
        named = context or {}
        best = max(found, key=lambda c: (c.country in contained, _folded(c.name) == own,
                                          named.get(c.country, 0) > 0,
                                          c.level in ("city", "sub-city") and c.population >= 100_000,
                                          LEVEL_BONUS.get(c.level, 0) + math.log10(c.population + 10)))
        return PlaceMention(0, 0, place, best, 0.0, "dateline", 1, len(found) - 1)


class ArticlePlaces:
    """The place names of one article's segments, ranked on demand: every segment's names count
    as context, but only segments that hold events need their own names ranked."""

    def __init__(self, resolver: PlaceResolver, docs: list, context: dict[str, float] | None = None,
                 blocked: list[Iterable[int]] | None = None) -> None:
        self.resolver, self.docs = resolver, docs
        self.prepared = [resolver.prepare(doc, blocked[i] if blocked else ()) for i, doc in enumerate(docs)]
        self.votes = [resolver.country_votes(spans) for spans in self.prepared]
        self.total: Counter = Counter(context or {})
        for votes in self.votes:
            self.total.update(votes)
        self._ranked: dict[int, list[PlaceMention]] = {}

    def mentions(self, i: int) -> list[PlaceMention]:
        if i not in self._ranked:
            others = self.total - self.votes[i]  # a segment's own names count inside rank() already
            self._ranked[i] = self.resolver.rank(self.docs[i], self.prepared[i],
                                                 {k: v for k, v in others.items() if k})
        return self._ranked[i]


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonym -> ISO3 from the actor knowledge base's country table ("Chadian" -> TCD)."""
    from eventwire.actors.base import _rows, _split

    out: dict[str, str] = {}
    for _n, row in _rows("countries.tsv"):
        for word in _split(row.get("demonyms", "")):
            out.setdefault(word, row["iso3"])
    return out


def resolve_places(doc, context: dict[str, float] | None = None) -> list[PlaceMention]:
    """Convenience: resolve a Doc with the default gazetteer."""
    return _default().resolve(doc, context)


@lru_cache(maxsize=1)
def _default() -> PlaceResolver:
    return PlaceResolver()


def best_specific(mentions: Iterable[PlaceMention]) -> PlaceMention | None:
    """The most specific of several places (a camp over its city, a city over its country)."""
    ms = list(mentions)
    if not ms:
        return None
    return max(ms, key=lambda m: (SPECIFICITY.get(m.candidate.level, 0), -m.start))
