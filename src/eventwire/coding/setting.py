"""Give each coded event of an article its place and date.

Places: every segment of the article is resolved against the gazetteer with the country its
actors point to and the countries its other segments name unambiguously as context, so
"Tripoli" in a story full of Lebanese towns is Lebanon's. The dateline, if the article has
one, is the fallback place. Dates: the date words of the event's clause (eventwire.dates),
a caption's own date for caption events, else the published day.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from eventwire.coding.actors import names_an_accord
from eventwire.coding.engine import load_modality
from eventwire.coding.locate import content_tokens, event_date, event_place, tiers
from eventwire.dates import caption_date, find_dates
from eventwire.geo.resolve import ArticlePlaces, PlaceResolver
from eventwire.model import Actor, Article, Event


# Roots whose events are words about something (statements, appeals, pledges, demands,
# accusations, threats, protests): their objects' places say what they are about, not where
# they happened. Meetings (04) and agreements (05) take their objects' places: "met his
# counterpart in Baghdad", "signed a deal in Doha".
VERBAL_ROOTS = frozenset({"01", "02", "03", "09", "10", "11", "12", "13", "14"})


@lru_cache(maxsize=1)
def place_resolver() -> PlaceResolver:
    return PlaceResolver()


# Actors whose country was only guessed from the article's main state.
GUESSED = frozenset({"agent+main-country", "implicit"})


def _placed(actor: Actor, country: str | None, other: Actor | None = None) -> Actor:
    """An actor whose country was a guess takes the country of the place the event happened."""
    # ("Baloch insurgents", placed by no word and no main state, take the place's state too)
    stateless = actor.rule == "agent" and actor.country is None and actor.sector not in {None, "UAF"}
    # an unidentified armed force has no country unless the text gives one (EVENT_FORMAT.md):
    # a bomb going off in Quetta says nothing of who planted it; but foreign troops killed
    # on a state's soil ("Russian soldiers killed in Ukraine") fell to that state's side
    if actor.sector == "UAF" and not (other is not None and other.sector == "MIL" and other.country
                                      and country and other.country != country):
        return actor
    if not country or (actor.rule not in GUESSED and not stateless) \
            or country in {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"}:
        return actor
    if actor.country == country:  # the place confirms the guess
        return replace(actor, rule=actor.rule.replace("main-country", "setting") if "main-country" in actor.rule
                       else actor.rule + "+setting")
    return replace(actor, country=country, code=country + (actor.sector or ""),
                   rule=actor.rule.replace("main-country", "setting") if "main-country" in actor.rule
                   else actor.rule + "+setting")


def _foreigners(actor: Actor) -> bool:
    """"Refugees", "migrants", "asylum seekers": foreigners where they are by definition
    (modality `foreign_people`)."""
    words = tuple(load_modality().get("foreign_people") or ())
    return actor.sector == "REF" and any(w.startswith(words) for w in (actor.text or "").lower().split())


def _unplaced_foreigners(actor: Actor | None) -> Actor | None:
    """Foreigners with no state named take neither the place's state nor the article's."""
    if actor is None or not actor.country or not actor.rule or not _foreigners(actor) \
            or not (actor.rule in GUESSED or actor.rule.startswith(("agent+setting", "agent+main-country"))):
        return actor
    return replace(actor, country=None, code="REF", rule="agent")


def _extradited_to(target: Actor, source: Actor, cameo: str) -> Actor:
    """"Extradited a drug lord wanted in Belgium": extradition is cooperation between states, so
    the person handed over stands for the state that receives or wants them (modality
    `extradition`)."""
    spec = load_modality().get("extradition") or {}
    if cameo in spec.get("codes", ()) and target.sector in spec.get("persons", ()) and target.country \
            and len(target.country) == 3 and target.country != source.country:
        return replace(target, sector="GOV", code=target.country + "GOV", rule=target.rule + "+extradition")
    return target


def _under_authority(target: Actor, source: Actor, cameo: str) -> Actor:
    """"Egyptian authorities released editor Lina X", "a Guatemalan court ordered the release of
    journalist Y": a person of no stated country whom a state's police, courts or government
    arrest, try, punish or free is in that state's hands, and coded as its own (modality
    `under_authority`)."""
    spec = load_modality().get("under_authority") or {}
    if target.country is not None or target.rule != "agent" or target.sector in {None, "UAF"} or _foreigners(target) \
            or not source.country or len(source.country) != 3 or source.sector not in spec.get("sources", ()) \
            or not cameo.startswith(tuple(spec.get("codes", ()))):
        return target
    return replace(target, country=source.country, code=source.country + target.sector, rule="agent+authority")


def _content_codes() -> tuple[str, ...]:
    """Codes whose target may be the place of what they are about (modality.yaml)."""
    return tuple((load_modality().get("place_target") or {}).get("content", ()))


def _civilian_object(doc: Doc, trigger_i: int) -> bool:
    """Whether the act was aimed at a place where people live or gather ("shelled a village",
    "attacked a market"): then those it hit are the place's people, not its government."""
    nouns = frozenset((load_modality().get("place_target") or {}).get("civilian_places", ()))
    trig = doc[trigger_i]
    objs = [c for c in trig.children if c.dep_ in {"dobj", "nsubjpass"}]
    objs += [g for c in trig.children if c.dep_ == "prep" and c.lower_ in {"on", "at", "against"}
             for g in c.children if g.dep_ == "pobj"]
    if trig.dep_ == "dobj" and trig.pos_ == "NOUN":  # "launched an attack on a market"
        objs += [g for c in trig.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in nouns for o in objs)


