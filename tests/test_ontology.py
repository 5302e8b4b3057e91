"""Tests for the CAMEO / PLOVER ontology data and its validating loader."""
from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.ontology import (
    CAMEO_HEADER,
    PLOVER_TYPES,
    CameoCode,
    OntologyError,
    load_ontology,
    validate_rows,
)

HEADER = "\t".join(CAMEO_HEADER)


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _tsv(*rows: str) -> str:
    return "\n".join((HEADER,) + rows) + "\n"


GOOD_ROWS = (
    "04\tCONSULT\t1.0\t1\t1\tCONSULT\t",
    "040\tConsult, not specified below\t1.0\t1\t1\tCONSULT\t",
    "041\tDiscuss by telephone\t1.0\t1\t1\tCONSULT\tphone",
)


# --------------------------------------------------------------------------------------------
# Coverage and structure


def test_roots_and_size(onto):
    assert onto.roots == [f"{i:02d}" for i in range(1, 21)]
    assert len(onto.codes) >= 280
    assert len(onto.codes) == 316  # 20 roots + 296 codes in the CAMEO 1.1b3 code list


def test_every_code_has_root_and_parent(onto):
    for code in onto.codes:
        assert code[:2] in onto.codes, code
        if len(code) == 4:
            assert code[:3] in onto.codes, code
        assert 2 <= len(code) <= 4 and code.isdigit()


def test_load_is_cached(onto):
    assert load_ontology() is onto


def test_records_are_frozen(onto):
    rec = onto.get("042")
    assert isinstance(rec, CameoCode)
    with pytest.raises(AttributeError):
        rec.goldstein = 0.0  # type: ignore[misc]


def test_all_fields_in_range(onto):
    for rec in onto.codes.values():
        assert -10.0 <= rec.goldstein <= 10.0
        assert rec.quad_gdelt in (1, 2, 3, 4)
        assert rec.quad_icews in (1, 2, 3, 4)
        assert rec.plover is None or rec.plover in PLOVER_TYPES
        if rec.mode is not None:
            assert rec.mode in onto.plover_types[rec.plover]["modes"], rec.code


def test_roots_copy_their_x0_code(onto):
    for root in onto.roots:
        x0 = onto.get(root + "0")
        r = onto.get(root)
        assert (r.goldstein, r.plover, r.mode) == (x0.goldstein, x0.plover, x0.mode), root


# --------------------------------------------------------------------------------------------
# Spot facts


def test_spot_facts(onto):
    assert onto.get("041").plover == "CONSULT"
    assert onto.get("041").mode == "phone"
    assert onto.get("041").name == "Discuss by telephone"
    assert onto.plover("190") == "ASSAULT"
    assert onto.goldstein("190") == -10.0
    assert "0311" in onto
    assert onto.get("0311").name == "Express intent to cooperate economically"
    assert "de-escalation" in onto.get("1056").name
    assert (onto.plover("173"), onto.mode("173")) == ("COERCE", "arrest")
    assert (onto.plover("145"), onto.mode("145")) == ("PROTEST", "riot")
    assert onto.mode("195") == "aerial"
    assert onto.plover("020") == "REQUEST"
    assert onto.plover("010") is None
    assert onto.mode("010") is None
    assert onto.plover("01") is None


def test_published_goldstein_weights(onto):
    expected = {"010": 0.0, "041": 1.0, "042": 1.9, "057": 8.0, "074": 8.5, "0874": 10.0,
                "130": -4.4, "163": -8.0, "171": -9.2, "182": -9.5, "190": -10.0,
                "195": -10.0, "04": 1.0}
    for code, weight in expected.items():
        assert onto.goldstein(code) == weight, code


def test_plover_mapping_by_root(onto):
    assert all(onto.plover(c) is None for c in onto.codes if c.startswith("01"))
    assert all(onto.plover(c) == "REQUEST" for c in onto.codes if c.startswith(("02", "10")))
    assert all(onto.plover(c) == "AGREE" for c in onto.codes if c.startswith("03"))
    assert all(onto.plover(c) == "ACCUSE" for c in onto.codes if c.startswith("09"))
    assert onto.plover("0841") == "RETREAT" and onto.mode("0841") == "release"
    assert onto.plover("083") == "CONCEDE"
    assert (onto.plover("181"), onto.mode("181")) == ("ASSAULT", "abduct")
    assert (onto.plover("1831"), onto.mode("1831")) == ("ASSAULT", "suicide-attack")
    assert onto.mode("1952") == "drone"
    assert onto.plover("163") == "SANCTION"


def test_penta(onto):
    cases = {"01": 0, "010": 0, "019": 0, "02": 0, "0214": 0, "04": 1, "042": 1, "057": 1,
             "07": 2, "073": 2, "0874": 2, "09": 3, "11": 3, "112": 3, "1125": 3, "13": 3,
             "16": 3, "163": 3, "14": 4, "145": 4, "15": 4, "17": 4, "19": 4, "190": 4,
             "195": 4, "20": 4}
    for code, p in cases.items():
        assert onto.penta(code) == p, code
        assert onto.get(code).penta == p, code
    for code in onto.codes:
        if code.startswith("01"):
            assert onto.penta(code) == 0
        if code.startswith("19"):
            assert onto.penta(code) == 4


