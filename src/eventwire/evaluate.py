"""Score coded events against gold article records.

Implements the "Scoring" section of ``EVENT_FORMAT.md``. Self-contained (stdlib only) so that it
can score output of any coder, including other versions of eventwire.

Inputs are plain dicts:

* gold: article records ``{"id", "text", "events": [...], "labels": {...}}``;
* coded: event records as ``eventwire code --format jsonl`` writes them: the event fields of
  EVENT_FORMAT plus ``article_id`` (the gold ``id``), optionally ``confidence``.

Pairing. Within one article, every (gold, coded) pair that agrees on the CAMEO root is a
candidate, scored by the tuple ``(root, dyad, code, dyad_sector, location, date)`` (booleans,
compared lexicographically). Candidates are taken greedily from best to worst (ties: gold order,
then coded order), each event being used at most once. Firm gold events are paired first; coded
events left over may then pair with optional gold events, and such coded events are dropped from
counting together with all optional gold events.

Levels. ``root``/``dyad``/``dyad_sector``/``code``: tp = pairs hit at that level,
fp = counted coded events - tp, fn = firm gold events - tp. ``location``/``date``: over the pairs
hit at ``dyad`` only; tp = agreeing pairs, fp = fn = disagreeing pairs, accuracy = tp / pairs.

Articles without an ``events`` field (label-only sets such as ConfliBERT or India police events)
are not event-annotated: their coded events are used for the label scores only and are counted in
``EvalReport.label_only_coded_events``, not as false positives.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

__all__ = [
    "LEVELS",
    "ROOTS",
    "EvalReport",
    "LevelScore",
    "cameo_root",
    "code_matches",
    "haversine_km",
    "load_jsonl",
    "penta_of_root",
    "primary_sector",
    "score",
]

LEVELS: tuple[str, ...] = ("root", "dyad", "dyad_sector", "code", "location", "date")
ROOTS: tuple[str, ...] = tuple(f"{i:02d}" for i in range(1, 21))
MAX_LOCATION_KM = 50.0
EARTH_RADIUS_KM = 6371.0088
PENTA_CLASSES: tuple[int, ...] = (0, 1, 2, 3, 4)

# Sector codes that may open an actor code when the actor has no country (e.g. "UAF").
_SECTORS = frozenset(
    "GOV MIL COP JUD LEG REB OPP PTY SPY CVL BUS JRN MED REL REF LAB EDU CRM UAF ELI "
    "INS ENV HLH AGR IND MOD RAD SEP UIS NGM HRI DEV".split()
)


# --------------------------------------------------------------------------------------------
# Result types


@dataclass
class LevelScore:
    """Micro-averaged counts for one level.

    ``pairs`` and ``accuracy`` are only set for ``location`` and ``date`` (pairs hit at dyad)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    accuracy: float | None = None
    pairs: int | None = None

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int, pairs: int | None = None) -> "LevelScore":
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = None
        if pairs is not None:
            acc = tp / pairs if pairs else 0.0
        return cls(tp=tp, fp=fp, fn=fn, precision=p, recall=r, f1=f, accuracy=acc, pairs=pairs)


