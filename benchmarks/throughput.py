"""Coding throughput against spaCy parse-only on the same texts, measured in one run.

Usage: python benchmarks/throughput.py [--corpus ../shared/datasets/india_police_events.jsonl]
       [--repeat 1] [--limit N] [--rounds 2]
Prints tokens/s of nlp.pipe alone, tokens/s of the full coding path, their ratio, articles/s,
peak RSS, the time places and dates add to coding, and the speed-up of 2 processes over 1
(targets: ratio >= 0.8, RSS <= 800 MB, places and dates <= 10%, speed-up >= 1.6).
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from eventwire.coding.pipeline import CoderOptions, _segments, code_articles, get_coder
from eventwire.coding.setting import place_resolver
from eventwire.ingest.clean import clean_text
from eventwire.model import Article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "datasets" / "india_police_events.jsonl"))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--skip-processes", action="store_true")
    ap.add_argument("--rounds", type=int, default=2, help="alternating parse-only / coding rounds; "
                    "each side keeps its fastest")
    args = ap.parse_args()
    recs = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()][: args.limit]
    texts = [clean_text(r["text"]) for r in recs] * args.repeat
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    coder = get_coder()
    nlp = coder.nlp
    # parse-only runs on exactly the segments the coder parses (paragraphs, captions, titles)
    segments = [seg[1] for art in arts for seg in _segments(art)]
    list(nlp.pipe(segments[:50]))  # warm up
    place_resolver()  # the gazetteer loads once per process, outside the timed runs
    # parse-only and coding alternate for `--rounds` rounds and each keeps its fastest round: a
    # 2-core machine's speed drifts by several per cent between runs, and a ratio of two single
    # runs taken a minute apart measures that drift as much as the coder
    parse_runs, code_runs = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_tok = sum(len(d) for d in nlp.pipe(segments, batch_size=64))
        parse_runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_ev = sum(len(ev) for _, ev in code_articles(arts, CoderOptions()))
        code_runs.append(time.perf_counter() - t0)
    parse_s, code_s = min(parse_runs), min(code_runs)
    t0 = time.perf_counter()
    sum(len(ev) for _, ev in code_articles(arts, CoderOptions(places=False)))
    bare_s = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(texts)}, tokens {n_tok}, events {n_ev}")
    print(f"parse only   {n_tok / parse_s:10.0f} tokens/s")
    print(f"full coding  {n_tok / code_s:10.0f} tokens/s   {len(texts) / code_s:.1f} articles/s")
    print(f"ratio (coding / parse-only throughput) {parse_s / code_s:.3f}  (target >= 0.8; fastest of "
          f"{args.rounds} alternating rounds each; single rounds: "
          f"{', '.join(f'{p / c:.3f}' for p, c in zip(parse_runs, code_runs))})")
    print(f"places and dates add {100 * (code_s - bare_s) / bare_s:.1f}% to coding time "
          f"({bare_s:.1f} s without, {code_s:.1f} s with; target <= 10%)")
    print(f"peak RSS {rss:.0f} MB  (target <= 800)")
    if not args.skip_processes:
        t0 = time.perf_counter()
        sum(len(ev) for _, ev in code_articles(arts, CoderOptions(processes=2)))
        two_s = time.perf_counter() - t0
        print(f"2 processes {len(texts) / two_s:.1f} articles/s, speed-up {code_s / two_s:.2f}x  (target >= 1.6)")


if __name__ == "__main__":
    main()
