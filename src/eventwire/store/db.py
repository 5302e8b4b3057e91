"""The DuckDB store: one file holds articles, events, runs, duplicates and problems.

Writes go through Arrow tables inside one transaction per batch, so a run killed half way leaves
whole articles (with their events) or nothing, and re-running it stores each article once.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.errors import Problem, StoreError
from eventwire.model import Article, Event
from eventwire.store.schema import ARTICLE_COLUMNS, EVENT_COLUMNS, MIGRATIONS, SCHEMA_VERSION, TABLES

DEFAULT_DB = "eventwire.duckdb"


def event_id(article_id: str, event: Event) -> str:
    """Stable id: the same fact coded from the same article twice gets the same id."""
    key = "|".join(
        str(x) for x in (article_id, event.sentence, event.trigger_start, event.cameo,
                         event.source.code, event.target.code if event.target else "")
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def event_row(article_id: str, event: Event) -> dict[str, Any]:
    src, tgt, loc = event.source, event.target, event.location
    return {
        "event_id": event_id(article_id, event),
        "article_id": article_id,
        "sentence": event.sentence,
        "event_date": event.date,
        "date_text": event.date_text,
        "date_precision": event.date_precision,
        "cameo": event.cameo,
        "cameo_base": event.cameo[:3],
        "cameo_root": event.cameo[:2],
        "plover": event.plover,
        "mode": event.mode,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "source_code": src.code, "source_name": src.name, "source_text": src.text,
        "source_country": src.country, "source_sector": src.sector,
        "source_rule": src.rule, "source_entry": src.entry,
        "target_code": tgt.code if tgt else None, "target_name": tgt.name if tgt else None,
        "target_text": tgt.text if tgt else None, "target_country": tgt.country if tgt else None,
        "target_sector": tgt.sector if tgt else None, "target_rule": tgt.rule if tgt else None,
        "target_entry": tgt.entry if tgt else None,
        "geo_name": loc.name if loc else None, "geo_text": loc.text if loc else None,
        "geo_country": loc.country if loc else None, "geo_admin1": loc.admin1 if loc else None,
        "geo_lat": loc.lat if loc else None, "geo_lon": loc.lon if loc else None,
        "geo_level": loc.level if loc else None, "geo_id": loc.geonameid if loc else None,
        "evidence": event.evidence, "trigger": event.trigger,
        "trigger_start": event.trigger_start, "trigger_end": event.trigger_end,
        "pattern": event.pattern, "confidence": event.confidence,
        "negated": event.negated, "hypothetical": event.hypothetical,
        "from_caption": event.from_caption, "historical": event.historical,
    }


_EVENT_TYPES = {
    "sentence": pa.int32(), "trigger_start": pa.int32(), "trigger_end": pa.int32(),
    "quad_class": pa.int32(), "goldstein": pa.float64(), "confidence": pa.float64(),
    "geo_lat": pa.float64(), "geo_lon": pa.float64(), "geo_id": pa.int64(),
    "negated": pa.bool_(), "hypothetical": pa.bool_(), "from_caption": pa.bool_(), "historical": pa.bool_(),
    "event_date": pa.string(),
}


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str], types: dict[str, pa.DataType]) -> pa.Table:
    arrays = {}
    for col in columns:
        typ = types.get(col, pa.string())
        arrays[col] = pa.array([r.get(col) for r in rows], type=typ)
    return pa.table(arrays)


_ARTICLE_TYPES = {"seq": pa.int64(), "captions": pa.list_(pa.string()), "minhash": pa.binary()}


class Store:
    """A connection to one eventwire DuckDB file, created and migrated on open."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database (run `eventwire ingest` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        if not read_only:
            self._migrate()
        self._check_version()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.con.execute("BEGIN")
        self.con.execute(TABLES)
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        if row[0] is None:
            self.con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
        else:
            for version in range(row[0] + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS.get(version, ()):
                    self.con.execute(statement)
                self.con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
        self.con.execute("COMMIT")

    def _check_version(self) -> None:
        try:
            version = self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: not an eventwire database (no schema_version table)") from exc
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version}, this eventwire expects {SCHEMA_VERSION}"
            )

    # -- reads ---------------------------------------------------------------------------
    def known_hashes(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT content_hash, article_id FROM articles").fetchall())

    def known_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        cur = self.con.execute("SELECT article_id, minhash FROM articles WHERE minhash IS NOT NULL AND duplicate_of IS NULL")
        while batch := cur.fetchmany(10_000):
            yield from batch

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def articles(self, ids: Sequence[str] | None = None, uncoded_only: bool = False,
                 limit: int | None = None, include_duplicates: bool = True) -> list[Article]:
        sql = ("SELECT article_id, title, CAST(published AS VARCHAR), source, url, text, captions,"
               " language, origin, content_hash, labels, duplicate_of FROM articles")
        where, params = [], []
        if ids is not None:
            where.append("list_contains(?, article_id)")
            params.append(list(ids))
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        if uncoded_only:
            where.append("coded_at IS NULL")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq"
        if limit:
            sql += f" LIMIT {int(limit)}"
        out = []
        for row in self.con.execute(sql, params).fetchall():
            out.append(Article(id=row[0], title=row[1], published=row[2], source=row[3], url=row[4],
                               text=row[5], captions=list(row[6] or []), language=row[7],
                               origin=row[8], content_hash=row[9],
                               labels=json.loads(row[10]) if row[10] else {}, duplicate_of=row[11]))
        return out

    # -- writes --------------------------------------------------------------------------
    def write_batch(self, run_id: str, articles: Sequence[tuple[Article, bytes | None]],
                    duplicates: Sequence[dict[str, Any]] = (), problems: Sequence[Problem] = ()) -> None:
        """Insert new articles, their duplicate links and problems in one transaction."""
        start = self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
        rows = [
            {"article_id": a.id, "seq": start + i + 1, "content_hash": a.content_hash, "title": a.title,
             "published": a.published, "source": a.source, "url": a.url, "text": a.text,
             "captions": a.captions, "language": a.language, "origin": a.origin,
             "labels": json.dumps(a.labels) if a.labels else None, "minhash": mh,
             "duplicate_of": a.duplicate_of, "run_id": run_id}
            for i, (a, mh) in enumerate(articles)
        ]
        self.con.execute("BEGIN")
        try:
            if rows:
                arts = _table(rows, ARTICLE_COLUMNS, _ARTICLE_TYPES)
                self.con.register("_new_articles", arts)
                cols = ", ".join(ARTICLE_COLUMNS)
                select = cols.replace("published", "TRY_CAST(published AS DATE)")
                self.con.execute(
                    f"INSERT INTO articles ({cols}) SELECT {select} FROM _new_articles "
                    "ON CONFLICT DO NOTHING"
                )
                self.con.unregister("_new_articles")
            if duplicates:
                dup = pa.Table.from_pylist(list(duplicates))
                self.con.register("_dups", dup)
                self.con.execute(
                    "INSERT INTO duplicates SELECT run_id, origin, content_hash, duplicate_of, kind,"
                    " similarity FROM _dups"
                )
                self.con.unregister("_dups")
            if problems:
                prob = pa.Table.from_pylist([
                    {"run_id": run_id, "origin": p.origin, "line": p.line, "reason": p.reason,
                     "severity": p.severity} for p in problems
                ], schema=pa.schema([("run_id", pa.string()), ("origin", pa.string()),
                                     ("line", pa.int32()), ("reason", pa.string()),
                                     ("severity", pa.string())]))
                self.con.register("_probs", prob)
                self.con.execute("INSERT INTO problems SELECT * FROM _probs")
                self.con.unregister("_probs")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def write_events(self, coded: Sequence[tuple[str, Sequence[Event]]]) -> int:
        """Replace the events of the given articles and mark them coded, in one transaction."""
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for article_id, events in coded:
            for ev in events:
                row = event_row(article_id, ev)
                if row["event_id"] in seen:
                    continue
                seen.add(row["event_id"])
                rows.append(row)
        ids = [a for a, _ in coded]
        self.con.execute("BEGIN")
        try:
            self.con.execute("DELETE FROM events WHERE list_contains(?, article_id)", [ids])
            if rows:
                table = _table(rows, EVENT_COLUMNS, _EVENT_TYPES)
                self.con.register("_new_events", table)
                cols = ", ".join(EVENT_COLUMNS)
                select = cols.replace("event_date", "TRY_CAST(event_date AS DATE)")
                self.con.execute(f"INSERT INTO events ({cols}) SELECT {select} FROM _new_events")
                self.con.unregister("_new_events")
            self.con.execute(
                "UPDATE articles SET coded_at = current_timestamp WHERE list_contains(?, article_id)",
                [ids],
            )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(rows)

    def start_run(self, run_id: str, command: str, inputs: Sequence[str]) -> None:
        self.con.execute(
            "INSERT INTO ingest_runs (run_id, command, inputs, started_at) VALUES (?, ?, ?, current_timestamp)",
            [run_id, command, json.dumps(list(inputs))],
        )

    def finish_run(self, run_id: str, stats: dict[str, Any]) -> None:
        self.con.execute(
            "UPDATE ingest_runs SET finished_at = current_timestamp, seconds = ?, n_read = ?,"
            " n_new = ?, n_duplicate = ?, n_skipped = ?, n_repaired = ?, skipped_by_reason = ?,"
            " n_events = ? WHERE run_id = ?",
            [stats.get("seconds"), stats.get("read"), stats.get("new"), stats.get("duplicate"),
             stats.get("skipped"), stats.get("repaired"), json.dumps(stats.get("skipped_by_reason", {})),
             stats.get("events"), run_id],
        )