def _at_own_seat(source: Actor | None, where: str) -> bool:
    """Whether an organisation acts in the city it is seated in (seats.tsv): NATO ministers
    meeting in Brussels meet among themselves, not with Belgium."""
    if source is None or not source.name:
        return False
    from eventwire.actors.base import load_actor_dictionary
    seats = load_actor_dictionary().seats
    words = tuple(w for w in where.lower().split() if w != "the")  # the gazetteer drops "The" of The Hague
    orgs = [o for key, found in seats.items() if tuple(w for w in key if w != "the") == words for o in found]
    return any(entry.name == source.name for entry, _where in orgs)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# times that place an act well before the news: "earlier this year", "last year", "two years ago"
_DAY_REFERENCE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
                            r"yesterday|tonight|overnight|this (?:morning|afternoon|evening))\b", re.I)
_LAST_WEEK = re.compile(r"\blast week\b", re.I)
_MONTH_OR_YEAR = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|"
                            r"november|december|(?:19|20)\d\d|last month)\b", re.I)
# a date that names its day ("October 9, 2023", "on March 3") is no month-or-year date
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_RELATIVE_PAST = re.compile(r"\b(?:earlier this year|last year|(?:years|months|decades?) ago|the previous year)\b", re.I)


def _year_modifier(tok) -> int | None:
    """The year an event noun is named by ("the 1994 genocide", "a 2017 crackdown")."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ in {"nummod", "compound", "amod", "npadvmod"} and c.text.isdigit() and _YEAR.fullmatch(c.text):
            return int(c.text)
    return None


_ONSET = frozenset({"begin", "start", "erupt", "break", "spark", "trigger"})


def _past_frame(tok) -> tuple[bool, int | None]:
    """Whether an act is told inside the story of a named past event, and that event's year:
    "the 1994 genocide, in which extremists killed 800,000", "the war, which began with Russia's
    invasion". What a named past event contained, or what started a war, is its history."""
    periods = set(load_modality().get("conflict_periods", ()))
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in {"relcl", "acl"} and cur.head.pos_ == "NOUN":
            noun = cur.head
            year = _year_modifier(noun)
            if year is not None:
                return True, year
            if cur.lemma_.lower() in _ONSET and noun.lemma_.lower() in periods:
                return True, None
        cur = cur.head
    return False, None


_SPANS = frozenset({"month", "year", "decade", "century"})  # long enough to be history


