"""Accuracy on the shared evaluation sets, one table.

Usage: python benchmarks/accuracy.py [--datasets ../shared/datasets] [--limit N]
Codes each set's texts with the pipeline and scores them with eventwire.evaluate exactly as
`eventwire eval` does.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventwire.coding.pipeline import CoderOptions, code_records
from eventwire.evaluate import load_jsonl, score

SETS = ("seed_gold.jsonl", "petrarch2_gsr.jsonl", "conflibert_train.jsonl", "india_police_events.jsonl")
# petrarch2_gsr's gold follows PETRARCH's conventions (bare states without a sector, no plain
# statements); it is scored a second time with the options that produce them
CONVENTIONS = {"petrarch2_gsr.jsonl": ("--bare-countries --no-plain-statements",
                                       {"bare_countries": True, "keep_statements": False})}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", default=str(Path(__file__).resolve().parents[2] / "shared" / "datasets"))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    rows = []
    runs = []
    for name in SETS:
        runs.append((name, name, {}))
        if name in CONVENTIONS:
            flags, options = CONVENTIONS[name]
            runs.append((name, f"{name} {flags}", options))
    for name, label, options in runs:
        path = Path(args.datasets) / name
        if not path.exists():
            print(f"{name}: not found under {args.datasets}, skipped")
            continue
        gold = load_jsonl(path)[: args.limit]
        t0 = time.perf_counter()
        coded = [e.to_dict() for e in code_records(gold, CoderOptions(**options))]
        secs = time.perf_counter() - t0
        rep = score(gold, coded)
        d = rep.to_dict()
        lv = d["levels"]
        cells = {"set": label, "records": len(gold), "coded": len(coded), "s": f"{secs:.1f}"}
        if rep.event_articles if hasattr(rep, "event_articles") else True:
            for level in ("root", "dyad", "dyad_sector", "code"):
                cells[f"{level} F1"] = f"{lv[level]['f1']:.3f}"
            cells["dyad P/R"] = f"{lv['dyad']['precision']:.2f}/{lv['dyad']['recall']:.2f}"
            cells["loc acc"] = f"{lv['location'].get('accuracy', 0):.2f}"
        if d.get("penta"):
            cells["penta acc"] = f"{d['penta']['accuracy']:.3f}"
            cells["penta mF1"] = f"{d['penta']['macro_f1']:.3f}"
        for label, plover in (("kill", "ASSAULT"), ("arrest", "COERCE")):
            if label in d.get("labels", {}):
                cells[f"{plover} recall on {label}"] = f"{d['labels'][label]['recall']:.3f}"
                cells[f"{plover} FPR"] = f"{d['labels'][label]['false_positive_rate']:.3f}"
        rows.append(cells)
        print(" | ".join(f"{k}: {v}" for k, v in cells.items()), flush=True)


if __name__ == "__main__":
    main()
