# SPDX-License-Identifier: MIT
"""Filling many hl_inputs structs at once, with numpy.

Rulebase.assess_many() uses this when numpy is installed, and
assess_frame() always.  The n structs are one contiguous buffer, seen as
an (n, slots) float64 array.  The values are gathered into one flat list
of cells (value, input, row) - for a list of dicts by extending lists with
each dict's keys and values, without a Python statement per value - and
each kind of input is then converted, checked and written with whole-array
operations: numbers and counts, yes/no, enums (by name, through a lookup
table), and the 28-day series (padded and converted all at once).

It is optimistic and conservative.  A row where anything looks off (a
value of a type the fast path does not know, NaN where NaN is not allowed,
an infinity, a number too large for a double, an enum name that is not
one, a series that is too long, a key that is not an input...) is only
marked.  The caller fills the marked rows again with the one-runner code
(_core._fill), which is the reference: it writes the same values, or
raises the Error naming the field exactly as Rulebase.assess() does for
that row.  So a bad row gets its own error and never stops the others, and
the fast path never decides on its own what is an error.
"""
import itertools
import operator
import threading
from array import array as _array

import numpy as np

from . import _core

_F8 = np.float64
_NAN = float("nan")
_NoneType = type(None)
_NUM = frozenset((float, int, _NoneType))        # numbers and counts
_TRI = _NUM | {bool}                              # yes/no take bools too
_MAPPED = frozenset((str, float, int, bool, _NoneType))
_SEQ = frozenset((list, tuple))
_SEQ_NONE = _SEQ | {_NoneType}
# Not the code of any enum or yes/no value: a cell its lookup table lacks.
_MISS = -1.0e300
_repeat = itertools.repeat
_chain = itertools.chain.from_iterable
_is = operator.is_

C_NUM, C_TRI, C_ENUM, C_SKIP, C_SER, C_SER_TRI, C_SLOW = range(7)

_YES_NO = {None: _NAN, "yes": 1.0, "no": 0.0, "true": 1.0, "false": 0.0,
           True: 1.0, False: 0.0}


class _Tables(object):
    """Every key _core._fill accepts ("age_years", "daily_sleep_h",
    "daily_sleep_h[3]") as a small integer id, and per id its first slot,
    kind of cell, length, lookup table, and whether it is a series day."""

    def __init__(self):
        self.template = _core._template
        names = list(_core._fields)
        self.kid = {name: i for i, name in enumerate(names)}
        self.kidm = _KeyIds(self.kid)
        self.kid2 = {name: i.to_bytes(2, "little")
                     for name, i in self.kid.items()}
        # an id whose cells are skipped: a key that is not an input
        names.append(None)
        self.kid_none = k = len(names) - 1
        k += 1
        self.slot = np.zeros(k, dtype=np.intp)
        self.cat = np.zeros(k, dtype=np.int8)
        self.length = np.zeros(k, dtype=np.intp)
        self.day = np.zeros(k, dtype=bool)
        self.maps = [None] * k
        self.cat[self.kid_none] = C_SKIP
        for i, name in enumerate(names[:-1]):
            f = _core._fields[name]
            kind = f.info.kind
            self.slot[i] = f.slot
            self.length[i] = f.length
            self.day[i] = f.length == 1 and f.info.length != 1
            if f.length != 1:
                self.cat[i] = (C_SER_TRI if kind == _core.KIND_TRI else
                               C_SER if kind in (_core.KIND_NUMBER,
                                                 _core.KIND_COUNT)
                               else C_SLOW)
            elif kind == _core.KIND_TRI:
                self.cat[i] = C_TRI
            elif kind == _core.KIND_ENUM:
                self.cat[i] = C_ENUM
                m = {None: _NAN}
                for code, v in enumerate(f.info.enum_names):
                    m[v] = float(code)
                    m[code] = float(code)    # codes are accepted too
                self.maps[i] = m
            else:
                self.cat[i] = C_NUM


_tables_cache = []


def tables():
    """The tables for the library loaded now (rebuilt after load())."""
    if not _tables_cache or _tables_cache[0].template is not \
            _core._template:
        _tables_cache[:] = [_Tables()]
    return _tables_cache[0]


