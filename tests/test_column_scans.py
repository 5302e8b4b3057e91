"""Scans that read a document's columns at once must find what a word-by-word reading finds.

The coder looks for trigger words, role words, place-name starts and named entities by reading
spaCy's arrays in one pass (speed: benchmarks/throughput.py); these tests read the same text
word by word and compare.
"""
from __future__ import annotations

import pytest

from eventwire.coding.actors import _agent_candidates, entity_at
from eventwire.coding.pipeline import get_coder
from eventwire.geo.resolve import _is_name_token, _name_starts, _columns
from eventwire.lexicon import _NOUN_POS, _VERB_POS, _forms

TEXTS = [
    "Kenyan police fired tear gas at hundreds of protesters in Nairobi on Tuesday, and soldiers "
    "detained two journalists near the parliament, the Law Society of Kenya said.",
    "EU and UN hand over supplies to flood victims in Sindh",
    "The foreign ministers of Ghana and Togo held talks in Lome on border security after "
    "gunmen attacked a customs post near Aflao, killing a customs officer.",
    "Prime Minister Keir Starmer met Ukrainian President Volodymyr Zelenskiy in London and "
    "pledged new air defence systems, Downing Street said in a statement.",
]


@pytest.fixture(scope="module")
def coder():
    return get_coder()


@pytest.fixture(scope="module")
def docs(coder):
    return list(coder.nlp.pipe(TEXTS))


def test_trigger_finder_finds_what_a_word_by_word_scan_finds(coder, docs):
    lexicon = coder.lexicon
    forms = {noun: {f for head in lexicon.heads(noun) for f in _forms(head)} for noun in (False, True)}
    for doc in docs:
        expected = []
        for tok in doc:
            if tok.lemma_ in forms[False] and (tok.pos_ in _VERB_POS or tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
                expected.append((tok.i, False))
            if tok.lemma_ in forms[True] and tok.pos_ in _NOUN_POS:
                expected.append((tok.i, True))
        found = [(tok.i, noun) for tok, noun in coder.matcher(doc)]
        assert found == expected
        assert found  # every text has an act in it


def test_entity_at_is_the_entity_holding_the_word(docs):
    for doc in docs:
        for tok in doc:
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            got = entity_at(tok)
            if ent is None:
                assert got is None
            else:
                assert (got.start, got.end, got.label_) == (ent.start, ent.end, ent.label_)


def test_role_word_candidates_hold_every_word_whose_form_or_lemma_is_a_role(coder, docs):
    agents = coder.dictionary.agents
    for doc in docs:
        expected = [t.i for t in doc if t.lower_ in agents or t.lemma_.lower() in agents]
        assert [t.i for t in _agent_candidates(doc, agents)] == expected
    assert any(_agent_candidates(doc, agents) for doc in docs)  # police, soldiers, journalists


def test_name_starts_hold_every_word_that_can_start_a_place_name(docs):
    _np, attrs, _h, _t = _columns()
    for doc in docs:
        starts = set(_name_starts(doc, doc.to_array(attrs)))
        assert {t.i for t in doc if _is_name_token(t)} <= starts
        assert not any(doc[i].is_punct for i in starts)
