"""The command line end to end on a temporary database."""
from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.model import Actor, Event
from eventwire.store import Store
from eventwire.store.export import GDELT_COLUMNS

runner = CliRunner()


def test_ingest_then_articles_jsonl(dump_file, db_path):
    res = runner.invoke(app, ["ingest", str(dump_file), "--db", db_path])
    assert res.exit_code == 0, res.output
    assert "read 2, new 2" in res.output
    res = runner.invoke(app, ["articles", "--db", db_path, "--format", "jsonl"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["title"] for r in rows][1] == "Police Detain Dozens After Protest in Dhaka"
    assert all({"id", "title", "published", "source", "captions", "text", "events"} <= set(r) for r in rows)
    res = runner.invoke(app, ["ingest", str(dump_file), "--db", db_path])
    assert "new 0, 2 duplicate" in res.output


def test_strict_exit_code_on_problems(tmp_path, db_path):
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"text": "Troops withdrew from the town on Monday, officials said."}\n{oops\n')
    res = runner.invoke(app, ["ingest", str(bad), "--db", db_path])
    assert res.exit_code == 0 and "feed.jsonl:2" in res.output and "1 warning" in res.output
    res = runner.invoke(app, ["ingest", str(bad), "--db", db_path, "--strict"])
    assert res.exit_code == 1


def test_missing_path_is_a_clear_error(db_path):
    res = runner.invoke(app, ["ingest", "no/such/file.txt", "--db", db_path])
    assert res.exit_code == 2 and "no such file" in res.output


def _store_with_events(dump_file, db_path):
    runner.invoke(app, ["ingest", str(dump_file), "--db", db_path])
    with Store(db_path) as store:
        art = store.articles()[0]
        ev = Event(source=Actor(code="KENGOV", country="KEN", sector="GOV", text="Kenya"),
                   target=Actor(code="ETHGOV", country="ETH", sector="GOV", text="Ethiopia"),
                   cameo="057", plover="AGREE", goldstein=8.0, quad_class=1, evidence="signed",
                   sentence=0, trigger_start=19, trigger_end=25, date="2024-05-07")
        store.write_events([(art.id, [ev])])
        return art.id


def test_gdelt_export_loads_with_gdelt_column_names(dump_file, db_path, tmp_path):
    art_id = _store_with_events(dump_file, db_path)
    out = tmp_path / "events.tsv"
    res = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--db", db_path])
    assert res.exit_code == 0, res.output
    con = duckdb.connect()
    rel = con.execute(f"SELECT * FROM read_csv('{out}', delim='\t', header=true, all_varchar=true)")
    names = [d[0] for d in rel.description]
    assert tuple(names) == GDELT_COLUMNS and len(names) == 61
    row = dict(zip(names, rel.fetchone()))
    assert row["EventCode"] == "057" and row["EventRootCode"] == "05"
    assert row["Actor1CountryCode"] == "KEN" and row["Actor2Code"] == "ETHGOV"
    assert row["SQLDATE"] == "20240507" and row["SOURCEURL"] == art_id


def test_jsonl_csv_parquet_exports(dump_file, db_path, tmp_path):
    art_id = _store_with_events(dump_file, db_path)
    res = runner.invoke(app, ["export", "--format", "jsonl", "--db", db_path])
    ev = json.loads(res.stdout.splitlines()[0])
    assert ev["article_id"] == art_id and ev["cameo"] == "057" and ev["source"]["country"] == "KEN"
    assert {"source", "target", "cameo", "plover", "mode", "location", "date", "evidence"} <= set(ev)
    pq = tmp_path / "e.parquet"
    runner.invoke(app, ["export", "--format", "parquet", "--out", str(pq), "--db", db_path])
    assert duckdb.connect().execute(f"SELECT cameo FROM '{pq}'").fetchone()[0] == "057"


def test_csv_and_gdelt_to_stdout_and_min_confidence(tmp_path, db_path):
    dump = tmp_path / "d.txt"
    dump.write_text("Kenya and Ethiopia signed a trade agreement on Tuesday. Gunmen killed three people "
                    "in an attack on Wednesday, police said.\n", encoding="utf-8")
    runner.invoke(app, ["code", str(dump), "--db", db_path, "--format", "jsonl"])
    everything = runner.invoke(app, ["export", "--format", "csv", "--db", db_path])
    assert everything.exit_code == 0 and everything.stdout.startswith("event_id") or "cameo" in everything.stdout
    rows = len(everything.stdout.strip().splitlines())
    strong = runner.invoke(app, ["export", "--format", "csv", "--db", db_path, "--min-confidence", "0.99"])
    assert strong.exit_code == 0 and len(strong.stdout.strip().splitlines()) < rows
    gdelt = runner.invoke(app, ["export", "--format", "gdelt", "--db", db_path])
    assert gdelt.exit_code == 0 and gdelt.stdout.startswith("GLOBALEVENTID")
    listed = runner.invoke(app, ["events", "--db", db_path, "--format", "jsonl", "--min-confidence", "0.99"])
    assert all(json.loads(line)["confidence"] >= 0.99 for line in listed.stdout.splitlines())


def test_events_replace_not_duplicate(dump_file, db_path):
    _store_with_events(dump_file, db_path)
    _store_with_events(dump_file, db_path)
    with Store(db_path) as store:
        assert store.count("events") == 1


def test_eval_with_coded_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    coded = tmp_path / "coded.jsonl"
    actor = lambda c, s: {"country": c, "sector": s, "code": c + s, "text": c, "name": None}
    gold.write_text(json.dumps({"id": "g1", "text": "x", "events": [
        {"source": actor("KEN", "GOV"), "target": actor("ETH", "GOV"), "cameo": "057"},
        {"source": actor("KEN", "COP"), "target": None, "cameo": "173"}]}) + "\n")
    coded.write_text(json.dumps({"article_id": "g1", "source": actor("KEN", "GOV"),
                                 "target": actor("ETH", "GOV"), "cameo": "057"}) + "\n")
    res = runner.invoke(app, ["eval", str(gold), "--coded", str(coded), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    dyad = report["levels"]["dyad"]
    assert dyad["tp"] == 1 and dyad["fn"] == 1 and dyad["fp"] == 0


def test_coded_events_carry_place_and_date_into_exports(dump_file, db_path, tmp_path):
    res = runner.invoke(app, ["code", str(dump_file), "--db", db_path, "--published", "2024-05-08",
                              "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    met = [e for e in events if e["cameo"].startswith("04") and e["location"]]
    assert met and met[0]["location"]["name"] == "Nairobi" and met[0]["location"]["country"] == "KEN"
    assert abs(met[0]["location"]["lat"] - (-1.28)) < 0.2
    detained = [e for e in events if e["cameo"].startswith("17") and e["source"]["country"] == "BGD"]
    # "on Sunday" in a story published Wednesday 2024-05-08
    assert detained and detained[0]["date"] == "2024-05-05" and detained[0]["date_text"] == "on Sunday"
    out = tmp_path / "events.tsv"
    runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--db", db_path])
    rows = duckdb.connect().execute(
        f"SELECT ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_Type, ActionGeo_Lat "
        f"FROM read_csv('{out}', delim='\t', header=true, all_varchar=true) "
        f"WHERE ActionGeo_FullName LIKE 'Nairobi%'").fetchall()
    assert rows and rows[0][1] == "KEN" and rows[0][2] == "4"


def test_gazetteer_lookup_lists_candidates():
    res = runner.invoke(app, ["gazetteer", "--lookup", "al-Hasakeh"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("al-Hasakeh:")
    assert any("\tSYR\t" in line for line in lines[1:])
