"""Sentence → events: triggers from the compiled lexicon, roles from the parse, modality.

One `Coder` holds the compiled matchers; `code_doc` walks the matches of one parsed segment
(body, caption or headline) and returns events with the evidence that made them. The Python
work is per match, never per lexicon entry.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from functools import lru_cache
from importlib import resources
from itertools import permutations, product

from spacy.tokens import Doc, Span, Token

from eventwire import datafile
from eventwire.actors.base import city_countries, load_actor_dictionary
from eventwire.coding.actors import _phrase_text
from eventwire.coding.actors import ActorResolver, Mentions, find_mentions, names_an_accord
from eventwire.lexicon import Lexicon, Pattern, dates_only, load_lexicon
from eventwire.lexicon.petrarch import NO_EVENT
from eventwire.model import Actor, Event
from eventwire.ontology import load_ontology

_SUBJ = {"nsubj", "csubj"}
_DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "upon", "toward", "towards", "between")


@lru_cache(maxsize=1)
def load_modality() -> dict:
    text = (resources.files("eventwire.coding") / "data" / "modality.yaml").read_text(encoding="utf-8")
    data = datafile.load(text)
    governors = {}
    for family, spec in data["families"].items():
        for lemma in spec["governors"]:
            governors[lemma] = family
    data["governors"] = governors
    return data


@dataclass
class Trigger:
    """A lexicon match after validation: the head token and every token of the pattern."""

    pattern: Pattern
    head: Token
    tokens: list[Token]
    preps: list[Token] = field(default_factory=list)
    # the head of the attack trigger whose toll this participle tells ("..., killing 12 people")
    toll_of: int | None = None

    def describe(self) -> str:
        return f"{self.pattern.code} '{self.pattern.text}' ({self.pattern.id})"


# Passive verbs whose subject does what their complement says ("is expected to visit").
_RAISING = frozenset({"schedule", "expect", "set", "due", "suppose", "say", "report", "believe",
                      "plan", "slate", "poise", "tip", "require", "oblige", "force", "invite", "ask"})

# Target rules that name the source's own state again: an act on them is no event.
_VIOLENT = frozenset({"18", "19", "20"})
_FOES = frozenset({"REB", "UAF", "CRM"})  # armed men states cooperate against
# nouns that only count, group or carry the event noun they govern ("a series of strikes")
_AMOUNTS = frozenset({"series", "wave", "spate", "string", "number", "dozen", "dozens", "hundred", "hundreds",
                      "thousand", "thousands", "round", "barrage", "volley", "flurry", "raft", "set",
                      "package", "batch", "salvo", "host", "slew", "range", "surge", "rash", "million",
                      "billion", "tranche", "shipment", "consignment", "worth", "campaign", "spree",
                      # and nouns that carry it: "a message of condolence", "a show of force"
                      "message", "letter", "note", "statement", "expression", "gesture", "word",
                      "show", "display", "sign", "act", "declaration", "offer", "pledge", "vote",
                      "motion", "token", "demonstration", "programme", "program", "plan", "deal",
                      # and spans of time: "began a week of joint exercises", "held days of talks"
                      "day", "days", "week", "weeks", "month", "months", "hours"})
# what a state trades: "tariffs on Brazilian goods" are aimed at Brazil, not at Brazilians
_TRADE = frozenset({"goods", "products", "imports", "exports", "steel", "aluminium", "aluminum", "cars",
                    "vehicles", "oil", "gas", "grain", "wheat", "beef", "poultry", "commodities",
                    "shipments", "produce", "textiles", "chips", "semiconductors", "solar", "lng",
                    "crude", "coal", "timber", "fertiliser", "fertilizer", "seafood", "fish"})
# what armed forces hold: "Ukrainian positions" are the Ukrainian military's
_MILITARY_THINGS = frozenset({"positions", "position", "bases", "base", "posts", "outposts", "checkpoints",
                              "trenches", "lines", "convoy", "convoys", "tanks", "warships", "jets",
                              "drones", "artillery", "garrison", "barracks", "frontline", "defences",
                              "defenses", "units", "brigade", "battalion", "patrol", "patrols", "warship",
                              "checkpoint", "post", "outpost", "troops", "soldiers", "helicopter", "aircraft",
                              "incursion", "incursions"})
# what only a state puts forward or is: "rejected the Israeli proposal", "recognised a
# Palestinian state" act on the government, not on the people
_STATE_ACTS = frozenset({"aggression", "provocation", "provocations", "interference", "meddling",
                         "proposal", "proposals", "plan", "plans", "request", "requests", "offer", "offers",
                         "initiative", "initiatives", "ultimatum", "demand", "demands", "draft", "bid",
                         "state", "authorities", "leadership", "delegation", "delegations", "negotiators",
                         "envoy", "envoys", "counterproposal", "peace plan", "terms", "call", "calls",
                         "appeal", "appeals", "position", "stance", "policy", "policies", "objection",
                         "objections", "claim", "claims", "warning", "warnings", "threat", "threats",
                         "accusation", "accusations", "decision", "move", "measures", "sanctions",
                         "provocation", "provocations", "aggression",
                         # a state's attack condemned or answered: "condemned an Israeli air strike"
                         "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids",
                         "offensive", "bombardment", "shelling", "bombing", "bombings", "invasion",
                         "occupation", "blockade", "assault", "operation", "operations"})
# what a state's sovereignty covers: "troops deployed to the Syrian border", "violated Greek airspace"
# nouns of a rehearsal, whose modifier names what is rehearsed ("blockade exercises")
_REHEARSALS = frozenset({"exercise", "drill", "simulation", "rehearsal", "wargame", "scenario"})
# craft that arrive without being a visit ("a navy vessel docked in Havana")
_CRAFT = frozenset({"vessel", "ship", "boat", "plane", "aircraft", "convoy", "flight", "truck",
                    "tanker", "ferry", "jet", "helicopter"})  # (a warship's port call is a visit)
# a game's score ("won 38-24", "a 2-1 defeat"), and words of votes counted the same way
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
_BALLOTS = frozenset({"vote", "ballot", "seat", "election", "poll", "referendum", "motion", "bill"})
_STATE_GROUND = frozenset({"border", "borders", "frontier", "territory", "airspace", "waters", "soil", "side",
                           "sovereignty", "embassy", "consulate"})
# ground an armed force holds: leaving it is a retreat ("withdrew from the town")
_GROUND = frozenset({"city", "town", "village", "area", "region", "territory", "sector", "zone", "border",
                     "frontline", "front", "position", "base", "outskirts", "district", "province", "valley",
                     "hill", "enclave", "corridor", "camp", "airport", "port", "island", "street", "neighbourhood",
                     "neighborhood", "part", "side", "bank", "heights"})
# verbs whose object is a topic, not a party ("discussed Taiwan", "debated the sanctions")
_TOPIC_VERBS = frozenset({"discuss", "debate"})
# nouns that sum up the act told before them ("..., a move hailed by Kyiv", "..., a call Israel rejected")
_SUMMARY_NOUNS = frozenset({"call", "appeal", "request", "demand", "offer", "proposal", "plan", "case",
                            "remark", "comment", "statement", "gesture", "deal", "agreement", "policy"})
_REACTIONS = frozenset({"01", "05", "11", "12", "13", "14"})
# texts that speak for whoever issues them ("a resolution criticising X")
_DOCUMENTS = frozenset({"resolution", "statement", "declaration", "communique", "communiqué", "letter",
                        "report", "motion", "bill", "decree", "note", "memorandum", "petition"})
# nouns whose clause is said, not shown ("allegations that forces used chlorine")
_UNPROVEN = frozenset({"allegation", "accusation", "claim", "rumour", "rumor", "speculation", "suspicion",
                       "charge", "assertion",
                       # "a proposal that Kyiv withdraw", "demands that the army return": asked, not done
                       "proposal", "demand", "request", "call", "suggestion", "ultimatum", "idea"})
# prepositions that only say where ("rallied in Tbilisi"): never what an act is about
# Verbs whose negation affirms the act they govern ("did not hesitate to strike").
# adjectives that make an act noun a supposition ("a possible strike", "future attacks")
_SUPPOSED = frozenset({"possible", "potential", "future", "eventual", "hypothetical", "prospective"})
_UNDAUNTED = frozenset({"hesitate", "cease", "fail", "forget", "stop", "wait", "delay"})

# Nouns that name an aim of their owner ("a plan to withdraw", "its bid to join NATO").
_AIMS = frozenset({"plan", "bid", "decision", "effort", "attempt", "intention", "proposal", "offer",
                   "promise", "pledge", "commitment", "move", "readiness", "willingness", "plans",
                   "intent", "goal", "aim", "desire", "wish", "threat", "vow", "push", "drive",
                   "campaign", "initiative", "agreement", "deal", "pact", "accord", "right",
                   "permission", "approval", "authorization", "authorisation", "mandate", "invitation"})

# Verbs whose subject owns the aim they take as object ("announced a plan to", "made a bid to").
_OWN_AIMS = frozenset({"announce", "unveil", "make", "present", "submit", "put", "launch", "adopt",
                       "approve", "outline", "declare", "have", "table", "reveal", "step", "renew",
                       "reaffirm", "reiterate", "confirm", "express", "signal", "voice", "finalise",
                       "finalize", "draw", "lay", "set", "file", "issue", "give", "win", "gain", "receive",
                       "obtain", "secure", "sign", "reach", "conclude", "agree", "accept"})

# speakers whose words, addressed to no one, are no political statement
_BYSTANDERS = frozenset({"CVL", "BUS"})

# people whose protest a later "the crowd" names
_CROWD_SECTORS = frozenset({"CVL", "OPP", "EDU", "LAB", "MED", "REF", "REL", "JRN", "BUS", "PTY"})

_LOCATIVE = frozenset({"in", "at", "inside", "outside", "near", "across", "through", "around", "within",
                       "throughout", "along", "beside", "into", "onto"})
# sectors that do not fight: named before an attack noun they are its target
_UNARMED = frozenset({"LEG", "JUD", "CVL", "BUS", "MED", "EDU", "REL", "JRN", "REF", "LAB", "NGO"})
_HOSTILE = frozenset({"15", "16", "17", "18", "19", "20"})
_COOPERATIVE = frozenset({"01", "02", "03", "04", "05", "06", "07", "08"})
# named-entity kinds that never name a doer, whatever the parser tags the word
# what a group claims when it owns an attack ("claimed responsibility for", "claimed credit for")
_RESPONSIBILITY = frozenset({"responsibility", "credit"})
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_OBJECTS = {"dobj", "dative", "nsubjpass"}  # "gave the rebels 48 hours": the indirect object too
_OWNING_PRONOUNS = frozenset({"its", "their", "our", "his", "her"})
_FORCES = frozenset({"MIL", "COP", "UAF", "SPY", "REB"})
_SELF_RULES = frozenset({"country", "pronoun", "metonymy", "demonym", "demonym-modifier",
                         "possessive-state", "agent+main-country", "implicit", "counterpart"})


class Coder:
    """Compiled lexicon, actor dictionary and ontology for one spaCy pipeline."""

    def __init__(self, nlp, lexicon: Lexicon | None = None, keep_negated: bool = False,
                 dictionary=None) -> None:
        self.nlp = nlp
        self.keep_unknown = True  # emit acts of doers the knowledge base cannot name ("---")
        self.lexicon = lexicon or load_lexicon()
        self.matcher = self.lexicon.matcher(nlp.vocab)
        self.dictionary = dictionary or load_actor_dictionary()
        self.dictionary.matchers(nlp)
        self.ontology = load_ontology()
        self.modal = load_modality()
        self.light_verbs = set(self.modal["light_verbs"])
        self.weapons = set(self.modal["weapons"])
        self.display_verbs = frozenset(self.modal.get("protest_display_verbs", ()))
        self.keep_negated = keep_negated

    # -- triggers ------------------------------------------------------------------------
    def triggers(self, doc: Doc, near: list | None = None) -> list[Trigger]:
        """Best valid match per head token; noun triggers inside a verb match are dropped."""
        by_head: dict[int, list[Trigger]] = {}
        for head, noun in self.matcher(doc):
            for pattern, words, preps in self.lexicon.verify(head, noun):
                # "a report released Tuesday": the noun a participle modifies is its object
                patient = [head.head] if head.dep_ == "acl" and head.tag_ == "VBN" else []
                # (and a word the pattern names may carry the exclusion: "fired warning shots"
                # is no "fire shot" with "!warning")
                named = [c for w in words if hasattr(w, "children") and w.i != head.i for c in w.children]
                # ("the doctors' strike on Monday": a preposition that only dates a stoppage of
                # work excludes nothing)
                if pattern.exclude and any(c.lemma_.lower() in pattern.exclude and not (
                        c.dep_ == "prep" and dates_only(c) and pattern.code[:2] == "14" and noun
                        and self._stoppage(head)) for c in [*head.children, *patient, *named]):
                    if near is not None:
                        near.append((pattern, head, "an excluded word is attached"))
                    continue
                by_head.setdefault(head.i, []).append(Trigger(pattern, head, words, preps))
            if near is not None:
                fired = {t.pattern.id for t in by_head.get(head.i, [])}
                child_lemmas = {c.lemma_.lower() for c in head.children} | {c.lower_ for c in head.children}
                missed = []
                for pattern in self.lexicon.heads(noun).get(head.lemma_.lower(), ()):
                    if pattern.id in fired or pattern.exclude & child_lemmas:
                        continue
                    wanted = list(pattern.words) + list(pattern.target_preps)
                    have = sum(1 for w in wanted if w in child_lemmas)
                    missed.append((-have, len(wanted), pattern))
                for _h, _n, pattern in sorted(missed, key=lambda m: (m[0], m[1], m[2].id))[:4]:
                    near.append((pattern, head, "trigger word found, but not "
                                 + " / ".join(list(pattern.words) + [p + ":T" for p in pattern.target_preps])))
        chosen = []
        for cands in by_head.values():
            # a user's PETRARCH verb pattern wins a tie with the bundled one: it was added to say so
            cands.sort(key=lambda t: (t.pattern.specificity, t.pattern.ordered, t.pattern.id), reverse=True)
            if len(cands) > 1 and cands[0].pattern.noun and cands[0].pattern.code[:2] == "19" \
                    and self._stoppage(cands[0].head):
                # "lecturers continued with their strike", "the nurses' strike": a stoppage of
                # work, whichever sense the words alone favour
                cands.sort(key=lambda t: t.pattern.code[:3] != "143")
            chosen.append(cands[0])
            if near is not None:
                near.extend((c.pattern, c.head, "a more specific pattern won") for c in cands[1:])
        # a trigger word that is only a part of a longer match ("arrest" in "arrest warrants",
        # "talks" in "hold talks with") is not a second event
        covered = {t.i for trig in chosen for t in trig.tokens[1:]}
        # ("will provide food and medical aid": the conjoined goods are the same act's)
        goods = {(t.i, trig.pattern.code[:3]) for trig in chosen if not trig.pattern.noun for t in trig.tokens[1:]}
        covered |= {trig.head.i for trig in chosen if trig.pattern.noun and trig.head.dep_ == "conj"
                    and (trig.head.head.i, trig.pattern.code[:3]) in goods}
        # a PETRARCH pattern coded "[---]" ("received a card") says the verb is no event here
        final = [t for t in chosen if t.head.i not in covered and t.pattern.code != NO_EVENT]
        # "sanctions over the crackdown", "since the 2014 annexation", "condemned Israel's
        # strike": an act named as the reason, the starting point or the object of a comment is
        # context of the news, not a second event (its doer still names whom the comment faces)
        final = [t for t in final if not (t.pattern.noun and self._context_noun(t.head))]
        final = [t for t in final if not (t.pattern.noun and self._custody_state(t))]
        # "staged mock blockade exercises", "an invasion drill": the act a drill rehearses is
        # the drill's name, not an act done
        final = [t for t in final if not (t.pattern.noun and t.head.dep_ in {"compound", "amod", "nmod"}
                                          and t.head.head.lemma_.lower() in _REHEARSALS)]
        # "tea exports climbed on Russian demand": demand in a story of markets is buying
        final = [t for t in final if not (t.pattern.noun and t.head.lemma_.lower() == "demand" and any(
            w.lemma_.lower() in _MARKET_WORDS for w in t.head.sent))]
        # "killed three aid workers", "a relief agency": the act word names who the people are;
        # "delivered two attack helicopters": what kind of weapon it is
        final = [t for t in final if not (t.pattern.noun and t.head.dep_ in {"compound", "amod"}
                                          and t.head.head.lemma_.lower() in _PEOPLE_OF_AN_ACT | _ARMS_OF_AN_ACT)]
        # "fired artillery at a hulk as the allies held joint drills": fire in a drill
        # (a border closed for the duration of someone's drills is a blockade, not a drill: 191)
        drilled = [t for t in final if t.pattern.code[:2] in {"18", "19"} and not t.pattern.code.startswith("191")
                   and self._in_drill(t.head)]
        if drilled:
            final = [t for t in final if t not in drilled]
            # "launched a cruise missile during naval drills": when no drill is told as an act of
            # its own, the force used in it is the show of force (150), once per sentence
            shown = {t.head.sent.start for t in final if t.pattern.code[:2] in {"15", "06"}}
            for t in drilled:
                if not t.pattern.noun and t.head.sent.start not in shown:
                    shown.add(t.head.sent.start)
                    final.append(_modal_trigger("drill_force", "150", f"{t.head.lemma_.lower()} in DRILL", t.head))
        # "will meet in Brussels for their first talks in a year": the talks the meeting is for
        # are that meeting, told once
        meets = {t.head.i for t in final if not t.pattern.noun and t.pattern.code in {"040", "041", "046"}}
        if meets:
            final = [t for t in final if not (t.pattern.noun and t.pattern.code[:2] == "04" and t.head.dep_ == "pobj"
                                              and t.head.head.lower_ == "for" and t.head.head.head.i in meets)]
        # "held talks on reopening border crossings": what talks are about is their topic, not
        # an act done
        final = [t for t in final if not _talked_about(t.head)]
        # "will send 5,000 tonnes of flour to Afghanistan as humanitarian aid": what the act is
        # given "as" names that act, not a second one
        verbs = {t.head.i for t in final if not t.pattern.noun}
        final = [t for t in final if not (t.pattern.noun and t.head.dep_ == "pobj" and t.head.head.lower_ == "as"
                                          and t.head.head.head.i in verbs)]
        # "struck Gaza with air strikes": the means named by its own act word is that act, told
        # once (the noun is the more specific)
        means = {t.head.i for t in final if t.pattern.noun and t.head.dep_ == "pobj" and t.head.head.lower_ == "with"
                 and t.pattern.code[:2] in {"18", "19", "20"}}
        final = [t for t in final if t.pattern.noun or t.pattern.code[:2] not in {"18", "19", "20"} or not any(
            c.dep_ == "prep" and c.lower_ == "with" and any(g.i in means for g in c.children) for c in t.head.children)]
        # "Somalia may have to seek food aid if the rains fail": a possibility on a condition
        final = [t for t in final if not _maybe_if(t.head)]
        final.extend(self._conditional_threats(doc, final))
        final.extend(self._seized_places(doc, final))
        # "gave the rebels 48 hours to withdraw": what an ultimatum demands is not done
        # "declared them persona non grata and gave them 48 hours to leave": the deadline is the
        # term of the act it is given with, not an ultimatum of its own
        termed = {t.head.i for t in final if t.pattern.code in self.modal.get("ultimatum_terms", ())}
        final = [t for t in final if not (t.pattern.code == "139" and (
            (t.head.dep_ == "conj" and t.head.head.i in termed)
            or any(c.dep_ == "conj" and c.i in termed for c in t.head.children)))]
        ultimatum = {tok.i for t in final if t.pattern.code == "139" for tok in t.tokens}
        final = [t for t in final if not (
            t.pattern.code != "139" and t.head.head.i in ultimatum and t.head.head.i != t.head.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children))]
        # "held talks ... to discuss X": the purpose clause restates the act already coded
        anchors: dict[int, str] = {}
        anchor_heads: dict[int, int] = {}  # the token a clause hangs on -> its trigger's head
        harms: set[int] = set()  # tokens a violent act (18-20, or violent repression 175) hangs on
        for t in final:
            anchors[t.head.i] = t.pattern.code[:2]
            anchor_heads[t.head.i] = t.head.i
            if t.pattern.code[:2] in _VIOLENT or t.pattern.code == "175":
                harms.add(t.head.i)
            if t.pattern.noun and t.head.dep_ == "dobj":
                anchors[t.head.head.i] = t.pattern.code[:2]
                anchor_heads.setdefault(t.head.head.i, t.head.i)
                if t.head.i in harms:
                    harms.add(t.head.head.i)
        final = [t for t in final if not (
            t.head.dep_ in {"advcl", "xcomp", "acl"} and t.head.head.i != t.head.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children)
            and anchors.get(t.head.head.i) == t.pattern.code[:2] and t.head.head.i != t.head.i)]
        # "offered to host negotiations": the event noun a verb of the same kind takes as its
        # object is that verb's event, not a second one
        verb_roots = {t.head.i: t.pattern.code[:2] for t in final if not t.pattern.noun}
        # "blocked the highway in protest against X": one protest, told by its act
        final = [t for t in final if not (t.pattern.noun and _in_protest(t.head)
                                          and verb_roots.get(t.head.head.head.i) == "14")]
        final = [t for t in final if not (
            t.pattern.noun and t.head.dep_ == "dobj" and verb_roots.get(t.head.head.i) == t.pattern.code[:2]
            and not (t.head.head.dep_ not in {"xcomp", "ccomp"} and any(
                c.dep_ == "prep" and c.lower_ in {"between", "among"} for c in t.head.children)))]
        # (but "hosted talks between Israel and Hamas": the parties' own talks stand, unless the
        # hosting is only offered or planned: "offered to host talks between A and B")
        # "troops exchanged fire ..., killing 12 people": the toll of an attack already coded is
        # that attack, not a second one; it is kept only to name whom the attack hit when the
        # attack itself names no one ("shells landed in a market, killing four people")
        # ("police fired tear gas ..., injuring 30 people": the injuries are the repression's)
        violent = _VIOLENT
        for t in final:
            if t.head.dep_ == "advcl" and t.head.tag_ == "VBG" and t.pattern.code[:2] in violent \
                    and t.head.head.i in harms:
                t.toll_of = anchor_heads[t.head.head.i]
            elif t.head.dep_ == "relcl" and t.pattern.code[:2] in violent and any(
                    c.dep_ == "nsubj" and c.lower_ in {"which", "that"} for c in t.head.children):
                # "a strike on a hospital in Kyiv, which killed two people": the parser hangs the
                # clause on the nearest noun; the attack it tells the toll of is further up
                cur = t.head.head
                for _ in range(5):
                    if cur.i in harms and cur.i in anchor_heads and cur.i != t.head.i:
                        t.toll_of = anchor_heads[cur.i]
                        break
                    if cur.dep_ not in {"pobj", "prep", "compound", "appos"} or cur.head.i == cur.i:
                        break
                    cur = cur.head
        return sorted(final, key=lambda t: t.head.i)

    def _conditional_threats(self, doc: Doc, found: list[Trigger]) -> list[Trigger]:
        """Warnings of what the speaker would do if another party acts (modality
        `conditional_threat`): a trigger on the warning verb, whose target is the condition's
        subject (see `roles`), when what the speaker would do is no coded act of its own."""
        spec = self.modal.get("conditional_threat") or {}
        heads = {t.head.i for t in found}
        out = []
        for tok in _free_verbs(doc, found, spec.get("governors", ())):
            subjects = _condition_subjects(tok, spec, set(self.modal["future_aux"]))
            if not subjects:
                continue
            condition = subjects[0].head
            content = {t.i for c in tok.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree} \
                - {t.i for t in condition.subtree}
            if not content & heads:  # "warned it would strike US bases if ...": that strike is the threat
                out.append(_modal_trigger("conditional_threat", spec["code"], f"{tok.lemma_.lower()} ... if", tok))
        return out

    def _seized_places(self, doc: Doc, found: list[Trigger]) -> list[Trigger]:
        """"M23 rebels captured Goma", "troops retook Kherson": a named town or region taken is
        occupied territory (modality `place_seizure`), as "seized the town" is in the lexicon."""
        spec = self.modal.get("place_seizure") or {}
        out = []
        for tok in _free_verbs(doc, found, spec.get("verbs", ())):
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            armed = any(c.lemma_.lower() in spec.get("armed_subjects", ()) for c in subjects)
            # armed men or a named state or group take towns; police capture a man who may share
            # a town's name ("police captured Escobar")
            if not (armed or any(c.pos_ == "PROPN" for c in subjects)):
                continue
            # the tagger takes many towns for people ("captured Goma"): a town by the gazetteer
            # counts then only when armed men take it
            if not objs or not all(o.pos_ == "PROPN" and (o.ent_type_ in {"GPE", "LOC"} or (
                    o.ent_type_ != "PERSON" or armed) and o.text.casefold() in city_countries())
                    for o in objs):
                continue
            out.append(_modal_trigger("place_seizure", spec["code"], f"{tok.lemma_.lower()} PLACE", tok))
        return out

    def _in_drill(self, head: Token) -> bool:
        """Whether an act is told as part of an exercise ("during drills", "as they held war
        games", "in a live-fire exercise"): the drill's noun hangs on the act's clause through
        adjuncts only, not through a clause of someone's words or a relative clause."""
        words = frozenset(self.modal.get("exercise_words", ()))
        ends = {head.i} | ({head.head.i} if head.dep_ in {"dobj", "pobj", "nsubjpass"} else set())
        for tok in head.sent:
            lemma = tok.lemma_.lower()
            if not (lemma in words or lemma == "game" and any(c.lower_ == "war" for c in tok.children)):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in {"to", "against", "on", "for", "over"}:
                continue  # "vowed to respond firmly to the naval drills": the drill answered, no setting
            cur = tok
            for _ in range(6):
                if cur.i in ends:
                    return True
                if cur.dep_ not in {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "advcl", "npadvmod",
                                    "compound", "conj", "appos"} or cur.head.i == cur.i:
                    break
                cur = cur.head
            if cur.i in ends:
                return True
        return False

    # -- roles ---------------------------------------------------------------------------
    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """(subject token, passive?) following control, conjunction and relative clauses."""
        seen = 0
        cur = verb
        via_xcomp = False  # the last step climbed from an infinitive to its governor
        # "ordered two inspectors to leave, accusing them of ...", "demanded that Turkey withdraw,
        # calling ...": a participle set off after an order's content goes on about the one
        # who ordered, not the one ordered
        aside = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","
        while cur is not None and seen < 6:
            seen += 1
            if aside and cur.i != verb.i and cur.head.i != cur.i and not any(
                    c.dep_ in _SUBJ or c.dep_ == "nsubjpass" for c in cur.children if cur.dep_ != "ccomp") \
                    and self.modal["governors"].get(cur.head.lemma_.lower()) in {"appeal", "demand"} and (
                    cur.dep_ == "xcomp" or cur.dep_ == "ccomp" and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)):
                aside = False
                cur = cur.head
                continue
            subjects = [c for c in cur.children if c.dep_ in _SUBJ]
            if subjects:
                # "Old foes Gondor and Osgiliath renewed ...", parsed with two subjects: the
                # name is the subject, the common noun before it describes it
                named = [c for c in subjects if c.pos_ == "PROPN"]
                return (named or subjects)[0], False
            for c in cur.children:
                if c.dep_ == "nsubjpass":
                    agent = _agent(cur)
                    if cur.i != verb.i and verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ", "VBP"} \
                            and not _passive_conjunct(cur, verb):
                        # "he was anguished by the loss and conveyed his condolences": an active
                        # conjunct's subject is the one the passive is about, not its agent
                        return c, False
                    if cur.i != verb.i and (via_xcomp or (agent is None and cur.lemma_.lower() in _RAISING)):
                        # "Obama is scheduled to attend", "was pressured by Congress to help
                        # Iran": the one the passive is about does the infinitive's act
                        return c, False
                    return agent, True
            if cur.i == verb.i and cur.dep_ == "advcl" and cur.tag_ == "VBN" and cur.head.i != cur.i \
                    and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in cur.children):
                # "Asked about the tariffs, the prime minister said ...", "Backed by Russia, the
                # rebels ...": the main clause's subject undergoes the participle; its doer is
                # the "by" agent, if any
                return _agent(cur), True
            # "was pressured by Congress to help Iran", parsed as a purpose clause of a verb
            # of asking: still the infinitive of the one asked
            via_xcomp = cur.dep_ == "xcomp" or (
                cur.dep_ == "advcl" and cur.head.i != cur.i and _infinitive(cur)
                and self.modal["governors"].get(cur.head.lemma_.lower()) in {"appeal", "demand"})
            if cur.dep_ == "xcomp" and cur.head.i != cur.i:
                # "asked Obama to help", "urged Israel to withdraw": the object does the act
                fam = self.modal["governors"].get(cur.head.lemma_.lower())
                asked = _addressees(cur.head, cur) if fam in {"appeal", "demand"} else [
                    c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i]
                if asked and fam:
                    return asked[0], False
            if cur.dep_ in {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"} and cur.head.i != cur.i:
                # "by continuing to attack": the subject of the main clause; "is willing to
                # withdraw", "is about to restore": through the adjective to the copula's subject
                cur = cur.head
                if cur.pos_ == "ADP" and cur.head.i != cur.i:
                    cur = cur.head
                continue
            if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.head.i != cur.i:
                # "the civilians imprisoned for ...", "a convoy attacked by rebels": a passive
                # participle's noun is what is acted on; the doer is its "by" agent, if any
                return _agent(cur), True
            if cur.dep_ in {"relcl", "acl"}:
                noun = cur.head
                if noun.lemma_.lower() in _DOCUMENTS and cur.tag_ == "VBG" and noun.dep_ == "dobj":
                    author = next((c for c in noun.children if c.dep_ in {"poss", "compound", "nmod", "amod"}
                                   and c.i < noun.i and c.ent_type_ in {"ORG", "GPE", "NORP"}), None)
                    if author is not None:
                        return noun, False  # "vetoed an EU statement criticising X": the EU's words
                    # "parliament approved a resolution criticising X": the resolution's makers
                    return self._subject(noun.head)
                if cur.dep_ == "acl" and _infinitive(cur) and noun.pos_ == "NOUN" and noun.ent_type_ == "":
                    # "Germany announced a plan to send tanks", "its bid to join NATO": the
                    # aim is its owner's, or the one who announced it ("rejected a Russian
                    # proposal to" is not the rejecter's)
                    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                    if owner is not None:
                        return owner, False
                    named = any(c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ for c in noun.children)
                    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"} and not named \
                            and noun.lemma_.lower() in _AIMS and noun.head.lemma_.lower() in _OWN_AIMS:
                        return self._subject(noun.head)
                return cur.head, False
            break
        return None, False

    def roles(self, trig: Trigger, mentions: Mentions | None = None) -> tuple[list[Token], list[list[Token]]]:
        """Source tokens and target candidate groups of a trigger, best group first; what a
        pattern's own "with" word names is the means ("struck Kharkiv with drones"), no target."""
        sources, groups = self._roles(trig, mentions)
        # (only the means and its conjuncts: "respond with force to any provocation" still
        # faces the provocation's doer; "agreed with France" is with France: force only)
        means = {g.i for t in trig.tokens if t.lower_ == "with" and t.dep_ == "prep" and t.i != trig.head.i
                 and trig.pattern.code[:2] in {"18", "19", "20"}
                 for o in t.children if o.dep_ == "pobj" for g in [o, *(c for c in o.children if c.dep_ == "conj")]}
        if means:
            groups = [[g for g in group if g.i not in means] for group in groups]
        head = trig.head
        if trig.pattern.noun and trig.pattern.code[:2] in {"18", "19", "20"}:
            # "the army faced an attack by rebels", "a convoy came under attack from gunmen":
            # who suffered the attack is its target, the last resort after the attack's own words
            suffered = self.modal.get("suffered_attacks") or {}
            verb = None
            if head.dep_ == "dobj" and head.head.lemma_.lower() in suffered.get("verbs", ()):
                verb = head.head
            elif head.dep_ == "pobj" and head.head.lower_ == "under" \
                    and head.head.head.lemma_.lower() in suffered.get("under", ()):
                verb = head.head.head
                if not sources:
                    sources = _prep_objects(head, ("from", "by"), trig.tokens) or _prep_objects(
                        verb, ("from", "by"), trig.tokens)
            subj = self._subject(verb)[0] if verb is not None else None
            if subj is not None:
                groups = groups + [[subj]]
        return sources, groups

    def _roles(self, trig: Trigger, mentions: Mentions | None = None) -> tuple[list[Token], list[list[Token]]]:
        """Source tokens and target candidate groups of a trigger, best group first.

        The coder takes the first group that names an actor, so "signed an agreement with the
        EU" falls through the object ("agreement") to the object's preposition ("the EU").
        """
        head, p = trig.head, trig.pattern
        sources: list[Token] = []
        groups: list[list[Token]] = []
        # "condemned an attack by X": the doer of the condemned act is the one condemned
        wide = ("between", "with", "to", "against", "on", "for", "of", "at", "toward", "towards", "by", "from")
        if any(prep.dep_ == "prt" for prep in trig.preps) and not p.noun:
            # "cordoned the area off": a particle named as the target's preposition leaves
            # the target as the direct object
            groups.append([c for c in head.children if c.dep_ == "dobj"])
        if p.id == "modality.yaml#conditional_threat":
            # "warned Kyiv that it would respond if Ukrainian forces crossed": the one warned,
            # else the one whose act is the condition
            subj, _passive = self._subject(head)
            spec = self.modal.get("conditional_threat") or {}
            future = set(self.modal["future_aux"])
            named = next((n for c in _condition_clause(head, future) if (n := _named_threatener(c)) is not None), None)
            subj = named if named is not None else subj
            return ([subj] if subj is not None else []), [
                [c for c in head.children if c.dep_ in {"dobj", "dative"}],
                _condition_subjects(head, spec, set(self.modal["future_aux"]))]
        if p.source_preps:
            # "received weapons from Iran": the giver is the source, the receiver the target
            subj, _passive = self._subject(head)
            givers = [c for prep in trig.preps for c in prep.children if c.dep_ == "pobj"]
            if subj is None:
                return givers, []
            # "the arrest of X by police drew condemnation from Y": the arrest's doer is faced
            doers = _prep_objects(subj, ("by",), trig.tokens) + [
                d for o in _prep_objects(subj, ("of",), trig.tokens) for d in _prep_objects(o, ("by",), trig.tokens)]
            return givers, [doers, [subj]]
        if not p.noun:
            passive_subj = [c for c in head.children if c.dep_ == "nsubjpass" and c not in trig.tokens]
            subj, passive = self._subject(head)
            # an active verb with its object or particle, read by the parser as a participle
            misparsed = head.dep_ == "acl" and head.head.dep_ == "ROOT" and head.head.i < head.i \
                and head.head.pos_ in {"NOUN", "PROPN"} and (
                    len(trig.tokens) > 1 or any(c.dep_ == "dobj" for c in head.children))
            if misparsed:
                # "EU called for sanctions" parsed as a noun with a participle: the noun acts
                sources.append(head.head)
            elif head.dep_ == "acl" and head.tag_ == "VBN" and _agent(head) is None:
                # "the 62 persons arrested in Godhra": the modified noun underwent the act
                return [], [[head.head]]
            elif head.dep_ == "acl" and head.tag_ == "VBN" and _agent(head) is not None:
                # "talks mediated by Qatar": the agent acts on what the clause modifies
                modified = head.head
                return [_agent(head)], [_prep_objects(modified, ("between", "among", "with"), trig.tokens),
                                        [modified]]
            elif head.dep_ == "advcl" and head.tag_ == "VBN" and head.head.i != head.i and not passive_subj \
                    and not any(c.dep_ in {"aux", "auxpass", "mark", "nsubj"} for c in head.children):
                # "Backed by Russian jets, Syrian troops attacked": the main clause's subject
                # underwent the participle, its "by" agent did it
                main, _p = self._subject(head.head)
                agent = _agent(head)
                return ([self._wielder(agent) or agent] if agent is not None else []), (
                    [[main]] if main is not None else [])
            # (an active verb with its own subject is no passive: "extended by another 45 days")
            marked_passive = any(c.dep_ == "auxpass" for c in head.children) or (
                any(c.dep_ == "agent" for c in head.children) and not any(c.dep_ == "nsubj" for c in head.children))
            if passive_subj:
                groups.append(passive_subj)
                agent = _agent(head)
                if agent is None:
                    # "was shot and wounded by a gunman": the doer named on the shared passive
                    agent = next((a for c in head.children if c.dep_ == "conj" and c.tag_ == "VBN"
                                  and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                                  for a in [_agent(c)] if a is not None), None)
                if agent is None:
                    # "were killed in an air strike by government forces": the strike's doer;
                    # "was killed in a gunfight with al-Shabaab fighters": the other side of the fight
                    for noun in _prep_objects(head, ("in", "during", "by"), trig.tokens):
                        agent = next(iter(_prep_objects(noun, ("by",), trig.tokens)), None)
                        if agent is None and p.code[:2] in {"18", "19"} and noun.lemma_.lower() in _FIGHTS:
                            agent = next(iter(_prep_objects(noun, ("with",), trig.tokens)), None)
                        if agent is not None:
                            break
                if agent is not None:
                    sources.append(self._wielder(agent) or agent)
            elif marked_passive and subj is not None:
                # "were released by Putin" sharing its subject with an earlier verb
                groups.append([subj])
                agent = _agent(head)
                if agent is not None:
                    sources.append(agent)
            elif subj is not None:
                # "a rocket fired by militants hit the town": the ones who fired it
                sources.append(self._wielder(subj) or subj)
            if p.code.startswith("171"):
                # "confiscated weapons from the rebels": whom the property was taken from
                groups.append(_prep_objects(head, ("from",), trig.tokens))
            # "arrested and charged three journalists": a verb with no object of its own shares
            # the object of the verb joined after it
            shared = [] if any(c.dep_ in {"dobj", "nsubjpass", "dative"} for c in head.children) else [
                g for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > head.i
                and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)
                for g in c.children if g.dep_ == "dobj"]
            if p.object_target:
                groups.append([c for c in list(head.children) + shared
                               if (c.dep_ == "dobj" or (c.dep_ == "dative" and c.pos_ != "ADP"))
                               and not _place_as_object(c)])
            groups.append([c for prep in trig.preps for c in prep.children if c.dep_ == "pobj"])
            # "found Marine Le Pen guilty", parsed as a small clause: its subject is the object
            groups.append([g for w in trig.tokens[1:] if w.dep_ in {"ccomp", "xcomp", "acomp"} and w.head.i == head.i
                           for g in w.children if g.dep_ == "nsubj" and g.i > head.i]
                          # ("found five militants guilty": the word describes the object)
                          + [w.head for w in trig.tokens[1:] if w.dep_ == "amod" and w.head.dep_ == "dobj"
                             and w.head.head.i == head.i])
            objs = [c for c in list(head.children) + shared
                    if (c.dep_ == "dobj" or (c.dep_ == "dative" and c.pos_ != "ADP"))
                    and c not in trig.tokens and not _place_as_object(c)
                    # "deployed thousands of police officers", "delivered a package of artillery
                    # shells": the phrase that holds the pattern's own word is what is done or
                    # given, not the party
                    and not any(_inside(t, c) for t in trig.tokens)]
            topics: list[Token] = []
            if head.lemma_.lower() in _TOPIC_VERBS:
                # "discussed Taiwan and trade": what is talked over is no party to the talk; "the
                # ceasefire with Qatar's emir" still names one
                topics, objs = objs, []
            if p.code[:2] == "11":
                # "called it a brutal Israeli aggression": the state the censured act is named for
                groups.append([c for w in trig.tokens[1:] if w.dep_ in {"oprd", "attr", "pobj"}
                               for c in w.children if c.dep_ in {"amod", "compound", "poss"}
                               and (c.ent_type_ in {"NORP", "GPE"} or (mentions is not None and c.i in mentions.names))])
            if not p.target_preps:
                if p.code[:2] in {"02", "10"}:
                    # "asked the US for drones": the one asked is the addressee, not what is asked for
                    groups.append(objs)
                # "warned of the militia", "warned its citizens about al-Shabaab": the object of
                # the pattern's own preposition, when it names an actor, is what the act is about
                groups.append([c for w in trig.tokens[1:] if w.pos_ == "ADP" and w.lower_ not in _LOCATIVE
                               for c in w.children if c.dep_ == "pobj"])
                groups.append(objs)
                # "imposed sanctions on Iranian generals ... to Moscow": the light-verb noun's own
                # preposition before one the parser hung on the verb
                groups.append([o for w in trig.tokens[1:] if w.pos_ == "NOUN" and w.head.i == head.i
                               for o in _prep_objects(w, _DEFAULT_TARGET_PREPS, trig.tokens)])
                groups.append(_prep_objects(head, _DEFAULT_TARGET_PREPS, trig.tokens))
                if p.code[:2] in {"03", "07", "16"}:
                    # "cut food rations for a million refugees", "pledged aid for Afghan refugees":
                    # whom the aid is for
                    groups.append([o for w in trig.tokens[1:] if w.pos_ == "NOUN"
                                   for o in _prep_objects(w, ("for",), trig.tokens)]
                                  + [o for o in _prep_objects(head, ("for",), trig.tokens) if o.pos_ != "PRON"])
            if p.code[:2] in {"09", "11"} and not marked_passive:
                # "examining war crimes by the military", the "by" hung on the verb: the doer of
                # what is examined or condemned
                groups.append(_prep_objects(head, ("by",), trig.tokens))
            inner_objs = []
            for w in trig.tokens[1:]:  # "threatened to attack US bases"
                if w.pos_ in {"VERB", "AUX"}:
                    inner_objs.extend(c for c in w.children if c.dep_ in {"dobj", "dative"})
                    # "threatened to use nuclear weapons to destroy X": what the means are for
                    for clause in _purpose_clauses(w):
                        groups.append([c for c in clause.children if c.dep_ in {"dobj", "dative"}])
                    # "threatened to pull out of the talks with Egypt": the partner left
                    for inner in _prep_objects(w, ("of", "from"), trig.tokens):
                        groups.append(_prep_objects(inner, ("with", "between"), trig.tokens))
                else:  # "demanded the minister's resignation"
                    groups.append([c for c in w.children if c.dep_ == "poss"])
            if p.code[:2] in {"02", "10"}:
                # "demanded that Moscow release a detained journalist": the one who must act
                # comes before whom the act is done to
                groups.append([g for c in head.children if c.dep_ == "ccomp"
                               for g in c.children if g.dep_ == "nsubj"])
            groups.append(inner_objs)
            # "demanded that M23 withdraw", "urged Israel to ...": whoever must act is the target
            if p.code[:2] in {"09", "11", "12"}:
                # "examining reports that the military bombed a monastery", "rejected claims that
                # Moscow had asked ...": the doer of what the reports tell (declining to comment on
                # them addresses no one)
                for o in objs + _prep_objects(head, ("on", "about", "into"), trig.tokens) + [
                        c for w in trig.tokens[1:] if w.lower_ in {"on", "about", "into"}
                        for c in w.children if c.dep_ == "pobj"] + [
                        c for w in trig.tokens[1:] for c in _prep_objects(w, ("on", "about", "into"), trig.tokens)]:
                    if o.lemma_.lower() in _TOLD_CLAIMS:  # ("that its navy rammed": its own)
                        groups.append([d for d in _alleged_doers(o) if d.pos_ != "PRON" and not any(
                            c.dep_ == "poss" and c.pos_ == "PRON" for c in d.children)])
            if p.code[:3] == "016":  # "denied arresting any journalists": the denied act's object
                groups.append([g for c in head.children if c.dep_ in {"xcomp", "ccomp", "pcomp"}
                               for g in c.children if g.dep_ in {"dobj", "nsubjpass"}])
            if p.code[:2] in {"02", "10", "13"}:
                    groups.append([g for c in head.children if c.dep_ in {"ccomp", "xcomp"}
                               for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}])
            # "would help Lithuania build defences", "let Kenya join": a bare infinitive's subject
            # is the verb's own object, parsed as the subject of its clause
            groups.append([g for c in head.children for g in c.children if _bare_infinitive_subject(g, head)])
            for o in objs + topics + trig.tokens[1:] + inner_objs:  # "sent aid to B", "cut ties with B"
                groups.append(_prep_objects(o, wide, trig.tokens))
            for o in objs:  # "welcomed memos sent by B": the doer of what the object names
                for clause in (c for c in o.children if c.dep_ == "acl"):
                    agent = _agent(clause)
                    if agent is not None:
                        groups.append([agent])
            if p.code[:2] == "01":
                # "declined to comment on remarks by the Finnish president": whose words they are
                for inner in _prep_objects(head, ("on", "about"), trig.tokens) + [
                        c for w in trig.tokens[1:] if w.lower_ in {"on", "about"} for c in w.children
                        if c.dep_ == "pobj"] + [c for w in trig.tokens[1:] if w.pos_ == "VERB"
                                                for c in _prep_objects(w, ("on", "about"), trig.tokens)]:
                    groups.append(_prep_objects(inner, ("by", "from"), trig.tokens))
                # "claimed responsibility for an attack on X", "denied any involvement in a strike
                # on X": the one the act owned or denied was aimed at
                for o in objs + trig.tokens[1:]:
                    for inner in _prep_objects(o, ("for", "in"), trig.tokens):
                        aimed = _prep_objects(inner, ("on", "against", "at"), trig.tokens)
                        # "an attack targeting shoppers at a mall": the participle's object
                        for acl in (c for c in inner.children if c.dep_ == "acl" and c.tag_ == "VBG"):
                            aimed += [c for c in acl.children if c.dep_ == "dobj"]
                            aimed += _prep_objects(acl, ("at", "in"), trig.tokens)
                        groups.append(aimed)
                        # "an attack on a mall in Kenya's capital": the state of the place hit
                        for a in aimed:
                            places = _prep_objects(a, ("in", "at"), trig.tokens)
                            groups.append(places)
                            groups.extend(_prep_objects(pl, ("in",), trig.tokens) for pl in places)
            for o in objs:  # "welcomed the resumption of ties with B"
                for inner in _prep_objects(o, ("of",), trig.tokens):
                    groups.append(_prep_objects(inner, ("with", "between", "to", "against", "by"), trig.tokens))
            # "advised against travel to Tunisia": the pattern's preposition, named as a target
            # or as a plain word, leads to a noun whose own preposition names the target
            for prep in trig.preps + [w for w in trig.tokens[1:] if w.pos_ == "ADP"]:
                for inner in (c for c in prep.children if c.dep_ == "pobj"):
                    groups.append(_prep_objects(inner, ("to", "with", "against", "toward", "towards"), trig.tokens))
            # "trained Nigerian soldiers": the pattern's own object noun may be the target
            names = mentions.names if mentions is not None else {}
            if p.code[:2] != "15":  # "sent troops": the troops are the means, not the target
                # "struck Hamas positions": the object noun names its owner; "captured the
                # mosque" names only a place
                # "withdrew its troops": what a pronoun owns is the doer's own
                groups.append([w for w in trig.tokens[1:] if (w.dep_ in {"dobj", "nsubjpass", "dative"} or (
                                   w.dep_ == "nsubj" and w.head.dep_ == "ccomp" and w.head.head.i == head.i))
                               and w.pos_ in {"NOUN", "PROPN"} and (p.code[:2] != "19" or _owned(w, mentions))
                               # "fired artillery at": the weapon the pattern names is the means
                               and not (p.code[:2] in _HOSTILE and w.lemma_.lower() in self.weapons)
                               and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in w.children)])
            # "signed an accord to supply B with wheat": the purpose clause names the partner
            for clause in (c for c in head.children if c.dep_ in {"advcl", "xcomp"}
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                groups.append([c for c in clause.children if c.dep_ in {"dobj", "dative"}])
                groups.append(_prep_objects(clause, ("to", "with"), trig.tokens))
                # "pledged loans to help Pakistan recover": who is helped to do something
                groups.append([g for c in clause.children if c.dep_ in {"ccomp", "xcomp"}
                               for g in c.children if g.dep_ == "nsubj"])
        else:
            between = _prep_objects(head, ("between", "among"), trig.tokens)
            for of_obj in _prep_objects(head, ("of",), trig.tokens):
                between = between or _prep_objects(of_obj, ("between", "among"), trig.tokens)
            if not between and head.dep_ == "nsubj" and head.head.lemma_.lower() in _ONSET_VERBS:
                # "clashes broke out between A and B": the parties hang on the verb
                between = _prep_objects(head.head, ("between", "among"), trig.tokens)
            if between:
                # "talks between A and B", "a resumption of ties between A and B": the parties,
                # each with the other
                return between, []
            light = _governing_verb(head)
            light = light if light is not None and self._light(light, p.code) else None
            # "securing his release", "condemned their deportation": with no "of" phrase the
            # owner of an act done to people is the one it is done to
            undergone = head.lemma_.lower() in self.modal.get("patient_nouns", ()) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
            for c in head.children:
                if c.dep_ == "poss" and undergone:
                    groups.append([c])
                # "began their assault": the pronoun is the light verb's subject, found below
                elif c.dep_ == "poss" and not (c.pos_ == "PRON" and light is not None) \
                        and c.ent_type_ not in _NOT_ACTORS:  # "Monday's strike" names a day
                    sources.append(c)
            sources.extend(_prep_objects(head, ("by",), trig.tokens))
            if p.code[:2] in {"18", "19", "20"}:
                # "an attack claimed by al-Shabaab": the claimant owns the attack
                sources.extend(a for c in head.children if c.dep_ == "acl" and c.lemma_.lower() == "claim"
                               for a in [_agent(c)] if a is not None)
            if not sources:
                names = mentions.names if mentions is not None else {}
                # "the Russian drone strike": the state may hang on the compound before the noun
                mods = list(head.children) + [g for c in head.children if c.dep_ == "compound"
                                              for g in c.children if g.dep_ in {"amod", "compound"}]
                for c in mods:
                    if c.dep_ in {"amod", "compound", "nmod"} and c not in trig.tokens and c.i in names:
                        entry = names[c.i][0]
                        if p.code[:2] in _HOSTILE and c.dep_ == "compound" and entry.sector in _UNARMED:
                            # "the Bundestag hack", "the embassy bombing": an institution named
                            # before an attack is what was attacked
                            groups.insert(0, [c])
                            continue
                        sources.append(c)
                        # "Turkish-Russian patrol": the other half hangs on the first
                        sources.extend(g for g in c.children if g.i in names and g.dep_ in
                                       {"amod", "compound", "conj", "nmod"} and names[g.i][1] != names[c.i][1])
            if not sources and p.code[:2] == "19" and head.lemma_.lower() in _FIGHTS and head.dep_ == "pobj" \
                    and head.head.lower_ in {"in", "during"} and head.head.head.pos_ in {"VERB", "AUX"} \
                    and _prep_objects(head, ("with",), trig.tokens):
                # "a police officer was killed in a gunfight with al-Shabaab fighters": the one the
                # clause is about was one side of the fight
                sources.extend(c for c in head.head.head.children if c.dep_ in {"nsubj", "nsubjpass"})
            governor = _governing_verb(head)
            if governor is not None and not self._light(governor, p.code) \
                    and not _held_responsible(head) and not _in_protest(head):
                governor = None  # "condemned the attack": the critic did not attack
            if governor is None and p.code[:3] in {"042", "043"} and head.dep_ == "pobj" and head.head.lower_ == "on" \
                    and head.head.head.lemma_.lower() == "be":
                # "Sugiono, who was on a one-day visit to Dili": the one who is on the visit
                governor = head.head.head
            elif governor is None and (_meeting_adjunct(head, p.code, self.display_verbs) or _drill_adjunct(
                    head, p.code, self.modal.get("exercise_words", ()))):
                # "raised the issue during a phone call with Putin", "said in talks with X":
                # the clause's subject holds the call it tells of
                governor = head.head.head
                holder, _passive = self._subject(governor)
                agents = mentions.agents if mentions is not None else {}
                if p.code[:2] == "14" and holder is not None and agents.get(holder.i, ("",))[0] in _ARMED_STATE:
                    governor = None  # "police hold a man during a protest": no protester
            if governor is None and head.dep_ == "pobj" and head.head.lower_ == "with" \
                    and head.head.head.pos_ == "VERB" and p.code[:2] in {"17", "18", "19", "20"}:
                # "blasted a vessel with water cannon", "dispersed them with tear gas": the means
                # of the verb's act, used by its subject on its object
                governor = head.head.head
            if governor is not None and governor.pos_ in {"VERB", "AUX"}:
                subj, passive = self._subject(governor)
                agents = mentions.agents if mentions is not None else {}
                if subj is not None and p.code[:2] == "14" and head.dep_ == "pobj" \
                        and agents.get(subj.i, ("",))[0] in _ARMED_STATE:
                    subj = None  # "police fired tear gas in the protest": no protesters
                if subj is not None and not sources:
                    sources.append(subj)
            if governor is not None and not sources:
                # "were taken into custody": the passive subject underwent the act; "were put on
                # high alert": the force itself shows it
                passive = [c for c in governor.children if c.dep_ == "nsubjpass"]
                if passive and p.code[:2] == "15" and _agent(governor) is None:
                    sources.extend(passive)
                    passive = []
                if passive:
                    groups.append(passive)
                    agent = _agent(governor)
                    if agent is not None:
                        sources.append(agent)
            groups.append([c for prep in trig.preps for c in prep.children if c.dep_ == "pobj"])
            if not p.target_preps:
                if p.code[:2] == "09":
                    # "an investigation into abuses by the army", "into the killing of protesters
                    # by police", "into allegations that army officers took bribes": the doer of
                    # what is looked into, before those it was done to
                    for inner in _prep_objects(head, ("into", "of"), trig.tokens):
                        groups.append(_prep_objects(inner, ("by",), trig.tokens) + [
                            d for o in _prep_objects(inner, ("of",), trig.tokens)
                            for d in _prep_objects(o, ("by",), trig.tokens)])
                        groups.append(_alleged_doers(inner))
                groups.append(_prep_objects(head, _DEFAULT_TARGET_PREPS + ("into", "of", "for"), trig.tokens))
                # "a resumption of ties with X": the partner hangs on the noun's own object
                for of_obj in _prep_objects(head, ("of",), trig.tokens) + [
                        t for t in trig.tokens[1:] if t.pos_ == "NOUN"]:
                    groups.append(_prep_objects(of_obj, ("with", "to", "against", "toward", "towards"),
                                                trig.tokens))
                holders = [head] + ([governor] if governor is not None else [])
                for conflict in [c for h in holders for c in _prep_objects(h, ("in", "amid", "over"), trig.tokens)]:
                    # "a truce in their war with the army": the other side of the conflict
                    if conflict.lemma_.lower() in _CONFLICTS:
                        groups.append(_prep_objects(conflict, ("with", "against"), trig.tokens))
                first = _first_conjunct(head)
                if first.i != head.i:  # "air and artillery strikes on X": "on" hangs on "air"
                    groups.append(_prep_objects(first, _DEFAULT_TARGET_PREPS, trig.tokens))
                if head.dep_ == "compound" and head.head.pos_ == "NOUN":
                    # "issued arrest warrants for two men": the act's target hangs on the noun
                    # the trigger modifies
                    groups.append(_prep_objects(head.head, ("for", "against", "on", "with", "to"), trig.tokens))
                if governor is not None:
                    # "issued arrest warrants for two men": a coercive act's "for" names its target
                    gov_preps = ("with", "against", "on", "at") + (("for",) if p.code[:2] == "17" else ()) + (
                        ("to",) if p.code[:2] in _ADDRESSED else ()) + (  # "approved a loan to Kenya"
                        ("into",) if p.code[:2] == "09" else ())  # "opened an investigation into X"
                    if p.code[:2] == "09":  # ("began an investigation into the killing of X by Y")
                        groups.extend(_prep_objects(inner, ("by",), trig.tokens)
                                      for inner in _prep_objects(governor, ("into",), trig.tokens))
                    groups.append(_prep_objects(governor, gov_preps, trig.tokens))
                    if p.code[:2] in {"09", "11"}:
                        # "opened an investigation into clashes between A and B": the parties of
                        # the act looked into; "into allegations that officers took bribes"
                        for inner in _prep_objects(governor, ("into", "of"), trig.tokens):
                            groups.append(_prep_objects(inner, ("between", "among", "by"), trig.tokens))
                            groups.append(_alleged_doers(inner))
                    if p.code[:2] in {"17", "18", "19", "20"}:
                        # "used water cannon to disperse the protesters": whom the means were for
                        for clause in _purpose_clauses(governor):
                            groups.append([c for c in clause.children if c.dep_ == "dobj"])
                    # "engaged Filipino peacekeepers in a firefight": the light verb's object
                    chain = {t.i for t in head.ancestors} | {head.i}
                    groups.append([c for c in governor.children if c.dep_ == "dobj" and c.i not in chain])
                    groups.append([g for c in governor.children if c.dep_ == "dative"
                                   for g in ([c] if c.pos_ != "ADP" else [x for x in c.children if x.dep_ == "pobj"])])
        if p.code[:2] == "14":
            groups.append(self._protest_sites(trig))
        if p.code[:2] == "13" and not p.noun and not p.code.startswith("133"):
            # (a threatened strike or protest faces the state, whoever the condition names)
            # "threatened to shut down the country if the government fails to reverse the
            # increase": with no one else threatened, whoever must act to avert it
            spec = self.modal.get("conditional_threat") or {}
            groups.append(_condition_subjects(head, spec, set(self.modal["future_aux"])) + [
                g for c in head.children if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in spec.get("marks", ()) for m in c.children)
                for g in c.children if g.dep_ in {"nsubj", "nsubjpass"} and g.pos_ != "PRON"])
        if p.ordered:
            sources, groups = self._marked_roles(trig, sources, groups)
        return sources, [g for g in groups if g]

    def _protest_sites(self, trig: Trigger) -> list[Token]:
        """"Rallied outside the US embassy", "a sit-in in front of the UNHCR office": a protest
        held at a party's building faces that party (modality `protest_sites`), before the
        place's state."""
        sites = set(self.modal.get("protest_sites", ()))
        anchors = list(trig.tokens)
        noun = trig.head
        while noun.dep_ == "compound" and noun.head.i != noun.i:  # "a sit-in": "sit" hangs on "in"
            noun = noun.head
            anchors.append(noun)
        if trig.pattern.noun and noun.dep_ in {"dobj", "pobj", "nsubj"}:
            anchors.append(noun.head if noun.dep_ != "pobj" else noun.head.head)
        found = []
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"outside", "at", "near", "before", "in", "opposite"}:
                    continue
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    if obj.lower_ == "front":  # "in front of the embassy"
                        obj = next((g for c in obj.children if c.lower_ == "of" for g in c.children
                                    if g.dep_ == "pobj"), obj)
                    # ("outside the party's headquarters", "at their office": the protesters'
                    # own building is where they gather, not whom they face)
                    own = any(c.dep_ == "poss" and (c.lower_ in {"their", "its", "our"} or c.lemma_.lower() in {
                        "party", "group", "movement", "union", "coalition"}) for c in obj.children)
                    if obj.lemma_.lower() in sites and obj not in found and not own:
                        found.append(obj)
        return found

    def _marked_roles(self, trig: Trigger, sources: list[Token],
                      groups: list[list[Token]]) -> tuple[list[Token], list[list[Token]]]:
        """Roles of a PETRARCH verb pattern: its "+" and "$" marks first, then, as PETRARCH
        reads a verb phrase, every noun after the verb in its own phrase in order."""
        head, p = trig.head, trig.pattern
        after = _phrase_nouns(head)
        subj, _passive = self._subject(head)

        def marked(mark: tuple[str, int, int]) -> list[Token]:
            kind, slot, skips = mark
            if kind == "subject":
                return [subj] if subj is not None else []
            last = trig.tokens[slot].i if slot > 0 else head.i
            nouns = [t for t in after if t.i > last and t not in trig.tokens]
            return nouns[skips:skips + 1]

        if p.source_mark is not None:
            given = marked(p.source_mark)
            if given:
                if p.target_mark is None and subj is not None and p.source_mark[0] != "subject":
                    groups = [[subj]]  # "+ * MONEY $": the subject receives from the marked one
                sources = given
        if p.target_mark is not None:
            groups = [marked(p.target_mark)] + groups
        groups = groups + [[t] for t in after if t not in trig.tokens]
        return sources, groups

    # -- modality ------------------------------------------------------------------------
    def modality(self, trig: Trigger) -> tuple[str | None, bool, bool, str | None]:
        """(family, negated, hypothetical, governor lemma) of a trigger's clause."""
        head = trig.head
        clause = head
        if trig.pattern.noun and head.dep_ in {"dobj", "nsubjpass", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
            clause = head.head
            if head.dep_ == "dobj" and clause.lemma_.lower() in self.modal.get("prospects", ()) \
                    and clause.tag_ in {"VBZ", "VBP", "VB", "VBG"} \
                    and not any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in head.children):
                # "faces life imprisonment if convicted", "risks deportation": what may befall
                # someone, not what was done
                return "failure", False, True, None
        negated = any(c.dep_ == "neg" for c in clause.children) or any(
            c.dep_ == "neg" or c.lower_ == "no" and c.dep_ == "det" for c in head.children)
        if trig.pattern.noun and head.dep_ == "nsubj" and _occurrence_verb(head.head) \
                and any(c.dep_ == "neg" for c in head.head.children):
            negated = True  # "the talks did not take place", "the meeting never happened"
        if any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in {"nobody", "noone"} or c.lemma_.lower() == "one" and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in clause.children):
            negated = True  # "no one had been arrested", "nobody was hurt": it did not happen
        # "would not give permission to Russia to help Israel", "would not allow Kyiv to use its
        # airspace to help Chisinau": what a ruled-out act was for did not happen either
        up = clause
        for _ in range(3):
            if not (up.dep_ in {"advcl", "xcomp", "ccomp"} and _infinitive(up) and up.head.i != up.i):
                break
            up = up.head
            if any(c.dep_ == "neg" for c in up.children) and up.lemma_.lower() not in _UNDAUNTED:
                negated = True
                break
        future_aux = set(self.modal["future_aux"])
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        hypothetical = bool(auxes & future_aux)
        if clause.dep_ == "ROOT" and clause.tag_ == "VB" and "to" in auxes \
                and any(c.dep_ == "nsubj" for c in clause.children):
            hypothetical = True  # a headline's "Japan to provide grant for Sri Lanka": to come
        if not hypothetical and not negated and trig.pattern.code[:2] in {"04", "05", "06", "07", "08"} \
                and _purpose(clause):
            # "will send firefighters to help Bolivia": what a future act is for is future too
            main = clause
            for _ in range(4):
                if main.dep_ not in {"advcl", "xcomp"} or main.head.i == main.i:
                    break
                main = main.head
            hypothetical = bool({c.lower_ for c in main.children if c.dep_ == "aux"} & future_aux) or (
                main.i != clause.i and self.modal["governors"].get(main.lemma_.lower()) == "intent")
            # (and so is what a pledge is for: "pledged $700 million to help Sri Lanka recover")
        if hypothetical and "have" in auxes and clause.tag_ == "VBN":
            negated = True  # "would have renewed": a counterfactual, the act did not happen
        family, gov_lemma = None, None
        own = clause
        for _ in range(6):  # the verb of the trigger's own clause ("used" for "in an attack")
            if own.pos_ in {"VERB", "AUX"} or own.head.i == own.i:
                break
            own = own.head
        if own.dep_ == "acl" and own.tag_ == "VBG" and own.head.lemma_.lower() in _DOCUMENTS \
                and own.head.dep_ == "dobj" and (self.modal["governors"].get(own.head.head.lemma_.lower()) in {
                    "refusal", "failure"} or own.head.head.lemma_.lower() in self.modal.get("document_blockers", ())):
            # "Hungary vetoed an EU statement criticising China": the criticism was never made
            return "failure", negated, True, None
        if _conditional(own) or ((own.dep_ in {"acl", "ccomp"} or (own.dep_ == "relcl" and (own.tag_ == "VB" or any(
                # ("charges that it tortured a priest", its content clause read as a relative one)
                c.dep_ == "mark" and c.lower_ == "that" for c in own.children))))
                                 and own.head.pos_ == "NOUN" and own.head.lemma_.lower() in _UNPROVEN):
            # ("a proposal that Kyiv withdraw", its subjunctive read as a relative clause)
            # "unless Brasilia drops the case", "allegations that forces used chlorine": not a deed
            return "failure", negated, True, None
        if clause.dep_ == "acl" and _infinitive(clause):
            noun = clause.head.lemma_.lower()
            if self.modal["governors"].get(noun) in {"appeal", "demand", "threat", "refusal", "failure"}:
                # ("its refusal to cooperate", "the failure to curb imports": not done either)
                # "faces pressure from Congress to help Iran", "calls to release him": what is
                # asked for is the content of the appeal, coded by the noun, not a deed or an aim
                return "failure", negated, True, noun
            # "efforts to normalise ties", "a plan to withdraw": an aim, not a deed; "has no
            # plans to", "did not announce a plan to": none
            aim = clause.head
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in aim.children) or (
                    aim.dep_ in {"dobj", "attr"} and any(c.dep_ == "neg" for c in aim.head.children)):
                negated = True
            family, gov_lemma = "intent", noun
            return family, negated, hypothetical, gov_lemma
        # a noun inside a prepositional phrase ("took part in the killing") is governed from its
        # own clause's verb when no governor takes it across the preposition
        starts = [clause] + ([own] if own.i != clause.i and own.pos_ in {"VERB", "AUX"} else [])
        if trig.pattern.noun and _meeting_adjunct(head, trig.pattern.code, self.display_verbs):
            # "discussed the war in a phone call with X": the call is governed as its clause is
            verb = head.head.head
            starts = [verb]  # (and it took place even when what was said there was not)
            hypothetical = bool({c.lower_ for c in verb.children if c.dep_ == "aux"} & future_aux)
        for start in starts:
            family, gov_lemma, gov_negated = self._governor(start)
            if family is not None:
                negated = negated or gov_negated
                break
        said = clause
        self._absorbed = None
        if family == "intent" and self._gov_token is not None:
            said = self._gov_token  # "said Russia must first agree to a ceasefire": the agreeing is demanded
        shared = None
        self._joined = False
        if family is None and said.dep_ == "conj" and said.pos_ in {"VERB", "AUX"} and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in said.children):
            # "Israel must withdraw its troops and release the prisoners, the minister said":
            # a verb joined to another with no subject or auxiliary of its own shares its "must"
            shared = said
            while shared.dep_ == "conj" and shared.head.i != shared.i:
                shared = shared.head
            said = shared
        if family in {None, "intent"} and said.dep_ == "ccomp" and said.head.i != said.i \
                and said.head.lemma_.lower() in self.modal["tone"]["speech_verbs"]:
            clause = said
            # "Iran said the US must lift sanctions": the speaker demands; "should": appeals
            aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
            obliged = "demand" if aux & set(self.modal["stance"]["demand_aux"]) else (
                "appeal" if aux & set(self.modal["stance"].get("appeal_aux", ())) else None)
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if obliged and not negated and subject is not None and subject.pos_ != "PRON" and not (
                    family == "intent" and clause is not said):
                family, gov_lemma = obliged, clause.head.lemma_.lower()
                self._joined = shared is not None
                if clause is not trig.head and clause.pos_ in {"VERB", "AUX"} and shared is None:
                    self._absorbed = clause  # the demanded "agree" is no event of its own
                self._gov_token = clause.head
                hypothetical = False
        if family is None and trig.pattern.noun:
            gov = _governing_verb(head) if head.dep_ != "dobj" else head.head
            gov = gov if gov is not None and gov.pos_ in {"VERB", "AUX"} else None
            fam = self.modal["governors"].get(gov.lemma_.lower()) if gov is not None else None
            if fam in {"demand", "appeal"} and head.dep_ == "dobj" and any(
                    c.dep_ in {"xcomp", "ccomp"} and c.i > head.i and _infinitive(c) for c in gov.children):
                # "ordered the UN peacekeeping mission to leave": the mission is the one ordered
                return "failure", negated, True, None
            if head.dep_ == "dobj" and gov is not None and any(c.dep_ == "oprd" for c in gov.children):
                # "called the arrest of its diplomat a provocation": an act named, by whoever
                # names it, is what the naming is about, not news of its own
                return "failure", negated, True, None
            if fam in {"demand", "appeal", "intent", "threat"} and head.dep_ == "dobj":
                family, gov_lemma = fam, gov.lemma_.lower()
                self._gov_token = gov
            elif fam in {"refusal", "failure"}:
                # "Hungary vetoed a package of EU sanctions": the sanctions were not imposed
                family, gov_lemma = fam, gov.lemma_.lower()
                self._gov_token = gov
        if family is None and clause.pos_ in {"VERB", "AUX"} and clause.dep_ in {"ROOT", "conj"} and any(
                c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children) \
                and any(c.dep_ == "auxpass" for c in clause.children):
            # "the agreement must still be ratified by the Diet": what has yet to be done
            return "failure", negated, True, None
        if family is None and trig.pattern.noun and any(
                (c.dep_ == "det" and c.lower_ == "any") or (c.dep_ == "amod" and c.lower_ in _SUPPOSED)
                for c in head.children):
            # "would respond to any provocation", "condemned any attack on civilians", "a
            # possible strike": an act supposed, not one that happened
            return "failure", negated, True, None
        if family not in {None, "claim", "failure"} and self._gov_token is not None:
            # "alleged that the army helped to plan the massacres": a plan only alleged is an
            # allegation too
            inner_gov = self._gov_token
            outer, outer_lemma, _neg = self._governor(inner_gov)
            if outer == "claim":
                family, gov_lemma = outer, outer_lemma
            elif family == "intent" and outer in {"appeal", "demand"} and inner_gov.lemma_.lower() in \
                    self.modal.get("concluding_governors", ()):
                # "urged Israel and Hamas to agree to a ceasefire": the appeal is for the truce,
                # addressed to those urged; their agreeing is no act of theirs yet
                family, gov_lemma = outer, outer_lemma
                self._absorbed = inner_gov
            else:
                self._gov_token = inner_gov
        return family, negated, hypothetical, gov_lemma

    def _governor(self, cur: Token) -> tuple[str | None, str | None, bool]:
        """(family, governor lemma, governor negated?) of the verb governing clause `cur`; an
        aim or an appeal that is itself only alleged ("accused Eritrea of preparing to wage
        war") is alleged."""
        fam, lemma, neg = self._governor_once(cur)
        gov = getattr(self, "_gov_token", None)
        if fam in {"intent", "threat", "appeal", "demand", "consider"} and gov is not None:
            outer = self._governor_once(gov)
            if outer[0] in {"alleged", "claim", "failure"}:
                return outer
            self._gov_token = gov
        return fam, lemma, neg

    def _governor_once(self, cur: Token) -> tuple[str | None, str | None, bool]:
        """(family, governor lemma, governor negated?) of the nearest governing verb."""
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() == "be" and _infinitive(cur) and cur.head.i != cur.i:
            # "the presidents are to meet next month": what is set to happen is an aim
            self._gov_token = cur.head
            return "intent", "be", any(c.dep_ == "neg" for c in cur.head.children)
        for _ in range(4):
            while cur.dep_ == "conj" and cur.head.dep_ in {"conj", "pcomp"} and cur.head.i != cur.i \
                    and not any(c.dep_ in _SUBJ for c in cur.children):
                cur = cur.head  # "..., contributed to X and took part in Y": the first conjunct
            if cur.dep_ == "conj" and cur.head.dep_ in {"xcomp", "ccomp"} and (
                    any(c.dep_ == "mark" for c in cur.children) or not any(c.dep_ in _SUBJ for c in cur.children)):
                # "alleged that France knew, and that its military helped ...": the second
                # complement has the first one's governor
                cur = cur.head
            gov_fam = self.modal["governors"].get(cur.head.lemma_.lower())
            if cur.dep_ == "advcl" and cur.head.i != cur.i and _infinitive(cur) and gov_fam in {"appeal", "demand"} \
                    and any(c.dep_ == "prep" and c.lower_ == "for" and c.i < cur.i for c in cur.head.children):
                # "appealed to donors for $1.8 billion to support refugees": what the money is
                # for, not a deed of anyone's
                return "failure", cur.head.lemma_.lower(), False
            asked = cur.dep_ == "advcl" and cur.head.i != cur.i and _infinitive(cur) and (
                gov_fam in {"appeal", "demand"}
                # "offered on Tuesday to host talks", parsed as a purpose clause: the offer's own
                # infinitive when the verb has no object of its own
                or gov_fam in {"intent", "threat", "refusal", "failure"} and cur.i > cur.head.i
                and not any(c.dep_ in {"dobj", "dative"} for c in cur.head.children))
            # "alleged that A ..., and that B ...", the second "that" clause parsed as a conjunct
            # of the verb that governs both
            marked_conj = cur.dep_ == "conj" and cur.head.i != cur.i and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
            if (cur.dep_ in {"xcomp", "ccomp"} or asked or marked_conj) and cur.head.i != cur.i:
                # ("pressured X to help", parsed as a purpose clause, is still what X is asked)
                gov = cur.head
                fam = self.modal["governors"].get(gov.lemma_.lower())
                if _naming(gov):
                    fam = None
                infinitive = _infinitive(cur)
                warned_future = fam == "threat" and cur.dep_ == "ccomp" and any(
                    c.dep_ == "aux" and c.lower_ in self.modal["future_aux"] for c in cur.children)
                if fam == "refusal" and cur.dep_ == "ccomp" and not infinitive:
                    # "rejected charges that its police tortured students", the charge's content
                    # read as the verb's clause: what is rejected as untrue did not happen
                    fam = "failure"
                if fam and (cur.dep_ in {"xcomp", "advcl"} or infinitive or warned_future
                            or fam in {"demand", "appeal", "claim", "failure"}):
                    # ("warned that his supporters would take to the streets": a threat too)
                    self._gov_token = gov
                    return fam, gov.lemma_.lower(), any(c.dep_ == "neg" for c in gov.children)
                cur = gov
                continue
            if cur.dep_ in {"pcomp", "pobj"} and cur.head.head.i != cur.head.i \
                    and cur.head.lower_ not in _SETTING_PREPS:
                # the governor across a preposition: "called for talks", "demanded an end to",
                # "accused Russia of shelling", "by continuing to attack" ("in a statement,
                # X called ...": a setting, governed by nothing)
                gov = cur.head.head
                fam = self.modal["governors"].get(gov.lemma_.lower())
                if _naming(gov):
                    fam = None  # "called the incident an act of aggression": naming, no appeal
                if not fam and gov.pos_ in {"VERB", "AUX"}:
                    # "traded accusations of breaking the truce": the light verb's noun governs
                    noun = next((c for c in gov.children if c.dep_ == "dobj"
                                 and self.modal["governors"].get(c.lemma_.lower()) == "alleged"), None)
                    if noun is not None:
                        gov, fam = noun, "alleged"
                if fam:
                    self._gov_token = gov
                    return fam, gov.lemma_.lower(), False
                if gov.pos_ in {"VERB", "AUX"}:
                    cur = gov  # "alleged that the army contributed to planning it": on upwards
                    continue
            break
        return None, None, False

    def recode(self, code: str, family: str | None, hypothetical: bool) -> str | None:
        """The code an act takes under a governing verb or the future tense (None: no event)."""
        if family is None and hypothetical:
            family = "intent" if code[:2] in {"04", "05", "06", "07", "08"} else (
                "threat" if code[:2] in {"15", "17", "18", "19", "20"} else None)
        if family is None:
            return code
        gov = self._gov_token.lemma_.lower() if getattr(self, "_gov_token", None) is not None else None
        if code[:2] == "03" and family in {"demand", "appeal"} and gov in self.modal["tone"]["speech_verbs"]:
            # "told reporters that Ethiopia must agree": agreeing is what the speaker demands
            return self.modal["families"][family]["general"]
        if family == "demand" and gov == "order" and code[:2] in {"16", "17"}:
            # "ordered the ICRC to close its offices", "ordered the envoy to leave": an authority's
            # order to cut ties or to coerce is the act itself
            return code
        if code[:2] == "01" and family in {"demand", "appeal"}:
            # "demanded that Russia admit guilt", "urged him to apologise": the statement asked
            # for is not made; what is told is the demand
            return self.modal["families"][family]["general"]
        if family == "failure":
            return None  # "if both parties agree", "failed to agree": no words were given either
        if code[:2] in {"01", "02", "03", "10", "13"} or family == "claim":
            return code  # already a verbal act; a claim is recoded once its parties are known
        if family == "intent" and code.startswith("0871") and gov in self.modal.get("concluding_governors", ()) \
                and self._gov_token is not None and self._gov_token.tag_ in {"VBD", "VBN", "VBZ"} \
                and self._gov_token.dep_ not in {"xcomp", "acl", "relcl"} \
                and not {c.lower_ for c in self._gov_token.children if c.dep_ == "aux"} & set(self.modal["future_aux"]):
            return code  # "India and Pakistan agreed to a ceasefire": a truce concluded is declared
        spec = self.modal["families"][family]
        if spec["general"] is None:
            return None
        if family == "refusal":
            return self.reject_code(code)
        if family == "consider":
            return spec["general"]
        gov = self._gov_token.lemma_.lower() if getattr(self, "_gov_token", None) is not None else None
        if family == "intent" and code[:2] == "15" and gov in self.modal.get("cooperative_governors", ()):
            return self.modal["cooperative_posture"]  # "agreed to send troops to X": help
        if family == "threat" or (family == "intent" and code[:2] in self.modal["threats"]
                                  and code[:2] not in {"14", "16"}):
            # "threatened to strike", "vowed to attack": a threat (13x)
            threats = self.modal["threats"]
            return threats.get(code[:3]) or threats.get(code[:2], spec["general"])
        prefix = {"intent": "03", "appeal": "02", "demand": "10"}[family]
        slots = self.modal["slots"]
        for n in (4, 3, 2):
            slot = slots.get(code[:n])
            if slot:
                candidate = prefix + slot
                if candidate in self.ontology.codes:
                    return candidate
                if candidate[:3] in self.ontology.codes:
                    return candidate[:3]
        if family == "intent" and code[:2] in {"11", "12", "14", "16", "17", "18", "19", "20", "15", "09"}:
            return code
        return spec["general"]

    def reject_code(self, code: str) -> str | None:
        """12x for a refused cooperative act; None for anything else (no event)."""
        table = self.modal["rejects"]
        for n in (3, 2):
            if code[:n] in table:
                return table[code[:n]]
        return None

    # -- events --------------------------------------------------------------------------
    def code_doc(self, doc: Doc, resolver: ActorResolver, mentions: Mentions | None = None,
                 from_caption: bool = False, base_offset: int = 0,
                 trace: list | None = None) -> list[Event]:
        mentions = mentions or find_mentions(doc, self.dictionary, self.nlp)
        if resolver.main_country is None:
            resolver.main_country = main_country([mentions], [doc])
        events: list[Event] = []
        for sent_index, sent in enumerate(doc.sents):
            sent_events: list[Event] = []
            self._governors: set[int] = set()
            for trig in self._sent_triggers(doc, sent):
                named = mentions.names.get(trig.head.i)
                if trig.pattern.noun and named is not None and named[0].kind == "org" and named[2] - named[1] > 1:
                    continue  # "the King Salman Humanitarian Aid and Relief Centre" is a name, not aid
                before = set(self._governors)
                found = self._events_for(trig, sent, sent_index, resolver, mentions,
                                         from_caption, base_offset, trace)
                if not found:
                    # an embedded act that made no event leaves its governor's own event standing
                    self._governors = before
                sent_events.extend(found)
                # "received the Chinese vice premier, and the two sides signed": the pair of
                # this sentence's two-sided act, for "the two sides" later in it
                self._remember_pair(resolver, found)
            # "urged X to withdraw" is one appeal (0256), not also a bare appeal (020) by "urge"
            sent_events = [e for e in sent_events if not (
                e.trigger_start in self._governors and e.cameo[:2] in {"01", "02", "03", "10", "13"})]
            # "X must resign and take responsibility, Y said": one demand of X, told by its first
            # verb; a joined verb that makes only a general demand of the same party adds nothing
            # ("must withdraw its troops and release the prisoners" are two demands)
            firsts = {(e.source.code, e.target.code if e.target else None, e.cameo[:2])
                      for e in sent_events if not getattr(e, "_joined", False)}
            sent_events = [e for e in sent_events if not (getattr(e, "_joined", False) and len(e.cameo) == 3
                                                          and e.cameo.endswith("0") and (
                e.source.code, e.target.code if e.target else None, e.cameo[:2]) in firsts)]
            # "reaffirmed Qatar's commitment", "expressed its own regret": a word, an appeal, an
            # intent or a gesture is never addressed to its own maker
            for e in sent_events:
                if e.target is not None and e.target.code == e.source.code and e.cameo[:2] in {"01", "02", "03", "05"}:
                    e.target = None
            # "the two leaders agreed to continue the talks": each of a pair that acts together
            # with no one else named acts with the other
            paired: dict[int, list[Event]] = {}
            for e in sent_events:
                if e.target is None and e.source.rule == "coreference-pair":
                    paired.setdefault(getattr(e, "_trigger_i", -1), []).append(e)
            for pair in paired.values():
                if len(pair) == 2 and pair[0].source.code != pair[1].source.code:
                    pair[0].target, pair[1].target = pair[1].source, pair[0].source
            sent_events = self._fold_victims(doc, self._fold_tolls(sent_events))
            sent_events = self._merge_means(doc, sent_events)
            self._share_targets(doc, sent_events)
            # a bare statement (010) adds nothing when the sentence reports a coded act
            if any(e.cameo[:2] != "01" for e in sent_events) or any(
                    e.cameo != "010" and e.target is not None for e in sent_events):
                # (also when the sentence's news is a comment with a party: "Mexico is weighing
                # tariffs on US steel, the president told reporters")
                sent_events = [e for e in sent_events if e.cameo != "010"]
                for e in sent_events:
                    if e.cameo[:2] == "01":  # the reported act is the news, its tone second
                        e.confidence = round(e.confidence - 0.1, 2)
            # "said he was optimistic that Beijing would lift its curbs": another's act only
            # hoped for or feared is the speaker's comment, not the other's intent or threat
            # (a speaker who comes after what is told attributes it: "X ordered ..., Y said")
            hoped = {(i, e.source.code) for e in sent_events if e.cameo[:3] in {"012", "013"}
                     and not _attribution(doc[e._trigger_i])
                     for c in doc[e._trigger_i].children if c.dep_ == "ccomp" and c.i > e._trigger_i
                     for i in (t.i for t in c.subtree)}
            speakers = {code for _i, code in hoped}
            sent_events = [e for e in sent_events if not (
                e.hypothetical and e.cameo[:2] != "01" and e.source.code not in speakers
                and any(i == e._trigger_i for i, _c in hoped))]
            # "Thai and Cambodian officials held talks ..., Malaysia's foreign ministry said": a
            # third party's words after others' coded acts report them; their tone is no news
            others = {e.source.code for e in sent_events if e.cameo[:2] != "01"}
            sent_events = [e for e in sent_events if not (
                e.cameo[:2] == "01" and e.cameo[:3] in {"012", "013"} and _attribution(doc[e._trigger_i])
                and others)]
            # "Floods killed 40 people, officials said": a source named after what it told is the
            # attribution of a report, not a statement that is news of its own
            sent_events = [e for e in sent_events if not (
                e.cameo == "010" and e.target is None and _attribution(doc[e._trigger_i]))]
            # "the USGS said the quake was centred 40 km north", "traders said prices would
            # fall": what is said names no actor, so the saying is no political statement
            sent_events = [e for e in sent_events if not (
                e.cameo == "010" and e.target is None and _names_no_actor(doc[e._trigger_i], mentions)
                and not self._tells_event_noun(doc[e._trigger_i]))]
            # "traders said the central bank had burned through reserves", "residents say they
            # are used to the sirens": bystanders' words with no one addressed are colour, not a
            # political statement
            sent_events = [e for e in sent_events if not (
                e.cameo == "010" and e.target is None and e.source.sector in _BYSTANDERS
                and e.source.name is None and e.source.rule.startswith("agent"))]
            # "a day after she was detained", "was first jailed in 2020": an act with neither
            # its doer nor whom it was done to named is a passing mention, not news
            sent_events = [e for e in sent_events if not (
                e.target is None and e.source.rule == "implicit" and e.cameo[:2] == "17"
                and _in_passing(doc[e._trigger_i]))]
            if sent_events and self._about_sport(doc, sent):
                sent_events = [e for e in sent_events if e.source.rule in _NAMED_BY_OWN_WORDS]
            sent_events = self._protest_demands(doc, sent_events)
            # "condemned what it called an Israeli aggression": the same act by the same doer,
            # told once with whom it faces and once without, is one event
            aimed = {(e.source.code, e.cameo[:2]) for e in sent_events if e.target is not None}
            sent_events = [e for e in sent_events if e.target is not None
                           or (e.source.code, e.cameo[:2]) not in aimed]
            self._reaction_targets(doc, events, sent_events)
            self._answered_attacks(doc, events, sent_events)
            self._their_release(doc, events, sent_events)
            self._state_act_targets(doc, events, sent_events)
            sent_events = self._repelled_attacks(doc, sent_events)
            self._summary_targets(doc, sent_events)
            events.extend(sent_events)
            events = self._credit_claims(doc, events)
            events = self._resume_attacks(doc, events, sent_index)
            protests = [e.source for e in sent_events if e.source.sector in _CROWD_SECTORS and (
                e.cameo[:2] == "14" or e.cameo[:2] in {"17", "18"} and e.source.rule.startswith("agent"))]
            if protests:  # "the crowd" in a later sentence is these people
                resolver.last_crowd = list({a.code: a for a in protests}.values())
            attackers = [e.source for e in sent_events if e.cameo[:2] in {"18", "19", "20"}
                         and e.source.sector in {"REB", "UAF", "CRM"} and e.source.rule != "implicit"]
            if attackers:  # "the attackers" in a later sentence are these men
                resolver.last_attackers = list({a.code: a for a in attackers}.values())
            self._remember_pair(resolver, sent_events)
            # remember subjects for pronouns in later sentences
            for tok in sent:
                if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ in {"PROPN", "NOUN"}:
                    resolver.resolve(tok, mentions)
            resolver.note_people(sent, mentions)  # "elected Joseph Aoun ... telephoned Aoun"
            resolver.note_orgs(sent, mentions)  # "struck Hezbollah positions ... the group"
        return events

    def _occasion_targets(self, anchor: Token, source: Actor, resolver: ActorResolver,
                          mentions: Mentions, code: str = "") -> list[Actor]:
        """Whom an act of force faces when its occasion is named: protesters for "during the
        protests", the other party for "amid tensions with Iran"."""
        spec = self.modal.get("occasion") or {}
        nouns = _prep_objects(anchor, tuple(spec.get("preps", ())), [])
        for adv in (c for c in anchor.children if c.dep_ == "advmod" and c.lower_ in {"ahead", "prior"}):
            nouns += _prep_objects(adv, ("of", "to"), [])  # "ahead of the rally"
        for noun in list(nouns):
            if noun.lemma_.lower() in spec.get("spans", ()):  # "after weeks of street protests"
                nouns += _prep_objects(noun, ("of",), [])
        for noun in nouns:
            # ("following threatening statements by Indian leaders": whose act occasioned it)
            parties = _prep_objects(noun, ("with", "between", "against", "by"), [])
            found = [a for t in parties for a in resolver.resolve_all(t, mentions)]
            if found:
                return found
            if noun.lemma_.lower() in spec.get("protest_nouns", ()) and source.country and len(source.country) == 3:
                return [Actor(code=source.country + "OPP", country=source.country, sector="OPP",
                              text=_phrase_text(noun, noun.text), rule="occasion")]
        # (the clause may hang on a verb joined to this one: "put its forces on alert and
        # ordered them to ... after North Korea announced ...")
        joined = [c for c in anchor.children if c.dep_ == "conj"] + (
            [anchor.head] if anchor.dep_ == "conj" else [])
        joined += [x for v in joined for x in v.children if x.dep_ == "xcomp"]
        clauses = [c for v in [anchor] + joined for c in v.children]
        for clause in (clauses if code[:3] in {"150", "151", "152"} else []):
            # "put its forces on alert after Chinese warships were spotted", "after India vowed
            # to retaliate": a show of force answers the one whose act occasioned it
            if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in spec.get("preps", ())
                                                 for m in clause.children):
                continue
            doers = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
            found = [a for t in doers for a in resolver.resolve_all(t, mentions)
                     if a.country and a.country != source.country]
            if found:
                return found
        return []

    def _context_noun(self, noun: Token) -> bool:
        """Whether an event noun only gives the setting of another clause (modality `context`)."""
        spec = self.modal.get("context") or {}
        head = _first_conjunct(noun)
        while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i:
            head = head.head  # "condemns ramming of fishing boat": the phrase the word is part of
        if head.dep_ == "pobj" and head.head.lower_ in spec.get("preps", ()):
            return True
        outer = head
        for _ in range(2):  # "before any return to negotiations": through the noun it completes
            if not (outer.dep_ == "pobj" and outer.head.lower_ in {"to", "of"} and outer.head.head.pos_ == "NOUN"):
                break
            outer = outer.head.head
            if outer.dep_ == "pobj" and outer.head.lower_ in spec.get("preps", ()):
                return True
        if head.dep_ == "pobj" and head.head.lower_ in {"of", "to"}:
            before = head.head.head  # "ahead of", "on the eve of", "in the run-up to"
            word = "-".join(t.lower_ for t in before.children if t.dep_ == "compound") + "-" + before.lower_
            if before.lower_ in spec.get("ahead", ()) or word.strip("-") in spec.get("ahead", ()):
                return True
        if head.dep_ == "pobj" and head.head.lower_ in spec.get("answer_preps", ()) \
                and head.head.head.lemma_.lower() in spec.get("answers", ()):
            return True
        if head.dep_ == "dobj" and head.head.lemma_.lower() in spec.get("avenge", ()):
            return True
        if head.dep_ in {"dobj", "nsubjpass", "nsubj"}:  # (a headline's subject: "Curfew lifted in ...")
            if head.head.lemma_.lower() in spec.get("lifted", ()):
                return True  # "lifted the curfew", "Curfew lifted in Kathmandu": the easing is the news
        if head.dep_ == "pobj" and head.head.lower_ in spec.get("charge_preps", ()) \
                and head.head.head.lemma_.lower() in spec.get("charged", ()) and head.head.head.tag_ in {"VBN", "VBD"} \
                and head.head.head.dep_ in {"acl", "relcl"}:
            return True  # "militants wanted for a bombing": the charge against them
        banned = spec.get("banned", ())
        if head.dep_ == "pobj" and head.head.lower_ in {"on", "of", "against"} \
                and head.head.head.lemma_.lower() in banned or \
                head.dep_ == "dobj" and head.head.lemma_.lower() in banned:
            return True
        return head.dep_ == "dobj" and head.head.lemma_.lower() in (self.modal.get("comment_on_acts") or ())

    def _answered(self, trig: Trigger, groups: list[list[Token]]) -> list[list[Token]]:
        """"Vowed to retaliate against Pakistan for the massacre of tourists": an answer never
        faces the people of the act it answers, only, when named, that act's doer ("to avenge
        the killing of its soldiers by Pakistani troops", "respond to any Azerbaijani
        provocation"; modality `context.answers`)."""
        spec = self.modal.get("context") or {}
        answers, preps = spec.get("answers", ()), spec.get("answer_preps", ())
        reasons = []
        for t in trig.tokens:
            if t.lemma_.lower() in spec.get("avenge", ()):
                reasons += [c for c in t.children if c.dep_ == "dobj"]
            if t.lemma_.lower() in answers:
                reasons += [g for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                            for g in c.children if g.dep_ == "pobj"]
        if not reasons:
            return groups
        inside = {x.i for r in reasons for x in r.subtree}
        # the doer: "by Pakistani troops", or named on the act ("any Azerbaijani provocation")
        doers = [g for r in reasons for c in r.children if c.dep_ == "agent" or c.lower_ == "by"
                 for g in c.children if g.dep_ == "pobj"]
        # "to naval drills that Japan and the Philippines staged": the subject of the act's clause
        doers += [g for r in reasons for c in r.children if c.dep_ == "relcl"
                  for g in c.children if g.dep_ == "nsubj" and g.pos_ in {"PROPN", "NOUN"}]
        if not doers:
            doers = [r for r in reasons if any(c.dep_ in {"poss", "amod", "compound", "nmod"} for c in r.children)]
        kept = [[t for t in g if t.i not in inside] for g in groups]
        return [g for g in kept if g] + ([doers] if doers else [])

    def _command(self, trig: Trigger, family, code, src_toks, sources, resolver, mentions, hypothetical):
        """An authority's order to its own, or to no one named, to free, withdraw, expel or
        arrest is that act, done by the one who ordered it (modality `command`)."""
        spec = self.modal.get("command") or {}
        base = self._means_code(trig) or trig.pattern.code
        if self._gov_token.lemma_.lower() not in spec.get("governors", ()) \
                or not base.startswith(tuple(spec.get("codes", ()))):
            return family, code, src_toks, sources
        boss_tok, _p = self._subject(self._gov_token)
        bosses = resolver.resolve_all(boss_tok, mentions) if boss_tok is not None else []
        if not bosses or any(b.sector not in spec.get("authorities", ()) for b in bosses):
            return family, code, src_toks, sources
        home = {b.country for b in bosses}
        if any(a.sector not in spec.get("subordinates", ()) or a.country not in home | {None}
               and a.rule not in {"agent+main-country", "implicit"} for a in sources):
            return family, code, src_toks, sources  # "ordered the French ambassador to leave"
        return None, self.recode(base, None, hypothetical), [boss_tok], bosses

    def _mass_act(self, trig: Trigger, code: str, target: Actor) -> str | None:
        """The code of a mass act (modality `mass_acts`) when the act names people in large
        numbers as its victims: "killed more than 70 villagers" (202), "expelled 13,000
        migrants" (201); None otherwise."""
        for spec in (self.modal.get("mass_acts") or {}).values():
            if code not in spec.get("codes", ()) or trig.head.lemma_.lower() not in spec.get("verbs", ()) \
                    or target.sector not in spec.get("victims", ()) or not target.text:
                continue
            head = trig.head
            means = set(self.modal.get("military_means") or ()) | set(self.modal.get("bombing_means") or ()) \
                | set(spec.get("means") or ())
            doers = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            doers += [g for c in head.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by", "during"}
                      for g in c.children if g.dep_ == "pobj"]
            if any(d.lemma_.lower() in means for d in doers):
                continue  # "an air strike killed 50 civilians": an attack by its means
            if self._victim_count(head, spec) >= spec.get("min_victims", 30):
                return spec["result"]
        return None

    def _victim_count(self, head: Token, spec: dict) -> int:
        """The number the act's object or passive subject counts ("more than 13,000 migrants",
        "hundreds of civilians"), 0 when it names none."""
        counts = self.modal.get("victim_counts") or {}
        for v in (c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}):
            # "hundreds of thousands of Afghans": the largest count word is the count
            found = [int(w) if w.isdigit() else counts[w] for w in (t.lower_.replace(",", "") for t in
                     list(v.subtree)[:8]) if w.isdigit() or w in counts]
            if found:
                return max(found)
        return 0

    def _jailer(self, person: Token) -> Token | None:
        """Who holds the people whose release is asked (modality `jailers`): "prisoners held in
        Israeli jails" (Israeli), "aid workers detained by the Houthis" (the Houthis)."""
        spec = self.modal.get("jailers") or {}
        for cand in [person] + _prep_objects(person, ("of",), []):
            for c in cand.children:
                if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_.lower() not in spec.get("verbs", ()):
                    continue
                agent = _agent(c)
                if agent is not None:
                    return agent
                for place in _prep_objects(c, ("in",), []):
                    if place.lemma_.lower() in spec.get("places", ()):
                        return next((g for g in place.children if g.dep_ in {"amod", "poss", "compound", "nmod"}
                                     and g.pos_ in {"PROPN", "ADJ", "NOUN"}), None)
                    if place.ent_type_ == "GPE" and place.pos_ == "PROPN":
                        return place  # "journalists held in Iran": the state they are held in
                # "citizens detained during a police raid on a site in the Moscow region": the
                # state of the place named in how they came to be held
                for t in c.subtree:
                    obj = t if t.dep_ == "pobj" else t.head if t.dep_ in {"compound", "nmod"} else None
                    if obj is not None and obj.dep_ == "pobj" and obj.head.lower_ == "in" \
                            and t.ent_type_ == "GPE" and t.pos_ == "PROPN":
                        return t
        return None

    def _custody_state(self, trig: Trigger) -> bool:
        """Whether a custody noun tells a state someone is in ("remains under house arrest",
        "freed from detention"), not an arrest (modality `custody_state`)."""
        spec = self.modal.get("custody_state") or {}
        head = _first_conjunct(trig.head)
        if not trig.pattern.code.startswith(tuple(spec.get("codes", ()))) or head.dep_ != "pobj" \
                or head.head.lower_ not in spec.get("preps", ()):
            return False
        return head.head.head.lemma_.lower() not in spec.get("placing", ())

    def _commented(self, trig: Trigger) -> bool:
        """Whether an event noun is the object of a protest, criticism or comment ("protest the
        arrest", "condemned the detention")."""
        head = _first_conjunct(trig.head)
        if head.dep_ != "dobj":
            return False
        # (the verbs of `comment_on_acts` drop such a noun before it gets here: `_context_noun`)
        cache = getattr(self, "_trigger_cache", None)
        return cache is not None and any(
            t.head.i == head.head.i and t.pattern.code[:2] in {"01", "11", "12", "14"} for t in cache[1])

    def _as_doer_of_noun(self, tok: Token, actor: Actor) -> Actor:
        """A state named as the modifier of another coded act ("an investigation into the
        Russian missile strike", "condemned Israeli air strikes") is the doer of that act, with
        the sector that act gives it (its forces), not its people. A state named on its
        military things ("would strike US bases") is its forces too."""
        if actor.rule == "modifier" and actor.sector == "GOV" and tok.lower_ in _MILITARY_THINGS \
                and actor.country and len(actor.country) == 3:
            return dc_replace(actor, code=actor.country + "MIL", sector="MIL")
        if actor.rule not in {"demonym", "demonym-modifier", "country", "metonymy"}:
            return actor
        cache = getattr(self, "_trigger_cache", None)
        if cache is None:
            return actor
        heads = {tok.i} | ({tok.head.i} if tok.dep_ in {"amod", "compound", "nmod"} else set())
        noun = next((t for t in cache[1] if t.pattern.noun and t.head.i in heads
                     and t.pattern.code[:2] in _HOSTILE), None)
        return self._modifier_actor(actor, noun.pattern.code) if noun is not None else actor

    def _reason_of_praise(self, trig: Trigger) -> bool:
        """"thanked China for its assistance", "expressed appreciation for Qatar's mediation":
        the act praised is the reason of the praise, told as known, not reported as news."""
        head = trig.head
        if not trig.pattern.noun or head.dep_ != "pobj" or head.head.lower_ not in {"for", "on", "about"}:
            return False
        owner = head.head.head
        cache = getattr(self, "_trigger_cache", None)
        if cache is None:
            return False
        if head.head.lower_ != "for":
            # "declined to comment on remarks by the Finnish president": the remarks are the topic
            return trig.pattern.code[:2] == "01" and any(
                t.pattern.code[:2] == "01" and (owner.i == t.head.i or owner in t.tokens)
                for t in cache[1] if t is not trig)
        return any(t.pattern.code[:2] in {"01", "05"} and t.pattern.code not in {"010", "011", "012"}
                   and (owner.i == t.head.i or owner in t.tokens) for t in cache[1] if t is not trig)

    def _share_targets(self, doc: Doc, events: list[Event]) -> None:
        """"demanded a pay rise from the government, threatening a strike": an act told in a
        participle clause of another act by the same doer faces the same party; so does one of
        two conjoined acts of one kind ("laid down their arms and surrendered to Russian forces")."""
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if e.target is not None or i is None:
                continue
            if doc[i].dep_ == "advcl" and doc[i].tag_ == "VBG":
                near = {doc[i].head.i}
                same_kind = False
            else:
                near = {c.i for c in doc[i].children if c.dep_ == "conj"} | (
                    {doc[i].head.i} if doc[i].dep_ == "conj" else set())
                same_kind = True
            # "arrested and beat dozens of students": a verb with no object of its own shares the
            # object of the verb conjoined after it, whatever that verb's kind
            # (an object after the conjunct, "..., the largest mass deportation", is a summary)
            shares = {c.i for c in doc[i].children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and any(o.dep_ == "dobj" for o in c.children) and not any(
                          o.dep_ in {"dobj", "dative", "attr", "ccomp", "xcomp"} and o.i < c.i
                          for o in doc[i].children)} if doc[i].pos_ == "VERB" else set()
            main = [o for o in events if o is not e and o.target is not None
                    and getattr(o, "_trigger_i", None) in near and o.source.code == e.source.code
                    and (not same_kind or o.cameo[:2] == e.cameo[:2] or getattr(o, "_trigger_i", None) in shares)]
            if len(main) == 1:
                e.target = main[0].target
                e.confidence = round(e.confidence + 0.1, 2)

    def _fold_victims(self, doc: Doc, events: list[Event]) -> list[Event]:
        """"Three civilians were killed when a drone struck their car": the killing with no doer
        is the toll of the attack told in its "when" clause, one fact, by the attack's doer."""
        violent = {"18", "19", "20"}
        drop: set[int] = set()
        for k, e in enumerate(events):
            i = getattr(e, "_trigger_i", None)
            if i is None or e.cameo[:2] not in violent or e.source.rule not in {"implicit", "implicit+setting"} \
                    or e.target is None:
                continue
            # ("were killed and 17 wounded when a bomb went off": the clause may hang on the conjunct)
            verbs = [doc[i], *(c for c in doc[i].children if c.dep_ == "conj")]
            clauses = {t.i for v in verbs for c in v.children if c.dep_ == "advcl"
                       and any(m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "as", "after"}
                               for m in c.children) for t in c.subtree}
            attacks = [o for o in events if o is not e and o.cameo[:2] in violent
                       and getattr(o, "_trigger_i", None) in clauses]
            if not attacks:
                continue
            unconv = self.modal.get("unconventional") or {}
            for o in attacks:
                if o.target is None or o.target.rule == "place":
                    o.target = e.target
                    if o.cameo in unconv.get("codes", ()) and o.source.sector in unconv.get("sources", ()) \
                            and (e.target.sector or "CVL") in unconv.get("targets", ()):
                        # "killed when armed men fired on their camp": civilians shot, no battle
                        info = self.ontology.get(unconv["code"])
                        o.cameo, o.plover, o.mode = unconv["code"], info.plover, info.mode
                        o.goldstein, o.quad_class = info.goldstein, info.quad_gdelt
            drop.add(k)
        return [e for k, e in enumerate(events) if k not in drop]

    def _fold_tolls(self, events: list[Event]) -> list[Event]:
        """"..., killing four people" after an attack is that attack's toll, one fact: it names
        whom the attack hit when the attack names no one, and is no event of its own; an attack
        that made no event (its doer unknown) leaves the toll standing as the act."""
        out: list[Event] = []
        filled: dict[int, list[Event]] = {}  # attack trigger -> the attack events a toll completed
        for e in events:
            toll_of = getattr(e, "_toll_of", None)
            attacks = [o for o in events if toll_of is not None and getattr(o, "_trigger_i", None) == toll_of]
            if not attacks:
                out.append(e)
                continue
            if e.target is None:
                continue
            # a target guessed from the place hit ("fired on a watchtower in Naqoura") yields to
            # the victims the toll names ("..., wounding two peacekeepers")
            if all(o.target is None or o.target.rule == "place" for o in attacks):
                unconv = self.modal.get("unconventional") or {}
                for o in attacks:
                    o.target = e.target
                    o.confidence = round(max(o.confidence, e.confidence), 2)
                    if o.cameo in unconv.get("codes", ()) and o.source.sector in unconv.get("sources", ()) \
                            and e.target.sector in unconv.get("targets", ()):
                        # "rebels raided a village, killing seven farmers": the toll says the
                        # attack fell on civilians (modality `unconventional`)
                        info = self.ontology.get(unconv["code"])
                        o.cameo, o.plover, o.mode = unconv["code"], info.plover, info.mode
                        o.goldstein, o.quad_class = info.goldstein, info.quad_gdelt
                filled[toll_of] = attacks
            elif toll_of in filled:
                # "..., killing three soldiers and wounding two civilians": each group it hit
                for o in filled[toll_of][:1]:
                    if all(x.target is None or x.target.code != e.target.code for x in out + attacks):
                        twin = dc_replace(o, target=e.target)
                        for attr in ("_definite", "_trigger_i", "_actor_tokens", "_toll_of"):
                            setattr(twin, attr, getattr(o, attr, None))
                        out.append(twin)
        return out

    def _light(self, verb: Token, code: str = "") -> bool:
        """Whether a verb only says its event noun was done ("held talks"; "set up an inquiry",
        though "set" alone is no light verb, and "set up" only of an inquiry)."""
        lemma = verb.lemma_.lower()
        return lemma in self.light_verbs or (lemma == "set" and code[:2] == "09" and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in verb.children))

    @staticmethod
    def _protest_demands(doc: Doc, events: list[Event]) -> list[Event]:
        """"Protesters marched through Belgrade demanding early elections", "blocked the highway
        to demand their wages": what a protest demands is its aim, told by the protest; the
        demand is no second event, and whom it is made of is whom the protest faces."""
        protests = {}
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if e.cameo[:2] == "14" and i is not None:
                protests[i] = e
                # ("staged a sit-in demanding ...": the light verb and the noun's own words)
                protests.setdefault(doc[i].head.i, e)
                for t in doc[i].subtree:
                    if t.i != i and t.dep_ in {"compound", "amod"}:
                        protests.setdefault(t.i, e)
                for t in doc[i].head.subtree:
                    if t.head.i == i and t.pos_ == "NOUN":
                        protests.setdefault(t.i, e)
        if not protests:
            return events
        out = []
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if i is not None and e.cameo[:2] in {"10", "02"}:
                verb = doc[i]
                for _ in range(2):  # "demanding that the government take responsibility"
                    if verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in {"demand", "call", "urge", "ask"} \
                            and verb.head.i != verb.i:
                        verb = verb.head
                aim = verb.dep_ in {"advcl", "xcomp", "acl"} and (
                    verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
                host = verb.head
                while aim and host.dep_ == "conj" and host.i not in protests and host.head.i != host.i:
                    host = host.head
                protest = protests.get(host.i) if aim else None
                if protest is not None and protest.source.country == e.source.country:
                    if e.target is not None and (protest.target is None or protest.target.rule in {"place", "own-state"}):
                        protest.target = e.target
                    continue
            out.append(e)
        return out

    def _reaction_targets(self, doc: Doc, before: list[Event], events: list[Event]) -> None:
        """"The EU imposed sanctions on Iran. Iran condemned the measures": a reaction to a
        definite act noun ("the measures", "this decision", "the move") faces whoever took the
        act last told (modality `reaction_objects`)."""
        words = frozenset(self.modal.get("reaction_objects", ()))
        told = [e for e in before if e.cameo[:2] not in {"01"}]
        if not told:
            return
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if i is None or e.target is not None or e.cameo[:2] not in {"01", "02", "05", "10", "11", "12", "13", "14"}:
                continue
            objs = [c for c in doc[i].children if c.dep_ == "dobj"] + _prep_objects(
                doc[i], ("against", "on", "over", "to", "of"), [])
            named = [o for o in objs if o.lemma_.lower() in words and any(
                d.dep_ == "det" and d.lower_ in {"the", "this", "these", "those", "such"} for d in o.children)]
            # "condemned what he called a cowardly attack": the act the speaker names
            named += [n for c in doc[i].children if c.dep_ == "ccomp" and _naming(c)
                      and any(w.lower_ == "what" for w in c.children)
                      for n in c.children if n.dep_ == "oprd" and n.lemma_.lower() in words]
            if not named:
                continue
            violent = named[0].lemma_.lower() in set(self.modal.get("reaction_violence", ()))
            act = next((o for o in reversed(told) if o.source.code != e.source.code
                        and not o.source.code.startswith("---")
                        and (not violent or o.cameo[:2] in _VIOLENT)), None)
            if act is not None:
                e.target = dc_replace(act.source, rule="reaction")

    @staticmethod
    def _remember_pair(resolver: ActorResolver, events: list[Event]) -> None:
        """The two states of the last two-sided act, for "the two sides", "both countries" told
        later: parties of a two-way act ("held talks", "signed a deal") first, then a host and a
        guest, then any two states. (A state and its own rebels as "the two sides" was tried and
        lost more than it won.)"""
        two = [e for e in events if e.target is not None and e.source.country and e.target.country
               and e.source.country != e.target.country]
        mutual = [e for e in two if any(o.source.code == e.target.code and o.target.code == e.source.code for o in two)]
        talks = [e for e in mutual if e.cameo[:3] not in {"042", "043"}]
        chosen = (talks or mutual or two or [None])[-1]
        if chosen is not None:
            resolver.last_pair = [chosen.source, chosen.target]
        states = [e for e in two if e.source.sector == "GOV" and e.target.sector == "GOV"]
        if states:
            resolver.last_state_pair = [states[-1].source, states[-1].target]

    def _their_release(self, doc: Doc, before: list[Event], events: list[Event]) -> None:
        """"Police detained two journalists ... CPJ demanded their release": a call for the
        release of people named by a pronoun faces whoever held them in the last arrest told."""
        codes = set((self.modal.get("jailers") or {}).get("codes", ()))
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if i is None or e.target is not None or e.cameo not in codes:
                continue
            words = [doc[i]] + [c for c in doc[i].children if c.dep_ in {"dobj", "pobj"}]
            if not any(c.dep_ == "poss" and c.lower_ in {"their", "his", "her"} for w in words for c in w.children
                       if w.lemma_.lower() == "release"):
                continue
            arrest = next((o for o in reversed(before + [x for x in events if x is not e])
                           if o.cameo[:3] in {"173", "174", "181"} and getattr(o, "_trigger_i", i) <= i
                           and not o.source.code.startswith("---") and o.source.code != e.source.code), None)
            if arrest is not None:
                e.target = dc_replace(arrest.source, rule="jailer")

    def _repelled_attacks(self, doc: Doc, events: list[Event]) -> list[Event]:
        """"Soldiers repelled an attack by jihadists": the attack is the jihadists' on the
        soldiers, and repelling it is the soldiers' fight with them (190), told once each."""
        verbs = frozenset((self.modal.get("suffered_attacks") or {}).get("fought_back", ()))
        out = list(events)
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if i is None or e.cameo[:2] not in _VIOLENT or e.target is None or e.source.code.startswith("---") \
                    or doc[i].dep_ != "dobj" or doc[i].head.lemma_.lower() not in verbs:
                continue
            if any(o.source.code == e.target.code and o.target is not None and o.target.code == e.source.code
                   and o.cameo[:2] == "19" for o in out):
                continue
            info = self.ontology.get("190")
            twin = dc_replace(e, source=e.target, target=e.source, cameo="190", plover=info.plover, mode=info.mode,
                              goldstein=info.goldstein, quad_class=info.quad_gdelt)
            for attr in ("_definite", "_trigger_i", "_actor_tokens"):
                setattr(twin, attr, getattr(e, attr, None))
            out.append(twin)
        return out

    def _state_act_targets(self, doc: Doc, before: list[Event], events: list[Event]) -> None:
        """"CPJ condemned the jailing of a Kyrgyz journalist": criticism of a state's act on a
        person faces the doer of the act (its "by" phrase, the doer told before), else the
        person's state; the person is whom it was done to, not whom it faces (`state_acts`)."""
        spec = self.modal.get("state_acts") or {}
        nouns, codes = frozenset(spec.get("nouns", ())), tuple(spec.get("codes", ()))
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if i is None or e.target is None or not e.cameo.startswith(codes):
                continue
            head = doc[i]
            objs = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}] + _prep_objects(
                head, ("against", "over", "at"), [])
            act = next((o for o in objs if o.lemma_.lower() in nouns), None)
            if act is None or any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in act.children):
                continue  # ("the arrest of X by police" names its doer: the roles read it)
            of = [g for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
            if not of or e.target.sector in {"GOV", "MIL", "COP", "JUD", "SPY"} or not e.target.country:
                continue
            doer = next((o.source for o in reversed(before + [x for x in events if x is not e])
                         if o.cameo[:2] in {"11", "17", "18"} and o.target is not None
                         and o.target.code == e.target.code and not o.source.code.startswith("---")
                         and o.source.code != e.source.code), None)
            if doer is not None:
                e.target = dc_replace(doer, rule="state-act")
            elif len(e.target.country) == 3 and e.target.country not in {"IGO", "UNO", "NGO", "EUR", "IMG"}:
                e.target = Actor(code=e.target.country + "GOV", country=e.target.country, sector="GOV",
                                 text=e.target.text, rule="state-act")

    def _answered_attacks(self, doc: Doc, before: list[Event], events: list[Event]) -> None:
        """"Militants attacked a police post ... Police returned fire": an armed answer with no
        target named faces the doer of the last attack on the answerer's state (modality
        `armed_answers`)."""
        verbs = frozenset(self.modal.get("armed_answers", ()))
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if i is None or e.target is not None or e.cameo[:2] not in _VIOLENT | {"17"} or not e.source.country:
                continue
            head = doc[i]
            if head.dep_ == "pobj" and head.head.lower_ == "with":  # "responded with artillery fire"
                head = head.head.head
            # "fired rockets in response", "shelled the border in retaliation"
            answered = any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in {"response", "retaliation", "reply"} and not any(
                    p.dep_ == "prep" for p in g.children) for g in c.children) for c in head.children)
            if not answered and (head.lemma_.lower() not in verbs or head.lemma_.lower() == "hit" and not any(
                    c.dep_ == "prt" and c.lower_ == "back" for c in head.children)):
                continue
            earlier = [o for o in before + events if o is not e and getattr(o, "_trigger_i", i) <= i]
            if e.cameo[:2] == "17":
                # "Police responded with water cannon": the crowd of the protest told before
                protest = next((o for o in reversed(earlier) if o.cameo[:2] == "14"
                                and o.source.country == e.source.country and o.source.sector not in _ARMED_STATE), None)
                if protest is not None:
                    e.target = dc_replace(protest.source, rule="answered-protest")
                continue
            attack = next((o for o in reversed(earlier) if o.cameo[:2] in _VIOLENT and o.target is not None
                           and o.target.country == e.source.country and o.source.code != e.source.code
                           and not o.source.code.startswith("---") and o.source.rule != "implicit"), None)
            if attack is not None:
                e.target = dc_replace(attack.source, rule="answered-attack")

    def _summary_targets(self, doc: Doc, events: list[Event]) -> None:
        """"Nicaragua switched recognition to Beijing, a move that drew condemnation from
        Taipei", "urged both sides to agree to a ceasefire, a call Israel rejected": a reaction
        told in a clause of a noun that sums up the act before it faces that act's doer."""
        words = frozenset(self.modal.get("reaction_objects", ())) | _SUMMARY_NOUNS
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if i is None or e.target is not None or e.cameo[:2] not in _REACTIONS:
                continue
            clause = doc[i]
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            if clause.pos_ == "NOUN" and clause.dep_ == "dobj":
                clause = clause.head  # "that drew condemnation": the light verb's clause
            noun = clause.head
            if clause.dep_ not in {"relcl", "acl"} or noun.i >= clause.i or noun.lemma_.lower() not in words \
                    or any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children) \
                    or noun.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and noun.head.i > noun.i:
                continue
            acts = [o for o in events if o is not e and getattr(o, "_trigger_i", noun.i) < noun.i
                    and o.cameo[:2] not in {"01"} and not o.source.code.startswith("---")
                    and o.source.code != e.source.code]
            verb = noun
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head  # the verb the summing noun hangs on: its act is the one summed up
            own = [o for o in acts if getattr(o, "_trigger_i", None) == verb.i]
            if own or acts:
                e.target = dc_replace((own or acts)[-1].source, rule="reaction")

    def _tells_event_noun(self, verb: Token) -> bool:
        """Whether what a speech verb reports names a political act by its noun ("talks on the
        dam would continue", "the ceasefire was holding")."""
        nouns = self.lexicon.heads(True)
        # ("talks ... would continue" with "talks" tagged a verb: its role says it is a noun)
        return any((t.pos_ == "NOUN" or t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}) and t.lemma_.lower() in nouns
                   for c in verb.children if c.dep_ == "ccomp" for t in c.subtree)

    def _credit_claims(self, doc: Doc, events: list[Event]) -> list[Event]:
        """An attack told with an unknown doer ("a suicide bomber blew himself up ...") and then
        claimed ("al-Shabaab claimed responsibility for the attack", "in an attack claimed by
        al-Shabaab") is the claimant's: its doer is rewritten, and the claimed attack noun, with
        no target of its own, is the same fact, not a second attack."""
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if e.cameo == "015" and getattr(e, "_claimed_by", None) is None and i is not None and any(
                    self._is_violent_thing(n) for n in _prep_objects(doc[i], ("for",), [])
                    + [g for c in doc[i].children if c.dep_ == "dobj" for g in _prep_objects(c, ("for",), [])]):
                e._claimed_by = e.source  # "JNIM claimed responsibility for the attack"
            elif e.cameo[:2] in {"18", "19", "20"} and e.target is None and i is not None \
                    and getattr(e, "_claimed_by", None) is None and _owned_deed(doc[i]) \
                    and e.source.sector not in {"UAF", None} and e.source.rule not in {"implicit", "agent"}:
                # "the group said its fighters carried out the attack": a claim of the attack
                # told before, not a second one
                e._claimed_by, e._claim_words = e.source, True
        claims = [e for e in events if getattr(e, "_claimed_by", None) is not None]
        if not claims:
            return events
        drop: set[int] = set()
        for claim in claims:
            claimant = claim._claimed_by
            for e in events:
                if e is claim or id(e) in drop or e.cameo[:2] not in {"18", "19", "20"} \
                        or e.sentence > claim.sentence or e.source.sector != "UAF" \
                        or e.source.rule not in {"agent", "implicit", "implicit+setting", "agent+setting"}:
                    continue
                e.source = dc_replace(claimant, text=claimant.text)
                e.confidence = round(min(e.confidence, claim.confidence), 2)
                if claim.target is None and claim.cameo != "015":
                    drop.add(id(claim))  # the claimed attack is this one
        out = []
        for e in events:
            if id(e) in drop and getattr(e, "_claim_words", False):
                info = self.ontology.get("015")  # the words that claim it are a claim (015)
                e = dc_replace(e, cameo="015", plover=info.plover, mode=info.mode,
                               goldstein=info.goldstein, quad_class=info.quad_gdelt)
            elif id(e) in drop:
                continue
            out.append(e)
        return out

    def _about_sport(self, doc: Doc, sent: Span) -> bool:
        """Whether a sentence tells sport in the words of war (modality `sport`)."""
        spec = self.modal.get("sport") or {}
        if not hasattr(self, "_sport_words"):
            self._sport_words = re.compile(r"\b(?:%s)(?:e?s)?\b" % "|".join(
                re.escape(w) for w in sorted(spec.get("strong", ()), key=len, reverse=True)), re.I)
        text = sent.text
        if self._sport_words.search(text):
            return True
        lemmas = {t.lemma_.lower() for t in sent}
        if not lemmas & frozenset(spec.get("weak", ())):
            return False
        if _SCORE.search(text) is not None and not lemmas & _BALLOTS:
            return True  # "ran in five tries to win 38-24" ("won the vote 52-48" is no match)
        # a weak word ("the side", "the final") in a document that names a sport elsewhere
        cache = getattr(self, "_sport_cache", None)
        if cache is None or cache[0] is not doc:
            self._sport_cache = cache = (doc, bool(self._sport_words.search(doc.text)))
        return cache[1]

    def _resume_attacks(self, doc: Doc, events: list[Event], sent_index: int) -> list[Event]:
        """"Israeli jets struck a building in Nabatieh. The ministry said the strike killed three
        people": a definite attack noun in a later sentence ("the strike", "this attack") is the
        attack already told, so its unnamed doer is the one named there, and what it did is
        told once."""
        done = [e for e in events if e.sentence < sent_index and e.cameo[:2] in {"18", "19", "20"}
                and e.source.sector != "UAF" and not e.source.code.startswith("---")]
        if not done:
            return events
        drop: set[int] = set()
        for e in events:
            i = getattr(e, "_trigger_i", None)
            if e.sentence != sent_index or i is None or e.cameo[:2] not in {"18", "19", "20"} \
                    or not (e.source.sector == "UAF" or e.source.code.startswith("---")) \
                    or e.source.rule not in {"agent", "implicit", "implicit+setting", "agent+setting", "unknown"}:
                continue
            anchor = doc[i]
            nouns = [anchor] if anchor.pos_ == "NOUN" else [
                c for c in anchor.children if c.dep_ in {"nsubj", "agent"} and self._is_violent_thing(c)]
            if not any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its"}
                       for n in nouns for c in n.children):
                continue
            told = done[-1]  # the last attack told before
            e.source = dc_replace(told.source)
            if e.target is None or e.target.rule in {"place", "implicit"}:
                e.target = told.target
            if any((o.source.code, o.target.code if o.target else None, o.cameo[:2])
                   == (e.source.code, e.target.code if e.target else None, e.cameo[:2]) for o in done):
                drop.add(id(e))  # the same attack, told twice
        return [e for e in events if id(e) not in drop]

    def _merge_means(self, doc: Doc, events: list[Event]) -> list[Event]:
        """"were killed in an air strike by government forces": the strike is how the killing
        was done, one fact. The attack noun's own targetless event goes; its more specific code
        (195 aerial) replaces the killing's general one (190)."""
        out = []
        for e in events:
            i = getattr(e, "_trigger_i", None)
            means = None
            if e.target is None and e.cameo[:2] in {"18", "19", "20"} and i is not None \
                    and doc[i].pos_ == "NOUN":
                ancestors = {a.i for a in doc[i].ancestors}
                means = [o for o in events if o is not e and o.target is not None
                         and o.cameo[:2] in {"18", "19", "20"} and o.source.code == e.source.code
                         and getattr(o, "_trigger_i", None) in ancestors]
            if not means:
                out.append(e)
                continue
            info = self.ontology.get(e.cameo)
            for o in means:
                if o.cameo[:2] == e.cameo[:2] and o.cameo.endswith("0") and len(e.cameo) >= len(o.cameo):
                    o.cameo, o.plover, o.mode, o.goldstein, o.quad_class = (
                        e.cameo, info.plover, info.mode, info.goldstein, info.quad_gdelt)
        return out

    def _sent_triggers(self, doc: Doc, sent: Span) -> list[Trigger]:
        cache = getattr(self, "_trigger_cache", None)
        if cache is None or cache[0] is not doc:
            self._trigger_cache = (doc, self.triggers(doc))
        return [t for t in self._trigger_cache[1] if sent.start <= t.head.i < sent.end]

    def _events_for(self, trig: Trigger, sent: Span, sent_index: int, resolver: ActorResolver,
                    mentions: Mentions, from_caption: bool, base_offset: int,
                    trace: list | None) -> list[Event]:
        self._gov_token = None
        family, negated, hypothetical, gov = self.modality(trig)
        code = self.recode(self._means_code(trig) or trig.pattern.code, family, hypothetical)
        if code == "1663" and trig.head.lemma_.lower() in {"close", "shut"} and gov != "order":
            return []  # "the bank closed its offices": only an office closed on order is expelled
        if code is not None and code.startswith("038") and family == "intent" and (
                not trig.pattern.noun or gov not in self.modal.get("accepting_governors", ())):
            # "offered to mediate", "offered its mediation": the subject would mediate (039);
            # only "agreed to Qatari mediation" accepts it (038)
            code = "039"
        tone_clause = None
        if code == "010":
            code, tone_clause = self._tone(trig)
        if family is not None and self._gov_token is not None and (
                code != trig.pattern.code or family == "intent" and code == "0871"):
            if not hasattr(self, "_governors"):
                self._governors = set()
            self._governors.add(base_offset + self._gov_token.idx)
            if getattr(self, "_absorbed", None) is not None:
                self._governors.add(base_offset + self._absorbed.idx)
        if self._reason_of_praise(trig):
            return []
        src_toks, tgt_groups = self.roles(trig, mentions)
        # a building a protest faces names its owner, not a place (`_protest_sites`)
        resolver.owned_sites = {t.i for t in self._protest_sites(trig)} if trig.pattern.code[:2] == "14" else set()
        tgt_toks: list[Token] = []
        sources = []
        for t in src_toks:
            for a in resolver.resolve_all(t, mentions):
                if (trig.pattern.noun and t.dep_ in {"amod", "compound", "nmod", "poss"}
                        and a.rule in {"demonym", "demonym-modifier", "country", "metonymy"} and code is not None):
                    a = self._modifier_actor(a, code)
                elif code is not None and a.rule in {"demonym", "demonym-modifier", "country"} \
                        and self._is_violent_thing(t):
                    a = self._modifier_actor(a, code)  # "Russian missiles struck": its forces
                elif a.sector == "GOV" and a.name is None and t.lemma_.lower() in self.weapons:
                    # "government helicopters dropped": the state's forces
                    a = dc_replace(a, code=(a.country or "") + "MIL", sector="MIL")
                sources.append(a)
        if family == "demand" and self._gov_token is not None:
            family, code, src_toks, sources = self._command(trig, family, code, src_toks, sources,
                                                            resolver, mentions, hypothetical)
        police = self.modal.get("policing") or {}
        if code in police.get("codes", ()) and trig.head.lemma_.lower() in police.get("verbs", ()) \
                and any(a.sector in police["sources"] for a in sources):
            code = police["code"]  # "prosecutors raided the home of the former minister"
        rep = self.modal.get("repression") or {}
        if code is not None and code.startswith(tuple(rep.get("codes", ()))) and sources \
                and not code.startswith(tuple(rep.get("keep", ()))) \
                and _acts_on_protesters(tgt_groups, resolver, mentions, rep, sources):
            code = "175"  # "police opened fire on protesters": violent repression
        riot = self.modal.get("riot") or {}
        if code in riot.get("codes", ()) and sources and all(a.sector in riot.get("sectors", ()) for a in sources):
            code = "145"  # "a protester demolished the building": a riot
        if negated and code is not None and (hypothetical or family == "intent") and not self.keep_negated:
            # "will not provide support", "said it would not meet": ruled out, a rejection
            code, negated = self.reject_code(trig.pattern.code), False
        speaker_verb = self._gov_token if family in {"threat", "intent"} else None
        if family is None and not trig.pattern.noun and trig.head.dep_ == "ccomp" and (
                trig.head.head.lemma_.lower() in self.modal["tone"]["speech_verbs"]
                or self.modal["governors"].get(trig.head.head.lemma_.lower()) in {"threat", "intent"}):
            speaker_verb = trig.head.head
        if speaker_verb is not None and src_toks and all(
                any(c.dep_ == "poss" and c.lower_ in _OWNING_PRONOUNS for c in t.children) for t in src_toks) \
                and not (sources and all(a.rule == "possessive-owner" for a in sources)):
            # "warned that his fighters would attack", "Hamas said its fighters would attack":
            # the speaker acts through its own forces
            gov_subj, _p = self._subject(speaker_verb)
            owner = resolver.resolve_all(gov_subj, mentions) if gov_subj is not None else []
            if owner:
                src_toks, sources = [gov_subj], owner
        elif speaker_verb is not None and sources and all(
                (a.rule == "agent+main-country" or a.country is None and a.rule == "agent")
                and a.sector in _FORCES - {"UAF", "REB"} for a in sources):
            # "the army said soldiers had fired warning shots": a state body telling what bare
            # "soldiers" or "officers" did tells of its own
            gov_subj, _p = self._subject(speaker_verb)
            owner = resolver.resolve_all(gov_subj, mentions) if gov_subj is not None else []
            if len(owner) == 1 and owner[0].country and len(owner[0].country) == 3 \
                    and owner[0].sector in {"GOV", "MIL", "COP", "SPY"}:
                country = owner[0].country
                sources = [dc_replace(a, country=country, code=country + (a.sector or ""), rule="agent+speaker")
                           for a in sources]
        if family in {"appeal", "demand", "intent"} and self._gov_token is not None:
            # "Obama wants Putin to attack", "urged Israel to withdraw": the one who asks is the
            # source, the one asked the target
            gov_subj, _p = self._subject(self._gov_token)
            if gov_subj is not None and not src_toks:
                # "the EU called for sanctions": the caller owns the act it calls for
                src_toks = [gov_subj]
                sources = resolver.resolve_all(gov_subj, mentions)
            elif gov_subj is not None and src_toks and gov_subj not in src_toks:
                tgt_groups = [src_toks] + tgt_groups
                src_toks = [gov_subj]
                if family == "intent":
                    code = self.recode(trig.pattern.code, "appeal", False)
                sources = [a for t in src_toks for a in resolver.resolve_all(t, mentions)]
            if family in {"appeal", "demand"}:
                # "appealed to the UN for food aid", "called on the prime minister to step down":
                # the one appealed to is the target of what is asked
                asked = [t for t in _addressees(self._gov_token, trig.head) if t not in src_toks
                         and t.lemma_.lower() not in self.modal["audience"]]  # "told reporters that" 
                if asked:
                    tgt_groups = [asked] + tgt_groups
        preset: list[Actor] | None = None
        claimed_own = False
        # "claimed responsibility for the attack", "an attack claimed by X": the claimant owns it
        responsibility = code is not None and code[:2] in {"18", "19", "20"} and (
            (family == "claim" and self._gov_token is not None and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _RESPONSIBILITY for c in self._gov_token.children))
            or (trig.pattern.noun and any(c.dep_ == "acl" and c.lemma_.lower() == "claim" and _agent(c) is not None
                                          for c in trig.head.children)))
        if responsibility and family != "claim" and sources:
            claimed_own = True
        if family == "claim" and code is not None and code[:2] in _HOSTILE and self._gov_token is not None:
            code, sources, preset, src_toks = self._claimed(code, sources, src_toks, resolver, mentions)
            if preset is not None and code == "112":
                tgt_groups = []
            if code in {"015", "112"}:
                family = None  # the claim itself is a plain deed of the speaker
            if code == "015":
                # "the ministry claimed its forces captured two villages": the act is told by
                # its doer; it stands, and the claim of it is coded too
                claimed_own, code = True, trig.pattern.code
            elif family == "claim":
                # "a report alleged that the army took part in the killings": an allegation
                # whose maker is no known actor is neither an accusation to code nor a fact
                return []
        if tone_clause is not None:  # a comment is about the actors it names
            named = [t for t in tone_clause if t.i in mentions.names and t.i == mentions.names[t.i][1]]
            # ("Rwandan troops must leave": the troops the demonym names, not the Rwandans)
            named = [(t.head if t.dep_ in {"amod", "compound", "nmod"} and t.head.i in mentions.agents
                      and t.head.i != t.i and t.head in tone_clause else t, mentions.names[t.i][0]) for t in named]
            # ("hopeful that Beijing would lift curbs on Australian lobster": about Beijing, not
            # about the speaker's own people named on the way)
            homes = {a.country for a in sources if a.country}
            abroad = [t for t, entry in named if entry.country not in homes]
            named = [t for t, _entry in named]
            tgt_groups = [abroad if homes and abroad else named] + tgt_groups
        tgt_groups = self._answered(trig, tgt_groups)
        targets: list[Actor] = []
        src_ids = {t.i for t in src_toks}
        own = {a.code for a in sources}
        own_states = {a.country for a in sources if a.country}
        fallback: tuple[list[Actor], list[Token]] | None = None
        for group in tgt_groups:
            group = [t for t in group if t.i not in src_ids]
            if code is not None and code[:2] in _VIOLENT:
                # "attacks on areas held by the RSF", "shelled a rebel-held town": the holder
                group = [h if (h := _holder(t)) is not None and h.i not in src_ids else t for t in group]
            if code is not None and code in (self.modal.get("jailers") or {}).get("codes", ()):
                # "demanded the release of prisoners held in Israeli jails": the jailer
                group = [j if (j := self._jailer(t)) is not None and j.i not in src_ids else t for t in group]
            # "demolished homes belonging to militants", "seized trucks owned by the rebels"
            # (people "belonging to" a group are its members, named by their own word)
            group = [o if (o := _owner(t)) is not None and o.i not in src_ids
                     and not (mentions is not None and t.i in mentions.agents) else t for t in group]
            targets = [self._as_doer_of_noun(t, a) for t in group for a in resolver.resolve_all(t, mentions)]
            if code is not None and code in (self.modal.get("jailers") or {}).get("codes", ()):
                # "Israeli jails", "Egyptian prisons": the state keeps them
                targets = [dc_replace(a, code=a.country + "GOV", sector="GOV", rule=a.rule + "+jailer")
                           if a.rule == "demonym" and a.country and len(a.country) == 3 and any(
                               t.pos_ == "ADJ" and t.dep_ == "amod" for t in group) else a for a in targets]
                # "demanded the release of detained journalists" in Lahore, "of jailed activists in
                # Egypt": people held where no jailer is named are held by that place's state
                targets = [dc_replace(a, code=a.country + "GOV", sector="GOV", rule=a.rule + "+jailer")
                           if a.rule in _PLACED_PEOPLE and a.sector in _UNARMED | {"OPP", "CVL"}
                           and a.country and len(a.country) == 3 else a for a in targets]
                # "the PTI demanded the release of its chairman Imran Khan": a compatriot held at
                # home, released at the demand of a party, a group or a family of his own state,
                # is held by that state ("the US demanded the release of its reporter" is not)
                home = {a.country for a in sources if a.sector not in {"GOV", "MIL", "COP", "SPY"}}
                targets = [dc_replace(a, code=a.country + "GOV", sector="GOV", rule=a.rule + "+jailer")
                           if a.country in home and a.sector in _UNARMED | {"OPP", "CVL", "ELI", "PTY"}
                           and a.country and len(a.country) == 3 and not a.rule.endswith("+jailer")
                           else a for a in targets]
            if own and any(a.code not in own for a in targets) and any(a.code in own for a in targets) \
                    and all(a.rule == "possessive-owner" for a in targets if a.code in own):
                # "the expulsion of its diplomats by Mogadishu": the doer's own people named
                # beside another party are not whom it acts on
                targets = [a for a in targets if a.code not in own]
            tgt_toks = group
            own_things = targets and all(a.country in own_states for a in targets) and (
                all(t.dep_ == "poss" and t.lower_ in _OWNING_PRONOUNS for t in group)
                or all(a.rule == "possessive-owner" and a.sector in _FORCES for a in targets))
            if own_things and code is not None and code[:2] not in {"02", "10"}:
                # "laid down their arms", "put its forces on alert", "moved its troops": the
                # doer's own things are what it acts with, not whom it acts on
                targets = []
                continue
            if targets and own and all(a.code in own for a in targets):
                # "Xi reaffirmed China's friendship with Pakistan": the doer's own name is no
                # target while a later group names another party
                fallback = fallback or (targets, group)
                targets = []
                continue
            if targets:
                break
        if not targets and fallback is not None:
            targets, tgt_toks = fallback
        if not targets and code is not None and code[:2] in _VIOLENT:
            # "shelled villages controlled by Ukrainian troops": the place the pattern names
            held = [h for t in trig.tokens[1:] for h in [_holder(t)] if h is not None and h.i not in src_ids]
            targets = [a for h in held for a in resolver.resolve_all(h, mentions)]
            tgt_toks = held if targets else tgt_toks
        if not targets:
            # "froze assets belonging to the newspaper": the owner of the thing the pattern names
            owners = [o for t in trig.tokens[1:] for o in [_owner(t)] if o is not None and o.i not in src_ids]
            targets = [a for o in owners for a in resolver.resolve_all(o, mentions)]
            tgt_toks = owners if targets else tgt_toks
        if preset is not None and code == "112":
            targets = preset
        if not targets and sources and code == "045" and not trig.pattern.noun and trig.head.dep_ == "acl":
            # "agreed to a truce brokered by Saudi Arabia": the mediator's parties are the ones
            # who agreed
            gov = _governing_verb(trig.head.head)
            deal = trig.head.head
            if gov is None and deal.dep_ == "pobj" and deal.head.head.pos_ in {"VERB", "AUX"}:
                gov = deal.head.head  # "agreed to restore ties under a deal brokered by China"
            subj = self._subject(gov)[0] if gov is not None else None
            if subj is not None:
                found = [a for a in resolver.resolve_all(subj, mentions) if a.code not in own]
                if found:
                    targets, tgt_toks = found, [subj]
        if not targets and sources and code is not None and code[:2] == "09":
            # "opened an inquiry after an Israeli tank fired on a watchtower": what is looked
            # into is the act it follows, and its doer the target
            verb = trig.head if not trig.pattern.noun else (_governing_verb(trig.head) or trig.head)
            for clause in (c for c in verb.children if c.dep_ == "advcl"
                           and any(m.dep_ == "mark" and m.lower_ in {"after", "following"} for m in c.children)):
                subj, passive = self._subject(clause)
                found = [a for a in resolver.resolve_all(subj, mentions) if a.code not in own] \
                    if subj is not None and not passive else []
                if found:
                    targets, tgt_toks = found, [subj]
                    break
        if code is not None and code[:2] == "15" and not sources and targets and not trig.pattern.noun \
                and all(a.sector in {"MIL", "COP"} for a in targets) \
                and any(c.dep_ == "nsubjpass" and c.i in {t.i for t in tgt_toks} for c in trig.head.children):
            # "police were put on alert", "troops were mobilised": the force readied is the one
            # showing force, whoever gave the order
            sources, src_toks, targets, tgt_toks = targets, tgt_toks, [], []
        if not targets and sources and code is not None and code[:2] in {"08", "15", "17"}:
            # "deployed police ahead of an opposition rally", "called up reservists amid
            # tensions with Iran", "resigned after weeks of protests": the occasion of a show or
            # use of force, or of a concession, names whom it faces
            anchor = trig.head if not trig.pattern.noun else (_governing_verb(trig.head) or trig.head)
            targets = self._occasion_targets(anchor, sources[0], resolver, mentions, code)
        if trig.pattern.object_actor and not (targets and any(
                t.dep_ in _OBJECTS or t.head.dep_ in _OBJECTS
                # ("pledged loans to help Sri Lanka recover": the aim of the pledge, told by it)
                or _bare_infinitive_subject(t, trig.head)
                for t in tgt_toks)):
            return []  # "helped the economy recover": the pattern wants an actor as its object
        if not targets and len(sources) < 2 and not trig.pattern.noun and _purpose(trig.head) \
                and not (code or "").startswith("14"):  # "blocked roads to protest": they protested
            return []  # "pledged loans to support its recovery": an aim with no party is no event
        unconv = self.modal.get("unconventional") or {}
        if code in unconv.get("codes", ()) and sources and targets \
                and all(a.sector in unconv["sources"] for a in sources) \
                and all(a.sector in unconv["targets"] for a in targets):
            code = unconv["code"]  # "gunmen shot dead a journalist": not a battle
        murder = self.modal.get("assassination") or {}
        if code in murder.get("codes", ()) and targets and not trig.pattern.noun \
                and trig.head.lemma_.lower() in murder["verbs"] \
                and not any(c.dep_ == "prt" and c.lower_ == "down" and trig.head.lemma_.lower() == "shoot"
                            for c in trig.head.children) \
                and all(a.sector in murder["sources"] for a in sources) \
                and all(a.sector in murder["targets"] for a in targets) \
                and not any(t.tag_ in {"NNS", "NNPS"} and t.lemma_.lower() in {"force", "troop", "official"}
                            for t in tgt_toks):
            code = murder["code"]  # "gunmen shot dead a mayor": an assassination
        if code is not None and code.startswith("14"):
            conv = self.modal.get("protester_sector") or {}
            sources = [dc_replace(a, sector=conv["to"], code=(a.country or "") + conv["to"])
                       if a.sector in conv.get("from", ()) else a for a in sources]
        if code is not None and code[:2] == "01" and code[:3] != "016" and targets \
                and (all(a.sector == "JRN" for a in targets) or tgt_toks and all(
                    t.lemma_.lower() in self.modal["home_audience"] for t in tgt_toks)
                    and all(a.country in (None, sources[0].country if sources else None)
                            or a.rule in {"agent+setting", "agent+main-country"} for a in targets)):
            # "told reporters", "told lawmakers", "told his cabinet": the audience of a statement
            # at home is not its addressee ("told parliament" in a story placed abroad: the
            # speaker's own parliament)
            targets, tgt_toks = [], []
        if code in self.modal.get("exercise_codes", ()) and any(
                t.lemma_.lower() in self.modal["exercise_words"] for t in trig.tokens):
            sources = [_as_military(a) for a in sources]
            targets = [_as_military(a) for a in targets]
        if trace is not None:
            trace.append({"trigger": trig, "code": code, "family": family, "negated": negated,
                          "hypothetical": hypothetical, "sources": sources, "targets": targets,
                          "source_tokens": src_toks, "target_tokens": tgt_toks})
        if code is not None and code[:2] in {"18", "19", "20"} and family is None and _purpose(trig.head):
            return []  # "sent troops to help fight insurgents": an aim, not a fight
        if code is not None and (code[:2] in _HOSTILE and self._accidental(trig.head)
                                 or not trig.pattern.noun and self._accidental(trig.head, subject_only=True)):
            return []  # "killed in a car crash": no doer, no political event
        if code is not None and code[:2] in {"17", "18", "19", "20"} and self._tally(trig.head, code):
            return []  # "the war has killed 40,000 people", "120 have been detained since June"
        if code is not None and trig.pattern.noun and trig.head.dep_ == "pobj" and trig.head.head.lower_ == "for" \
                and trig.head.head.head.lemma_.lower() in self.modal.get("grounds_nouns", ()):
            return []  # "there were no grounds for arrests": a reason weighed, no act
        if code is not None and _habitual(trig.head):
            return []  # "Karabay, who has frequently criticised the government": who he is
        if code is not None and not sources and (_background(trig.head) or self._describes_object(trig.head)):
            return []  # "a member jailed over a year ago", "who had been arrested in 2019"
        summed = trig.head.dep_ == "acl" and trig.head.head.lemma_.lower() in _SUMMARY_NOUNS | frozenset(
            self.modal.get("reaction_objects", ()))  # "..., a move hailed by Kyiv": a reaction
        if code is not None and code[:2] in _COOPERATIVE and code != "045" and not summed \
                and self._describes_object(trig.head, with_agent=True):
            # "at a venue hosted by the minister", "a package approved by Congress": a clause that
            # says who made a thing of another act tells no news; a mediation (045) does
            return []
        if code is not None and not sources:
            passive = not trig.pattern.noun and (
                any(c.dep_ == "nsubjpass" for c in trig.head.children)
                or (trig.head.dep_ == "acl" and trig.head.tag_ == "VBN"))
            weapon_subject = not trig.pattern.noun and code[:2] in {"18", "19", "20"} and any(
                self._is_violent_thing(c) for c in _means_subjects(trig.head))
            # ("died in custody", "remains in detention": a state the person is in, no new act)
            described = trig.pattern.noun and trig.head.dep_ == "pobj" and (
                trig.head.head.lower_ == "of" or (trig.head.head.lower_ == "in" and trig.head.head.head.lemma_.lower()
                                                  in {"die"}))  # "spent a month in custody" still tells a detention
            # "blocked the highway to protest the arrest of their leader": an arrest named only as
            # what is protested or condemned is told as known, its doer unknown: not coded again
            commented = trig.pattern.noun and self._commented(trig)
            if passive or weapon_subject or (trig.pattern.noun and code[:2] == "17" and not described
                                             and not commented):
                # ("his conditions of imprisonment" describes, it reports no arrest)
                # "were arrested", "arrests were made", "the arrest of X": who did it is implied
                sources = self._implicit_source(trig.head, code, resolver, mentions)
                if weapon_subject:  # "a car bomb killed ...": the bomb's words name the unknown doer
                    subj = next(c for c in _means_subjects(trig.head) if self._is_violent_thing(c))
                    sources = [dc_replace(a, text=_phrase_text(subj, subj.text)) for a in sources]
        if code is not None and not sources and src_toks and self.keep_unknown:
            # a named doer the knowledge base does not know ("Pete Wilson signed ..."): the act
            # is still news; the actor is written as unknown ("---", PETRARCH's convention)
            named = [t for t in src_toks if (t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
                     or t.pos_ == "PROPN") and t.ent_type_ not in _NOT_ACTORS]  # "Monday's strike"
            if named:
                t = named[0]
                sources = [Actor(code="---", country=None, sector=None,
                                 text=" ".join(x.text for x in t.subtree if x.dep_ not in {"punct", "relcl"})[:80],
                                 rule="unknown")]
        if code is None or not sources:
            return []
        if negated and not self.keep_negated:
            return []
        sources = [_with_sector(a, "GOV") for a in sources]
        # "sanctions on 14 Iranian individuals": what a state cuts or bans falls on the state
        targets = [_with_sector(a, "GOV" if code is not None and code.startswith("16") else "CVL") for a in targets]
        if code is not None and code[:2] == "11" and tgt_toks and all(
                t.dep_ in {"amod", "compound"} and t.head.dep_ in {"oprd", "attr"} for t in tgt_toks):
            # "called it a brutal Israeli aggression": the state whose act is censured
            targets = [dc_replace(a, sector="GOV", code=a.country + "GOV") if a.rule == "demonym"
                       and a.country and len(a.country) == 3 else a for a in targets]
        if trig.pattern.code[:2] == "15" and code[:3] in {"074", "033"} and not any(
                t.country and t.country not in {a.country for a in sources} for t in targets):
            # "deployed more police to Manipur": forces sent within their own state protect no
            # one abroad; the deployment is what it says
            code = self.recode(trig.pattern.code, family, hypothetical) or code
        if code.startswith("15"):  # "ordered the deployment of troops and police": its own forces are no target
            targets = [t for t in targets if not (t.sector in {"MIL", "COP"} and t.country in (
                None, *{a.country for a in sources})) and t.code not in {a.code for a in sources}]
        # "separatists seized Aden", "jets carried out a strike on Gaza", "protested in the streets
        # of Nasiriyah": a city named as the party is its state's, as a bare state name is
        targets = [dc_replace(a, code=a.country + "GOV", sector="GOV") if a.rule == "place" and a.sector is None
                   and a.country and len(a.country) == 3 else a for a in targets]
        if code.startswith("15") and not targets and len({a.country for a in sources if a.country}) > 1 \
                and any(t.lemma_.lower() in self.modal.get("exercise_words", ()) for t in trig.tokens):
            # "Philippine and U.S. troops launched their annual exercises": the forces of two
            # states drilling together hold a joint exercise (062), each with the other
            code = "062"
        elif code == "062" and not targets and len({a.country for a in sources}) == 1 \
                and any(t.lemma_.lower() in self.modal.get("exercise_words", ()) for t in trig.tokens):
            # "China's Eastern Theater Command launched joint exercises around Taiwan": the
            # services of one state drilling together show force (150); no partner is named
            code = "150"
        pairs: list[tuple[Actor, Actor | None]] = []
        if len(sources) > 1 and code.startswith("084") and _swap(trig.head):
            # "Russia and Ukraine swapped prisoners", "each freed 40 detainees in a swap": an
            # exchange is each side's release to the other, not to the people freed
            targets = []
        if len(sources) > 1 and code[:2] in {"03", "04", "05", "06"} and targets \
                and all(t.sector in _FOES for t in targets) and not any(a.sector in _FOES for a in sources):
            # "the two leaders agreed to step up cooperation against al-Shabaab": the partners
            # cooperate with each other; the armed group they face is no party to it
            targets = []
        if targets:
            pairs = [(s, t) for s, t in product(sources, targets) if s.code != t.code or s.text != t.text]
            # "Russia said it withdrew its troops": the doer named again is no target
            pairs = pairs or [(s, None) for s in sources]
        elif len(sources) > 1 and (code in self.modal["reciprocal"] or code[:3] in self.modal["reciprocal"]) \
                and not (code[:2] in _HOSTILE | {"11", "12"} and self._aimed(trig)):
            # ("Mexico and Chile criticised the election": both criticised it, not each other)
            pairs = list(permutations(sources, 2))  # "A and B held talks": each with the other
            if len({a.country for a in sources}) > 1:
                # a mixed group pairs across states; same-state pairs there are parse artefacts
                pairs = [(a, b) for a, b in pairs if a.country != b.country]
        else:
            pairs = [(s, None) for s in sources]
        if sources:
            # "X and his Rwandan counterpart discussed ...": the counterpart among the doers too
            firm = next((a for a in sources if a.rule != "counterpart" and a.sector), None)
            # (with the other side unknown, a counterpart holds a government office)
            firm = firm or Actor(code="GOV", country=None, sector="GOV", text="", rule="agent")
            sources = [_fill_counterpart(a, firm) for a in sources]
            pairs = [(_fill_counterpart(a, firm), b) for a, b in pairs]
            targets = [_fill_counterpart(t, sources[0]) for t in targets]
            pairs = [(a, _fill_counterpart(b, a) if b is not None else None) for a, b in pairs]
        # "held talks with", "a joint patrol with": the noun names a mutual act. A verb tells who
        # acted: "A met with B" is A's meeting, and B's side is news only when B's words say so.
        if targets and code in self.modal["symmetric"] and trig.pattern.noun:
            pairs += [(t, s) for s, t in pairs if t is not None and (t, s) not in pairs]
        elif targets and code[:3] == "057" and not trig.pattern.ordered \
                and trig.head.lemma_.lower() in {"sign", "conclude", "reach", "strike", "seal", "ink"} and (_with_party(trig.head, tgt_toks) or any(
                _with_party(o, tgt_toks) for o in trig.head.children if o.dep_ == "dobj")):
            # "Mozambique signed an agreement with Rwanda": both sides sign (one side ratifies)
            pairs += [(t, s) for s, t in pairs if t is not None and (t, s) not in pairs]
        elif targets and code[:2] == "19" and (trig.head.lemma_.lower() in self.modal["mutual_fighting"]
                                               or trig.pattern.noun) and (
                _with_party(trig.head, tgt_toks) or trig.head.lemma_.lower() in _SWAPS):
            # ("Thai and Cambodian troops exchanged fire": each fired on the other)
            # "soldiers clashed with rebels", "a gunfight with al-Shabaab fighters": both sides fought
            pairs += [(t, s) for s, t in pairs if t is not None and (t, s) not in pairs]
        out = []
        info = self.ontology.get(code)
        # The actors' own words are not where the act happened ("Israel said" is no place);
        # a place that is the target of force is ("shelled Kharkiv").
        actor_tokens: set[int] = set()
        violent = code[:2] in {"15", "17", "18", "19", "20"}
        for t in list(src_toks) + ([] if violent else list(tgt_toks)):
            hit = mentions.names.get(t.i)
            actor_tokens.update(range(hit[1], hit[2]) if hit else (t.i,))
            # "Turkey's foreign minister": the modifiers name the actor too; "police in Lagos"
            # keeps its place
            stack = [c for c in t.children if c.dep_ in {"poss", "compound", "amod", "nmod", "conj", "appos"}]
            while stack:
                c = stack.pop()
                actor_tokens.add(c.i)
                stack.extend(x for x in c.children if x.dep_ not in {"prep", "acl", "relcl"})
        # "the talks" refers back to talks already reported; the article pipeline merges it
        definite = trig.pattern.noun and any(c.dep_ == "det" and c.lower_ in {"the", "these", "those", "this"}
                                             for c in trig.head.children)
        # The act of the main clause is the news; acts in relative and adverbial clauses are
        # background ("rejected appeals to release an aid worker imprisoned in Egypt").
        anchor = _governing_verb(trig.head) if trig.pattern.noun else trig.head
        anchor = anchor if anchor is not None else trig.head
        prominence = 0.0
        if anchor.dep_ == "ROOT" and code[:2] != "01":
            prominence = 0.05
        elif any(a.dep_ in {"relcl", "acl", "advcl"} for a in [anchor, *anchor.ancestors]):
            prominence = -0.15
        official = self.modal.get("official_acts") or {}
        for src, tgt in pairs:
            if code.startswith(tuple(official.get("codes", ()))) and src.sector in official.get("not_by", ()):
                continue  # "oil workers travelling to Unity State": a journey, not a visit
            if code.startswith(tuple(official.get("codes", ()))) and src.sector in {"COP", "MIL"} \
                    and src.rule.startswith("agent") and src.text.split()[-1:] and src.text.split()[-1].lower().endswith("s"):
                continue  # "230 Kenyan police officers arrived in Haiti": a force deployed, not a visit
            if code.startswith(tuple(official.get("codes", ()))) and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in _CRAFT for c in trig.head.children):
                continue  # "a navy vessel carrying aid docked in Santiago": a craft, no visitor
            if tgt is not None and tgt.country == src.country and tgt.text and (
                    tgt.text == src.text or trig.pattern.noun and trig.head.text in tgt.text.split()):
                tgt = None  # "began with Russia's invasion": the event noun's own doer is no target
            if tgt is not None and tgt.country and tgt.country == src.country \
                    and src.sector in {"GOV", None} and tgt.sector in {"GOV", None}:
                # "The government thanked China": a state does not act on itself, so a guessed
                # country that is the other party's was the wrong guess; it stays unknown
                if src.rule == "agent+main-country" and tgt.rule != "agent+main-country":
                    src = dc_replace(src, country=None, code=src.sector or "---", rule="agent")
                elif tgt.rule == "agent+main-country" and src.rule != "agent+main-country":
                    tgt = dc_replace(tgt, country=None, code=tgt.sector or "---", rule="agent")
            elif tgt is not None and tgt.country and tgt.country == src.country and not code.startswith("14") \
                    and src.rule == "agent+main-country" and tgt.rule in {"country", "metonymy", "capital"}:
                # "Lawmakers criticised Russia": the story's main state is the one acted on, so
                # the role word's guessed country was that of the other party (protesters, who
                # mostly face their own state, keep it: "protesters packed central Belgrade")
                src = dc_replace(src, country=None, code=src.sector or "---", rule="agent")
            if tgt is not None and tgt.code == src.code:
                # an undated "Taliban" is today's government; facing the government it must be the
                # insurgency of the years before (org_roles.tsv)
                src, tgt = self._other_role(src, tgt.code), self._other_role(tgt, src.code)
            if tgt is not None and tgt.code == src.code and not (
                    src.name and tgt.name and src.name != tgt.name and src.sector in _NAMED_GROUPS):
                # an actor acting on itself is a misread target ("released followers of the
                # rebel leader" read as the leader): the act stands, its target is unknown;
                # two named parties of one state ("ZANU-PF accused the CCC") are two actors
                if tgt.rule in _SELF_RULES or any(
                        e.source.code == src.code and e.target is None and e.cameo == code for e in out):
                    continue  # "Türkiye ... its borders": the state itself, no separate target
                tgt = None
            pcode, pinfo = code, info
            riot = self.modal.get("riot") or {}
            if tgt is not None and code in riot.get("crowd_codes", ()) and src.sector in riot.get("crowds", ()) \
                    and tgt.sector in riot.get("against", ()):
                # "angry residents set fire to a police post": a crowd turning on the state riots
                pcode, pinfo = "145", self.ontology.get("145")
            official_protest = self.modal.get("official_protest") or {}
            if code[:2] == "14" and trig.head.lemma_.lower() in official_protest.get("words", ()) and (
                    src.sector in official_protest.get("by", ()) or src.sector is None and src.country
                    and (len(src.country) == 3 and src.rule in {"country", "metonymy", "capital"}
                         or src.country in {"IGO", "UNO", "EUR"})):
                # "China protested to Japan over the visit": a state's protest is an official
                # complaint, not a demonstration
                pcode, pinfo = official_protest["code"], self.ontology.get(official_protest["code"])
            mass = self._mass_act(trig, code, tgt) if tgt is not None else None
            if mass is not None:
                pcode, pinfo = mass, self.ontology.get(mass)
            confidence = 0.9 if tgt is not None else 0.7
            if src.rule in {"pronoun", "agent"}:
                confidence -= 0.1
            if src.rule == "unknown":
                confidence -= 0.3
            confidence += prominence
            out.append(Event(
                source=src, target=tgt, cameo=pcode, plover=pinfo.plover, mode=pinfo.mode,
                evidence=sent.text.strip(), confidence=round(confidence, 2),
                pattern=trig.pattern.id, trigger=" ".join(t.text for t in sorted(trig.tokens, key=lambda t: t.i)),
                trigger_start=base_offset + trig.head.idx,
                trigger_end=base_offset + trig.head.idx + len(trig.head.text),
                sentence=sent_index, goldstein=pinfo.goldstein, quad_class=pinfo.quad_gdelt,
                negated=negated, hypothetical=hypothetical or family is not None,
                from_caption=from_caption,
            ))
            out[-1]._definite = definite
            out[-1]._trigger_i = trig.head.i
            out[-1]._actor_tokens = actor_tokens
            out[-1]._toll_of = trig.toll_of
            out[-1]._claimed_by = src if responsibility else None
            out[-1]._joined = getattr(self, "_joined", False)
        if claimed_own and code[:2] in {"18", "19", "20"} and not code.startswith("192"):
            info15 = self.ontology.get("015")
            for ev in list(out):
                twin = dc_replace(ev, cameo="015", plover=info15.plover, mode=info15.mode,
                                  goldstein=info15.goldstein, quad_class=info15.quad_gdelt)
                for attr in ("_definite", "_trigger_i", "_actor_tokens"):
                    setattr(twin, attr, getattr(ev, attr))
                out.append(twin)
        converse = self.modal.get("converse") or {}
        for ev in list(out):
            other = converse.get(ev.cameo)
            if other and ev.target is not None and other in self.ontology.codes:
                # "X visited Y" is also Y hosting X
                info2 = self.ontology.get(other)
                twin = dc_replace(ev, source=ev.target, target=ev.source, cameo=other, plover=info2.plover,
                                  mode=info2.mode, goldstein=info2.goldstein, quad_class=info2.quad_gdelt)
                for attr in ("_definite", "_trigger_i", "_actor_tokens"):
                    setattr(twin, attr, getattr(ev, attr))
                twin._mirror = other == ev.cameo  # "A met B" is also B meeting A
                out.append(twin)
        return out


    def _describes_object(self, verb: Token, with_agent: bool = False) -> bool:
        """A doer-less participle on a party of another coded act ("demanded the release of an
        official detained over the weekend", "protesters detained last week were freed")
        describes who the act is about. With `with_agent`, a participle with its doer on an
        object of another clause ("met at a venue hosted by X") describes that thing."""
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or (_agent(verb) is not None) != with_agent:
            return False
        noun = verb.head
        if with_agent:  # ("aid sent by Turkey reached Gaza": the subject's own story is news)
            return noun.dep_ not in {"nsubj", "nsubjpass", "ROOT"}
        gov = noun.head if noun.dep_ in {"dobj", "pobj", "nsubjpass", "nsubj"} else None
        while gov is not None and gov.pos_ == "ADP" and gov.head.i != gov.i:
            gov = gov.head
        cache = getattr(self, "_trigger_cache", None)
        if gov is None or cache is None:
            return False
        return any(gov.i in {w.i for w in t.tokens} for t in cache[1])

    def _aimed(self, trig: Trigger) -> bool:
        """Whether a hostile act names what it was aimed at, actor or not.

        "A and B clashed" is each against the other; "American and Philippine troops fired at a
        ship" is two doers against one thing, not against each other."""
        head = trig.head
        if trig.pattern.noun or head.lemma_.lower() in self.modal["mutual_fighting"]:
            return False  # "exchanged fire at the border crossing": the place, not an aim
        if any(c.dep_ == "dobj" and c not in trig.tokens and c.lemma_.lower() not in self.weapons
               and c.lower_ not in {"other", "another"} for c in head.children):  # "each other"
            return True
        return bool(_prep_objects(head, ("at", "against", "upon"), trig.tokens))

    def _stoppage(self, noun: Token) -> bool:
        """Whether a strike noun is owned or held by a workforce (sets.yaml `WORKFORCE`)."""
        if not hasattr(self, "_workforce"):
            from eventwire.lexicon import _bundled_sets
            self._workforce = frozenset(_bundled_sets().get("WORKFORCE", ()))
        doers = [c for c in noun.children if c.dep_ == "poss"]
        governor = _governing_verb(noun)
        up = noun.head if noun.dep_ == "pobj" else None
        for _ in range(3):  # "continued with their strike", "went ahead with their strike"
            if governor is not None or up is None or up.head.i == up.i:
                break
            up = up.head
            governor = up if up.pos_ in {"VERB", "AUX"} else None
        if governor is not None and governor.pos_ in {"VERB", "AUX"}:
            doers.append(self._subject(governor)[0])
        return any(d is not None and d.lemma_.lower() in self._workforce for d in doers)

    def _accidental(self, verb: Token, subject_only: bool = False) -> bool:
        """Whether the act's cause is an accident or a disaster (modality.yaml `accidents`);
        `subject_only`: whether the disaster is what does it ("a cyclone battered the coast")."""
        causes = set(self.modal.get("accidents", ()))
        if not causes:
            return False
        heads = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}] + _means_subjects(verb)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" \
                and verb.head.lemma_.lower() in self.modal.get("accident_verbs", ()):
            return True  # "a navy helicopter crashed into the sea, killing two crew": a mishap
        if not subject_only:
            heads += [g for c in verb.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "in", "from"}
                      for g in c.children if g.dep_ == "pobj"]
        if not subject_only and _agent(verb) is None and any(
                w.lemma_.lower() in causes for w in _cause_words(verb)):
            return True  # "were killed after cloudbursts triggered flash floods" ("when troops
            # opened fire" is no fire by accident: only the listed causes count here)
        animals = set(self.modal.get("animals", ()))
        if any(h.lemma_.lower() in animals and h.pos_ == "NOUN" and h.is_lower
               and not any(c.dep_ == "conj" for c in h.children) for h in heads):
            return True  # "killed by a leopard" (not "the Tamil Tigers")
        # "Cyclone Freddy battered Malawi, killing 400": the storm's name says what it is
        heads += [c for h in list(heads) for c in h.children if c.dep_ == "compound"]
        # "a fire at a garment factory killed 16": a fire nobody's weapons made ("Israeli fire",
        # "tank fire", "the army's fire" are shooting)
        return any(h.lemma_.lower() in causes or h.lemma_.lower() == "fire" and h.pos_ == "NOUN"
                   and not any(c.dep_ in {"amod", "compound", "poss", "nmod"} for c in h.children)
                   for h in heads)

    def _tally(self, verb: Token, code: str = "19") -> bool:
        """Whether a violent or coercive verb sums up a period rather than telling an act: a war
        or an insurgency as its subject ("the war has killed tens of thousands"), or a present
        perfect counted since a time or so far ("23 people have been killed since June")."""
        periods = set(self.modal.get("conflict_periods", ()))
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in periods for c in verb.children):
            return True
        perfect = any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have", "'ve"} for c in verb.children)
        if not perfect:
            return False
        if code[:2] == "17" and not (_agent(verb) is None and any(
                c.dep_ == "nsubjpass" and _counted(c) for c in verb.children)):
            return False  # ("police have arrested five people so far": the case's news)
        spans = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "since" and not (
            code[:2] == "17" and any(o.lower_ in _RECENT for o in c.children))]
        # "since the war began"
        spans += [c for c in verb.children if c.dep_ == "advcl"
                  and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)]
        if code[:2] != "17":  # ("five men have been arrested so far": a case's arrests are its news)
            spans += [c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "far"
                      and any(g.lower_ == "so" for g in c.children)]
            spans += [t for t in verb.subtree if t.lower_ == "date" and t.head.lower_ == "to"]
        # "this year", "over the past year", "in the last six months" (a long span: "2,500 have
        # been arrested over the last five days" is the news of a week of riots)
        spans += [c for c in verb.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_PERIODS
                  and any(d.lower_ == "this" for d in c.children)]
        spans += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"over", "in", "during"}
                  for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in _LONG_PERIODS
                  and any(a.lower_ in {"past", "last"} for a in o.children)]
        return bool(spans)

    def _claimed(self, code: str, sources: list[Actor], src_toks: list[Token],
                 resolver: ActorResolver, mentions: Mentions):
        """A hostile act inside "X claimed/alleged that ...": X's own act is a claim of
        responsibility (015, aimed at the act's target); another's an accusation (112 X->doer).
        Returns (code, sources, the accused or None, source tokens)."""
        gov_subj, _p = self._subject(self._gov_token)
        speakers = resolver.resolve_all(gov_subj, mentions) if gov_subj is not None else []
        if not speakers or not sources:
            return code, sources, None, src_toks
        own = {a.code for a in speakers}
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _RESPONSIBILITY for c in self._gov_token.children):
            # "the Pakistani Taliban claimed responsibility for the attack": the claimant did it
            return "015", speakers, None, [gov_subj]
        # "claimed its forces captured two villages": the speaker's own forces
        owned = bool(src_toks) and all(any(c.dep_ == "poss" and c.lower_ in _OWNING_PRONOUNS for c in t.children)
                                       for t in src_toks)
        if owned:
            sp = speakers[0]
            if len(speakers) == 1 and sp.country:
                sources = [dc_replace(a, country=sp.country, code=sp.country + (a.sector or ""), rule="owner")
                           for a in sources]
            return "015", sources, None, src_toks
        if all(a.code in own for a in sources):
            return "015", speakers, None, src_toks  # recoded below: the act, and its claim
        return "112", speakers, [a for a in sources if a.code not in own], [gov_subj]

    def _other_role(self, actor: Actor, taken: str) -> Actor:
        """An organisation resolved by its current role, moved to a dated role unlike `taken`."""
        if actor.rule != "org+current" or not actor.name:
            return actor
        entry = self.dictionary.lookup(actor.name)
        if entry is None or not entry.tenures:
            return actor
        for t in sorted(entry.tenures, key=lambda t: t.start or "", reverse=True):
            code = (t.country or "") + (t.sector or "")
            if code != taken:
                return dc_replace(actor, country=t.country, sector=t.sector, code=code,
                                  rule="org+other-role", entry=t.where)
        return actor

    def _tone(self, trig: Trigger) -> tuple[str, list[Token] | None]:
        """013 / 012 for a statement whose reported clause is hopeful / gloomy (data: tone)."""
        spec = self.modal["tone"]
        if trig.pattern.noun or trig.head.lemma_.lower() not in spec["speech_verbs"]:
            return "010", None
        clauses = [c for c in trig.head.children if c.dep_ in {"ccomp", "xcomp"}]
        if not clauses and trig.head.dep_ in {"parataxis", "ccomp"}:  # '"...," he said'
            clauses = [trig.head.head]
        if not clauses:
            return "010", None
        tokens = [t for c in clauses for t in c.subtree]
        stance = self._stance(trig, clauses[0], tokens)
        if stance is not None:
            # the parties of what is ruled out or demanded are named in its own clause, not in
            # the purposes and descriptions hanging on it ("would not give permission to Russia
            # to help Israel" rules something out for Russia)
            nested = {t.i for c in clauses for x in c.subtree if x.dep_ in {"advcl", "relcl", "acl"}
                      and x.i != c.i for t in x.subtree}
            return stance, [t for t in tokens if t.i not in nested]
        cache = getattr(self, "_trigger_cache", None)
        if cache is not None and any(not t.pattern.noun and t.head.i == clauses[0].i and t.pattern.code[:2] != "01"
                                     for t in cache[1]):
            return "010", None  # "said Israeli jets struck an air base": the reported act is the news
        # ("near Homs" is a place, not a deal drawing near)
        adjectival = set(spec.get("adjective_only", ()))
        kept = [t for t in tokens if t.pos_ != "ADP" and not (
            t.pos_ not in {"ADJ", "ADV"} and (t.lower_ in adjectival or t.lemma_.lower() in adjectival))]
        words = {t.lemma_.lower() for t in kept} | {t.lower_ for t in kept}
        optimistic = bool(words & set(spec["optimistic"]))
        pessimistic = bool(words & set(spec["pessimistic"]))
        if optimistic == pessimistic:
            return "010", None
        if any(t.dep_ == "neg" or t.lower_ in {"no", "not", "never"} for t in tokens):
            optimistic = not optimistic
        return ("013" if optimistic else "012"), tokens

    def _stance(self, trig: Trigger, clause: Token, tokens: list[Token]) -> str | None:
        """A statement whose reported clause says what someone must do is a demand (100); one
        that rules an act out ("it will not accept ...") is a rejection (120). Only when the
        clause holds no coded act of its own, which would carry that modality itself."""
        spec = self.modal["stance"]
        cache = getattr(self, "_trigger_cache", None)
        if cache is not None and any(t.head.i == clause.i or (t.pattern.noun and t.head.head.i == clause.i)
                                     for t in cache[1] if t.head.i != trig.head.i):
            return None  # the reported clause's own verb is a coded act: it carries the modality
        auxes = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
        negated = any(c.dep_ == "neg" for c in clause.children)
        if auxes & set(spec["demand_aux"]) and not negated:
            return "100"
        # "X said Arnor will contribute ...": another's intent or refusal is not the speaker's
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos_ not in {"PRON"}:
            return None
        if negated and auxes & set(spec["refuse_aux"]):
            if clause.lemma_.lower() in spec.get("comment_verbs", ()):
                return "011"
            return "120"
        future = auxes & set(spec["intent_aux"]) or any(
            c.dep_ == "acomp" and c.lower_ in spec["intent_adjectives"] for c in clause.children)
        verbs = {clause.lemma_.lower()} | {x.lemma_.lower() for c in clause.children if c.dep_ in {"xcomp", "prep"}
                                           for x in [c, *c.children]}
        if future and not negated and verbs & set(spec["cooperative_verbs"]):
            return "030"  # "said it will return the weapons", "is committed to opening up"
        return None

    def _means_code(self, trig: Trigger) -> str | None:
        """A bombing done with a military weapon ("blown up by a surface-to-air missile",
        "destroyed with artillery") is military force, not CAMEO's non-military bombing, and an
        attack a planted bomb does is a bombing (modality.yaml `military_means`, `bombing_means`)."""
        if trig.pattern.noun:
            head = trig.head
            if trig.pattern.code[:2] in {"18", "19", "20"} and head.dep_ == "pobj" and head.head.lower_ == "in" \
                    and head.head.head.lemma_.lower() in {"use", "deploy", "employ"}:
                # "used chemical weapons in attacks on X": the attack's means is what was used
                wmd = self.modal.get("mass_destruction_means") or {}
                used = [c for c in head.head.head.children if c.dep_ == "dobj"]
                used += [m for u in used for m in u.children if m.dep_ in {"compound", "amod"}]
                return next((str(wmd[u.lemma_.lower()]) for u in used if u.lemma_.lower() in wmd), None)
            return None
        if trig.pattern.code == "084" and trig.head.lemma_.lower() == "hand" and any(
                a.dep_ == "acl" and a.lemma_.lower() == "want" for c in trig.head.children if c.dep_ == "dobj"
                for a in c.children):
            return "063"  # "handed over to Tunisia two militants wanted over the attack": a fugitive
        tested = self.modal.get("test_launches") or {}
        if trig.pattern.code[:2] == "19" and trig.head.lemma_.lower() in tested.get("verbs", ()) \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in tested["weapons"] for c in trig.head.children):
            # "fired two missiles into the sea": the destination is water, so no one is attacked
            into = [g for c in trig.head.children if c.dep_ == "prep" and c.lower_ in tested["preps"]
                    for g in c.children if g.dep_ == "pobj"]
            if any(g.lemma_.lower() in tested["waters"] for g in into):
                return str(tested["code"])
        protect = self.modal.get("protection_purposes") or {}
        if trig.pattern.code[:2] == "15" and trig.head.lemma_.lower() in protect.get("verbs", ()):
            head = trig.head
            named = any(c.dep_ == "prep" and c.lower_ == "to" and any(
                g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in head.children)
            purposes = [c for c in head.children if c.dep_ in {"advcl", "xcomp"} and _infinitive(c)
                        or c.dep_ == "prep" and c.lower_ == "as"]
            if named and any(t.lemma_.lower() in protect.get("words", ()) for c in purposes for t in c.subtree):
                return str(protect["code"])
            sent = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
            sent += [g for c in sent for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"]  # "a contingent of police officers"
            if named and any(c.lemma_.lower() in protect.get("forces", ()) for c in sent):
                return str(protect["code"])  # "to send 600 police officers to Haiti"
        if trig.pattern.code == "166":
            # "troops withdrew from the town", "pulled out of the eastern sector": leaving ground
            # is a military retreat (0874); leaving a treaty, a body or talks reduces relations
            hangers = [trig.head] + [c for c in trig.head.children if c.dep_ == "prt"]  # "pulled out of"
            left = [g for h in hangers for c in h.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                    for g in c.children if g.dep_ == "pobj"]
            left += [g for p in left for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"] if any(p.lemma_.lower() in _GROUND for p in left) else []
            armed = {"troop", "force", "soldier", "fighter", "army", "rebel", "militant", "militia",
                     "insurgent", "peacekeeper", "unit", "battalion", "brigade", "contingent", "mercenary"}
            subjects = [c for c in trig.head.children if c.dep_ == "nsubj"]
            subjects += [g for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"]  # "hundreds of UN troops"
            if any(c.lemma_.lower() in armed for c in subjects) and not (
                    left and left[0].ent_type_ in {"ORG", "LAW"}):
                return "0874"  # "troops pulled out", "the rebels withdrew from Kidal"
            if left and (left[0].lemma_.lower() in _GROUND or left[0].ent_type_ in {"LOC", "FAC"}
                         or (left[0].ent_type_ == "GPE" and left[0].i not in getattr(self, "_state_tokens", ()))):
                return "0874"
        if trig.pattern.code[:2] in {"18", "19", "20"}:
            # "dropped a chlorine cylinder on", "shelled the town with sarin": a chemical weapon
            wmd = self.modal.get("mass_destruction_means") or {}
            # (", killing 43 people" after "dropped a chlorine cylinder": the verb it tells the toll of)
            verbs = [trig.head] + ([trig.head.head] if trig.head.dep_ in {"advcl", "conj"} else [])
            used = [c for v in verbs for c in v.children if c.dep_ == "dobj"] + [
                g for v in verbs for c in v.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "with"}
                for g in c.children if g.dep_ == "pobj"]
            # "barrels filled with chlorine gas": what the thing used is filled or laced with
            used += [g for u in list(used) for a in u.children if a.dep_ == "acl"
                     for p in a.children if p.dep_ == "prep" and p.lower_ == "with"
                     for g in p.children if g.dep_ == "pobj"]
            used += [m for u in used for m in u.children if m.dep_ in {"compound", "amod"}]
            hit = next((wmd[u.lemma_.lower()] for u in used if u.lemma_.lower() in wmd), None)
            if hit is not None:
                return str(hit)
        means = self.modal.get("military_means") or {}
        if trig.pattern.code == "190":
            # "a roadside bomb struck an army convoy": a planted bomb is a bombing; "a missile hit
            # the school", "shells landed in the market": the weapon says how force was used
            bombs = self.modal.get("bombing_means") or ()
            subjects = [c.lemma_.lower() for c in _means_subjects(trig.head)]
            if any(s in bombs for s in subjects):
                return "183"
            if _agent(trig.head) is None and any(c.lemma_.lower() in bombs for c in _cause_words(trig.head)):
                return "183"  # "were killed when their vehicle struck a roadside bomb"
            return next((str(means[s]) for s in subjects if s in means), None)
        if trig.pattern.code[:2] != "18" or not means:
            return None
        for prep in trig.head.children:
            if prep.dep_ in {"agent", "prep"} and prep.lower_ in {"by", "with"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in means:
                        return str(means[obj.lemma_.lower()])
        return None

    def _wielder(self, tok: Token) -> Token | None:
        """Who used a weapon named as the doer: "a missile believed to be fired by rebels"."""
        if not self._is_violent_thing(tok):
            return None
        for acl in (c for c in tok.children if c.dep_ == "acl"):
            cur = acl
            for _ in range(3):
                agent = _agent(cur)
                if agent is not None:
                    return agent
                cur = next((x for x in cur.children if x.dep_ == "xcomp"), None)
                if cur is None:
                    break
        return None

    def _is_violent_thing(self, tok: Token) -> bool:
        """An attack or a weapon as subject ("the blast killed", "a shell hit"), not a flood."""
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NNPS" and lemma.endswith("s"):
            lemma = lemma[:-1]  # "Rockets rain down on ...": a headline plural taken for a name
        if lemma in self.weapons:
            return True
        return any(p.code[:2] in {"18", "19", "20"} for p in self.lexicon.heads(True).get(lemma, ()))

    def _implicit_source(self, verb: Token, code: str, resolver: ActorResolver,
                         mentions: Mentions) -> list[Actor]:
        """Who did an act whose doer is not named: "killed in police firing" names the police;
        "were arrested", "a blast killed" fall back to the act's usual agent (arrests: the
        police; killings: an unnamed armed actor)."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found = []
                        for a in resolver.resolve(obj, mentions):
                            if a.rule == "demonym-modifier":  # "in Israeli tank fire"
                                found.append(self._modifier_actor(a, code))
                            elif a.sector and a.rule not in {"metonymy", "country", "place", "demonym"}:
                                found.append(a)
                        if found:
                            return found
        if code[:2] in {"16", "17"}:
            # "inspectors were expelled from North Korea": the state they were sent out of
            for obj in _prep_objects(verb, ("from",), []):
                states = [a for a in resolver.resolve(obj, mentions)
                          if a.rule in {"country", "metonymy", "capital"} and a.sector == "GOV"]
                if states:
                    return states
        spec = self.modal["implicit_source"]
        sector = next((spec[code[:n]] for n in (4, 3, 2) if code[:n] in spec), None)
        if sector is None:
            return []
        country = resolver.main_country if sector != "UAF" else None
        return [Actor(code=(country or "") + sector, country=country, sector=sector, text="",
                      rule="implicit")]

    def _modifier_actor(self, actor: Actor, code: str) -> Actor:
        """A state named by a modifier of an event noun acts through its forces or government."""
        spec = self.modal["modifier_sector"]
        sector = spec["default"]
        for n in (4, 3, 2):
            if code[:n] in spec["by_code"]:
                sector = spec["by_code"][code[:n]]
                break
        return Actor(code=(actor.country or "") + sector, country=actor.country, sector=sector,
                     text=actor.text, name=actor.name, rule="modifier", entry=actor.entry)


# how an actor was found when it was named by words of its own ("police", "the army", a person, an
# organisation): such actors act even in a sentence about sport
def _bare_infinitive_subject(tok: Token, verb: Token) -> bool:
    """Whether `tok` is the subject of a bare infinitive hung on `verb` ("help Lithuania build",
    "let Kenya join"): the parser's clause subject that is the verb's own object."""
    clause = tok.head
    return tok.dep_ == "nsubj" and clause.dep_ == "ccomp" and clause.head.i == verb.i \
        and clause.tag_ == "VB" and clause.i > tok.i > verb.i \
        and not any(a.dep_ in {"mark", "aux", "auxpass"} for a in clause.children)


_NAMED_BY_OWN_WORDS = frozenset({"agent", "agent+setting", "agent+list", "agent+place", "agent+main-country",
                                 "person", "person+title", "title", "org", "petrarch", "coreference-role"})


# verbs that tell an event noun began, went on or grew ("clashes erupted between A and B")
_ONSET_VERBS = frozenset({"break", "erupt", "resume", "continue", "flare", "rage", "escalate", "intensify",
                          "begin", "start", "occur", "take", "spread", "persist"})


def _cause_words(verb: Token) -> list[Token]:
    """The subject and object of a clause that says how a passive toll came about ("were killed
    when their vehicle struck a bomb", "after cloudbursts triggered floods"), and what a
    quantity there counts ("a series of cloudbursts")."""
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and verb.tag_ != "VBN":
        return []  # (a headline's "24 killed as bus plunges into river" has no auxiliary)
    # ("were killed and 34 are missing after ...": the clause may hang on the conjunct)
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj"]
    clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl"
               and any(m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "after", "as"} for m in c.children)]
    # the clause's verb too: "when a building collapsed", "after their boat capsized"
    words = clauses + [g for c in clauses for g in c.children if g.dep_ in {"nsubj", "dobj", "nsubjpass"}]
    # a headline's "24 killed as bus plunges into river", its clause read as a noun phrase
    words += [g for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ in {"as", "after", "when"}
              for g in p.children if g.dep_ == "pobj"]
    return words + [g for w in words for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]


def _means_subjects(verb: Token) -> list[Token]:
    """The subject of a verb, or for a participle or conjunct with none of its own, the subject
    of the clause it hangs from ("a car bomb exploded ..., killing six officers")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or any(c.dep_ == "nsubjpass" for c in verb.children):
        return own
    if verb.dep_ in {"advcl", "conj"} and verb.tag_ in {"VBG", "VBD", "VBZ", "VBP"} \
            and verb.head.pos_ in {"VERB", "AUX"}:
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    return []


def _with_sector(actor: Actor, sector: str) -> Actor:
    """A state named only by a demonym on a common noun: it acts as its government ("Russian
    efforts") and is acted upon as its people ("Palestinian homes"), or as the state when what is
    hit is its trade ("tariffs on Brazilian goods")."""
    if actor.rule != "demonym-modifier" or actor.sector is not None:
        return actor
    words = set(actor.text.lower().split()[:4])  # the phrase's head, before what follows it
    if sector == "CVL" and words & (_TRADE | _STATE_ACTS | _STATE_GROUND):
        sector = "GOV"
    elif sector == "CVL" and words & _MILITARY_THINGS:
        sector = "MIL"  # "struck Ukrainian positions"
    return Actor(code=(actor.country or "") + sector, country=actor.country, sector=sector,
                 text=actor.text, name=actor.name, rule="demonym", entry=actor.entry)


def _fill_counterpart(actor: Actor, other: Actor) -> Actor:
    """"his Russian counterpart" holds the same kind of office as the other side."""
    if actor.rule != "counterpart" or actor.sector is not None:
        return actor
    return Actor(code=(actor.country or "") + (other.sector or ""), country=actor.country,
                 sector=other.sector, text=actor.text, name=actor.name, rule="counterpart",
                 entry=actor.entry)


_SEAT_WORDS = frozenset({"base", "based", "headquarter", "headquartered", "register", "registered"})
_NO_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "AFR", "ASA", "MEA", "WST"})


_PROVINCE_SUFFIXES = frozenset({"state", "province", "region", "department", "county", "governorate",
                                "district", "prefecture", "oblast"})


def _province(name: str) -> str | None:
    """The state of a first-level region named alone or with its kind ("Borno State")."""
    from eventwire.actors.base import province_countries

    words = name.split()
    if len(words) > 1 and words[-1].lower() in _PROVINCE_SUFFIXES:
        words = words[:-1]
    folded = " ".join(words).casefold()
    return province_countries().get(folded) if folded else None


def main_country(all_mentions: list[Mentions], docs: list[Doc] | None = None,
                 dateline: str | None = None) -> str | None:
    """The state an article names most (countries, demonyms, capitals and the cities of the
    gazetteer, each mention once, and the country of its dateline), for bare role words such
    as "police"."""
    from eventwire.actors.base import city_countries

    counts: dict[str, float] = {}
    if dateline:
        counts[dateline] = DATELINE_WEIGHT
    for index, mentions in enumerate(all_mentions):
        seen = set()
        doc = docs[index] if docs is not None else None
        for entry, start, end in mentions.names.values():
            if start in seen or not entry.country or len(entry.country) != 3:
                continue
            seen.add(start)
            if doc is not None and doc[end - 1].head.lemma_.lower() in _SEAT_WORDS:
                continue  # "a UK-based group": where an office is, not what the story is about
            if entry.kind in {"country", "demonym", "capital"}:
                counts[entry.country] = counts.get(entry.country, 0) + 1
            elif entry.kind == "org" and entry.country not in _NO_STATE:
                # "the Syrian Observatory", "al-Shabaab": a national body hints at its state
                counts[entry.country] = counts.get(entry.country, 0) + 0.5
        if docs is not None:
            for ent in docs[index].ents:
                if ent.label_ == "GPE" and ent.start not in mentions.names and not names_an_accord(ent.root):
                    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                    hit = city_countries().get(name.casefold()) or city_countries().get(
                        name.split()[0].casefold())  # "Gaza Strip", "Aleppo province"
                    if hit:  # where things happen weighs a little more than who is named
                        counts[hit[0]] = counts.get(hit[0], 0) + 1.5
                    elif province := _province(name):  # "Zamfara State", "Sagaing Region"
                        counts[province] = counts.get(province, 0) + 1.0
            gpe = {t.i for ent in docs[index].ents if ent.label_ == "GPE" for t in ent}
            for tok in docs[index]:
                # "around Lyon", tagged as no place by the parser: a proper name after a
                # preposition of place that the gazetteer knows as a city
                if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ in _LOCATIVE \
                        and tok.i not in gpe and tok.i not in mentions.names:
                    words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
                    hit = city_countries().get(" ".join(w.text for w in words).casefold())
                    if hit:
                        counts[hit[0]] = counts.get(hit[0], 0) + 1.5
                    elif province := _province(" ".join(w.text for w in words)):
                        counts[province] = counts.get(province, 0) + 1.0
    if not counts:
        return None
    return max(sorted(counts), key=lambda c: counts[c])


# a dateline is where the story was filed, usually among its own people: it weighs as two
# mentions ("KYIV — ... his Turkish counterpart ... in Ankara" is a Ukrainian story)
DATELINE_WEIGHT = 2.0
_MEETING_PREPS = frozenset({"in", "during", "at"})
# sectors whose named bodies of one state stay apart even with one code (two parties, two
# rebel groups, two newspapers)
_NAMED_GROUPS = frozenset({"PTY", "OPP", "REB", "JRN", "BUS", "LAB", "NGO", "CRM", "REL", "MED", "EDU"})
_ARMED_STATE = frozenset({"COP", "MIL", "SPY"})  # the state's armed hands, who hold no protest
# roots whose light-verb "to" names the party addressed or given to: "conveyed condolences to the
# families", "issued a warning to Iran", "approved a loan to Kenya"
_ADDRESSED = frozenset({"01", "02", "03", "04", "05", "06", "07", "10", "11", "12", "13"})


def _meeting_adjunct(noun: Token, code: str, display_verbs: frozenset[str] = frozenset()) -> bool:
    """"during a phone call with Putin", "in talks with Kyiv": a meeting told as the setting of
    the clause's act, which took place whatever the clause says was done or planned in it.
    "Demonstrators chant slogans during a protest": a protest is the setting of what its own
    people do there (``display_verbs``), so the clause's subject holds it; "police fired tear
    gas during a protest" names no such act, and the police hold no protest."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _MEETING_PREPS \
            or noun.head.head.pos_ not in {"VERB", "AUX"} or noun.head.head.i == noun.i:
        return False
    if code[:2] == "14":
        verb = noun.head.head
        return verb.lemma_.lower() in display_verbs and not any(c.dep_ == "prt" for c in verb.children)
    return code[:2] == "04" and bool(_prep_objects(noun, ("with",), []))


def _drill_adjunct(noun: Token, code: str, drill_words) -> bool:
    """"fired missiles during naval drills": a drill told as the setting of the clause's act is
    held by the clause's subject (the act itself is part of the drill)."""
    return code[:2] in {"06", "15"} and noun.lemma_.lower() in drill_words and noun.dep_ == "pobj" \
        and noun.head.lower_ in {"during", "in"} and noun.head.head.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ == "nsubj" for c in noun.head.head.children)  # "were killed during drills": no holder


_SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})