def new_buffer(n):
    """n structs from hl_inputs_init: a writable byte buffer (a
    memoryview) and the same memory as an (n, slots) float64 array."""
    grid = np.empty((n, _core._nslots), dtype=_F8)
    grid[:] = np.frombuffer(_core._template, dtype=_F8)
    if not n:
        return memoryview(bytearray()), grid
    return memoryview(grid.reshape(-1)).cast("B"), grid


_local = threading.local()


def chunk_buffer(n):
    """Like new_buffer(n), but the memory is this thread's and reused by
    its next call (for a batch that is done with it before then)."""
    grid = getattr(_local, "grid", None)
    if grid is None or len(grid) < n or \
            _local.template is not _core._template:
        _local.buf, grid = new_buffer(max(n, 1))
        _local.grid, _local.template = grid, _core._template
    else:
        grid[:n] = np.frombuffer(_core._template, dtype=_F8)
    return _local.buf[:n * len(_core._template)], grid[:n]


def _take(vals, pos):
    """The cells of vals at the positions pos (numpy ints), as a tuple."""
    p = pos.tolist()
    if len(p) == 1:
        return (vals[p[0]],)
    return operator.itemgetter(*p)(vals)


def _to_doubles(x, has_none, obj=None):
    """A sequence of plain numbers (None allowed when has_none) ->
    float64.  obj: the same cells as an object array, if there is one."""
    if has_none:
        # numpy's object -> float cast makes None NaN, faster than
        # np.array() on the list
        if obj is None:
            obj = np.fromiter(x, dtype=object, count=len(x))
        return obj.astype(_F8)
    return np.frombuffer(_array("d", x), dtype=_F8)


def _each(x, allowed):
    """The slow way: a float64 array, and which cells are not plain finite
    numbers of an allowed type (those rows are filled again)."""
    m = len(x)
    v = np.full(m, np.nan)
    off = np.zeros(m, dtype=bool)
    for j, c in enumerate(x):
        t = type(c)
        if c is None:
            continue
        if t in allowed:
            if t is float:
                if c - c == 0.0:
                    v[j] = c
                    continue
            elif -_core._BIG < c < _core._BIG:
                v[j] = c
                continue
        off[j] = True
    return v, off


def _nonfinite(v, x, nan_ok, expected=0, legit=None):
    """Cells of v (converted from x) that are not allowed: infinities, and
    NaN unless it came from None (or nan_ok), or is one of `expected`
    padding cells (legit() gives their mask)."""
    fin = np.isfinite(v)
    if fin.all():
        return None
    if nan_ok:
        return np.isinf(v)
    nonfin = ~fin
    # None always becomes NaN: if the counts agree, those are all of them
    nones = x.count(None)
    if int(nonfin.sum()) == nones + expected:
        return None
    ok = np.fromiter(map(_is, x, _repeat(None)), bool, len(x))
    if legit is not None:
        ok |= legit()
    return nonfin & ~ok


def _scalars(c, vals, pos, ids, t, nan_ok):
    """Scalar cells of kind c -> (values, cells to fill again or None)."""
    maps = None
    if c == C_ENUM:
        maps = list(map(t.maps.__getitem__, ids[pos].tolist()))
    return convert(c, _take(vals, pos), maps, nan_ok)


def convert(c, x, maps, nan_ok, obj=None):
    """A sequence x of scalar cells of kind c -> (float64 values, cells to
    fill again or None).  maps: for enums, the value table of each cell
    (a list) or of all of them (a dict).  obj: x as an object array, if
    the caller has one."""
    m = len(x)
    allowed = _NUM if c == C_NUM else _TRI
    if c == C_TRI and obj is None:
        # array() takes exactly what a yes/no cell may hold (numbers and
        # bools) and refuses None and text: no look at the types first
        try:
            v = np.frombuffer(_array("d", x), dtype=_F8)
        except (OverflowError, TypeError, ValueError):
            v = None
        if v is not None:
            return v, _nonfinite(v, x, nan_ok)
    types = set(map(type, x))
    if c != C_ENUM and types <= allowed:
        try:
            v = _to_doubles(x, _NoneType in types, obj)
        except (OverflowError, TypeError, ValueError):
            return _each(x, allowed)
        return v, _nonfinite(v, x, nan_ok)
    if c == C_NUM or not types <= _MAPPED:
        return _each(x, allowed)
    if c == C_TRI:
        v = np.fromiter(map(_YES_NO.get, x, _repeat(_MISS)), _F8, m)
    else:
        try:
            if isinstance(maps, dict):
                v = np.fromiter(map(maps.get, x, _repeat(_MISS)), _F8, m)
            else:
                v = np.fromiter(map(dict.get, maps, x, _repeat(_MISS)),
                                _F8, m)
        except TypeError:
            return _each(x, allowed)
    off = v == _MISS
    if bool in types and c == C_ENUM:
        off |= np.fromiter(map(_is, map(type, x), _repeat(bool)), bool, m)
    return v, off


