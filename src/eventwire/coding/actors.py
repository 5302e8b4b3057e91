"""Noun phrase → Actor inside one article: names, modifiers, titles, counterparts, pronouns."""
from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import replace as dc_replace

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from eventwire.actors.base import ActorDictionary, Entry, city_countries, make_actor
from eventwire.model import Actor

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "nummod"}
# titles that name no office: a "former candidate" is no former office-holder
_NO_OFFICE = frozenset({"candidate", "nominee", "challenger", "contender", "hopeful"})
# offices a party's member may hold: "an ANC councillor", "a Fidesz mayor" hold local or national
# office (GOV, LEG), whichever party elected them; "ANC officials" stay the party's
_ELECTED_OFFICES = frozenset({"councillor", "councilor", "mayor", "governor", "minister", "premier",
                              "lawmaker", "legislator", "mp", "senator", "congressman", "congresswoman"})
# participles that tie a noun to another actor without making it that actor ("Iran-backed
# militias", "Al Qaeda-linked group"); "rebel-held towns" are the rebels' and stay theirs
_AFFILIATION = frozenset({"link", "back", "ally", "affiliate", "align", "inspire", "fund", "sponsor",
                          "support", "arm", "train", "influence", "allied", "linked", "backed"})
# "the rebel-held town", "a Houthi-controlled port": who holds a place does not make it theirs
# as an actor; a "Hamas-run ministry" (no place) stays Hamas's
_HOLDING = frozenset({"hold", "held", "control", "controlled", "occupy", "occupied", "besiege", "besieged",
                      "seize", "seized", "capture", "captured", "run"})
_HELD_PLACES = frozenset({"city", "town", "village", "area", "region", "territory", "district", "province",
                          "enclave", "port", "island", "neighbourhood", "neighborhood", "suburb", "camp",
                          "zone", "part", "parts", "areas", "towns", "villages", "cities", "territories"})
# head words of named structures, which are things however national their names sound
_STRUCTURES = frozenset({"dam", "bridge", "pipeline", "canal", "tunnel", "railway", "highway", "stadium",
                         "reservoir", "tower", "mosque", "cathedral", "church", "temple", "monument",
                         "square", "dome", "plant", "refinery", "mine", "corridor", "terminal"})
_FACILITIES = frozenset({"headquarters", "headquarter", "building", "office", "residence", "palace",
                         "compound", "premises", "venue", "hall", "hotel", "home", "house", "villa",
                         "room", "chamber", "lobby", "courtyard", "sideline", "sidelines"})
_WHERE = frozenset({"at", "in", "inside", "outside", "near"})
_PARTY_SIDES = {"opposition": "OPP", "ruling": "GOV", "governing": "GOV"}
_INSTITUTION_BUILDINGS = frozenset({"hospital", "clinic", "school", "university", "college"})
_WANTED = frozenset({"better", "more", "new", "free", "cheaper", "decent", "adequate", "modern"})
_POSTED = frozenset({"ambassador", "envoy", "representative", "delegate", "delegation", "mission",
                     "diplomat", "emissary", "negotiator"})
_BODIES = frozenset({"UNO", "IGO", "EUR", "NGO"})
# acts on people caught doing something ("arrested them as they tried to march")
_ACTS_ON_THEM = frozenset({"arrest", "detain", "disperse", "stop", "block", "attack", "beat", "shoot", "fire",
                           "intercept", "chase", "prevent", "ambush", "kill", "wound", "injure", "hold", "seize"})
_MISSIONS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they", "them", "we"}
_REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves", "themself"}
_OWNING_PRONOUNS = frozenset({"its", "their", "our", "his", "her"})
_PERSON_RULES = frozenset({"person", "person+title", "person+former", "title", "apposition", "coreference", "coreference-title"})
_SUBJECT_FORM = {"his": "he", "its": "it", "their": "they", "our": "we"}
_STATE_RULES = frozenset({"country", "metonymy", "capital", "org", "org+current", "org+date", "agent",
                          "agent+list", "agent+main-country", "demonym"})


@dataclass
class Mentions:
    """Dictionary hits of one Doc: token index → (entry, span start, span end)."""

    names: dict[int, tuple[Entry, int, int]] = field(default_factory=dict)
    agents: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # i -> sector, where, text
    # names of states borne as a person's surname ("Economy Minister Marcelo Montenegro")
    surnames: set[str] = field(default_factory=set)


def find_mentions(doc: Doc, dictionary: ActorDictionary, nlp) -> Mentions:
    lower, exact, agent_matcher = dictionary.matchers(nlp)
    found = Mentions()
    spans = []
    for _, start, end in list(lower(doc)) + list(exact(doc)):
        text = doc[start:end].text
        entry = dictionary.lookup(text)
        if entry is None or text in dictionary.word_acronyms and doc[start].ent_type_ in {"GPE", "LOC", "FAC"}:
            continue  # ("officials in Sana", a spelling of Sanaa, are not the SANA news agency)
        if text in dictionary.cased_words and not _named_as_written(doc[start]):
            continue
        spans.append((end - start, start, end, entry))
    # a TABARI stem ("THE_KU", "ARGENTIN") only claims words no whole-word name claims: PETRARCH
    # matches whole words, so "The Kuwait government" is Kuwait's, not "THE_KU"'s
    stems = [(end - start, start, end, entry) for start, end, entry in dictionary.stem_hits(doc)]
    ordered = sorted(spans, key=lambda s: (-s[0], s[1])) + sorted(stems, key=lambda s: (-s[0], s[1]))
    for _, start, end, entry in ordered:
        if any(i in found.names for i in range(start, end)) or _stance_prefix(doc, start):
            continue
        if entry.kind == "person" and _other_given_name(doc, start, entry, dictionary):
            continue
        if entry.kind == "capital" and names_an_accord(doc[start:end].root):
            continue
        if entry.kind == "demonym" and _region_word(doc, start):
            continue
        if entry.kind in {"country", "capital", "demonym"} and _end_of_province(doc, start, end, entry):
            continue
        if entry.kind in {"country", "capital"} and _surname_of(doc, start, end):
            found.surnames.add(doc[start:end].text)
            continue
        for i in range(start, end):
            found.names[i] = (entry, start, end)
    for i, (entry, start, end) in list(found.names.items()):
        # "Amnesty International Kenya", "Transparency International Bangladesh": an
        # organisation's national chapter is the organisation, not the state
        if entry.kind in {"country", "capital"} and start > 0 and start - 1 in found.names \
                and found.names[start - 1][0].kind == "org" and doc[start - 1].pos_ == "PROPN" \
                and doc[start].head.i >= start - 1 and doc[start - 1].head.i >= start - 1:
            del found.names[i]
        # "the Kenya Red Cross", "Kenya Red Cross officials": the same, with the state first
        elif entry.kind in {"country", "capital"} and end in found.names and found.names[end][1] == end \
                and found.names[end][0].kind == "org" and found.names[end][0].country == "NGO" \
                and doc[start].dep_ == "compound" and end <= doc[start].head.i < found.names[end][2]:
            del found.names[i]
    _seat_mentions(doc, dictionary, found)
    covered: set[int] = set()  # words of a longer role ("fighter" of "fighter jets")
    for _, start, end in agent_matcher(doc):
        span = doc[start:end]
        sector, where = dictionary.agents[span.text.lower()]
        covered.update(range(start, end))
        if sector != "-":  # ("social media" holds a role word and names no one)
            found.agents[span.root.i] = (sector, where, span.text)
    for tok in _agent_candidates(doc, dictionary.agents):
        if tok.i in found.agents or tok.i in covered:
            continue
        for key in (tok.lower_, tok.lemma_.lower()):
            if key != tok.lower_ and key in dictionary.exact_agents:
                continue  # a PETRARCH agent lists its plurals: "polices" is not "police"
            hit = dictionary.agents.get(key)
            if hit and key in dictionary.noun_only_agents and tok.pos_ not in {"NOUN", "PROPN"}:
                break
            if hit:
                # (checked only for a hit: "Marine Le Pen" is no marine, "third-party" no party)
                if tok.dep_ == "amod" and hit[0] == "CRM" and tok.head.lemma_.lower() in _HELD_SITES:
                    break  # "struck suspected PKK positions": the sites are suspected, no suspect
                if not (_in_place_name(tok) or _third_party(tok) or _unit_of_force(tok) or (
                        tok.i in found.names and found.names[tok.i][0].kind == "person"
                        and tok.ent_type_ == "PERSON")):
                    found.agents[tok.i] = (hit[0], hit[1], tok.text)
                break
    return found


def _agent_candidates(doc: Doc, agents: dict) -> list[Token]:
    """The words whose form or lemma is a role word, in order: the distinct forms and lemmas
    of a document are looked up once each, not once per word."""
    arr = doc.to_array([LOWER, LEMMA])
    strings = doc.vocab.strings
    forms = [h for h in set(arr[:, 0].tolist()) if strings[h] in agents]
    lemmas = [h for h in set(arr[:, 1].tolist()) if strings[h].lower() in agents]
    hits = np.isin(arr[:, 0], np.array(forms, dtype=np.uint64)) | np.isin(arr[:, 1], np.array(lemmas, dtype=np.uint64))
    return [doc[i] for i in np.flatnonzero(hits).tolist()]


# sectors of a body whose own posts ("secretary general") are that body's
_BODY_OF_POST = frozenset({"LAB", "PTY", "OPP", "REB", "EDU", "REL", "BUS", "MED", "JRN"})
# forms of address that stand for the person named before ("His Majesty", "Her Excellency")
_HONORIFICS = frozenset({"majesty", "highness", "excellency", "holiness", "eminence"})
# places a force holds, which "suspected" describes without naming suspects
_HELD_SITES = frozenset({"position", "hideout", "camp", "base", "site", "location", "target", "facility",
                         "depot", "stronghold", "den", "compound", "warehouse", "lab", "laboratory"})
# papers that speak for whoever issued them
_PAPERS = frozenset({"report", "statement", "study", "letter", "communique", "communiqué", "declaration",
                     "resolution", "memo", "memorandum", "note", "document", "investigation", "inquiry"})

_ISSUING = frozenset({"sign", "issue", "release", "publish", "write", "send", "draft", "compile", "present"})


def _named_as_written(tok: Token) -> bool:
    """Whether a name that is also an ordinary word ("Amnesty") names the body here: not when
    a capital may be only the sentence's ("Amnesty was granted to 200 prisoners"), unless it acts
    as a subject, and not inside another name ("the Amnesty Act")."""
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" or tok.ent_type_ == "LAW":
        return False
    if tok.i == tok.sent.start or tok.i > 0 and tok.nbor(-1).is_sent_start and tok.nbor(-1).pos_ == "DET":
        return tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.head.lemma_ != "be"
    return True


# words that turn a demonym into a region's adjective: "Latin American", "West African",
# "Pan-Arab" (names of states, "South African", "North Korean", are longer matches and win)
_REGION_WORDS = frozenset({"latin", "north", "south", "central", "west", "east", "pan", "sub-saharan"})


