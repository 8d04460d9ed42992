# SPDX-License-Identifier: MIT
"""Tests of the Python binding (examples/heavylegs.py) against the library.

Run from the repository root:
    HL_LIBRARY=lib/libheavylegs.so.1 python3 tests/test_python.py
"""

import math
import os
import re
import sys
import tempfile
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("HL_LIBRARY",
                      os.path.join(ROOT, "lib", "libheavylegs.so.1"))
sys.path.insert(0, os.path.join(ROOT, "examples"))

import heavylegs as hl  # noqa: E402

NAN = float("nan")

# heavylegs-domain(7), QUESTIONS: the red-flag screen, asked first, in this order.
SCREEN = [
    "heaviness_side", "calf_swelling_one_side", "leg_warm_red_tender",
    "chest_pain_or_breathlessness", "exertional_palpitations_or_fainting",
    "fever_now", "numbness_tingling", "skin_change",
    "dark_urine_after_run", "heaviness_onset", "heaviness_severity",
    "leg_weakness_or_foot_drop", "saddle_numbness_or_bladder_bowel_change",
]


def raises(fn, code, name=None):
    """Call fn(); it must raise hl.Error with this code (and name)."""
    try:
        fn()
    except hl.Error as e:
        assert e.code == code, "code %d (%s), want %d" % (e.code, e, code)
        if name is not None:
            assert e.name == name, "name %r, want %r" % (e.name, name)
        return e
    raise AssertionError("no Error raised (want code %d)" % code)


def close(a, b, tol=1e-9):
    return a is not None and b is not None and abs(a - b) <= tol * max(
        1.0, abs(b))


def header_offsets():
    """offsetof() of every hl_inputs field, computed from the header text."""
    with open(os.path.join(ROOT, "include", "heavylegs.h")) as f:
        text = f.read()
    body = re.search(r"typedef struct hl_inputs \{(.*?)\} hl_inputs;", text,
                     re.S).group(1)
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    offsets, at = {}, 8
    for m in re.finditer(r"double\s+(\w+)\s*(\[HL_SERIES_DAYS\])?\s*;", body):
        offsets[m.group(1)] = (at, 28 if m.group(2) else 1)
        at += 8 * (28 if m.group(2) else 1)
    return offsets, at


def steady(km=10.0, days=28):
    return [km] * days


# --- the tests -------------------------------------------------------------

def test_version():
    v = hl.version()
    assert re.match(r"^\d+\.\d+\.\d+", v), v
    n = hl.version_number()
    major, minor, patch = (int(x) for x in re.match(
        r"^(\d+)\.(\d+)\.(\d+)", v).groups())
    assert n == major * 10000 + minor * 100 + patch, (v, n)
    assert major == 1
    assert hl.strerror(hl.EINPUT)
    assert hl.strerror(hl.EINPUT) != hl.strerror(hl.ESCHEMA)


def test_inputs_layout():
    offsets, size = header_offsets()
    assert size == hl.INPUTS_SIZE_V1_1 == 1928, size
    assert hl.INPUTS_SIZE_V1 == 1864
    assert hl.ctypes.sizeof(hl.Inputs) >= 1864
    vocab = {i.name: i for i in hl.inputs_vocabulary()}
    # Every field of the header is described at its C offset and length...
    for name, (off, length) in offsets.items():
        assert name in vocab, name
        assert vocab[name].offset == off, (name, vocab[name].offset, off)
        assert vocab[name].length == length, name
        # ...and the ctypes structure has it there too.
        assert getattr(hl.Inputs, name).offset == off, name
        assert getattr(hl.Inputs, name).size == 8 * length, name
    for name in ("age_years", "sex", "daily_distance_km", "daily_sleep_h",
                 "cadence_spm", "ferritin_ug_l", "headache_nausea_vomiting"):
        assert getattr(hl.Inputs, name).offset == vocab[name].offset
    assert offsets["age_years"][0] == 8
    assert offsets["daily_distance_km"][0] == 32
    assert offsets["headache_nausea_vomiting"][0] == 1856
    last = max(vocab.values(), key=lambda i: i.offset)
    assert hl.ctypes.sizeof(hl.Inputs) == last.offset + 8 * last.length
    assert len(hl.inputs_vocabulary()) == len(hl.Inputs().keys())
    assert vocab["sex"].enum_names == ("female", "male")
    assert vocab["heaviness_onset"].enum_names == ("gradual", "sudden")
    assert vocab["thirsty"].kind == hl.KIND_TRI
    assert vocab["urine_color"].kind == hl.KIND_COUNT
    assert vocab["ferritin_ug_l"].cost == 3


