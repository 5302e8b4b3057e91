"""Repairs of parse errors that turn who did what around.

The small English model reads a reduced relative clause at the start of a sentence as its main
verb: in "The civilians imprisoned for acting against Moscow were released", "imprisoned" comes
out as the root with "civilians" as its subject, and "were released" as a conjunct. That makes the
prisoners the jailers. The tell is a conjunct (or complement) verb with no conjunction, no comma
and no subject of its own; the repair makes it the main verb and the first verb a participle on its subject.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}


# verb forms the small model's rule lemmatizer gets wrong ("staged a strike" -> "stag")
_LEMMA_FIXES = {"staged": "stage", "staging": "stage", "restaged": "restage"}
# nouns it gets wrong: news "bases" are military or air bases, not the plural of "basis"
_NOUN_LEMMA_FIXES = {"bases": "base"}
_FIXED_WORDS = frozenset(get_string_id(w) for w in [*_LEMMA_FIXES, *_NOUN_LEMMA_FIXES])


def repair_parse(doc: Doc) -> Doc:
    """Fix the misread reduced relatives, "to" before participles and lemmas of `doc` in place
    and return it."""
    tags = _Tags(doc)
    lowers = set(tags.arr[:, 3].tolist())
    if lowers & _FIXED_WORDS:
        for tok in doc:
            low = tok.lower_
            fixed = _LEMMA_FIXES.get(low)
            if fixed is not None and tok.pos_ in {"VERB", "AUX"}:
                tok.lemma_ = fixed
            fixed = _NOUN_LEMMA_FIXES.get(low)
            if fixed is not None and tok.pos_ in {"NOUN", "PROPN"}:
                tok.lemma_ = fixed
    # each repair reads the tree the ones before it left, token by token; a repair keyed to a
    # word is skipped where the word is not written
    for repair, word, gate in _TOKEN_REPAIRS:
        if word is None or get_string_id(word) in lowers:
            tags.each(repair, gate)
    for sent in doc.sents:
        _repair_verb_read_as_adjective(sent)
    tags = _Tags(doc)  # (that repair may have changed any word's tags)
    if is_headline(doc):
        tags.each(_repair_headline_passive, _PAST_FORMS)
    tags.each(_repair_reduced_relative, _PAST_VERBS)
    return doc


class _Gate:
    """What a repair first asks of a token's own tags, asked of the whole document at once.

    Most repairs give up on most words at their first test ("is it a verb?"); testing those
    tags in one array pass spares a Python call per word per repair."""

    def __init__(self, pos: set[str] = frozenset(), tag: set[str] = frozenset(),
                 dep: set[str] = frozenset(), lower: set[str] = frozenset()) -> None:
        from spacy.parts_of_speech import IDS

        self.tests = [(col, [np.uint64(i) for i in ids]) for col, ids in (
            (0, [IDS[p] for p in pos]), (1, [get_string_id(t) for t in tag]),
            (2, [get_string_id(d) for d in dep]), (3, [get_string_id(w) for w in lower])) if ids]

    def candidates(self, arr, after: int = -1) -> list[int]:
        """Indices past `after` whose columns of `arr` (POS, TAG, DEP, LOWER) pass every test."""
        mask = None
        for col, ids in self.tests:
            hit = arr[:, col] == ids[0]
            for other in ids[1:]:
                hit |= arr[:, col] == other
            mask = hit if mask is None else mask & hit
        found = np.flatnonzero(mask).tolist()
        return [i for i in found if i > after] if after >= 0 else found


class _Tags:
    """The POS, TAG, DEP and LOWER columns of a document, read again only after a repair."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.arr = doc.to_array(_COLUMNS)

    def each(self, repair, gate: _Gate) -> None:
        """Run a repair on every word in order, as a plain loop would, but only on the words
        its gate lets through; a repair that changed the tree (it says so) has the columns
        read again and the gate asked again for the words still to come."""
        todo = gate.candidates(self.arr)
        k = 0
        while k < len(todo):
            i = todo[k]
            k += 1
            if repair(self.doc[i]):
                self.arr = self.doc.to_array(_COLUMNS)
                todo, k = gate.candidates(self.arr, after=i), 0


_COLUMNS = [POS, TAG, DEP, LOWER]
_PAST_FORMS = _Gate(tag={"VBD", "VBN"})
_PAST_VERBS = _Gate(tag={"VBD", "VBN"}, pos={"VERB"})


def _repair_reduced_relative(tok: Token) -> bool | None:
    """The misread reduced relative of the module's docstring: the real main verb takes over."""
    main = _misread_main_verb(tok)
    if main is None:
        return
    subj = next(c for c in tok.children if c.dep_ == "nsubj")
    # the order keeps the tree acyclic at every step
    if tok.head.i == tok.i:
        main.head, main.dep_ = main, "ROOT"
    else:
        main.head, main.dep_ = tok.head, tok.dep_
    subj.head = main
    subj.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in main.children) else "nsubj"
    tok.head, tok.dep_, tok.tag_ = subj, "acl", "VBN"
    return True