def _named_threatener(clause: Token) -> Token | None:
    """The named party a warning says would act ("warned that Russia would respond if ...":
    Russia), as opposed to a pronoun for the speaker or a thing ("inflation would climb")."""
    for c in clause.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PROPN" and c.ent_type_ in _ACTOR_ENTS:
            return c
    return None


_ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _condition_clause(verb: Token, future: set[str]) -> Iterator[Token]:
    """Content clauses of a warning verb told in the future or as an infinitive."""
    for clause in verb.children:
        if clause.dep_ not in {"ccomp", "xcomp"}:
            continue
        if _infinitive(clause) or {c.lower_ for c in clause.children if c.dep_ == "aux"} & future:
            yield clause


def _free_verbs(doc: Doc, found: list[Trigger], lemmas) -> Iterator[Token]:
    """Verbs of these lemmas that no lexicon trigger has taken."""
    heads = {t.head.i for t in found}
    for tok in doc:
        if tok.i not in heads and tok.pos_ == "VERB" and tok.lemma_.lower() in lemmas:
            yield tok


def _modal_trigger(name: str, code: str, text: str, tok: Token) -> Trigger:
    """A trigger made by a mechanism of modality.yaml rather than by a lexicon pattern."""
    pattern = Pattern(id=f"modality.yaml#{name}", code=code, text=text, noun=False,
                      head=tok.lemma_.lower(), words=())
    return Trigger(pattern, tok, [tok])