def test_all_unknown_by_default():
    inp = hl.Inputs()
    assert inp.size == hl.ctypes.sizeof(inp)
    assert inp.reserved0 == 0
    assert math.isnan(inp.age_years)
    assert all(math.isnan(x) for x in inp.daily_distance_km)
    assert all(math.isnan(getattr(inp, n)) for n, _ in header_offsets()[0]
               .items() if getattr(hl.Inputs, n).size == 8)
    assert inp["age_years"] is None
    assert inp["daily_sleep_h"] == [None] * 28
    assert inp.known() == {}
    inp.check()


def test_set_by_name():
    inp = hl.Inputs()
    inp["age_years"] = 34
    assert inp.age_years == 34.0 and inp["age_years"] == 34.0
    inp["daily_sleep_h[3]"] = 6.5
    assert inp.daily_sleep_h[3] == 6.5
    assert inp["daily_sleep_h[3]"] == 6.5
    inp["daily_distance_km"] = [8, 0, 10]
    assert list(inp.daily_distance_km[:3]) == [8.0, 0.0, 10.0]
    assert all(math.isnan(x) for x in inp.daily_distance_km[3:])
    assert inp["daily_distance_km"][:4] == [8.0, 0.0, 10.0, None]
    # a shorter list leaves the later days unknown again
    inp["daily_distance_km"] = [5]
    assert inp.daily_distance_km[0] == 5.0
    assert math.isnan(inp.daily_distance_km[1])
    inp["daily_distance_km"] = [1, None, 3]
    assert math.isnan(inp.daily_distance_km[1])
    inp["daily_distance_km"] = None
    assert all(math.isnan(x) for x in inp.daily_distance_km)
    # enums by name, booleans, yes/no
    inp["sex"] = "male"
    assert inp.sex == 1.0 and inp["sex"] == "male"
    inp["heaviness_onset"] = "sudden"
    assert inp.heaviness_onset == 1.0
    inp["exertional_pain_pattern"] = "eases_only_sitting_or_bending"
    assert inp.exertional_pain_pattern == 2.0
    inp["diet_pattern"] = 2
    assert inp["diet_pattern"] == "vegan"
    inp["thirsty"] = True
    assert inp.thirsty == 1.0 and inp["thirsty"] is True
    inp["muscle_cramps"] = False
    assert inp.muscle_cramps == 0.0 and inp["muscle_cramps"] is False
    inp["worsening"] = "no"
    assert inp.worsening == 0.0
    inp["urine_color"] = 3
    assert inp["urine_color"] == 3 and isinstance(inp["urine_color"], int)
    # None and NaN make a value unknown again
    inp["thirsty"] = None
    assert math.isnan(inp.thirsty)
    inp["age_years"] = NAN
    assert inp["age_years"] is None
    del inp["sex"]
    assert inp["sex"] is None
    # keyword construction and update
    inp2 = hl.Inputs({"age_years": 40}, sex="female",
                     daily_sleep_h=[7, 7.5])
    assert inp2.age_years == 40 and inp2.sex == 0.0
    assert inp2.daily_sleep_h[1] == 7.5
    assert inp2.known() == {"age_years": 40.0, "sex": "female",
                            "daily_sleep_h": [7.0, 7.5]}
    assert "daily_sleep_h[27]" in inp2 and "daily_sleep_h[28]" not in inp2
    assert "age_years" in inp2 and "nope" not in inp2
    inp3 = inp2.copy()
    inp3["age_years"] = 41
    assert inp2.age_years == 40


