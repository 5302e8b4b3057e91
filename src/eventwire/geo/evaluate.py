"""Score the place resolver on a file of annotated place mentions (tests/data/place_mentions.yaml).

A mention is right at the country level when the resolved place is in the annotated country,
and an exact hit when it is also the same kind of place (settlement, area or country) within
the distance that kind allows: 30 km for settlements and camps, 150 km for provinces, regions
and seas (centres of large areas differ between sources), any distance for a country.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire import datafile
from eventwire.geo.build import haversine_km

KIND = {"city": "settlement", "district": "settlement", "sub-city": "settlement",
        "province": "area", "region": "area", "area": "area", "water": "area", "country": "country"}
TOLERANCE_KM = {"settlement": 30.0, "area": 150.0, "country": float("inf")}


@dataclass
class PlaceScore:
    mentions: int = 0
    found: int = 0
    country: int = 0
    exact: int = 0
    traps: int = 0
    trap_hits: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def exact_rate(self) -> float:
        return self.exact / self.mentions if self.mentions else 0.0

    @property
    def country_rate(self) -> float:
        return self.country / self.mentions if self.mentions else 0.0


# Kosovo: ISO's user-assigned XKX and the KOS that EVENT_FORMAT (and CAMEO) use.
SAME_COUNTRY = {"XKX": "KOS"}


def same_country(a: str | None, b: str | None) -> bool:
    return SAME_COUNTRY.get(a or "", a) == SAME_COUNTRY.get(b or "", b)


def is_exact(expected: dict, got) -> bool:
    kind = KIND.get(expected["level"], "settlement")
    if not same_country(got.country, expected["country"]) or KIND.get(got.level, "settlement") != kind:
        return False
    return haversine_km(expected["lat"], expected["lon"], got.lat, got.lon) <= TOLERANCE_KM[kind]


def score_file(path: str | Path, nlp, resolver, use_context: bool = True) -> PlaceScore:
    cases = datafile.load(Path(path).read_text(encoding="utf-8"))
    score = PlaceScore()
    docs = nlp.pipe([c["text"] for c in cases])
    for case, doc in zip(cases, docs):
        context = {case["context"]: 2.0} if use_context and case.get("context") else None
        resolved = resolver.resolve(doc, context)
        spans = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text), m) for m in resolved]
        for exp in case.get("places") or []:
            score.mentions += 1
            start = case["text"].index(exp["mention"])
            end = start + len(exp["mention"])
            hit = [m for s, e, m in spans if s < end and start < e]
            if not hit:
                score.misses.append(f"MISSING {exp['mention']!r} in {case['text'][:70]!r}")
                continue
            score.found += 1
            got = hit[0].candidate
            score.country += same_country(got.country, exp["country"])
            if is_exact(exp, got):
                score.exact += 1
            else:
                score.misses.append(f"WRONG {exp['mention']!r} -> {got.name} {got.country} {got.level} "
                                    f"({hit[0].rule}) want {exp['name']} {exp['country']} {exp['level']}")
        for trap in case.get("traps") or []:
            score.traps += 1
            start = case["text"].index(trap)
            end = start + len(trap)
            if any(s < end and start < e for s, e, _m in spans):
                score.trap_hits += 1
                score.misses.append(f"TRAP {trap!r} resolved in {case['text'][:70]!r}")
    return score