# verbs whose bare past form in a headline is a passive: "Afghans deported", "Journalist arrested"
_HEADLINE_PASSIVES = frozenset({"arrest", "detain", "deport", "kill", "jail", "sentence", "expel", "abduct",
                                "kidnap", "injure", "wound", "execute", "convict", "charge", "shoot", "remand",
                                "evict", "displace", "behead", "hang", "lynch", "torture", "lift", "impose",
                                "release", "free", "ban", "suspend", "extradite", "recall", "summon"})


def is_headline(doc: Doc) -> bool:
    """A short line with no closing punctuation: a headline, whose grammar drops "be"."""
    if not 0 < len(doc) <= 20:
        return False  # (before building the text: most docs are long paragraphs)
    text = doc.text.strip()
    return text[-1:] not in {".", "!", "?", '"', "'", "”", "’", ":"}


def _repair_headline_passive(tok: Token) -> bool | None:
    """"Over 80,000 Afghans deported in two weeks": a past form with no object in a headline
    is a passive ("were deported"), its subject the one it was done to."""
    if tok.tag_ not in {"VBD", "VBN"} or tok.lemma_.lower() not in _HEADLINE_PASSIVES:
        return
    if any(c.dep_ in {"dobj", "prt", "ccomp", "xcomp", "dative", "aux", "auxpass"} for c in tok.children):
        return
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return
    subj.dep_ = "nsubjpass"
    tok.tag_ = "VBN"
    return True