def test_bad_values_raise():
    inp = hl.Inputs()
    e = raises(lambda: inp.__setitem__("age_years", 200), hl.EINPUT,
               "age_years")
    assert "age_years" in str(e)
    assert math.isnan(inp.age_years)          # never clamped or stored
    raises(lambda: inp.__setitem__("daily_distance_km[2]", -1), hl.EINPUT,
           "daily_distance_km[2]")
    raises(lambda: inp.__setitem__("age_years", float("inf")), hl.EINPUT,
           "age_years")
    raises(lambda: inp.__setitem__("thirsty", 0.5), hl.EINPUT, "thirsty")
    raises(lambda: inp.__setitem__("urine_color", 2.5), hl.EINPUT,
           "urine_color")
    raises(lambda: inp.__setitem__("sex", 2), hl.EINPUT, "sex")
    raises(lambda: inp.__setitem__("sex", "other"), hl.EINPUT, "sex")
    raises(lambda: inp.__setitem__("age_years", "old"), hl.EINPUT,
           "age_years")
    # a list is set whole or not at all; the error names the day
    inp["daily_sleep_h"] = [7, 7]
    raises(lambda: inp.__setitem__("daily_sleep_h", [8, 8, 8, 25]),
           hl.EINPUT, "daily_sleep_h[3]")
    assert inp["daily_sleep_h"][:3] == [7.0, 7.0, None]
    raises(lambda: inp.__setitem__("daily_sleep_h", [7] * 29), hl.EINPUT,
           "daily_sleep_h")
    try:
        inp["daily_sleep_h"] = 7
        raise AssertionError("a scalar for a series was accepted")
    except TypeError:
        pass
    # cross-field rule: only check() sees it
    inp["air_temp_c"] = 10
    inp["dew_point_c"] = 20
    e = raises(inp.check, hl.EINPUT, "dew_point_c")
    assert e.count == 1


def test_unknown_names():
    inp = hl.Inputs()
    raises(lambda: inp.__setitem__("no_such_input", 1), hl.EUNSUPPORTED,
           "no_such_input")
    raises(lambda: inp.__setitem__("no_such_input", "yes"), hl.EUNSUPPORTED)
    raises(lambda: inp.__getitem__("no_such_input"), hl.EUNSUPPORTED)
    raises(lambda: inp.__setitem__("daily_sleep_h[28]", 7), hl.EINVAL)
    raises(lambda: inp.__setitem__("daily sleep", 7), hl.EINVAL)
    raises(lambda: inp.derive("no_such_metric"), hl.EUNSUPPORTED)


def test_derive():
    inp = hl.Inputs()
    assert inp.derive("acwr") is None
    inp["daily_distance_km"] = steady(10)
    assert close(inp.derive("acute_km"), 70.0)
    assert close(inp.derive("chronic_km_wk"), 70.0)
    assert close(inp.derive("acwr"), 1.0)
    assert close(inp.derive("wow_change_pct"), 0.0)
    assert inp.derive("rest_days_7d") == 0.0
    # one week doubled: acute 140, chronic (140 + 3*70)/4 = 87.5
    inp["daily_distance_km"] = [20] * 7 + [10] * 21
    assert close(inp.derive("acwr"), 140.0 / 87.5)
    assert close(inp.derive("wow_change_pct"), 100.0)
    assert close(inp.derive("session_spike_pct"), 100.0)
    # heat index of 32 C at 60 % RH, the NWS (Rothfusz) regression
    inp["air_temp_c"] = 32
    inp["relative_humidity_pct"] = 60
    t, rh = 32 * 9.0 / 5 + 32, 60.0
    his = 0.5 * (t + 61 + 1.2 * (t - 68) + 0.094 * rh)
    assert his >= 80
    hi = (-42.379 + 2.04901523 * t + 10.14333127 * rh
          - 0.22475541 * t * rh - 6.83783e-3 * t * t - 5.481717e-2 * rh * rh
          + 1.22874e-3 * t * t * rh + 8.5282e-4 * t * rh * rh
          - 1.99e-6 * t * t * rh * rh)
    assert close(inp.derive("heat_index_f"), hi, 1e-9), (
        inp.derive("heat_index_f"), hi)
    assert close(inp.derive("rh_pct"), 60.0)
    assert inp.derive("hi_extrapolated") == 0.0
    # hydration
    inp["pre_run_body_mass_kg"] = 70
    inp["post_run_body_mass_kg"] = 68.6
    inp["fluid_during_run_l"] = 0.5
    inp["last_run_duration_min"] = 90
    assert close(inp.derive("body_mass_change_pct"), -2.0)
    assert inp.derive("mass_gained") == 0.0
    assert close(inp.derive("sweat_rate_l_h"), (70 - 68.6 + 0.5) / 1.5)
    # anaemia cut-off (WHO)
    inp["age_years"] = 34
    assert inp.derive("hb_cutoff_g_l") == 120.0     # sex unknown
    inp["sex"] = "male"
    assert inp.derive("hb_cutoff_g_l") == 130.0
    inp["hemoglobin_g_l"] = 125
    assert inp.derive("anaemia") == 1.0
    inp["body_mass_kg"] = 60
    inp["carb_intake_g_day"] = 300
    assert close(inp.derive("carb_g_kg"), 5.0)
    names = hl.derived_names()
    assert "acwr" in names and "pad_risk" in names and len(names) == 27
    for n in names:
        inp.derive(n)


