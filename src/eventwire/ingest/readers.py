"""Readers turn paths and streams into raw records; they never raise on one bad record.

Each reader yields `RawRecord` for every article it can read and `Problem` for every record it
cannot, with the file and line, so the caller reports it and goes on.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError, Problem
from eventwire.ingest.dump import split_dump

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "maintext", "story",
             "article_text", "body_text"),
    "title": ("title", "headline", "heading", "head", "hed"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "date_publish",
                  "publication_date", "datetime", "timestamp", "pub_date", "seendate"),
    "url": ("url", "link", "uri", "source_url", "sourceurl"),
    "source": ("source", "publisher", "source_name", "outlet", "domain", "site", "site_name",
               "media", "feed"),
    "id": ("id", "article_id", "doc_id", "docid", "guid", "uid", "aid"),
    "captions": ("captions", "caption"),
    "labels": ("labels",),
    "events": ("events",),
}

TEXT_SUFFIXES = {".txt", ".text", ".dump"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc.gz"}


@dataclass
class RawRecord:
    """An article as a reader found it, before cleaning and dedupe."""

    text: str
    origin: str
    line: int | None = None
    title: str | None = None
    published: Any = None
    source: str | None = None
    url: str | None = None
    id: str | None = None
    captions: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    repaired: str | None = None  # reason the raw bytes needed repair, reported as a problem

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin


Item = RawRecord | Problem


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for multi in (".warc.gz", ".arc.gz"):
        if name.endswith(multi):
            return multi
    return path.suffix.lower()


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8, else Windows-1252, else Latin-1; say which fallback was used."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
    try:
        return data.decode("cp1252"), f"{where}; decoded as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"{where}; decoded as Latin-1"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB mark a file that is not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def _pick(record: dict[str, Any], key: str) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in FIELD_NAMES[key]:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def record_from_mapping(data: dict[str, Any], origin: str, line: int | None) -> Item:
    """Map a JSON/CSV row with any of the common field names onto a RawRecord."""
    text = _pick(data, "text")
    if not isinstance(text, str) or not text.strip():
        return Problem(origin, line, "no text field (looked for: " + ", ".join(FIELD_NAMES["text"][:4]) + ", ...)")
    captions = _pick(data, "captions") or []
    if isinstance(captions, str):
        captions = [captions]
    source = _pick(data, "source")
    ident = _pick(data, "id")
    extra = {}
    for key in ("labels", "events"):
        value = _pick(data, key)
        if value is not None:
            extra[key] = value
    return RawRecord(
        text=text, origin=origin, line=line, title=_str(_pick(data, "title")),
        published=_pick(data, "published"), source=_str(source), url=_str(_pick(data, "url")),
        id=_str(ident), captions=[str(c) for c in captions], extra=extra,
    )


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or json.dumps(value)
    return str(value).strip() or None


def read_dump_text(text: str, origin: str, repaired: str | None = None) -> Iterator[Item]:
    """Raw text dump: one or more articles separated by three blank lines."""
    for art in split_dump(text):
        yield RawRecord(text=art.text, origin=origin, line=art.line, title=art.title,
                        captions=art.captions, repaired=repaired)


def read_text_file(path: Path) -> Iterator[Item]:
    data = path.read_bytes()
    origin = str(path)
    if not data.strip():
        yield Problem(origin, None, "empty file")
        return
    if looks_binary(data):
        yield Problem(origin, None, "binary file (NUL or control bytes), not text")
        return
    text, repaired = decode_bytes(data)
    yield from read_dump_text(text, origin, repaired)


def read_jsonl_lines(lines: Iterable[bytes | str], origin: str) -> Iterator[Item]:
    """JSON Lines: one article object per line; a bad line is a Problem, the rest go on."""
    for number, raw in enumerate(lines, start=1):
        repaired = None
        if isinstance(raw, bytes):
            if b"\x00" in raw:
                yield Problem(origin, number, "binary data (NUL bytes) in line")
                continue
            raw, repaired = decode_bytes(raw)
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Problem(origin, number, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(data, dict):
            yield Problem(origin, number, f"expected a JSON object, got {type(data).__name__}")
            continue
        item = record_from_mapping(data, origin, number)
        if isinstance(item, RawRecord):
            item.repaired = repaired
        yield item


def read_jsonl_file(path: Path) -> Iterator[Item]:
    with path.open("rb") as fh:
        head = fh.read(1)
        fh.seek(0)
        if not head:
            yield Problem(str(path), None, "empty file")
            return
        if path.suffix.lower() == ".json" and head == b"[":
            yield from _read_json_array(path)
            return
        yield from read_jsonl_lines(fh, str(path))


def _read_json_array(path: Path) -> Iterator[Item]:
    try:
        data = json.loads(decode_bytes(path.read_bytes())[0])
    except json.JSONDecodeError as exc:
        yield Problem(str(path), exc.lineno, f"malformed JSON: {exc.msg}")
        return
    for i, obj in enumerate(data, start=1):
        if isinstance(obj, dict):
            yield record_from_mapping(obj, str(path), i)
        else:
            yield Problem(str(path), i, "array element is not an object")


def read_csv_file(path: Path) -> Iterator[Item]:
    data = path.read_bytes()
    if not data.strip():
        yield Problem(str(path), None, "empty file")
        return
    if looks_binary(data):
        yield Problem(str(path), None, "binary file (NUL or control bytes), not text")
        return
    text, repaired = decode_bytes(data)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            item = record_from_mapping({k: v for k, v in row.items() if k}, str(path), reader.line_num)
            if isinstance(item, RawRecord):
                item.repaired = repaired
            yield item
    except csv.Error as exc:
        yield Problem(str(path), reader.line_num, f"malformed CSV: {exc}")


def html_record(html: str | bytes, origin: str, url: str | None = None,
                line: int | None = None, fallback_date: str | None = None) -> Item:
    """Main text, title and date of an HTML page through trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return Problem(origin, line, "no article text found in HTML")
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text")
    if not text or not text.strip():
        return Problem(origin, line, "no article text found in HTML")
    return RawRecord(text=text, origin=origin, line=line, title=get("title"),
                     published=get("date") or fallback_date, source=get("sitename") or get("hostname"),
                     url=url or get("url"))


