# SPDX-License-Identifier: MIT
"""The heavylegs package against the library: layout, errors, results,
batch, threads, memory."""
import ctypes
import json
import math
import os
import subprocess
import sys
import threading
import unittest

from common import ROOT, heavylegs as hl, runner

print("heavylegs tests: %s %s, library %s" % (
    sys.executable, sys.version.split()[0], hl.library_path()),
    file=sys.stderr)


def summary_of(report):
    """What a batch summary holds, from a full report."""
    causes = [(f.id, f.score, f.score_low, f.score_high)
              for f in report.findings if f.kind == "cause"][:3]
    return (report.triage, report.triage_high, report.screen_complete,
            report.suppress_training_advice, report.confidence, causes)


class Layout(unittest.TestCase):
    def test_struct_matches_library(self):
        n = hl._core._lib.hl_input_count()
        self.assertEqual(len(hl.inputs_vocabulary()), n)
        for info in hl.inputs_vocabulary():
            field = getattr(hl.Inputs, info.name)
            self.assertEqual(field.offset, info.offset, info.name)
            self.assertEqual(field.size, 8 * info.length, info.name)
        self.assertEqual(ctypes.sizeof(hl.Inputs), hl.INPUTS_SIZE_V1_1)
        self.assertEqual(hl.Inputs.daily_distance_km.offset, 32)

    def test_summary_matches_header(self):
        S = hl._core._CSummary
        self.assertEqual(ctypes.sizeof(S), hl.SUMMARY_SIZE_V1_1)
        self.assertEqual(S.confidence.offset, 24)
        self.assertEqual(S.top_cause.offset, 40)
        self.assertEqual(S.top_score.offset, 56)
        self.assertEqual(S.field.offset, 128)

    def test_help_reads_well(self):
        self.assertIn("Rulebase.assess_many", hl.__doc__)
        for obj in (hl.Rulebase.assess, hl.Rulebase.assess_many,
                    hl.assess_frame, hl.Report, hl.Finding, hl.Error):
            self.assertTrue(obj.__doc__ and len(obj.__doc__) > 40, obj)

    def test_library_search_order(self):
        # an explicit HL_LIBRARY that does not exist is what is tried
        code = ("import heavylegs, sys; "
                "print(heavylegs.library_path())")
        env = dict(os.environ, HL_LIBRARY="/nonexistent/libheavylegs.so.1",
                   PYTHONPATH=os.path.join(ROOT, "python"))
        out = subprocess.run([sys.executable, "-c", code], env=env,
                             capture_output=True, text=True)
        self.assertIn("None", out.stdout)
        env.pop("HL_LIBRARY")
        out = subprocess.run([sys.executable, "-c", code], env=env,
                             capture_output=True, text=True)
        self.assertTrue(out.stdout.strip().endswith("libheavylegs.so.1"),
                        out.stdout + out.stderr)


