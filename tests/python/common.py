# SPDX-License-Identifier: MIT
"""What every Python test shares: the package from python/, the library
from lib/ (unless HL_LIBRARY says otherwise), and generated runners."""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
os.environ.setdefault("HL_LIBRARY",
                      os.path.join(ROOT, "lib", "libheavylegs.so.1"))
if os.environ.get("HL_TEST_INSTALLED") != "1":
    sys.path.insert(0, os.path.join(ROOT, "python"))

import heavylegs  # noqa: E402,F401


def runner(k):
    """Runner number k: a plausible, valid mapping, the same every time."""
    r = random.Random(k)
    row = {}
    for info in heavylegs.inputs_vocabulary():
        if r.random() < 0.5:
            continue
        lo = info.plausible_min if info.plausible_min is not None \
            else info.min
        hi = info.plausible_max if info.plausible_max is not None \
            else info.max
        lo = 0.0 if lo is None else lo
        hi = lo + 100 if hi is None else hi

        def one():
            if info.kind == heavylegs.KIND_TRI:
                return r.random() < 0.25
            if info.kind == heavylegs.KIND_ENUM:
                return r.choice(info.enum_names)
            if info.kind == heavylegs.KIND_COUNT:
                return int(r.uniform(lo, hi))
            return r.uniform(lo, hi)
        if info.length == 1:
            row[info.name] = one()
        else:
            row[info.name] = [one() for _ in range(r.randint(1,
                                                             info.length))]
    # what a cross-field rule refuses becomes unknown again
    inp = heavylegs.Inputs()
    for name, v in row.items():
        try:
            inp[name] = v
        except heavylegs.Error:
            row[name] = None
    for _ in range(20):
        try:
            inp.check()
            break
        except heavylegs.Error as e:
            base = e.field.split("[")[0]
            row[base] = None
            inp[base] = None
    return row
