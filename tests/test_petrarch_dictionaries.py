"""Reading PETRARCH / Phoenix dictionaries and coding with them (files written for the tests)."""
from __future__ import annotations

import pytest

from eventwire.actors.petrarch import read_actors, read_agents
from eventwire.coding.pipeline import CoderOptions, code_records
from eventwire.errors import DataFileError

ACTORS = """<!-- test dictionary
spanning lines -->
VALORIA_  [VAL]   # a fictional state
+VALORIAN
ZENTRIS  [ZNT]
KARL_MODEN_
\t[VALELI 900101-091231]
\t[VALGOV >100101]
BROKEN_ENTRY_
\t[VALGOV 9901-]
"""

AGENTS = """!PERSON! = MAN, MEN, WOMAN
FOREIGN_MINISTER [~GOV]
MEDIA {} [~JRN]
ARMED_!PERSON! {} [~UAF]
SOLDIER [~MIL]
"""


def _write_pair(folder, stem: str, actors_text: str, agents_text: str) -> tuple[str, str]:
    """An actors and an agents dictionary file, as a user would hand them to --actors/--agents."""
    actors, agents = folder / f"{stem}.actors.txt", folder / f"{stem}.agents.txt"
    actors.write_text(actors_text, encoding="utf-8")
    agents.write_text(agents_text, encoding="utf-8")
    return str(actors), str(agents)


@pytest.fixture
def dicts(tmp_path):
    return _write_pair(tmp_path, "test", ACTORS, AGENTS)


def test_actor_entries_synonyms_stems_and_dates(dicts):
    warnings: list[str] = []
    actors = {a.phrases[0][0]: a for a in read_actors(dicts[0], warnings)}
    assert actors[("valoria",)].phrases == [(("valoria",), False), (("valorian",), True)]
    assert actors[("zentris",)].phrases[0][1] is True  # no final "_": a stem
    moden = actors[("karl", "moden")]
    assert moden.codes == [("VALELI", "1990-01-01", "2009-12-31"), ("VALGOV", "2010-01-01", None)]
    assert len(warnings) == 1 and "test.actors.txt:10" in warnings[0]
    with pytest.raises(DataFileError) as info:
        read_actors(dicts[0])
    assert info.value.line == 10


def test_agents_plurals_and_macros(dicts):
    agents = {" ".join(a.phrase): a.code for a in read_agents(dicts[1])}
    assert agents["foreign minister"] == "GOV" and agents["foreign ministers"] == "GOV"
    assert "medias" not in agents and agents["media"] == "JRN"
    assert agents["armed men"] == agents["armed woman"] == "UAF"
    assert agents["soldiers"] == "MIL"


def test_coding_with_imported_dictionaries(dicts):
    options = CoderOptions(actors=(dicts[0],), agents=(dicts[1],), replace_actors=True)
    records = [
        {"id": "a", "text": "Valoria accused Zentrisian soldiers of shelling the border town.", "published": "2015-05-01"},
        {"id": "b", "text": "Karl Moden criticised Valoria on Monday.", "published": "2005-03-01"},
        {"id": "c", "text": "Karl Moden criticised Zentris on Monday.", "published": "2015-03-01"},
    ]
    events = {e.article_id: e for e in code_records(records, options)}
    assert events["a"].source.code == "VAL" and events["a"].target.code == "ZNTMIL"
    assert events["b"].source.code == "VALELI"  # the dated code of 2005
    assert events["c"].source.code == "VALGOV" and events["c"].target.code == "ZNT"
    assert events["a"].source.entry.startswith("test.actors.txt:")


# PETRARCH's code assembly, with a second invented dictionary: agents before and after the
# actor's code, the longest agent phrase, redundant agents, "former", multi-code entries,
# whole words over stems, and dated codes.
ACTORS_2 = """KORVAN_  [KOR]
KORVAN_PALACE_  [KORGOV]
VALORIA_  [VAL]
+VALORIAN
THE_VAL  [QQQEDU]   # a stem that must not take "The Valorian"
THE_TWIN_CITIES_  [TWA/TWB]
MIRELLA_STONE_
\t[KORELI 20050101-20051231]
\t[KORGOV 20000101-20091231]
OLD_ORDER_
\t[OLD <19991231]
"""

AGENTS_2 = """!PERSON! = MAN, MEN
CONGRESS!PERSON! [~LEG]
GOVERNMENT [~GOV]
AUTHORITY [~GOV]
DEPUTY [~LEG]
OPPOSITION_FRONT [~OPP]
ARMED_OPPOSITION_FRONT [~ROP]
RELIEF_AGENCY [  NGO~]
STATE_BROADCASTER {} [~GOVMED]
POLICE {} [~COP]
BUREAU_OF_LOST_CAUSES [~GOV]
"""


@pytest.fixture
def dicts2(tmp_path):
    return _write_pair(tmp_path, "second", ACTORS_2, AGENTS_2)