def test_default_rulebase_loads():
    rb = hl.Rulebase.default()
    assert rb.name
    assert "Rulebase(" in repr(rb)
    rb.close()
    rb.close()


def test_all_unknown_runner():
    rep = hl.Rulebase.default().assess(hl.Inputs())
    assert rep.triage == 0 and rep.triage_name == "none"
    assert rep.suppress_training_advice is False
    assert rep.questions[:len(SCREEN)] == SCREEN, rep.questions
    assert not rep.by_kind("red_flag")
    assert rep.disclaimer
    causes = rep.by_kind("cause")
    for f in causes:
        assert f.score is not None and 0 <= f.score <= 1, f
        assert f.band in ("low", "moderate", "high"), f
        assert f.coverage == 0.0, f
        assert f.secondary is False
    assert rep.confidence == 0.0 or rep.confidence is None


def test_chest_pain_runner():
    inp = hl.Inputs(chest_pain_or_breathlessness=True, age_years=50)
    rep = hl.Rulebase.default().assess(inp)
    assert rep.triage == 4, rep
    assert rep.triage_name == "emergency"
    assert rep.suppress_training_advice is True
    first = rep.findings[0]
    assert first.kind == "red_flag" and first.urgency == 4, first
    assert first.band == "emergency"
    assert first.score is None and first.coverage is None
    assert any(ev["state"] == "fired" for ev in first.evidence)
    assert "chest_pain_or_breathlessness" not in rep.questions
    for f in rep.by_kind("cause"):
        assert f.secondary is True, f
    d = rep.to_dict()
    assert d["triage"] == {"urgency": 4, "name": "emergency"}
    assert d["suppress_training_advice"] is True


TINY = """\
heavylegs: 1
name: tiny
version: "0.1"
suppress_at: 3
causes:
  - id: load
    title: Load went up
    leak: 0.1
    advice: "Your ACWR is {acwr:.2f}."
    evidence:
      - when: acwr >= 1.5
        weight: 0.5
        explain: "acwr {acwr:.1f}"
      - when: thirsty
        weight: 0.2
strategies:
  - id: ease_off
    title: Ease off
    addresses: [load]
    min_score: 0.3
red_flags:
  - id: clot
    title: Possible clot
    levels:
      - when: calf_swelling_one_side and leg_warm_red_tender
        urgency: 3
"""


