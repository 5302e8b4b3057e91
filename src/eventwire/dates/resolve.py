"""Date expressions in news text, resolved against the article's published date.

Wire copy dates events relative to its dateline ("on Saturday", "last week", "Oct. 9"), so an
event's day is only known once the published date is applied with newsroom conventions: a bare
weekday is the most recent such day on or before publication, a day without a year is the
nearest one not far in the future. The words live in data/vocabulary.yaml; this module holds
only the rules, so vocabulary can grow without touching code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

import yaml

from eventwire import datafile
from eventwire.errors import DataFileError

# A day without a year may lie this far after publication (a scheduled vote, a deadline) before
# it is taken to be last year's.
FUTURE_WINDOW_DAYS = 30


@dataclass(frozen=True)
class DateMention:
    """One date expression as written and the calendar date it stands for, if knowable."""

    text: str  # the words as written, e.g. "on Saturday", "October 9, 2023"
    start: int  # character offsets into the text passed to find_dates
    end: int
    date: str | None  # ISO "YYYY-MM-DD"; first day of the period for week/month/year precision
    precision: str | None  # "day" | "week" | "month" | "year" | None when date is None
    rule: str  # which rule fired, e.g. "explicit", "weekday", "last_week"


# ---------------------------------------------------------------------------------------------
# Relative rules: name -> (published day -> (date, precision)). Names are what vocabulary.yaml
# may refer to, so a typo in the data file is caught when it is loaded.


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_start(d: date, delta: int = 0) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + delta, 12)
    return date(y, m + 1, 1)


def _days(n: int) -> Callable[[date], tuple[date, str]]:
    return lambda p: (p + timedelta(days=n), "day")


def _weeks(n: int) -> Callable[[date], tuple[date, str]]:
    return lambda p: (_week_start(p) + timedelta(weeks=n), "week")


def _months(n: int) -> Callable[[date], tuple[date, str]]:
    return lambda p: (_month_start(p, n), "month")


def _years(n: int) -> Callable[[date], tuple[date, str]]:
    return lambda p: (date(p.year + n, 1, 1), "year")


RELATIVE_RULES: dict[str, Callable[[date], tuple[date, str]]] = {
    "today": _days(0),
    "tonight": _days(0),
    "yesterday": _days(-1),
    "day_before_yesterday": _days(-2),
    "last_night": _days(-1),
    "overnight": _days(-1),  # "overnight" alone: the night before the report
    "tomorrow": _days(1),
    "last_week": _weeks(-1),
    "this_week": _weeks(0),
    "earlier_this_week": _weeks(0),
    "next_week": _weeks(1),
    "last_month": _months(-1),
    "this_month": _months(0),
    "earlier_this_month": _months(0),
    "next_month": _months(1),
    "last_year": _years(-1),
    "this_year": _years(0),
    "earlier_this_year": _years(0),
    "next_year": _years(1),
}

AGO_RULES: dict[str, Callable[[date, int], tuple[date, str]]] = {
    "days_ago": lambda p, n: (p - timedelta(days=n), "day"),
    "weeks_ago": lambda p, n: (_week_start(p - timedelta(weeks=n)), "week"),
    "months_ago": lambda p, n: (_month_start(p, -n), "month"),
    "years_ago": lambda p, n: (date(p.year - n, 1, 1), "year"),
}


# ---------------------------------------------------------------------------------------------
# Vocabulary: loaded from YAML and validated, every error naming the file, key and line.


@dataclass(frozen=True)
class Vocabulary:
    """The words of data/vocabulary.yaml, lower case, checked for shape and known rule names."""

    months: dict[str, int]  # full name -> 1..12
    month_abbreviations: dict[str, int]  # "sept." -> 9
    ambiguous_months: frozenset[str]
    month_cues: tuple[str, ...]
    ambiguous_month_cues: tuple[str, ...]
    year_cues: tuple[str, ...]
    weekdays: dict[str, int]  # full name -> 0 (Monday) .. 6
    weekday_abbreviations: dict[str, int]
    weekday_leads: tuple[str, ...]
    day_parts: tuple[str, ...]
    next_weekday_words: tuple[str, ...]
    last_weekday_words: tuple[str, ...]
    relative: dict[str, str]  # phrase -> RELATIVE_RULES name
    relative_not_after: frozenset[str]
    numbers: dict[str, int]
    ago_units: dict[str, str]  # unit word -> AGO_RULES name
    blocked: tuple[str, ...]


_KEYS = ("months", "ambiguous_months", "month_cues", "ambiguous_month_cues", "year_cues", "weekdays",
         "weekday_leads", "day_parts", "next_weekday_words", "last_weekday_words", "relative",
         "relative_not_after", "numbers", "ago_units", "blocked")


class _Checker:
    """Shape checks that report the failing key with its line in the file."""

    def __init__(self, name: str, node: yaml.Node) -> None:
        self.name, self.node = name, node

    def line(self, *path: str) -> int | None:
        node, line = self.node, None
        for key in path:
            if not isinstance(node, yaml.MappingNode):
                break
            for k, v in node.value:
                if str(k.value) == key:
                    node, line = v, k.start_mark.line + 1
                    break
            else:
                break
        return line

    def fail(self, path: tuple[str, ...], message: str) -> DataFileError:
        return DataFileError(self.name, self.line(*path), f"key '{'.'.join(path)}': {message}")

    def words(self, value: object, path: tuple[str, ...], allow_empty: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list) or (not value and not allow_empty):
            raise self.fail(path, "expected a list of words")
        for w in value:
            if isinstance(w, bool):
                raise self.fail(path, f"entry read as {w}: quote it (a bare true or false is a boolean)")
            if not isinstance(w, str) or not w.strip() or w != w.lower():
                raise self.fail(path, f"bad entry {w!r}: expected a non-empty lower-case string")
        return tuple(value)

    def mapping(self, value: object, path: tuple[str, ...]) -> dict:
        if not isinstance(value, dict) or not value:
            raise self.fail(path, "expected a mapping")
        for k in value:
            if not isinstance(k, str) or k != k.lower() or not k.strip():
                raise self.fail(path, f"bad key {k!r}: expected a lower-case string")
        return value

    def names(self, value: object, key: str, lo: int, hi: int) -> tuple[dict[str, int], dict[str, int]]:
        """Month or weekday table: name -> {number, abbreviations}, each number used once."""
        table = self.mapping(value, (key,))
        full: dict[str, int] = {}
        short: dict[str, int] = {}
        for name, spec in table.items():
            path = (key, name)
            if not isinstance(spec, dict) or set(spec) != {"number", "abbreviations"}:
                raise self.fail(path, "expected {number: N, abbreviations: [...]}")
            num = spec["number"]
            if not isinstance(num, int) or isinstance(num, bool) or not lo <= num <= hi:
                raise self.fail(path, f"number must be an integer {lo}..{hi}, not {num!r}")
            if num in full.values():
                raise self.fail(path, f"number {num} is used twice")
            full[name] = num
            for a in self.words(spec["abbreviations"], path + ("abbreviations",), allow_empty=True):
                short[a] = num
        if sorted(full.values()) != list(range(lo, hi + 1)):
            raise self.fail((key,), f"expected every number {lo}..{hi} exactly once")
        return full, short


def parse_vocabulary(name: str, text: str) -> Vocabulary:
    """The vocabulary in `text`; any problem raises DataFileError naming `name`, key and line."""
    try:
        node = datafile.compose(text)
        data = datafile.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(name, mark.line + 1 if mark else None, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(name, None, "expected a mapping of vocabulary keys")
    check = _Checker(name, node)
    missing = [k for k in _KEYS if k not in data]
    if missing:
        raise DataFileError(name, None, f"missing key(s): {', '.join(missing)}")
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        raise check.fail((unknown[0],), "unknown key")

    months, month_abbr = check.names(data["months"], "months", 1, 12)
    weekdays, weekday_abbr = check.names(data["weekdays"], "weekdays", 0, 6)
    ambiguous = check.words(data["ambiguous_months"], ("ambiguous_months",))
    for m in ambiguous:
        if m not in months:
            raise check.fail(("ambiguous_months",), f"{m!r} is not a month name")

    relative = check.mapping(data["relative"], ("relative",))
    for phrase, rule in relative.items():
        if rule not in RELATIVE_RULES:
            raise check.fail(("relative", phrase), f"unknown rule {rule!r}")
    numbers = check.mapping(data["numbers"], ("numbers",))
    for word, n in numbers.items():
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise check.fail(("numbers", word), f"expected a positive integer, not {n!r}")
    units = check.mapping(data["ago_units"], ("ago_units",))
    for unit, rule in units.items():
        if rule not in AGO_RULES:
            raise check.fail(("ago_units", unit), f"unknown rule {rule!r}")
    blocked = data["blocked"]
    if not isinstance(blocked, list) or not all(isinstance(b, str) and b.strip() for b in blocked):
        raise check.fail(("blocked",), "expected a list of names as written")

    return Vocabulary(
        months=months, month_abbreviations=month_abbr, ambiguous_months=frozenset(ambiguous),
        month_cues=check.words(data["month_cues"], ("month_cues",)),
        ambiguous_month_cues=check.words(data["ambiguous_month_cues"], ("ambiguous_month_cues",)),
        year_cues=check.words(data["year_cues"], ("year_cues",)),
        weekdays=weekdays, weekday_abbreviations=weekday_abbr,
        weekday_leads=check.words(data["weekday_leads"], ("weekday_leads",)),
        day_parts=check.words(data["day_parts"], ("day_parts",)),
        next_weekday_words=check.words(data["next_weekday_words"], ("next_weekday_words",)),
        last_weekday_words=check.words(data["last_weekday_words"], ("last_weekday_words",)),
        relative=dict(relative),
        relative_not_after=frozenset(check.words(data["relative_not_after"], ("relative_not_after",))),
        numbers=dict(numbers), ago_units=dict(units), blocked=tuple(blocked),
    )


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """The bundled vocabulary, or the one at `path` (for trying out additions)."""
    if path is None:
        return _bundled_vocabulary()
    p = Path(path)
    return parse_vocabulary(str(p), p.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _bundled_vocabulary() -> Vocabulary:
    res = resources.files("eventwire.dates") / "data" / "vocabulary.yaml"
    return parse_vocabulary(str(res), res.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Patterns built from the vocabulary.


def _phrase(p: str) -> str:
    """Regex for a lower-case phrase: any whitespace between words, "mid-" joins directly."""
    words = p.split()
    out = r"\s+".join(re.escape(w) for w in words)
    return out[:-2] + r"(?:-\s*|\s+)" if out.endswith(r"\-") else out + r"\s+"


def _cues(phrases: tuple[str, ...]) -> str:
    """Case-insensitive alternation of cue phrases, each including its trailing space."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?i:" + "|".join(_phrase(p) for p in ordered) + ")"


