"""PETRARCH's behaviour suite with its own test dictionaries: are source and target right?

Usage: python benchmarks/petrarch_unittest.py [--datasets ../shared/datasets] [--verbs add|replace|none]
Codes every record of petrarch_unittest.jsonl with raw/PETR.Validate.actors.txt and
raw/PETR.Validate.agents.txt in place of the built-in actors and raw/PETR.Validate.verbs.txt
added to the bundled lexicon (`--verbs`), and prints per category the share
of expected (non-optional) events for which eventwire produced an event with the same source
and target codes (PETRARCH's "---" for an unknown country is read as EVENT_FORMAT's empty one). The event codes there come from PETRARCH's own verb dictionary and are not
the measure.
"""
from __future__ import annotations

import argparse
import warnings
import json
from collections import defaultdict
from pathlib import Path

from eventwire.coding.pipeline import CoderOptions, code_records


def _norm(code: str | None) -> str | None:
    """PETRARCH writes an unknown country as "---" ("---GOV"); EVENT_FORMAT leaves it out ("GOV")."""
    if code is None or code == "---":
        return None
    return code[3:] if code.startswith("---") else code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", default=str(Path(__file__).resolve().parents[2] / "shared" / "datasets"))
    ap.add_argument("--show", action="store_true", help="print the misses")
    ap.add_argument("--verbs", choices=("add", "replace", "none"), default="add",
                    help="raw/PETR.Validate.verbs.txt added to the bundled lexicon (default), in its "
                         "place, or not read")
    args = ap.parse_args()
    # the test dictionary's WEIS codes are reported once as skipped; the benchmark needs no list
    warnings.simplefilter("ignore")
    root = Path(args.datasets)
    records = [json.loads(line) for line in open(root / "petrarch_unittest.jsonl", encoding="utf-8")]
    options = CoderOptions(actors=(str(root / "raw" / "PETR.Validate.actors.txt"),),
                           agents=(str(root / "raw" / "PETR.Validate.agents.txt"),),
                           replace_actors=True,
                           verbs=() if args.verbs == "none" else (str(root / "raw" / "PETR.Validate.verbs.txt"),),
                           replace_verbs=args.verbs == "replace")
    coded = defaultdict(set)
    for ev in code_records(records, options):
        coded[ev.article_id].add((_norm(ev.source.code), _norm(ev.target.code) if ev.target else None))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rec in records:
        cat = (rec.get("petrarch") or {}).get("category", "?")
        for ev in rec.get("events") or []:
            if ev.get("optional"):
                continue
            key = (_norm((ev["source"] or {}).get("code")),
                   _norm((ev["target"] or {}).get("code")) if ev["target"] else None)
            hit = key in coded[rec["id"]]
            totals[cat][0] += hit
            totals[cat][1] += 1
            if args.show and not hit:
                print(f"miss {rec['id']}: want {key}, got {sorted(coded[rec['id']], key=str)} | {rec['text'][:100]}")
    print(f"{'category':<12} {'right':>6} {'events':>7} {'share':>7}")
    for cat in sorted(totals):
        right, n = totals[cat]
        print(f"{cat:<12} {right:>6} {n:>7} {right / n:>7.3f}")
    focus = [c for c in ("ACTOR", "AGENT", "COMPOUND", "SYNSET", "DATE") if c in totals]
    right = sum(totals[c][0] for c in focus)
    n = sum(totals[c][1] for c in focus)
    print(f"{'/'.join(focus)}: {right}/{n} = {right / n:.3f} (target 0.85)")


if __name__ == "__main__":
    main()