def _repair_verb_read_as_adjective(sent) -> None:
    """"A Nairobi court on Monday freed activist Boniface Mwangi", read as one noun phrase with
    "freed" describing the activist and the court as a subject of nothing: with no verb at the
    root, a past form before a noun that has a subject hung on it is the main verb."""
    root = sent.root
    # (verbs of a clause that describes a noun, "a case rights groups have denounced", are no main verb)
    if root.pos_ not in {"NOUN", "PROPN"} or any(
            t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod" and not _subordinate(t, root) for t in sent):
        return
    for verb in sent:
        if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or verb.i == sent.start:
            continue
        holder = verb.head
        subj = next((c for c in holder.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None and root.i < verb.i and root.pos_ == "NOUN" and holder.i > verb.i and not any(
                c.dep_ in {"nsubj", "prt", "dobj"} for c in root.children):  # ("EU and UN hand over": a verb)
            _root_noun_as_subject(sent, root, verb)
            return
        if subj is None:
            continue
        # the order keeps the tree acyclic at every step
        verb.head, verb.dep_, verb.tag_, verb.pos_ = verb, "ROOT", "VBD", "VERB"
        root.head, root.dep_ = verb, "dobj"
        subj.head = verb
        return


def _repair_adjective_with_subject(verb: Token) -> bool | None:
    """"A court in Tunis sentenced party leader X to 14 years, his lawyers said", read with
    "sentenced" describing the leader but holding the court as its subject: a describing word
    has no subject, so the past form is the verb, in its noun's place, and the noun its object."""
    if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or verb.i == verb.sent.start:
        return
    holder = verb.head
    while holder.dep_ == "compound" and holder.head.i > holder.i:
        holder = holder.head  # ("party leader Ali X": the name heads the phrase)
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or holder.i < verb.i or holder.pos_ not in {"NOUN", "PROPN"} \
            or holder.dep_ not in {"ROOT", "ccomp", "conj"}:
        return
    # the order keeps the tree acyclic at every step
    if holder.head.i == holder.i:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = holder.head, holder.dep_
    verb.tag_, verb.pos_ = "VBD", "VERB"
    holder.head, holder.dep_ = verb, "dobj"
    for c in list(holder.children):
        if c.dep_ in {"prep", "punct", "npadvmod"} and c.i > holder.i:
            c.head = verb  # "to 14 years in prison", "on Tuesday": the verb's
    return True


def _repair_split_demonyms(first: Token) -> bool | None:
    """"Kyrgyz and Tajik troops exchanged fire", read as "Kyrgyz" and "Tajik troops": a bare
    capitalised modifier joined to another before the same noun modifies that noun too."""
    if first.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"} or not first.text[:1].isupper() \
            or first.tag_ not in {"NNP", "JJ", "NNPS"} or first.i == first.doc[-1].i:
        return
    kids = list(first.children)
    noun = next((c for c in kids if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    if noun is None or any(c.dep_ not in {"cc", "conj"} for c in kids) or noun.i < first.i + 3:
        return
    if any(not (t.is_lower and t.dep_ in {"compound", "amod"} and t.head.i == noun.i)
           for t in first.doc[first.i + 3:noun.i]):
        return  # ("Kyrgyz and Tajik border guards": only the noun's own plain modifiers between)
    second = first.doc[first.i + 2]
    if first.doc[first.i + 1].dep_ != "cc" or second.head.i != noun.i \
            or second.dep_ not in {"compound", "amod"} or not second.text[:1].isupper():
        return
    # the order keeps the tree acyclic at every step
    if first.head.i == first.i:
        noun.head, noun.dep_ = noun, "ROOT"
    else:
        noun.head, noun.dep_ = first.head, first.dep_
    first.head, first.dep_ = noun, "amod"
    second.head, second.dep_ = first, "conj"
    return True


def _repair_headline_comma_list(first: Token) -> bool | None:
    """"Thai, Cambodian troops clash on border": a headline writes "and" as a comma, and the
    parser hangs the first modifier elsewhere; it modifies the noun with the second."""
    # (the cheap tests first: this runs on every word of a text with a comma)
    if first.i + 3 >= len(first.doc) or first.doc[first.i + 1].text != "," or not first.text[:1].isupper() \
            or first.tag_ not in {"NNP", "JJ", "NNPS"} or not first.is_sent_start \
            or any(c.dep_ not in {"punct"} for c in first.children) or not is_headline(first.doc):
        return
    second, noun = first.doc[first.i + 2], first.doc[first.i + 3]
    verb = second.head
    if first.tag_ in {"NNP", "NNPS"} and second.tag_ in {"NNP", "NNPS"} and second.dep_ == "nsubj" \
            and verb.pos_ == "VERB" and first.dep_ in {"dep", "nmod", "npadvmod", "compound", "advcl", "appos"} \
            and first.head.i in {verb.i, second.i}:
        # "Kenya, Uganda sign trade deal": the two names are the verb's subjects
        first.head, first.dep_ = verb, "nsubj"
        second.head, second.dep_ = first, "conj"
        first.doc[first.i + 1].head = first
        return True
    if second.head.i != noun.i or second.dep_ not in {"compound", "amod"} or not second.text[:1].isupper() \
            or noun.pos_ != "NOUN" or noun.tag_ != "NNS" or first.head.i == noun.i:
        return
    for c in list(first.children):
        c.head = noun
    first.head, first.dep_ = noun, "amod"
    second.head, second.dep_ = first, "conj"
    return True


def _subordinate(tok: Token, root: Token) -> bool:
    """Whether a token sits in a clause that describes a noun (relative, participle, apposition)."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in {"relcl", "acl", "appos"}:
            return True
        tok = tok.head
    return False


def _root_noun_as_subject(sent, root: Token, verb: Token) -> None:
    """"A Guatemalan court on Wednesday sentenced journalist X to six years", read as one noun
    phrase "court", with "on Wednesday sentenced journalist X" hung on it: the root noun is the
    subject, the past form the verb, the noun phrase it describes its object."""
    obj = verb.head
    while obj.dep_ in {"compound", "amod", "nmod", "appos"} and obj.head.i != obj.i and obj.head.i > verb.i:
        obj = obj.head
    if obj.i == root.i or obj.pos_ not in {"NOUN", "PROPN"}:
        return
    old_head = obj.head
    # the order keeps the tree acyclic at every step
    verb.head, verb.dep_, verb.tag_, verb.pos_ = verb, "ROOT", "VBD", "VERB"
    root.head, root.dep_ = verb, "nsubj"
    obj.head, obj.dep_ = verb, "dobj"
    if old_head.dep_ == "prep" and old_head.i < verb.i:
        # "on Wednesday": the day the parser hung on the verb goes back into its phrase
        day = next((c for c in verb.children if c.dep_ == "npadvmod" and old_head.i < c.i < verb.i), None)
        if day is not None:
            old_head.head = verb
            day.head, day.dep_ = old_head, "pobj"
    for c in list(root.children):
        if c.i > verb.i:
            c.head = verb  # "to six years in prison", the full stop: the verb's


def _repair_between_of(tok: Token) -> bool | None:
    """"talks between the government of Sudan and the RSF", read with the RSF joined to Sudan:
    after "between", a singular party with an "of" phrase is one side, and what is joined to
    the place in its "of" phrase is the other side."""
    if tok.lower_ != "between" or tok.dep_ != "prep":
        return
    party = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if party is None or party.tag_ != "NN" or any(c.dep_ == "conj" for c in party.children):
        return
    for of in (c for c in party.children if c.dep_ == "prep" and c.lower_ == "of"):
        place = next((c for c in of.children if c.dep_ == "pobj"), None)
        if place is None:
            continue
        other = next((c for c in place.children if c.dep_ == "conj"), None)
        cc = next((c for c in place.children if c.dep_ == "cc"), None)
        if other is None or cc is None:
            continue
        other.head = party
        cc.head = party
        return True


def _repair_verb_before_attribution(verb: Token) -> bool | None:
    """"Armed bandits abducted 45 passengers on Monday, police said", read with "abducted"
    describing the bandits and both the bandits and the police as subjects of "said": a past
    form with an object of its own, hung on the first of two subjects, is the reported verb."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBD", "VBN"} or not any(c.dep_ == "dobj" for c in verb.children) \
            or any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "mark"} for c in verb.children):
        return None
    noun, say = verb.head, verb.head.head
    if noun.dep_ != "nsubj" or noun.i > verb.i or say.pos_ != "VERB" or say.i < verb.i \
            or not any(c.dep_ == "nsubj" and c.i > verb.i for c in say.children):
        return None
    # the order keeps the tree acyclic at every step
    verb.head, verb.dep_, verb.tag_ = say, "ccomp", "VBD"
    noun.head = verb
    return True


# weapons whose names are also verbs ("drone", "shell", "bomb", "rocket"): in "artillery and
# drone strikes" the parser reads a verb with its object
_WEAPON_VERBS = frozenset({"drone", "shell", "bomb", "rocket", "mortar", "missile", "gun"})


def _repair_weapon_read_as_verb(verb: Token) -> bool | None:
    """"launched a wave of artillery and drone strikes", read as "... artillery, and [they]
    drone strikes": a weapon word joined to a noun by "and", with the attack noun as its
    object, is the second modifier of that noun."""
    if verb.dep_ != "conj" or verb.lower_ not in _WEAPON_VERBS or verb.i < 2 or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    doc = verb.doc
    cc, first = doc[verb.i - 1], doc[verb.i - 2]
    if verb.i + 1 >= len(doc):
        return None
    noun = doc[verb.i + 1]
    if cc.lower_ not in {"and", "or"} or first.pos_ != "NOUN" or noun.head.i != verb.i or noun.dep_ != "dobj" \
            or noun.pos_ != "NOUN" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    if first.dep_ not in {"pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos"} or any(
            c.dep_ not in {"det", "amod", "compound"} for c in first.children):
        return None
    # the order keeps the tree acyclic at every step
    noun.head, noun.dep_ = first.head, first.dep_
    first.head, first.dep_ = noun, "compound"
    verb.head, verb.dep_, verb.pos_, verb.tag_ = first, "conj", "NOUN", "NN"
    cc.head = first
    for c in list(verb.children):
        if c.dep_ in {"prep", "npadvmod", "advmod"}:
            c.head = noun  # "... strikes on bases on Monday": the rest of the phrase is the noun's
    return True


def _repair_inverted_dative(prep: Token) -> bool | None:
    """"handed over to Mali two Malian militants", read as one phrase "to [Mali two Malian
    militants]": a name right after "to" and before a number is the recipient, and the counted
    noun is the verb's object."""
    verb = prep.head
    if prep.lower_ != "to" or prep.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"} \
            or any(c.dep_ == "dobj" for c in verb.children):
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ not in {"NOUN"}:
        return None
    name = next((c for c in noun.children if c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN"
                 and c.left_edge.i == prep.i + 1), None)
    number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if name is None or number is None or number.left_edge.i != name.right_edge.i + 1:
        return None
    noun.head, noun.dep_ = verb, "dobj"
    name.head, name.dep_ = prep, "pobj"
    return True


def _repair_conj_without_cc(verb: Token) -> bool | None:
    """"handed over to Uganda three militants wanted for a bombing", read as a second clause
    "[three militants] wanted ..." joined without "and": the noun is the first verb's object and
    the participle describes it."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in {"VBN", "VBD"} or head.pos_ not in {"VERB", "AUX"} \
            or any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children) \
            or any(c.dep_ == "dobj" for c in head.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.right_edge.i == verb.i - 1), None)
    if subj is None or subj.pos_ != "NOUN" or not any(c.dep_ == "nummod" for c in subj.children):
        return None
    between = verb.doc[head.i + 1:subj.left_edge.i]
    if any(t.dep_ == "cc" or t.lower_ in {",", ";", "and", "but"} for t in between):
        return None
    subj.head, subj.dep_ = head, "dobj"
    verb.head, verb.dep_ = subj, "acl"
    return True


_AFFILIATED = frozenset({"link", "back", "ally", "affiliate", "align", "inspire", "sponsor", "support"})


def _repair_split_affiliation(name: Token) -> bool | None:
    """"an Islamic State-linked group", read with "Islamic" describing the group and only
    "State" tied to "linked": the capitalised word before the patron's name is part of it."""
    part = name.head
    if name.dep_ != "npadvmod" or part.lemma_.lower() not in _AFFILIATED or part.tag_ not in {"VBN", "JJ"} \
            or name.i < 1:
        return None
    before = name.doc[name.i - 1]
    if before.head.i != part.head.i or before.dep_ not in {"amod", "compound"} or not before.text[:1].isupper():
        return None
    before.head, before.dep_ = name, "compound"
    return True


_REPORTING = frozenset({"say", "tell", "add", "state", "report", "announce", "write", "note", "claim",
                        "confirm", "warn", "insist"})


def _repair_participle_after_attribution(ing: Token) -> bool | None:
    """"Gunmen kidnapped a priest, the bishops' conference said, blaming a gang", read with
    "blaming" on the kidnapping: an -ing clause right after the attribution is the speaker's."""
    if ing.dep_ != "advcl" or ing.tag_ != "VBG" or ing.i < 2 or ing.doc[ing.i - 1].lower_ != ",":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "mark", "aux"} for c in ing.children):
        return None
    main = ing.head
    say = next((c for c in main.children if c.dep_ in {"parataxis", "ccomp"} and c.i < ing.i
                and c.lemma_.lower() in _REPORTING and c.right_edge.i in {ing.i - 2, ing.i - 1}
                and any(g.dep_ == "nsubj" for g in c.children)), None)
    if say is None or say.i < main.i:
        return None
    ing.head = say
    return True


