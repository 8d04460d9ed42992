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

from . import _columns, _core
from ._core import (EINVAL, OK, SUMMARY_TOP, URGENCY_NAMES, Error, Rulebase,
                    _unknown_input)

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


def _cell(col, i):
    """One cell of a column as the one-runner code takes it (missing:
    None; numpy scalars as Python ones)."""
    v = col.iat[i]
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, np.generic):
        v = v.item()
        if isinstance(v, float) and math.isnan(v):
            return None
    return v


def assess_frame(df: "pd.DataFrame",
                 rulebase: Union[Rulebase, str, "os.PathLike[str]",
                                 None] = None,
                 ignore_unknown: bool = False) -> "pd.DataFrame":
    """Assess every row of df (one runner per row) in batch calls.

    Columns are input names ("age_years", "daily_sleep_h[3]") or a series
    name holding lists (today first); missing values (NaN, None, NA) are
    unknown, in a series' list too.  Yes/no columns take bools (or
    "yes"/"no"), enum columns their value names.  rulebase is a Rulebase,
    a path loaded once per process, or None for the built-in one.  Columns
    that are not inputs raise Error naming them unless ignore_unknown.
    Returns a frame with df's index and the columns of frame_columns():
    triage, the top causes with their scores and bounds, confidence; a
    refused row has None there and the error's message and field in
    "error" and "error_field" (the same error Rulebase.assess() raises
    for that row).
    """
    if not isinstance(df, pd.DataFrame):
        raise Error("assess_frame takes a pandas DataFrame, not %s"
                    % type(df).__name__, code=EINVAL, name="df")
    rb = _rulebase(rulebase)
    n = len(df)
    t = _columns.tables()
    used = []
    for j, name in enumerate(df.columns):
        field = _core._fields.get(name) if isinstance(name, str) else None
        if field is None:
            if ignore_unknown:
                continue
            _core._encode_name(name)
            raise _unknown_input(name)
        used.append((j, name, field))
    buf, grid = _columns.new_buffer(n)
    bad = np.zeros(n, dtype=bool)
    objcols = []          # (key id, list of cells) of the object columns
    has_series = any(f.length != 1 for _, _, f in used)
    has_day = any(t.day[t.kid[name]] for _, name, _ in used)
    # numpy float and integer columns: all in one copy and one write
    dtypes = df.dtypes
    plain = [(j, f.slot) for j, _, f in used if f.length == 1 and
             isinstance(dtypes.iloc[j], np.dtype) and
             dtypes.iloc[j].kind in "fiu"]
    if plain and n:
        v = df.iloc[:, [j for j, _ in plain]].to_numpy(dtype=np.float64)
        bad |= np.isinf(v).any(axis=1)
        grid[:, [slot for _, slot in plain]] = v
    done = {j for j, _ in plain}
    others = []
    for j, name, field in used:
        if j in done:
            continue
        col = df.iloc[:, j]
        kind = col.dtype.kind
        if field.length == 1 and kind in "fiu":
            v = col.to_numpy(dtype=np.float64, na_value=np.nan)
            bad |= np.isinf(v)
            grid[:, field.slot] = v
        elif field.length == 1 and kind == "b" and field.tri:
            grid[:, field.slot] = col.to_numpy(dtype=np.float64,
                                               na_value=np.nan)
        elif field.length == 1 and kind == "b":
            bad |= ~col.isna().to_numpy()     # a bool for a number
        else:
            others.append((j, name, field))
    if others and n:
        # the other columns as one object array (a copy: missing cells
        # become None in it, not in df)
        sub = df.iloc[:, [j for j, _, _ in others]].to_numpy(dtype=object,
                                                             copy=True)
        na = pd.isna(sub)
        if na.any():
            sub[na] = None
        for c, (j, name, field) in enumerate(others):
            kid = t.kid[name]
            obj = sub[:, c]
            cells = obj.tolist()
            if field.length == 1:
                # one input: the whole column at once
                v, off = _columns.convert(int(t.cat[kid]), cells,
                                          t.maps[kid], True, obj)
                grid[:, field.slot] = v
                if off is not None:
                    bad |= off
            else:
                objcols.append((kid, cells))
    if has_series and has_day:
        bad[:] = True      # a series and its days: the column order decides
    if objcols:
        # the object columns' cells, a chunk of rows at a time (so that
        # they stay in the CPU cache while they are converted)
        kids = np.array([k for k, _ in objcols], dtype=np.intp)
        step = _core._BATCH_CHUNK
        for lo in range(0, n, step):
            hi = min(n, lo + step)
            vals = []
            for _, cells in objcols:
                vals.extend(cells[lo:hi])
            _columns.fill_cells(
                grid[lo:hi], vals, np.repeat(kids, hi - lo),
                np.tile(np.arange(hi - lo, dtype=np.intp), len(kids)),
                True, bad[lo:hi])
    which = np.flatnonzero(bad).tolist()
    rows = _Rows(df, used)
    errors = _columns.refill(buf, rows, which, True)
    out = np.zeros(n, dtype=_SUMMARY_DTYPE)
    if n:
        _run(rb, buf, n, out)
    return _to_frame(rb, df.index, out, buf, errors)


class _Rows(object):
    """Row i of the frame as a mapping, made only when asked for."""

    def __init__(self, df, used):
        self.df, self.used, self.cols = df, used, None

    def __getitem__(self, i):
        if self.cols is None:
            self.cols = [(name, self.df.iloc[:, j])
                         for j, name, _ in self.used]
        return lambda: {name: _cell(col, i) for name, col in self.cols}


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
