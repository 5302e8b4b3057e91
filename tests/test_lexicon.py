"""The lexicon: grammar, validation with line numbers, coverage, compilation."""
from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.lexicon import expand_sets, load_lexicon, parse_file, parse_pattern, parse_sets


def test_pattern_grammar():
    p = parse_pattern("hold talk with:T", "040", "x:1")
    assert (p.head, p.words, p.target_preps, p.noun) == ("hold", ("talk",), ("with",), False)
    n = parse_pattern("N: air strike on:T", "195", "x:2")
    assert (n.head, n.words, n.target_preps, n.noun) == ("strike", ("air",), ("on",), True)
    e = parse_pattern("appeal !against", "020", "x:3")
    assert e.exclude == {"against"}
    assert parse_pattern("arrest T", "173", "x:4").object_target
    h = parse_pattern("help T!", "070", "x:5")
    assert h.object_target and h.object_actor
    r = parse_pattern("receive weapon from:S", "072", "x:6")
    assert (r.head, r.words, r.source_preps, r.target_preps) == ("receive", ("weapon",), ("from",), ())


@pytest.mark.parametrize("text, line, words", [
    ('"040":\n  - meet T\n  - Meet With\n', 3, "bad word"),
    ('"999":\n  - meet T\n', 1, "not in the ontology"),
    ('"04x":\n  - meet T\n', 1, "not a CAMEO code"),
    ('"040":\n  - N: talk T\n', 2, "only for verb patterns"),
    ('"040": meet\n', 1, "expected a list"),
    ('"040":\n  - N: visit from:S\n', 2, "only for verb patterns"),
    ('"040":\n  - receive visit from:S T\n', 2, "takes its target from the subject"),
    ('"040":\n  - meet T\n  - N: visit S=envoy\n', 3, "only for verb patterns"),
    ('"040":\n  - meet S=Envoy\n', 2, "bad word"),
])
def test_errors_name_the_line(text, line, words):
    with pytest.raises(DataFileError) as info:
        parse_file("bad.yaml", text, {"040"})
    assert info.value.line == line and words in str(info.value)
    assert f"bad.yaml:{line}" in str(info.value)


def test_a_subject_word_names_the_means_and_keys_the_verb():
    sets = parse_sets("sets.yaml", "BOMB: [bomb, device]\n")
    (p,) = parse_file("x.yaml", '"183":\n  - go off S=$BOMB\n', {"183"}, sets)
    assert (p.head, p.words, p.subject_words) == ("go", ("off",), {"bomb", "device"})
    assert p.specificity > parse_pattern("go off", "183", "x:1").specificity


def test_a_weapon_as_subject_is_an_attack_by_someone_unnamed():
    from eventwire import code_text

    def acts(text: str) -> set[tuple[str, str | None, str]]:
        return {(e.source.sector, e.target and e.target.sector, e.cameo) for e in code_text(text)}

    assert ("UAF", None, "183") in {(s, None, c) for s, _t, c in acts(
        "A car bomb went off near the central market in Kirkuk on Sunday.")}
    assert any(c == "195" for _s, _t, c in acts("A missile hit an apartment block in Dnipro overnight."))
    # the same verbs with a subject that is no weapon are no attack
    assert not acts("Protests exploded across the country after the vote.")
    assert not acts("A gas cylinder exploded in a restaurant kitchen in Lahore.")
    assert not acts("The strike hit exporters hard.")


def test_unquoted_noun_pattern_is_accepted():
    pats = parse_file("ok.yaml", '"040":\n  - N: summit\n', {"040"})
    assert pats[0].noun and pats[0].head == "summit" and pats[0].id == "ok.yaml:2"


def test_bundled_lexicon_covers_250_codes_with_3_triggers():
    codes = load_lexicon().codes()
    rich = [c for c, pats in codes.items() if len({p.text for p in pats}) >= 3]
    assert len(rich) >= 250, f"only {len(rich)} codes have 3+ patterns"
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}


def test_word_sets_expand_to_one_pattern_per_member():
    sets = parse_sets("sets.yaml", "GIVE: [give, send]\nWEAPON: [rifle, tank]\n")
    pats = parse_file("x.yaml", '"072":\n  - $GIVE $WEAPON to:T\n', {"072"}, sets)
    assert sorted(p.text for p in pats) == ["give rifle to:T", "give tank to:T", "send rifle to:T", "send tank to:T"]
    assert len({p.id for p in pats}) == 4 and all(p.id.startswith("x.yaml:2#") for p in pats)
    with pytest.raises(DataFileError) as info:
        parse_file("x.yaml", '"072":\n  - $NOPE T\n', {"072"}, sets)
    assert info.value.line == 2 and "unknown word set" in str(info.value)
    with pytest.raises(DataFileError):
        parse_sets("sets.yaml", "lower: [a]\n")
    assert expand_sets("meet T", sets) == [("", "meet T")]


def test_aid_transfers_code_by_what_is_given():
    from eventwire import code_text

    got = {e.cameo for e in code_text("Japan delivered rifles and tents to Moldova on Monday.")}
    assert "072" in got or "073" in got


def test_a_pattern_listed_twice_under_one_code_is_an_error() -> None:
    import pytest

    from eventwire.errors import DataFileError
    from eventwire.lexicon import parse_file

    with pytest.raises(DataFileError, match=r"x.yaml:4: .*already listed under 040"):
        parse_file("x.yaml", '"040":\n  - consult T\n  - meet T\n  - consult T\n')
    # a code given two lists in one file: the second names the first's line
    with pytest.raises(DataFileError, match=r"x.yaml:5: code 040 already has its list at line 1"):
        parse_file("x.yaml", '"040":\n  - consult T\n"042":\n  - visit T\n"040":\n  - meet T\n')


def test_a_modifier_on_a_modifier_is_a_word_of_the_noun():
    from eventwire import code_text
    events = {(e.source.code, e.target.code if e.target else None, e.cameo)
              for e in code_text("Egypt and Greece began a week of large-scale joint military exercises on Monday.")}
    assert ("EGYMIL", "GRCMIL", "062") in events and ("GRCMIL", "EGYMIL", "062") in events