def _repair_participle_read_as_subject(ing: Token) -> bool | None:
    """"..., the prime minister said on Wednesday, praising Nairobi for leading the mission as
    the first contingents prepared to take over", read with "praising ..." as the subject of
    "prepared": an -ing clause after a comma, behind a finished clause, is that clause's adjunct."""
    if ing.dep_ != "csubj" or ing.tag_ != "VBG" or ing.i < 2 or ing.doc[ing.i - 1].lower_ != "," \
            or ing.head.i < ing.i:
        return None
    verb = ing.doc[ing.i - 2]
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} and verb.i < ing.i:
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    if not (verb.pos_ in {"VERB", "AUX"} and verb.i < ing.i and any(c.dep_ == "nsubj" for c in verb.children)):
        return None
    if ing.left_edge.i <= verb.i <= ing.right_edge.i:
        return None
    ing.head, ing.dep_ = verb, "advcl"
    return True


def _repair_two_subjects(verb: Token) -> bool | None:
    """"The police's counterterrorism squad Densus 88 arrested ...", read as two subjects side by
    side: a common noun right before a name, both subjects of one verb, is the name's title."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) != 2:
        return
    title, name = subjects
    if title.pos_ != "NOUN" or name.pos_ != "PROPN" or title.right_edge.i + 1 != name.left_edge.i \
            or title.i + 1 != name.left_edge.i:
        return
    title.head, title.dep_ = name, "compound"
    return True


def _repair_object_read_as_quantity(noun: Token) -> bool | None:
    """"sentenced a blogger to six years in prison", read as "a blogger to six" being a number
    of years: a noun read as a quantity modifier, with "to" and a number after it, is the verb's
    object and the "to" phrase the term."""
    doc = noun.doc
    if noun.dep_ != "quantmod" or noun.pos_ not in {"NOUN", "PROPN"} or noun.i + 2 >= len(doc):
        return
    to, num = doc[noun.i + 1], doc[noun.i + 2]
    if to.lower_ != "to" or to.dep_ != "quantmod" or num.pos_ != "NUM":
        return
    unit = num.head if num.dep_ == "nummod" else None
    if unit is None or unit.pos_ != "NOUN" or unit.dep_ != "dobj" or unit.head.pos_ != "VERB":
        return
    verb = unit.head
    # the order keeps the tree acyclic at every step
    noun.head, noun.dep_ = verb, "dobj"
    to.head, to.dep_ = verb, "prep"
    unit.head, unit.dep_ = to, "pobj"
    num.head = unit
    for det in [c for c in unit.children if c.dep_ == "det" and c.i < noun.i]:
        det.head = noun
    return True


def _repair_stranded_agent(verb: Token) -> bool | None:
    """"was charged with corruption by prosecutors", read with the prosecutors' "by" hung on
    "corruption": a passive verb with no agent of its own takes the "by" phrase of the object
    of its with/for/over phrase."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children) \
            or any(c.dep_ == "agent" for c in verb.children):
        return
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"with", "for", "over"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "NOUN":
                continue
            by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            doer = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if doer is not None and doer.pos_ in {"NOUN", "PROPN"}:
                by.head, by.dep_ = verb, "agent"
                return True