def _condition_subjects(verb: Token, spec: dict, future: set[str]) -> list[Token]:
    """Subjects of the if-clause on what a warning verb says the speaker, or a named party,
    would do ("warned that it would respond if Kyiv attacked": Kyiv)."""
    for clause in _condition_clause(verb, future):
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in _SPEAKER_PRONOUNS for c in clause.children) \
                and _named_threatener(clause) is None:
            continue  # "warned that inflation would climb if ...": not what anyone would do
        for cond in clause.children:
            if cond.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in spec.get("marks", ())
                                            for m in cond.children):
                subjects = [c for c in cond.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON"]
                if subjects:
                    return subjects
    return []


_HOLDING = frozenset({"hold", "control", "occupy", "run"})
_HELD = frozenset({"held", "controlled", "occupied", "run"})


def _holder(place: Token) -> Token | None:
    """Who holds a place an attack hit: "areas held by the RSF", "a rebel-held town"."""
    for c in place.children:
        if c.dep_ == "acl" and c.lemma_.lower() in _HOLDING:
            agent = _agent(c)
            if agent is not None:
                return agent
        if c.dep_ in {"amod", "compound"} and c.lower_.split("-")[-1] in _HELD:
            owner = next((g for g in c.children if g.dep_ in {"npadvmod", "compound", "nmod", "amod"}
                          and g.pos_ in {"NOUN", "PROPN", "ADJ"}), None)
            if owner is not None:
                return owner
            if "-" in c.text:
                return None  # "Houthi-held" as one token names its holder only as text
    return None


def _owner(thing: Token) -> Token | None:
    """Who owns a thing acted on: "assets belonging to the newspaper", "trucks owned by the
    rebels"."""
    for c in thing.children:
        if c.dep_ == "acl" and c.lemma_.lower() == "belong":
            obj = next(iter(_prep_objects(c, ("to",), [])), None)
            if obj is not None:
                return obj
        if c.dep_ == "acl" and c.lemma_.lower() == "own" and c.tag_ == "VBN":
            agent = _agent(c)
            if agent is not None:
                return agent
    return None


def _as_military(actor: Actor) -> Actor:
    """A state named as the one who drills: its armed forces ("Japan and India held naval
    exercises")."""
    if actor.sector == "GOV" and actor.name is None and actor.country and len(actor.country) == 3 \
            and actor.rule in {"country", "metonymy", "demonym", "demonym-modifier", "modifier", "pronoun",
                               "coreference"}:
        return dc_replace(actor, sector="MIL", code=actor.country + "MIL", rule=actor.rule + "+drill")
    return actor


def _acts_on_protesters(groups: list[list[Token]], resolver: ActorResolver, mentions: Mentions, rep: dict,
                 sources: list[Actor]) -> bool:
    """Whether security forces (by sector) act on protesters: the first group naming an actor."""
    if not all(a.sector in rep.get("sources", ()) for a in sources):
        return False
    for group in groups:
        found = [a for t in group for a in resolver.resolve_all(t, mentions)]
        if found:
            return all(a.sector in rep.get("targets", ()) for a in found)
    return False


def _owned(noun: Token, mentions: Mentions | None) -> bool:
    """Whether the words before a noun name who holds it ("Hamas positions", "rebel-held towns")."""
    if mentions is None:
        return False
    # "an air base", "residential areas": the noun itself names who holds it
    return noun.i in mentions.agents or any(
        (t.i in mentions.names or t.i in mentions.agents) for t in noun.subtree if t.i < noun.i)


def _conditional(clause: Token) -> bool:
    """Whether a clause is the condition of another ("if Paris goes ahead", "unless Brasilia
    drops the case"): what it says has not happened."""
    cur = clause
    for _ in range(4):
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in cur.children):
            return True
        subject = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if cur.dep_ == "advcl" and subject is not None and any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in {"should", "were", "had"} and c.i < subject.i
                for c in cur.children):
            return True  # "should the government request it", "were Kyiv to agree": inverted conditions
        present = cur.tag_ in {"VBZ", "VBP", "VB"} or cur.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in {"have", "has"} or c.dep_ == "auxpass" and c.lower_ in {"is", "are", "am"}
            for c in cur.children)  # ("once they have met", "until the militia are eliminated")
        if cur.dep_ == "advcl" and present and any(
                c.dep_ == "mark" and c.lower_ in {"once", "until", "till", "provided", "providing"}
                for c in cur.children):
            return True  # "will lift the ban once the company agrees", "until the army reopens it"
        if cur.dep_ not in {"conj", "xcomp"} or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _names_no_actor(verb: Token, mentions) -> bool:
    """Whether what a speech verb reports (its clause) names no actor at all."""
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    # ("Egypt said it was studying the plan": a pronoun names an actor too)
    return bool(said) and not any(t.i in mentions.names or t.i in mentions.agents
                                  or t.pos_ == "PRON" and t.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"}
                                  and t.lower_ not in {"it", "this", "that", "what"}
                                  or t.lower_ == "it" and t.dep_ == "nsubj" and t.head.lemma_.lower() != "be"
                                  for c in said for t in c.subtree)


