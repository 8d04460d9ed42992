# SPDX-License-Identifier: MIT
"""heavylegs: why a runner's legs feel heavy, from Python.

A binding of libheavylegs through ctypes (no compiler needed).  It reads
what is known about a runner, checks it against a rulebase and returns a
report: red flags first (reasons to see a doctor, with their urgency),
then the likely causes with scores, their honest bounds and the evidence,
what to try, and which questions to answer next.  It informs; it does not
diagnose.

    import heavylegs
    rb = heavylegs.Rulebase.default()
    report = rb.assess(age_years=34, daily_distance_km=[14, 0, 12],
                       air_temp_c=31, thirsty=True)
    print(report.triage_name, report.confidence)
    for f in report.findings:
        print(f.kind, f.id, f.score, f.score_low, f.score_high)

Many runners at once go through the library's batch call:
Rulebase.assess_many(rows) gives one Summary per row, and
heavylegs.assess_frame(df) a pandas DataFrame (pandas is imported only
then).  Bad input raises heavylegs.Error, a ValueError naming the field; in
a batch, a bad row carries its error and the others are still scored.

The library is found, in this order, at the path given to load(), in the
environment variable HL_LIBRARY, beside this package, in the prefix it is
installed in (<prefix>/lib/<multiarch>/ or <prefix>/lib/), or through
ctypes.util.find_library("heavylegs").
"""

from ._core import (  # noqa: F401
    BATCH_MAX, EINPUT, EINVAL, EIO, ENOMEM, ERANGE, ESCHEMA, ESYNTAX,
    EUNSUPPORTED, FINDING_CAUSE, FINDING_RED_FLAG, FINDING_STRATEGY,
    INPUTS_SIZE_V1, INPUTS_SIZE_V1_1, KIND_COUNT, KIND_ENUM, KIND_NUMBER,
    KIND_TRI, OK, SERIES_DAYS, STATE_FIRED, STATE_NOT_FIRED, STATE_UNKNOWN,
    SUMMARY_SIZE_V1_1, SUMMARY_TOP, URGENCY_NAMES, Error, Finding, InputInfo,
    Report, Rulebase, Summary, assess, default_rulebase, derived_names,
    inputs_vocabulary, library_path, load, strerror, version,
    version_number)
from . import _core

__version__ = "1.1.0"

__all__ = [
    "Error", "Inputs", "InputInfo", "Rulebase", "Report", "Finding",
    "Summary", "assess", "assess_frame", "frame_meta", "default_rulebase",
    "load", "library_path", "version", "version_number", "strerror",
    "inputs_vocabulary", "derived_names",
]


def assess_frame(df, rulebase=None, ignore_unknown=False):
    """Assess every row of a pandas DataFrame in batch calls; see
    heavylegs.frame.assess_frame.  pandas is imported on the first call."""
    from .frame import assess_frame as _assess_frame
    return _assess_frame(df, rulebase, ignore_unknown)


def frame_meta():
    """An empty frame shaped like assess_frame()'s result (Dask's meta)."""
    from .frame import frame_meta as _frame_meta
    return _frame_meta()


def __getattr__(name):
    # Inputs is built from the loaded library's vocabulary.
    if name == "Inputs":
        _core._need()
        return _core.Inputs
    raise AttributeError("module 'heavylegs' has no attribute %r" % name)
