"""Exports of the events table: EVENT_FORMAT JSONL, flat CSV / Parquet, and GDELT 2.0 TSV."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from eventwire.errors import EventwireError
from eventwire.model import Actor, Event, Place
from eventwire.store.db import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

# The 61 columns of the GDELT 2.0 event table, in order.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

_INTERNATIONAL = {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"}

_GDELT_SELECT = """
WITH e AS (
    SELECT ev.*, coalesce(ev.event_date, a.published) AS d, a.url, a.article_id AS aid
    FROM events ev JOIN articles a USING (article_id)
)
SELECT
    CAST(('0x' || substr(event_id, 1, 15))::UBIGINT AS BIGINT) AS GLOBALEVENTID,
    strftime(d, '%Y%m%d') AS SQLDATE,
    strftime(d, '%Y%m') AS MonthYear,
    strftime(d, '%Y') AS "Year",
    CASE WHEN d IS NULL THEN NULL
         ELSE printf('%.4f', year(d) + (dayofyear(d) - 1) / 365.0) END AS FractionDate,
    {actor1}
    {actor2}
    CASE WHEN sentence = 0 THEN '1' ELSE '0' END AS IsRootEvent,
    cameo AS EventCode, cameo_base AS EventBaseCode, cameo_root AS EventRootCode,
    CAST(quad_class AS VARCHAR) AS QuadClass,
    CAST(goldstein AS VARCHAR) AS GoldsteinScale,
    '1' AS NumMentions, '1' AS NumSources, '1' AS NumArticles, NULL AS AvgTone,
    {geo1} {geo2} {geoa}
    strftime(coded_at, '%Y%m%d%H%M%S') AS DATEADDED,
    coalesce(url, aid) AS SOURCEURL