_TALK_WORDS = frozenset({"talk", "talks", "meeting", "negotiation", "discussion", "consultation", "dialogue",
                         "discuss", "negotiate", "consult", "confer", "summit", "conference"})


def _talked_about(head: Token) -> bool:
    """Whether an act is the topic of talks ("talks on reopening the crossings", "met to
    discuss withdrawing troops" is the infinitive's business, not this)."""
    if head.dep_ not in {"pcomp", "pobj"} or head.head.lower_ not in {"on", "about", "over"}:
        return False
    holder = head.head.head
    # ("held talks in Kuala Lumpur on reopening crossings": the light verb of the talks)
    return holder.lemma_.lower() in _TALK_WORDS or holder.lower_ in _TALK_WORDS or (
        holder.pos_ in {"VERB", "AUX"} and any(c.dep_ == "dobj" and c.lemma_.lower() in _TALK_WORDS
                                               for c in holder.children))


def _maybe_if(head: Token) -> bool:
    """Whether an act is only possible on a condition: its clause (or the clause it completes)
    says "may", "might" or "could" and has an "if" or "unless" clause."""
    cur, maybe, conditioned = head, False, False
    for _ in range(3):
        maybe = maybe or any(c.dep_ == "aux" and c.lower_ in {"may", "might", "could"} for c in cur.children)
        conditioned = conditioned or any(c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children) for c in cur.children)
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            break
        cur = cur.head
    return maybe and conditioned