def _end_of_province(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    """Whether a state's name ends a region of another state: "Wales" of "New South Wales",
    "Mexico" of "New Mexico", "Guinea" of "Papua New Guinea" stays a state (one of its own)."""
    from eventwire.actors.base import province_countries

    for k in (start - 1, start - 2):
        if k < 0 or not doc[k].is_title:
            return False
        country = province_countries().get(doc[k:end].text.casefold())
        if country is not None and country != entry.country:
            return True
    return False


def _region_word(doc: Doc, start: int) -> bool:
    """Whether a demonym is part of a region's name ("Latin American leaders", "the
    Pan-American Highway"), which is no state."""
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.text == "-" and start > 1:
        prev = doc[start - 2]
    return prev is not None and prev.lower_ in _REGION_WORDS and (prev.is_title or prev.is_upper)


def entity_at(tok: Token) -> Span | None:
    """The named entity holding a token, from the token's own IOB tags: `doc.ents` builds every
    entity of the document on each call, which costs a whole pass per question."""
    if tok.ent_iob not in (1, 3):  # (0 unset, 2 outside)
        return None
    doc = tok.doc
    start = tok.i
    while doc[start].ent_iob == 1 and start > 0:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob == 1:
        end += 1
    return Span(doc, start, end, label=tok.ent_type)


def _surname_of(doc: Doc, start: int, end: int) -> bool:
    """Whether a state's name ends a person's name after a given name ("Economy Minister Marcelo
    Montenegro", "Jorge Chile"): the tagger's person name, with a proper name before it."""
    ent = entity_at(doc[start])
    return ent is not None and ent.label_ == "PERSON" and ent.end == end and start > ent.start \
        and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title


def forget_surnames(all_mentions: list[Mentions], docs: list[Doc]) -> None:
    """A state's name once borne by a person in an article is that person's surname again when
    it stands alone later ("... Marcelo Montenegro said. Montenegro blamed ...")."""
    surnames = set().union(*(m.surnames for m in all_mentions))
    if not surnames:
        return
    for mentions, doc in zip(all_mentions, docs):
        for i, (entry, start, end) in list(mentions.names.items()):
            if entry.kind in {"country", "capital"} and doc[start:end].text in surnames:
                del mentions.names[i]


def _unit_of_force(tok: Token) -> bool:
    """"50 companies of central armed police forces": a unit of a force, not a business."""
    return tok.lemma_.lower() in {"company", "battalion", "platoon", "contingent"} and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in {"force", "police", "troop", "soldier", "army", "paramilitary"}
            for g in p.children) for p in tok.children)


def _third_party(tok: Token) -> bool:
    """"third-party mediation", "a third party": an outsider to a dispute, not a political party."""
    if tok.lemma_.lower() != "party" or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.text == "-" and tok.i > 1:
        prev = tok.doc[tok.i - 2]
    return prev.lower_ == "third"


def link_acronyms(all_mentions: list[Mentions], docs: list[Doc]) -> None:
    """"The Independent Policing Oversight Authority (IPOA) said ... IPOA officers ...": an
    abbreviation an article defines in brackets after a name is that name wherever it recurs,
    a known actor's entry or a body's role word alike."""
    defined: dict[str, tuple[str, object]] = {}
    for mentions, doc in zip(all_mentions, docs):
        for tok in doc:
            if not (tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 8 and 1 <= tok.i < len(doc) - 1
                    and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")" and tok.i >= 2):
                continue
            if tok.i in mentions.names:
                continue
            # the name the brackets follow: its last word, else the nearest role word in it
            # ("the Ghana Union of Traders' Associations (GUTA)")
            k = tok.i - 2
            while k >= 0 and k > tok.i - 10 and (doc[k].is_title or doc[k].lower_ in {"of", "for", "on", "and", "'s", "'", "’s", "-"}):
                if k in mentions.names and mentions.names[k][0].kind != "demonym":
                    defined.setdefault(tok.text, ("name", mentions.names[k][0]))
                    break
                if k in mentions.agents and doc[k].is_title:
                    defined.setdefault(tok.text, ("agent", mentions.agents[k]))
                    break
                k -= 1
    if not defined:
        return
    for mentions, doc in zip(all_mentions, docs):
        for tok in doc:
            hit = defined.get(tok.text)
            if hit is None or tok.i in mentions.names or tok.i in mentions.agents:
                continue
            kind, what = hit
            if kind == "name":
                mentions.names[tok.i] = (what, tok.i, tok.i + 1)
            else:
                mentions.agents[tok.i] = (what[0], what[1], tok.text)


def names_an_accord(root: Token) -> bool:
    """A capital that only names an accord or a meeting is no actor ("the Nairobi agreement")."""
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.i > root.i \
        and root.head.lemma_.lower() in _NAMED_AFTER_A_CITY


def _other_given_name(doc: Doc, start: int, entry: Entry, dictionary: ActorDictionary) -> bool:
    """"Peruvian activist Rosa Chavez" is not Hugo Chavez: a surname matched inside a
    longer personal name whose first word is none of the known person's names."""
    if start == 0 or doc[start].ent_type_ != "PERSON" or doc[start].ent_iob_ != "I":
        return False
    before = doc[start - 1]
    words = getattr(dictionary, "person_words", {}).get(entry.name)
    return before.pos_ == "PROPN" and before.ent_type_ == "PERSON" and words is not None \
        and before.text.casefold() not in words


def _in_place_name(tok: Token) -> bool:
    """Whether a word is the later part of a place's proper name: "Bank" in "the West Bank" and
    "Coast" in "Ivory Coast" name land, not a bank or a coastguard."""
    if tok.ent_type_ not in {"GPE", "LOC"} or tok.ent_iob_ == "B" or tok.pos_ != "PROPN":
        return False
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    if tok.doc[start].pos_ == "DET":
        start += 1
    return start < tok.i and tok.doc[start].pos_ == "PROPN" and tok.doc[start].is_title


# prepositions after which a seat city is only where something happened ("met in Brussels")
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "to", "from", "across", "via", "into",
                          "through", "inside", "within", "toward", "towards"})


def _seat_mentions(doc: Doc, dictionary: ActorDictionary, found: Mentions) -> None:
    """"Brussels accused Budapest of ...": in an article that names the EU, its seat speaks for it
    (seats.tsv). The city after "in", "at", "to" ... stays a place."""
    seats = getattr(dictionary, "seats", None)
    if not seats:
        return
    named = sorted((start, entry.name) for entry, start, _end in found.names.values() if entry.kind == "org")
    if not named:
        return
    # (where a seat's words are written, looked up by first word: one pass over the text)
    lows = [t.lower_ for t in doc]
    starts: list[tuple[int, tuple[str, ...]]] = []
    firsts = {words[0] for words in seats}
    for start, low in enumerate(lows):
        if low in firsts:
            starts += [(start, words) for words in seats if words[0] == low
                       and tuple(lows[start:start + len(words)]) == words]
    for start, words in starts:
        orgs, n = seats[words], len(words)
        if not doc[start].is_title or any(i in found.names for i in range(start, start + n)):
            continue
        root = doc[start:start + n].root
        if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
            continue
        wanted = {entry.name: (entry, where) for entry, where in orgs}
        first = next((name for _s, name in named if name in wanted), None)
        if first is None:
            continue
        entry, where = wanted[first]
        seat = Entry(entry.country, entry.sector, entry.name, "org", where)
        for i in range(start, start + n):
            found.names[i] = (seat, start, start + n)


def _stance_prefix(doc: Doc, start: int) -> bool:
    """ "pro-Russian separatists", "anti-Israel protesters": the name says whom they are for or
    against, not whose they are."""
    if start >= 2 and doc[start - 1].text in {"-", "–"} and doc[start - 2].lower_ in _STANCES:
        return True
    return start >= 1 and doc[start - 1].lower_.rstrip("-–") in _STANCES and doc[start - 1].text[-1:] in {"-", "–"}


_STANCES = frozenset({"pro", "anti"})


def _phrase_head_after(doc, cc_i: int) -> Token | None:
    """Head of the proper-noun phrase that starts right after a conjunction, if it is one."""
    i = cc_i + 1
    if i < len(doc) and doc[i].dep_ == "det":
        i += 1
    # "and wary Lebanon", "and the embattled Lebanon": a few adjectives before the name
    for _ in range(3):
        if i < len(doc) and doc[i].dep_ in {"amod", "advmod"} and doc[i].pos_ in {"ADJ", "ADV", "VERB"} \
                and doc[i].head.i > i:
            i += 1
    if i >= len(doc) or doc[i].pos_ != "PROPN":
        return None
    tok = doc[i]
    steps = 0
    while tok.dep_ in {"compound", "amod", "det"} and tok.head.i > tok.i and steps < 5:
        tok = tok.head
        steps += 1
    if tok.pos_ != "PROPN" or tok.dep_ in {"compound", "amod"}:
        return None
    return tok


