# SPDX-License-Identifier: MIT
"""Scoring a pandas DataFrame with the library's batch call.

pandas (and numpy) are imported when this module is, that is only when
heavylegs.assess_frame() is first called.
"""

import math
import os
import threading
from typing import Any, Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._core import (EINVAL, OK, SUMMARY_TOP, URGENCY_NAMES, Error, Rulebase,
                    _convert_value, _unknown_input)

# hl_summary as a numpy record, at the offsets the ctypes struct has.
_SUMMARY_DTYPE = np.dtype({
    "names": [n for n, _ in _core._CSummary._fields_],
    "formats": ["<u4", "<i4", "<i4", "<i4", "<i4", "<i4", "<f8", "<i4",
                "<i4", ("<i4", SUMMARY_TOP), "<i4", ("<f8", SUMMARY_TOP),
                ("<f8", SUMMARY_TOP), ("<f8", SUMMARY_TOP), "S64"],
    "offsets": [getattr(_core._CSummary, n).offset
                for n, _ in _core._CSummary._fields_],
    "itemsize": _core.ctypes.sizeof(_core._CSummary),
})

_rulebases = {}
_lock = threading.Lock()


def _rulebase(rb):
    """A Rulebase, or one loaded once per process from a path."""
    if rb is None:
        return _core.default_rulebase()
    if isinstance(rb, Rulebase):
        return rb
    key = (os.getpid(), os.fspath(rb))
    with _lock:
        if key not in _rulebases:
            _rulebases[key] = Rulebase.from_file(rb)
        return _rulebases[key]


def frame_columns():
    """The columns assess_frame() returns, in order."""
    cols = ["triage", "triage_name", "triage_high", "screen_complete",
            "suppress_training_advice", "confidence"]
    for k in range(1, SUMMARY_TOP + 1):
        cols += ["cause_%d" % k, "score_%d" % k, "score_low_%d" % k,
                 "score_high_%d" % k]
    return cols + ["error", "error_field"]


def frame_meta() -> "pd.DataFrame":
    """An empty frame with assess_frame()'s columns and dtypes (Dask's
    meta= for map_partitions)."""
    return assess_frame(pd.DataFrame())


def _column_values(name, field, col, n, errors):
    """A column -> float64 array for one slot; bad cells go to errors."""
    if col.dtype.kind in "fiub":
        vals = col.to_numpy(dtype=np.float64, na_value=np.nan)
        bad = np.isinf(vals)
        if field.info.kind != _core.KIND_TRI and col.dtype.kind == "b":
            bad = np.ones(n, dtype=bool)
        for i in np.flatnonzero(bad):
            if i not in errors:
                try:
                    _convert_value(name, field.info, col.iat[i])
                except Error as e:
                    errors[i] = e
        return vals
    vals = np.full(n, np.nan)
    for i, v in enumerate(col.tolist()):
        if v is None or v is pd.NA or v is pd.NaT:
            continue
        try:
            vals[i] = _convert_value(name, field.info, v,
                                     nan_is_unknown=True)
        except Error as e:
            errors.setdefault(i, e)
    return vals


