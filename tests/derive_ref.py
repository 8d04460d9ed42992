# SPDX-License-Identifier: MIT
"""An independent reference of the derived metrics, checked against the lib.

Every metric of heavylegs-domain(7), INPUTS is computed here again, straight from the
domain reference, for many random runners (fixed seed: unknown days, rest
days, hot and cold weather, missing answers).  Each runner is handed to the
library through ctypes (half of them field by field in a mirror of
hl_inputs, half through hl_inputs_set), and every metric read back with
hl_inputs_derive must match (relative tolerance 1e-9; unknown == unknown).

Run from the repository root:
    HL_LIBRARY=lib/libheavylegs.so.1 python3 tests/derive_ref.py [runners]
"""

import ctypes
import math
import os
import random
import statistics
import sys

NAN = float("nan")
DAYS = 28
RUNNERS = 2000
SEED = 20261125

HL_OK = 0


class Error(ctypes.Structure):
    _fields_ = [
        ("size", ctypes.c_uint32),
        ("code", ctypes.c_int32),
        ("line", ctypes.c_int32),
        ("column", ctypes.c_int32),
        ("count", ctypes.c_int32),
        ("file", ctypes.c_char * 256),
        ("rule", ctypes.c_char * 64),
        ("name", ctypes.c_char * 64),
        ("message", ctypes.c_char * 256),
    ]


class InputInfo(ctypes.Structure):
    _fields_ = [
        ("size", ctypes.c_uint32),
        ("kind", ctypes.c_int32),
        ("length", ctypes.c_int32),
        ("cost", ctypes.c_int32),
        ("name", ctypes.c_char_p),
        ("unit", ctypes.c_char_p),
        ("description", ctypes.c_char_p),
        ("min", ctypes.c_double),
        ("max", ctypes.c_double),
        ("min_exclusive", ctypes.c_int32),
        ("max_exclusive", ctypes.c_int32),
        ("plausible_min", ctypes.c_double),
        ("plausible_max", ctypes.c_double),
        ("offset", ctypes.c_size_t),
        ("enum_count", ctypes.c_int32),
        ("reserved0", ctypes.c_int32),
        ("enum_names", ctypes.POINTER(ctypes.c_char_p)),
    ]


def load_library():
    path = os.environ.get("HL_LIBRARY", "lib/libheavylegs.so.1")
    lib = ctypes.CDLL(path)
    lib.hl_input_count.argtypes = []
    lib.hl_input_count.restype = ctypes.c_size_t
    lib.hl_input_describe.argtypes = [ctypes.c_size_t,
                                      ctypes.POINTER(InputInfo)]
    lib.hl_input_describe.restype = ctypes.c_int
    lib.hl_derived_count.argtypes = []
    lib.hl_derived_count.restype = ctypes.c_size_t
    lib.hl_derived_name.argtypes = [ctypes.c_size_t]
    lib.hl_derived_name.restype = ctypes.c_char_p
    # hl_inputs * is passed as a void pointer: the mirror is built at run
    # time, from the library's own description.
    lib.hl_inputs_init.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    lib.hl_inputs_init.restype = None
    lib.hl_inputs_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                  ctypes.c_double, ctypes.POINTER(Error)]
    lib.hl_inputs_set.restype = ctypes.c_int
    lib.hl_inputs_get.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                  ctypes.POINTER(ctypes.c_double),
                                  ctypes.POINTER(Error)]
    lib.hl_inputs_get.restype = ctypes.c_int
    lib.hl_inputs_check.argtypes = [ctypes.c_void_p, ctypes.POINTER(Error)]
    lib.hl_inputs_check.restype = ctypes.c_int
    lib.hl_inputs_derive.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                     ctypes.POINTER(ctypes.c_double),
                                     ctypes.POINTER(Error)]
    lib.hl_inputs_derive.restype = ctypes.c_int
    return lib


def describe(lib):
    """[(name, length, offset)] of every input, in struct order."""
    out = []
    for i in range(lib.hl_input_count()):
        info = InputInfo()
        info.size = ctypes.sizeof(InputInfo)
        rc = lib.hl_input_describe(i, ctypes.byref(info))
        assert rc == HL_OK, "hl_input_describe(%d) = %d" % (i, rc)
        out.append((info.name.decode(), info.length, info.offset))
    return out


