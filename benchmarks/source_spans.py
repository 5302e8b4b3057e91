"""Does the coded source actor cover the annotated doer? conflibert_train.jsonl labels.source_spans.

Usage: python benchmarks/source_spans.py [--datasets ../shared/datasets] [--show N]
For every sentence with annotated source spans, each span counts as right when its text (case
folded, leading article dropped) lies inside the text of one of the source actors eventwire
coded for that sentence (issue target: >= 0.80). Printed with it: the share of spans whose
sentence got any event at all, so recall and actor choice can be told apart.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from eventwire.coding.pipeline import CoderOptions, code_records

_ART = re.compile(r"^(a|an|the)\s+", re.I)


def norm(text: str) -> str:
    return " ".join(_ART.sub("", text.strip()).casefold().replace("’", "'").split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", default=str(Path(__file__).resolve().parents[2] / "shared" / "datasets"))
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    args = ap.parse_args()
    recs = [json.loads(line) for line in open(Path(args.datasets) / "conflibert_train.jsonl", encoding="utf-8")]
    recs = [r for r in recs if (r.get("labels") or {}).get("source_spans")]
    sources: dict[str, list[str]] = defaultdict(list)
    for ev in code_records(recs, CoderOptions()):
        sources[ev.article_id].append(norm(ev.source.text or ""))
    total = right = with_events = shown = 0
    for r in recs:
        coded = [t for t in sources.get(r["id"], []) if t]
        for span in r["labels"]["source_spans"]:
            total += 1
            with_events += bool(sources.get(r["id"]))
            hit = any(norm(span) in t for t in coded)
            right += hit
            if not hit and shown < args.show:
                shown += 1
                print(f"miss: {span!r} not in {coded} | {r['text'][:100]}")
    print(f"source spans: {total}, inside a coded source actor's text: {right} = {right / total:.3f} "
          f"(target 0.80); spans in sentences with any event: {with_events / total:.3f}")


if __name__ == "__main__":
    main()