def assess_frame(df: "pd.DataFrame",
                 rulebase: Union[Rulebase, str, "os.PathLike[str]",
                                 None] = None,
                 ignore_unknown: bool = False) -> "pd.DataFrame":
    """Assess every row of df (one runner per row) in batch calls.

    Columns are input names ("age_years", "daily_sleep_h[3]") or a series
    name holding lists; missing values (NaN, None, NA) are unknown.
    rulebase is a Rulebase, a path loaded once per process, or None for
    the built-in one.  Columns that are not inputs raise Error naming them
    unless ignore_unknown.  Returns a frame with df's index and the
    columns of frame_columns(): triage, the top causes with their scores
    and bounds, confidence; a refused row has None there and the error's
    message and field in "error" and "error_field".
    """
    if not isinstance(df, pd.DataFrame):
        raise Error("assess_frame takes a pandas DataFrame, not %s"
                    % type(df).__name__, code=EINVAL, name="df")
    rb = _rulebase(rulebase)
    n = len(df)
    per = _core._nslots
    size = len(_core._template)
    buf = bytearray(_core._template * n)
    grid = np.frombuffer(buf, dtype=np.float64).reshape(n, per) if n else \
        np.zeros((0, per))
    errors = {}
    for name in df.columns:
        field = _core._fields.get(name) if isinstance(name, str) else None
        if field is None:
            if ignore_unknown:
                continue
            _core._encode_name(name)
            raise _unknown_input(name)
        col = df[name]
        if field.length == 1:
            grid[:, field.slot] = _column_values(name, field, col, n,
                                                 errors)
            continue
        view = memoryview(buf).cast("d")
        for i, v in enumerate(col.tolist()):
            if v is None or (isinstance(v, float) and math.isnan(v)):
                continue
            try:
                _core._fill(view, i * per, {name: v}, nan_is_unknown=True)
            except Error as e:
                errors.setdefault(i, e)
    for i in errors:
        grid[i, 0] = 0.0             # size 0: the batch call skips the row
    out = np.zeros(n, dtype=_SUMMARY_DTYPE)
    if n:
        _run(rb, buf, n, out)
    return _to_frame(rb, df.index, out, buf, errors)


def _run(rb, buf, n, out):
    err = _core._new_err()
    cbuf = (_core.ctypes.c_char * len(buf)).from_buffer(buf)
    rc = rb._lib.hl_assess_batch(
        rb._handle(), _core.ctypes.addressof(cbuf), len(_core._template), n,
        out.ctypes.data, _SUMMARY_DTYPE.itemsize, _core.ctypes.byref(err))
    del cbuf
    if rc != OK and rc != _core.ENOMEM:
        raise Error._from_c(rc, err)


def _to_frame(rb, index, s, buf, errors):
    ok = s["status"] == OK
    for i in errors:
        ok[i] = False
    cols = {}

    def masked(values, dtype=object):
        a = np.array(values, dtype=object)
        a[~ok] = None
        return a

    cols["triage"] = pd.array(np.where(ok, s["triage"], 0), dtype="Int64")
    cols["triage"][~ok] = pd.NA
    names = np.array(URGENCY_NAMES, dtype=object)
    cols["triage_name"] = masked(names[np.clip(s["triage"], 0, 4)])
    cols["triage_high"] = pd.array(np.where(ok, s["triage_high"], 0),
                                   dtype="Int64")
    cols["triage_high"][~ok] = pd.NA
    cols["screen_complete"] = masked(s["screen_complete"] != 0)
    cols["suppress_training_advice"] = masked(
        s["suppress_training_advice"] != 0)
    cols["confidence"] = np.where(ok, s["confidence"], np.nan)
    ids = np.array(list(rb.cause_ids) + [None], dtype=object)
    for k in range(SUMMARY_TOP):
        idx = s["top_cause"][:, k] if len(s) else np.zeros(0, dtype=int)
        has = ok & (idx >= 0)
        cols["cause_%d" % (k + 1)] = np.where(has, ids[idx], None)
        for key, field in (("score", "top_score"),
                           ("score_low", "top_score_low"),
                           ("score_high", "top_score_high")):
            v = s[field][:, k] if len(s) else np.zeros(0)
            cols["%s_%d" % (key, k + 1)] = np.where(has, v, np.nan)
    err_msg = np.full(len(s), None, dtype=object)
    err_field = np.full(len(s), None, dtype=object)
    for i in np.flatnonzero(~ok):
        e = errors.get(i)
        if e is None:
            e = rb._row_error(buf, i) or Error(
                "refused: %s" % _core.strerror(int(s["status"][i])),
                code=int(s["status"][i]),
                name=s["field"][i].decode("utf-8", "replace"))
        err_msg[i] = str(e)
        err_field[i] = e.field
    cols["error"] = err_msg
    cols["error_field"] = err_field
    return pd.DataFrame(cols, index=index, columns=frame_columns())