def _names(words: Iterable[str]) -> str:
    """Alternation of names as written with a capital: Title or UPPER case, longest first."""
    forms = {f for w in words for f in (w[:1].upper() + w[1:], w.upper())}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _plain(words: Iterable[str]) -> str:
    """Case-insensitive alternation of lower-case phrases, longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?i:" + "|".join(r"\s+".join(re.escape(x) for x in w.split()) for w in ordered) + ")"


_L, _R = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"
_DAY = r"(?<![\d.,:/])(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![A-Za-z\d])(?![.,:/]\d)"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d])(?!-\d{1,2}-\d)"


@dataclass(frozen=True)
class _Patterns:
    mdy: re.Pattern[str]
    dmy: re.Pattern[str]
    iso: re.Pattern[str]
    month_year: re.Pattern[str]
    month_only: re.Pattern[str]
    ambiguous_month_only: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    ago: re.Pattern[str]
    blocked: re.Pattern[str] | None


def _compile(v: Vocabulary) -> _Patterns:
    month_any = _names(list(v.months) + list(v.month_abbreviations))
    month_clear = _names(m for m in v.months if m not in v.ambiguous_months)
    month_ambiguous = _names(v.ambiguous_months)
    weekday_any = _names(list(v.weekdays) + list(v.weekday_abbreviations))
    on = r"(?:(?i:on)\s+)?"
    wd_prefix = rf"(?:(?:{weekday_any})\.?,?\s+)?"
    month = rf"(?P<month>{month_any})(?![A-Za-z])"
    rel = _plain(v.next_weekday_words + v.last_weekday_words)
    blocked = (re.compile(_L + "(?:" + "|".join(re.escape(b) for b in sorted(v.blocked, key=len, reverse=True))
                          + ")" + _R) if v.blocked else None)
    return _Patterns(
        mdy=re.compile(rf"{_L}{on}{wd_prefix}{month}\s+{_DAY}(?:,?\s+{_YEAR})?"),
        dmy=re.compile(rf"{_L}{on}{wd_prefix}{_DAY}\s+(?:of\s+)?{month}(?:,?\s+{_YEAR})?"),
        iso=re.compile(rf"{_L}{on}(?<![\d-])(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?!\d)"),
        month_year=re.compile(rf"{_L}(?:{_cues(v.month_cues)})?{month},?\s+(?:of\s+)?{_YEAR}"),
        month_only=re.compile(rf"{_L}(?P<cue>{_cues(v.month_cues)})(?P<month>{month_clear}){_R}"),
        ambiguous_month_only=re.compile(
            rf"{_L}(?P<cue>{_cues(v.ambiguous_month_cues)})(?P<month>{month_ambiguous}){_R}"),
        year=re.compile(rf"{_L}(?:{_cues(v.year_cues)}){_YEAR}(?![A-Za-z])"),
        weekday=re.compile(
            rf"{_L}(?:{_cues(v.weekday_leads)})?(?:(?P<rel>{rel})\s+)?"
            rf"(?P<weekday>{_names(v.weekdays)})(?![A-Za-z])(?:\s+{_plain(v.day_parts)}{_R})?"),
        relative=re.compile(rf"{_L}(?P<phrase>{_plain(v.relative)}){_R}"),
        ago=re.compile(rf"{_L}(?P<n>\d{{1,3}}|{_plain(v.numbers)})\s+(?P<unit>{_plain(v.ago_units)})\s+(?i:ago){_R}"),
        blocked=blocked,
    )


@lru_cache(maxsize=1)
def _default_patterns() -> tuple[Vocabulary, _Patterns]:
    v = load_vocabulary()
    return v, _compile(v)


# ---------------------------------------------------------------------------------------------
# Resolution.


def _as_date(published: date | str | None) -> date | None:
    """The published day from a date, datetime or date string (None or "" means unknown)."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            from eventwire.ingest.clean import normalise_date  # feed formats: RFC 822, "Oct 9, 2023"

            iso = normalise_date(published)
            if iso is None:
                raise ValueError(f"published date {published!r} is not a readable date") from None
            return date.fromisoformat(iso)
    raise TypeError(f"published must be a date, datetime, str or None, not {type(published).__name__}")


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _no_year(pub: date, month: int, day: int) -> date | None:
    """The latest of next/this/last year's day that is not more than the window after `pub`."""
    limit = pub + timedelta(days=FUTURE_WINDOW_DAYS)
    for y in (pub.year + 1, pub.year, pub.year - 1):
        d = _valid(y, month, day)
        if d is not None and d <= limit:
            return d
    return None