# entity types that are no place: "Police in Kabul and the Taliban" are two actors
_NOT_PLACE = frozenset({"PERSON", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def _place_object(owner: Token) -> Token | None:
    """The object of a common noun's first in/of/from phrase ("Lawmakers in France")."""
    if owner.pos_ != "NOUN":
        return None
    return next((o for p in owner.children if p.dep_ == "prep" and p.lower_ in {"in", "of", "from"}
                 and p.i > owner.i for o in p.children if o.dep_ == "pobj"), None)


def _list_modifier(head: Token, child: Token) -> bool:
    """A name modifying a later name that opens a list of its own ("Arnor, Calenardhon and the
    evil Gondor" with Arnor a modifier of Gondor): a member of the list, not part of the name;
    inside one named entity it is part of the name ("Mine Safety and Health Administration")."""
    # "the DRC's government and M23 rebels" hangs the first member, a role noun, on the last;
    # "US and British activists" are modifiers of one noun, not a list of actors
    if child.dep_ not in {"nmod", "compound"} or child.i > head.i or not any(
            g.dep_ in {"cc", "conj"} for g in child.children):
        return False
    if head.pos_ != "PROPN" and child.pos_ != "NOUN":
        return False
    ent = entity_at(child)
    return ent is None or ent.end <= head.i


# sectors of groups apart from the state, whose ranks and posts are the group's own
# members named by their standing in a force, whose modifier names the force ("police reservists")
_FORCE_MEMBERS = frozenset({"reservist", "recruit", "personnel", "cadet", "trainee", "unit", "officer"})
_GROUP_SECTORS = frozenset({"REB", "OPP", "UAF", "CRM", "LAB", "EDU", "REL", "PTY", "NGO", "MED", "JRN", "REF"})

# how an actor was found when the words of its own phrase name its state ("Israeli soldiers",
# "police in Lagos", "UN peacekeepers")
_OWN_NAMING = frozenset({"agent", "agent+list", "agent+place", "title", "org", "org+current", "modifier"})


class ActorResolver:
    """Resolves argument tokens to actors, remembering people and the last actor per article."""

    def __init__(self, dictionary: ActorDictionary, date: str | None = None) -> None:
        self.dictionary = dictionary
        self.date = date  # the article's date: picks who held an office
        self.people: dict[str, Actor] = {}
        self._formers: set[str] = set()  # people the article has called former office-holders
        self.last_person: Actor | None = None
        self.last_group: Actor | None = None
        self.last_org: Actor | None = None  # the last named non-state organisation
        self.last_pair: list[Actor] = []  # the two parties of the last two-sided event
        self.last_state_pair: list[Actor] = []  # the two states of the last act between governments
        self.last_crowd: list[Actor] = []  # the people of the last protest told, for "the crowd"
        self.last_body: Actor | None = None  # the last UN or intergovernmental body named
        self.last_bloc: Actor | None = None  # the last union or alliance named, for "the bloc"
        self.last_attackers: list[Actor] = []  # the armed men of the last attack, for "the attackers"
        # buildings whose owner an act faces ("rallied outside the UN office"), set by the coder
        self.owned_sites: set[int] = set()
        self.last_lists: dict[int, list[Actor]] = {}  # the last list of n named parties, by n
        self.titled: dict[str, list[Actor]] = {}  # title word -> the people who bore it, last last
        self.roles: dict[str, Actor] = {}  # role word -> the last actor it named with its state
        self.cities = None
        self.named_bodies: dict[str, Actor] = {}  # last word of a named body -> it ("the Commission")
        self.main_country: str | None = None  # the article's most named state, for bare agents
        self._depth = 0

    def expand(self, tok: Token) -> list[Token]:
        """The token and every token conjoined with it ("Qatar, Egypt and the US")."""
        out = [tok]
        seen = {tok}  # visited, member or not ("the US President" in "Biden, the US President, and Xi")
        stack = [tok]
        while stack:
            cur = stack.pop()
            # a name the parser split ("Barack" heading "Obama") keeps its conjuncts on the
            # other word of the name
            ent = entity_at(cur)
            ent = ent if ent is not None and len(ent) > 1 else None
            if ent is not None:
                for other in ent:
                    if other.i != cur.i and other.head.i == cur.i and other not in stack:
                        for child in other.children:
                            if child.dep_ == "conj" and child not in seen:
                                seen.add(child)
                                out.append(child)
                                stack.append(child)
            # "A and B, C forces deployed ...": once "and" has closed a list, a further conjunct
            # the parser hangs on it belongs to another clause
            ccs = sorted(c.i for c in cur.children if c.dep_ == "cc")
            closing = None
            if ccs:
                closing = next((c.i for c in sorted(cur.children, key=lambda c: c.i)
                                if c.dep_ == "conj" and c.i > ccs[0]), None)
            if ccs and not any(c.dep_ == "conj" and c.i > ccs[-1] for c in cur.children):
                # "Qatar, Egypt, and the United States" with the last name parsed as the
                # subject of the next verb: the noun phrase right after "and" closes the list
                orphan = _phrase_head_after(cur.doc, ccs[-1])
                if orphan is not None and orphan not in seen:
                    seen.add(orphan)
                    out.append(orphan)
            strays = self._stray_places(cur)
            for child in cur.children:
                if child in seen:
                    continue
                if _list_modifier(cur, child):
                    # "Fornost and the evil Gondor", "Arnor, Calenardhon and the evil Gondor"
                    # parsed with the first name as a modifier of the last: a list all the same
                    seen.add(child)
                    out.append(child)
                    stack.append(child)
                    continue
                if child.dep_ == "conj" and closing is not None and child.i > closing:
                    continue
                if child in strays:
                    continue  # "Lawmakers in France and Germany": a place, not another actor
                if self._appos_carries_list(cur, child) and not self._list_appos(cur, child):
                    # "Biden, the US President, and Xi" with Xi hung on the title: the title is
                    # Biden's, the conjunct is a member
                    seen.add(child)
                    stack.append(child)
                    continue
                # "The US, Russia, and Switzerland" is often parsed as an apposition with a
                # conjunction hanging on it, or with the conjunction after it on the head: a list,
                # not a second name for the same actor
                if child.dep_ == "conj" or self._list_appos(cur, child):
                    seen.add(child)
                    out.append(child)
                    stack.append(child)
        return [tok] + sorted(out[1:], key=lambda t: t.i)  # the members in the order written

    def _name_like(self, tok: Token) -> bool:
        """A capitalised name, not a role or title ("the US President", "a Democrat"): only a
        name can be a member of a list parsed as an apposition."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if not tok.text[:1].isupper() or low in _TITLES or lemma in _TITLES:
            return False
        if low in self.dictionary.agents or lemma in self.dictionary.agents:
            return False
        return not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)

    def _appos_carries_list(self, cur: Token, child: Token) -> bool:
        """Whether the conjuncts hung on an apposition are members of the list around `cur`:
        always when the apposition is a title ("Biden, the US President, and Xi"), and when it
        is itself a member (_list_appos); "Presidents Putin and Rouhani" are the presidents."""
        return child.dep_ == "appos" and any(g.dep_ in {"cc", "conj"} for g in child.children) and (
            not self._name_like(child) or self._list_appos(cur, child))

    def _list_appos(self, cur: Token, child: Token) -> bool:
        """Whether an apposition of `cur` is a member of a list rather than a description: it
        carries a conjunction itself ("The US, Russia, and Switzerland"), or it stands between
        the head and the head's own "and" ("Evil Mordor, the awful Fornost, and good Gondor"; the
        parser also calls it a noun-phrase adverbial: "Qatar, Egypt, and the United States")."""
        if child.dep_ not in {"appos", "npadvmod"} or child.i < cur.i or not self._name_like(cur):
            return False  # "Presidents Putin and Rouhani": the names are the presidents
        if child.dep_ == "appos" and any(g.dep_ in {"cc", "conj"} for g in child.children):
            return self._name_like(child)
        ccs = [c.i for c in cur.children if c.dep_ == "cc" and c.i > child.i]
        if not ccs or not self._name_like(child):
            return False
        return any(c.dep_ == "conj" and c.i > ccs[0] for c in cur.children) or \
            _phrase_head_after(cur.doc, ccs[0]) is not None

    def _stray_places(self, owner: Token) -> list[Token]:
        """Proper-noun conjuncts of a role noun that continue its in/of/from place:
        "Lawmakers in France and Germany" is often parsed with Germany as a conjunct of
        "Lawmakers"; it is a second place of the lawmakers, not an actor beside them."""
        obj = _place_object(owner)
        if obj is None or obj.pos_ != "PROPN" or obj.ent_type_ in _NOT_PLACE:
            return []
        out: list[Token] = []
        end = obj.right_edge.i
        for c in sorted((c for c in owner.children if c.dep_ == "conj" and c.i > end), key=lambda c: c.i):
            between = owner.doc[end + 1:c.left_edge.i]
            if c.pos_ != "PROPN" or c.ent_type_ in _NOT_PLACE or len(between) > 2 or any(
                    t.dep_ not in {"cc", "punct"} for t in between):
                break
            words = owner.doc[c.left_edge.i:c.right_edge.i + 1]
            named = self.dictionary.lookup(" ".join(t.text for t in words if t.dep_ != "det").replace(" - ", "-"))
            if named is not None and named.kind in {"org", "person"}:
                break  # "talks between the government of South Sudan and the SPLM-IO": a party
            out.append(c)
            end = c.right_edge.i
        return out

    def _owned_by(self, owner_tok: Token, sector: str, text: str, mentions: Mentions) -> Actor | None:
        """A role word owned by a pronoun ("its troops", "his supporters", "their fighters") is
        that owner's: a state's soldiers are its military, a group's fighters the group itself,
        a body's staff the body. None when the pronoun resolves to no one with a country."""
        owners = [a for a in self.resolve(owner_tok, mentions) if a.country]
        if not owners:
            return None
        owner = owners[0]
        if owner.country in _BODIES or owner.country == "IMG" or (
                owner.sector in _NONSTATE and sector in {"GOV", "MIL", "UAF", "COP", "SPY", "REB", "CRM"}):
            # "Hamas said its fighters ...", "the UN and its peacekeepers": the owner itself
            return _copy(owner, text, "possessive-owner")
        return Actor(code=owner.country + sector, country=owner.country, sector=sector, text=text,
                     name=None, rule="possessive-owner", entry=owner.entry)

    def _place_phrases(self, tok: Token) -> list[list[Token]]:
        """The place lists of a role noun's in/of/from phrases, its own first, then, in a list
        of role nouns, the nearest one that follows it ("lawmakers and officials in France and
        Germany": both groups are in both countries); each list holds the object's conjuncts and
        the stray conjuncts of the phrase's owner (_stray_places)."""
        root = tok
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        members, stack = [root], [root]
        while stack:  # the conjunct chain: "lawmakers, officials and police"
            for c in stack.pop().children:
                if c.dep_ == "conj" and c.pos_ == "NOUN":
                    members.append(c)
                    stack.append(c)
        own: list[list[Token]] = []
        shared: list[tuple[int, list[Token]]] = []
        for owner in [tok] + [m for m in members if m.i != tok.i and m.pos_ == "NOUN"]:
            for prep in owner.children:
                # ("an air base near Damascus", "troops outside Kherson" are placed too)
                if prep.dep_ != "prep" or prep.lower_ not in {"in", "of", "from", "near", "outside", "inside"}:
                    continue
                if owner.i != tok.i and prep.i < tok.i:
                    continue  # "officials in France and lawmakers": the lawmakers are not placed
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        places = self.expand(obj)
                        first = _place_object(owner)
                        if first is not None and first.i == obj.i:
                            places += self._stray_places(owner)
                        if owner.i == tok.i:
                            own.append(places)
                        else:
                            shared.append((prep.i, places))
        # "civilians displaced by fighting in Darfur", "migrants stranded in Libya": the place of
        # what befell them
        for acl in (c for c in tok.children if c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"}):
            holders = [acl] + [g for a in acl.children if a.dep_ in {"agent", "prep"} and a.lower_ == "by"
                               for g in a.children if g.dep_ in {"pobj", "pcomp"}]
            own += [self.expand(obj) for h in holders for prep in h.children
                    if prep.dep_ == "prep" and prep.lower_ == "in" for obj in prep.children if obj.dep_ == "pobj"]
        return own + [places for _, places in sorted(shared, key=lambda x: x[0])]

    def resolve_all(self, tok: Token, mentions: Mentions) -> list[Actor]:
        actors = []
        for t in self.expand(tok):
            actors.extend(self.resolve(t, mentions))
        # "Hamas, Islamic Jihad and the PFLP said": three named groups are three actors even
        # with one code; the same code twice without names is one
        # "the Yemeni army and allied fighters": a bare role word listed with a placed actor
        # shares its country, rather than the article's guess
        placed = {a.country for a in actors if a.country and "main-country" not in (a.rule or "")
                  and len(a.country) == 3}
        if len(placed) == 1:
            country = next(iter(placed))
            actors = [dc_replace(a, country=country, code=country + (a.sector or ""), rule="agent+list")
                      if a.rule in {"agent+main-country", "agent"} and a.sector
                      and a.sector not in {"UAF"} else a for a in actors]
        seen, out = set(), []
        named = {a.code for a in actors if a.name}
        for a in actors:
            key = (a.code, a.name)
            if a.name is None and a.code in named:
                continue  # "M23 rebels" split by the parser: the rebels are M23
            if key not in seen:
                seen.add(key)
                out.append(a)
        if len(out) > 2 and len({a.code for a in out}) == len(out):
            self.last_lists[len(out)] = out
        return out

    def _clause_subjects(self, tok: Token) -> set[int]:
        """Token indices of the subjects of the verb a token belongs to, and of the verbs it is
        conjoined with ("called X and urged him": the caller)."""
        verb = tok.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        out: set[int] = set()
        for _ in range(4):
            for c in verb.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    # the subject's own words, not clauses hung on it ("Trump, calling Erdogan, ...")
                    out.add(c.i)
                    out.update(t.i for t in c.children if t.dep_ in {"compound", "flat", "amod", "poss", "appos"})
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head
        return out

    def _object_of(self, verb: Token, mentions: Mentions) -> list[Actor]:
        """The actors a clause acts on: its object, or the object's or the verb's "on",
        "against", "at", "with" phrase ("launched an attack on the government")."""
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        for cand in objs + [g for o in objs + [verb] for p in o.children
                            if p.dep_ == "prep" and p.lower_ in {"on", "against", "at", "with"}
                            for g in p.children if g.dep_ == "pobj"]:
            found = self.resolve_all(cand, mentions)
            if found:
                return found
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            # "ordered two inspectors to leave the country, accusing them": the ones ordered
            return [a for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                    for a in self.resolve_all(c, mentions)]
        return []

    def _np_tokens(self, tok: Token) -> list[Token]:
        toks = [tok]
        stack = [tok]
        while stack:
            cur = stack.pop()
            if cur.i != tok.i and cur.lemma_.lower() in _AFFILIATION and cur.tag_ == "VBN":
                continue  # "the Al Qaeda-linked group": Al Qaeda is not the group
            if cur.i != tok.i and cur.lemma_.lower() in _HOLDING and tok.lemma_.lower() in _HELD_PLACES:
                continue  # "the rebel-held town": a place and its people, not the rebels
            for child in cur.children:
                if cur.i == tok.i and (_list_modifier(cur, child) or self._list_appos(cur, child)):
                    continue  # the other members of a list are not words of this name (expand)
                if (child.dep_ in _MODIFIER_DEPS or child.dep_ in {"appos", "det", "case"}
                        or (cur.i != tok.i and child.dep_ == "conj" and not (
                            cur.head.i == tok.i and self._appos_carries_list(tok, cur)))):
                    # a conjunct hung on a title in apposition is a member of a list ("Biden,
                    # the US President, and Xi"), not a word of this name
                    toks.append(child)
                    stack.append(child)
        return sorted(toks, key=lambda t: t.i)

    def resolve(self, tok: Token, mentions: Mentions) -> list[Actor]:
        """Actors named by the noun phrase headed by `tok` (two for "Turkish-Russian")."""
        # pronouns, relative pronouns and "of" phrases resolve through other tokens; a depth
        # bound keeps a badly parsed sentence from sending them round in circles
        if self._depth > 4:
            return []
        self._depth += 1
        try:
            found = self._resolve(tok, mentions)
        finally:
            self._depth -= 1
        if len(found) == 1 and found[0].country and tok.pos_ == "NOUN" and tok.i in mentions.agents \
                and found[0].rule in _OWN_NAMING:
            self.roles[tok.lemma_.lower()] = found[0]  # for a bare "the soldiers" later
        return found

    def _resolve(self, tok: Token, mentions: Mentions) -> list[Actor]:
        doc = tok.doc
        low = tok.lower_
        if tok.lemma_.lower() in _FACILITIES and tok.pos_ != "PROPN" and tok.dep_ == "pobj" \
                and tok.head.lower_ in _WHERE and tok.i not in self.owned_sites:
            return []  # "signed at the foreign ministry's headquarters": a place, not its owner
        if tok.lemma_.lower() in _FACILITIES and tok.pos_ != "PROPN" and tok.dep_ in {"dobj", "nsubjpass"}:
            # "raided the headquarters of the opposition party": the party's
            owner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None:
                found = self.resolve_all(owner, mentions)
                if found:
                    return found
        if tok.lemma_.lower() in _INSTITUTION_BUILDINGS and tok.tag_ == "NNS" and _wanted(tok):
            return []  # "demanding better hospitals and schools": goods wanted, not the people in them
        if tok.tag_ in {"WP", "WDT"} and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
            return self.resolve(tok.head.head, mentions)  # "the mayor, who was jailed": the mayor
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _PAPERS \
                and tok.head.lemma_.lower() not in {"come", "follow", "be", "arrive", "appear"}:
            # "a report by Amnesty accused ...", "a statement from the ministry said ...": a
            # paper speaks for whoever issued it ("a letter signed by 40 senators"), when it
            # does something ("the statement comes a day before ...": it only happens)
            issued = [a for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _ISSUING
                      for a in c.children if a.dep_ == "agent"]
            issuer = next((g for c in [*tok.children, *issued] if c.dep_ in {"prep", "agent"}
                           and c.lower_ in {"by", "from"} for g in c.children if g.dep_ == "pobj"), None)
            if issuer is not None:
                found = self.resolve_all(issuer, mentions)
                if found:
                    return found
        if low in _HONORIFICS and self.last_person is not None and any(
                c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in tok.children):
            # "His Majesty expressed his condolences": the sovereign named before, as "he" would be
            return [_copy(self.last_person, tok.text, "pronoun")]
        if low in _REFLEXIVES:
            if tok.dep_ == "appos" and tok.head.i != tok.i:
                return self.resolve(tok.head, mentions)  # "Putin himself": emphatic
            # "Iraq had attacked themselves": the subject of its own clause
            clause = tok.head
            while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
                clause = clause.head
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None or subject.lower_ in _REFLEXIVES:
                return []
            return [_copy(a, a.text or tok.text, "pronoun") for a in self.resolve_all(subject, mentions)]
        if tok.pos_ == "PRON" or low in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            if low in {"him", "her"} and tok.dep_ in {"dobj", "dative", "pobj"}:
                # "Trump called Erdogan and urged him to ...": an object pronoun is never its own
                # clause's subject; the nearest person named before it in the sentence who is not
                bound = self._clause_subjects(tok)
                for i in range(tok.i - 1, tok.sent.start - 1, -1):
                    hit = mentions.names.get(i)
                    if hit and hit[0].kind == "person" and hit[1] == i and not (bound & set(range(hit[1], hit[2]))):
                        found = self.resolve(doc[hit[2] - 1], mentions)
                        if found:
                            return [_copy(found[0], found[0].text or tok.text, "pronoun")]
            if low == "they" and tok.dep_ == "nsubj" and tok.head.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in {"as", "when", "while"} for c in tok.head.children) \
                    and tok.head.head.lemma_.lower() in _ACTS_ON_THEM:
                # "police arrested X and his supporters as they tried to march": the ones the
                # police acted on were doing what the clause tells
                objs = [c for c in tok.head.head.children if c.dep_ == "dobj"]
                found = [a for o in objs for a in self.resolve_all(o, mentions)]
                if found:
                    return [_copy(a, a.text or tok.text, "pronoun") for a in found]
            if low == "them" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                    and tok.head.head.dep_ in {"dobj", "nsubjpass"}:
                # "pursued the attackers and killed two of them": the ones the clause's doers
                # acted on before, not the doers
                bound = self._clause_subjects(tok.head.head)
                for i in range(tok.i - 1, tok.sent.start - 1, -1):
                    cand = doc[i]
                    named = cand.i in mentions.agents or cand.i in mentions.names
                    if cand.i in bound or not named or cand.tag_ not in {"NNS", "NNPS"} \
                            or cand.dep_ not in {"dobj", "nsubj", "nsubjpass"}:
                        continue
                    found = self.resolve(cand, mentions)
                    if found:
                        return [_copy(a, a.text or tok.text, "pronoun") for a in found]
            part = tok.head  # ("..., freezing their assets and banning them": the first participle)
            while part.dep_ == "conj" and part.head.i != part.i and part.head.tag_ == "VBG":
                part = part.head
            if low in {"it", "them"} and tok.dep_ == "dobj" and tok.head.tag_ == "VBG" \
                    and part.dep_ == "advcl" and part.head.i != part.i:
                # "criticised Beijing, accusing it of ...", "launched an attack on the government,
                # accusing it of ...": the participle goes on about the main clause's object
                found = self._object_of(part.head, mentions)
                if found:
                    return [_copy(a, a.text or tok.text, "pronoun") for a in found]
            if low in {"it", "they"} and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl" and tok.i > tok.head.head.i:
                # "sanctioned 20 firms which it accused of shipping oil", "struck sites they said
                # were arms depots": a doer inside a clause about the main act's object is its doer
                verb = tok.head.head
                for _ in range(4):
                    if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
                        break
                    verb = verb.head
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) \
                    if verb.pos_ in {"VERB", "AUX"} else None
                if subject is not None and subject.pos_ != "PRON":
                    found = self.resolve_all(subject, mentions) if low == "they" else self.resolve(subject, mentions)
                    if low == "it":
                        found = [a for a in found if a.rule not in _PERSON_RULES]
                    if found:
                        return [_copy(a, a.text or tok.text, "pronoun") for a in found]
            # "X said it would ...", "X said a shell was fired at it": a pronoun in a reported
            # clause is the speaker
            clause = tok.head
            while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
                clause = clause.head
            reported = False
            for _ in range(4):
                if clause.dep_ not in {"ccomp", "xcomp", "advcl", "conj"} or clause.head.i == clause.i:
                    break
                reported = reported or clause.dep_ == "ccomp"
                shared = clause.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
                clause = clause.head
                speaker = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if speaker is not None and shared and not reported and tok.dep_ in {"dobj", "pobj", "dative"}:
                    break  # "ships blocked a vessel and fired water cannon at it": not at themselves
                if speaker is not None and speaker.pos_ != "PRON":
                    plural = _SUBJECT_FORM.get(low, low) in {"they", "them", "we"}
                    found = self.resolve_all(speaker, mentions) if plural else self.resolve(speaker, mentions)
                    if found and low in {"it", "its"} and all(a.rule in _PERSON_RULES for a in found):
                        break  # "Trump threatened Iraq after its parliament voted": a person is no "it"
                    if found and _SUBJECT_FORM.get(low, low) in _PERSON_PRONOUNS and (_is_many(speaker) or all(
                            a.rule in {"country", "metonymy", "capital", "org"} for a in found)):
                        # "Mexico granted asylum to Morales after he resigned": a state is no
                        # "he"; "authorities released X a day after she was detained": nor are they
                        break
                    if found:
                        return [_copy(a, a.text or tok.text, "pronoun") for a in (found if plural else found[:1])]
                    break
            if tok.dep_ == "poss" and low in _OWNING_PRONOUNS and not reported \
                    and tok.head.dep_ not in {"nsubj", "nsubjpass"}:
                # "Odinga urged his supporters", "the army moved its tanks": the owner is the
                # subject of the clause the owned thing is in
                clause = tok.head
                while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
                    clause = clause.head
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if tok.head.dep_ == "conj" and tok.head.head.pos_ in {"PROPN", "NOUN"}:
                    subject = tok.head.head  # "granted asylum to Assad and his family": Assad's
                if subject is not None and subject.pos_ != "PRON":
                    found = self.resolve_all(subject, mentions) if low == "their" else self.resolve(subject, mentions)
                    if low in {"his", "her"}:
                        # a state or a body is no "he": "Russia granted asylum to X and his family"
                        found = [a for a in found if a.rule not in _STATE_RULES]
                    if found and subject.i < tok.i and any(
                            hit[0].country and hit[0].country != found[0].country
                            for i in range(subject.right_edge.i + 1, tok.i)
                            for hit in [mentions.names.get(i)] if hit):
                        # "sanctions on Iraq in response to its invasion of Kuwait": another party
                        # named in between may be the owner
                        found = []
                    if found:
                        return [_copy(a, a.text or tok.text, "pronoun") for a in found[:1]]
            # the words that name a pronoun's actor are its antecedent's
            if _SUBJECT_FORM.get(low, low) in _PERSON_PRONOUNS and self.last_person:
                # ("his party" as a subject: the last person named)
                return [_copy(self.last_person, self.last_person.text or tok.text, "pronoun")]
            if low in _GROUP_PRONOUNS and (self.last_group or self.last_person):
                ante = self.last_group or self.last_person
                return [_copy(ante, ante.text or tok.text, "pronoun")]
            return []
        bare_def = all(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children) and any(
            c.dep_ == "det" for c in tok.children)
        half = getattr(self.dictionary, "state_halves", {}).get(low)
        if half is not None and bare_def and tok.is_title and self.main_country in half[1] \
                and tok.dep_ not in {"amod", "compound"}:
            # "urged the North to stop acts that raise tensions" in a story about Korea
            return [Actor(code=half[0] + "GOV", country=half[0], sector="GOV", text=doc[tok.left_edge.i:tok.i + 1].text,
                          name=None, rule="state-half", entry=None)]
        if low == "capital" and bare_def and self.main_country and tok.dep_ == "pobj" \
                and tok.head.lower_ in {"to", "in", "on"}:
            # "a one-day visit to the capital", "talks in the capital": the story's state, as
            # its capital's name would be (metonymy)
            main = self.main_country
            return [Actor(code=main + "GOV", country=main, sector="GOV", text=doc[tok.left_edge.i:tok.i + 1].text,
                          name=None, rule="capital-of-story", entry=None)]
        states = getattr(self.dictionary, "state_nouns", {}).get(low)
        if bare_def and states and self.main_country in states:
            # "the Kingdom pledged $50 million" in a Saudi story (state_nouns.tsv)
            main = self.main_country
            return [Actor(code=main + "GOV", country=main, sector="GOV", text=doc[tok.left_edge.i:tok.i + 1].text,
                          name=None, rule="state-noun", entry=None)]
        if tok.tag_ == "NN" and low in self.titled:
            # "the minister", "the president", "the crown prince": the last person introduced
            # with that title (and the words before it), other than the clause's own subject
            bearer = self._title_bearer(tok)
            if bearer is not None:
                return [_copy(bearer, doc[tok.left_edge.i:tok.i + 1].text, "coreference-title")]
        if bare_def and tok.lemma_.lower() in _ATTACKERS and tok.tag_ == "NNS" and self.last_attackers:
            # "Fighters raided a village ... Troops pursued the attackers": the armed men of the
            # attack told before
            phrase = doc[tok.left_edge.i:tok.i + 1].text
            return [_copy(a, phrase, "coreference-attackers") for a in self.last_attackers]
        if bare_def and tok.lemma_.lower() in _CROWDS and self.last_crowd:
            # "Thousands of students blocked the road ... Police fired tear gas to disperse the
            # crowd": the crowd is the people of the protest told before it
            phrase = doc[tok.left_edge.i:tok.i + 1].text
            return [_copy(a, phrase, "coreference-crowd") for a in self.last_crowd]
        plain_def = any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children) and not any(
            c.i < tok.i and c.dep_ != "det" for c in tok.children)  # ("accused the bloc of meddling")
        if plain_def and tok.tag_ in {"NN", "NNP"} and low in self.named_bodies and tok.i not in mentions.names \
                and all(c.dep_ == "det" for c in tok.children):
            # "The ECOWAS Commission called on ... the Commission also urged": the body named
            return [_copy(self.named_bodies[low], doc[tok.left_edge.i:tok.i + 1].text, "coreference-body")]
        if plain_def and low in _BLOC_NOUNS and self.last_bloc is not None:
            # "the bloc", "the alliance" after the EU, ASEAN or NATO was named
            return [_copy(self.last_bloc, doc[tok.left_edge.i:tok.i + 1].text, "coreference-group")]
        group = self.last_group if self.last_group is not None and self.last_group.sector not in {None, "GOV"} \
            else self.last_org
        kind_def = any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children) and all(
            c.dep_ == "det" or c.dep_ in {"amod", "compound"} and c.lower_ in _GROUP_KINDS for c in tok.children)
        if (bare_def or kind_def) and low in _GROUP_NOUNS and group is not None \
                and not (low == "party" and group.sector not in {"PTY", "OPP", "GOV"}):
            # ("raided the headquarters of the opposition party": intelligence agents named
            # before are no party)
            # "the group", "the movement": the last organisation named, past a government named
            # since ("The TPLF accused the government ... The party urged ...")
            return [_copy(group, doc[tok.left_edge.i:tok.i + 1].text, "coreference-group")]
        counted = next((_COUNTS.get(c.lower_) for c in tok.children if c.dep_ == "nummod"), None)
        if low in _PAIR_NOUNS and counted and counted > 2 and counted in self.last_lists \
                and any(c.dep_ == "det" and c.lower_ in {"the", "these", "all"} for c in tok.children):
            # "Spain, Ireland and Norway recognised ... Israel recalled its envoys from the three
            # countries": the last list of that many parties
            phrase = doc[tok.left_edge.i:tok.i + 1].text
            return [_copy(a, phrase, "coreference-pair") for a in self.last_lists[counted]]
        if low in _PAIR_NOUNS and self.last_pair and any(
                c.lower_ in {"two", "both"} for c in tok.children if c.dep_ in {"nummod", "det", "predet", "quantmod"}) \
                and not any(c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in tok.children):
            # ("two leaders of the gang coalition" say whose they are: no coreference)
            # "the two sides", "both countries": the parties of the last two-sided event; "the
            # two ministers" or "both presidents": of the last act between two governments
            pair = self.last_state_pair if low in _OFFICIAL_PAIRS and self.last_state_pair else self.last_pair
            phrase = doc[tok.left_edge.i:tok.i + 1].text
            return [_copy(a, phrase, "coreference-pair") for a in pair]
        if low in _OWN_STATE:
            # "his country", "its government": the state of whoever the possessive points to
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if owner is not None:
                found = self.resolve(owner, mentions)
                states = [a for a in found if a.country and a.country not in {"IGO", "UNO", "EUR", "NGO", "IMG"}]
                if states:
                    a = states[0]
                    return [Actor(code=a.country + "GOV", country=a.country, sector="GOV",
                                  text=f"{tok.doc[tok.left_edge.i:tok.i + 1].text}", name=None,
                                  rule="possessive-state", entry=a.entry)]
        if tok.pos_ == "PROPN" and tok.lemma_.lower() in _STRUCTURES and tok.i not in mentions.names:
            return []  # "the Grand Ethiopian Renaissance Dam", "the Crimean Bridge": a named thing
        np = self._np_tokens(tok)
        text = doc[np[0].i : np[-1].i + 1].text if np else tok.text
        # 1. the head itself is a dictionary name (country, capital, organisation)
        head_hit = mentions.names.get(tok.i)
        if head_hit:  # the whole name, "Doctors Without Borders", not just its head word
            text = doc[min(np[0].i, head_hit[1]) : max(np[-1].i + 1, head_hit[2])].text
        text = _phrase_text(tok, text)
        countries: list[Entry] = []
        for t in np:
            hit = mentions.names.get(t.i)
            if hit and hit[0] not in countries and t.i != tok.i:
                if hit[0].kind == "capital" and t.dep_ in {"compound", "nmod"} \
                        and tok.lemma_.lower() in _NAMED_AFTER_A_CITY:
                    continue  # "the Paris climate agreement", "the Minsk accords": where, not who
                if not (head_hit and hit[1] == head_hit[1]):
                    countries.append(hit[0])
        owner_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
        if tok.lemma_.lower() in _POSTED and owner_tok is not None and len(countries) > 1 \
                and owner_tok.i in mentions.names:
            # "the UN's Syria envoy", "Russia's UN ambassador": whose envoy it is, not where he
            # serves
            owner = mentions.names[owner_tok.i][0]
            countries = [owner] + [c for c in countries if c is not owner and c.country == owner.country]
        elif tok.lemma_.lower() in _POSTED and owner_tok is not None and owner_tok.pos_ == "PRON" \
                and self.last_group is not None and self.last_group.country in _BODIES:
            # "(the WFP ...) its Ethiopia representative": the body's man in Ethiopia
            return [_copy(self.last_group, doc[tok.left_edge.i:tok.i + 1].text, "coreference-group")]
        elif tok.lemma_.lower() in _POSTED and any(c.country and len(c.country) == 3 and c.country not in _BODIES
                                                  for c in countries):
            # "Russia's UN ambassador": the envoy is his state's; the UN is where he serves
            countries = [c for c in countries if c.country not in _BODIES]
        # hyphenated pairs like "Turkish-Russian" are split by the tokenizer; both sides count
        sector, where, agent_text = None, None, None
        # a role word names the actor when it heads the phrase, titles a name ("Defence Minister
        # X"), or owns it ("the minister's resignation"); "a prisoner exchange deal" is no actor
        titled = tok.pos_ == "PROPN" or tok.i in mentions.agents
        role_words = []
        for t in [tok] + [t for t in np if t.i != tok.i]:
            if t.i in mentions.agents:
                named = mentions.names.get(t.i)
                if t.i != tok.i and named and named[0].kind == "org" and named[1] <= t.i < named[2]:
                    continue  # "a European Union statement": "Union" is a word of the EU's name
                if not (titled or t.dep_ == "poss") and mentions.agents[t.i][0] == "CVL":
                    continue  # "a prisoner exchange deal", "civilian casualties": not an actor
                role_words.append(t)
                if t.i == tok.i:
                    break
        if role_words:
            # the head's own role word, else the longest ("the opposition newspaper Cumhuriyet":
            # "opposition newspaper", not "opposition")
            best = role_words[-1] if role_words[-1].i == tok.i else max(
                role_words, key=lambda t: len(mentions.agents[t.i][2].split()))
            sector, where, agent_text = mentions.agents[best.i]
            if sector == "IGO":
                # "the Staff Union's Secretary General X": the post is the named body's, not an
                # international body's
                owners = [c for c in tok.children if c.dep_ == "poss" and c.i in mentions.agents]
                body = next((mentions.agents[t.i] for t in reversed(role_words + owners)
                             if mentions.agents[t.i][0] in _BODY_OF_POST), None)
                if body is not None:
                    sector, where = body[0], body[1]
        if sector in {"GOV", "MIL"} and tok.i in mentions.agents and mentions.agents[tok.i][0] == sector \
                and tok.lemma_.lower() not in _INSTITUTIONS:  # ("the refugee ministry": its remit)
            # "a rebel commander", "opposition officials", "a separatist spokesman": a rank or a
            # post inside a group is that group's, not the state's. Words of a state's remit
            # ("trade officials", "defence officials") name no group.
            for t in tok.children:
                group = mentions.agents.get(t.i)
                if t.i < tok.i and t.dep_ in {"amod", "compound", "nmod"} and group \
                        and group[0] in _GROUP_SECTORS:
                    sector, where, agent_text = group[0], group[1], text
                    break
        if sector == "MIL" and tok.lemma_.lower() in _FORCE_MEMBERS:
            # "police reservists", "police recruits": members of the force the modifier names
            police = next((t for t in tok.children if t.i < tok.i and t.dep_ in {"amod", "compound"}
                           and mentions.agents.get(t.i, ("",))[0] == "COP"), None)
            if police is not None:
                sector, where = "COP", mentions.agents[police.i][1]
        if sector in _OFFICE_SECTORS and (tok.tag_ in {"NN", "NNP"} or sector in {"GOV", "LEG", "JUD"}) and any(t.lower_ in _FORMER | _OUSTED or t.lower_.startswith("ex-") for t in np
                                             if t.dep_ in {"amod", "compound", "advmod"}):
            # "a retired army general", "a former police chief": out of office (ELI); former
            # soldiers, many of them, are no elite
            sector, agent_text = "ELI", text
        if sector == "CVL" and tok.lemma_.lower() in {"crowd", "mob", "throng"} \
                and any(t.lemma_.lower() in _PROTEST_WORDS for t in doc):
            # "police opened fire on the crowd" in a story of protests: the crowd protests
            sector = "OPP"
        if sector in {None, "CVL"} and tok.pos_ == "NOUN" and tok.lemma_.lower() in _ARMABLE and any(
                c.dep_ == "acl" and c.lemma_.lower() == "arm" for c in tok.children):
            # "men armed with machetes", "youths armed with sticks": armed, and named by no group
            sector, where, agent_text = "UAF", None, text
        if sector in {None, "CVL"} and tok.pos_ in {"NOUN", "PROPN"} and (
                tok.lemma_.lower() in _ARMABLE or tok.tag_ in {"NNS", "NNPS"}) and _suspected_of_crime(tok):
            # "three men suspected of kidnapping a businessman", "three Syrian nationals
            # suspected of smuggling weapons": suspects of a crime
            sector, where, agent_text = "CRM", None, text
        counterpart = any(t.lower_ in {"counterpart", "counterparts"} for t in np)
        if (head_hit and head_hit[0].kind == "petrarch") or (
                not head_hit and any(e.kind == "petrarch" for e in countries)):
            # an imported dictionary's actor: coded the way PETRARCH codes a noun phrase
            coded = self._petrarch(tok, np, mentions, text)
            if coded is not None:
                return coded
        parties = [c for c in countries if c.kind == "org" and c.sector in {"PTY", "OPP", "GOV"}]
        if not head_hit and sector == "PTY" and len(parties) == 1 and all(
                c is parties[0] or c.country == parties[0].country for c in countries):
            # "Khan's Pakistan Tehreek-e-Insaf party": the named party, with its role on the date
            entry = parties[0]
            country, sec = entry.country, entry.sector
            rule = "org"
            if entry.tenures:
                country, sec, _rule, _where = entry.at(self.date)
                rule = "org+date" if self.date else "org+current"
            side = next((_PARTY_SIDES[t.lower_] for t in np if t.lower_ in _PARTY_SIDES and t.i < tok.i), None)
            if side is not None:  # "the ruling Fidesz party": the text says which side it is on
                sec, rule = side, rule + "+side"
            actor = Actor(code=(country or "") + (sec or ""), country=country, sector=sec, text=text,
                          name=entry.name, rule=rule, entry=entry.where)
            self._remember(actor, person=False)
            return [actor]
        if head_hit and head_hit[0].kind == "person":
            entry = head_hit[0]
            country, sec, rule, where_p = entry.at(self.date)
            # "RSF commander Mohamed Hamdan Dagalo": a force named in the title says which side
            # of the person's career is meant, past the title's own word ("commander": MIL)
            force = next((e.sector for e in countries if e.kind == "org" and not e.tenures
                          and e.sector in _TITLE_FORCES and any(
                              t.country == e.country and t.sector == e.sector for t in entry.tenures)), None)
            sector = force or sector
            titled_as = [t for t in entry.tenures if sector and t.sector == sector and sector != sec]
            if titled_as:
                # "opposition leader Anwar Ibrahim" in a story of his opposition years: the
                # title the text gives says which of the person's offices is meant
                t = max(titled_as, key=lambda t: t.start or "")
                country, sec, rule, where_p = t.country, t.sector, "person+title", t.where
            elif sector == "OPP" and sec in {"GOV", "LEG", "ELI", None}:
                # "opposition leader X", a former speaker: whatever post the person held before
                sec, rule = "OPP", "person+title"
            if any(t.lower_ in {"former", "ex", "late"} | _OUSTED or mentions.agents.get(t.i, ("",))[0] == "ELI"
                   for t in np) and not any(t.lemma_.lower() in _NO_OFFICE for t in np):
                # ("former presidential candidate X" held no office: the person's own role stays)
                sec, rule = "ELI", "person+former"  # "former President Viktor Yanukovich"
                self._formers.add(entry.name)
            elif entry.name in self._formers and rule == "person":
                sec, rule = "ELI", "person+former"  # "... former President X. X denied ...": still former
            actor = Actor(code=(country or "") + (sec or ""), country=country, sector=sec, text=text,
                          name=entry.name, rule=rule, entry=where_p)
            self._remember(actor, person=True)
            self.people[tok.text] = actor
            self._remember_name_parts(doc[head_hit[1]:head_hit[2]], actor)
            return [actor]
        if head_hit and head_hit[0].kind == "org":
            # "the African Union's Peace and Security Council", "Russia's Security Council": a
            # body named after its owner belongs to the owner, not to a namesake elsewhere
            owner = next((mentions.names[c.i][0] for c in doc[head_hit[1]:head_hit[2]].root.children
                          if c.dep_ == "poss" and c.i in mentions.names), None)
            # "the Bangkok Metropolitan Police": a city's own body, not a namesake elsewhere
            # (the place may hang from the name's first word: "Bangkok" under "Metropolitan")
            name_root = doc[head_hit[1]:head_hit[2]].root
            place = next((mentions.names[c.i][0] for c in name_root.subtree
                          if c.dep_ in {"compound", "nmod"} and c.i < head_hit[1] and c.i in mentions.names
                          and head_hit[1] <= c.head.i < head_hit[2]
                          and mentions.names[c.i][0].kind in {"capital", "country", "demonym"}), None)
            owned_by_place = owner is None and place is not None
            owner = owner or place
            if owner is None:
                owner = next((mentions.names[c.i][0] for c in tok.children
                              if c.dep_ == "poss" and c.i in mentions.names), None)
            # "the Kenya Red Cross": an international NGO's national society or chapter is the
            # NGO, as "Amnesty International Kenya" is, not the state named before it
            chapter = owned_by_place and head_hit[0].country == "NGO"
            if owner is not None and owner.kind in {"org", "country", "capital"} \
                    and owner.country != head_hit[0].country and not chapter:
                sector = owner.sector if owner.kind == "org" else "GOV"
                if owned_by_place and head_hit[0].sector:
                    sector = head_hit[0].sector  # "the Bangkok Metropolitan Police": police
                if head_hit[0].sector in {"PTY", "OPP"} and owner.kind != "org":
                    # "Albania's opposition Democratic Party": a party of that state, on the side
                    # the text gives, not its government nor a namesake abroad
                    sector = next((_PARTY_SIDES[t.lower_] for t in np if t.lower_ in _PARTY_SIDES), "PTY")
                actor = make_actor(owner, sector, text, "owner")
                self._remember(actor, person=False)
                return [actor]
        if head_hit and not (sector and head_hit[0].kind == "demonym"):
            entry = head_hit[0]
            if entry.kind == "demonym":
                actor = make_actor(entry, "CVL", text, "demonym")
            elif entry.kind == "org" and entry.tenures:
                # "the Taliban" in 2019 and in 2023 are different actors (org_roles.tsv)
                country, sec, _rule, where_t = entry.at(self.date)
                actor = make_actor(entry, sec, text, "org+date" if self.date else "org+current",
                                   entry_where=where_t)
                actor.country = country
                actor.code = (country or "") + (sec or "")
            else:
                actor = make_actor(entry, None, text, entry.kind if entry.kind != "capital" else "metonymy")
            if entry.generic and self.main_country and self.main_country != entry.country:
                # "the opposition Democratic Party" in a story from Tirana is Albania's
                actor = dc_replace(actor, country=self.main_country, code=self.main_country + (actor.sector or ""),
                                   rule="org+main-country")
            if entry.kind == "org" and countries and entry.country is None:
                actor = make_actor(countries[0], entry.sector, text, "org+country")
            if entry.kind == "org" and actor.sector == "PTY" and actor.country:
                # "the opposition Citizens Coalition for Change", "the ruling ANC": the text says
                # which side of power the party is on (CAMEO's GOVPTY is government first)
                side = next((_PARTY_SIDES[t.lower_] for t in np if t.lower_ in _PARTY_SIDES and t.i < tok.i), None)
                if side is not None:
                    actor = dc_replace(actor, sector=side, code=actor.country + side, rule=actor.rule + "+side")
            self._remember(actor, person=False)
            return [actor]
        is_person = tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.i not in mentions.agents)
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and not countries and not sector):
            person_key = tok.text
            if not countries and not sector:
                known = self.people.get(person_key)
                if known:
                    return [_copy(known, text, "coreference")]
                appos = [c for c in tok.children if c.dep_ == "appos"]
                for a in appos:
                    res = self.resolve(a, mentions)
                    if res:
                        actor = _copy(res[0], text, "apposition", name=_person_name(tok))
                        self._remember(actor, person=True)
                        # "Hammad Azhar, a leader of the opposition PTI ... Azhar was charged"
                        self.people.setdefault(person_key, actor)
                        return [actor]
                if tok.ent_type_ == "GPE":
                    return self._city(tok, text)
                return []
        if sector and not countries and tok.dep_ in {"nmod", "compound"} and tok.head.i > tok.i:
            # "the DRC's government and M23 rebels" parsed with the government hung on "rebels":
            # the possessive before it is the government's
            owner = [c for c in tok.head.children if c.dep_ == "poss" and c.i < tok.i]
            hits = [mentions.names[c.i][0] for c in owner if c.i in mentions.names]
            if hits and hits[0].kind in {"country", "capital", "demonym"} and hits[0].country:
                countries = [hits[0]]
        if sector and not countries and owner_tok is not None and owner_tok.lower_ in _OWNING_PRONOUNS \
                and tok.lemma_.lower() in _MISSIONS:
            # "stormed its embassy in Quito": a mission abroad is its owner's, not the host's
            owned = self._owned_by(owner_tok, sector, text, mentions)
            if owned is not None:
                return [owned]
        if sector and not countries and sector not in {"IGO", "NGO"}:
            # "police in Lagos", "the foreign ministers of Armenia and Azerbaijan" (peacekeepers
            # and aid groups near Juba are no South Sudanese)
            # ("Nadine Heredia, the wife of former president Humala": the apposition's phrase)
            # and "government buildings in Kyiv": the phrase of the noun a sector word modifies
            for place_toks in self._place_phrases(tok) + [
                    pp for a in tok.children if a.dep_ == "appos" and a.pos_ == "NOUN"
                    for pp in self._place_phrases(a)] + (
                    self._place_phrases(tok.head) if tok.dep_ == "compound" and tok.head.pos_ == "NOUN"
                    and tok.head.i > tok.i else []):
                # (a phrase that names no state, "students from the Government Secondary School",
                # places no one: the article's state may still be guessed)
                resolved = [a for t in place_toks for a in self.resolve(t, mentions)]
                if sector == "UAF" and resolved and all(a.sector in {"REB", "CRM"} and a.rule.startswith("agent")
                                                        for a in resolved):
                    # "armed men from the Grand Ravine gang": the gang's men
                    return [_copy(a, text, "member") for a in resolved]
                places = [a for a in resolved if a.country]
                if places and sector in {"UAF", "REB", "MIL", "GOV", "SPY"} and all(
                        a.rule.startswith("org") and a.sector in {"REB", "UAF", "CRM"} for a in places):
                    # "a suicide bomber from the Balochistan Liberation Army": the group's own man;
                    # "commanders of the Rapid Support Forces", "officials of Hamas": its ranks
                    return [_copy(a, text, "member") for a in places]
                if places:
                    out = [make_actor(None, sector, text, "agent+place", entry_where=where)
                           for _ in places]
                    for actor, place in zip(out, places):
                        actor.country = place.country
                        actor.code = (place.country or "") + sector
                        if place.rule == "dictionary":  # "human rights activists in Arnor"
                            code = _petrarch_code(place.code, self._petrarch_agents(np, mentions))
                            actor.code, actor.country, actor.sector = _petrarch_split(code)
                    return out
        if sector == "PTY" and not countries and owner_tok is not None and (
                owner_tok.lower_ in _OWNING_PRONOUNS or owner_tok.pos_ == "PROPN"):
            # "Rama's Socialist Party", "his party": a leader's party is on the leader's side
            # of power (the government's, the opposition's)
            owners = [a for a in self.resolve(owner_tok, mentions) if a.country and len(a.country) == 3]
            if owners and owners[0].sector in {"GOV", "OPP"}:
                o = owners[0]
                return [Actor(code=o.country + o.sector, country=o.country, sector=o.sector, text=text,
                              name=None, rule="possessive-party", entry=o.entry)]
        if sector and not countries and owner_tok is not None and owner_tok.lower_ in _OWNING_PRONOUNS:
            owned = self._owned_by(owner_tok, sector, text, mentions)
            if owned is not None:
                return [owned]
        if countries or sector:
            if not countries and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.roles and all(
                    c.dep_ in {"det", "nummod", "quantmod", "punct"} for c in tok.children) and not counterpart:
                # "U.N. peacekeepers said ... wounding two peacekeepers", "Israeli soldiers
                # raided ... the soldiers arrested": a bare role word is the one named before
                return [_copy(self.roles[tok.lemma_.lower()], text, "coreference-role")]
            if not countries and sector == "IGO" and self.last_body is not None:
                # "UNIFIL said ... troops fired at peacekeepers": the international body named
                return [_copy(self.last_body, text, "coreference-body")]
            if not countries and sector in {"IGO", "NGO"}:
                # "peacekeepers", "aid groups" with no state named: an international body
                return [Actor(code=sector, country=sector, sector=None, text=text, rule="agent",
                              entry=where)]
            if not countries:
                actor = make_actor(None, sector, text, "agent", entry_where=where)
                if counterpart:
                    actor.rule = "counterpart"
                elif self.main_country and (tok.pos_ != "PROPN" or actor.sector == "GOV") and actor.sector != "UAF":
                    # "police" take the article's state; "President X" and "gunmen" do not
                    actor.country = self.main_country
                    actor.code = self.main_country + (actor.sector or "")
                    actor.rule = "agent+main-country"
                if actor.sector and (tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and tok.ent_type_ not in {
                        "GPE", "LOC", "FAC", "NORP", "ORG"}):
                    # "Deputy Prime Minister Mher Grigoryan ... Grigoryan agreed": the surname
                    # told later is the same office holder
                    self.people.setdefault(tok.text, actor)
                return [actor] if actor.sector else []
            rule = "title" if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" else (
                "agent" if sector else "modifier")
            owner_orgs = [mentions.names[c.i][0] for c in tok.children if c.dep_ == "poss"
                          and c.i in mentions.names and mentions.names[c.i][0].kind == "org"]
            if owner_orgs and len(countries) > 1:
                # "the UN Security Council's Haiti sanctions committee": the owner's body, the state
                # before it its remit
                mods = [c for c in tok.children if c.dep_ == "compound"]
                mods += [g for c in mods for g in c.children if g.dep_ in {"compound", "amod"}]
                remit = [mentions.names[c.i][0] for c in mods if c.i in mentions.names]
                countries = [c for c in countries if c.kind == "org" or not any(c is r for r in remit)]
            own_orgs = {c.country for c in countries if c.kind == "org" and c.country and len(c.country) == 3}
            if own_orgs and len(countries) > 1:
                # "Ukraine's SBU security service": the named body, not its state beside it
                countries = [c for c in countries if c.kind == "org" or c.country not in own_orgs
                             or c.kind not in {"country", "capital", "demonym"}]
            out = []
            for entry in countries:
                sec = sector
                if sec == "IGO" and entry.country not in {"IGO", "UNO", "EUR", "NGO", "IMG"}:
                    # "BNP Secretary General Mirza Fakhrul": the head of a party's or a state
                    # body's staff is that body's, not an international body
                    sec = entry.sector if entry.kind == "org" else "GOV"
                if entry.country in {"IGO", "UNO", "EUR", "NGO", "IMG"} and (tok.pos_ == "PROPN" or sec == "GOV"):
                    # "UN Secretary-General Guterres", "an EU delegation", "the UN's Syria envoy":
                    # the body itself (a body has no government of its own)
                    sec = None
                if entry.people_leaders and sec in {"GOV", "MIL"}:
                    # "Tigrayan forces", "Uyghur leaders": a people's fighters are rebels and its
                    # leaders are its own, not the state's army and government (communities.tsv)
                    sec = "REB" if sec == "MIL" else entry.people_leaders
                if entry.kind == "org" and entry.sector in _NONSTATE and sec in {"GOV", "MIL", "UAF"} and not (
                        entry.sector == "PTY" and tok.lemma_.lower() in _ELECTED_OFFICES):
                    # "a Hamas delegation", "Hezbollah officials", "Houthi forces", "an
                    # al-Shabaab suicide bomber": the group's own people, not a government, an
                    # army or an unnamed attacker
                    sec = entry.sector
                if sec is None:
                    sec = entry.sector if entry.kind == "org" else None
                    if sec is None and entry.kind in {"country", "capital"}:
                        sec = "GOV"  # "Hungary's decision": the state
                    elif sec is None and entry.people_leaders:
                        sec = "CVL"  # "Rohingya elders", "Uyghur leaders": the people, never a state
                    elif sec is None and entry.kind == "demonym":
                        # "Russian efforts" acts as the state, "Palestinian homes" suffer as
                        # people: the event decides (see engine: "demonym-modifier")
                        rule = "demonym-modifier"
                actor = make_actor(entry, sec, text, "counterpart" if counterpart and not sector else rule,
                                   name=_person_name(tok) if is_person and tok.pos_ == "PROPN" else None,
                                   entry_where=where or entry.where)
                if counterpart and sector is None:
                    actor.sector, actor.code = None, entry.country or ""
                out.append(actor)
            if tok.pos_ == "PROPN" and out:
                self.people[tok.text] = out[0]
                full = _person_name(tok)
                if full:
                    self.people[full] = out[0]
            self._remember(out[0], person=_is_person_noun(tok))
            return out
        if tok.ent_type_ in {"GPE", "LOC"}:
            return self._city(tok, text)
        # "hundreds of UN troops", "members of the opposition", "republics from the CIS"
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return [a for t in self.expand(obj) for a in self.resolve(t, mentions)]
        return []

    def _petrarch(self, tok: Token, np: list[Token], mentions: Mentions, text: str) -> list[Actor] | None:
        """PETRARCH's reading of a noun phrase (check_NEphrase): the first dictionary actor in
        it, its code picked by the article's date, with every agent phrase of the rest added
        ("Gondor's main opposition group" -> GONMOP, "MSF Arnor" -> NGOARN); a code written
        "A/B/C" is three actors, each with its own events. None when the phrase's only names
        are members of a list around it."""
        # the other members of a list hung on this name ("Fornost and the evil Gondor") are
        # actors of their own, not the first actor of this phrase
        skip: set[int] = set()
        for t in np:
            for c in t.children:
                if c.dep_ == "conj" or (c.dep_ in {"nmod", "compound", "appos"} and c.i < tok.i and any(
                        g.dep_ in {"cc", "conj"} for g in c.children)):
                    skip.update(x.i for x in c.subtree)
        own = [t for t in np if t.i not in skip] or [tok]
        hit = next((mentions.names[t.i] for t in own if t.i in mentions.names
                    and mentions.names[t.i][0].kind == "petrarch"), None)
        if hit is None:
            return None  # its only dictionary names belong to the list around it
        hits = [hit]
        if not hit[1] <= tok.i < hit[2]:
            # a list of possessors or modifiers ("Gondor and Arnor's envoys") shares the role:
            # one actor per member, as PETRARCH expands a compound phrase
            for t in tok.doc[hit[1]:hit[2]]:
                for c in t.children:
                    other = mentions.names.get(c.i)
                    if c.dep_ == "conj" and other and other[0].kind == "petrarch" and other not in hits:
                        hits.append(other)
        start, end = hit[1], hit[2]
        words = [t for t in own if not start <= t.i < end]
        for prep in tok.children:
            # an "of" phrase naming no actor is part of the role ("Ministry of Silly Walks")
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > tok.i and not any(
                    t.i in mentions.names for t in prep.subtree):
                words.extend(prep.subtree)
        agents = self._petrarch_agents(sorted(words, key=lambda t: t.i), mentions)
        out = []
        for entry, _start, _end in hits:
            base, where = entry.code_at(self.date)
            for part in [p for p in base.split("/") if p] or [base]:
                code, country, sector = _petrarch_split(_petrarch_code(part, agents))
                out.append(Actor(code=code, country=country, sector=sector, text=text, name=entry.name,
                                 rule="dictionary", entry=where))
        self._remember(out[0], person=tok.ent_type_ == "PERSON")
        return out

    def _petrarch_agents(self, words: list[Token], mentions: Mentions) -> list[tuple[str, bool]]:
        """The agent codes of a phrase's words, left to right, the longest agent phrase at each
        word winning ("main opposition group" [MOP] over "opposition group" [OPP]); each code
        with True where it goes before the actor's ("NGO~"). "Former" makes the phrase former
        officials (ELI) whatever its role words, as TABARI's FORMER rule does."""
        if any(t.lower_ in {"former", "ex"} or t.lower_.startswith("ex-") for t in words):
            return [("ELI", False)]
        agents = self.dictionary.agents
        indices = {t.i for t in words}
        doc = words[0].doc if words else None
        out: list[tuple[str, bool]] = []
        i = min(indices, default=0)
        last = max(indices, default=-1)
        while i <= last:
            if i not in indices:
                i += 1
                continue
            run = i
            while run + 1 in indices and run + 1 - i < 8:
                run += 1
            found = None
            for j in range(run + 1, i, -1):  # the longest phrase starting here first
                key = doc[i:j].text.lower()
                if key in agents:
                    found = (key, j)
                    break
            if found is None and i in mentions.agents and doc[i].lemma_.lower() in agents \
                    and doc[i].lemma_.lower() not in self.dictionary.exact_agents:
                found = (doc[i].lemma_.lower(), i + 1)  # a base role word, by its lemma
            if found is None:
                i += 1
                continue
            key, i = found
            out.append((agents[key][0], key in self.dictionary.prefix_agents))
        return out

    def _city(self, tok: Token, text: str) -> list[Actor]:
        if self.cities is None:
            self.cities = city_countries()
        ent = entity_at(tok)
        name = ent.text if ent is not None else tok.text
        hit = self.cities.get(name.casefold())
        if not hit:
            return []
        return [Actor(code=hit[0], country=hit[0], sector=None, text=text, name=hit[1], rule="place")]

    def note_people(self, sent: Span, mentions: Mentions) -> None:
        """Known people named anywhere in a sentence, not only as doers, may be named again by
        surname alone ("parliament elected Joseph Aoun ... Macron telephoned Aoun"); this keeps
        their name parts without making them the antecedent of a pronoun."""
        for i in range(sent.start, sent.end):
            hit = mentions.names.get(i)
            if not hit or hit[0].kind != "person" or hit[2] - 1 != i:
                continue
            entry = hit[0]
            country, sec, rule, where = entry.at(self.date)
            actor = Actor(code=(country or "") + (sec or ""), country=country, sector=sec,
                          text=sent.doc[hit[1]:hit[2]].text, name=entry.name, rule=rule, entry=where)
            self._remember_name_parts(sent.doc[hit[1]:hit[2]], actor)

    def note_orgs(self, sent: Span, mentions: Mentions) -> None:
        """The last non-state organisation named in a sentence, even as a modifier ("struck
        Hezbollah positions ... the militant group fired back"), for "the group" later."""
        for i in range(sent.start, sent.end):
            # "the ECOWAS Commission ... the Commission urged": a named body, by its last word
            hit = mentions.names.get(i)
            if not hit or hit[0].kind != "org" or hit[2] - 1 != i:
                continue
            last = sent.doc[i]
            if i + 1 < sent.end and sent.doc[i + 1].pos_ == "PROPN" and last.head.i == i + 1 \
                    and sent.doc[i + 1].is_title and i + 1 not in mentions.names:
                last = sent.doc[i + 1]  # ("the ECOWAS Commission": ECOWAS's commission)
            if last.pos_ == "PROPN" and last.i - hit[1] >= 1:
                country, sec, rule, where = hit[0].at(self.date)
                if country:
                    self.named_bodies[last.lower_] = Actor(
                        code=country + (sec or ""), country=country, sector=sec,
                        text=sent.doc[hit[1]:hit[2]].text, name=hit[0].name, rule=rule, entry=where)
        for i in range(sent.end - 1, sent.start - 1, -1):
            hit = mentions.names.get(i)
            if not hit or hit[0].kind != "org" or hit[2] - 1 != i:
                continue
            country, sec, rule, where = hit[0].at(self.date)
            if sec in {None, "GOV"} or not country:
                continue
            self.last_org = Actor(code=country + sec, country=country, sector=sec,
                                  text=sent.doc[hit[1]:hit[2]].text, name=hit[0].name, rule=rule, entry=where)
            return

    def _remember_name_parts(self, name: Span, actor: Actor) -> None:
        """Every word of a person's full name may name them again later in the article: "Kim"
        after "Kim Jong Un" (family name first), "Erdogan" after "Recep Tayyip Erdogan"."""
        for t in name:
            if t.is_title and len(t.text) > 2 and t.pos_ == "PROPN" and not t.ent_type_ in {"GPE", "NORP"}:
                self.people.setdefault(t.text, actor)

    def _title_bearer(self, tok: Token) -> Actor | None:
        """The person a definite bare title names: "the president", "the crown prince" (every
        word before the title must be a word of the bearer's own title). "Macron praised the
        president" names another president than Macron: the clause's subject is passed over."""
        mods = [c for c in tok.children if c.dep_ != "det"]
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children) \
                or any(c.dep_ == "det" and c.lower_ not in {"the", "this"} for c in tok.children) \
                or any(c.dep_ not in {"compound", "amod"} or c.i > tok.i for c in mods):
            return None
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if tok.dep_ != "nsubj" else None
        own = self.people.get(subject.text) if subject is not None and subject.pos_ == "PROPN" else None
        for actor in reversed(self.titled[tok.lower_]):
            words = (actor.text or "").lower().replace("-", " ").split()
            if own is not None and actor.name and actor.name == own.name:
                continue
            if all(m.lower_ in words for m in mods):
                return actor
        return None

    def _remember(self, actor: Actor, person: bool) -> None:
        if person:
            self.last_person = actor
            for word in (actor.text or "").lower().replace("-", " ").split():
                if word in _TITLES:
                    # "Defence Minister Guler" ... "the minister"
                    bearers = self.titled.setdefault(word, [])
                    if actor.name:
                        bearers[:] = [a for a in bearers if a.name != actor.name]
                    bearers.append(actor)
        else:
            self.last_group = actor
            if (actor.rule or "").startswith("org") and actor.sector not in {None, "GOV"}:
                self.last_org = actor
            if actor.country in {"EUR", "IGO"} and actor.rule in {"org", "org+current", "org+date"}:
                self.last_bloc = actor
            if actor.country in {"UNO", "IGO"} and actor.rule in {"org", "org+current", "org+date"}:
                self.last_body = actor  # for "peacekeepers", "observers" with no state named


