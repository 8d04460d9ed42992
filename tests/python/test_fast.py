# SPDX-License-Identifier: MIT
"""The batch fast paths (heavylegs._columns, numpy): whatever the rows
hold, assess_many() and assess_frame() give what Rulebase.assess() gives
one runner at a time, the same error (message and field) included."""
import math
import sys
import unittest

from common import heavylegs as hl, runner
import cbench

try:
    import numpy  # noqa: F401
except ImportError:
    numpy = None
try:
    import pandas as pd
except ImportError:
    pd = None

if numpy is None:
    print("test_fast: numpy is missing (Debian: python3-numpy): only the "
          "row-by-row batch path is tested", file=sys.stderr)

NAN = float("nan")


def one(rb, row, nan_is_unknown=False):
    """What one runner gives: its summary fields, or (message, field)."""
    if nan_is_unknown:
        row = {k: _unknown(v) for k, v in row.items()}
    try:
        r = rb.assess(row)
    except hl.Error as e:
        return ("error", str(e), e.field)
    causes = [(f.id, f.score, f.score_low, f.score_high)
              for f in r.findings if f.kind == "cause"][:3]
    return (r.triage, r.triage_name, r.triage_high, r.screen_complete,
            r.suppress_training_advice, r.confidence, causes)


def _unknown(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, list):
        return [None if isinstance(x, float) and math.isnan(x) else x
                for x in v]
    return v


def of_summary(s):
    if s.error is not None:
        return ("error", str(s.error), s.error.field)
    return (s.triage, s.triage_name, s.triage_high, s.screen_complete,
            s.suppress_training_advice, s.confidence, s.causes)


def of_frame_row(got):
    if got["error"] is not None:
        return ("error", got["error"], got["error_field"])
    causes = []
    for k in range(1, 4):
        if got["cause_%d" % k] is None:
            break
        causes.append((got["cause_%d" % k], got["score_%d" % k],
                       got["score_low_%d" % k], got["score_high_%d" % k]))
    conf = got["confidence"]
    return (int(got["triage"]), got["triage_name"], int(got["triage_high"]),
            got["screen_complete"], got["suppress_training_advice"],
            None if conf != conf else conf, causes)


class Refilled(object):
    """Records which rows the fast path hands to the one-runner code."""

    def __enter__(self):
        from heavylegs import _columns
        self.mod, self.orig, self.rows = _columns, _columns.refill, []

        def refill(buf, rows, which, nan_ok):
            self.rows.extend(which)
            return self.orig(buf, rows, which, nan_ok)
        _columns.refill = refill
        return self

    def __exit__(self, *exc):
        self.mod.refill = self.orig


class _Inputs(dict):
    """A mapping that is not a plain dict (goes one by one)."""


def awkward_rows():
    """Rows a fast path could get wrong, between good ones."""
    good = [cbench.as_dict(cbench.make_runner(k)) for k in range(6)]
    big = dict(good[0])
    bad = [
        {"age_years": 34, "sex": "female", "thirsty": "yes"},
        {"age_years": 34, "sex": 1, "thirsty": 1},          # codes
        {"age_years": True},                                 # bool number
        {"sex": True},                                       # bool enum
        {"sex": "femal"},                                    # bad name
        {"thirsty": "maybe"},
        {"age_years": NAN},                                  # NaN: refused
        {"age_years": float("inf")},
        {"age_years": 10 ** 400},
        {"age_years": 2 ** 60},
        {"age_years": None, "sex": None, "thirsty": None},   # unknown
        {"age_yeras": 34},                                   # not an input
        {5: 34},
        {"daily_sleep_h": [7, None, 8, None]},
        {"daily_sleep_h": (7.5, 8)},
        {"daily_sleep_h": [7] * 29},                         # too long
        {"daily_sleep_h": [7, True]},
        {"daily_sleep_h": [7, "8"]},
        {"daily_sleep_h": [7, NAN]},
        {"daily_sleep_h": [7, float("-inf")]},
        {"daily_sleep_h": 7},
        {"daily_sleep_h": "7"},
        {"daily_sleep_h": None},
        {"daily_sleep_h[3]": 6, "daily_sleep_h": [7, 7]},    # order decides
        {"daily_sleep_h": [7, 7], "daily_sleep_h[3]": 6},
        {"daily_sleep_h[27]": 6.5},
        {"daily_sleep_h[28]": 6.5},
        {"age_years": 200},                                  # library: range
        {"dew_point_c": 30, "air_temp_c": 20},               # cross-field
        {"heaviness_days": 2.5},                             # count
        {},
        42,
        "age_years",
        _Inputs(age_years=34, thirsty=True),
        hl.Inputs(age_years=41, sex="male"),
        big,
    ]
    rows = []
    for k, b in enumerate(bad):
        rows.append(good[k % len(good)])
        rows.append(b)
    return rows


