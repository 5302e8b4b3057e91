"""Ingest: read every path, clean, drop non-English and duplicates, store in batches.

The result is an `IngestSummary` (what was read, stored, linked as duplicate, skipped and why)
plus the problems found, each naming its file and line.
"""
from __future__ import annotations

import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from eventwire.errors import Problem
from eventwire.ingest import dedupe
from eventwire.ingest.clean import clean_text, detect_language, normalise_date
from eventwire.ingest.readers import RawRecord, iter_paths
from eventwire.model import Article, content_hash
from eventwire.store.db import Store

MAX_CHARS = 2_000_000
BATCH = 500


@dataclass
class IngestSummary:
    run_id: str
    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    skipped: Counter = field(default_factory=Counter)
    repaired: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def warnings(self) -> int:
        return len(self.problems)

    def line(self) -> str:
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items()))
        dup = f"{self.duplicate} duplicate"
        if self.near_duplicate:
            dup += f" ({self.near_duplicate} near-duplicate(s) linked)"
        return (
            f"read {self.read}, new {self.new}, {dup}, skipped {self.n_skipped}"
            + (f" ({skipped})" if skipped else "")
            + (f", repaired {self.repaired}" if self.repaired else "")
            + f" in {self.seconds:.2f} s"
        )

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "duplicate": self.duplicate,
                "skipped": self.n_skipped, "repaired": self.repaired, "seconds": self.seconds,
                "skipped_by_reason": dict(self.skipped)}


_KINDS = (
    ("empty", "empty"), ("binary", "binary"), ("malformed", "malformed"), ("no text", "no text"),
    ("no article text", "no text"), ("unsupported", "unsupported type"), ("too large", "too large"),
    ("non-english", "non-English"), ("expected a json", "malformed"), ("cannot read", "unreadable"),
    ("not a readable", "unreadable"),
)


def problem_kind(reason: str) -> str:
    """Short category of a problem's reason, for the per-reason counts of the summary."""
    low = reason.lower()
    for prefix, kind in _KINDS:
        if low.startswith(prefix) or prefix in low[:40]:
            return kind
    return "other"


_SLUG = re.compile(r"[^A-Za-z0-9_.:-]+")


def _article_id(rec: RawRecord, digest: str, taken: set[str]) -> str:
    if rec.id:
        base = _SLUG.sub("-", rec.id).strip("-")[:120] or "doc"
        return base if base not in taken else f"{base}~{digest[:8]}"
    return f"ew-{digest[:16]}"


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    *,
    max_chars: int = MAX_CHARS,
    language: str = "en",
    near_duplicates: bool = True,
    command: str = "ingest",
    progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Read, clean and store every article under `paths`; see module docstring."""
    paths = list(paths)
    summary = IngestSummary(run_id=uuid.uuid4().hex[:12])
    started = time.perf_counter()
    store.start_run(summary.run_id, command, paths)
    hashes = store.known_hashes()
    taken = store.known_ids()
    index = dedupe.NearDuplicateIndex() if near_duplicates else None
    if index is not None:
        for art_id, blob in store.minhashes():
            index.add(art_id, dedupe.from_bytes(blob))

    batch: list[tuple[Article, bytes | None]] = []
    dups: list[dict] = []
    problems: list[Problem] = []

    def flush() -> None:
        store.write_batch(summary.run_id, batch, dups, problems)
        batch.clear(), dups.clear(), problems.clear()

    def report(problem: Problem) -> None:
        summary.problems.append(problem)
        problems.append(problem)
        if problem.severity == "skipped":
            summary.skipped[problem_kind(problem.reason)] += 1
        else:
            summary.repaired += 1

    for item in iter_paths(paths):
        summary.read += 1
        if progress:
            progress(1)
        if isinstance(item, Problem):
            report(item)
            continue
        rec = item
        if len(rec.text) > max_chars:
            report(Problem(rec.origin, rec.line,
                           f"document too large ({len(rec.text):,} characters > limit {max_chars:,}); "
                           "raise --max-chars to keep it"))
            continue
        text = clean_text(rec.text)
        if not text:
            report(Problem(rec.origin, rec.line, "empty text after cleaning"))
            continue
        if rec.repaired:
            report(Problem(rec.origin, rec.line, rec.repaired, severity="repaired"))
        lang, prob = detect_language(text)
        if language and lang != language and prob >= 0.9:
            report(Problem(rec.origin, rec.line, f"non-English text (detected '{lang}', p={prob:.2f})"))
            continue
        digest = content_hash(text)
        if digest in hashes:
            summary.duplicate += 1
            dups.append({"run_id": summary.run_id, "origin": rec.where, "content_hash": digest,
                         "duplicate_of": hashes[digest], "kind": "exact", "similarity": 1.0})
            continue
        mh = dedupe.signature(text) if index is not None else None
        near = index.find(mh) if index is not None else None
        if near is not None:
            summary.near_duplicate += 1
            dups.append({"run_id": summary.run_id, "origin": rec.where, "content_hash": digest,
                         "duplicate_of": near[0], "kind": "near", "similarity": near[1]})
            if not rec.id or rec.id == near[0]:
                # No identity of its own: the same story again, linked and not stored.
                summary.duplicate += 1
                hashes[digest] = near[0]
                continue
            # A record with its own id in the user's collection (labels, references point to
            # it) is kept, linked to the original and left out of coding so facts count once.
        art_id = _article_id(rec, digest, taken)
        taken.add(art_id)
        hashes[digest] = art_id
        captions = []
        for cap in rec.captions:
            cap = clean_text(cap)
            if cap and cap not in captions:
                captions.append(cap)
        labels = rec.extra.get("labels") if isinstance(rec.extra.get("labels"), dict) else {}
        article = Article(
            id=art_id, text=text, title=clean_text(rec.title) if rec.title else None,
            published=normalise_date(rec.published), source=rec.source, url=rec.url,
            captions=captions, language=lang, origin=rec.where, content_hash=digest,
            labels=labels or {}, duplicate_of=near[0] if near is not None else None,
        )
        if mh is not None and near is None:
            index.add(art_id, mh)
        batch.append((article, dedupe.to_bytes(mh) if mh is not None else None))
        summary.new += 1
        summary.new_ids.append(art_id)
        if len(batch) >= BATCH:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    store.finish_run(summary.run_id, summary.as_dict())
    return summary