def _weekday(pub: date, weekday: int, mode: str) -> date:
    """Most recent such day on or before `pub`; strictly before for "last", after for "next"."""
    if mode == "next":
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - weekday) % 7
    if mode == "last" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _lookup(table: dict[str, int], written: str) -> int:
    return table[written.lower()]


_Found = tuple[int, int, str, date | None, str | None]  # start, end, rule, date, precision


def _candidates(text: str, pub: date | None, v: Vocabulary, p: _Patterns) -> list[_Found]:
    found: list[_Found] = []
    month_table = {**v.months, **v.month_abbreviations}

    def add(m: re.Match[str], rule: str, d: date | None, precision: str | None) -> None:
        found.append((m.start(), m.end(), rule, d, precision if d is not None else None))

    for pat in (p.mdy, p.dmy):
        for m in pat.finditer(text):
            month, day = _lookup(month_table, m["month"]), int(m["day"])
            if m["year"]:
                d = _valid(int(m["year"]), month, day)
                if d is not None:
                    add(m, "explicit", d, "day")
            elif _valid(2000, month, day) is not None:  # a leap year: is the day real at all?
                d = _no_year(pub, month, day) if pub else None
                if d is not None or pub is None:
                    add(m, "explicit_no_year", d, "day")
    for m in p.iso.finditer(text):
        d = _valid(int(m["year"]), int(m["month"]), int(m["day"]))
        if d is not None:
            add(m, "iso", d, "day")
    for m in p.month_year.finditer(text):
        add(m, "month_year", date(int(m["year"]), _lookup(month_table, m["month"]), 1), "month")
    for pat, ambiguous in ((p.month_only, False), (p.ambiguous_month_only, True)):
        for m in pat.finditer(text):
            if ambiguous and re.match(r"\s+[A-Z][a-z]", text[m.end():]):
                continue  # "by April Ryan", "in May Day rallies": a name, not a month
            month = _lookup(v.months, m["month"])
            d = None
            if pub is not None:
                last = m["cue"].split()[0].lower() in v.last_weekday_words
                year = pub.year if month < pub.month or (month == pub.month and not last) else pub.year - 1
                d = date(year, month, 1)
            add(m, "month_name", d, "month")
    for m in p.year.finditer(text):
        add(m, "year", date(int(m["year"]), 1, 1), "year")
    for m in p.weekday.finditer(text):
        rel = " ".join(m["rel"].lower().split()) if m["rel"] else ""
        mode = "next" if rel in v.next_weekday_words else "last" if rel in v.last_weekday_words else ""
        rule = f"{mode}_weekday" if mode else "weekday"
        d = _weekday(pub, _lookup(v.weekdays, m["weekday"]), mode) if pub else None
        add(m, rule, d, "day")
    for m in p.relative.finditer(text):
        before = re.search(r"([A-Za-z]+)\s+$", text[:m.start()])
        if before and before.group(1).lower() in v.relative_not_after:
            continue  # "an overnight curfew"
        rule = v.relative[" ".join(m["phrase"].lower().split())]
        d, precision = RELATIVE_RULES[rule](pub) if pub else (None, None)
        add(m, rule, d, precision)
    for m in p.ago.finditer(text):
        n_text = m["n"].lower()
        n = int(n_text) if n_text.isdigit() else v.numbers[" ".join(n_text.split())]
        rule = v.ago_units[m["unit"].lower()]
        d, precision = AGO_RULES[rule](pub, n) if pub else (None, None)
        add(m, rule, d, precision)
    return found