def _series(vals, pos, ids, t, nan_ok, bad, rowid, flat, per):
    """Series cells (lists or tuples of days, None for unknown)."""
    s = list(_take(vals, pos))
    m = len(s)
    types = set(map(type, s))
    if not types <= _SEQ:
        if types <= _SEQ_NONE:
            # unknown series (None): skipped, the struct says unknown
            keep = np.flatnonzero(np.fromiter(
                map(operator.is_not, s, _repeat(None)), bool, m))
        else:
            keep = []
            for j, x in enumerate(s):
                if type(x) in _SEQ:
                    keep.append(j)
                elif x is not None:
                    bad[rowid[pos[j]]] = True
            keep = np.array(keep, dtype=np.intp)
        if not len(keep):
            return
        pos = pos[keep]
        s = list(_take(s, keep))
        m = len(s)
    length = t.length[ids[pos]]
    lens = list(map(len, s))
    if max(lens) > int(length.min()):
        for j, k in enumerate(lens):
            if k > length[j]:
                bad[rowid[pos[j]]] = True
                s[j] = ()
                lens[j] = 0
    if int(length.min()) != int(length.max()):
        for L in np.unique(length).tolist():      # never today: all 28
            sub = np.flatnonzero(length == L)
            _series(vals, pos[sub], ids, t, nan_ok, bad, rowid, flat, per)
        return
    L = int(length[0])
    cat = t.cat[ids[pos]]
    if (cat == C_SLOW).any():
        bad[rowid[pos[cat == C_SLOW]]] = True
    allowed = _TRI if (cat == C_SER_TRI).any() else _NUM
    if allowed is _TRI and (cat == C_SER).any():
        bad[rowid[pos[cat == C_SER]]] = True     # mixed: never today
    pads = _pads(L)
    f = list(_chain(_chain(zip(s, map(pads.__getitem__, lens)))))
    types = set(map(type, f))
    if not types <= allowed:
        for j, days in enumerate(s):
            if not set(map(type, days)) <= allowed:
                bad[rowid[pos[j]]] = True
                s[j] = ()
                lens[j] = 0
        f = list(_chain(_chain(zip(s, map(pads.__getitem__, lens)))))
        types = set(map(type, f))
    try:
        v, off = _days(f, _NoneType in types, nan_ok, L * m - sum(lens))
    except (OverflowError, TypeError, ValueError):
        bad[rowid[pos]] = True
        return
    v = v.reshape(m, L)
    if off is not None:
        bad[rowid[pos[off.reshape(m, L).any(axis=1)]]] = True
    dst = rowid[pos] * per + t.slot[ids[pos]]
    flat[dst[:, None] + np.arange(L)[None, :]] = v


def _days(f, has_none, nan_ok, padding):
    """The flat list f of series days (padding of them the _NAN pads)
    -> (float64 values, cells not allowed or None).  f is ours: its None
    cells become _NAN in place (a few of them, found by list.index), so
    that array() converts it in one go and the NaN cells are counted
    without another pass."""
    nones, whole = 0, True
    if has_none:
        limit, i, find = len(f) >> 3, -1, f.index
        try:
            while True:
                i = find(None, i + 1)
                f[i] = _NAN
                nones += 1
                if nones > limit:          # many: numpy takes the rest
                    whole = False
                    break
        except ValueError:
            pass
    if whole:
        v = np.frombuffer(_array("d", f), dtype=_F8)
    else:
        v = np.array(f, dtype=_F8)
    fin = np.isfinite(v)
    if fin.all():
        return v, None
    if nan_ok:
        return v, np.isinf(v)
    nonfin = ~fin
    if whole and int(nonfin.sum()) == nones + padding:
        return v, None
    ok = np.fromiter(map(_is, f, _repeat(_NAN)), bool, len(f))
    ok |= np.fromiter(map(_is, f, _repeat(None)), bool, len(f))
    return v, nonfin & ~ok