_COLLECTIVE = frozenset({"government", "army", "military", "police", "ministry", "court", "parliament",
                         "group", "movement", "party", "council", "coalition", "alliance", "force",
                         "committee", "authority", "administration", "regime", "cabinet", "team",
                         "delegation", "office", "agency", "media", "navy", "state", "country",
                         "organisation", "organization", "union", "front", "militia", "embassy"})


# sectors of a named force that, in a person's title, fix which of their roles is meant
_TITLE_FORCES = frozenset({"REB", "MIL", "COP", "SPY", "CRM"})


def _is_many(tok: Token) -> bool:
    """A plural or collective noun ("authorities", "the government"): never "he" or "she"."""
    return tok.tag_ in {"NNS", "NNPS"} or tok.lower_ in _COLLECTIVE


def _is_person_noun(tok: Token) -> bool:
    """A singular name or role noun ("a Hamas leader", "Akar") that "he"/"she" can point back to;
    plurals and collective nouns ("two other groups", "the government") are what "they"/"it" do."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.tag_ not in {"NN", "NNP"} or tok.lower_ in _COLLECTIVE:
        return False
    return tok.ent_type_ not in {"ORG", "GPE", "NORP", "LOC", "FAC"}


def _wanted(tok: Token) -> bool:
    """"better hospitals", "more schools", "new hospitals and schools" with no article: things
    wanted or built, not an institution that acts."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return not any(c.dep_ in {"det", "poss"} for c in first.children) and any(
        c.dep_ == "amod" and (c.tag_ == "JJR" or c.lower_ in _WANTED) for c in first.children)