def mirror(inputs):
    """A ctypes.Structure laid out like hl_inputs."""
    fields = [("size", ctypes.c_uint32), ("reserved0", ctypes.c_uint32)]
    for name, length, _ in inputs:
        fields.append((name, ctypes.c_double * length if length > 1
                       else ctypes.c_double))
    cls = type("Inputs", (ctypes.Structure,), {"_fields_": fields})
    for name, length, offset in inputs:
        assert getattr(cls, name).offset == offset, name
    last = inputs[-1]
    assert ctypes.sizeof(cls) == last[2] + 8 * last[1]
    return cls


# ---- the reference, from heavylegs-domain(7), INPUTS ------------------------------

def known(x):
    return not math.isnan(x)


def all_known(xs):
    return all(known(x) for x in xs)


def tri(b):
    return 1.0 if b else 0.0


def reference(r):
    """Every derived metric of runner r (a dict of all inputs, NaN unknown)."""
    m = {}
    d = r["daily_distance_km"]

    # acute_km: sum of the last 7 days, all known.
    m["acute_km"] = sum(d[0:7]) if all_known(d[0:7]) else NAN
    # chronic_km_wk: weekly average of the known days, at least 24.
    kn = [x for x in d if known(x)]
    m["chronic_km_wk"] = sum(kn) * 7 / len(kn) if len(kn) >= 24 else NAN
    a, c = m["acute_km"], m["chronic_km_wk"]
    m["acwr"] = a / c if known(a) and known(c) and c >= 1 else NAN
    p = sum(d[7:14]) if all_known(d[7:14]) else NAN
    m["wow_change_pct"] = ((a - p) / p * 100
                           if known(a) and known(p) and p >= 1 else NAN)

    # session_spike_pct: each run of this week against the longest known
    # run before it (days 7..27), (d - M) / M x 100
    spike = NAN
    if all_known(d[0:7]) and sum(1 for x in d[7:28] if known(x)) >= 14:
        runs = [j for j in range(7) if d[j] > 0]
        top = max(x for x in d[7:28] if known(x))
        if not runs:
            spike = 0.0
        elif top > 0:
            spike = max((d[j] - top) / top * 100 for j in runs)
    m["session_spike_pct"] = spike

    # srpe_acwr: the coupled ratio on session load RPE x minutes
    dur, rpe = r["daily_duration_min"], r["daily_session_rpe"]
    sl = [0.0 if dur[i] == 0 else
          rpe[i] * dur[i] if known(dur[i]) and known(rpe[i]) else NAN
          for i in range(28)]
    acute = sum(sl[0:7]) if all_known(sl[0:7]) else NAN
    kl = [x for x in sl if known(x)]
    chronic = sum(kl) * 7 / len(kl) if len(kl) >= 24 else NAN
    m["srpe_acwr"] = (acute / chronic if known(acute) and known(chronic)
                      and chronic >= 1 else NAN)
    known_ratios = [x for x in (m["acwr"], m["srpe_acwr"]) if known(x)]
    m["load_ratio"] = max(known_ratios) if known_ratios else NAN

    # daily load: session RPE x minutes, else distance
    dur, rpe = r["daily_duration_min"], r["daily_session_rpe"]
    load = []
    for i in range(7):
        if not known(dur[i]):
            load = None
            break
        if dur[i] == 0:
            load.append(0.0)
        elif known(rpe[i]):
            load.append(rpe[i] * dur[i])
        else:
            load = None
            break
    if load is None and all_known(d[0:7]):
        load = list(d[0:7])
    if load is None:
        m["monotony"] = m["strain"] = NAN
    else:
        mean = statistics.fmean(load)
        sd = statistics.pstdev(load)
        if sd == 0:
            mono = 10.0 if mean > 0 else 0.0
        else:
            mono = min(10.0, mean / sd)
        m["monotony"] = mono
        m["strain"] = sum(load) * mono
    m["rest_days_7d"] = (float(sum(1 for x in d[0:7] if x == 0))
                         if all_known(d[0:7]) else NAN)

    # resting heart rate
    hr = r["daily_resting_hr_bpm"]
    now = [x for x in hr[0:7] if known(x)]
    base = [x for x in hr[7:28] if known(x)]
    m["rhr_delta_bpm"] = (statistics.fmean(now) - statistics.fmean(base)
                          if len(now) >= 3 and len(base) >= 14 else NAN)

    # HRV: ln RMSSD, recent mean below baseline mean - half its SD
    hrv = r["daily_hrv_rmssd_ms"]
    now = [math.log(x) for x in hrv[0:7] if known(x)]
    base = [math.log(x) for x in hrv[7:28] if known(x)]
    if len(now) >= 3 and len(base) >= 14:
        mu = statistics.fmean(base)
        band = max(statistics.pstdev(base, mu), 0.05)
        m["hrv_low"] = tri(statistics.fmean(now) < mu - 0.5 * band)
    else:
        m["hrv_low"] = NAN

    sl = [x for x in r["daily_sleep_h"][0:7] if known(x)]
    m["sleep_7d_h"] = statistics.fmean(sl) if len(sl) >= 4 else NAN

    # humidity, measured or from the dew point (Magnus)
    t, rh, td = r["air_temp_c"], r["relative_humidity_pct"], r["dew_point_c"]
    if not known(rh) and known(t) and known(td):
        mag_a, mag_b = 17.625, 243.04
        rh = min(100.0, 100 * math.exp(mag_a * td / (mag_b + td)
                                       - mag_a * t / (mag_b + t)))
    m["rh_pct"] = rh

    # NWS heat index
    hi = NAN
    if known(t) and known(rh):
        tf = t * 9 / 5 + 32
        simple = 0.5 * (tf + 61.0 + (tf - 68.0) * 1.2 + rh * 0.094)
        if simple < 80:
            hi = simple
        else:
            hi = (-42.379 + 2.04901523 * tf + 10.14333127 * rh
                  - 0.22475541 * tf * rh - 6.83783e-3 * tf ** 2
                  - 5.481717e-2 * rh ** 2 + 1.22874e-3 * tf ** 2 * rh
                  + 8.5282e-4 * tf * rh ** 2 - 1.99e-6 * tf ** 2 * rh ** 2)
            if rh < 13 and 80 <= tf <= 112:
                hi -= ((13 - rh) / 4) * math.sqrt((17 - abs(tf - 95)) / 17)
            elif rh > 85 and 80 <= tf <= 87:
                hi += ((rh - 85) / 10) * ((87 - tf) / 5)
    m["heat_index_f"] = hi
    m["heat_index_c"] = (hi - 32) * 5 / 9
    # T > 110 or HI > 137, three-valued
    tf = t * 9 / 5 + 32 if known(t) else NAN
    if known(tf) and tf > 110:
        m["hi_extrapolated"] = 1.0
    elif known(hi):
        m["hi_extrapolated"] = tri(hi > 137)
    else:
        m["hi_extrapolated"] = NAN

    # body mass over the run, sweat rate
    pre, post = r["pre_run_body_mass_kg"], r["post_run_body_mass_kg"]
    if known(pre) and known(post):
        m["body_mass_change_pct"] = (post - pre) / pre * 100
        m["mass_gained"] = tri(m["body_mass_change_pct"] > 0)
    else:
        m["body_mass_change_pct"] = m["mass_gained"] = NAN
    fl, dm = r["fluid_during_run_l"], r["last_run_duration_min"]
    # a duration so short that dm / 60 underflows to 0 gives no rate
    m["sweat_rate_l_h"] = ((pre - post + fl) / (dm / 60)
                           if all_known([pre, post, fl, dm]) and dm / 60 > 0
                           else NAN)

    # WUT: weight, urine, thirst
    markers = []
    if known(r["morning_body_mass_kg"]) and known(r["body_mass_kg"]):
        markers.append(r["morning_body_mass_kg"] < 0.99 * r["body_mass_kg"])
    if known(r["urine_color"]):
        markers.append(r["urine_color"] >= 6)
    if known(r["thirsty"]):
        markers.append(r["thirsty"] == 1)
    m["wut_count"] = float(sum(markers)) if markers else NAN

    # carbohydrate
    m["carb_g_kg"] = r["carb_intake_g_day"] / r["body_mass_kg"]
    if all_known(dur[0:7]):
        h = sum(dur[0:7]) / 420
    elif known(m["acute_km"]):
        h = m["acute_km"] * 6 / 420
    else:
        h = NAN
    m["training_h_day"] = h
    if not known(h):
        m["carb_band_lo"] = NAN
    elif h < 0.5:
        m["carb_band_lo"] = 3.0
    elif h < 1.25:
        m["carb_band_lo"] = 5.0
    elif h < 4:
        m["carb_band_lo"] = 6.0
    else:
        m["carb_band_lo"] = 8.0

    # WHO haemoglobin cut-off; anaemia = Hb < cut-off, unknown when either is
    age, sex, hb = r["age_years"], r["sex"], r["hemoglobin_g_l"]

    def cutoff(years):
        if years < 12:
            return 115.0
        if years < 15 or sex != 1:
            return 120.0
        return 130.0

    if r["pregnant_or_postpartum"] == 1:
        cut = 110.0                     # WHO, in pregnancy
    else:
        cut = cutoff(age) if known(age) else NAN
    m["hb_cutoff_g_l"] = cut
    m["anaemia"] = (1.0 if hb < cut else 0.0) if known(cut) and known(hb) \
        else NAN

    # age >= 65 or (age >= 50 and smoker_or_diabetes), Kleene
    sm = r["smoker_or_diabetes"]
    if not known(age):
        m["pad_risk"] = NAN
    elif age >= 65:
        m["pad_risk"] = 1.0
    elif age < 50:
        m["pad_risk"] = 0.0
    else:
        m["pad_risk"] = tri(sm == 1) if known(sm) else NAN
    # finite or unknown, always
    return {k: (NAN if math.isinf(v) else v) for k, v in m.items()}