def _attribution(verb: Token) -> bool:
    """Whether a speech verb follows what it reports ("..., police said", '"...," he said')."""
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return True
    return verb.dep_ in {"parataxis", "ccomp"} and verb.head.i < verb.i


def _in_passing(tok: Token) -> bool:
    """Whether an act is told as background of another: in an "after"/"since" clause, as a
    first or earlier time ("was first jailed in 2020"), or as a thing someone has ("his
    pre-trial detention had exceeded legal limits")."""
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
        return True
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "since", "before"} for c in tok.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in {"first", "previously", "earlier", "once", "already"}
               for c in tok.children)


def _place_as_object(tok: Token) -> bool:
    """"clashed outside parliament" parsed with "outside" as an adjective of an object: the
    noun is where the act happened, not whom it was done to."""
    return any(c.dep_ in {"amod", "advmod"} and c.i < tok.i and c.lower_ in {"outside", "inside", "near"}
               for c in tok.children)


def _addressees(gov: Token, inner: Token) -> list[Token]:
    """Whom a verb of asking addresses: its object before what is asked ("urged Israel to"),
    or the object of "on", "upon", "to" ("called on the minister to", "appealed to the UN for")."""
    inside = {t.i for t in inner.subtree}
    objs = [c for c in gov.children if c.dep_ == "dobj" and c.i < inner.i and c.i not in inside]
    if objs:
        return objs
    asked = [c for c in gov.children if c.dep_ == "nsubjpass" and c.i not in inside]
    if asked:
        return asked  # "the military was urged by ASEAN to let aid convoys in"
    return [g for c in gov.children if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"} and c.i not in inside
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"}]


# verbs that keep their object in the passive ("were denied access", "was refused bail")
_RETAINING = frozenset({"deny", "refuse", "grant", "award", "offer", "promise"})


def _passive_conjunct(passive: Token, verb: Token) -> bool:
    """"Detainees are being held and denied access", "were beaten and denied food": an -ed form
    joined to a passive is its participle too when the passive is in the present (an active
    past would break the tense) or the verb keeps its object in the passive."""
    if verb.tag_ != "VBD" or not verb.lower_.endswith("ed"):
        return False
    present = any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"is", "are", "am", "being", "'s", "'re"}
                  for c in passive.children)
    return present or verb.lemma_.lower() in _RETAINING