FROM e ORDER BY article_id, sentence, trigger_start
"""


def _actor_sql(n: int, side: str) -> str:
    intl = ", ".join(f"'{c}'" for c in sorted(_INTERNATIONAL))
    return (
        f"{side}_code AS Actor{n}Code, upper({side}_name) AS Actor{n}Name, "
        f"CASE WHEN {side}_country IN ({intl}) THEN NULL ELSE {side}_country END AS Actor{n}CountryCode, "
        f"CASE WHEN {side}_country IN ({intl}) THEN {side}_country ELSE NULL END AS Actor{n}KnownGroupCode, "
        f"NULL AS Actor{n}EthnicCode, NULL AS Actor{n}Religion1Code, NULL AS Actor{n}Religion2Code, "
        f"{side}_sector AS Actor{n}Type1Code, NULL AS Actor{n}Type2Code, NULL AS Actor{n}Type3Code,"
    )


def _geo_sql(prefix: str, filled: bool) -> str:
    cols = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    if not filled:
        return " ".join(f"NULL AS {prefix}_{c}," for c in cols)
    return (
        # GDELT's types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (province)
        f"CASE WHEN geo_name IS NULL THEN NULL WHEN geo_level = 'country' THEN '1' "
        f"WHEN geo_level IN ('province', 'region') THEN (CASE WHEN geo_country = 'USA' THEN '2' ELSE '5' END) "
        f"WHEN geo_country = 'USA' THEN '3' ELSE '4' END AS {prefix}_Type, "
        f"CASE WHEN geo_admin1 IS NULL OR geo_admin1 = geo_name THEN geo_name "
        f"ELSE geo_name || ', ' || geo_admin1 END AS {prefix}_FullName, geo_country AS {prefix}_CountryCode, "
        # eventwire keeps province names, not GDELT's FIPS province codes: only country level has one
        f"CASE WHEN geo_level = 'country' THEN geo_country ELSE NULL END AS {prefix}_ADM1Code, "
        f"NULL AS {prefix}_ADM2Code, CAST(geo_lat AS VARCHAR) AS {prefix}_Lat, "
        f"CAST(geo_lon AS VARCHAR) AS {prefix}_Long, CAST(geo_id AS VARCHAR) AS {prefix}_FeatureID,"
    )


def gdelt_query() -> str:
    return _GDELT_SELECT.format(
        actor1=_actor_sql(1, "source"), actor2=_actor_sql(2, "target"),
        geo1=_geo_sql("Actor1Geo", False), geo2=_geo_sql("Actor2Geo", False),
        geoa=_geo_sql("ActionGeo", True),
    )


def _row_event(row: dict) -> Event:
    def actor(side: str) -> Actor | None:
        if row[f"{side}_code"] is None:
            return None
        return Actor(code=row[f"{side}_code"], country=row[f"{side}_country"],
                     sector=row[f"{side}_sector"], text=row[f"{side}_text"] or "",
                     name=row[f"{side}_name"], rule=row[f"{side}_rule"], entry=row[f"{side}_entry"])

    place = None
    if row["geo_name"] is not None:
        place = Place(name=row["geo_name"], text=row["geo_text"] or "", country=row["geo_country"],
                      admin1=row["geo_admin1"], lat=row["geo_lat"], lon=row["geo_lon"],
                      level=row["geo_level"], geonameid=row["geo_id"])
    return Event(
        source=actor("source") or Actor(code=""), target=actor("target"), cameo=row["cameo"],
        plover=row["plover"], mode=row["mode"], location=place,
        date=str(row["event_date"]) if row["event_date"] else None, evidence=row["evidence"] or "",
        article_id=row["article_id"], confidence=row["confidence"], pattern=row["pattern"],
        trigger=row["trigger"], trigger_start=row["trigger_start"], trigger_end=row["trigger_end"],
        sentence=row["sentence"], goldstein=row["goldstein"], quad_class=row["quad_class"],
        negated=bool(row["negated"]), hypothetical=bool(row["hypothetical"]),
        from_caption=bool(row["from_caption"]), historical=bool(row.get("historical")),
        date_text=row["date_text"],
        date_precision=row["date_precision"],
    )


def _arrow(result):
    """The result as a pyarrow Table, across DuckDB versions (1.x `arrow()`, 2.x
    `to_arrow_table()`)."""
    for name in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        method = getattr(result, name, None)
        if method is not None:
            return method()
    raise EventwireError("this DuckDB cannot hand results to pyarrow")


def iter_events(store: Store, article_ids: list[str] | None = None,
                min_confidence: float = 0.0) -> Iterator[Event]:
    """Stored events as Event records, in article and sentence order; `min_confidence` leaves
    out the weaker ones (events without a target are 0.7 or less) without deleting anything."""
    sql = "SELECT e.* FROM events e JOIN articles a USING (article_id) WHERE e.confidence >= ?"
    params: list = [min_confidence]
    if article_ids is not None:
        sql += " AND list_contains(?, e.article_id)"
        params.append(article_ids)
    sql += " ORDER BY a.seq, e.sentence, e.trigger_start, e.cameo, e.event_id"
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(5000):
        for values in batch:
            yield _row_event(dict(zip(names, values)))


def write_jsonl(events: Iterator[Event], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def export(store: Store, fmt: str, out: str | None, header: bool = True, min_confidence: float = 0.0) -> int:
    """Write all events (of at least `min_confidence`) in `fmt` to `out` (stdout for
    jsonl/csv/gdelt when None)."""
    if fmt not in FORMATS:
        raise EventwireError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
    n = store.con.execute("SELECT count(*) FROM events WHERE confidence >= ?", [min_confidence]).fetchall()[0][0]
    if fmt == "jsonl":
        if out is None:
            write_jsonl(iter_events(store, min_confidence=min_confidence), sys.stdout)
        else:
            with open(out, "w", encoding="utf-8") as fh:
                write_jsonl(iter_events(store, min_confidence=min_confidence), fh)
        return n
    if fmt == "parquet" and out is None:
        raise EventwireError("parquet export needs --out FILE")
    threshold = float(min_confidence)  # a number, so it can be written into the SQL text
    if fmt == "gdelt":
        query = gdelt_query().replace(
            "FROM events ev", f"FROM (SELECT * FROM events WHERE confidence >= {threshold}) ev")
        options = f"FORMAT csv, DELIMITER '\t', HEADER {str(header).lower()}, QUOTE ''"
    elif fmt == "csv":
        query = f"SELECT * FROM events WHERE confidence >= {threshold} ORDER BY article_id, sentence, trigger_start"
        options = "FORMAT csv, HEADER true"
    else:
        query = f"SELECT * FROM events WHERE confidence >= {threshold} ORDER BY article_id, sentence, trigger_start"
        options = "FORMAT parquet"
    if out is None:
        table = _arrow(store.con.sql(query))
        import pyarrow.csv as pacsv

        if hasattr(table, "read_all"):
            table = table.read_all()
        buf = sys.stdout.buffer
        if fmt == "gdelt":
            _write_tsv(table, buf, header)
        else:
            pacsv.write_csv(table, buf)
        return n
    target = str(Path(out)).replace("'", "''")
    store.con.execute(f"COPY ({query}) TO '{target}' ({options})")
    return n


def _write_tsv(table, buf, header: bool) -> None:
    if header:
        buf.write(("\t".join(table.column_names) + "\n").encode())
    cols = [c.to_pylist() for c in table.columns]
    for values in zip(*cols):
        line = "\t".join("" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in values)
        buf.write((line + "\n").encode("utf-8"))