class Errors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rb = hl.Rulebase.default()

    def refused(self, field, *args, **kw):
        with self.assertRaises(hl.Error) as cm:
            self.rb.assess(*args, **kw)
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        if field is not None:
            self.assertEqual(e.field, field, str(e))
            self.assertIn(field if field != "inputs" else "mapping", str(e))
        return e

    def test_values(self):
        self.refused("age_years", age_years=200)
        self.refused("age_years", age_years=float("nan"))
        self.refused("age_years", age_years=float("inf"))
        self.refused("age_years", age_years=float("-inf"))
        self.refused("age_years", age_years=10 ** 400)
        self.refused("age_years", age_years=b"34")
        self.refused("age_years", age_years="old")
        self.refused("age_years", age_years=[34])
        self.refused("age_years", age_years=object())
        self.refused("thirsty", thirsty=0.5)
        self.refused("sex", sex="other")
        self.refused("sex", sex=7)
        self.refused("urine_color", urine_color=2.5)
        self.refused("heaviness_onset", heaviness_onset=True)
        e = self.refused("heaviness_onset", heaviness_onset="suden")
        self.assertIn("sudden", str(e))

    def test_series(self):
        self.refused("daily_sleep_h", daily_sleep_h=7)
        self.refused("daily_sleep_h", daily_sleep_h="7777")
        self.refused("daily_sleep_h", daily_sleep_h=[7] * 29)
        self.refused("daily_sleep_h[3]", daily_sleep_h=[7, 7, 7, 25])
        self.refused("daily_sleep_h[1]", daily_sleep_h=[7, float("nan")])
        self.refused("daily_sleep_h[0]", daily_sleep_h=[b"7"])
        self.refused("daily_sleep_h", daily_sleep_h={1: 2})
        self.refused("daily_sleep_h[7]", {"daily_sleep_h[7]": 30})

    def test_names(self):
        e = self.refused("daily_slep_h", {"daily_slep_h": [7]})
        self.assertIn("daily_sleep_h", str(e))
        self.assertEqual(e.code, hl.EUNSUPPORTED)
        e = self.refused(None, {"age\udcffyears": 3})
        self.assertIn("\\udcff", e.field)
        self.refused(None, {3: 4})
        self.refused(None, {b"age_years": 4})
        self.refused("daily_sleep_h[28]", {"daily_sleep_h[28]": 7})

    def test_not_a_mapping(self):
        for bad in (42, "age_years", [1, 2], 3.5, b"x"):
            self.refused("inputs", bad)

    def test_cross_field(self):
        e = self.refused(None, pre_run_body_mass_kg=70,
                         post_run_body_mass_kg=60)
        self.assertEqual(e.code, hl.EINPUT)
        self.assertIn("body_mass_kg", e.field)

    def test_rulebase_errors(self):
        with self.assertRaises(hl.Error) as cm:
            hl.Rulebase.from_string("heavylegs: 1\nname: [\n", "x.yaml")
        self.assertGreater(cm.exception.line, 0)
        self.assertGreater(cm.exception.column, 0)
        self.assertEqual(cm.exception.code, hl.ESYNTAX)
        with self.assertRaises(hl.Error) as cm:
            hl.Rulebase.from_file("/nonexistent.yaml")
        self.assertEqual(cm.exception.code, hl.EIO)
        with self.assertRaises(hl.Error):
            hl.Rulebase.from_string("x", "bad\udcffname")
        rb = hl.Rulebase.default()
        rb.close()
        with self.assertRaises(hl.Error):
            rb.assess(age_years=3)

    def test_pickles(self):
        import pickle
        e = self.refused("age_years", age_years=200)
        e2 = pickle.loads(pickle.dumps(e))
        self.assertEqual((e2.code, e2.field, str(e2)),
                         (e.code, e.field, str(e)))