def _infinitive(verb: Token) -> bool:
    """A to-infinitive ("to help")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _purpose_clauses(verb: Token) -> list[Token]:
    """The to-infinitive clauses a verb's act is done for ("used tear gas to disperse them")."""
    return [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.i > verb.i and _infinitive(c)]


def _purpose(verb: Token) -> bool:
    """Whether a verb sits in a to-infinitive purpose clause ("... to help fight X")."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            return True
        # ("to help the guards detect and shoot down balloons": through the joined verb too)
        if cur.dep_ not in {"xcomp", "conj", "ccomp"} or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _background(verb: Token) -> bool:
    """A doer-less passive that describes a participant's past ("the mayor, jailed a year ago",
    "who had been arrested in 2019") rather than reporting news: no event."""
    if verb.dep_ == "amod" and verb.tag_ == "VBN":
        return True  # "a detained opposition politician": who he is, not what happened
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in {"acl", "relcl"}:
        return False
    if _agent(verb) is not None:
        return False
    passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children))
    if not passive:
        return False
    # "who had been arrested in 2019", "who has been repeatedly jailed": the perfect of a
    # relative clause tells the participant's past
    perfect = any(c.dep_ == "aux" and (c.lower_ == "had" or verb.dep_ == "relcl" and c.lower_ in {"has", "have"})
                  for c in verb.children)
    ago = any(t.lower_ == "ago" for t in verb.subtree)
    return perfect or ago


def _inside(tok: Token, phrase: Token) -> bool:
    """Whether `tok` is a word of the noun phrase `phrase` itself: its modifiers, its "of" phrase
    and their conjuncts ("a package of artillery shells"), not a phrase hung on it for another
    reason ("the appeal as interference")."""
    for _ in range(8):
        if tok.i == phrase.i:
            return True
        if tok.head.i == tok.i or tok.dep_ not in {"compound", "amod", "nmod", "pobj", "conj", "prep", "nummod"} \
                or (tok.dep_ == "prep" and tok.lower_ != "of"):
            return False
        tok = tok.head
    return False


def _habitual(verb: Token) -> bool:
    """A relative clause that tells what a participant does often or did before ("who has
    frequently criticised the government", "which once ruled the country"): who they are,
    not news."""
    return verb.dep_ == "relcl" and verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children)


_HABITUAL = frozenset({"frequently", "often", "regularly", "routinely", "long", "previously",
                       "once", "formerly", "persistently", "consistently", "habitually"})


# spans of time a running count is summed over, and the recent starts of a count that is news
_LONG_PERIODS = frozenset({"month", "year", "decade"})
_RECENT = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                     "yesterday", "morning", "night", "evening", "weekend"})


def _counted(noun: Token) -> bool:
    """Whether a noun phrase is a count of people ("more than 120 people", "dozens of
    protesters", "some 40 journalists")."""
    if noun.like_num or noun.lemma_.lower() in {"dozen", "dozens", "hundred", "hundreds", "thousand",
                                                  "thousands", "score", "scores"}:
        return True
    return any(c.dep_ == "nummod" for c in noun.children)


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _held_responsible(noun: Token) -> bool:
    """"X is responsible for the killings"."""
    tok = _first_conjunct(noun)
    return tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lower_ in {"responsible", "blamed"}


# nouns whose "into" names what they look into ("a probe into the killing"), unlike "took three
# men into custody"
_INQUIRIES = frozenset({"probe", "investigation", "inquiry", "enquiry", "inquest", "review", "audit"})


# words of a market story, where "demand" is buying ("exports rose on Chinese demand")
_MARKET_WORDS = frozenset({"export", "import", "price", "sale", "market", "output", "production", "consumption",
                           "shipment", "barrel", "tonne", "revenue", "earnings", "profit", "stock", "share",
                           "index", "currency", "inflation", "gdp", "commodity", "crop", "harvest"})


# bodies named by the one act they are set up for ("a board of inquiry", "a commission of inquiry")
_BODIES_OF_AN_ACT = frozenset({"board", "court", "commission", "committee", "panel"})


# people and bodies named by the act they work at ("aid workers", "a relief agency")
_PEOPLE_OF_AN_ACT = frozenset({"worker", "agency", "group", "organisation", "organization", "official",
                               "staff", "charity", "volunteer", "employee", "worker", "community", "sector",
                               "chief", "coordinator", "expert"})
# what an act word before a weapon names ("attack helicopters", "assault rifles"): its kind
_ARMS_OF_AN_ACT = frozenset({"helicopter", "aircraft", "jet", "plane", "submarine", "drone", "boat", "craft",
                             "rifle", "vehicle", "ship", "fighter", "bomber", "dog", "weapon", "gun"})


# prepositions of a clause's setting, never of what its verb governs ("in a statement, X called")
_SETTING_PREPS = frozenset({"in", "at", "during", "after", "before", "amid", "since", "following", "on"})


def _naming(verb: Token) -> bool:
    """Whether "call" names something ("called the incident an act of aggression", "what he called
    a cowardly attack") rather than appeals."""
    return verb.lemma_.lower() == "call" and any(c.dep_ in {"oprd", "xcomp"} and c.pos_ in {"NOUN", "ADJ", "PROPN"}
                                                 for c in verb.children)


def _occurrence_verb(verb: Token) -> bool:
    """Whether a verb only says that its subject, an event noun, happened ("took place", "went
    ahead", "materialised")."""
    lemma = verb.lemma_.lower()
    if lemma in {"happen", "occur", "materialise", "materialize", "proceed", "resume", "start", "begin"}:
        return True
    return (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)) or (
        lemma == "go" and any(c.lower_ == "ahead" for c in verb.children))


# nouns of a standing conflict whose "with" names the other side ("a truce in the war with X")
_CONFLICTS = frozenset({"war", "conflict", "fighting", "dispute", "standoff", "row", "feud",
                        "confrontation", "struggle", "battle", "insurgency"})


# nouns that tell a claim whose that-clause names a doer ("reports that troops fired")
_TOLD_CLAIMS = frozenset({"report", "allegation", "claim", "accusation", "charge", "suggestion",
                          "rumour", "rumor", "assertion", "account", "finding", "evidence"})


def _alleged_doers(noun: Token) -> list[Token]:
    """"allegations that army officers took bribes": the subject of the clause a noun states."""
    return [g for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for g in c.children if g.dep_ == "nsubj"]


def _in_protest(noun: Token) -> bool:
    """"Blocked the highway in protest against the government": the clause's doers protest."""
    return noun.lemma_.lower() == "protest" and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
        and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in noun.children)