def _repair_quote_read_as_possessive(quote: Token) -> bool | None:
    """"called the curbs 'regrettable'", read with the opening quote as the plural's possessive
    mark ("curbs' regrettable"): an apostrophe before the verb's complement opens a quotation,
    so the noun is the verb's object."""
    if quote.text != "'" or quote.dep_ != "case":
        return
    noun, comp = quote.head, quote.head.head
    verb = comp.head
    if noun.dep_ != "poss" or noun.i != quote.i - 1 or comp.pos_ != "ADJ" or comp.i <= quote.i \
            or verb.pos_ != "VERB" or any(c.dep_ == "dobj" and c is not comp for c in verb.children):
        return
    noun.head, noun.dep_ = verb, "dobj"
    quote.head, quote.dep_ = comp, "punct"
    comp.dep_ = "oprd"
    return True


def _repair_fronted_as(verb: Token) -> bool | None:
    """"condemned as illegal the seizure of its tanker", read with the seizure inside the "as"
    phrase: when the "as" words come first, the noun after the adjective is the verb's object."""
    if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return
    between = obj.doc[prep.i + 1:obj.i]
    adjs = [t for t in between if t.pos_ == "ADJ" and t.head.i in {prep.i, obj.i}]
    if not adjs or adjs[0].i != next(t.i for t in between if not t.is_punct):
        return  # "as a threat": an "as" phrase, not a fronted one
    obj.head, obj.dep_ = verb, "dobj"
    for t in between:
        if t.head.i == obj.i and (t.pos_ == "ADJ" or t.is_punct) and t.i < adjs[-1].i + 2:
            t.head = prep
    adjs[0].dep_ = "pobj"
    return True