# ---- random runners ---------------------------------------------------------

def maybe(rng, p, value):
    """value, or unknown with probability p."""
    return NAN if rng.random() < p else value


def tri_or_unknown(rng, p=0.3):
    return maybe(rng, p, float(rng.random() < 0.5))


def runner(rng, inputs):
    r = {}
    for name, length, _ in inputs:
        r[name] = [NAN] * length if length > 1 else NAN

    u = rng.choice([0.0, 0.0, 0.03, 0.1, 0.3, 1.0])  # unknown-day rate
    r["age_years"] = maybe(rng, 0.15, rng.choice([
        rng.uniform(8, 90), rng.uniform(10, 16), rng.uniform(45, 70),
        float(rng.choice([11, 12, 14, 15, 49, 50, 64, 65]))]))
    r["sex"] = maybe(rng, 0.15, float(rng.randint(0, 1)))
    r["body_mass_kg"] = maybe(rng, 0.15, round(rng.uniform(42, 110), 1))

    # distances: rest days, unknown days, sometimes a spike or nothing
    style = rng.random()
    d = []
    for i in range(DAYS):
        if rng.random() < u:
            d.append(NAN)
        elif style < 0.05:
            d.append(0.0)
        elif rng.random() < 0.3:
            d.append(0.0)
        else:
            d.append(round(rng.uniform(1, 25), rng.choice([0, 1, 2])))
    if style > 0.9:
        d[rng.randint(0, 6)] = round(rng.uniform(25, 60), 1)
    elif 0.05 <= style < 0.1:
        # a first run after weeks off: nothing before it to compare with
        d = [x if not known(x) or i < 7 else 0.0 for i, x in enumerate(d)]
        first = rng.randint(0, 6)
        for i in range(7):
            if known(d[i]):
                d[i] = 0.0
        d[first] = round(rng.uniform(2, 12), 1)
        if rng.random() < 0.5:
            d[rng.randint(0, first)] = round(rng.uniform(2, 12), 1)
    r["daily_distance_km"] = d

    # durations: none, matched to the distance, or partly known
    mode = rng.random()
    pace = rng.uniform(4.5, 7.5)
    if mode > 0.3:
        r["daily_duration_min"] = [
            NAN if (not known(x) or rng.random() < u / 2)
            else (0.0 if x == 0 else round(x * pace))
            for x in d]
    if mode > 0.5:
        r["daily_session_rpe"] = [
            maybe(rng, 0.1 if mode < 0.8 else 0.0,
                  float(rng.randint(1, 10)) if rng.random() < 0.7
                  else rng.uniform(0, 10))
            for _ in range(DAYS)]

    base_hr = rng.uniform(42, 70)
    rise = rng.choice([0, 0, 3, 8, 12])
    r["daily_resting_hr_bpm"] = [
        maybe(rng, u, round(base_hr + (rise if i < 7 else 0)
                            + rng.gauss(0, 2)))
        for i in range(DAYS)]
    base_hrv = rng.uniform(25, 120)
    drop = rng.choice([1.0, 1.0, 0.85, 0.7])
    r["daily_hrv_rmssd_ms"] = [
        maybe(rng, u, max(3.0, base_hrv * (drop if i < 7 else 1.0)
                          * math.exp(rng.gauss(0, 0.15))))
        for i in range(DAYS)]
    r["daily_sleep_h"] = [maybe(rng, u + 0.05, round(rng.uniform(4, 9.5), 2))
                          for _ in range(DAYS)]

    # weather: hot, mild or cold; humidity or dew point or neither
    w = rng.random()
    if w < 0.08:
        t = rng.uniform(42, 46)     # near and past 110 F
    elif w < 0.45:
        t = rng.uniform(24, 46)
    elif w < 0.8:
        t = rng.uniform(5, 26)
    else:
        t = rng.uniform(-25, 5)
    r["air_temp_c"] = maybe(rng, 0.1, round(t, rng.choice([0, 1, 3])))
    # humidity: measured, from the dew point, both, or neither
    source = rng.choice(["rh", "rh", "dew", "both", "none"])
    if w < 0.08 and rng.random() < 0.5:
        source = "none"
    if source in ("rh", "both"):
        r["relative_humidity_pct"] = rng.choice([
            rng.uniform(0, 100), rng.uniform(1, 13), rng.uniform(85, 100),
            float(rng.randint(0, 100))])
    if source in ("dew", "both"):
        if known(r["air_temp_c"]):
            # at most 0.5 above the air temperature
            r["dew_point_c"] = max(-90.0, min(40.0, r["air_temp_c"] + (
                rng.choice([-rng.uniform(0, 30), -rng.uniform(0, 3), 0.0,
                            0.5, rng.uniform(0, 0.5)]))))
        else:
            r["dew_point_c"] = rng.uniform(-20, 25)
    r["wbgt_c"] = maybe(rng, 0.7, rng.uniform(10, 34))

    # the run, body mass and fluid
    pre = maybe(rng, 0.3, round(rng.uniform(45, 100), 1))
    r["pre_run_body_mass_kg"] = pre
    if known(pre):
        r["post_run_body_mass_kg"] = maybe(
            rng, 0.1, round(pre * (1 + rng.uniform(-0.05, 0.025)), 2))
    r["fluid_during_run_l"] = maybe(rng, 0.3, round(rng.uniform(0, 2.5), 2))
    r["last_run_duration_min"] = maybe(rng, 0.2, rng.uniform(15, 300))
    if known(r["body_mass_kg"]):
        r["morning_body_mass_kg"] = maybe(rng, 0.3, round(
            r["body_mass_kg"] * (1 + rng.uniform(-0.12, 0.12)), 1))
    else:
        r["morning_body_mass_kg"] = maybe(rng, 0.5, rng.uniform(45, 100))
    r["urine_color"] = maybe(rng, 0.4, float(rng.randint(1, 8)))
    r["thirsty"] = tri_or_unknown(rng, 0.4)
    r["carb_intake_g_day"] = maybe(rng, 0.4, round(rng.uniform(80, 900)))
    r["hemoglobin_g_l"] = maybe(rng, 0.4, rng.choice([
        rng.uniform(70, 170), float(rng.choice([114, 115, 119, 120, 129,
                                                130]))]))
    r["smoker_or_diabetes"] = tri_or_unknown(rng)
    r["pregnant_or_postpartum"] = maybe(rng, 0.5, float(rng.random() < 0.3))
    # a few answers the metrics do not read, to be sure they do not
    r["heaviness_severity"] = maybe(rng, 0.5, rng.uniform(0, 10))
    r["skin_change"] = maybe(rng, 0.5, float(rng.randint(0, 2)))
    return r