def test_quad_classes(onto):
    assert onto.quad_class("09") == 2
    assert onto.quad_class("09", scheme="icews") == 3
    assert onto.quad_class("091", "gdelt") == 2
    assert onto.quad_class("091", "icews") == 3
    assert onto.quad_class("14") == 3 and onto.quad_class("14", "icews") == 4
    assert onto.quad_class("042") == 1 and onto.quad_class("042", "icews") == 1
    assert onto.quad_class("08") == 2 and onto.quad_class("08", "icews") == 2
    assert onto.quad_class("1823") == 4
    with pytest.raises(OntologyError):
        onto.quad_class("042", scheme="phoenix")


# --------------------------------------------------------------------------------------------
# Tree helpers


def test_parent_and_root(onto):
    assert onto.parent("0311") == "031"
    assert onto.parent("031") == "03"
    assert onto.parent("03") is None
    assert onto.root_of("1056") == "10"
    assert onto.children("195") == ["1951", "1952"]
    assert onto.children("042") == []


def test_is_ancestor(onto):
    assert onto.is_ancestor("04", "042")
    assert onto.is_ancestor("04", "040")
    assert onto.is_ancestor("04", "04")
    assert onto.is_ancestor("02", "0214")
    assert onto.is_ancestor("19", "1951")
    assert onto.is_ancestor("042", "042")
    assert onto.is_ancestor("031", "0311")
    assert onto.is_ancestor("195", "1952")
    assert not onto.is_ancestor("042", "043")
    assert not onto.is_ancestor("042", "04")
    assert not onto.is_ancestor("190", "193")
    assert not onto.is_ancestor("0311", "031")
    assert not onto.is_ancestor("04", "140")
    with pytest.raises(OntologyError):
        onto.is_ancestor("04", "0499")


def test_unknown_code_errors(onto):
    with pytest.raises(OntologyError, match="0999"):
        onto.get("0999")
    with pytest.raises(OntologyError, match="leading zero"):
        onto.get("42")
    with pytest.raises(OntologyError):
        onto.get(42)  # type: ignore[arg-type]
    assert "0999" not in onto
    assert 42 not in onto
    assert issubclass(OntologyError, ValueError)
    assert issubclass(OntologyError, DataFileError)


# --------------------------------------------------------------------------------------------
# plover.yaml, modes and precedence


def test_plover_types(onto):
    assert list(onto.plover_types) == list(PLOVER_TYPES)
    assert len(PLOVER_TYPES) == 16
    assert onto.plover_types["CONSULT"]["modes"] == ["visit", "third-party", "multilateral",
                                                      "phone"]
    for name, spec in onto.plover_types.items():
        assert spec["definition"]
        assert spec["penta"] == onto.penta_by_root[spec["cameo_roots"][0]]
    assert onto.penta_by_root["16"] == 3 and onto.penta_by_root["14"] == 4


def test_every_type_is_used(onto):
    used = {rec.plover for rec in onto.codes.values()}
    assert used - {None} == set(PLOVER_TYPES)


def test_normalise_mode(onto):
    assert onto.normalise_mode("riot") == "riot"
    assert onto.normalise_mode("Martial law") == "martial-law"
    assert onto.normalise_mode("heavy_weapons") == "heavy-weapons"
    assert onto.normalise_mode("host") == "visit"
    assert onto.normalise_mode("strike-hun") == "hunger"
    assert onto.normalise_mode("confiscate") == "seize"
    assert onto.normalise_mode("cbrn") == "unconventional"
    assert onto.normalise_mode("ease") is None  # dropped mode
    assert onto.normalise_mode("expel", "COERCE") == "deport"
    assert onto.normalise_mode("expel", "SANCTION") == "expel"
    assert onto.normalise_mode("demonstrate", "protest") == "demo"
    with pytest.raises(OntologyError):
        onto.normalise_mode("phone", "ASSAULT")
    with pytest.raises(OntologyError):
        onto.normalise_mode("teleport")


def test_normalise_type(onto):
    assert onto.normalise_type("demand") == "REQUEST"
    assert onto.normalise_type("FIGHT") == "ASSAULT"
    assert onto.normalise_type("Assault") == "ASSAULT"
    with pytest.raises(OntologyError):
        onto.normalise_type("CRIME")


def test_precedence_rules(onto):
    rules = {r["id"]: r for r in onto.precedence}
    assert 6 <= len(rules) <= 12
    for r in onto.precedence:
        assert r["when"] and r["note"] and r["then"]["plover"] in PLOVER_TYPES
    assert rules["announced-retreat-is-concede"]["then"]["plover"] == "CONCEDE"
    assert rules["capture-is-assault-abduct"]["then"] == {"plover": "ASSAULT", "mode": "abduct"}
    assert rules["protest-violence-is-riot"]["then"] == {"plover": "PROTEST", "mode": "riot"}
    assert rules["threat-of-force-is-threaten"]["then"]["plover"] == "THREATEN"
    assert rules["sanctions-are-sanction"]["then"]["plover"] == "SANCTION"


