"""The records that flow through the pipeline: Article, Event, Actor, Place.

Field names follow ../EVENT_FORMAT.md exactly so a record written with `to_dict()` is a valid
exchange record; everything the pipeline adds (hashes, spans, flags, explanations) rides along
as extra fields, which EVENT_FORMAT readers ignore.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace folded: the identity used for exact dedupe."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


@dataclass
class Actor:
    """Who acts or is acted upon. `code` is CAMEO style: country then sector (`TURMIL`)."""

    code: str
    country: str | None = None
    sector: str | None = None
    text: str = ""
    name: str | None = None
    rule: str | None = None  # how it was resolved: name, demonym, title, metonymy, agent ...
    entry: str | None = None  # the knowledge-base entry (file:line) that produced it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if data is None:
            return None
        data = dict(data)
        data.setdefault("code", (data.get("country") or "") + (data.get("sector") or ""))
        return cls(**_known(cls, data))


@dataclass
class Place:
    """Where an event happened, as resolved against the gazetteer."""

    name: str
    text: str = ""
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    level: str | None = None  # country, province, district, city, sub-city
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Place | None:
        if data is None:
            return None
        return cls(**_known(cls, data))


@dataclass
class Event:
    """One coded event: who did what to whom, with the evidence that supports it."""

    source: Actor
    target: Actor | None
    cameo: str
    plover: str | None = None
    mode: str | None = None
    location: Place | None = None
    date: str | None = None
    evidence: str = ""
    optional: bool = False
    article_id: str | None = None
    confidence: float = 1.0
    pattern: str | None = None  # lexicon entry that fired, e.g. "04_consult.yaml:12"
    trigger: str | None = None  # the trigger words as written
    trigger_start: int | None = None  # character offsets of the trigger in the article text
    trigger_end: int | None = None
    sentence: int | None = None  # sentence index within the article
    goldstein: float | None = None
    quad_class: int | None = None
    negated: bool = False
    hypothetical: bool = False
    from_caption: bool = False
    historical: bool = False  # told with a date long past ("seized the capital in 2014")
    date_text: str | None = None
    date_precision: str | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["source"] = self.source.to_dict()
        out["target"] = self.target.to_dict() if self.target else None
        out["location"] = self.location.to_dict() if self.location else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        data = _known(cls, data)
        data["source"] = Actor.from_dict(data.get("source") or {"code": ""})
        data["target"] = Actor.from_dict(data.get("target"))
        data["location"] = Place.from_dict(data.get("location"))
        return cls(**data)


@dataclass
class Article:
    """A news article as stored: cleaned text plus what ingest learned about it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)
    language: str | None = None
    origin: str | None = None  # file:line it came from
    content_hash: str = ""
    duplicate_of: str | None = None  # a near-duplicate kept for its own id links to the original
    events: list[Event] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["events"] = [e.to_dict() for e in self.events]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = _known(cls, data)
        data["events"] = [Event.from_dict(e) for e in data.get("events") or []]
        data["captions"] = list(data.get("captions") or [])
        data["labels"] = dict(data.get("labels") or {})
        return cls(**data)
