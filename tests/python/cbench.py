# SPDX-License-Identifier: MIT
"""The runners of the C benchmark (tests/bench/bench.c), made in Python.

make_runner(k) is bench.c's make_runner() line by line: the same seed, the
same splitmix64 draws in the same order, the same fix-ups and the same
hl_inputs_check() retry, so runner k here is byte for byte runner k of
`make bench-c`.  as_dict() turns one into what a Python caller would pass:
only the known inputs, yes/no as bool, enums by name, counts as int,
series as a list of 28 days (None for an unknown day).
"""
import ctypes
import math

from common import heavylegs as hl

SEED = 20261101
_M64 = (1 << 64) - 1
_NAN = float("nan")


class _Rng(object):
    __slots__ = ("st",)

    def __init__(self, st):
        self.st = st & _M64

    def uniform(self):
        self.st = z = (self.st + 0x9e3779b97f4a7c15) & _M64
        z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & _M64
        z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & _M64
        z ^= z >> 31
        return float(z >> 11) * (1.0 / 9007199254740992.0)

    def between(self, lo, hi):
        return lo + (hi - lo) * self.uniform()


def _infos():
    """hl_input_describe() in the library's order (bench.c's order)."""
    lib = hl._core._lib
    out = []
    for i in range(lib.hl_input_count()):
        c = hl._core._CInputInfo()
        c.size = ctypes.sizeof(c)
        if lib.hl_input_describe(i, ctypes.byref(c)) != hl.OK:
            c.length = 0
        out.append(c)
    return out


_INFOS = None


def _value_for(st, d, skip, lo_flag, hi_flag):
    if st.uniform() < skip:
        return _NAN
    odd = 0.02 if lo_flag <= d.offset <= hi_flag else 0.125
    if d.kind == hl.KIND_TRI:
        return 1.0 if st.uniform() < odd else 0.0
    if d.kind == hl.KIND_ENUM:
        if d.enum_count < 2 or st.uniform() >= odd:
            return 0.0
        return 1 + math.floor(st.uniform() * (d.enum_count - 1))
    lo = d.plausible_min if not math.isnan(d.plausible_min) else \
        d.min if not math.isnan(d.min) else 0.0
    hi = d.plausible_max if not math.isnan(d.plausible_max) else \
        d.max if not math.isnan(d.max) else 10.0
    if d.min_exclusive and lo <= d.min:
        lo = d.min + (hi - d.min) * 0.01
    if d.kind == hl.KIND_COUNT:
        return float(math.floor(st.between(math.ceil(lo),
                                           math.floor(hi) + 0.999)))
    return st.between(lo, hi)


def make_runner(k):
    """Runner number k of the C benchmark, as an Inputs."""
    global _INFOS
    if _INFOS is None:
        _INFOS = _infos()
    lib = hl._core._lib
    I = hl.Inputs
    lo_flag = I.calf_swelling_one_side.offset
    hi_flag = I.headache_nausea_vomiting.offset
    st = _Rng(SEED * 0x100000001 + k)
    size = ctypes.sizeof(I)
    while True:
        inp = I.__new__(I)
        lib.hl_inputs_init(ctypes.byref(inp), size)
        raw = (ctypes.c_double * (size // 8)).from_buffer(inp)
        skip = st.between(0.1, 0.7)
        for d in _INFOS:
            slot = d.offset // 8
            if d.length > 1:
                if st.uniform() < skip:
                    continue
                for day in range(d.length):
                    raw[slot + day] = _value_for(st, d, 0.05, lo_flag,
                                                 hi_flag)
            elif d.length == 1:
                raw[slot] = _value_for(st, d, skip, lo_flag, hi_flag)
        nan = math.isnan
        if not nan(inp.dew_point_c) and not nan(inp.air_temp_c) and \
                inp.dew_point_c > inp.air_temp_c:
            inp.dew_point_c = inp.air_temp_c - st.between(0, 15)
        if not nan(inp.pre_run_body_mass_kg):
            inp.post_run_body_mass_kg = inp.pre_run_body_mass_kg * (
                1 - st.between(-0.01, 0.04))
        if not nan(inp.body_mass_kg) and not nan(inp.morning_body_mass_kg):
            inp.morning_body_mass_kg = inp.body_mass_kg * st.between(0.96,
                                                                     1.02)
        if lib.hl_inputs_check(ctypes.byref(inp), None) == hl.OK:
            return inp


def as_dict(inp):
    """An Inputs -> the mapping a Python caller would write (known only)."""
    out = {}
    for info in hl.inputs_vocabulary():
        v = getattr(inp, info.name)
        if info.length != 1:
            days = [None if math.isnan(x) else x for x in v]
            if any(x is not None for x in days):
                out[info.name] = days
            continue
        if math.isnan(v):
            continue
        if info.kind == hl.KIND_TRI:
            out[info.name] = v != 0.0
        elif info.kind == hl.KIND_ENUM:
            out[info.name] = info.enum_names[int(v)]
        elif info.kind == hl.KIND_COUNT:
            out[info.name] = int(v)
        else:
            out[info.name] = v
    return out
