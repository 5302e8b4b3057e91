"""Gazetteer load time and memory, and place resolution accuracy, measured in one run.

Usage: python benchmarks/geo.py [--mentions tests/data/place_mentions.yaml]
Prints: cache build time (only when the cache was missing), load time and memory of the
gazetteer in a fresh process (targets <= 1.5 s, <= 300 MB), and exact-place / country accuracy
on the annotated mentions with and without the story's country as context (targets >= 90%, >= 98%).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PROBE = """
import json, resource, time
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
from eventwire.geo import load_gazetteer
g = load_gazetteer()
g.lookup("Kharkiv")
print(json.dumps({"seconds": time.perf_counter() - t, "places": len(g),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "base_mb": base / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", nargs="+", default=[str(ROOT / "tests" / "data" / "place_mentions.yaml"),
                                                      str(ROOT / "tests" / "data" / "place_mentions_holdout.yaml")],
                    help="annotated files; the second default one was written apart and never tuned on")
    args = ap.parse_args()
    from eventwire.geo.build import cache_dir, source_fingerprint

    cache = cache_dir() / f"gazetteer-{source_fingerprint()}.pkl"
    if not cache.is_file():
        t = time.perf_counter()
        from eventwire.geo import load_gazetteer

        load_gazetteer()
        print(f"cache built in {time.perf_counter() - t:.1f} s -> {cache}")
    probe = json.loads(subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                                      check=True).stdout)
    print(f"gazetteer: {probe['places']} places, load {probe['seconds']:.2f} s (target <= 1.5), "
          f"process peak RSS {probe['peak_mb']:.0f} MB of which interpreter start {probe['base_mb']:.0f} MB "
          f"(target <= 300)")
    from eventwire.geo import PlaceResolver
    from eventwire.geo.evaluate import score_file
    from eventwire.nlp import load_nlp

    nlp, resolver = load_nlp(), PlaceResolver()
    for path in args.mentions:
        print(Path(path).name)
        for use_context in (True, False):
            s = score_file(path, nlp, resolver, use_context=use_context)
            label = "  with story country" if use_context else "  sentence only     "
            print(f"{label}: {s.mentions} mentions, found {s.found}, exact {s.exact_rate:.3f} (target >= 0.90), "
                  f"country {s.country_rate:.3f} (target >= 0.98), traps resolved {s.trap_hits}/{s.traps}")


if __name__ == "__main__":
    main()