def read_html_file(path: Path) -> Iterator[Item]:
    data = path.read_bytes()
    if not data.strip():
        yield Problem(str(path), None, "empty file")
        return
    yield html_record(data, str(path))


def read_warc_file(path: Path) -> Iterator[Item]:
    """HTML responses in a WARC file (Common Crawl news), one article per response record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as fh:
        try:
            for number, record in enumerate(ArchiveIterator(fh), start=1):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = record.rec_headers.get_header("WARC-Date")
                body = record.content_stream().read()
                yield html_record(body, str(path), url=url, line=number, fallback_date=date)
        except ArchiveLoadFailed as exc:
            yield Problem(str(path), None, f"not a readable WARC file: {exc}")


READERS: dict[str, Callable[[Path], Iterator[Item]]] = {}
for _s in TEXT_SUFFIXES:
    READERS[_s] = read_text_file
for _s in JSONL_SUFFIXES:
    READERS[_s] = read_jsonl_file
for _s in CSV_SUFFIXES:
    READERS[_s] = read_csv_file
for _s in HTML_SUFFIXES:
    READERS[_s] = read_html_file
for _s in WARC_SUFFIXES:
    READERS[_s] = read_warc_file


def read_stdin(stream: io.BufferedIOBase | None = None) -> Iterator[Item]:
    """`-`: JSON Lines if the first character is `{`, else a raw text dump."""
    stream = stream or sys.stdin.buffer
    data = stream.read()
    if not data.strip():
        yield Problem("<stdin>", None, "empty input")
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl_lines(data.splitlines(), "<stdin>")
    else:
        text, repaired = decode_bytes(data)
        yield from read_dump_text(text, "<stdin>", repaired)


def iter_paths(paths: Iterable[str]) -> Iterator[Item]:
    """Every record of every path: files by suffix, folders recursively in name order."""
    for raw in paths:
        if raw == "-":
            yield from read_stdin()
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for file in files:
                reader = READERS.get(_suffix(file))
                if reader is None:
                    yield Problem(str(file), None, f"unsupported file type '{_suffix(file) or file.name}'")
                    continue
                yield from _guarded(reader, file)
        else:
            reader = READERS.get(_suffix(path), read_text_file)
            yield from _guarded(reader, path)


def _guarded(reader: Callable[[Path], Iterator[Item]], path: Path) -> Iterator[Item]:
    try:
        yield from reader(path)
    except OSError as exc:
        yield Problem(str(path), None, f"cannot read: {exc.strerror or exc}")