_pad_cache = {}


def _pads(length):
    """Padding for a series of k days: (length - k) NaN, by k."""
    p = _pad_cache.get(length)
    if p is None:
        p = _pad_cache[length] = [(_NAN,) * (length - k)
                                  for k in range(length + 1)]
    return p


def fill_cells(grid, vals, ids, rowid, nan_ok, bad):
    """Write cells into grid: vals a list of Python values (None:
    unknown), ids their key ids (numpy ints), rowid their rows.  Marks in
    bad the rows to fill again one by one."""
    if not len(vals):
        return
    t = tables()
    per = grid.shape[1]
    flat = grid.reshape(-1)
    cat = t.cat[ids]
    dst = rowid * per + t.slot[ids]
    for c in (C_NUM, C_TRI, C_ENUM):
        pos = np.flatnonzero(cat == c)
        if len(pos):
            v, off = _scalars(c, vals, pos, ids, t, nan_ok)
            flat[dst[pos]] = v
            if off is not None:
                bad[rowid[pos[off]]] = True
    pos = np.flatnonzero(cat >= C_SER)
    if len(pos):
        _series(vals, pos, ids, t, nan_ok, bad, rowid, flat, per)


class _KeyIds(dict):
    """key -> id; -1 for a key that is not an input."""

    def __missing__(self, key):
        return -1


def fill_rows(buf, grid, rows):
    """Fill the structs of buf from rows (mappings or Inputs); return
    {row: Error} for the rows that are refused (their size is set to 0,
    which the batch call skips)."""
    n = len(rows)
    t = tables()
    bad = np.zeros(n, dtype=bool)
    dicts = rows
    if set(map(type, rows)) != {dict}:
        # Inputs, other mappings, errors: one by one
        dicts = [r if type(r) is dict else {} for r in rows]
        bad[[i for i, r in enumerate(rows) if type(r) is not dict]] = True
    # every key and value of every row, without a statement per row
    counts = list(map(len, dicts))
    total = sum(counts)
    if total:
        keys = list(_chain(dicts))
        try:
            # each id as two bytes: one lookup per key, one join
            ida = np.frombuffer(b"".join(operator.itemgetter(*keys)(t.kid2)),
                                dtype="<u2").astype(np.intp)
        except (KeyError, TypeError):
            ida = np.fromiter(map(t.kidm.__getitem__, keys), np.intp, total)
        vals = list(_chain(map(dict.values, dicts)))
        rowid = np.repeat(np.arange(n, dtype=np.intp), counts)
        unknown = ida < 0
        if unknown.any():
            bad[rowid[unknown]] = True    # the row's error names the key
            ida[unknown] = t.kid_none
        day = t.day[ida]
        if day.any():
            # a series and one of its days in one row: the row's own order
            # decides which is written last, as in Rulebase.assess()
            ser = t.cat[ida] >= C_SER
            bad[np.intersect1d(rowid[day], rowid[ser])] = True
        fill_cells(grid, vals, ida, rowid, False, bad)
    return refill(buf, rows, np.flatnonzero(bad).tolist(), False)


def refill(buf, rows, which, nan_ok):
    """Fill the given rows again with the one-runner code; their errors.
    rows[i] may be a callable giving the row."""
    errors = {}
    size = len(_core._template)
    per = _core._nslots
    view = memoryview(buf).cast("d")
    for i in which:
        row = rows[i]
        if callable(row) and not isinstance(row, _core._InputsBase):
            row = row()
        buf[i * size:(i + 1) * size] = _core._template
        try:
            _core._fill_one(view, i, per, size, buf, row, nan_ok)
        except _core.Error as e:
            errors[i] = e
            view[i * per] = 0.0        # size 0: the batch call skips it
    return errors
