#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Assess one runner from Python and print a readable summary.

Run from the repository root:
    python3 examples/py-demo.py [rules.yaml]

(it uses python/heavylegs from the source tree and lib/libheavylegs.so.1)
"""

import os
import sys
import textwrap

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "python"))

import heavylegs  # noqa: E402


def fmt(x, spec="%.2f"):
    return "?" if x is None else spec % x


def main(argv):
    inp = heavylegs.Inputs()
    inp["age_years"] = 34
    inp["sex"] = "female"
    inp["body_mass_kg"] = 58
    # Today first: a big last week after three steady ones.
    inp["daily_distance_km"] = [14, 0, 12, 10, 16, 0, 22] + [8, 0, 10, 8, 0,
                                                             12, 6] * 3
    inp["daily_sleep_h"] = [6, 5.5, 6.5, 6, 7, 5, 6]
    inp["air_temp_c"] = 31
    inp["relative_humidity_pct"] = 65
    inp["thirsty"] = True
    inp["ferritin_ug_l"] = 18
    inp["heaviness_days"] = 10
    inp["heaviness_onset"] = "gradual"
    inp["heaviness_side"] = "both"
    inp["heaviness_severity"] = 5
    inp["calf_swelling_one_side"] = False
    inp["chest_pain_or_breathlessness"] = False

    print("libheavylegs %s" % heavylegs.version())
    try:
        inp["daily_sleep_h[7]"] = 30      # the library refuses it
    except heavylegs.Error as e:
        print("refused: %s (%s, field %s)" % (e, e.code_name, e.name))
    print("acwr %s, heat index %s F, sleep %s h/night" % (
        fmt(inp.derive("acwr")), fmt(inp.derive("heat_index_f"), "%.0f"),
        fmt(inp.derive("sleep_7d_h"), "%.1f")))

    if len(argv) > 1:
        rb = heavylegs.Rulebase.from_file(argv[1])
    else:
        rb = heavylegs.Rulebase.default()
    rep = rb.assess(inp)

    print("rulebase %s %s" % (rep.rulebase_name, rep.rulebase_version or ""))
    print("triage: %s (%d)%s" % (
        rep.triage_name, rep.triage,
        ", training advice suppressed" if rep.suppress_training_advice
        else ""))
    print("confidence: %s" % fmt(rep.confidence))
    for f in rep.by_kind("red_flag"):
        print("RED FLAG %s: %s" % (f.band, f.title))
    print("causes:")
    for f in rep.by_kind("cause")[:5]:
        print("  %-5s %-8s %-28s coverage %s" % (
            fmt(f.score), f.band, f.id, fmt(f.coverage)))
        for ev in f.evidence:
            if ev["state"] == "fired":
                print("        + %s" % ev["text"])
    strategies = rep.by_kind("strategy")
    if strategies:
        print("what to try:")
        for f in strategies:
            print("  - %s" % f.title)
            if f.advice:
                print(textwrap.fill(f.advice, 76, initial_indent="    ",
                                    subsequent_indent="    "))
    if rep.questions:
        print(textwrap.fill("please answer next: " + ", ".join(
            rep.questions), 78, subsequent_indent="    "))
    for w in rep.warnings:
        print("warning: %s" % w)
    print(textwrap.fill(rep.disclaimer, 78))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (heavylegs.Error, OSError) as e:
        print("py-demo: %s" % e, file=sys.stderr)
        sys.exit(1)