def _with_party(head: Token, targets) -> bool:
    """Whether a target is the other party "with" whom an act was done ("clashed with rebels")."""
    chosen = {t.i for t in targets}
    return any(g.i in chosen for p in head.children if p.dep_ == "prep" and p.lower_ == "with"
               for g in p.children if g.dep_ == "pobj")


# nouns of a fight between two sides
_FIGHTS = frozenset({"shootout", "gunfight", "firefight", "clash", "battle", "skirmish", "fighting", "exchange",
                     "confrontation", "gunbattle", "encounter"})
_SWAPS = frozenset({"exchange", "swap", "trade"})
_DEED_VERBS = frozenset({"carry", "conduct", "perpetrate", "commit", "stage", "launch", "mount"})


def _owned_deed(noun: Token) -> bool:
    """"Carried out the attack": a definite act noun taken on by a light verb of doing."""
    return noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _DEED_VERBS \
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)
# how people got the state of the place they are in (not their own nationality)
_PLACED_PEOPLE = frozenset({"agent+setting", "agent+place", "agent+main-country"})


def _swap(head: Token) -> bool:
    """Whether a release is told as an exchange: "swapped prisoners", "a prisoner exchange",
    "freed 40 detainees each in a swap brokered by Qatar"."""
    if head.lemma_.lower() in _SWAPS:
        return True
    return any(g.lemma_.lower() in _SWAPS for p in head.children if p.dep_ == "prep" and p.lower_ in {"in", "as", "under"}
               for g in p.children if g.dep_ == "pobj")


