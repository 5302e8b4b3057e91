"""Reading PETRARCH verb dictionaries (`--verbs`) and coding with them (a dictionary written here)."""
from __future__ import annotations

import warnings

import pytest

from eventwire.coding.pipeline import CoderOptions, code_records
from eventwire.errors import DataFileError, DictionaryWarning, InputError
from eventwire.lexicon.petrarch import read_verb_dictionary
from eventwire.ontology import load_ontology

ACTORS = """VALORIA_  [VAL]
ZENTRIS_  [ZNT]
KORVAN_  [KOR]
"""

VERBS = """<!-- a verb dictionary written for these tests,
with a comment block over two lines -->
&PRECIOUS
+GOLD_COINS
+&METALS     # a synset inside a synset

&METALS
+SILVER
+BRONZE BARS

--- PLEDGE  [030] ---
PLEDGE
+PROMISE              # shares the patterns below
- * &PRECIOUS  [071]

--- LODGE  [---] ---
LODGE
- * COMPLAINT AGAINST +  [115]
- * COMPLAINT  [111]

--- RECEIVE  [---] ---
RECEIVE
- + * MONEY $  [071]
- * POSTCARD  [---]

--- SIGN  [050] ---
SIGN
- FORMALLY *  [057]
- * PEACE_DEAL  [057]

--- RESCHEDULE  [036] ---
RESCHEDULE

--- DRILL  [999] ---
DRILL
- * TROOPS  [1522]
"""


@pytest.fixture
def files(tmp_path):
    actors, verbs = tmp_path / "t.actors.txt", tmp_path / "t.verbs.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    verbs.write_text(VERBS, encoding="utf-8")
    return str(actors), str(verbs)


def _coded(files, texts: dict[str, str], replace: bool = True) -> dict[str, set]:
    options = CoderOptions(actors=(files[0],), replace_actors=True, verbs=(files[1],), replace_verbs=replace)
    out: dict[str, set] = {key: set() for key in texts}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)
        records = [{"id": k, "text": t, "published": "2020-01-01"} for k, t in texts.items()]
        for ev in code_records(records, options):
            out[ev.article_id].add((ev.cameo, ev.source.code, ev.target.code if ev.target else None))
    return out


def test_reading_synsets_verbs_and_codes(files):
    patterns, skipped = read_verb_dictionary(files[1], set(load_ontology().codes))
    by_verb: dict[str, list] = {}
    for p in patterns:
        by_verb.setdefault(p.head, []).append(p)
    # "+PROMISE" shares PLEDGE's patterns; nested synsets and multi-word members expand
    assert {p.code for p in by_verb["promise"]} == {"030", "071"}
    precious = next(p for p in by_verb["pledge"] if p.code == "071").after[0].alternatives
    assert set(precious) == {("gold", "coins"), ("silver",), ("bronze", "bars")}
    # "[---]": the bare verb is no event (a pattern that says so); "[1522]" falls back to 152
    assert [p.code for p in by_verb["lodge"] if not p.after] == ["---"]
    assert {p.code for p in by_verb["drill"]} == {"152"}
    # "[999]" has no CAMEO reading: the bare verb is skipped and the line reported
    drill = VERBS.splitlines().index("--- DRILL  [999] ---") + 1
    assert len(skipped) == 1 and skipped[0].endswith("pattern skipped") and f"t.verbs.txt:{drill}:" in skipped[0]
    assert len({p.id for p in patterns}) == len(patterns)  # ids stay unique across a block's verbs
    receive = next(p for p in by_verb["receive"] if p.code == "071")
    assert receive.target_mark == ("subject", 0, 0) and receive.source_mark == ("after", 1, 0)


@pytest.mark.parametrize("text, line, reason", [
    ("--- GIVE [070] ---\nGIVE\n- GIVE AID [071]\n", 3, "exactly one '*'"),
    ("--- GIVE [070] ---\nGIVE\n- * &NOWHERE [071]\n", 3, "unknown synset"),
    ("GIVE\n- * AID [071]\n", 1, "outside"),
    ("--- GIVE [070] ---\nGIVE\n- * AID\n", 3, "no [code]"),
])
def test_errors_name_the_line(tmp_path, text, line, reason):
    path = tmp_path / "bad.verbs.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_verb_dictionary(path, set(load_ontology().codes))
    assert info.value.line == line and reason in str(info.value)