class Results(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rb = hl.Rulebase.default()
        cls.rows = [runner(k) for k in range(150)]

    def test_report_surface(self):
        r = self.rb.assess({"daily_distance_km": [14, 0, 12]},
                           air_temp_c=31, thirsty=True, heaviness_side="one",
                           calf_swelling_one_side=True)
        self.assertIsInstance(r.triage, int)
        self.assertEqual(r.triage_name, hl.URGENCY_NAMES[r.triage])
        self.assertLessEqual(r.triage, r.triage_high)
        self.assertIsInstance(r.screen_complete, bool)
        self.assertFalse(r.screen_complete)
        self.assertTrue(r.questions)
        self.assertTrue(r.disclaimer)
        kinds = {f.kind for f in r.findings}
        self.assertIn("cause", kinds)
        for f in r.by_kind("cause"):
            self.assertLessEqual(f.score_low, f.score + 1e-12)
            self.assertLessEqual(f.score, f.score_high + 1e-12)
            self.assertTrue(f.title and f.id)
            self.assertIsInstance(f.evidence, list)
        d = r.to_dict()
        self.assertEqual(d, json.loads(r.to_json()))

    def assertSame(self, a, b, what):
        if isinstance(b, float) or isinstance(a, float):
            if a is None or b is None:
                self.assertEqual(a, b, what)
            else:
                self.assertAlmostEqual(a, b, places=9, msg=what)
        else:
            self.assertEqual(a, b, what)

    def test_equals_c_json(self):
        # every value the package shows is the one of the library's JSON
        for k, row in enumerate(self.rows):
            r = self.rb.assess(row)
            d = r.to_dict()
            self.assertEqual(d["triage"]["urgency"], r.triage)
            self.assertEqual(d["triage"]["name"], r.triage_name)
            self.assertEqual(d["triage_high"]["urgency"], r.triage_high)
            self.assertEqual(d["screen_complete"], r.screen_complete)
            self.assertEqual(d["suppress_training_advice"],
                             r.suppress_training_advice)
            self.assertSame(r.confidence, d["confidence"], "confidence")
            self.assertEqual(d["questions"], r.questions)
            self.assertEqual(len(d["warnings"]), len(r.warnings))
            self.assertEqual(len(d["findings"]), len(r.findings))
            for jf, f in zip(d["findings"], r.findings):
                for key in ("kind", "id", "title", "advice", "band",
                            "urgency", "secondary", "score", "score_low",
                            "score_high", "coverage"):
                    if key in jf:
                        self.assertSame(getattr(f, key), jf[key],
                                        "runner %d %s.%s" % (k, f.id, key))
                self.assertEqual(len(jf.get("evidence", [])),
                                 len(f.evidence))

    def test_inputs_object_and_mapping_agree(self):
        for row in self.rows[:30]:
            inp = hl.Inputs(row)
            self.assertEqual(self.rb.assess(inp).to_json(),
                             self.rb.assess(row).to_json())

    def test_batch_equals_one_by_one(self):
        rows = list(self.rows) + [{"age_years": 200}, 42,
                                  {"daily_sleep_h": 7}]
        got = self.rb.assess_many(rows)
        self.assertEqual(len(got), len(rows))
        for row, s in zip(rows, got):
            try:
                r = self.rb.assess(row)
            except hl.Error as e:
                self.assertIsNotNone(s.error)
                self.assertEqual((s.error.code, s.error.field),
                                 (e.code, e.field))
                continue
            self.assertIsNone(s.error, row)
            self.assertEqual((s.triage, s.triage_high, s.screen_complete,
                              s.suppress_training_advice, s.confidence,
                              s.causes), summary_of(r))
            self.assertEqual(s.triage_name, r.triage_name)

    def test_batch_chunks(self):
        old = hl._core._BATCH_CHUNK
        hl._core._BATCH_CHUNK = 7
        try:
            a = self.rb.assess_many(self.rows[:30])
        finally:
            hl._core._BATCH_CHUNK = old
        b = self.rb.assess_many(self.rows[:30])
        self.assertEqual([x.to_dict() for x in a], [x.to_dict() for x in b])
        self.assertEqual(self.rb.assess_many([]), [])

    def test_threads(self):
        want = [self.rb.assess(row).to_json() for row in self.rows[:40]]
        want_b = [s.to_dict() for s in self.rb.assess_many(self.rows[:40])]
        bad = []

        def work(t):
            for _ in range(5):
                for i, row in enumerate(self.rows[:40]):
                    if self.rb.assess(row).to_json() != want[i]:
                        bad.append((t, i))
                if [s.to_dict() for s in self.rb.assess_many(
                        self.rows[:40])] != want_b:
                    bad.append((t, "batch"))
        ts = [threading.Thread(target=work, args=(t,)) for t in range(8)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(bad, [])


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


@unittest.skipUnless(os.path.exists("/proc/self/status"), "needs /proc")
class Memory(unittest.TestCase):
    def test_no_growth(self):
        """RSS stays flat over 1,000,000 assessments through the batch call
        (100 calls of 10,000 runners from Python: the library's per-runner
        path and the package's summary arrays; the structs are filled
        once), and over 20,000 one by one with their reports, findings and
        JSON."""
        rb = hl.Rulebase.default()
        rows = [runner(k) for k in range(50)]
        rows = (rows * 200)[:10000]
        buf = bytearray(hl._core._template * len(rows))
        view = memoryview(buf).cast("d")
        for i, row in enumerate(rows):
            hl._core._fill(view, i * hl._core._nslots, row)
        rb._run_batch(buf, len(rows))
        for row in rows[:2000]:
            rb.assess(row).to_json()
        before = rss_kb()
        total = 0
        for _ in range(100):
            out = rb._run_batch(buf, len(rows))
            total += len(out)
            del out
        after = rss_kb()
        self.assertEqual(total, 1000000)
        print("RSS %d kB -> %d kB over 1,000,000 batch assessments"
              % (before, after), file=sys.stderr)
        self.assertLess(after - before, 1024,
                        "RSS grew %d kB over 1,000,000 assessments"
                        % (after - before))
        for row in rows:
            rb.assess(row).findings
        before = rss_kb()
        for row in rows * 2:
            r = rb.assess(row)
            r.to_json()
            r.findings
        after = rss_kb()
        print("RSS %d kB -> %d kB over 20,000 single assessments"
              % (before, after), file=sys.stderr)
        self.assertLess(after - before, 1024)


if __name__ == "__main__":
    unittest.main()