def _person_name(tok: Token) -> str | None:
    ent = entity_at(tok)
    return ent.text if ent is not None and ent.label_ == "PERSON" else None


_TITLES = frozenset({"minister", "president", "premier", "chancellor", "spokesman", "spokeswoman",
                     "spokesperson", "envoy", "ambassador", "general", "commander", "leader", "chief",
                     "governor", "mayor", "secretary", "king", "emir", "prince", "diplomat", "official"})
# accords and processes named after the city where they were made
# ("the Nairobi agreement", "the Minsk accords", "the Doha talks", "the Astana format")
_NAMED_AFTER_A_CITY = frozenset({"agreement", "accord", "accords", "treaty", "protocol", "convention", "process",
                                 "format", "declaration", "framework", "charter", "statute", "deal", "pact",
                                 "talk", "summit", "conference", "ceasefire", "truce", "plan", "roadmap",
                                 "communique", "negotiation",
                                 # routes named after the cities they join ("the Dhaka-Mymensingh
                                 # highway", "the Kabul-Jalalabad road")
                                 "highway", "road", "motorway", "expressway", "railway", "route",
                                 "corridor", "pipeline", "flight", "train", "bus"})
_FORMER = frozenset({"former", "retired", "ex", "erstwhile"})
# out of office by force: "ousted President X", "the deposed leader" (ELI, as former)
_OUSTED = frozenset({"ousted", "deposed", "toppled", "overthrown", "exiled", "impeached", "sacked", "dismissed"})
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}
_GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "militia", "faction",
                          "alliance", "coalition", "party", "rebels", "militants", "insurgents"})
