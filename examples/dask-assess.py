#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Score a CSV of runners on a Dask cluster, one rulebase per worker.

    python3 examples/dask-assess.py runners.csv [scheduler-address]

Each column is an input name (series by day: daily_sleep_h[0], ...).
Without an address, a LocalCluster of 2 worker processes is started; with
one (tcp://host:8786), the workers there must have libheavylegs and the
heavylegs package installed.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "python"))

import dask.dataframe as dd  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

import heavylegs  # noqa: E402


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if len(argv) > 2:
        client = Client(argv[2])
    else:
        env = {k: os.environ[k] for k in ("HL_LIBRARY",) if k in os.environ}
        env["PYTHONPATH"] = sys.path[0]
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1,
                                     env=env))
    with client:
        ddf = dd.read_csv(argv[1], blocksize="16MB")
        out = ddf.map_partitions(heavylegs.assess_frame,
                                 meta=heavylegs.frame_meta()).compute()
    print(out[["triage_name", "cause_1", "score_1", "error_field"]])
    print("refused: %d of %d" % (out["error"].notna().sum(), len(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
