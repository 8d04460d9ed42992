# SPDX-License-Identifier: MIT
"""assess_frame with pandas, and on a Dask LocalCluster of 2 processes."""
import math
import os
import sys
import unittest

from common import ROOT, heavylegs as hl, runner

try:
    import pandas as pd
except ImportError:
    pd = None
try:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster
except ImportError:
    dd = None

if pd is None:
    print("test_frame: pandas is missing (Debian: python3-pandas): "
          "assess_frame not tested", file=sys.stderr)
if dd is None:
    print("test_frame: dask is missing (Debian: python3-dask "
          "python3-distributed): the Dask test is skipped", file=sys.stderr)


def frame(n):
    rows = [runner(k) for k in range(n)]
    df = pd.DataFrame(rows)
    return rows, df


@unittest.skipIf(pd is None, "pandas is not installed (python3-pandas)")
class Frame(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rb = hl.Rulebase.default()
        cls.rows, cls.df = frame(120)

    def test_equals_one_by_one(self):
        out = hl.assess_frame(self.df, self.rb)
        self.assertEqual(list(out.columns), hl.frame_meta().columns.tolist())
        self.assertEqual(len(out), len(self.df))
        for i, row in enumerate(self.rows):
            clean = {k: v for k, v in row.items() if v is not None}
            r = self.rb.assess(clean)
            got = out.iloc[i]
            self.assertIsNone(got["error"], got["error"])
            self.assertEqual(got["triage"], r.triage)
            self.assertEqual(got["triage_high"], r.triage_high)
            self.assertEqual(got["screen_complete"], r.screen_complete)
            self.assertEqual(got["confidence"], r.confidence)
            causes = [f for f in r.findings if f.kind == "cause"][:3]
            for k, f in enumerate(causes, 1):
                self.assertEqual(got["cause_%d" % k], f.id)
                self.assertEqual(got["score_%d" % k], f.score)
                self.assertEqual(got["score_low_%d" % k], f.score_low)
                self.assertEqual(got["score_high_%d" % k], f.score_high)

    def test_bad_rows(self):
        df = pd.DataFrame({
            "age_years": [34, 200, float("inf"), None, 40],
            "sex": ["female", "male", None, "x", "male"],
            "daily_sleep_h": [[7, 7], [8], None, [7, 25], 7],
        })
        out = hl.assess_frame(df)
        self.assertEqual(out["error_field"].tolist(),
                         [None, "age_years", "age_years", "sex",
                          "daily_sleep_h"])
        self.assertEqual(out["triage"].isna().tolist(),
                         [False, True, True, True, True])
        self.assertTrue(all(isinstance(e, str) for e in out["error"][1:]))
        df = pd.DataFrame({"age_years": [34], "daily_sleep_h[3]": [25]})
        self.assertEqual(hl.assess_frame(df)["error_field"][0],
                         "daily_sleep_h[3]")

    def test_unknown_columns(self):
        df = pd.DataFrame({"age_yeras": [34], "runner": ["a"]})
        with self.assertRaises(hl.Error) as cm:
            hl.assess_frame(df)
        self.assertIn("age_years", str(cm.exception))
        df = pd.DataFrame({"age_years": [34], "runner": ["a"]})
        self.assertEqual(len(hl.assess_frame(df, ignore_unknown=True)), 1)
        with self.assertRaises(hl.Error):
            hl.assess_frame(42)

    def test_empty_and_index(self):
        self.assertEqual(len(hl.assess_frame(pd.DataFrame())), 0)
        df = self.df.iloc[:5].set_axis(list("abcde"))
        self.assertEqual(list(hl.assess_frame(df).index), list("abcde"))


@unittest.skipIf(pd is None or dd is None,
                 "dask or distributed is not installed "
                 "(python3-dask python3-distributed)")
class Dask(unittest.TestCase):
    def test_local_cluster_equals_single_process(self):
        _, df = frame(200)
        want = hl.assess_frame(df)
        env = {"HL_LIBRARY": os.environ["HL_LIBRARY"],
               "PYTHONPATH": os.path.join(ROOT, "python")}
        with LocalCluster(n_workers=2, threads_per_worker=1,
                          processes=True, dashboard_address=None,
                          env=env) as cluster, Client(cluster) as client:
            ddf = dd.from_pandas(df, npartitions=4)
            got = ddf.map_partitions(hl.assess_frame,
                                     meta=hl.frame_meta()).compute()
            pids = client.run(os.getpid)
            loaded = client.run(lambda: sorted(
                __import__("heavylegs")._core._default_rb))
        self.assertEqual(len(pids), 2)
        # one rulebase loaded in each worker, by that worker
        self.assertEqual(sorted(loaded.values()),
                         sorted([p] for p in pids.values()))
        pd.testing.assert_frame_equal(got, want)


if __name__ == "__main__":
    unittest.main()