def test_custom_rulebase():
    rb = hl.Rulebase.from_string(TINY, name="tiny.yaml")
    assert rb.name == "tiny" and rb.version == "0.1"
    assert rb.counts == {"red_flag": 1, "cause": 1, "strategy": 1}, rb.counts
    inp = hl.Inputs(daily_distance_km=[20] * 7 + [10] * 21, thirsty=False)
    rep = rb.assess(inp)
    assert rep.triage == 0
    ids = [f.id for f in rep.findings]
    assert ids == ["load", "ease_off"], ids
    load = rep.findings[0]
    assert load.kind == "cause"
    assert close(load.score, 1 - 0.9 * 0.5), load.score
    assert load.band == "high"
    assert close(load.coverage, 1.0)
    assert load.advice == "Your ACWR is 1.60.", load.advice
    assert load.evidence[0]["state"] == "fired"
    assert load.evidence[0]["weight"] == 0.5
    assert load.evidence[0]["text"] == "acwr 1.6", load.evidence[0]
    assert load.evidence[1]["state"] == "not_fired"
    assert load.evidence[1]["when"] == "thirsty"
    strat = rep.findings[1]
    assert strat.kind == "strategy" and close(strat.score, load.score)
    # the red flag fires and suppresses training advice
    inp["calf_swelling_one_side"] = True
    inp["leg_warm_red_tender"] = "yes"
    rep = rb.assess(inp)
    assert rep.triage == 3 and rep.suppress_training_advice
    assert [f.id for f in rep.findings] == ["clot", "load"], rep.findings
    assert rep.findings[1].secondary
    # a dict is accepted too
    assert rb.assess({"thirsty": True}).findings[0].id == "load"


def test_broken_rulebase_positions():
    e = raises(lambda: hl.Rulebase.from_string(
        "heavylegs: 1\nname: t\ncolour: red\n", name="b.yaml"),
        hl.ESCHEMA, "colour")
    assert (e.line, e.column, e.file) == (3, 1, "b.yaml"), repr(e)
    assert e.message.startswith("b.yaml:3:1: "), e.message
    text = ("heavylegs: 1\nname: t\ncauses:\n  - id: c1\n    title: C\n"
            "    evidence:\n      - when: acwr >= >= 1\n        weight: 0.5\n")
    e = raises(lambda: hl.Rulebase.from_string(text, name="x.yaml"),
               hl.ESYNTAX)
    assert (e.line, e.column, e.rule) == (7, 23, "c1"), repr(e)
    assert e.message.startswith("x.yaml:7:23: rule c1: "), e.message
    e = raises(lambda: hl.Rulebase.from_string(
        text.replace("acwr >= >= 1", '"acwr >= >= 1"'), name="x.yaml"),
        hl.ESYNTAX)
    assert (e.line, e.column) == (7, 24), repr(e)     # + the opening quote
    e = raises(lambda: hl.Rulebase.from_string(
        text.replace("acwr >= >= 1", "acwx > 1"), name="x.yaml"),
        hl.ESCHEMA, "acwx")
    assert (e.line, e.column) == (7, 15), repr(e)
    e = raises(lambda: hl.Rulebase.from_string(
        "heavylegs: 1\nname: [t\n"), hl.ESYNTAX)
    assert e.line >= 2 and e.file == "<string>", repr(e)
    raises(lambda: hl.Rulebase.from_string("heavylegs: 2\nname: t\n"),
           hl.EUNSUPPORTED)
    e = raises(lambda: hl.Rulebase.from_string(""), hl.ESCHEMA)
    assert "heavylegs" in e.message
    raises(lambda: hl.Rulebase.from_file("/nonexistent/rules.yaml"), hl.EIO)


def test_from_file():
    path = os.path.join(ROOT, "rules", "heavylegs.yaml")
    rb = hl.Rulebase.from_file(path)
    assert rb.name == hl.Rulebase.default().name
    with tempfile.NamedTemporaryFile("w", suffix=".yaml",
                                     delete=False) as f:
        f.write(TINY.replace("tiny", "tínÿ"))
    try:
        rb = hl.Rulebase.from_file(f.name)
        assert rb.name == "tínÿ", rb.name
    finally:
        os.unlink(f.name)


