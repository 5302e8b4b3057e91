"""Title-case headlines are read as sentences, names kept, offsets kept."""
from eventwire import code_text
from eventwire.coding.headline import is_title_case, sentence_case


def test_title_case_is_told_from_a_sentence():
    assert is_title_case("Turkey Closes Airspace to Armenian Flights After Border Clash")
    assert not is_title_case("Turkey closed its airspace to Armenian flights on Monday, officials said.")
    assert not is_title_case("NATO")  # too short to tell
    assert not is_title_case("TURKEY CLOSES AIRSPACE TO ARMENIAN FLIGHTS")


def test_ordinary_words_go_lower_and_names_stay():
    line = "Turkey Closes Airspace to Armenian Flights After Border Clash in West Bank"
    out = sentence_case(line)
    assert len(out) == len(line)
    assert out.startswith("Turkey closes")
    assert "Armenian" in out and "West Bank" in out and "border clash" in out
    # a sentence is left as written
    sentence = "The Minister said talks would resume."
    assert sentence_case(sentence) == sentence


def test_a_title_case_headline_is_coded_with_its_words_as_written():
    line = "Serbia Expels Croatian Diplomat After Spy Row"
    coded = [e for e in code_text(line) if e.source.code.startswith("SRB") and e.target is not None
             and e.target.code.startswith("HRV") and e.cameo.startswith("174")]
    assert coded
    assert coded[0].evidence == line


def test_a_headline_act_by_an_unnamed_doer_is_the_story_act_told_below():
    # the headline names its doer by letters the coder does not know; the story below names
    # it in full, so the headline's act is no second event by someone unknown
    dump = ("GAWU threatens walkout over unpaid arrears\n"
            "ACCRA — The General Agricultural Workers' Union of Ghana has warned that it will launch a "
            "nationwide strike next week if the government does not pay arrears owed to cocoa farmers.\n")
    events = code_text(dump)
    assert any(e.cameo.startswith("13") and e.source.code.startswith("GHA") for e in events)
    assert not any(e.source.code.startswith("---") for e in events)
    # alone, the headline's act stands
    assert any(e.cameo.startswith("13") for e in code_text("GAWU threatens walkout over unpaid arrears"))


def test_a_headline_act_with_no_party_named_is_the_story_act_told_fuller():
    dump = ("Lima turns down mediation offer\n"
            "LIMA — Peru has rejected an offer from Brazilian President Luiz Inacio Lula da Silva to mediate "
            "in its border dispute with Ecuador, Foreign Minister Elmer Schialer said on Monday.\n")
    rejections = [e for e in code_text(dump) if e.cameo.startswith("12") and e.source.code == "PERGOV"]
    assert [e.target.code if e.target else None for e in rejections] == ["BRAGOV"]
