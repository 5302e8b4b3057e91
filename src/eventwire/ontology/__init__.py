"""CAMEO / PLOVER ontology: the event codes, their weights and classes, and PLOVER types.

The data lives in ``eventwire/ontology/data``:

* ``cameo.tsv`` - one row per CAMEO 1.1b3 event code (roots, 3- and 4-digit codes) with its
  name, Goldstein weight, GDELT and ICEWS quad class, PLOVER type and PLOVER mode;
* ``plover.yaml`` - the 16 PLOVER types (penta class, definition, modes, obsolete mode names),
  ``penta_by_root`` and the coding ``precedence`` rules;
* ``actor_types.tsv`` - CAMEO sector, international, religion and ethnic actor codes.

``load_ontology()`` reads and validates all three once (cached). Every problem in a data file
raises ``OntologyError`` naming the file and line.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable

import yaml

from eventwire import datafile
from eventwire.errors import DataFileError

__all__ = [
    "CAMEO_HEADER",
    "ACTOR_HEADER",
    "PLOVER_TYPES",
    "CameoCode",
    "Ontology",
    "OntologyError",
    "load_ontology",
    "validate_rows",
]

CAMEO_HEADER: tuple[str, ...] = (
    "code", "name", "goldstein", "quad_gdelt", "quad_icews", "plover", "mode",
)
ACTOR_HEADER: tuple[str, ...] = ("code", "kind", "name", "description")
ACTOR_KINDS = frozenset({"sector", "international", "religion", "ethnic"})

# The current PLOVER event types, in the codebook's order (cooperation to conflict).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ROOTS: tuple[str, ...] = tuple(f"{i:02d}" for i in range(1, 21))

_CODE_RE = re.compile(r"^[0-9]{2,4}$")
_ACTOR_RE = re.compile(r"^[A-Za-z]{3}$")
_PRECEDENCE_KEYS = {"id", "when", "then", "instead_of", "note"}


class OntologyError(DataFileError, ValueError):
    """A malformed ontology data file (message starts with ``file:line``) or a bad lookup."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        if path is None:
            self.path, self.line, self.reason = None, None, message
            Exception.__init__(self, message)
        else:
            super().__init__(path, line, message)


# --------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its weights and PLOVER mapping."""

    code: str
    name: str
    goldstein: float
    quad_gdelt: int
    quad_icews: int
    plover: str | None
    mode: str | None

    @property
    def root(self) -> str:
        """The two-digit CAMEO root ("0311" -> "03")."""
        return self.code[:2]

    @property
    def penta(self) -> int:
        """Penta class 0..4, decided by the root (``penta_by_root`` in plover.yaml)."""
        return load_ontology().penta_by_root[self.root]


def _gdelt_quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def _icews_quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


# --------------------------------------------------------------------------------------------
# plover.yaml


@dataclass(frozen=True)
class _PloverSpec:
    types: dict[str, dict[str, Any]]
    penta_by_root: dict[str, int]
    precedence: list[dict[str, Any]]
    obsolete_types: dict[str, str]


def _line_of(text: str, needle: str) -> int | None:
    """First line of ``text`` that mentions ``needle`` (for error messages), else None."""
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return i
    return None