def _pairs(records, dicts):
    options = CoderOptions(actors=(dicts[0],), agents=(dicts[1],), replace_actors=True)
    out: dict[str, set] = {}
    for ev in code_records(records, options):
        out.setdefault(ev.article_id, set()).add((ev.source.code, ev.target.code if ev.target else None))
    return out


def test_agent_prefix_plurals_and_macros(dicts2):
    agents = {" ".join(a.phrase): a for a in read_agents(dicts2[1])}
    assert agents["relief agency"].prefix and agents["relief agency"].code == "NGO"
    assert not agents["deputy"].prefix
    # PETRARCH's plurals: -Y -> -IES, -S -> -SES; a macro's values are used as written
    assert "deputies" in agents and "deputys" not in agents and "authorities" in agents
    assert "congressmen" in agents and "congressmens" not in agents
    assert "police" in agents and "polices" not in agents


def test_petrarch_code_assembly(dicts2):
    texts = {
        "prefix": "The Valoria relief agency criticised Korvan on Monday.",
        "longest": "Korvan's armed opposition front accused Valoria of shelling the border town.",
        "redundant": "Korvan Palace authorities criticised Valoria on Monday.",
        "six": "The Valoria state broadcaster criticised Korvan on Monday.",
        "former": "Former Korvan deputies criticised Valoria on Monday.",
        "stem": "The Valorian government criticised Korvan on Monday.",
        "multi": "The Twin Cities criticised Korvan on Monday.",
        "of": "The Korvan Bureau of Lost Causes criticised Valoria on Monday.",
    }
    records = [{"id": key, "text": text, "published": "2015-05-01"} for key, text in texts.items()]
    got = _pairs(records, dicts2)
    assert ("NGOVAL", "KOR") in got["prefix"]  # "[NGO~]" goes before the actor's code
    assert ("KORROP", "VAL") in got["longest"]  # not KOROPP: the longest agent phrase wins
    assert ("KORGOV", "VAL") in got["redundant"]  # GOV is already in KORGOV
    assert ("VALGOVMED", "KOR") in got["six"]
    assert ("KORELI", "VAL") in got["former"]  # "former" makes the role ELI
    assert ("VALGOV", "KOR") in got["stem"]  # the whole word "Valorian", not the stem THE_VAL
    assert {("TWA", "KOR"), ("TWB", "KOR")} <= got["multi"]  # one actor per code
    assert ("KORGOV", "VAL") in got["of"]  # an agent phrase with "of" in it


def test_dated_codes_first_match_and_null_code(dicts2):
    from eventwire.actors.base import build_actor_dictionary

    dictionary = build_actor_dictionary((dicts2[0],), (dicts2[1],), True)
    stone = dictionary.lookup("Mirella Stone")
    assert stone.code_at("2005-06-01")[0] == "KORELI"  # the first restriction holding wins
    assert stone.code_at("2008-06-01")[0] == "KORGOV"
    assert stone.code_at("2005-12-31")[0] == "KORELI"  # bounds are included
    old = dictionary.lookup("Old Order")
    assert old.code_at("1999-12-31")[0] == "OLD"
    assert old.code_at("2005-01-01")[0] == "---"  # no restriction holds and no default code


def test_petrarch_agents_match_as_written(dicts2):
    from eventwire.actors.base import build_actor_dictionary
    from eventwire.coding.actors import find_mentions
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    dictionary = build_actor_dictionary((dicts2[0],), (dicts2[1],), True)
    doc = nlp("The polices of Korvan and the police of Valoria met.")
    mentions = find_mentions(doc, dictionary, nlp)
    assert 1 not in mentions.agents  # "POLICE {}" has no plural: "polices" is no agent
    assert mentions.agents[6][0] == "COP"


def test_possessor_list_shares_the_role(dicts2):
    """ "Korvan and Valoria's deputies", parsed as one phrase with a list of possessors: one
    actor per possessor, each with the role (built by hand: the parser's choice varies)."""
    from spacy.tokens import Doc

    from eventwire.actors.base import build_actor_dictionary
    from eventwire.coding.actors import ActorResolver, find_mentions
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    dictionary = build_actor_dictionary((dicts2[0],), (dicts2[1],), True)
    doc = Doc(nlp.vocab, words=["Korvan", "and", "Valoria", "'s", "deputies", "protested"],
              heads=[4, 0, 0, 2, 5, 5], deps=["poss", "cc", "conj", "case", "nsubj", "ROOT"],
              pos=["PROPN", "CCONJ", "PROPN", "PART", "NOUN", "VERB"],
              tags=["NNP", "CC", "NNP", "POS", "NNS", "VBD"])
    mentions = find_mentions(doc, dictionary, nlp)
    actors = ActorResolver(dictionary, "2015-05-01").resolve(doc[4], mentions)
    assert sorted(a.code for a in actors) == ["KORLEG", "VALLEG"]