def _governing_verb(noun: Token) -> Token | None:
    """The verb an event noun is the object of: "held talks", "took part in talks", "paid
    $5 million in aid", "launched air and artillery strikes". None for "after the talks"."""
    tok = _first_conjunct(noun)
    for _ in range(3):
        if tok.dep_ in {"dobj", "attr", "nsubjpass"}:
            return tok.head if tok.head.pos_ in {"VERB", "AUX"} else None
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lower_ in {"responsible", "blamed"}:
            # "X is responsible for the killings": the one held responsible did it
            adj = tok.head.head
            return adj.head if adj.head.pos_ in {"VERB", "AUX"} else None
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i != tok.i:
            tok = tok.head  # "launched a mediation effort", "halted aid deliveries"
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ == "VERB" \
                and tok.head.head.lemma_.lower() in {"put", "place", "keep"}:
            return tok.head.head  # "put its forces on high alert"
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB" \
                and tok.head.head.lemma_.lower() in {"agree", "commit", "consent", "sign", "return", "resort"}:
            return tok.head.head  # "agreed to a trade deal", "returned to talks"
        if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "into", "of", "as"} and tok.head.head.i != tok.head.i:
            up = tok.head.head
            if up.pos_ in {"VERB", "AUX"}:
                if tok.head.lower_ == "into" and any(c.dep_ == "dobj" and c.lemma_.lower() in _INQUIRIES
                                                     for c in up.children):
                    return None  # "launched a probe into the killing": what the probe is into
                return up if tok.head.lower_ != "of" else None
            if up.lemma_.lower() in _AMOUNTS or up.pos_ == "NUM" or up.like_num or up.tag_ == "$" or any(
                    c.dep_ == "nummod" or c.tag_ == "$" for c in up.children):
                tok = up  # "$5 million in aid", "a series of strikes": climb to the object
                continue
            if tok.head.lower_ == "of" and up.lemma_.lower() in _BODIES_OF_AN_ACT:
                tok = up  # "set up a board of inquiry", "ordered a court of inquiry"
                continue
            return None  # "an investigation into an allegation of rape": not the investigators' act
        return None
        return None
    return None


def _agent(verb: Token) -> Token | None:
    """The doer in a passive's "by" phrase; an active verb with its own subject has none
    ("extended by another 45 days a state of emergency": a measure, tagged as an agent)."""
    kids = list(verb.children)
    if any(c.dep_ == "nsubj" for c in kids) and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in kids):
        return None
    for c in kids:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


_OWN_CLAUSES = frozenset({"advcl", "relcl", "parataxis", "conj", "cc", "punct", "mark", "csubj"})


def _phrase_nouns(verb: Token) -> list[Token]:
    """Nouns after a verb in its own phrase, in order: its objects, prepositional phrases,
    participles ("the parade supporting Gondor") and the subject of a clause it governs
    ("believe Dagolath can cope"), never a clause of its own ("after crowds trashed ...")."""
    out: list[Token] = []

    def walk(tok: Token) -> None:
        for c in tok.children:
            if c.i < verb.i or (c.dep_ in _OWN_CLAUSES and not (
                    c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"})):
                continue
            if c.dep_ == "ccomp":
                for s in c.children:
                    if s.dep_ in {"nsubj", "nsubjpass"}:
                        out.append(s)
                        walk(s)
                continue
            if c.dep_ in {"advmod", "aux", "auxpass", "neg"}:
                continue
            if c.pos_ in {"NOUN", "PROPN"}:
                out.append(c)
            walk(c)

    walk(verb)
    return sorted(out, key=lambda t: t.i)


def _prep_objects(tok: Token, preps: tuple[str, ...], exclude: list[Token]) -> list[Token]:
    """The objects of `tok`'s prepositions in `preps` ("on Monday" names a day, never a party)."""
    out = []
    for c in tok.children:
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps and c not in exclude:
            out.extend(g for g in c.children if g.dep_ == "pobj" and not (
                g.ent_type_ in {"DATE", "TIME"} and not any(
                    p.dep_ == "prep" or p.dep_ in {"compound", "amod", "nmod"} and p.ent_type_ not in {"DATE", "TIME", ""}
                    for p in g.children)))
    return out