@dataclass
class EvalReport:
    levels: dict[str, LevelScore] = field(default_factory=dict)
    # root ("01".."20", plus "other" if any) -> {"gold", "coded", "tp_root", "tp_dyad"}
    per_root: dict[str, dict[str, int]] = field(default_factory=dict)
    penta: dict | None = None
    labels: dict = field(default_factory=dict)
    articles: int = 0  # gold article records
    event_articles: int = 0  # gold records with an "events" field (scored at the event levels)
    gold_events: int = 0  # firm (counted) gold events
    optional_gold_events: int = 0
    coded_events: int = 0  # counted coded events (after dropping those paired with optional gold)
    dropped_optional_pairs: int = 0  # coded events dropped because they paired with optional gold
    unmatched_articles: int = 0  # coded events whose article_id is not a gold id (ignored)
    unmatched_article_ids: list[str] = field(default_factory=list)
    label_only_coded_events: int = 0  # coded events of articles without an "events" field

    def to_dict(self) -> dict:
        d = asdict(self)
        d["levels"] = {k: asdict(v) for k, v in self.levels.items()}
        return d

    def format_table(self) -> str:
        lines: list[str] = []
        lines.append(
            f"articles {self.articles}  gold events {self.gold_events} "
            f"(+{self.optional_gold_events} optional)  coded events {self.coded_events} "
            f"(+{self.dropped_optional_pairs} dropped: paired with optional gold)"
        )
        if self.unmatched_articles:
            lines.append(
                f"ignored {self.unmatched_articles} coded events with unknown article id "
                f"({len(self.unmatched_article_ids)} ids)"
            )
        if self.label_only_coded_events:
            lines.append(
                f"{self.label_only_coded_events} coded events in label-only articles "
                "(used for label scores only)"
            )
        if self.levels and (self.event_articles or not self.articles):
            lines.append("")
            lines.append(
                f"{'level':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}  note"
            )
            for name in LEVELS:
                s = self.levels.get(name)
                if s is None:
                    continue
                note = ""
                if s.pairs is not None:
                    acc = s.accuracy if s.accuracy is not None else 0.0
                    note = f"accuracy {acc:.3f} over {s.pairs} dyad-hit pairs"
                lines.append(
                    f"{name:<12} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                    f"{s.tp:>6d} {s.fp:>6d} {s.fn:>6d}  {note}".rstrip()
                )
        rows = [(r, c) for r, c in self.per_root.items() if c["gold"] or c["coded"]]
        if rows:
            lines.append("")
            lines.append(
                f"{'root':<6} {'gold':>6} {'coded':>6} {'tp_root':>8} {'tp_dyad':>8} "
                f"{'P_root':>7} {'R_root':>7}"
            )
            for r, c in rows:
                p = c["tp_root"] / c["coded"] if c["coded"] else 0.0
                rc = c["tp_root"] / c["gold"] if c["gold"] else 0.0
                lines.append(
                    f"{r:<6} {c['gold']:>6d} {c['coded']:>6d} {c['tp_root']:>8d} "
                    f"{c['tp_dyad']:>8d} {p:>7.3f} {rc:>7.3f}"
                )
        if self.penta is not None:
            pe = self.penta
            lines.append("")
            lines.append(
                f"penta: accuracy {pe['accuracy']:.3f}  macro-F1 {pe['macro_f1']:.3f}  "
                f"({pe['correct']}/{pe['records']} correct, {pe['no_prediction']} without events)"
            )
            cols = [str(c) for c in PENTA_CLASSES] + ["none"]
            lines.append("  gold\\pred " + " ".join(f"{c:>5}" for c in cols))
            for g in PENTA_CLASSES:
                row = pe["confusion"][str(g)]
                lines.append(f"  {g:<9} " + " ".join(f"{row[c]:>5d}" for c in cols))
        for name, lab in self.labels.items():
            lines.append(
                f"label {name}: recall {lab['recall']:.3f} ({lab['hits']}/{lab['positives']})  "
                f"false-positive rate {lab['false_positive_rate']:.3f} "
                f"({lab['false_positives']}/{lab['negatives']})"
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Loading


def load_jsonl(path: str | Path) -> list[dict]:
    """Read a JSON-lines file of objects; blank lines are skipped.

    Raises ValueError naming the file and 1-based line number of a bad line."""
    out: list[dict] = []
    p = Path(path)
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{p}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{p}:{lineno}: expected a JSON object, got {type(obj).__name__}")
            out.append(obj)
    return out


# --------------------------------------------------------------------------------------------
# Field helpers


def _cameo(ev: dict | None) -> str | None:
    if not ev:
        return None
    c = ev.get("cameo")
    if c is None:
        return None
    c = str(c).strip()
    if len(c) == 1 and c.isdigit():
        c = "0" + c
    return c or None


def cameo_root(code: str | None) -> str | None:
    """CAMEO root: the first two digits ("042" -> "04"); None if the code is too short."""
    if code is None:
        return None
    code = str(code).strip()
    if len(code) == 1 and code.isdigit():
        code = "0" + code
    return code[:2] if len(code) >= 2 else None


def code_matches(gold_code: str | None, coded_code: str | None) -> bool:
    """Coded code agrees with gold to the gold's depth (gold "04" accepts "042"; "042" not "043")."""
    if not gold_code or not coded_code:
        return False
    return coded_code.startswith(gold_code)


def _norm(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s.upper() if s else None


def _country(actor: dict | None) -> str | None:
    if not actor:
        return None
    return _norm(actor.get("country"))


def primary_sector(actor: dict | None) -> str | None:
    """The actor's ``sector``, or else the first 3-letter sector after the country in ``code``."""
    if not actor:
        return None
    sec = _norm(actor.get("sector"))
    if sec:
        return sec
    code = _norm(actor.get("code"))
    if not code:
        return None
    country = _country(actor)
    if country and code.startswith(country):
        rest = code[len(country):]
    elif country is None and code[:3] in _SECTORS:
        rest = code
    else:
        rest = code[3:]
    rest = rest[:3]
    return rest if len(rest) == 3 and rest.isalpha() else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _coords(place: dict) -> tuple[float, float] | None:
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None or lon is None:
        return None
    try:
        return float(lat), float(lon)
    except (TypeError, ValueError):
        return None


def _location_agrees(gold: dict, coded: dict) -> bool:
    g, c = gold.get("location"), coded.get("location")
    if not g and not c:
        return True
    if not g or not c:
        return False
    gc = _norm(g.get("country"))
    if gc is None or gc != _norm(c.get("country")):
        return False
    gxy = _coords(g)
    if gxy is None:
        return True
    cxy = _coords(c)
    if cxy is None:
        return False
    return haversine_km(gxy[0], gxy[1], cxy[0], cxy[1]) <= MAX_LOCATION_KM


def _date(ev: dict) -> str | None:
    d = ev.get("date")
    if d is None:
        return None
    d = str(d).strip()
    return d or None


@dataclass
class _Match:
    root: bool
    dyad: bool
    code: bool
    dyad_sector: bool
    location: bool
    date: bool

    def key(self) -> tuple[int, ...]:
        return (self.root, self.dyad, self.code, self.dyad_sector, self.location, self.date)


def _match(gold: dict, coded: dict) -> _Match:
    gcode, ccode = _cameo(gold), _cameo(coded)
    groot, croot = cameo_root(gcode), cameo_root(ccode)
    root = groot is not None and groot == croot
    dyad = (
        root
        and _country(gold.get("source")) == _country(coded.get("source"))
        and _country(gold.get("target")) == _country(coded.get("target"))
    )
    sectors = primary_sector(gold.get("source")) == primary_sector(
        coded.get("source")
    ) and primary_sector(gold.get("target")) == primary_sector(coded.get("target"))
    return _Match(
        root=root,
        dyad=dyad,
        code=dyad and code_matches(gcode, ccode),
        dyad_sector=dyad and sectors,
        location=_location_agrees(gold, coded),
        date=_date(gold) == _date(coded),
    )


def _pair(
    gold: list[dict], coded: list[dict], coded_free: list[int]
) -> list[tuple[int, int, _Match]]:
    """Greedy one-to-one pairing, best pairs first; only pairs agreeing on root.

    Returns (gold index, coded index, match) triples."""
    cands = []
    for gi, g in enumerate(gold):
        for ci in coded_free:
            m = _match(g, coded[ci])
            if m.root:
                cands.append((tuple(-x for x in m.key()), gi, ci, m))
    cands.sort(key=lambda t: (t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_c: set[int] = set()
    out = []
    for _, gi, ci, m in cands:
        if gi in used_g or ci in used_c:
            continue
        used_g.add(gi)
        used_c.add(ci)
        out.append((gi, ci, m))
    return out


# --------------------------------------------------------------------------------------------
# Labels


def penta_of_root(root: str | None) -> int | None:
    """Penta class of a CAMEO root: 01-02 -> 0, 03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3,
    14-15 and 17-20 -> 4; None for anything else."""
    if root is None or not root.isdigit():
        return None
    r = int(root)
    if 1 <= r <= 2:
        return 0
    if 3 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13 or r == 16:
        return 3
    if r in (14, 15) or 17 <= r <= 20:
        return 4
    return None


def _confidence(ev: dict) -> float:
    c = ev.get("confidence")
    if c is None:
        return 1.0
    try:
        return float(c)
    except (TypeError, ValueError):
        return 1.0


def _predict_penta(events: list[dict]) -> int | None:
    best: tuple[float, int] | None = None
    for ev in events:
        p = penta_of_root(cameo_root(_cameo(ev)))
        if p is None:
            continue
        k = (_confidence(ev), p)
        if best is None or k > best:
            best = k
    return None if best is None else best[1]


def _penta_report(pairs: list[tuple[int, int | None]]) -> dict:
    cols = [str(c) for c in PENTA_CLASSES] + ["none"]
    confusion = {str(g): {c: 0 for c in cols} for g in PENTA_CLASSES}
    correct = 0
    for g, p in pairs:
        confusion[str(g)]["none" if p is None else str(p)] += 1
        correct += p == g
    per_class: dict[str, dict] = {}
    f1s = []
    for k in PENTA_CLASSES:
        tp = sum(1 for g, p in pairs if g == k and p == k)
        n_gold = sum(1 for g, _ in pairs if g == k)
        n_pred = sum(1 for _, p in pairs if p == k)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[str(k)] = {
            "gold": n_gold,
            "predicted": n_pred,
            "tp": tp,
            "precision": prec,
            "recall": rec,
            "f1": f1,
        }
        if n_gold or n_pred:
            f1s.append(f1)
    n = len(pairs)
    return {
        "records": n,
        "correct": correct,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "no_prediction": sum(1 for _, p in pairs if p is None),
        "per_class": per_class,
        "confusion": confusion,
    }


def _is_kill(ev: dict) -> bool:
    if str(ev.get("plover") or "").strip().upper() == "ASSAULT":
        return True
    return cameo_root(_cameo(ev)) in ("18", "19", "20")


def _is_arrest(ev: dict) -> bool:
    if str(ev.get("plover") or "").strip().upper() == "COERCE":
        return True
    return (_cameo(ev) or "").startswith("173")


_BOOL_LABELS = {"kill": _is_kill, "arrest": _is_arrest}


def _bool_label_report(rows: list[tuple[bool, bool]]) -> dict:
    pos = sum(1 for g, _ in rows if g)
    neg = len(rows) - pos
    hits = sum(1 for g, p in rows if g and p)
    fps = sum(1 for g, p in rows if not g and p)
    return {
        "records": len(rows),
        "positives": pos,
        "negatives": neg,
        "hits": hits,
        "recall": hits / pos if pos else 0.0,
        "false_positives": fps,
        "false_positive_rate": fps / neg if neg else 0.0,
    }


# --------------------------------------------------------------------------------------------
# Scoring


def score(gold: Iterable[dict], coded: Iterable[dict]) -> EvalReport:
    """Score coded event records against gold article records (see module docstring)."""
    articles: dict[str, dict] = {}
    for rec in gold:
        aid = str(rec.get("id"))
        if aid in articles:
            raise ValueError(f"duplicate gold article id {aid!r}")
        articles[aid] = rec

    by_article: dict[str, list[dict]] = {aid: [] for aid in articles}
    unmatched = 0
    unmatched_ids: set[str] = set()
    for ev in coded:
        aid = ev.get("article_id")
        key = None if aid is None else str(aid)
        if key is None or key not in by_article:
            unmatched += 1
            if key is not None:
                unmatched_ids.add(key)
            continue
        by_article[key].append(ev)

    rep = EvalReport(articles=len(articles))
    rep.unmatched_articles = unmatched
    rep.unmatched_article_ids = sorted(unmatched_ids)

    tp = {lvl: 0 for lvl in ("root", "dyad", "dyad_sector", "code")}
    dyad_pairs = loc_ok = date_ok = 0
    per_root: dict[str, dict[str, int]] = {
        r: {"gold": 0, "coded": 0, "tp_root": 0, "tp_dyad": 0} for r in ROOTS
    }

    def bump(root: str | None, key: str) -> None:
        r = root if root in ROOTS else "other"
        per_root.setdefault(r, {"gold": 0, "coded": 0, "tp_root": 0, "tp_dyad": 0})[key] += 1

    penta_rows: list[tuple[int, int | None]] = []
    label_rows: dict[str, list[tuple[bool, bool]]] = {k: [] for k in _BOOL_LABELS}

    for aid, rec in articles.items():
        cev = by_article[aid]

        labels = rec.get("labels") or {}
        if isinstance(labels, dict):
            pg = labels.get("penta")
            if isinstance(pg, int) and not isinstance(pg, bool) and pg in PENTA_CLASSES:
                penta_rows.append((pg, _predict_penta(cev)))
            for name, pred in _BOOL_LABELS.items():
                g = labels.get(name)
                if isinstance(g, bool):
                    label_rows[name].append((g, any(pred(e) for e in cev)))

        gevents = rec.get("events")
        if gevents is None:
            rep.label_only_coded_events += len(cev)
            continue
        rep.event_articles += 1
        firm = [e for e in gevents if not e.get("optional")]
        optional = [e for e in gevents if e.get("optional")]
        rep.gold_events += len(firm)
        rep.optional_gold_events += len(optional)

        pairs = _pair(firm, cev, list(range(len(cev))))
        paired_c = {ci for _, ci, _ in pairs}
        leftover = [ci for ci in range(len(cev)) if ci not in paired_c]
        dropped = {ci for _, ci, _ in _pair(optional, cev, leftover)}
        rep.dropped_optional_pairs += len(dropped)
        counted = [ci for ci in range(len(cev)) if ci not in dropped]
        rep.coded_events += len(counted)

        for g in firm:
            bump(cameo_root(_cameo(g)), "gold")
        for ci in counted:
            bump(cameo_root(_cameo(cev[ci])), "coded")

        for gi, ci, m in pairs:
            root = cameo_root(_cameo(firm[gi]))
            tp["root"] += 1
            bump(root, "tp_root")
            if m.dyad:
                tp["dyad"] += 1
                bump(root, "tp_dyad")
                dyad_pairs += 1
                loc_ok += m.location
                date_ok += m.date
            tp["dyad_sector"] += m.dyad_sector
            tp["code"] += m.code

    for lvl, t in tp.items():
        rep.levels[lvl] = LevelScore.from_counts(t, rep.coded_events - t, rep.gold_events - t)
    for lvl, ok in (("location", loc_ok), ("date", date_ok)):
        bad = dyad_pairs - ok
        rep.levels[lvl] = LevelScore.from_counts(ok, bad, bad, pairs=dyad_pairs)
    rep.per_root = per_root

    if penta_rows:
        rep.penta = _penta_report(penta_rows)
    for name, rows in label_rows.items():
        if rows:
            rep.labels[name] = _bool_label_report(rows)
    return rep
