#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Python figures for `make bench`: runners/s one by one and in batches.

    python3 tests/python/bench.py [build/bench/c.txt]

Prints `name: value` lines.  With the C figures file (written by bench-c),
also the ratios to its assessments_per_s_1thread.  The runners are
generated here (about half of the inputs known), not the C benchmark's.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import heavylegs as hl, runner  # noqa: E402


def rate(fn, n, min_s=1.0):
    """Runners per second of fn() (which scores n), best of a few runs."""
    best = 0.0
    t_end = time.perf_counter() + min_s
    while True:
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best = max(best, n / dt)
        if time.perf_counter() > t_end:
            return best


def main(argv):
    rb = hl.Rulebase.default()
    base = [runner(k) for k in range(200)]
    rows = (base * 25)[:5000]
    print("python: %s %s" % (sys.executable, sys.version.split()[0]))
    print("runners: %d (200 distinct)" % len(rows))

    def one_by_one():
        for row in rows:
            r = rb.assess(row)
            r.triage
    one = rate(one_by_one, len(rows))

    def batch():
        rb.assess_many(rows)
    many = rate(batch, len(rows))

    # the library's batch call alone, structs already filled: C speed
    buf = bytearray(hl._core._template * len(rows))
    view = memoryview(buf).cast("d")
    for i, row in enumerate(rows):
        hl._core._fill(view, i * hl._core._nslots, row)
    call = rate(lambda: rb._run_batch(buf, len(rows)), len(rows))

    print("python_one_by_one_per_s: %.0f" % one)
    print("python_batch_per_s: %.0f" % many)
    print("c_batch_call_per_s: %.0f" % call)
    try:
        import pandas as pd
        df = pd.DataFrame(rows)
        frame = rate(lambda: hl.assess_frame(df), len(rows))
        print("python_frame_per_s: %.0f" % frame)
    except ImportError:
        frame = None
        print("python_frame_per_s: pandas missing")
    c = None
    if len(argv) > 1 and os.path.exists(argv[1]):
        with open(argv[1]) as f:
            for line in f:
                k, _, v = line.partition(":")
                if k.strip() == "assessments_per_s_1thread":
                    c = float(v)
    if c:
        print("ratio_python_batch_vs_c: %.2f" % (many / c))
        print("ratio_python_one_by_one_vs_c: %.2f" % (one / c))
        if frame:
            print("ratio_python_frame_vs_c: %.2f" % (frame / c))
    else:
        print("c figures: %s not found (run make bench-c); ratios to the "
              "batch call instead" % (argv[1] if len(argv) > 1 else "-"))
    print("ratio_python_batch_vs_c_batch_call: %.2f" % (many / call))
    print("ratio_python_one_by_one_vs_c_batch_call: %.2f" % (one / call))
    if frame:
        print("ratio_python_frame_vs_c_batch_call: %.2f" % (frame / call))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
