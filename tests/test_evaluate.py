"""Tests for eventwire.evaluate: hand-built cases, expected numbers computed by hand."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate import (
    EvalReport,
    _pair,
    cameo_root,
    code_matches,
    haversine_km,
    load_jsonl,
    penta_of_root,
    primary_sector,
    score,
)

DOHA = {"name": "Doha", "text": "Doha", "country": "QAT", "admin1": None,
        "lat": 25.27932, "lon": 51.52245}


def actor(country, sector=None, code=None, text="x", name=None):
    if code is None:
        code = (country or "") + (sector or "")
    return {"country": country, "sector": sector, "code": code, "text": text, "name": name}


def ev(cameo, src, tgt, location=None, date=None, optional=False, plover=None, **extra):
    e = {"source": src, "target": tgt, "cameo": cameo, "plover": plover, "mode": None,
         "location": location, "date": date, "evidence": "", "optional": optional}
    e.update(extra)
    return e


def coded(article_id, e, **extra):
    d = dict(e)
    d.pop("optional", None)
    d["article_id"] = article_id
    d.update(extra)
    return d


def art(aid, events=None, labels=None):
    r = {"id": aid, "text": "t", "title": None, "published": None, "source": None}
    if events is not None:
        r["events"] = events
    if labels is not None:
        r["labels"] = labels
    return r


TURGOV = actor("TUR", "GOV")
RUSGOV = actor("RUS", "GOV")
SYRGOV = actor("SYR", "GOV")
TURMIL = actor("TUR", "MIL")


def lv(rep, level):
    s = rep.levels[level]
    return (s.tp, s.fp, s.fn)


# ------------------------------------------------------------------ helpers


def test_helpers():
    assert cameo_root("0421") == "04"
    assert cameo_root("19") == "19"
    assert cameo_root(None) is None
    assert code_matches("04", "042") and code_matches("04", "0421")
    assert code_matches("042", "042") and code_matches("042", "0421")
    assert not code_matches("042", "043") and not code_matches("042", "04")
    # sector from code when the sector field is missing
    assert primary_sector({"country": "TUR", "sector": None, "code": "TURMILGOV"}) == "MIL"
    assert primary_sector({"country": "USA", "sector": None, "code": "USA"}) is None
    assert primary_sector({"country": None, "sector": None, "code": "UAF"}) == "UAF"
    assert primary_sector({"country": "TUR", "code": "TURGOV", "sector": "MIL"}) == "MIL"
    assert [penta_of_root(f"{i:02d}") for i in range(1, 21)] == [
        0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 3, 4, 4, 4, 4]
    # 1 degree of latitude ~ 111.2 km
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.195, abs=0.01)


# ------------------------------------------------------------------ event levels


def test_perfect_match():
    g = [
        ev("041", TURGOV, RUSGOV, date="2023-01-05"),
        ev("062", TURMIL, actor("RUS", "MIL"), location=DOHA),
    ]
    rep = score([art("a", g)], [coded("a", e) for e in g])
    # 2 gold, 2 coded, both pairs hit every level: tp=2 fp=0 fn=0, P=R=F1=1
    for level in ("root", "dyad", "dyad_sector", "code"):
        assert lv(rep, level) == (2, 0, 0)
        assert rep.levels[level].f1 == 1.0
    # location/date over the 2 dyad-hit pairs: both agree
    assert rep.levels["location"].accuracy == 1.0 and rep.levels["location"].pairs == 2
    assert lv(rep, "date") == (2, 0, 0)
    assert rep.gold_events == 2 and rep.coded_events == 2 and rep.articles == 1
    assert rep.per_root["04"] == {"gold": 1, "coded": 1, "tp_root": 1, "tp_dyad": 1}
    assert rep.per_root["06"] == {"gold": 1, "coded": 1, "tp_root": 1, "tp_dyad": 1}
    assert rep.per_root["19"] == {"gold": 0, "coded": 0, "tp_root": 0, "tp_dyad": 0}


def test_wrong_target_country():
    g = [ev("041", TURGOV, RUSGOV)]
    c = [coded("a", ev("042", TURGOV, SYRGOV))]
    rep = score([art("a", g)], c)
    # root 04 agrees -> root tp=1; target RUS != SYR -> dyad tp=0, fp=1 (1 coded-0), fn=1
    assert lv(rep, "root") == (1, 0, 0)
    assert lv(rep, "dyad") == (0, 1, 1)
    assert lv(rep, "dyad_sector") == (0, 1, 1)
    assert lv(rep, "code") == (0, 1, 1)
    # no dyad-hit pairs -> location/date see nothing
    assert rep.levels["location"].pairs == 0 and lv(rep, "location") == (0, 0, 0)
    assert rep.per_root["04"] == {"gold": 1, "coded": 1, "tp_root": 1, "tp_dyad": 0}


def test_sector_mismatch():
    g = [ev("041", TURGOV, RUSGOV)]
    c = [coded("a", ev("041", TURMIL, RUSGOV))]
    rep = score([art("a", g)], c)
    # countries agree -> dyad hit; GOV != MIL -> dyad_sector miss (fp=1, fn=1)
    assert lv(rep, "dyad") == (1, 0, 0)
    assert lv(rep, "dyad_sector") == (0, 1, 1)
    # code level needs dyad + code, not sectors -> hit
    assert lv(rep, "code") == (1, 0, 0)


def test_sector_from_code_and_null_sector():
    # gold sector missing, taken from code TURMIL -> MIL; coded says MIL -> dyad_sector hit
    g = [ev("041", actor("TUR", None, "TURMIL"), RUSGOV)]
    rep = score([art("a", g)], [coded("a", ev("041", TURMIL, RUSGOV))])
    assert lv(rep, "dyad_sector") == (1, 0, 0)
    # PETRARCH-style gold: bare country code "USA", no sector; coded USAGOV -> sector miss
    g = [ev("042", actor("USA", None, "USA"), actor("CHN", None, "CHN"))]
    rep = score([art("a", g)], [coded("a", ev("042", actor("USA", "GOV"), actor("CHN", None, "CHN")))])
    assert lv(rep, "dyad") == (1, 0, 0)
    assert lv(rep, "dyad_sector") == (0, 1, 1)


def test_code_depth():
    # article a: gold "04" accepts "042"
    # article b: gold "042" rejects "043" (dyad hit, code miss)
    # article c: gold "042" accepts "0421"
    gold = [
        art("a", [ev("04", TURGOV, RUSGOV)]),
        art("b", [ev("042", TURGOV, RUSGOV)]),
        art("c", [ev("042", TURGOV, RUSGOV)]),
    ]
    c = [coded("a", ev("042", TURGOV, RUSGOV)),
         coded("b", ev("043", TURGOV, RUSGOV)),
         coded("c", ev("0421", TURGOV, RUSGOV))]
    rep = score(gold, c)
    # micro over 3 articles: dyad 3/3; code tp=2 (a, c), fp=1, fn=1
    assert lv(rep, "dyad") == (3, 0, 0)
    assert lv(rep, "code") == (2, 1, 1)
    assert rep.levels["code"].precision == pytest.approx(2 / 3)
    # b alone: code miss
    rep_b = score([gold[1]], [c[1]])
    assert lv(rep_b, "code") == (0, 1, 1)


def test_null_target_equals_null():
    g = [ev("010", TURGOV, None)]
    # coded target null -> dyad hit
    rep = score([art("a", g)], [coded("a", ev("010", TURGOV, None))])
    assert lv(rep, "dyad") == (1, 0, 0)
    assert lv(rep, "dyad_sector") == (1, 0, 0)
    # coded target actor with country null counts as country null -> dyad hit
    rep = score([art("a", g)], [coded("a", ev("010", TURGOV, actor(None, "CVL", "CVL")))])
    assert lv(rep, "dyad") == (1, 0, 0)
    # ... but its sector CVL differs from the null target's None -> dyad_sector miss
    assert lv(rep, "dyad_sector") == (0, 1, 1)
    # coded target RUS vs gold null -> dyad miss
    rep = score([art("a", g)], [coded("a", ev("010", TURGOV, RUSGOV))])
    assert lv(rep, "dyad") == (0, 1, 1)


def test_optional_pair_dropped():
    g = [ev("041", TURGOV, RUSGOV), ev("010", TURGOV, None, optional=True)]
    c = [coded("a", ev("041", TURGOV, RUSGOV)),   # pairs with the firm event
         coded("a", ev("010", TURGOV, None)),     # pairs with the optional one -> dropped
         coded("a", ev("190", SYRGOV, TURGOV))]   # pairs with nothing -> fp
    rep = score([art("a", g)], c)
    assert rep.gold_events == 1 and rep.optional_gold_events == 1
    assert rep.dropped_optional_pairs == 1
    # counted coded = 3 - 1 dropped = 2; root tp=1, fp=1, fn=0
    assert rep.coded_events == 2
    assert lv(rep, "root") == (1, 1, 0)
    assert rep.per_root["01"] == {"gold": 0, "coded": 0, "tp_root": 0, "tp_dyad": 0}
    assert rep.per_root["19"]["coded"] == 1


def test_optional_firm_gold_paired_first():
    # the coded event matches the optional gold exactly but the firm gold only at root;
    # firm gold is paired first, so it takes the coded event and nothing is dropped
    g = [ev("041", TURGOV, RUSGOV, optional=True), ev("042", SYRGOV, TURGOV)]
    rep = score([art("a", g)], [coded("a", ev("041", TURGOV, RUSGOV))])
    assert rep.dropped_optional_pairs == 0
    assert lv(rep, "root") == (1, 0, 0)
    assert lv(rep, "dyad") == (0, 1, 1)


def test_two_gold_one_coded():
    g = [ev("041", TURGOV, RUSGOV), ev("190", SYRGOV, TURGOV)]
    rep = score([art("a", g)], [coded("a", ev("041", TURGOV, RUSGOV))])
    # one pair; the 19 gold event is missed: tp=1 fp=0 fn=1, P=1, R=1/2, F1=2/3
    assert lv(rep, "root") == (1, 0, 1)
    s = rep.levels["root"]
    assert (s.precision, s.recall) == (1.0, 0.5)
    assert s.f1 == pytest.approx(2 / 3)


def test_greedy_prefers_dyad_pair():
    # the coded event agrees on root with both gold events; gold order alone would pick
    # the first, but the dyad match (second) is the better pair
    g = [ev("042", TURGOV, SYRGOV), ev("042", TURGOV, RUSGOV)]
    rep = score([art("a", g)], [coded("a", ev("042", TURGOV, RUSGOV))])
    assert lv(rep, "root") == (1, 0, 1)
    assert lv(rep, "dyad") == (1, 0, 1)
    # with two coded events, the dyad pair is still formed first; the other is root only
    c = [ev("042", TURGOV, RUSGOV), ev("042", TURGOV, actor("IRN", "GOV"))]
    pairs = _pair(g, c, [0, 1])
    assert [(gi, ci, m.dyad) for gi, ci, m in pairs] == [(1, 0, True), (0, 1, False)]
    # ties break on gold order then coded order
    same = [ev("042", TURGOV, RUSGOV), ev("042", TURGOV, RUSGOV)]
    assert [(gi, ci) for gi, ci, _ in _pair(same, same, [0, 1])] == [(0, 0), (1, 1)]


def test_pairing_is_per_article():
    # the coded event of article b cannot pair with the gold event of article a
    gold = [art("a", [ev("041", TURGOV, RUSGOV)]), art("b", [])]
    rep = score(gold, [coded("b", ev("041", TURGOV, RUSGOV))])
    assert lv(rep, "root") == (0, 1, 1)


def test_location():
    g_ev = ev("062", TURMIL, actor("RUS", "MIL"), location=DOHA)

    def loc(lat, lon, country="QAT"):
        return {"name": "p", "text": "p", "country": country, "admin1": None, "lat": lat, "lon": lon}

    cases = [
        loc(25.5, 51.52245),           # 0.2207 deg lat * 111.2 = 24.5 km -> hit
        loc(25.8, 51.52245),           # 0.5207 deg lat * 111.2 = 57.9 km -> miss
        loc(25.27932, 51.52245, "SAU"),  # same point, other country -> miss
        loc(None, None),               # gold has coordinates, coded lacks -> miss
        None,                          # gold has a place, coded none -> miss
    ]
    gold = [art(f"a{i}", [g_ev]) for i in range(len(cases))]
    c = [coded(f"a{i}", dict(g_ev, location=p)) for i, p in enumerate(cases)]
    rep = score(gold, c)
    s = rep.levels["location"]
    # 5 dyad-hit pairs, 1 agrees: tp=1, fp=fn=4, accuracy=0.2
    assert (s.tp, s.fp, s.fn, s.pairs) == (1, 4, 4, 5)
    assert s.accuracy == pytest.approx(0.2)
    assert s.precision == s.recall == pytest.approx(0.2)
    # location does not affect the dyad level
    assert lv(rep, "dyad") == (5, 0, 0)

    # gold without coordinates: country is enough; both null -> hit; gold null, coded set -> miss
    no_xy = dict(DOHA, lat=None, lon=None)
    gold = [art("b1", [dict(g_ev, location=no_xy)]), art("b2", [dict(g_ev, location=None)]),
            art("b3", [dict(g_ev, location=None)])]
    c = [coded("b1", dict(g_ev, location=loc(30.0, 40.0))), coded("b2", dict(g_ev, location=None)),
         coded("b3", g_ev)]
    rep = score(gold, c)
    assert (rep.levels["location"].tp, rep.levels["location"].pairs) == (2, 3)

    # a root-only pair (dyad miss) is not scored for location
    rep = score([art("c", [g_ev])], [coded("c", dict(g_ev, target=SYRGOV, location=None))])
    assert rep.levels["location"].pairs == 0


def test_date():
    base = ev("041", TURGOV, RUSGOV, date="2023-01-05")
    gold = [art("a", [base]), art("b", [base]), art("c", [dict(base, date=None)]),
            art("d", [dict(base, date=None)])]
    c = [coded("a", base),                              # same day -> hit
         coded("b", dict(base, date="2023-01-04")),     # other day -> miss
         coded("c", dict(base, date=None)),             # null = null -> hit
         coded("d", base)]                              # gold null, coded dated -> miss
    rep = score(gold, c)
    s = rep.levels["date"]
    # 4 dyad-hit pairs, 2 agree
    assert (s.tp, s.fp, s.fn, s.pairs) == (2, 2, 2, 4)
    assert s.accuracy == 0.5


def test_date_breaks_ties_in_pairing():
    # two gold events identical but for the date; the coded event pairs with the same-day one
    g = [ev("041", TURGOV, RUSGOV, date="2023-01-01"), ev("041", TURGOV, RUSGOV, date="2023-01-02")]
    rep = score([art("a", g)], [coded("a", g[1])])
    assert lv(rep, "date") == (1, 0, 0)


# ------------------------------------------------------------------ labels


def test_penta_accuracy_and_macro_f1():
    gold = [
        art("r1", labels={"penta": 4}),
        art("r2", labels={"penta": 1}),
        art("r3", labels={"penta": 3}),
        art("r4", labels={"penta": 0}),
        art("r5", labels={"source_spans": []}),  # no penta label: not scored
    ]
    c = [
        # r1: highest confidence 0.9 -> 190 -> 4 (correct)
        coded("r1", ev("190", TURMIL, SYRGOV), confidence=0.9),
        coded("r1", ev("042", TURGOV, RUSGOV), confidence=0.5),
        # r2: tie at 0.8 between 036 (1) and 120 (3) -> more conflictual 3 (wrong)
        coded("r2", ev("036", TURGOV, RUSGOV), confidence=0.8),
        coded("r2", ev("120", TURGOV, RUSGOV), confidence=0.8),
        # r3: 112 has no confidence -> 1.0 beats 190 at 0.99 -> 3 (correct)
        coded("r3", ev("112", TURGOV, RUSGOV)),
        coded("r3", ev("190", TURGOV, RUSGOV), confidence=0.99),
        # r4: no events -> "none" (wrong)
        coded("r5", ev("010", TURGOV, None)),
    ]
    rep = score(gold, c)
    pe = rep.penta
    assert pe["records"] == 4 and pe["correct"] == 2 and pe["no_prediction"] == 1
    assert pe["accuracy"] == 0.5
    # per class F1: 0 -> 0 (gold 1, pred 0); 1 -> 0 (gold 1, pred 0); 2 -> excluded (none);
    # 3 -> P 1/2, R 1 -> 2/3; 4 -> 1.  macro = (0 + 0 + 2/3 + 1) / 4 = 5/12
    assert pe["macro_f1"] == pytest.approx(5 / 12)
    assert pe["per_class"]["3"]["f1"] == pytest.approx(2 / 3)
    conf = pe["confusion"]
    assert conf["4"]["4"] == 1 and conf["1"]["3"] == 1 and conf["3"]["3"] == 1
    assert conf["0"]["none"] == 1
    assert sum(sum(row.values()) for row in conf.values()) == 4
    # label-only records have no "events": their coded events are not event false positives
    assert rep.label_only_coded_events == 7
    assert rep.coded_events == 0 and lv(rep, "root") == (0, 0, 0)
    assert rep.event_articles == 0 and rep.articles == 5
    # no event-annotated article: the table shows no event levels, only penta
    table = rep.format_table()
    assert "dyad_sector" not in table and "penta: accuracy 0.500" in table


def test_penta_absent_without_labels():
    rep = score([art("a", [ev("041", TURGOV, RUSGOV)])], [])
    assert rep.penta is None and rep.labels == {}
    assert lv(rep, "root") == (0, 0, 1)


def test_india_kill_arrest():
    gold = [
        art("i1", labels={"kill": True, "arrest": True}),
        art("i2", labels={"kill": True, "arrest": False}),
        art("i3", labels={"kill": True, "arrest": True}),
        art("i4", labels={"kill": False, "arrest": False}),
        art("i5", labels={"kill": False, "arrest": False}),
    ]
    c = [
        coded("i1", ev("190", actor("IND", "CVL"), actor("IND", "CVL"), plover="ASSAULT")),
        coded("i1", ev("1731", actor("IND", "COP"), actor("IND", "CVL"), plover=None)),
        coded("i2", ev("180", actor("IND", "CVL"), actor("IND", "CVL"), plover=None)),  # root 18
        coded("i3", ev("042", actor("IND", "GOV"), actor("IND", "GOV"), plover="CONSULT")),
        coded("i4", ev("170", actor("IND", "COP"), actor("IND", "CVL"), plover="COERCE")),
        coded("i5", ev("193", actor("IND", "CVL"), actor("IND", "CVL"), plover="ASSAULT")),
        # 172 (administrative sanctions) without a PLOVER type is not an arrest
        coded("i5", ev("172", actor("IND", "GOV"), actor("IND", "CVL"), plover=None)),
    ]
    rep = score(gold, c)
    kill, arrest = rep.labels["kill"], rep.labels["arrest"]
    # kill: true in i1, i2, i3; hit in i1 (ASSAULT), i2 (root 18) -> recall 2/3
    #       false in i4, i5; i5 has a 19 -> false-positive rate 1/2 (170 COERCE is no kill)
    assert (kill["positives"], kill["hits"], kill["negatives"], kill["false_positives"]) == (3, 2, 2, 1)
    assert kill["recall"] == pytest.approx(2 / 3)
    assert kill["false_positive_rate"] == 0.5
    # arrest: true in i1, i3; i1 has 1731 -> recall 1/2
    #         false in i2, i4, i5; i4 has COERCE (i5's 172 is no arrest) -> false-positive rate 1/3
    assert (arrest["positives"], arrest["hits"], arrest["negatives"], arrest["false_positives"]) == (2, 1, 3, 1)
    assert arrest["recall"] == 0.5
    assert arrest["false_positive_rate"] == pytest.approx(1 / 3)
    assert rep.penta is None


# ------------------------------------------------------------------ bookkeeping


def test_unknown_article_ids():
    gold = [art("a", [ev("041", TURGOV, RUSGOV)])]
    c = [coded("a", ev("041", TURGOV, RUSGOV)),
         coded("nope", ev("190", TURGOV, RUSGOV)),
         coded("nope", ev("041", TURGOV, RUSGOV)),
         coded(None, ev("041", TURGOV, RUSGOV))]
    rep = score(gold, c)
    # 3 coded events with no gold article: counted and ignored, not false positives
    assert rep.unmatched_articles == 3
    assert rep.unmatched_article_ids == ["nope"]
    assert rep.coded_events == 1
    assert lv(rep, "root") == (1, 0, 0)


def test_duplicate_gold_id_rejected():
    with pytest.raises(ValueError, match="duplicate"):
        score([art("a", []), art("a", [])], [])


def test_report_serialises_and_formats():
    gold = [art("a", [ev("041", TURGOV, RUSGOV), ev("190", SYRGOV, TURGOV)]),
            art("p", labels={"penta": 1, "kill": False})]
    c = [coded("a", ev("041", TURGOV, RUSGOV)), coded("p", ev("036", TURGOV, RUSGOV))]
    rep = score(gold, c)
    assert isinstance(rep, EvalReport)
    d = json.loads(json.dumps(rep.to_dict()))
    assert d["levels"]["root"]["tp"] == 1 and d["levels"]["root"]["fn"] == 1
    assert d["per_root"]["19"]["gold"] == 1
    assert d["penta"]["accuracy"] == 1.0
    table = rep.format_table()
    for word in ("root", "dyad_sector", "code", "location", "date", "penta", "label kill"):
        assert word in table
    root_line = next(line for line in table.splitlines() if line.startswith("root "))
    # P=1, R=0.5, F1=0.667, tp=1, fp=0, fn=1
    assert root_line.split()[1:7] == ["1.000", "0.500", "0.667", "1", "0", "1"]


def test_load_jsonl(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text('{"id": "a", "events": []}\n\n{"id": "b"}\n', encoding="utf-8")
    assert [r["id"] for r in load_jsonl(p)] == ["a", "b"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n\n{"id": "b",\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:3"):
        load_jsonl(bad)
    notobj = tmp_path / "list.jsonl"
    notobj.write_text('[1, 2]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"list\.jsonl:1"):
        load_jsonl(notobj)