def _told_earlier(tok) -> bool:
    """Whether an act is told as what came before the news: in a clause "months after ...",
    "ten years after ...", in a "since ..." clause ("the first meeting since the coalition pulled
    out of talks"), or in a relative clause in the past perfect ("unions, which had staged a
    strike last week, said ..."). The news is the main clause; these acts are its background."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            if cur.tag_ == "VBN" and cur.sent.start > 0 and any(
                    c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in cur.children) and _told_as_earlier(cur):
                # "China had funded the first phase in 2019.", "He had earlier refused to attend":
                # a later sentence in the past perfect that says it came before is background
                # (regional English tells the news itself in the past perfect: "a mob had
                # ransacked the area", so the tense alone is not enough)
                return True
            # "Ten years after fighters abducted 276 girls, parents gathered ...", parsed with
            # the "after" clause as the sentence's root: still what came before the news
            marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
            return "after" in marks and any(c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS
                                            for c in cur.children)
        if cur.dep_ == "advcl":
            marks = {c.lower_ for c in cur.children if c.dep_ == "mark"}
            if "since" in marks:
                return True
            if "after" in marks and any(c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS
                                        for c in cur.children):
                return True
        if cur.dep_ == "relcl" and cur.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ == "had" for c in cur.children):
            return True
        if cur.i != tok.i and cur.dep_ == "pobj" and cur.head.lower_ == "since":
            return True  # "five years since the shootings, in which a gunman killed 51 people"
        if cur.dep_ in {"ccomp", "xcomp", "parataxis"}:
            return False  # what someone says or means to do is told as news
        cur = cur.head
    return False


_EARLIER_WORDS = frozenset({"earlier", "already", "previously", "once", "before", "ago", "formerly"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})


def _told_as_earlier(verb) -> bool:
    """Whether a clause says its act came before the news: "had earlier", "had already", "in
    2023", "in March", "last year", "two years ago"."""
    for t in verb.subtree:
        low = t.lower_
        if low in _EARLIER_WORDS or low in _MONTHS and t.ent_type_ == "DATE":
            return True
        if t.ent_type_ == "DATE" and (low.isdigit() and len(low) == 4 or low == "last"):
            return True
    return False


def _historical(ev: Event, published: str | None) -> bool:
    """Whether an event is told as history: dated by a year written out ("cut ties with Damascus
    in 2012", "the war, which began when rebels seized the capital in 2014") that lies more than
    a year before the article's publication. Such events are background to the news and are
    dropped unless asked for. Without a publication date nothing is history: an undated text
    may be an old one, and gold sets of single sentences code year-dated acts as news."""
    if not published or ev.hypothetical or not ev.date or not _YEAR.search(ev.date_text or ""):
        return False
    try:
        year, month = int(str(ev.date)[:4]), int(str(ev.date)[5:7] or 1)
        now_year, now_month = int(str(published)[:4]), int(str(published)[5:7] or 1)
    except ValueError:
        return False
    return (now_year - year) * 12 + now_month - month > 12