# words that only say what kind of group "the group" is ("the paramilitary group", "the militant
# movement"), naming no other party
_GROUP_KINDS = frozenset({"paramilitary", "militant", "armed", "rebel", "jihadist", "islamist", "insurgent",
                          "separatist", "extremist", "terrorist", "criminal", "guerrilla", "guerilla",
                          "opposition", "political", "banned", "outlawed", "proscribed", "armed-group"})
_BLOC_NOUNS = frozenset({"bloc", "alliance", "union", "body", "organisation", "organization", "grouping"})
_OFFICIAL_PAIRS = frozenset({"ministers", "leaders", "presidents", "governments", "delegations", "capitals"})
_PAIR_NOUNS = frozenset({"sides", "countries", "governments", "leaders", "nations", "parties",
                         "states", "neighbours", "neighbors", "presidents", "ministers", "delegations",
                         "armies", "capitals"})
_OWN_STATE = frozenset({"country", "nation", "government", "state", "administration", "kingdom", "republic"})
_NOT_PHRASE = frozenset({"conj", "cc", "preconj", "relcl", "punct", "parataxis", "advcl", "ccomp"})


def _other_member(cur: Token, child: Token) -> bool:
    """A child that is another member of a list around `cur`, not part of its phrase: an
    apposed name or one carrying a conjunction, or a list-opening modifier (_list_modifier)."""
    if _list_modifier(cur, child):
        return True
    if child.dep_ == "npadvmod" and child.i > cur.i and child.ent_type_ in {"GPE", "NORP", "ORG"}:
        return any(c.dep_ == "cc" and c.i > child.i for c in cur.children)  # "Qatar, Egypt, and the US"
    return child.dep_ == "appos" and (child.ent_type_ in {"GPE", "NORP", "ORG"} or any(
        g.dep_ in {"cc", "conj"} for g in child.children))


