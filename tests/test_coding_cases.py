"""The PETRARCH-style behaviour suite: tests/data/coding_cases.yaml, one test per sentence.

A case passes when every expected event is produced (source code, target code, CAMEO root) and
nothing is produced beyond the expected and optional events. Cases the coder does not yet get
right are listed in tests/data/coding_gaps.txt with the reason; they run as non-strict xfails so
a fix shows up as XPASS, and `test_suite_pass_rate` fails if the share of passing cases drops.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire import code_text

DATA = Path(__file__).parent / "data"
CASES = yaml.safe_load((DATA / "coding_cases.yaml").read_text(encoding="utf-8"))
GAPS = {
    line.split()[0]
    for line in (DATA / "coding_gaps.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
MIN_PASS_RATE = 0.45
# The suite writes mutual acts (meetings, talks, agreements, joint operations) in one direction;
# the coder writes an event noun ("held talks with") both ways, as EVENT_FORMAT.md does for a
# joint patrol, so the other direction is never counted as extra.
MUTUAL = ("04", "057", "06")


def _key(ev: dict) -> tuple:
    return (ev["source"], ev.get("target"), str(ev["cameo"])[:2])


def check(case: dict) -> tuple[set, set]:
    events = code_text(case["text"])
    got = {(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in events}
    expected = {_key(e) for e in case.get("events") or []}
    optional = {_key(e) for e in case.get("optional") or []}
    optional |= {(t, s, r) for s, t, r in expected | optional
                 if t and any(str(e["cameo"]).startswith(MUTUAL) for e in case.get("events") or [])}
    return expected - got, got - expected - optional


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason="known coder gap", strict=False)]
                  if c["id"] in GAPS else []) for c in CASES],
)
def test_case(case):
    missing, extra = check(case)
    assert not missing and not extra, f"{case['text']}\n missing {missing}\n extra {extra}"


def test_suite_covers_every_root_five_times():
    roots = [c["root"] for c in CASES]
    assert all(roots.count(f"{r:02d}") >= 5 for r in range(1, 21))


def test_suite_pass_rate():
    passed = sum(1 for c in CASES if check(c) == (set(), set()))
    assert passed / len(CASES) >= MIN_PASS_RATE, f"{passed}/{len(CASES)} cases pass"