def _parse_plover(path_name: str, text: str) -> _PloverSpec:
    def fail(msg: str, needle: str | None = None) -> OntologyError:
        return OntologyError(msg, path_name, _line_of(text, needle) if needle else None)

    try:
        data = datafile.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise OntologyError(f"not valid YAML: {exc}", path_name, line) from None
    if not isinstance(data, dict):
        raise fail("top level must be a mapping")

    # penta_by_root
    pbr = data.get("penta_by_root")
    if not isinstance(pbr, dict):
        raise fail("missing or malformed 'penta_by_root' mapping", "penta_by_root")
    penta: dict[str, int] = {}
    for k, v in pbr.items():
        if not isinstance(k, str) or k not in ROOTS:
            raise fail(f"penta_by_root key {k!r} is not a quoted CAMEO root '01'..'20'", str(k))
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 4:
            raise fail(f"penta_by_root[{k!r}] = {v!r} is not an integer 0..4", f'"{k}"')
        penta[k] = v
    missing = [r for r in ROOTS if r not in penta]
    if missing:
        raise fail(f"penta_by_root lacks roots {', '.join(missing)}", "penta_by_root")

    # types
    raw_types = data.get("types")
    if not isinstance(raw_types, dict):
        raise fail("missing or malformed 'types' mapping", "types:")
    unknown = [t for t in raw_types if t not in PLOVER_TYPES]
    if unknown:
        raise fail(f"unknown PLOVER type {unknown[0]!r}; expected one of "
                   f"{', '.join(PLOVER_TYPES)}", f"{unknown[0]}:")
    absent = [t for t in PLOVER_TYPES if t not in raw_types]
    if absent:
        raise fail(f"PLOVER types missing: {', '.join(absent)}", "types:")
    types: dict[str, dict[str, Any]] = {}
    for name in PLOVER_TYPES:
        spec = raw_types[name]
        anchor = f"  {name}:"
        if not isinstance(spec, dict):
            raise fail(f"type {name} must be a mapping", anchor)
        roots = spec.get("cameo_roots")
        if (not isinstance(roots, list) or not roots
                or any(not isinstance(r, str) or r not in ROOTS for r in roots)):
            raise fail(f"type {name}: 'cameo_roots' must be a non-empty list of quoted roots",
                       anchor)
        p = spec.get("penta")
        if isinstance(p, bool) or not isinstance(p, int) or not 0 <= p <= 4:
            raise fail(f"type {name}: penta {p!r} is not an integer 0..4", anchor)
        if p != penta[roots[0]]:
            raise fail(f"type {name}: penta {p} disagrees with penta_by_root of its primary "
                       f"root {roots[0]} ({penta[roots[0]]})", anchor)
        definition = spec.get("definition")
        if not isinstance(definition, str) or not definition.strip():
            raise fail(f"type {name}: missing one-line 'definition'", anchor)
        modes = spec.get("modes")
        if not isinstance(modes, list) or any(not isinstance(m, str) or not m for m in modes):
            raise fail(f"type {name}: 'modes' must be a list of names", anchor)
        if len(set(modes)) != len(modes):
            raise fail(f"type {name}: duplicate mode name", anchor)
        obsolete = spec.get("obsolete_modes") or {}
        if not isinstance(obsolete, dict):
            raise fail(f"type {name}: 'obsolete_modes' must be a mapping", anchor)
        for old, new in obsolete.items():
            if not isinstance(old, str) or old in modes:
                raise fail(f"type {name}: obsolete mode {old!r} is also a current mode", anchor)
            if new is not None and new not in modes:
                raise fail(f"type {name}: obsolete mode {old!r} maps to {new!r}, which is not "
                           f"one of its modes", f"{old}:")
        types[name] = {
            "penta": p,
            "cameo_roots": list(roots),
            "definition": definition.strip(),
            "modes": list(modes),
            "obsolete_modes": dict(obsolete),
        }

    # obsolete type names
    obs_types = data.get("obsolete_types") or {}
    if not isinstance(obs_types, dict):
        raise fail("'obsolete_types' must be a mapping", "obsolete_types")
    for old, new in obs_types.items():
        if new not in PLOVER_TYPES:
            raise fail(f"obsolete type {old!r} maps to unknown type {new!r}", f"{old}:")

    # precedence rules
    rules = data.get("precedence")
    if not isinstance(rules, list) or not rules:
        raise fail("missing or empty 'precedence' list", "precedence")
    seen_ids: set[str] = set()
    precedence: list[dict[str, Any]] = []
    for rule in rules:
        rid = rule.get("id") if isinstance(rule, dict) else None
        anchor = f"id: {rid}" if rid else "precedence"
        if not isinstance(rule, dict) or not isinstance(rid, str) or not rid:
            raise fail("each precedence rule needs a string 'id'", anchor)
        if rid in seen_ids:
            raise fail(f"duplicate precedence rule id {rid!r}", anchor)
        seen_ids.add(rid)
        extra = set(rule) - _PRECEDENCE_KEYS
        if extra:
            raise fail(f"precedence rule {rid}: unexpected keys {sorted(extra)}", anchor)
        for key in ("when", "note"):
            if not isinstance(rule.get(key), str) or not rule[key].strip():
                raise fail(f"precedence rule {rid}: missing '{key}' text", anchor)
        for key in ("then", "instead_of"):
            target = rule.get(key)
            if target is None and key == "instead_of":
                continue
            if not isinstance(target, dict) or target.get("plover") not in PLOVER_TYPES:
                raise fail(f"precedence rule {rid}: '{key}' needs a known 'plover' type", anchor)
            mode = target.get("mode")
            if mode is not None and mode not in types[target["plover"]]["modes"]:
                raise fail(f"precedence rule {rid}: mode {mode!r} is not a mode of "
                           f"{target['plover']}", anchor)
        precedence.append(dict(rule))

    return _PloverSpec(types=types, penta_by_root=penta, precedence=precedence,
                       obsolete_types=dict(obs_types))


