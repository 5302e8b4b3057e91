"""Where and when one event happened: the place and date words that belong to its clause.

A sentence can name several places and days for different acts ("talks in Cairo on Friday,
after strikes in Gaza last week"). Each place or date mention is given a tier relative to the
event's trigger, and the best tier wins:

  1  the trigger's own clause ("held talks in Cairo", "talks mediated by Qatar were held in Doha");
  2  a clause the trigger's clause hangs from ("In Kabul, police said gunmen attacked a mosque");
  3  elsewhere in the sentence, except reported speech and to-infinitives, which describe other
     acts ("held talks ... to discuss developments in Syria" is not located in Syria);
  4  the dateline (places only).

Within a tier a place nearer to the trigger by a locative preposition wins, then the more
specific one (a camp over its city, a city over its country).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Doc, Token

from eventwire.geo.resolve import SPECIFICITY, PlaceMention, load_place_words

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "parataxis", "csubj", "csubjpass"})
REPORTED = frozenset({"ccomp", "parataxis"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _is_clause(tok: Token) -> bool:
    if tok.dep_ in CLAUSE_DEPS or tok.head.i == tok.i:
        return True
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX")


def _infinitive(tok: Token) -> bool:
    """A to-infinitive ("to discuss ...", "efforts to normalize ..."): an act not yet done."""
    return tok.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def clause_head(tok: Token) -> Token:
    """The verb (or root) of the clause a token belongs to."""
    steps = 0
    while not _is_clause(tok) and steps < 50:
        tok = tok.head
        steps += 1
    return tok


def _own_clause(head: Token) -> set[int]:
    """Token indices of a clause without the clauses nested in it."""
    out: set[int] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for child in tok.children:
            if not _is_clause(child):
                stack.append(child)
    return out


def tiers(doc: Doc, trigger_i: int) -> dict[int, int]:
    """Token index -> tier (1-3) for every token of the trigger's sentence that may hold its
    place or date; tokens absent from the map belong to other acts."""
    trigger = doc[trigger_i]
    sent = trigger.sent
    out: dict[int, int] = {}
    head = clause_head(trigger)
    for i in _own_clause(head):
        out[i] = 1
    up = head
    steps = 0
    while up.head.i != up.i and steps < 20:
        steps += 1
        up = clause_head(up.head)
        for i in _own_clause(up):
            out.setdefault(i, 2)
    blocked: set[int] = set()
    for tok in sent:
        if tok.i == head.i or not (_is_clause(tok) or _infinitive(tok)):
            continue
        if tok.dep_ in REPORTED or _infinitive(tok):
            if not (tok.left_edge.i <= trigger_i <= tok.right_edge.i):
                blocked.update(t.i for t in tok.subtree)
    for i in blocked:
        if out.get(i) == 1 or out.get(i) == 2:
            del out[i]
    for tok in sent:
        if tok.i not in out and tok.i not in blocked:
            out[tok.i] = 3
    return out


def content_tokens(doc: Doc, trigger_i: int) -> set[int]:
    """Tokens of what a verbal act is about: "condemned [the attack in Kabul]" happened
    wherever the condemning was, not in Kabul."""
    trigger = doc[trigger_i]
    out: set[int] = set()
    for tok in {trigger.i: trigger, clause_head(trigger).i: clause_head(trigger)}.values():
        for child in tok.children:
            if child.dep_ in ("dobj", "attr", "oprd") and not (child.left_edge.i <= trigger_i <= child.right_edge.i):
                out.update(t.i for t in child.subtree)
    return out


def _party_object(tok: Token) -> bool:
    """The object of a preposition that names a party to an act ("against", "by", "with", "to"
    after a transfer), unless a border noun makes it a place ("the border with Niger")."""
    if tok.dep_ != "pobj":
        return False
    words = load_place_words()
    prep = tok.head
    if prep.lower_ == "to" and (prep.head.lower_ in words.to_nouns or any(
            c.dep_ == "dobj" and c.lower_ in words.to_nouns for c in prep.head.children)):
        return True  # "arms sales to Saudi Arabia", "end arms sales to X": who receives, not where
    return prep.lower_ in words.party_prepositions and prep.head.lower_ not in words.with_nouns


def event_place(doc: Doc, trigger_i: int, places: Sequence[PlaceMention], exclude: Iterable[int] = (),
                dateline: PlaceMention | None = None,
                tier_map: dict[int, int] | None = None,
                verbal: bool = False) -> tuple[PlaceMention | None, int | None]:
    """The place of the event whose trigger is token `trigger_i`, and the tier it came from.
    `verbal` events (statements, appeals, demands, threats) skip the places of their content."""
    tier_map = tier_map if tier_map is not None else tiers(doc, trigger_i)
    skip = set(exclude)
    if verbal:
        skip |= content_tokens(doc, trigger_i)
    best: tuple[Any, PlaceMention] | None = None
    for m in places:
        if any(i in skip for i in range(m.start, m.end)):
            continue
        root = doc[m.start:m.end].root
        head = root
        while head.dep_ in ("conj", "appos") and head.head.i != head.i:
            head = head.head
        if head.dep_ in SUBJECTS:
            continue  # "Kenya and Ethiopia signed ...": a subject is a participant, never the place
        if _party_object(head):
            continue  # "imprisoned for acting against Moscow": a party, not the place
        tier = tier_map.get(root.i)
        if tier is None:
            continue
        key = (-tier, -m.rank, SPECIFICITY.get(m.candidate.level, 0), -abs(root.i - trigger_i))
        if best is None or key > best[0]:
            best = (key, m)
    if best is not None:
        return best[1], -best[0][0]
    if dateline is not None:
        return dateline, 4
    return None, None


def event_date(doc: Doc, trigger_i: int, dates: Sequence[tuple[int, int, Any]],
               tier_map: dict[int, int] | None = None) -> tuple[Any | None, int | None]:
    """The date mention (from eventwire.dates, mapped to token spans) of the event."""
    tier_map = tier_map if tier_map is not None else tiers(doc, trigger_i)
    best: tuple[tuple[int, int], Any] | None = None
    for start, end, mention in dates:
        tier = min((tier_map[i] for i in range(start, end) if i in tier_map), default=None)
        if tier is None:
            continue
        key = (-tier, -min(abs(i - trigger_i) for i in range(start, end)))
        if best is None or key > best[0]:
            best = (key, mention)
    if best is None:
        return None, None
    return best[1], -best[0][0]
