"""The DuckDB schema. Bump SCHEMA_VERSION and add a migration when a table changes."""
from __future__ import annotations

SCHEMA_VERSION = 2

# Statements that bring a database of an earlier version up to the next one (version -> SQL).
MIGRATIONS: dict[int, list[str]] = {
    # events told as history ("seized the capital in 2014"), kept only with --keep-historical
    2: ["ALTER TABLE events ADD COLUMN IF NOT EXISTS historical BOOLEAN"],
}

TABLES = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id VARCHAR PRIMARY KEY,
    command VARCHAR,
    inputs VARCHAR,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    seconds DOUBLE,
    n_read INTEGER,
    n_new INTEGER,
    n_duplicate INTEGER,
    n_skipped INTEGER,
    n_repaired INTEGER,
    skipped_by_reason VARCHAR,
    n_events INTEGER
);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    seq BIGINT,
    content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR,
    published DATE,
    source VARCHAR,
    url VARCHAR,
    text VARCHAR NOT NULL,
    captions VARCHAR[],
    language VARCHAR,
    origin VARCHAR,
    labels VARCHAR,
    minhash BLOB,
    duplicate_of VARCHAR,
    run_id VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp,
    coded_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS duplicates (
    run_id VARCHAR,
    origin VARCHAR,
    content_hash VARCHAR,
    duplicate_of VARCHAR,
    kind VARCHAR,
    similarity DOUBLE
);
CREATE TABLE IF NOT EXISTS problems (
    run_id VARCHAR,
    origin VARCHAR,
    line INTEGER,
    reason VARCHAR,
    severity VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    sentence INTEGER,
    event_date DATE,
    date_text VARCHAR,
    date_precision VARCHAR,
    cameo VARCHAR NOT NULL,
    cameo_base VARCHAR,
    cameo_root VARCHAR,
    plover VARCHAR,
    mode VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    source_code VARCHAR,
    source_name VARCHAR,
    source_text VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_rule VARCHAR,
    source_entry VARCHAR,
    target_code VARCHAR,
    target_name VARCHAR,
    target_text VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_rule VARCHAR,
    target_entry VARCHAR,
    geo_name VARCHAR,
    geo_text VARCHAR,
    geo_country VARCHAR,
    geo_admin1 VARCHAR,
    geo_lat DOUBLE,
    geo_lon DOUBLE,
    geo_level VARCHAR,
    geo_id BIGINT,
    evidence VARCHAR,
    trigger VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    pattern VARCHAR,
    confidence DOUBLE,
    negated BOOLEAN,
    hypothetical BOOLEAN,
    from_caption BOOLEAN,
    historical BOOLEAN,
    coded_at TIMESTAMP DEFAULT current_timestamp
);
"""

# Columns of `events` filled from an Event, in insertion order (the rest take defaults).
EVENT_COLUMNS = (
    "event_id", "article_id", "sentence", "event_date", "date_text", "date_precision",
    "cameo", "cameo_base", "cameo_root", "plover", "mode", "goldstein", "quad_class",
    "source_code", "source_name", "source_text", "source_country", "source_sector",
    "source_rule", "source_entry",
    "target_code", "target_name", "target_text", "target_country", "target_sector",
    "target_rule", "target_entry",
    "geo_name", "geo_text", "geo_country", "geo_admin1", "geo_lat", "geo_lon", "geo_level",
    "geo_id", "evidence", "trigger", "trigger_start", "trigger_end", "pattern", "confidence",
    "negated", "hypothetical", "from_caption", "historical",
)

ARTICLE_COLUMNS = (
    "article_id", "seq", "content_hash", "title", "published", "source", "url", "text", "captions",
    "language", "origin", "labels", "minhash", "duplicate_of", "run_id",
)