# verbs that take measures as objects: "announced asset freezes", "imposed travel bans"
_MEASURE_VERBS = frozenset({"announce", "impose", "unveil", "order", "approve", "introduce", "extend", "lift",
                            "ease", "slap", "threaten", "propose", "adopt", "expand", "tighten", "enact",
                            "authorise", "authorize", "condemn", "criticise", "criticize", "welcome", "end"})


def _repair_noun_compound_read_as_clause(clause: Token) -> bool | None:
    """"announced asset freezes and travel bans", read as a clause "asset freezes": a bare noun
    right after a verb of measures, then a present-tense verb with nothing of its own, is a
    noun compound, the verb's object."""
    if clause.dep_ == "ROOT" and clause.tag_ == "VBZ":
        # "The EU imposed asset freezes on ...", read as "[The EU imposed asset] freezes"
        verb = next((c for c in clause.children if c.dep_ == "csubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
        if verb is None or obj is None or verb.lemma_.lower() not in _MEASURE_VERBS \
                or not (verb.i + 1 == obj.i == clause.i - 1) or obj.tag_ != "NN" or any(True for _ in obj.children):
            return
        # the order keeps the tree acyclic at every step
        verb.head, verb.dep_ = verb, "ROOT"
        clause.head, clause.dep_ = verb, "dobj"
        clause.pos_, clause.tag_ = "NOUN", "NNS"
        obj.head, obj.dep_ = clause, "compound"
        for c in list(clause.children):
            if c.dep_ in {"punct", "nsubj"} or c.dep_ == "prep" and c.lower_ not in {"on", "against", "for"}:
                c.head = verb
        return True
    if clause.dep_ == "conj" and clause.tag_ == "VBZ" and clause.i >= 1:
        # "to impose visa bans and asset freezes on ...", read with "freezes" a second verb
        first = clause.doc[clause.i - 1]
        if first.dep_ == "conj" and first.tag_ == "NN" and not any(True for _ in first.children) \
                and first.head.pos_ == "NOUN" and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "neg"} for c in clause.children):
            clause.head, clause.pos_, clause.tag_ = first.head, "NOUN", "NNS"
            first.head, first.dep_ = clause, "compound"
            return True
        return
    if clause.dep_ != "ccomp" or clause.tag_ != "VBZ" or clause.head.lemma_.lower() not in _MEASURE_VERBS:
        return
    verb, doc = clause.head, clause.doc
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i != clause.i - 1 or subj.i != verb.i + 1 or subj.tag_ != "NN" \
            or any(True for _ in subj.children):
        return
    if any(c.dep_ in {"aux", "auxpass", "dobj", "mark", "neg", "ccomp", "xcomp", "nsubjpass"} for c in clause.children):
        return
    clause.head, clause.dep_ = verb, "dobj"
    clause.pos_, clause.tag_ = "NOUN", "NNS"
    subj.dep_ = "compound"
    return True


# nouns of documents that a participle after them describes: "an agreement abolishing visas"
_DOCUMENT_NOUNS = frozenset({"agreement", "deal", "treaty", "accord", "pact", "memorandum", "law", "bill", "decree",
                             "resolution", "protocol", "convention", "declaration", "proposal", "plan", "order"})