def place_target(ev: Event, place, names: dict | None = None, content: bool = False,
                 civilian: bool = False) -> Actor | None:
    """The state of the place where a target-less act happened, for the acts listed under
    `place_target` in modality.yaml ("protested in Beijing" is a protest China faces). Words the
    actor dictionary knows as a state name it by the dictionary, not the gazetteer."""
    if place.candidate.level == "water":
        return None  # "drills in the Gulf of Oman", "a tanker in the Red Sea": open water is no state's
    country = place.candidate.country
    imported = False  # an imported dictionary's code is used as written, without a sector
    for i in range(place.start, place.end):
        hit = (names or {}).get(i)
        if hit and hit[0].kind in {"country", "capital", "demonym", "petrarch"} and hit[0].country:
            country, imported = hit[0].country, hit[0].kind == "petrarch"
            break
    if not country or len(country) != 3 or country in {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"}:
        return None
    if _at_own_seat(ev.source, place.text):
        return None  # "EU leaders met in Brussels": at home, not in Belgium's hands
    spec = load_modality().get("place_target") or {}
    code = ev.cameo
    if content:
        if not any(code.startswith(p) for p in spec.get("content", ())):
            return None
    elif any(code.startswith(p) for p in spec.get("any", ())):
        pass
    elif any(code.startswith(p) for p in spec.get("foreign", ())):
        if ev.source.country in (None, country):
            return None
    else:
        return None
    # a government acting on a place of its own state acts on the people there ("sorrow for the
    # shootings in Texas"), not on itself
    if imported:
        return Actor(code=country, country=country, sector=None, text=place.text, rule="place")
    state = {"GOV", "MIL", "COP", "JUD", "SPY"}  # "police carried out arrests in Tbilisi": on its people
    sector = "CVL" if civilian or (ev.source.country == country and ev.source.sector in state) else "GOV"
    return Actor(code=country + sector, country=country, sector=sector, text=place.text, rule="place")


def drop_place_shadows(events: list[Event]) -> list[Event]:
    """"Thai troops violated the truce by firing shells at Cambodian positions in Preah Vihear":
    an act whose target is only its place is the same fact as an act of the same kind, by the same
    doer in the same sentence, whose target the sentence names. The place's copy goes."""
    named = {(e.sentence, e.source.code, e.cameo[:2]) for e in events
             if e.target is not None and e.target.rule not in {"place", "implicit", "own-state"}}
    return [e for e in events if not (e.target is not None and e.target.rule == "place"
                                      and (e.sentence, e.source.code, e.cameo[:2]) in named)]


# "Consult" and "express intent to meet" name two sides; with one the meeting is a body's own
# session ("the central bank's next meeting", "the cabinet met on Monday"), no interaction
_MEETINGS = ("040", "036")
_MULTILATERAL = frozenset({"IGO", "UNO", "EUR"})


def drop_self_parties(events: list[Event]) -> list[Event]:
    """Places can give both sides the same code ("the President ... was welcomed at the airport
    by the foreign minister", both placed in Ethiopia): a word, an appeal, an intent or a gesture
    (01, 02, 03, 05) to one's own actor has no addressee, and a visit to oneself (042, 043) is none."""
    out = []
    for e in events:
        if e.target is not None and e.target.code == e.source.code and e.source.country:
            if e.cameo[:3] in {"042", "043"}:
                continue
            if e.cameo[:2] in {"01", "02", "03", "05"}:
                e.target = None
        out.append(e)
    return out


def drop_lone_meetings(events: list[Event]) -> list[Event]:
    """Meetings with no other party, once places have had their say ("met in Geneva" faces CHE),
    are a body sitting on its own: not an event between actors. A multilateral body's meeting
    ("EU foreign ministers met in Brussels") is its members consulting each other and stays."""
    return [e for e in events if not (e.target is None and e.cameo in _MEETINGS
                                      and (e.source.country or "") not in _MULTILATERAL)]


class Setting:
    """Places and dates of one article, computed once and handed to its events."""

    def __init__(self, article: Article, docs: list[Doc], main_country: str | None,
                 published: str | None = None, actor_mentions: list | None = None) -> None:
        self.article = article
        self.published = article.published or published
        self.resolver = place_resolver()
        context: Counter = Counter()
        if main_country:
            context[main_country] += 2.0
        # Names the actor dictionary knows as people or organisations are not places, whatever
        # the tagger says ("Shoigu" is not Ségou).
        self.blocked: list[set[int]] = []
        self.names: list[dict] = [m.names for m in actor_mentions] if actor_mentions else [{} for _ in docs]
        for i, doc in enumerate(docs):
            names = actor_mentions[i].names if actor_mentions else {}
            self.blocked.append({j for j, (entry, _s, _e) in names.items() if entry.kind in ("person", "org")})
            # "the Nairobi agreement", "the Doha talks": the city names the accord
            self.blocked[-1] |= {t.i for ent in doc.ents if ent.label_ in {"GPE", "LOC"}
                                 and names_an_accord(ent.root) for t in ent}
        self.places = ArticlePlaces(self.resolver, docs, dict(context), self.blocked)
        self.context = dict(context)
        self.dateline = article_dateline(article.text, self.resolver, self.places.total) if article.text else None
        # (segment, sentence start) of the first act told as news: acts told later with "last
        # year" or "months ago" are background to it
        self.news_at: tuple[int, int] | None = None
        self.news_day: bool | None = None  # whether the news is dated by a day ("on Monday")
        self.day_told = False  # whether a sentence told so far names a day
        self.placed: dict[str, Actor] = {}  # actor text -> the placed actor, for later copies

    def _placed_before(self, actor: Actor | None) -> Actor | None:
        if actor is None or actor.country is not None or actor.sector in {None, "UAF"} or not actor.text:
            return actor
        known = self.placed.get(actor.text)
        if known is None or known.sector != actor.sector:
            return actor
        return replace(actor, country=known.country, code=known.code, rule=actor.rule + "+setting")

    def _dates(self, doc: Doc, token_indices: set[int]) -> list[tuple[int, int, object]]:
        """Date mentions (token start, end, mention) of the sentences holding these tokens."""
        out = []
        seen: set[int] = set()
        for i in sorted(token_indices):
            sent = doc[i].sent
            if sent.start in seen:
                continue
            seen.add(sent.start)
            base = sent.start_char
            for m in find_dates(sent.text, self.published or None):
                span = doc.char_span(base + m.start, base + m.end, alignment_mode="expand")
                if span is not None and len(span):
                    out.append((span.start, span.end, m))
        return out

    def apply(self, seg_index: int, kind: str, doc: Doc, events: list[Event], text: str | None = None) -> None:
        """Places and dates of one segment's events; `text` is the segment as parsed, if known."""
        if not events:
            return
        places = self.places.mentions(seg_index)
        dates = self._dates(doc, {t for ev in events if (t := getattr(ev, "_trigger_i", None)) is not None})
        cap = caption_date(doc.text if text is None else text, self.published or None) if kind == "caption" else None
        for ev in events:
            trig = getattr(ev, "_trigger_i", None)
            if trig is None:
                continue
            tier_map = tiers(doc, trig)
            place, _tier = event_place(doc, trig, places, getattr(ev, "_actor_tokens", ()),
                                       self.dateline if kind == "body" else None, tier_map,
                                       verbal=ev.cameo[:2] in VERBAL_ROOTS)
            if place is not None:
                ev.location = place.place()
                if place.candidate.level != "water" and (
                        place.candidate.country and place.candidate.level != "country" or _tier == 1):
                    # (a ship "in the Red Sea" belongs to no shore state)
                    # "killing six people" in Gaza are Gaza's people, whoever the story is about
                    before = (ev.source, ev.target)
                    ev.source = _placed(ev.source, place.candidate.country, ev.target)
                    ev.target = _placed(ev.target, place.candidate.country) if ev.target else None
                    for old, new in zip(before, (ev.source, ev.target)):
                        if old is not None and new is not None and old.country is None and new.country and old.text:
                            self.placed[old.text] = new
                if ev.target is None and _tier in (1, 2):
                    ev.target = place_target(ev, place, self.names[seg_index],
                                             # (a town captured is taken from its state: 192)
                                             civilian=ev.cameo[:2] in {"18", "19", "20"}
                                             and not ev.cameo.startswith("192")
                                             and _civilian_object(doc, trig))
            # "the court of X sentenced ... Amnesty condemned the verdict": an actor carried over
            # from an event placed before has the country that event's place gave it
            ev.source, ev.target = self._placed_before(ev.source), self._placed_before(ev.target)
            ev.source, ev.target = _unplaced_foreigners(ev.source), _unplaced_foreigners(ev.target)
            if ev.target is None and any(ev.cameo.startswith(c) for c in _content_codes()):
                # "sorrow for the shootings in South Carolina": the place of what it is about
                content = content_tokens(doc, trig)
                inside = [m for m in places if all(i in content for i in range(m.start, m.end))]
                about, about_tier = event_place(doc, trig, inside, getattr(ev, "_actor_tokens", ()),
                                                None, tier_map, verbal=False)
                if about is not None and about_tier in (1, 2):
                    ev.target = place_target(ev, about, self.names[seg_index], content=True)
            if ev.target is not None:
                ev.target = _extradited_to(_under_authority(ev.target, ev.source, ev.cameo), ev.source, ev.cameo)
            spec = load_modality().get("place_target") or {}
            own_state = tuple(spec.get("own_state", ()))
            if ev.target is not None and ev.cameo.startswith(tuple(spec.get("grievance_codes", ()))) \
                    and not ev.cameo.startswith(tuple(spec.get("grievance_keep", ()))) \
                    and ev.target.sector in spec.get("grievance_sectors", ()) \
                    and ev.target.country and len(ev.target.country) == 3:
                # "blocked a road to protest the deaths of 15 people": the protest faces the state
                ev.target = Actor(code=ev.target.country + "GOV", country=ev.target.country, sector="GOV",
                                  text="", rule="own-state")
            if ev.target is None and ev.source.country and len(ev.source.country) == 3 \
                    and ev.source.sector not in {"GOV", "MIL", "COP", None} and ev.cameo.startswith(own_state):
                # "a jailed activist began a hunger strike": protesters face their own state
                ev.target = Actor(code=ev.source.country + "GOV", country=ev.source.country, sector="GOV",
                                  text="", rule="own-state")
            mention, _dtier = event_date(doc, trig, dates, tier_map)
            year = _year_modifier(doc[trig])
            framed, frame_year = _past_frame(doc[trig])
            if _told_earlier(doc[trig]) and not ev.hypothetical:
                ev.historical = True  # "two decades after rebels kidnapped 200 students"
                continue
            if framed and year is None and frame_year is None:
                ev.historical = True  # "the war, which began with Russia's invasion"
                continue
            year = year if year is not None else frame_year
            if year is not None and (mention is None or not _YEAR.search(mention.text or "")):
                # "a 2017 military crackdown", "the 2014 disappearance of 43 students": a past
                # event named by its year
                ev.date, ev.date_precision, ev.date_text = f"{year}-01-01", "year", str(year)
                ev.historical = _historical(ev, self.published) if self.published else True
                continue
            if mention is None and cap is not None:
                mention = cap
            if mention is not None:
                ev.date, ev.date_precision, ev.date_text = mention.date, mention.precision, mention.text
                ev.historical = _historical(ev, self.published)
            elif self.published:
                ev.date, ev.date_precision = str(self.published)[:10], "day"
        self._relative_past(seg_index, doc, events)

    def _relative_past(self, seg_index: int, doc: Doc, events: list[Event]) -> None:
        """"The M23 ... released 40 soldiers on Friday. The rebels seized Goma earlier this
        year": an act dated "last year" or "months ago" in a sentence after the first act told as
        news is background to that news."""
        for ev in events:
            trig = getattr(ev, "_trigger_i", None)
            if trig is None or ev.historical:
                continue
            at = (seg_index, doc[trig].sent.start)
            told = ev.date_text or ""
            if not self.published and not ev.hypothetical and (_MONTH_OR_YEAR.search(told) or _LAST_WEEK.search(told)) \
                    and not _DAY_REFERENCE.search(told) and not _DAY_NUMBER.search(told) \
                    and _in_relative_clause(doc[trig]) \
                    and _DAY_REFERENCE.search(doc[trig].sent.text):
                # "Srebrenica, where Serb forces killed 8,000 men in July 1995, buried seven
                # victims on Friday": who a clause describes, by what they did back then
                ev.historical = True
                continue
            if self.news_day is None and told and not _RELATIVE_PAST.search(told):
                self.news_day = bool(_DAY_REFERENCE.search(told))
            day_before = self.day_told  # (a story that named its day in an earlier sentence)
            if _DAY_REFERENCE.search(doc[trig].sent.text):
                self.day_told = True
            if self.news_at is None and not _RELATIVE_PAST.search(told):
                self.news_at = at
            elif self.news_at is not None and at != self.news_at and not ev.hypothetical and (
                    _RELATIVE_PAST.search(told) or (
                        # "... on Monday. Workers staged a similar blockade in March", "In 2021,
                        # gunmen abducted 100 students": a story told by the day dates its
                        # background by the month or the year
                        # (an undated article only: a publication date dates it exactly)
                        not self.published and (self.news_day or day_before) and _MONTH_OR_YEAR.search(told)
                        and not _DAY_REFERENCE.search(told) and not _DAY_NUMBER.search(told))):
                ev.historical = True



def _in_relative_clause(tok) -> bool:
    """Whether a word sits in a relative clause ("separatists who killed ...", "Srebrenica,
    where forces killed ...")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in {"relcl", "acl"}:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def article_dateline(text: str, resolver=None, context: dict[str, float] | None = None):
    """The wire dateline of an article: its first line, or in a web dump the first line after
    the headline and byline lines ("Headline / By Staff / KABUL (AP) - ..."); `context` is the
    story's country votes."""
    resolver = resolver or place_resolver()
    for k, para in enumerate(p for p in text.split("\n") if p.strip()):
        if k >= 4:
            break
        found = resolver.dateline(para.strip(), context)
        if found is not None:
            return found
    return None
