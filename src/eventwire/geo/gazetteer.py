"""The compiled gazetteer in memory: name keys to candidate places, nothing else.

Choosing among candidates is the resolver's job (geo/resolve.py); this module only answers
"which places could this name be, and how loosely did the name match".
"""
from __future__ import annotations

import math

import pickle
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.errors import EventwireError
from eventwire.geo.build import LEVELS, build_cache, cache_dir, key_hash, source_fingerprint
from eventwire.geo.keys import keys_for
from eventwire.model import Place

TIERS = ("exact", "bare", "skeleton")


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to; `tier` says how loosely the name matched (0 = exact)."""

    index: int
    tier: int
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    level: str
    geonameid: int


class Gazetteer:
    """Name lookup over the cache built by geo/build.py."""

    def __init__(self, data: dict[str, object], path: Path | None = None) -> None:
        self.path = path
        self._name: list[str] = data["name"]  # type: ignore[assignment]
        self._country: list[str] = data["country"]  # type: ignore[assignment]
        self._admin1: list[str] = data["admin1"]  # type: ignore[assignment]
        self._lat: np.ndarray = data["lat"]  # type: ignore[assignment]
        self._lon: np.ndarray = data["lon"]  # type: ignore[assignment]
        self._pop: np.ndarray = data["pop"]  # type: ignore[assignment]
        self._level: np.ndarray = data["level"]  # type: ignore[assignment]
        self._gid: np.ndarray = data["geonameid"]  # type: ignore[assignment]
        self._hash = [data[f"hash{t}"] for t in range(3)]
        self._place = [data[f"place{t}"] for t in range(3)]
        self._memo: dict[tuple[str, int], list[Candidate]] = {}

    def __len__(self) -> int:
        return len(self._name)

    def candidate(self, index: int, tier: int = 0) -> Candidate:
        return Candidate(index, tier, self._name[index], self._country[index], self._admin1[index],
                         float(self._lat[index]), float(self._lon[index]), int(self._pop[index]),
                         LEVELS[int(self._level[index])], int(self._gid[index]))

    def _indices(self, tier: int, key: str) -> list[int]:
        hashes = self._hash[tier]
        h = np.uint64(key_hash(key))
        lo = int(np.searchsorted(hashes, h, side="left"))
        hi = int(np.searchsorted(hashes, h, side="right"))
        return [int(i) for i in self._place[tier][lo:hi]]

    def lookup(self, name: str, loosest: int = 2) -> list[Candidate]:
        """Candidates for a name at the tightest tier that has any, up to `loosest`."""
        memo_key = (name, loosest)
        hit = self._memo.get(memo_key)
        if hit is not None:
            return hit
        out: list[Candidate] = []
        keys = keys_for(name)
        # Exact and article-free keys answer together: "Hasakah" is the city and the province
        # whatever the article; transliteration skeletons only when both found nothing.
        found: dict[int, int] = {}
        for tier in range(min(loosest, 1) + 1):
            if len(keys[tier]) >= 3:
                for i in self._indices(tier, keys[tier]):
                    found.setdefault(i, tier)
        if loosest >= 2 and len(keys[2]) >= 3:
            loose = self._indices(2, keys[2])
            if not found:
                found = {i: 2 for i in loose}
            else:
                # a spelling variant of a place in the same country as the exact hits and near
                # one of them ("Sulaimaniyah" the province by its alias, the city by its
                # skeleton); "Golan" is not Gilan province because an Iranian village is Golān
                exact = list(found)
                for i in loose:
                    if i not in found and any(self._country[j] == self._country[i] and _near(
                            float(self._lat[i]), float(self._lon[i]), float(self._lat[j]), float(self._lon[j]))
                            for j in exact):
                        found[i] = 1
        out = [self.candidate(i, t) for i, t in found.items()]
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[memo_key] = out
        return out

    def countries(self) -> dict[str, Candidate]:
        """ISO3 -> the country's own entry."""
        out = {}
        for i, level in enumerate(self._level):
            if level == 0:
                out.setdefault(self._country[i], self.candidate(i))
        return out

    @staticmethod
    def to_place(c: Candidate, text: str) -> Place:
        return Place(name=c.name, text=text, country=c.country or None, admin1=c.admin1 or None,
                     lat=round(c.lat, 5), lon=round(c.lon, 5), level=c.level,
                     geonameid=c.geonameid or None)


_LOCK = threading.Lock()
_LOADED: dict[str, Gazetteer] = {}


def load_gazetteer(path: Path | None = None, rebuild: bool = False) -> Gazetteer:
    """The gazetteer, building the cache on first use; one copy per process."""
    with _LOCK:
        target = Path(path) if path else cache_dir() / f"gazetteer-{source_fingerprint()}.pkl"
        key = str(target)
        if key in _LOADED and not rebuild:
            return _LOADED[key]
        if rebuild or not target.is_file():
            try:
                build_cache(target)
            except OSError:
                # a read-only home (some CI runners, containers): build where we may write
                import tempfile

                target = Path(tempfile.gettempdir()) / "eventwire" / target.name
                if rebuild or not target.is_file():
                    build_cache(target)
        try:
            with open(target, "rb") as fh:
                data = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError) as exc:
            raise EventwireError(f"gazetteer cache {target} is unreadable ({exc}); "
                                 f"delete it or run `eventwire gazetteer --build`") from exc
        gaz = Gazetteer(data, target)
        _LOADED[key] = gaz
        return gaz


def _near(lat1: float, lon1: float, lat2: float, lon2: float, km: float = 250.0) -> bool:
    """Within `km` of each other (equirectangular; enough at this scale)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y) <= km