def _repair_document_participle(doc_noun: Token) -> bool | None:
    """"An agreement abolishing visa requirements was signed by A and B", read as one compound
    noun headed by "requirements": a document noun, then an -ing word, is the document with a
    participle describing it, and the document heads the phrase (what was signed)."""
    doc = doc_noun.doc
    if doc_noun.dep_ not in {"compound", "npadvmod", "nmod"} or doc_noun.lemma_.lower() not in _DOCUMENT_NOUNS \
            or doc_noun.i + 2 >= len(doc):
        return
    part = doc[doc_noun.i + 1]
    head = doc_noun.head if doc_noun.head.i != part.i else part.head
    if not (part.lower_.endswith("ing") and len(part) > 5 and doc_noun.i <= part.head.i <= head.i
            and part.dep_ in {"compound", "amod", "acl"}):
        return
    if head.i <= part.i or head.pos_ not in {"NOUN", "PROPN"} or any(
            t.pos_ in {"VERB", "AUX", "ADP"} for t in doc[part.i + 1:head.i]):
        return
    # the order keeps the tree acyclic at every step
    if head.head.i == head.i:
        doc_noun.head, doc_noun.dep_ = doc_noun, "ROOT"
    else:
        doc_noun.head, doc_noun.dep_ = head.head, head.dep_
    for c in list(head.children):
        if c.i < doc_noun.i:
            c.head = doc_noun  # "An": the document's determiner
    part.head, part.dep_, part.pos_, part.tag_ = doc_noun, "acl", "VERB", "VBG"
    head.head, head.dep_ = part, "dobj"
    return True


def _repair_to_participle(tok: Token) -> bool | None:
    """"granted asylum to ousted President X" read as the infinitive "to oust X": an "-ed" form
    is never an infinitive, so "to" is the preposition and the participle describes its object."""
    if tok.tag_ not in {"VBN", "VBD"} or not tok.lower_.endswith("ed") or tok.i == 0 or tok.head.i == tok.i:
        return
    to = tok.doc[tok.i - 1]
    if to.lower_ != "to" or to.head.i != tok.i or to.dep_ != "aux":
        return
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return
    # the order keeps the tree acyclic at every step
    to.head, to.dep_, to.tag_, to.pos_ = tok.head, "prep", "IN", "ADP"
    obj.head, obj.dep_ = to, "pobj"
    tok.head, tok.dep_, tok.tag_ = obj, "amod", "VBN"
    return True


def _repair_subjunctive(tok: Token) -> bool | None:
    """"demanded that Tokyo retract the remarks", "that the prime minister resign": the bare verb
    of a that-clause read as a noun with its subject as a modifier. A clause introduced by "that"
    has a verb, so the word is the verb and the modifier before it its subject."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ccomp" or tok.head.pos_ not in {"VERB", "AUX"}:
        return
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return
    if any(c.dep_ == "nsubj" for c in tok.children):
        tok.pos_, tok.tag_ = "VERB", "VB"  # only the verb was misread
        return True
    before = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if not before or any(c.dep_ in {"det", "poss", "amod", "nummod"} and c.i > before[-1].i
                         for c in tok.children):
        return
    subj = before[-1]
    tok.pos_, tok.tag_ = "VERB", "VB"
    subj.dep_ = "nsubj"
    for c in list(tok.children):  # "the" of "that the government resign" is the subject's
        if c.i < subj.i and c.dep_ in {"det", "amod", "compound", "poss", "nummod"} and c.dep_ != "mark":
            c.head = subj
    return True


_UNWELCOME = ("persona", "non", "grata")


def _repair_persona_non_grata(tok: Token) -> bool | None:
    """"declared two diplomats persona non grata": the model reads the Latin as a verb with the
    diplomats as its subject, or as a compound noun swallowing them. The phrase is the object
    complement of "declare"; who is declared unwelcome is the verb's object."""
    doc = tok.doc
    if tok.lower_ != "persona" or tok.i + 2 >= len(doc):
        return
    if tuple(t.lower_ for t in doc[tok.i:tok.i + 3]) not in {_UNWELCOME, ("persona", "non", "gratae")}:
        return
    phrase = set(range(tok.i, tok.i + 3))
    verb = next((a for a in (tok, *tok.ancestors) if a.lemma_.lower() == "declare"), None)
    if verb is None:
        return
    members = [t for t in doc[tok.i:tok.i + 3]]
    declared = [c for m in members for c in m.children
                if c.i not in phrase and c.dep_ in {"nsubj", "compound", "nsubjpass"} and c.i < tok.i]
    other = [c for m in members for c in m.children
             if c.i not in phrase and c not in declared and c.i > tok.i + 2]
    # the order keeps the tree acyclic at every step
    for person in declared:
        person.head, person.dep_ = verb, "dobj"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for c in other:
        c.head = verb
        if passive and c.lower_ == "by":
            c.dep_ = "agent"  # "declared persona non grata by Estonia"
    persona, non, grata = members
    if persona.head.i != verb.i:
        persona.head = verb
    persona.dep_, persona.pos_, persona.tag_ = "oprd", "NOUN", "NN"
    grata.head, grata.dep_ = persona, "amod"
    non.head, non.dep_ = grata, "advmod"
    return True