def _phrase_text(tok: Token, core: str, limit: int = 25) -> str:
    """The whole noun phrase that names an actor: "the police in the Gaza Strip", "rebels loyal
    to Riek Machar", "U.N. peacekeeping chief Jean-Pierre Lacroix", without the other members
    of a list or a relative clause; the core name when the phrase runs long or is broken."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if child.dep_ == "acl" and (child.tag_ not in {"VBN", "VBG"} or any(
                    g.dep_ in {"oprd", "dobj", "dative"} for g in child.children)):
                continue  # a verb with its own object hung on the name is a misparsed clause
            if _other_member(cur, child):
                continue  # "The US, Russia and China": a list, not a description of the US
            if child.dep_ == "punct" and child.text == "," and any(
                    c.dep_ == "appos" and c.i > child.i and not _other_member(cur, c) for c in cur.children):
                keep.add(child.i)  # the comma before an apposition belongs to the phrase
                continue
            if child.dep_ not in _NOT_PHRASE and child.i not in keep:
                keep.add(child.i)
                stack.append(child)
    lo, hi = min(keep), max(keep)
    if hi - lo + 1 > limit or hi - lo + 1 != len(keep):
        return core
    phrase = tok.doc[lo:hi + 1].text
    return phrase if core in phrase else core


def _petrarch_code(actor: str, agents: list[tuple[str, bool]]) -> str:
    """PETRARCH's composite code: each agent code after the actor code ("~GOV") or before it
    ("NGO~"), in the order found; an agent code the code already holds (looked for in steps of
    three letters: USAGOV has GOV, HGWGOVMED has GOVMED) ends the assembly, as in PETRARCH."""
    code = actor or "---"
    for agent, prefix in agents:
        if any(code[k:k + len(agent)] == agent for k in range(0, len(code) - len(agent) + 1, 3)):
            break
        code = agent + code if prefix else code + agent
    return code


def _petrarch_split(code: str) -> tuple[str, str | None, str | None]:
    """(code, country, sector) of a dictionary code: its first two three-letter blocks."""
    country = code[:3] if code[:3] not in {"", "---"} else None
    return code, country, code[3:6] or None


# sectors of organisations that are not the state: their officials and forces stay the group's
_NONSTATE = frozenset({"REB", "OPP", "PTY", "CRM", "REL", "NGO", "BUS", "LAB", "JRN", "EDU", "MED", "CVL"})

# a gathering of people that a definite article points back to ("disperse the crowd")
_CROWDS = frozenset({"crowd", "mob", "throng", "gathering"})
_ATTACKERS = frozenset({"attacker", "assailant", "gunman", "raider", "perpetrator", "kidnapper", "abductor",
                        "bomber", "hijacker"})

# words that make a crowd in the same text a crowd of protesters
# bodies whose modifier names what they deal with, not whom they belong to ("the refugee
# ministry", "the labour department")
_INSTITUTIONS = frozenset({"ministry", "department", "office", "agency", "commission", "authority",
                           "directorate", "bureau", "secretariat"})
_PROTEST_WORDS = frozenset({"protester", "protestor", "demonstrator", "protest", "demonstration", "rally",
                            "march", "rioter", "riot", "sit-in", "unrest"})

# people an "armed with" participle turns into an unnamed armed force
_CRIMES = frozenset({"kidnapping", "kidnap", "abduction", "murder", "killing", "robbery", "rob", "theft",
                     "steal", "trafficking", "smuggling", "smuggle", "extortion", "fraud", "rape",
                     "burglary", "looting", "poaching", "carjacking", "piracy", "arson"})


def _suspected_of_crime(tok: Token) -> bool:
    """Whether a noun is described as suspected or accused of a crime ("men suspected of
    kidnapping", "youths accused of robbery")."""
    for acl in tok.children:
        if acl.dep_ in {"acl", "amod"} and acl.lemma_.lower() in {"suspect", "accuse", "wanted", "want"}:
            for prep in acl.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "in"}:
                    for obj in prep.children:
                        if obj.dep_ in {"pobj", "pcomp"} and obj.lemma_.lower() in _CRIMES:
                            return True
    return False


_ARMABLE = frozenset({"man", "men", "youth", "people", "person", "group", "gang", "individual", "assailant",
                      "attacker", "mob"})


def _copy(actor: Actor, text: str, rule: str, name: str | None = None) -> Actor:
    return Actor(code=actor.code, country=actor.country, sector=actor.sector, text=text,
                 name=name or actor.name, rule=rule, entry=actor.entry)