def check_json_matches(rep):
    d = rep.to_dict()
    assert d["triage"]["urgency"] == rep.triage
    assert d["triage"]["name"] == rep.triage_name
    assert d["suppress_training_advice"] == rep.suppress_training_advice
    assert d["rulebase"]["name"] == rep.rulebase_name
    if rep.confidence is None:
        assert d["confidence"] is None
    else:
        assert close(d["confidence"], rep.confidence, 1e-6)
    assert d["questions"] == rep.questions
    assert d["warnings"] == rep.warnings
    assert d["disclaimer"] == rep.disclaimer
    assert len(d["findings"]) == len(rep.findings)
    for j, f in zip(d["findings"], rep.findings):
        for k in ("kind", "id", "title", "advice", "urgency", "secondary",
                  "band"):
            assert j[k] == getattr(f, k), (f.id, k, j[k], getattr(f, k))
        for k in ("score", "coverage"):
            a, b = j[k], getattr(f, k)
            assert (a is None and b is None) or close(a, b, 1e-6), (
                f.id, k, a, b)
        assert len(j["evidence"]) == len(f.evidence), f.id
        for je, fe in zip(j["evidence"], f.evidence):
            for k in ("when", "state", "text"):
                assert je[k] == fe[k], (f.id, k, je[k], fe[k])
            a, b = je["weight"], fe["weight"]
            assert (a is None and b is None) or close(a, b, 1e-6), (
                f.id, je, fe)


def runner():
    """A runner with a load spike, short sleep, a warm run and low iron."""
    inp = hl.Inputs()
    inp.update(age_years=34, sex="female", body_mass_kg=58,
               daily_distance_km=[14, 0, 12, 10, 16, 0, 22] + [8] * 21,
               daily_sleep_h=[6, 5.5, 6.5, 6, 7, 5, 6],
               air_temp_c=31, relative_humidity_pct=65, thirsty=True,
               heaviness_days=10, heaviness_onset="gradual",
               heaviness_side="both", heaviness_severity=5,
               ferritin_ug_l=18, calf_swelling_one_side=False)
    return inp


def test_json_matches_report():
    rb = hl.Rulebase.default()
    for inp in (hl.Inputs(), runner(),
                hl.Inputs(chest_pain_or_breathlessness=True)):
        check_json_matches(rb.assess(inp))
    check_json_matches(hl.Rulebase.from_string(TINY).assess(
        hl.Inputs(thirsty=True)))


def test_warnings():
    rep = hl.Rulebase.default().assess(hl.Inputs(age_years=100))
    assert any("age_years" in w for w in rep.warnings), rep.warnings
    assert rep.to_dict()["warnings"] == rep.warnings


def test_assess_rejects_bad_inputs():
    inp = hl.Inputs()
    inp["air_temp_c"] = 10
    inp["dew_point_c"] = 20
    inp.age_years = 500                     # raw write: bypasses the setter
    e = raises(lambda: hl.Rulebase.default().assess(inp), hl.EINPUT)
    assert e.count == 2, repr(e)
    assert e.name == "age_years", repr(e)
    assert "dew_point_c" in e.message, e.message


def test_every_function_declared():
    with open(os.path.join(ROOT, "include", "heavylegs.h")) as f:
        text = f.read()
    names = set(re.findall(r"HL_API\s+[^;(]*?\b(hl_\w+)\s*\(", text))
    assert len(names) >= 45, len(names)
    assert names == set(hl._PROTOTYPES), names ^ set(hl._PROTOTYPES)
    for n in names:
        fn = getattr(hl._lib, n)
        assert fn.argtypes is not None, n
        assert fn.restype is not hl.ctypes.c_int or \
            hl._PROTOTYPES[n][0] is hl.ctypes.c_int, n


def test_null_handles():
    lib = hl._lib
    assert lib.hl_report_triage(None) == 0
    assert lib.hl_report_triage_name(None) is None
    assert math.isnan(lib.hl_report_confidence(None))
    assert lib.hl_report_count(None) == 0
    assert not lib.hl_report_finding(None, 0)
    assert lib.hl_finding_id(None) is None
    assert math.isnan(lib.hl_finding_score(None))
    assert math.isnan(lib.hl_finding_evidence_weight(None, 0))
    assert lib.hl_rulebase_name(None) is None
    lib.hl_report_free(None)
    lib.hl_rulebase_free(None)
    assert lib.hl_derived_name(lib.hl_derived_count()) is None