# --------------------------------------------------------------------------------------------
# Actor types


def test_actor_types(onto):
    at = onto.actor_types
    for code in ("GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "SPY", "CVL", "BUS",
                 "JRN", "MED", "HLH", "REF", "LAB", "EDU", "CRM", "UAF", "ELI", "AGR", "DEV",
                 "HRI", "INS", "SEP", "MOD", "RAD", "REL"):
        assert at[code]["kind"] == "sector", code
    for code in ("IGO", "NGO", "MNC", "IMG", "UNO", "EUR", "UIS", "NGM"):
        assert at[code]["kind"] == "international", code
    for code in ("CHR", "MOS", "JEW", "BUD", "HIN"):
        assert at[code]["kind"] == "religion", code
    assert at["kur"]["kind"] == "ethnic"
    assert "media" in at["JRN"]["name"].lower()
    assert "health" in at["MED"]["name"].lower()
    assert {v["kind"] for v in at.values()} == {"sector", "international", "religion", "ethnic"}


# --------------------------------------------------------------------------------------------
# Validation of bad TSV text


def test_validate_rows_accepts_good_text():
    codes = validate_rows("t.tsv", _tsv(*GOOD_ROWS))
    assert list(codes) == ["04", "040", "041"]
    assert codes["041"].mode == "phone"
    assert validate_rows("t.tsv", _tsv(*GOOD_ROWS).splitlines(keepends=True)) == codes


@pytest.mark.parametrize(
    "bad_row, fragment",
    [
        ("042\tMake a visit\t1.9\t1\t1\tCONSULT", "columns"),
        ("42a\tMake a visit\t1.9\t1\t1\tCONSULT\tvisit", "2 to 4 digits"),
        ("04211\tToo long\t1.9\t1\t1\tCONSULT\t", "2 to 4 digits"),
        ("041\tDuplicate\t1.0\t1\t1\tCONSULT\t", "duplicate code 041"),
        ("042\tMake a visit\tabc\t1\t1\tCONSULT\t", "not a number"),
        ("042\tMake a visit\t11.5\t1\t1\tCONSULT\t", "outside [-10, 10]"),
        ("042\tMake a visit\t1.9\t5\t1\tCONSULT\t", "quad_gdelt"),
        ("042\tMake a visit\t1.9\t1\t0\tCONSULT\t", "quad_icews"),
        ("042\tMake a visit\t1.9\t2\t1\tCONSULT\t", "disagrees"),
        ("042\tMake a visit\t1.9\t1\t1\tCONSOLE\t", "PLOVER type"),
        ("042\tMake a visit\t1.9\t1\t1\tCONSULT\triot", "not a mode of CONSULT"),
        ("042\tMake a visit\t1.9\t1\t1\t\tvisit", "without a PLOVER type"),
        ("0421\tOrphan\t1.9\t1\t1\tCONSULT\t", "parent 042"),
        ("051\tPraise or endorse\t3.4\t1\t1\tSUPPORT\t", "root 05"),
        ("21\tNot a root\t0.0\t4\t4\t\t", "root 21"),
        ("\t", "blank line"),
    ],
)
def test_bad_row_names_file_and_line(bad_row, fragment):
    text = _tsv(*GOOD_ROWS, bad_row)
    with pytest.raises(OntologyError) as info:
        validate_rows("cameo.tsv", text)
    msg = str(info.value)
    assert msg.startswith("cameo.tsv:5: "), msg  # header is line 1, bad row is line 5
    assert fragment in msg, msg
    assert info.value.line == 5
    assert info.value.path == "cameo.tsv"


def test_bad_row_in_the_middle_reports_its_line():
    rows = list(GOOD_ROWS)
    rows.insert(1, "04x\tBroken\t1.0\t1\t1\tCONSULT\t")
    with pytest.raises(OntologyError, match=r"^cameo.tsv:3: "):
        validate_rows("cameo.tsv", _tsv(*rows))


def test_bad_header():
    with pytest.raises(OntologyError, match=r"^x.tsv:1: header"):
        validate_rows("x.tsv", "code\tname\n04\tCONSULT\n")
    with pytest.raises(OntologyError, match=r"^x.tsv:1: "):
        validate_rows("x.tsv", "")


def test_bad_plover_yaml_names_file_and_line():
    from importlib import resources

    from eventwire.ontology import _parse_plover

    text = resources.files("eventwire.ontology").joinpath("data", "plover.yaml").read_text()
    bad = text.replace('"16": 3', '"16": 7')
    with pytest.raises(OntologyError, match=r"^plover.yaml:\d+: penta_by_root"):
        _parse_plover("plover.yaml", bad)
    bad = text.replace("then: {plover: PROTEST, mode: riot}",
                       "then: {plover: PROTEST, mode: brawl}")
    with pytest.raises(OntologyError, match="brawl"):
        _parse_plover("plover.yaml", bad)