def test_coding_with_a_verb_dictionary(files):
    got = _coded(files, {
        "synset": "Valoria pledged 40 million gold coins to Zentris on Monday.",
        "plain": "Valoria pledged its support to Zentris on Monday.",
        "shared": "Valoria promised bronze bars to Zentris on Monday.",
        "marked": "Valoria lodged a complaint against Zentris with the court of Korvan.",
        "unmarked": "Valoria lodged a complaint with Korvan about Zentris.",
        "money": "Zentris received money from Valoria on Monday.",
        "nothing": "Zentris received a postcard from Valoria on Monday.",
        "before": "Valoria formally signed with Zentris on Monday.",
        "glued": "Valoria signed a peace deal with Zentris.",
        "apart": "Valoria signed a peace and trade deal with Zentris.",
        "phrase": "Valoria rescheduled its annual trade fair in Zentris.",
    })
    assert got["synset"] == {("071", "VAL", "ZNT")}  # the synset pattern beats the bare verb
    assert got["plain"] == {("030", "VAL", "ZNT")}
    assert got["shared"] == {("071", "VAL", "ZNT")}
    # "+" after AGAINST: the target is that preposition's object, not the first noun after the verb
    assert got["marked"] == {("115", "VAL", "ZNT")}
    assert got["unmarked"] == {("111", "VAL", "KOR")}  # no mark: the first actor in the verb's phrase
    assert got["money"] == {("071", "VAL", "ZNT")}  # "+ * MONEY $": the giver is the source
    assert got["nothing"] == set()  # "[---]" pattern: no event, and the bundled lexicon is replaced
    assert got["before"] == {("057", "VAL", "ZNT")}  # a word before the verb
    assert got["glued"] == {("057", "VAL", "ZNT")}  # PEACE_DEAL: adjacent words
    assert got["apart"] == {("050", "VAL", "ZNT")}  # not adjacent: only the bare verb
    assert got["phrase"] == {("036", "VAL", "ZNT")}  # "in Zentris", inside the verb's phrase


def test_verbs_add_to_the_bundled_lexicon(files):
    got = _coded(files, {
        "theirs": "Valoria pledged 40 million gold coins to Zentris on Monday.",
        "ours": "Valoria condemned Zentris on Monday.",  # no CONDEMN block: the bundled lexicon codes it
    }, replace=False)
    assert got["theirs"] == {("071", "VAL", "ZNT")}
    assert {c[:2] for c, _s, _t in got["ours"]} == {"11"}


def test_replace_verbs_needs_a_dictionary():
    with pytest.raises(InputError):
        list(code_records([{"id": "x", "text": "Valoria met Zentris."}], CoderOptions(replace_verbs=True)))


def test_skipped_patterns_are_reported(files):
    from eventwire.coding.pipeline import load_verb_lexicon

    with pytest.warns(DictionaryWarning, match=r"1 verb pattern\(s\) skipped: .*t\.verbs\.txt:\d+: code \[999\]"):
        lexicon = load_verb_lexicon((files[1],))
    assert any(p.ordered for p in lexicon.patterns.values())  # added to the bundled patterns
    assert any(not p.ordered for p in lexicon.patterns.values())


@pytest.mark.filterwarnings("ignore::eventwire.errors.DictionaryWarning")
def test_cli_explain_and_code_read_verbs(files, tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    runner = CliRunner()
    text = "Valoria lodged a complaint against Zentris with the court of Korvan."
    res = runner.invoke(app, ["explain", text, "--actors", files[0], "--replace-actors", "--verbs", files[1]])
    assert res.exit_code == 0, res.output
    assert "t.verbs.txt" in res.output and "VAL -> ZNT  115" in res.output
    article = tmp_path / "one.txt"
    article.write_text(text + "\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(article), "--db", str(tmp_path / "v.duckdb"), "--format", "jsonl",
                              "--actors", files[0], "--replace-actors", "--verbs", files[1], "--replace-verbs"])
    assert res.exit_code == 0, res.output
    events = [line for line in res.stdout.splitlines() if line.startswith("{")]
    assert len(events) == 1 and '"115"' in events[0]
    res = runner.invoke(app, ["explain", text, "--replace-verbs"])
    assert res.exit_code != 0 and "--replace-verbs needs" in res.output
