"""Article-level behaviour: one event per fact, named parties, unknown doers, statement stance,
and the words kept for each actor. Sentences written for these tests."""
from __future__ import annotations

from eventwire import code_text


def _events(text: str, **kw):
    return [(e.cameo, e.source.code, e.target.code if e.target else None, e.source.rule, e.source.text)
            for e in code_text(text, **kw)]


def test_a_doer_the_knowledge_base_lacks_is_kept_as_unknown() -> None:
    events = _events("Dr Maria Okonkwo signed a cooperation agreement with Ghana on Monday.")
    unknown = [e for e in events if e[1] == "---"]
    assert unknown and unknown[0][0] == "057" and unknown[0][2] == "GHAGOV"
    assert unknown[0][3] == "unknown" and "Okonkwo" in unknown[0][4]


def test_named_groups_of_one_statement_are_separate_events() -> None:
    text = ("Two Colombian guerrilla groups said on Monday that a peace deal with Bogota was "
            "closer than ever.\n\n"
            "The FARC and the ELN said in a joint statement that a deal was closer than ever.")
    events = [e for e in code_text(text) if e.cameo.startswith("01")]
    names = {e.source.name for e in events if e.source.name and e.target and e.target.country == "COL"}
    assert len(names) >= 2, [(e.cameo, e.source.code, e.source.name, e.target) for e in events]


def test_a_statement_that_someone_must_act_is_a_demand() -> None:
    events = _events("Kenya said Somalia must withdraw its complaint before talks can resume.")
    assert any(e[0] == "100" and e[1] == "KENGOV" for e in events)


def test_a_statement_ruling_an_act_out_is_a_rejection() -> None:
    events = _events("Hungary said it will not sign the migration pact.")
    assert any(e[0].startswith("12") and e[1] == "HUNGOV" for e in events)


def test_actor_text_is_the_whole_phrase_that_names_it() -> None:
    events = code_text("Police in the Gaza Strip arrested three men on Sunday.")
    arrests = [e for e in events if e.cameo.startswith("17")]
    assert arrests and arrests[0].source.text == "Police in the Gaza Strip"
    assert arrests[0].source.country == "PSE"


def test_he_points_back_to_a_person_not_a_group() -> None:
    text = ("Two opposition parties said the vote was rigged.\n\n"
            "A Kenyan official told reporters that the count had been fair. "
            "\"We will publish every result,\" he said.")
    statements = [e for e in code_text(text) if e.evidence.startswith('"We will')]
    assert all(e.source.sector != "PTY" for e in statements)


def test_a_speaker_already_coded_adds_no_bare_statement() -> None:
    # the minister's accusation is the news; what she said next tells its details
    text = ("Chile's foreign minister accused Bolivia on Monday of breaking a border treaty. "
            "The minister said talks in La Paz had achieved nothing.")
    events = _events(text)
    assert any(e[0] == "112" and e[1] == "CHLGOV" and e[2] == "BOLGOV" for e in events)
    assert not [e for e in events if e[0] == "010" and e[2] is None]
    # a speaker with nothing coded yet still makes a statement
    alone = _events("Chile's foreign minister said on Monday that talks in La Paz had achieved nothing.")
    assert [e for e in alone if e[0] == "010" and e[1] == "CHLGOV"]