def fixed_runners(inputs):
    """A few runners written out: everything unknown, all rest days."""
    def blank():
        r = {}
        for name, length, _ in inputs:
            r[name] = [NAN] * length if length > 1 else NAN
        return r
    out = [blank()]
    r = blank()
    r["daily_distance_km"] = [0.0] * DAYS
    r["daily_duration_min"] = [0.0] * DAYS
    out.append(r)
    r = blank()
    r["daily_distance_km"] = [5.0] * DAYS
    r["daily_duration_min"] = [30.0] * DAYS
    r["daily_session_rpe"] = [4.0] * DAYS
    r["air_temp_c"] = 45.0
    r["relative_humidity_pct"] = 5.0
    out.append(r)
    # tiny and huge valid values: every metric finite or unknown
    r = blank()
    r["daily_distance_km"] = [14.0] + [0.0] * (DAYS - 1)
    r["daily_distance_km"][9] = 5e-324          # a subnormal distance
    r["pre_run_body_mass_kg"] = 70.0
    r["post_run_body_mass_kg"] = 69.0
    r["fluid_during_run_l"] = 0.5
    r["last_run_duration_min"] = 1e-310
    r["daily_duration_min"] = [1440.0] * DAYS
    r["daily_session_rpe"] = [10.0] * 7 + [1e-300] * (DAYS - 7)
    r["daily_hrv_rmssd_ms"] = [1e-300] * 7 + [1000.0] * (DAYS - 7)
    r["carb_intake_g_day"] = 2000.0
    r["body_mass_kg"] = 20.000000001
    out.append(r)
    r = blank()
    r["daily_distance_km"] = [300.0] * 7 + [1e-300] * (DAYS - 7)
    r["daily_resting_hr_bpm"] = [220.0] * 7 + [20.0] * (DAYS - 7)
    r["air_temp_c"] = 60.0
    r["relative_humidity_pct"] = 100.0
    r["pre_run_body_mass_kg"] = 350.0
    r["post_run_body_mass_kg"] = 315.0
    r["fluid_during_run_l"] = 20.0
    r["last_run_duration_min"] = 5e-324
    out.append(r)
    return out


