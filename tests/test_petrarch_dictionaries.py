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


@pytest.fixture
def dicts(tmp_path):
    actors = tmp_path / "test.actors.txt"
    agents = tmp_path / "test.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return str(actors), str(agents)


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