def find_dates(text: str, published: date | str | None = None) -> list[DateMention]:
    """All date expressions in text, left to right, resolved against published.

    Where expressions overlap the longest wins ("overnight on Wednesday" is one mention).
    Without a published date, expressions that need one keep their text with date None.
    """
    pub = _as_date(published)
    v, p = _default_patterns()
    found = _candidates(text, pub, v, p)
    if p.blocked is not None and found:  # (most sentences name no date: nothing to block)
        spans = [(b.start(), b.end()) for b in p.blocked.finditer(text)]
        found = [f for f in found if not any(f[0] < e and s < f[1] for s, e in spans)]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[_Found] = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f[0])
    return [DateMention(text[s:e], s, e, d.isoformat() if d else None, prec, rule)
            for s, e, rule, d, prec in kept]


def resolve_one(text: str, published: date | str | None = None) -> DateMention | None:
    """The first date expression in text, resolved; None if there is none."""
    mentions = find_dates(text, published)
    return mentions[0] if mentions else None


def caption_date(text: str, published: date | str | None = None) -> DateMention | None:
    """The date a photo caption carries: its last full explicit date, else its last day-month.

    Agency captions end "..., October 9, 2023. (Reuters)"; the photo's day is that one, not any
    weekday or relative word earlier in the caption.
    """
    mentions = find_dates(text, published)
    for rules in (("explicit", "iso"), ("explicit_no_year",)):
        chosen = [m for m in mentions if m.rule in rules]
        if chosen:
            return chosen[-1]
    return None