# ---- comparison -------------------------------------------------------------

def same(got, want):
    if math.isnan(want):
        return math.isnan(got)
    if math.isnan(got):
        return False
    return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)


def main():
    lib = load_library()
    inputs = describe(lib)
    Inputs = mirror(inputs)
    metrics = [lib.hl_derived_name(i).decode()
               for i in range(lib.hl_derived_count())]
    rng = random.Random(SEED)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else RUNNERS
    runners = fixed_runners(inputs) + [runner(rng, inputs)
                                       for _ in range(count)]
    seen = {name: [0, 0] for name in metrics}  # [known, unknown]
    passed = failed = compared = 0
    err = Error()
    out = ctypes.c_double()

    for n, r in enumerate(runners):
        want = reference(r)
        assert sorted(want) == sorted(metrics), "metric names differ"
        s = Inputs()
        lib.hl_inputs_init(ctypes.byref(s), ctypes.sizeof(s))
        by_name = n % 2 == 1
        for name, length, _ in inputs:
            vals = r[name] if length > 1 else [r[name]]
            for i, v in enumerate(vals):
                if by_name:
                    label = name if length == 1 else "%s[%d]" % (name, i)
                    rc = lib.hl_inputs_set(ctypes.byref(s), label.encode(),
                                           v, ctypes.byref(err))
                    assert rc == HL_OK, "set %s = %r: %d %s" % (
                        label, v, rc, err.message.decode())
                elif length > 1:
                    getattr(s, name)[i] = v
                else:
                    setattr(s, name, v)
        rc = lib.hl_inputs_check(ctypes.byref(s), ctypes.byref(err))
        if rc != HL_OK:
            print("runner %d: inputs refused: %s" % (
                n, err.message.decode()))
            failed += 1
            continue
        ok = True
        for name in metrics:
            rc = lib.hl_inputs_derive(ctypes.byref(s), name.encode(),
                                      ctypes.byref(out), ctypes.byref(err))
            compared += 1
            if rc != HL_OK or not same(out.value, want[name]):
                ok = False
                print("runner %d: %s = %r (rc %d), reference %r" % (
                    n, name, out.value, rc, want[name]))
            seen[name][0 if known(want[name]) else 1] += 1
        if by_name:
            # what was set reads back the same
            for name, length, _ in inputs[:12]:
                label = name if length == 1 else name + "[27]"
                v = r[name] if length == 1 else r[name][27]
                rc = lib.hl_inputs_get(ctypes.byref(s), label.encode(),
                                       ctypes.byref(out), ctypes.byref(err))
                if rc != HL_OK or not same(out.value, v):
                    ok = False
                    print("runner %d: get %s = %r, set %r" % (
                        n, label, out.value, v))
        if ok:
            passed += 1
        else:
            failed += 1

    # the runners must reach both sides of every metric
    for name in metrics:
        k, u = seen[name]
        if k == 0 or u == 0:
            print("derive_ref: %s was %s in every runner" % (
                name, "unknown" if k == 0 else "known"))
            failed += 1
    print("derive_ref: %d metric values compared over %d runners" % (
        compared, len(runners)))
    print("derive_ref: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