# --------------------------------------------------------------------------------------------
# cameo.tsv


def _split_lines(lines: str | Iterable[str]) -> list[str]:
    if isinstance(lines, str):
        return lines.splitlines()
    return [ln.rstrip("\r\n") for ln in lines]


def validate_rows(path_name: str, lines: str | Iterable[str],
                  plover_types: dict[str, dict[str, Any]] | None = None) -> dict[str, CameoCode]:
    """Parse and validate cameo.tsv text; return the codes keyed by code, in file order.

    ``lines`` is the whole text or an iterable of lines (first line = header). ``plover_types``
    (type -> {"modes": [...]}) defaults to the bundled plover.yaml. Raises ``OntologyError``
    whose message starts with ``path_name:line``.
    """
    if plover_types is None:
        plover_types = _bundled_plover().types
    rows = _split_lines(lines)
    if not rows:
        raise OntologyError("empty file: expected a header line", path_name, 1)
    header = tuple(rows[0].split("\t"))
    if header != CAMEO_HEADER:
        raise OntologyError(f"header must be {' / '.join(CAMEO_HEADER)} separated by tabs, "
                            f"got {rows[0]!r}", path_name, 1)

    codes: dict[str, CameoCode] = {}
    line_of: dict[str, int] = {}
    for lineno, raw in enumerate(rows[1:], start=2):
        def fail(msg: str) -> OntologyError:
            return OntologyError(msg, path_name, lineno)

        if not raw.strip():
            raise fail("blank line")
        cols = raw.split("\t")
        if len(cols) != len(CAMEO_HEADER):
            raise fail(f"expected {len(CAMEO_HEADER)} tab-separated columns, got {len(cols)}")
        code, name, gold_s, qg_s, qi_s, plover, mode = (c.strip() for c in cols)
        if not _CODE_RE.match(code):
            raise fail(f"code {code!r} is not 2 to 4 digits")
        if code in codes:
            raise fail(f"duplicate code {code} (first on line {line_of[code]})")
        root = code[:2]
        if root not in ROOTS:
            raise fail(f"code {code}: root {root} is not a CAMEO root 01..20")
        if not name:
            raise fail(f"code {code}: empty name")
        try:
            gold = float(gold_s)
        except ValueError:
            raise fail(f"code {code}: goldstein {gold_s!r} is not a number") from None
        if not math.isfinite(gold) or not -10.0 <= gold <= 10.0:
            raise fail(f"code {code}: goldstein {gold_s} is outside [-10, 10]")
        quads = []
        for label, s, expected in (("quad_gdelt", qg_s, _gdelt_quad(root)),
                                   ("quad_icews", qi_s, _icews_quad(root))):
            if s not in ("1", "2", "3", "4"):
                raise fail(f"code {code}: {label} {s!r} is not 1..4")
            if int(s) != expected:
                raise fail(f"code {code}: {label} {s} disagrees with the rule for root {root} "
                           f"({expected})")
            quads.append(int(s))
        if plover and plover not in plover_types:
            raise fail(f"code {code}: PLOVER type {plover!r} is not one of "
                       f"{', '.join(PLOVER_TYPES)}")
        if mode:
            if not plover:
                raise fail(f"code {code}: mode {mode!r} given without a PLOVER type")
            allowed = plover_types[plover].get("modes", [])
            if mode not in allowed:
                raise fail(f"code {code}: mode {mode!r} is not a mode of {plover} "
                           f"({', '.join(allowed) or 'it has none'})")
        codes[code] = CameoCode(code, name, gold, quads[0], quads[1], plover or None,
                                mode or None)
        line_of[code] = lineno

    for code, lineno in line_of.items():
        if len(code) >= 3 and code[:2] not in codes:
            raise OntologyError(f"code {code}: its root {code[:2]} is not defined", path_name,
                                lineno)
        if len(code) == 4 and code[:3] not in codes:
            raise OntologyError(f"code {code}: its parent {code[:3]} is not defined", path_name,
                                lineno)
    return codes


