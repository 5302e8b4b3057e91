"""Behaviour on sentences the coder was never tuned on: tests/data/coding_holdout.yaml.

Usage: python benchmarks/holdout.py [--show] [--file benchmarks/data/coding_dev.yaml]
       python benchmarks/holdout.py --file benchmarks/data/coding_holdout2.yaml  (never read: no --show)
The held-out file was written apart from the coder, in the format of tests/data/coding_cases.yaml,
and is not a test. Its odd cases may be read to find missing mechanisms (fixes come with cases of
one's own, never for one sentence); its even cases are never read and give the honest figure.
It prints, for all, odd and even cases, the share coded exactly (every expected event, nothing
beyond the expected and optional ones, compared on source, target and CAMEO root) and event-level
precision, recall and F1.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from eventwire import code_text

ROOT = Path(__file__).resolve().parents[1]
MUTUAL = ("04", "057", "06")  # as in tests/test_coding_cases.py: mutual acts count both ways


def _key(ev: dict) -> tuple:
    return (ev["source"], ev.get("target"), str(ev["cameo"])[:2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", default=str(ROOT / "tests" / "data" / "coding_holdout.yaml"))
    ap.add_argument("--show", action="store_true", help="print the odd cases coded wrongly")
    args = ap.parse_args()
    text = Path(args.file).read_text(encoding="utf-8")
    if args.show and "NEVER READ" in text.split("\n- ", 1)[0]:
        ap.error(f"{args.file} is a never-read set: only its overall figure is printed")
    cases = yaml.safe_load(text)
    # the odd cases (001, 003, ...) may be read to find what is missing (never to write for one
    # sentence); the even ones are never looked at and give the honest figure
    parts = [("all", cases)]
    if Path(args.file).name == "coding_holdout.yaml":  # only the held-out file keeps an unread half
        parts += [("odd cases (may be read)", cases[0::2]), ("even cases (never read)", cases[1::2])]
    for label, part in parts:
        score(label, part, args.show and (label.startswith("odd") or len(parts) == 1))


def score(label: str, cases: list[dict], show: bool) -> None:
    exact = tp = fp = fn = 0
    for case in cases:
        got = {(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in code_text(case["text"])}
        expected = {_key(e) for e in case.get("events") or []}
        optional = {_key(e) for e in case.get("optional") or []}
        optional |= {(t, s, r) for s, t, r in expected | optional
                     if t and any(str(e["cameo"]).startswith(MUTUAL) for e in case.get("events") or [])}
        missing, extra = expected - got, got - expected - optional
        exact += not missing and not extra
        tp += len(expected & got)
        fn += len(missing)
        fp += len(extra)
        if show and (missing or extra):
            print(f"{case['id']}: {case['text']}")
            print(f"   missing {sorted(missing, key=str)}\n   extra   {sorted(extra, key=str)}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{label}: {len(cases)} cases, coded exactly {exact} = {exact / len(cases):.3f}; "
          f"events (source, target, root) precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}")


if __name__ == "__main__":
    main()