def _misread_main_verb(tok: Token) -> Token | None:
    """The verb that is the real main verb when `tok` is a participle misread as one."""
    if tok.tag_ not in {"VBD", "VBN"} or tok.pos_ != "VERB":
        return None
    children = list(tok.children)
    subj = [c for c in children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].pos_ not in {"NOUN", "PROPN"} or subj[0].i > tok.i:
        return None
    if any(c.dep_ in {"dobj", "cc", "aux", "auxpass", "neg", "mark"} for c in children):
        return None  # a real transitive main verb, or a real coordination
    if any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in children):
        return None  # "threatened to impose visa bans and asset freezes": a control verb's own clause
    if any(c.dep_ == "ccomp" and any(g.dep_ in _SUBJECTS | {"mark"} for g in c.children) for c in children):
        return None  # "said (that) a deal is close": a verb of saying with its clause
    for conj in (c for c in children if c.dep_ in {"conj", "ccomp"} and c.pos_ in {"VERB", "AUX"}
                 and c.i > tok.i):
        between = tok.doc[tok.i + 1:conj.i]
        if any(t.dep_ == "punct" and t.head.i in {tok.i, conj.i} for t in between):
            continue
        if any(c.dep_ in _SUBJECTS for c in conj.children):
            continue
        # the conjunct must be finite ("were released", "went home"); a complement only when
        # passive ("were freed")
        passive = any(c.dep_ == "auxpass" and c.tag_ in {"VBD", "VBZ", "VBP"} for c in conj.children)
        finite = conj.tag_ in {"VBD", "VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in conj.children)
        if passive or (conj.dep_ == "conj" and finite):
            return conj
    return None


# Token repairs in the order they run, each with the word it needs written in the text (None: any).
# (repair, a word it needs written, the tags it needs of its word); each repair takes one word
# and returns True when it changed the tree
_TOKEN_REPAIRS = (
    (_repair_to_participle, "to", _Gate(tag={"VBN", "VBD"})),
    (_repair_subjunctive, "that", _Gate(pos={"NOUN"}, dep={"ccomp"})),
    (_repair_persona_non_grata, "persona", _Gate(lower={"persona"})),
    (_repair_between_of, "between", _Gate(lower={"between"}, dep={"prep"})),
    (_repair_verb_before_attribution, None, _Gate(dep={"acl"}, tag={"VBD", "VBN"})),
    (_repair_participle_after_attribution, ",", _Gate(dep={"advcl"}, tag={"VBG"})),
    (_repair_inverted_dative, "to", _Gate(lower={"to"}, dep={"prep"})),
    (_repair_conj_without_cc, None, _Gate(dep={"conj"}, tag={"VBN", "VBD"})),
    (_repair_weapon_read_as_verb, "and", _Gate(dep={"conj"}, lower=set(_WEAPON_VERBS))),
    (_repair_split_affiliation, "-", _Gate(dep={"npadvmod"})),
    (_repair_participle_read_as_subject, ",", _Gate(dep={"csubj"}, tag={"VBG"})),
    (_repair_two_subjects, None, _Gate(pos={"VERB", "AUX"})),
    (_repair_split_demonyms, "and", _Gate(dep={"nsubj", "nsubjpass", "dobj", "pobj"}, tag={"NNP", "JJ", "NNPS"})),
    (_repair_headline_comma_list, ",", _Gate(tag={"NNP", "JJ", "NNPS"})),
    (_repair_adjective_with_subject, None, _Gate(dep={"amod"}, tag={"VBD", "VBN"})),
    (_repair_object_read_as_quantity, "to", _Gate(dep={"quantmod"}, pos={"NOUN", "PROPN"})),
    (_repair_stranded_agent, "by", _Gate(pos={"VERB"})),
    (_repair_fronted_as, "as", _Gate(pos={"VERB"})),
    (_repair_quote_read_as_possessive, "'", _Gate(dep={"case"})),
    (_repair_noun_compound_read_as_clause, None, _Gate(tag={"VBZ"})),
    (_repair_document_participle, None, _Gate(dep={"compound", "npadvmod", "nmod"})),
)