class Rows(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rb = hl.Rulebase.default()

    def check(self, rows):
        got = self.rb.assess_many(rows)
        self.assertEqual(len(got), len(rows))
        for i, (row, s) in enumerate(zip(rows, got)):
            self.assertEqual(of_summary(s), one(self.rb, row),
                             "row %d: %r" % (i, row))
        return got

    def test_awkward_rows_equal_one_by_one(self):
        rows = awkward_rows()
        self.assertGreaterEqual(len(rows), hl._core._COLUMNS_MIN)
        got = self.check(rows)
        self.assertTrue(any(s.error is None for s in got))
        self.assertTrue(any(s.error is not None for s in got))

    def test_without_numpy_the_same(self):
        rows = awkward_rows()
        fast = [of_summary(s) for s in self.rb.assess_many(rows)]
        saved = list(hl._core._columns_mod)
        hl._core._columns_mod[:] = [None]
        try:
            slow = [of_summary(s) for s in self.rb.assess_many(rows)]
        finally:
            hl._core._columns_mod[:] = saved
        self.assertEqual(fast, slow)

    def test_mixed_key_sets(self):
        # every row its own keys, in its own order, some rows repeating
        rows = []
        for k in range(60):
            r = runner(k)
            keys = list(r)
            if k % 3 == 1:
                keys.reverse()
            if k % 5 == 2:
                keys = keys[::2]
            rows.append({key: r[key] for key in keys})
        rows += rows[:10]
        self.check(rows)

    def test_series_day_keys(self):
        rows = []
        for k in range(30):
            r = cbench.as_dict(cbench.make_runner(k))
            flat = {}
            for key, v in r.items():
                if isinstance(v, list):
                    for d, x in enumerate(v):
                        if x is not None:
                            flat["%s[%d]" % (key, d)] = x
                else:
                    flat[key] = v
            rows.append(flat)
            rows.append(r)
        got = self.check(rows)
        for a, b in zip(got[::2], got[1::2]):
            self.assertEqual(a, b)

    def test_bad_value_in_the_middle(self):
        rows = [cbench.as_dict(cbench.make_runner(k)) for k in range(40)]
        rows[17] = dict(rows[17], daily_sleep_h=[7, 8, -3])
        rows[23] = dict(rows[23], sex="x")
        if numpy is not None:
            with Refilled() as r:
                self.rb.assess_many(rows)
            # the value out of range is the library's to refuse; the rest fast
            self.assertEqual(r.rows, [23])
        got = self.check(rows)
        self.assertEqual([i for i, s in enumerate(got) if s.error],
                         [17, 23])
        self.assertEqual(got[17].error.field, "daily_sleep_h[2]")
        self.assertEqual(got[23].error.field, "sex")
        self.assertIsInstance(got[23].error, ValueError)

    def test_c_benchmark_runners(self):
        structs = [cbench.make_runner(k) for k in range(50)]
        rows = [cbench.as_dict(s) for s in structs]
        by_struct = self.rb.assess_many(structs)
        self.assertEqual(self.rb.assess_many(rows), by_struct)
        self.assertTrue(all(s.error is None for s in by_struct))

    def test_tables_reused_across_calls(self):
        if numpy is None:
            self.skipTest("numpy is not installed")
        from heavylegs import _columns
        rows = awkward_rows()
        a = self.rb.assess_many(rows)
        t = _columns.tables()
        b = self.rb.assess_many(list(reversed(rows)))
        self.assertIs(_columns.tables(), t)
        self.assertEqual([of_summary(s) for s in a],
                         [of_summary(s) for s in reversed(b)])
        # a reused buffer starts from hl_inputs_init again each call
        small = [{"age_years": 30}] * 20
        c = self.rb.assess_many(rows[:40])
        d = self.rb.assess_many(small)
        self.assertEqual(d, self.rb.assess_many(small[:1]) * 20)
        self.assertEqual([of_summary(s) for s in c],
                         [of_summary(s) for s in
                          self.rb.assess_many(rows[:40])])


@unittest.skipIf(pd is None, "pandas is not installed (python3-pandas)")
class Frames(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rb = hl.Rulebase.default()

    def check(self, df):
        out = hl.assess_frame(df, self.rb)
        self.assertEqual(len(out), len(df))
        cols = list(df.columns)
        for i in range(len(df)):
            row = {}
            for c in cols:
                v = df[c].iat[i]
                if v is None or (isinstance(v, float) and math.isnan(v)) \
                        or v is pd.NA:
                    continue
                row[c] = v.item() if hasattr(v, "item") else v
            self.assertEqual(of_frame_row(out.iloc[i]),
                             one(self.rb, row, nan_is_unknown=True),
                             "row %d: %r" % (i, row))
        return out

    def test_bad_value_in_the_middle(self):
        rows = [cbench.as_dict(cbench.make_runner(k)) for k in range(40)]
        rows[9] = dict(rows[9], age_years=-4)
        rows[20] = dict(rows[20], daily_distance_km=[5, 5, float("inf")])
        rows[31] = dict(rows[31], menstrual_status="often")
        with Refilled() as r:
            hl.assess_frame(pd.DataFrame(rows), self.rb)
        self.assertEqual(r.rows, [20, 31])    # -4: the library refuses it
        out = self.check(pd.DataFrame(rows))
        self.assertEqual(out.index[out["error"].notna()].tolist(),
                         [9, 20, 31])
        self.assertEqual(out["error_field"][[9, 20, 31]].tolist(),
                         ["age_years", "daily_distance_km[2]",
                          "menstrual_status"])

    def test_nan_and_none_are_unknown(self):
        df = pd.DataFrame({
            "age_years": [34.0, NAN, None, 40],
            "sex": ["female", None, NAN, "male"],
            "thirsty": [True, None, NAN, False],
            "heaviness_days": pd.array([3, None, 2, None], dtype="Int64"),
            "daily_sleep_h": [[7, None, NAN, 8], None, NAN, [6.5]],
        })
        before = df.copy()
        with Refilled() as r:
            out = self.check(df)
        self.assertEqual(r.rows, [])
        pd.testing.assert_frame_equal(df, before)    # df is not written
        self.assertTrue(out["error"].isna().all(), out["error"].tolist())

    def test_series_columns_of_both_shapes(self):
        rows = [cbench.as_dict(cbench.make_runner(k)) for k in range(30)]
        lists = pd.DataFrame(rows)
        flat = {}
        for key in lists.columns:
            col = lists[key]
            if any(isinstance(v, list) for v in col):
                for d in range(hl.SERIES_DAYS):
                    flat["%s[%d]" % (key, d)] = [
                        v[d] if isinstance(v, list) and v[d] is not None
                        else NAN for v in col]
            else:
                flat[key] = col
        days = pd.DataFrame(flat)
        with Refilled() as r:
            a = self.check(lists)
            b = self.check(days)
        self.assertEqual(r.rows, [])
        pd.testing.assert_frame_equal(a, b)
        self.assertTrue(a["error"].isna().all())

    def test_bad_types_in_columns(self):
        df = pd.DataFrame({
            "age_years": [34, 35, 36, 37],
            "heaviness_days": [1.5, 2, 3, 4],
            "performance_decline": ["yes", "no", "perhaps", True],
            "body_mass_kg": [True, False, True, False],
            "daily_sleep_h": [[7, 8], [7] * 30, "7", [7, "x"]],
        })
        self.check(df)
        df = pd.DataFrame({"age_years": [30, 31],
                           "daily_sleep_h[0]": [7, 8],
                           "daily_sleep_h": [[6], [6, 6]]})
        self.check(df)


if __name__ == "__main__":
    unittest.main()