# --------------------------------------------------------------------------------------------
# actor_types.tsv


def _parse_actor_types(path_name: str, text: str) -> dict[str, dict[str, str]]:
    rows = text.splitlines()
    if not rows or tuple(rows[0].split("\t")) != ACTOR_HEADER:
        raise OntologyError(f"header must be {' / '.join(ACTOR_HEADER)} separated by tabs",
                            path_name, 1)
    out: dict[str, dict[str, str]] = {}
    first: dict[str, int] = {}
    for lineno, raw in enumerate(rows[1:], start=2):
        cols = raw.split("\t")
        if len(cols) != len(ACTOR_HEADER):
            raise OntologyError(f"expected {len(ACTOR_HEADER)} tab-separated columns, "
                                f"got {len(cols)}", path_name, lineno)
        code, kind, name, desc = (c.strip() for c in cols)
        if not _ACTOR_RE.match(code):
            raise OntologyError(f"actor code {code!r} is not three letters", path_name, lineno)
        if code in out:
            raise OntologyError(f"duplicate actor code {code} (first on line {first[code]})",
                                path_name, lineno)
        if kind not in ACTOR_KINDS:
            raise OntologyError(f"actor code {code}: kind {kind!r} is not one of "
                                f"{', '.join(sorted(ACTOR_KINDS))}", path_name, lineno)
        if not name:
            raise OntologyError(f"actor code {code}: empty name", path_name, lineno)
        out[code] = {"kind": kind, "name": name, "description": desc}
        first[code] = lineno
    return out


# --------------------------------------------------------------------------------------------
# The ontology