def test_json_buffer_grows():
    rb = hl.Rulebase.default()
    want = rb.assess(hl.Inputs()).to_json()
    saved = hl._JSON_CAP
    try:
        hl._JSON_CAP = 16
        got = rb.assess(hl.Inputs()).to_json()
    finally:
        hl._JSON_CAP = saved
    assert got == want
    assert len(want) > 16 and want.startswith("{") and want.endswith("}")


def test_newer_caller_struct():
    class Newer(hl.ctypes.Structure):
        _fields_ = [("base", hl.Inputs), ("extra", hl.ctypes.c_double * 2)]
    lib, err = hl._lib, hl._new_err()
    n = Newer()
    p = hl.ctypes.cast(hl.ctypes.byref(n), hl.ctypes.POINTER(hl.Inputs))
    lib.hl_inputs_init(p, hl.ctypes.sizeof(n))
    assert n.base.size == hl.ctypes.sizeof(n)
    assert math.isnan(n.extra[0]) and math.isnan(n.extra[1])
    assert lib.hl_inputs_check(p, hl.ctypes.byref(err)) == 0
    n.extra[1] = 1.0
    off = hl.ctypes.sizeof(hl.Inputs) + 8
    assert lib.hl_inputs_check(p, hl.ctypes.byref(err)) == hl.EUNSUPPORTED
    assert err.name.decode() == "offset %d" % off, err.name
    inp = hl.Inputs()
    inp.size = 1860
    raises(inp.check, hl.EINVAL)


def test_rulebase_lifetime_and_threads():
    import gc
    import threading
    rb = hl.Rulebase.from_string(TINY)
    fin = rb._free
    del rb
    gc.collect()
    assert not fin.alive
    rb = hl.Rulebase.from_string(TINY)
    rb.close()
    try:
        rb.assess(hl.Inputs())
        raise AssertionError("a closed rulebase assessed")
    except ValueError:
        pass
    # one rulebase shared by threads gives each the same report
    rb = hl.Rulebase.default()
    inp = runner()
    want = rb.assess(inp).to_json()
    bad = []

    def work():
        for _ in range(50):
            if rb.assess(inp).to_json() != want:
                bad.append(1)
    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not bad


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_no_memory_growth():
    if not os.path.exists("/proc/self/statm"):
        return
    rb = hl.Rulebase.default()
    inps = [hl.Inputs(), runner(), hl.Inputs(chest_pain_or_breathlessness=1)]
    for i in range(200):                    # warm up caches and arenas
        rb.assess(inps[i % 3]).to_dict()
    before = rss_bytes()
    t0 = time.time()
    n = 0
    while n < 2000 and time.time() - t0 < 6:
        rb.assess(inps[n % 3])
        n += 1
        if n % 50 == 0:
            hl.Rulebase.from_string(TINY).close()
    grown = rss_bytes() - before
    assert n >= 500, "only %d assessments in 6 s" % n
    assert grown < 1024 * 1024, "RSS grew by %d bytes over %d assessments" % (
        grown, n)


# --- runner ---------------------------------------------------------------

def main():
    tests = [(k, v) for k, v in globals().items()
             if k.startswith("test_") and callable(v)]
    if len(sys.argv) > 1:
        tests = [(k, v) for k, v in tests if k in sys.argv[1:]]
    passed = failed = 0
    if hl._lib is None:
        print("FAIL load: %s" % (hl._load_error,))
        print("test_python: 0 passed, 1 failed")
        return 1
    for name, fn in tests:
        try:
            fn()
            passed += 1
        except Exception as e:          # noqa: BLE001 - report every failure
            failed += 1
            tb = traceback.extract_tb(e.__traceback__)[-1]
            print("FAIL %s: line %d: %s: %s" % (
                name, tb.lineno, type(e).__name__, e))
    print("test_python: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
