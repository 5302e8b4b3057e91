"""Read PETRARCH / TABARI / Phoenix actor and agent dictionaries.

Users keep years of curated dictionaries in these formats; eventwire reads them as they are and
merges them with (or puts them in place of) its own base. What is read:

Actors file::

    ARNOR_  [ARN]                      a name; "_" joins words; a final "_" ends the word
    ARGENTIN  [ARG]                    no final "_": a stem ("Argentina", "Argentine"), used
                                       only where no whole-word name matches (PETRARCH has none)
    +ARNORIAN                          a synonym of the entry above
    BARACK_OBAMA_                      an entry whose codes follow on their own lines
        [USAELI 040101-081104]         code with a date range (YYMMDD or YYYYMMDD)
        [USAGOV >081105]               from that day on (">"), or until it ("<"); the first
                                       range holding wins, then the undated code, else "---"
    THE_SHIRE_  [FRO/BIL/SAM]          several actors: one per code, each with its own events
    # comment, <!-- comment block -->

Agents file::

    !PERSON! = MAN, MEN, WOMAN         a macro, substituted where !PERSON! appears
    FOREIGN_MINISTER [~GOVFRM]         a role word; "~GOV" goes after the actor's code (ARNGOV)
    MSF {} [NGO~]                      "NGO~" goes before it (NGOARN)
    MEDIA {} [~MED]                    "{}": no plural; "{ATTORNEYS_GENERAL}": listed plurals;
                                       otherwise "-Y" -> "-IES", "-S" -> "-SES", else "-S"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import DataFileError

_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"#.*$")
_BLOCK = re.compile(r"<!--.*?-->", re.S)


@dataclass
class PetrarchActor:
    """One actor entry: its name phrases and its dated codes."""

    phrases: list[tuple[tuple[str, ...], bool]] = field(default_factory=list)  # (words, is_stem)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # code, start, end
    where: str = ""


@dataclass
class PetrarchAgent:
    phrase: tuple[str, ...]
    code: str  # without the "~"
    where: str
    prefix: bool = False  # "[NGO~]": the code goes before the actor's ("NGOARN"), not after it


def _date(text: str) -> str:
    """YYMMDD (two-digit years pivot at 30) or YYYYMMDD → YYYY-MM-DD."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        return f"{year:04d}-{text[2:4]}-{text[4:6]}"
    if len(text) == 8:
        return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    raise ValueError(f"bad date '{text}'")


def _parse_code(body: str) -> tuple[str, str | None, str | None]:
    parts = body.split()
    if not parts:
        raise ValueError("empty code")
    code = parts[0].upper()
    start = end = None
    if len(parts) > 1:
        rng = "".join(parts[1:])  # "< 950601", "19950601 - 19990815"
        if rng.startswith(">"):
            start = _date(rng[1:])
        elif rng.startswith("<"):
            end = _date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = _date(a), _date(b)
        else:
            raise ValueError(f"bad date range '{rng}'")
    return code, start, end


def _phrase(raw: str) -> tuple[tuple[str, ...], bool]:
    raw = raw.strip()
    exact = raw.endswith("_")
    words = tuple(w.lower() for w in raw.strip("_").replace("_", " ").split() if w)
    return words, not exact


def _lines(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    # keep line numbers while dropping comment blocks
    text = _BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", line).rstrip()
        if line.strip():
            out.append((number, line))
    return out


def read_actors(path: str | Path, warnings: list[str] | None = None) -> list[PetrarchActor]:
    """Every actor entry of a PETRARCH actors file.

    A line that cannot be read (a mistyped date, a code before any name) is skipped and named
    in `warnings` as file:line; without a `warnings` list it raises `DataFileError`.
    """
    path = Path(path)
    actors: list[PetrarchActor] = []
    current: PetrarchActor | None = None
    for number, line in _lines(path):
        stripped = line.strip()
        try:
            if stripped.startswith("+"):
                if current is None:
                    raise ValueError("synonym before any entry")
                current.phrases.append(_phrase(stripped[1:].split("[")[0]))
                for body in _CODE.findall(stripped):
                    current.codes.append(_parse_code(body))
            elif stripped.startswith("["):
                if current is None:
                    raise ValueError("code before any entry")
                for body in _CODE.findall(stripped):
                    current.codes.append(_parse_code(body))
            else:
                name = stripped.split("[")[0]
                current = PetrarchActor(phrases=[_phrase(name)], where=f"{path.name}:{number}")
                for body in _CODE.findall(stripped):
                    current.codes.append(_parse_code(body))
                actors.append(current)
        except ValueError as exc:
            if warnings is None:
                raise DataFileError(str(path), number, str(exc)) from exc
            warnings.append(f"{path}:{number}: {exc}; line skipped")
    return [a for a in actors if a.codes and any(p[0] for p in a.phrases)]


def read_agents(path: str | Path, warnings: list[str] | None = None) -> list[PetrarchAgent]:
    """Every role word of a PETRARCH agents file, plurals and macros expanded; unreadable lines
    are named in `warnings` (or raise `DataFileError` without it)."""
    path = Path(path)
    macros: dict[str, list[str]] = {}
    agents: list[PetrarchAgent] = []
    for number, line in _lines(path):
        stripped = line.strip()
        where = f"{path.name}:{number}"
        if re.match(r"^!\w+!\s*=", stripped):
            name, values = stripped.split("=", 1)
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        codes = _CODE.findall(stripped) or re.findall(r"\[(~?[A-Za-z]+)\}", stripped)
        if not codes:
            if warnings is None:
                raise DataFileError(str(path), number, "agent line without a [~CODE]")
            warnings.append(f"{path}:{number}: agent line without a [~CODE]; line skipped")
            continue
        raw = codes[0].replace(" ", "")
        prefix = raw.endswith("~") and not raw.startswith("~")
        code = raw.strip("~").upper()
        head = stripped.split("[")[0]
        plurals_match = re.search(r"\{([^}]*)\}", head)
        name = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = _expand_macros(name, macros)
        plural_forms: list[str] = []
        if plurals_match is None and "!" not in name:  # macro values are used as written
            plural_forms = [_plural(f) for f in forms]
        elif plurals_match is not None and plurals_match.group(1).strip():
            plural_forms = [p.strip() for p in plurals_match.group(1).split(",") if p.strip()]
        for form in forms + plural_forms:
            words, _stem = _phrase(form)
            if words:
                agents.append(PetrarchAgent(words, code, where, prefix))
    return agents


def _plural(form: str) -> str:
    """PETRARCH's regular plural: "-Y" -> "-IES", "-S" -> "-SES", else "-S"."""
    form = form.rstrip("_ ")
    if form.upper().endswith("Y"):
        return form[:-1] + "IES"
    if form.upper().endswith("S"):
        return form + "ES"
    return form + "S"


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"!\w+!", name)
    if not found:
        return [name]
    values = macros.get(found.group(0), [])
    out = []
    for value in values:
        out.extend(_expand_macros(name[: found.start()] + value + name[found.end():], macros))
    return out