class Ontology:
    """Validated CAMEO codes, PLOVER types and actor codes, with lookup helpers."""

    def __init__(self, codes: dict[str, CameoCode], plover_spec: _PloverSpec,
                 actor_types: dict[str, dict[str, str]]) -> None:
        self.codes: dict[str, CameoCode] = codes
        self.plover_types: dict[str, dict[str, Any]] = plover_spec.types
        self.penta_by_root: dict[str, int] = plover_spec.penta_by_root
        self.precedence: list[dict[str, Any]] = plover_spec.precedence
        self.obsolete_types: dict[str, str] = plover_spec.obsolete_types
        self.actor_types: dict[str, dict[str, str]] = actor_types

    # -- lookups -------------------------------------------------------------------------------

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def get(self, code: str) -> CameoCode:
        """The record for ``code``; ``OntologyError`` if it is not a CAMEO 1.1b3 event code."""
        if not isinstance(code, str):
            raise OntologyError(f"CAMEO code must be a string such as '042', got {code!r}")
        key = code.strip()
        try:
            return self.codes[key]
        except KeyError:
            hint = ""
            if key.isdigit() and len(key) in (1, 2, 3) and ("0" + key) in self.codes:
                hint = f" (did you mean '0{key}'? codes keep their leading zero)"
            raise OntologyError(f"unknown CAMEO event code {code!r}{hint}") from None

    @property
    def roots(self) -> list[str]:
        return [c for c in self.codes if len(c) == 2]

    def root_of(self, code: str) -> str:
        return self.get(code).root

    def parent(self, code: str) -> str | None:
        """4-digit -> its 3-digit code, 3-digit -> its root, root -> None."""
        c = self.get(code).code
        return None if len(c) == 2 else c[:-1] if len(c) == 4 else c[:2]

    def children(self, code: str) -> list[str]:
        """Codes one level below ``code`` (root -> 3-digit, 3-digit -> 4-digit)."""
        c = self.get(code).code
        return [k for k in self.codes if len(k) == len(c) + 1 and k.startswith(c)]

    def is_ancestor(self, general: str, specific: str) -> bool:
        """True if ``specific`` is ``general`` or lies below it in the CAMEO tree.

        A root accepts every code starting with it ("04" accepts "040", "042", "0421"...); a
        3-digit code accepts itself and its 4-digit children ("042" accepts "0421" but not
        "043"; x0 codes such as "190" are ordinary 3-digit codes); a 4-digit code only itself.
        """
        g, s = self.get(general).code, self.get(specific).code
        return s.startswith(g)

    def penta(self, code: str) -> int:
        return self.penta_by_root[self.get(code).root]

    def plover(self, code: str) -> str | None:
        return self.get(code).plover

    def mode(self, code: str) -> str | None:
        return self.get(code).mode

    def goldstein(self, code: str) -> float:
        return self.get(code).goldstein

    def name(self, code: str) -> str:
        return self.get(code).name

    def quad_class(self, code: str, scheme: str = "gdelt") -> int:
        """Quad class 1..4 (verbal coop, material coop, verbal conflict, material conflict).

        ``scheme="gdelt"``: roots 01-05/06-09/10-14/15-20; ``scheme="icews"``: 01-05/06-08/
        09-13/14-20.
        """
        rec = self.get(code)
        if scheme == "gdelt":
            return rec.quad_gdelt
        if scheme == "icews":
            return rec.quad_icews
        raise OntologyError(f"unknown quad scheme {scheme!r}; use 'gdelt' or 'icews'")

    # -- PLOVER names ----------------------------------------------------------------------

    def normalise_type(self, plover: str) -> str:
        """Current PLOVER type for ``plover`` (case-insensitive; old names such as DEMAND)."""
        t = str(plover).strip().upper()
        if t in self.plover_types:
            return t
        if t in self.obsolete_types:
            return self.obsolete_types[t]
        raise OntologyError(f"unknown PLOVER type {plover!r}")

    def modes_of(self, plover: str) -> list[str]:
        return list(self.plover_types[self.normalise_type(plover)]["modes"])

    def normalise_mode(self, mode: str, plover: str | None = None) -> str | None:
        """Current name of a PLOVER mode.

        Case, spaces and underscores are normalised ("Martial law" -> "martial-law"). Obsolete
        names are mapped to their replacement (per ``obsolete_modes`` in plover.yaml); a mode
        that was dropped without replacement returns None. With ``plover`` the mode must belong
        to that type; without it, a name that is current for any type is returned as is, and an
        obsolete name must map to a single current name. Unknown names raise ``OntologyError``.
        """
        m = re.sub(r"[\s_]+", "-", str(mode).strip().lower())
        if plover is not None:
            t = self.normalise_type(plover)
            spec = self.plover_types[t]
            if m in spec["modes"]:
                return m
            if m in spec["obsolete_modes"]:
                return spec["obsolete_modes"][m]
            raise OntologyError(f"{mode!r} is not a mode of {t} "
                                f"({', '.join(spec['modes']) or 'it has none'})")
        if any(m in spec["modes"] for spec in self.plover_types.values()):
            return m
        targets = {spec["obsolete_modes"][m] for spec in self.plover_types.values()
                   if m in spec["obsolete_modes"]}
        if len(targets) == 1:
            return targets.pop()
        if len(targets) > 1:
            raise OntologyError(f"obsolete mode {mode!r} means different things for different "
                                f"types; pass the PLOVER type")
        raise OntologyError(f"unknown PLOVER mode {mode!r}")


# --------------------------------------------------------------------------------------------
# Loading


def _read_data(name: str) -> tuple[str, str]:
    path = resources.files("eventwire.ontology").joinpath("data", name)
    try:
        return str(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OntologyError(f"cannot read bundled data file: {exc}", str(path), None) from None


@functools.lru_cache(maxsize=1)
def _bundled_plover() -> _PloverSpec:
    path, text = _read_data("plover.yaml")
    return _parse_plover(path, text)


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Read and validate the bundled ontology files (once; later calls return the same object)."""
    spec = _bundled_plover()
    cameo_path, cameo_text = _read_data("cameo.tsv")
    codes = validate_rows(cameo_path, cameo_text, spec.types)
    missing = [r for r in ROOTS if r not in codes]
    if missing:
        raise OntologyError(f"roots missing: {', '.join(missing)}", cameo_path, None)
    actor_path, actor_text = _read_data("actor_types.tsv")
    return Ontology(codes, spec, _parse_actor_types(actor_path, actor_text))
