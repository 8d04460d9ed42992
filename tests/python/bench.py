#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Python figures for `make bench`: runners/s one by one and in batches.

    python3 tests/python/bench.py [build/bench/c.txt] [-n runners]

The runners are the C benchmark's (tests/python/cbench.py makes runner k of
tests/bench/bench.c byte for byte): runners 0..n-1 (5000 by default).  The
baseline is c_batch_call_per_s: hl_assess_batch itself on those runners'
structs, already filled, timed in this process.  Each Python path is then a
ratio to it:

    assess_many   rb.assess_many(dicts): one dict per runner with its known
                  inputs (yes/no as bool, enums by name, series as lists of
                  28 days with None for an unknown day)
    assess_frame  heavylegs.assess_frame(df): the same runners as a
                  DataFrame (one column per input, series columns of lists)
    assess_frame_days  the same, each series day its own float column
                  ("daily_sleep_h[3]"), as a wide CSV or Parquet table has it
    one_by_one    rb.assess(dict) for each runner

Rates are in this process's CPU time (best of a few runs), so a busy
machine slows them less than wall-clock figures.  With the C figures file
(written by bench-c), its own batch figure is printed beside ours.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import heavylegs as hl  # noqa: E402
import cbench  # noqa: E402


def rate(fn, n, min_s=1.0):
    """Runners per second of fn() (which scores n), best of a few runs,
    in this process's CPU time (the machine may be busy; one thread)."""
    best = 0.0
    t_end = time.process_time() + min_s
    while True:
        t0 = time.process_time()
        fn()
        dt = max(time.process_time() - t0, 1e-9)
        best = max(best, n / dt)
        if time.process_time() > t_end:
            return best


def day_columns(rows):
    """The rows as columns, each series day its own column ("name[i]")
    of floats: how a wide table (CSV, Parquet) holds them."""
    cols = {}
    n = len(rows)
    for i, r in enumerate(rows):
        for k, v in r.items():
            if isinstance(v, list):
                for d, x in enumerate(v):
                    if x is not None:
                        cols.setdefault("%s[%d]" % (k, d),
                                        [None] * n)[i] = x
            else:
                cols.setdefault(k, [None] * n)[i] = v
    return cols


def c_figures(path):
    out = {}
    if path and os.path.exists(path):
        with open(path) as f:
            for line in f:
                k, _, v = line.partition(":")
                try:
                    out[k.strip()] = float(v)
                except ValueError:
                    pass
    return out


def main(argv):
    n = 5000
    args = argv[1:]
    if len(args) >= 2 and args[-2] == "-n":
        n = int(args[-1])
        args = args[:-2]
    cpath = args[0] if args else None
    rb = hl.Rulebase.default()
    structs = [cbench.make_runner(k) for k in range(n)]
    rows = [cbench.as_dict(s) for s in structs]
    nvals = sum(len(v) if isinstance(v, list) else 1
                for r in rows for v in r.values())
    print("python: %s %s" % (sys.executable, sys.version.split()[0]))
    print("runners: %d (runners 0..%d of the C benchmark, seed %d)"
          % (n, n - 1, cbench.SEED))
    print("keys_per_runner: %.1f" % (sum(map(len, rows)) / n))
    print("values_per_runner: %.1f" % (nvals / n))

    # the library's batch call alone, structs already filled: C speed
    buf = bytearray(b"".join(bytes(s) for s in structs))
    call = rate(lambda: rb._run_batch(buf, n), n)

    # batch == the C structs: the dicts say the same as the structs
    got = rb.assess_many(rows)
    want = rb._summaries(buf, n) if hasattr(rb, "_summaries") else None
    if want is not None:
        assert [s.to_dict() for s in got] == [s.to_dict() for s in want]
    assert all(s.error is None for s in got)

    many = rate(lambda: rb.assess_many(rows), n)

    def one_by_one():
        for row in rows:
            rb.assess(row).triage
    one = rate(one_by_one, n)
    try:
        import pandas as pd
        df = pd.DataFrame(rows)
        frame = rate(lambda: hl.assess_frame(df, rb), n)
        days = pd.DataFrame(day_columns(rows))
        frame_days = rate(lambda: hl.assess_frame(days, rb), n)
    except ImportError:
        frame = frame_days = None

    print("# C: hl_assess_batch on the same runners' structs (the baseline)")
    print("c_batch_call_per_s: %.0f" % call)
    print("c_batch_call_us_per_runner: %.2f" % (1e6 / call))
    print("# Python: rb.assess_many(list of dicts)")
    print("python_assess_many_per_s: %.0f" % many)
    print("python_assess_many_us_per_runner: %.2f" % (1e6 / many))
    print("ratio_python_assess_many_vs_c_batch_call: %.2f" % (many / call))
    print("# the same two, under the names earlier rounds printed")
    print("python_batch_per_s: %.0f" % many)
    print("ratio_python_batch_vs_c_batch_call: %.2f" % (many / call))
    print("# Python: heavylegs.assess_frame(DataFrame)")
    if frame:
        print("python_assess_frame_per_s: %.0f" % frame)
        print("python_assess_frame_us_per_runner: %.2f" % (1e6 / frame))
        print("ratio_python_assess_frame_vs_c_batch_call: %.2f"
              % (frame / call))
        print("# Python: heavylegs.assess_frame(DataFrame), each series day "
              "its own float column (name[i], NaN unknown)")
        print("python_assess_frame_days_per_s: %.0f" % frame_days)
        print("python_assess_frame_days_us_per_runner: %.2f"
              % (1e6 / frame_days))
        print("ratio_python_assess_frame_days_vs_c_batch_call: %.2f"
              % (frame_days / call))
    else:
        print("python_assess_frame_per_s: pandas missing")
    print("# Python: rb.assess(dict) one runner at a time")
    print("python_one_by_one_per_s: %.0f" % one)
    print("ratio_python_one_by_one_vs_c_batch_call: %.2f" % (one / call))
    c = c_figures(cpath)
    if c.get("batch_assessments_per_s"):
        print("# bench-c's own batch figure (%d runners, wall clock): %.0f/s"
              % (c.get("runners", 0), c["batch_assessments_per_s"]))
    elif cpath:
        print("# bench-c figures: %s not found or without a batch figure"
              % cpath)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
