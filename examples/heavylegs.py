# SPDX-License-Identifier: MIT
"""Python binding of libheavylegs through ctypes (standard library only).

    import heavylegs
    inp = heavylegs.Inputs()
    inp["age_years"] = 34
    inp["daily_distance_km"] = [8, 0, 10]      # today first; later days unknown
    inp["heaviness_onset"] = "gradual"         # enum value by name
    inp["thirsty"] = True                      # yes/no
    print(inp.derive("acwr"))                  # float, or None when unknown
    report = heavylegs.Rulebase.default().assess(inp)
    print(report.triage_name, [f.id for f in report.findings])

The library is found through, in this order: the path given to load(), the
environment variable HL_LIBRARY, ctypes.util.find_library("heavylegs"), and
"libheavylegs.so.1".  Importing this module loads it once that way; call
load(path) before anything else to use another copy.

The Inputs structure is built from the library's own vocabulary
(hl_input_count/hl_input_describe) and checked against it, so it always
matches the struct the loaded library was compiled with.  Every value set by
name goes through hl_inputs_set(), so the library validates it.  A report is
copied into plain Python objects as soon as it is made and the C report is
freed at once: nothing returned by this module refers to library memory.
"""

import ctypes
import ctypes.util
import json
import math
import os
import re
import weakref

__all__ = [
    "Error", "Inputs", "InputInfo", "Rulebase", "Report", "Finding",
    "load", "version", "version_number", "strerror", "inputs_vocabulary",
    "derived_names",
    "OK", "ENOMEM", "EINVAL", "EIO", "ESYNTAX", "ESCHEMA", "EUNSUPPORTED",
    "EINPUT", "ERANGE",
]

# Status codes (heavylegs.h).
OK = 0
ENOMEM = -1
EINVAL = -2
EIO = -3
ESYNTAX = -4
ESCHEMA = -5
EUNSUPPORTED = -6
EINPUT = -7
ERANGE = -8

_CODE_NAMES = {
    OK: "HL_OK", ENOMEM: "HL_ENOMEM", EINVAL: "HL_EINVAL", EIO: "HL_EIO",
    ESYNTAX: "HL_ESYNTAX", ESCHEMA: "HL_ESCHEMA",
    EUNSUPPORTED: "HL_EUNSUPPORTED", EINPUT: "HL_EINPUT", ERANGE: "HL_ERANGE",
}

KIND_NUMBER = 0
KIND_COUNT = 1
KIND_TRI = 2
KIND_ENUM = 3
_KIND_NAMES = {KIND_NUMBER: "number", KIND_COUNT: "count", KIND_TRI: "tri",
               KIND_ENUM: "enum"}

FINDING_RED_FLAG = 1
FINDING_CAUSE = 2
FINDING_STRATEGY = 3
_FINDING_KINDS = {FINDING_RED_FLAG: "red_flag", FINDING_CAUSE: "cause",
                  FINDING_STRATEGY: "strategy"}

STATE_NOT_FIRED = 0
STATE_FIRED = 1
STATE_UNKNOWN = 2
_STATE_NAMES = {STATE_NOT_FIRED: "not_fired", STATE_FIRED: "fired",
                STATE_UNKNOWN: "unknown"}

SERIES_DAYS = 28
INPUTS_SIZE_V1 = 1864
INPUTS_SIZE_V1_1 = 1928
_ABI_MAJOR = 1

_NAN = float("nan")


# --- C structures and handles -------------------------------------------

class _CError(ctypes.Structure):
    """hl_error, version 1."""
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


class _CInputInfo(ctypes.Structure):
    """hl_input_info, version 1."""
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


class _CRulebase(ctypes.Structure):
    pass


class _CReport(ctypes.Structure):
    pass


class _CFinding(ctypes.Structure):
    pass


_RulebaseP = ctypes.POINTER(_CRulebase)
_ReportP = ctypes.POINTER(_CReport)
_FindingP = ctypes.POINTER(_CFinding)


class _InputsBase(ctypes.Structure):
    """Common base of the generated Inputs class (no fields of its own)."""


_InputsP = ctypes.POINTER(_InputsBase)

# Every function of heavylegs.h: name -> (restype, argtypes).  The Inputs
# pointer type is a placeholder patched once the Inputs class exists.
_c_char_p = ctypes.c_char_p
_c_int = ctypes.c_int
_c_size = ctypes.c_size_t
_c_double = ctypes.c_double
_ErrP = ctypes.POINTER(_CError)
_INPUTS = object()

_PROTOTYPES = {
    "hl_version": (_c_char_p, []),
    "hl_version_number": (ctypes.c_uint32, []),
    "hl_strerror": (_c_char_p, [_c_int]),

    "hl_inputs_init": (None, [_INPUTS, _c_size]),
    "hl_inputs_set": (_c_int, [_INPUTS, _c_char_p, _c_double, _ErrP]),
    "hl_inputs_get": (_c_int, [_INPUTS, _c_char_p,
                               ctypes.POINTER(_c_double), _ErrP]),
    "hl_inputs_check": (_c_int, [_INPUTS, _ErrP]),
    "hl_inputs_problem_count": (_c_size, [_INPUTS]),
    "hl_inputs_problem": (_c_int, [_INPUTS, _c_size, _ErrP]),
    "hl_inputs_derive": (_c_int, [_INPUTS, _c_char_p,
                                  ctypes.POINTER(_c_double), _ErrP]),
    "hl_input_count": (_c_size, []),
    "hl_input_describe": (_c_int, [_c_size, ctypes.POINTER(_CInputInfo)]),
    "hl_derived_count": (_c_size, []),
    "hl_derived_name": (_c_char_p, [_c_size]),

    "hl_rulebase_load_default": (_c_int, [ctypes.POINTER(_RulebaseP),
                                          _ErrP]),
    "hl_rulebase_load_file": (_c_int, [_c_char_p,
                                       ctypes.POINTER(_RulebaseP), _ErrP]),
    "hl_rulebase_load_buffer": (_c_int, [_c_char_p, _c_size, _c_char_p,
                                         ctypes.POINTER(_RulebaseP), _ErrP]),
    "hl_rulebase_free": (None, [_RulebaseP]),
    "hl_rulebase_lint": (_c_int, [_c_char_p, _c_size, _c_char_p, _c_size,
                                  ctypes.c_void_p, ctypes.c_void_p,
                                  ctypes.POINTER(_c_size)]),
    "hl_rulebase_name": (_c_char_p, [_RulebaseP]),
    "hl_rulebase_version": (_c_char_p, [_RulebaseP]),
    "hl_rulebase_count": (ctypes.c_size_t, [_RulebaseP, ctypes.c_int]),

    "hl_assess": (_c_int, [_RulebaseP, _INPUTS, ctypes.POINTER(_ReportP),
                           _ErrP]),
    "hl_report_free": (None, [_ReportP]),
    "hl_report_triage": (_c_int, [_ReportP]),
    "hl_report_triage_high": (_c_int, [_ReportP]),
    "hl_report_screen_complete": (_c_int, [_ReportP]),
    "hl_report_triage_name": (_c_char_p, [_ReportP]),
    "hl_report_suppress_training_advice": (_c_int, [_ReportP]),
    "hl_report_confidence": (_c_double, [_ReportP]),
    "hl_report_count": (_c_size, [_ReportP]),
    "hl_report_finding": (_FindingP, [_ReportP, _c_size]),
    "hl_report_question_count": (_c_size, [_ReportP]),
    "hl_report_question": (_c_char_p, [_ReportP, _c_size]),
    "hl_report_warning_count": (_c_size, [_ReportP]),
    "hl_report_warning": (_c_char_p, [_ReportP, _c_size]),
    "hl_report_disclaimer": (_c_char_p, [_ReportP]),
    "hl_report_json": (_c_int, [_ReportP, ctypes.c_char_p, _c_size,
                                ctypes.POINTER(_c_size)]),

    "hl_finding_kind": (_c_int, [_FindingP]),
    "hl_finding_id": (_c_char_p, [_FindingP]),
    "hl_finding_title": (_c_char_p, [_FindingP]),
    "hl_finding_advice": (_c_char_p, [_FindingP]),
    "hl_finding_score": (_c_double, [_FindingP]),
    "hl_finding_score_low": (_c_double, [_FindingP]),
    "hl_finding_score_high": (_c_double, [_FindingP]),
    "hl_finding_band": (_c_char_p, [_FindingP]),
    "hl_finding_coverage": (_c_double, [_FindingP]),
    "hl_finding_urgency": (_c_int, [_FindingP]),
    "hl_finding_secondary": (_c_int, [_FindingP]),
    "hl_finding_evidence_count": (_c_size, [_FindingP]),
    "hl_finding_evidence_when": (_c_char_p, [_FindingP, _c_size]),
    "hl_finding_evidence_weight": (_c_double, [_FindingP, _c_size]),
    "hl_finding_evidence_state": (_c_int, [_FindingP, _c_size]),
    "hl_finding_evidence_text": (_c_char_p, [_FindingP, _c_size]),
}

# The loaded library and the Inputs class built from it (see load()).
_lib = None
_lib_path = None
_load_error = None
_vocab = {}          # input name -> InputInfo
_vocab_order = []    # input names in struct order
_derived = []        # derived metric names


# --- errors --------------------------------------------------------------

def _text(b):
    """bytes from the library (or None) -> str, copied."""
    if b is None:
        return None
    return b.decode("utf-8", "replace")


def _num(x):
    """A C double -> float, or None for NaN."""
    return None if math.isnan(x) else x


class Error(Exception):
    """A failure reported by libheavylegs, with the fields of hl_error.

    code is one of the HL_E* values (EINPUT, ESCHEMA...); line and column are
    1-based positions in a rulebase (0 when there is none); file is the
    rulebase path or buffer name; rule the id of the rule being read; name
    the offending key or input ("daily_sleep_h[3]"); count the number of bad
    inputs for EINPUT; message the library's full message.
    """

    def __init__(self, message, code=EINVAL, line=0, column=0, count=1,
                 file="", rule="", name=""):
        super().__init__(message)
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        self.count = count
        self.file = file
        self.rule = rule
        self.name = name

    @property
    def code_name(self):
        return _CODE_NAMES.get(self.code, str(self.code))

    def __str__(self):
        return self.message

    def __repr__(self):
        return ("heavylegs.Error(%s, %r, name=%r, line=%d, column=%d)"
                % (self.code_name, self.message, self.name, self.line,
                   self.column))

    @classmethod
    def _from_c(cls, rc, err):
        code = err.code if err.code != 0 else rc
        msg = _text(err.message) or strerror(code)
        return cls(msg, code=code, line=err.line, column=err.column,
                   count=err.count, file=_text(err.file),
                   rule=_text(err.rule), name=_text(err.name))


def _new_err():
    err = _CError()
    err.size = ctypes.sizeof(_CError)
    return err


def _check(rc, err):
    if rc != OK:
        raise Error._from_c(rc, err)


# --- loading ---------------------------------------------------------------

def _default_path():
    env = os.environ.get("HL_LIBRARY")
    if env:
        return env
    found = ctypes.util.find_library("heavylegs")
    return found or "libheavylegs.so.1"


def _declare(lib, inputs_p):
    for fname, (restype, argtypes) in _PROTOTYPES.items():
        try:
            fn = getattr(lib, fname)
        except AttributeError:
            raise OSError("%s: the library lacks %s" % (lib._name, fname))
        fn.restype = restype
        fn.argtypes = [inputs_p if a is _INPUTS else a for a in argtypes]


def load(path=None):
    """Load libheavylegs from path (or HL_LIBRARY, find_library, the
    soname) and build Inputs from its vocabulary.  Returns the path used.

    Objects made with a previously loaded library keep working with it, but
    Inputs made from the old class cannot be assessed by the new one.
    """
    global _lib, _lib_path, _load_error
    if path is None:
        path = _default_path()
    lib = ctypes.CDLL(os.fspath(path))
    # Declare with the generic Inputs pointer first, to read the vocabulary.
    _declare(lib, ctypes.c_void_p)
    major = lib.hl_version_number() // 10000
    if major != _ABI_MAJOR:
        raise OSError("%s: library version %s, this binding needs %d.x"
                      % (path, _text(lib.hl_version()), _ABI_MAJOR))
    vocab, order = _read_vocabulary(lib)
    inputs_cls = _build_inputs(vocab, order)
    _declare(lib, ctypes.POINTER(inputs_cls))
    _verify_inputs(lib, inputs_cls, vocab, order)
    derived = [_text(lib.hl_derived_name(i))
               for i in range(lib.hl_derived_count())]

    _lib, _lib_path, _load_error = lib, path, None
    _vocab.clear()
    _vocab.update(vocab)
    _vocab_order[:] = order
    _derived[:] = derived
    globals()["Inputs"] = inputs_cls
    return path


def _need():
    if _lib is None:
        raise OSError("libheavylegs is not loaded (%s); set HL_LIBRARY or "
                      "call heavylegs.load(path)" % (_load_error,))
    return _lib


def __getattr__(name):
    # Only reached when the import-time load failed (PEP 562).
    if name == "Inputs":
        _need()
    raise AttributeError("module 'heavylegs' has no attribute %r" % name)


def version():
    """The library's version string, e.g. "1.0.0"."""
    return _text(_need().hl_version())


def version_number():
    """The library's version as MAJOR*10000 + MINOR*100 + PATCH."""
    return _need().hl_version_number()


def strerror(code):
    """The library's text for a status code."""
    if _lib is None:
        return _CODE_NAMES.get(code, "error %d" % code)
    return _text(_lib.hl_strerror(code)) or "error %d" % code


# --- the input vocabulary ---------------------------------------------------

class InputInfo(object):
    """One entry of the input vocabulary, as hl_input_describe() gives it
    (copied; NaN bounds are None)."""

    __slots__ = ("name", "kind", "kind_name", "length", "cost", "unit",
                 "description", "min", "max", "min_exclusive",
                 "max_exclusive", "plausible_min", "plausible_max", "offset",
                 "enum_names")

    def __repr__(self):
        return "InputInfo(%s, %s, length=%d, offset=%d)" % (
            self.name, self.kind_name, self.length, self.offset)


def _read_vocabulary(lib):
    vocab, order = {}, []
    for i in range(lib.hl_input_count()):
        c = _CInputInfo()
        c.size = ctypes.sizeof(_CInputInfo)
        rc = lib.hl_input_describe(i, ctypes.byref(c))
        if rc != OK:
            raise OSError("hl_input_describe(%d) failed: %d" % (i, rc))
        info = InputInfo()
        info.name = _text(c.name)
        info.kind = c.kind
        info.kind_name = _KIND_NAMES.get(c.kind, str(c.kind))
        info.length = c.length
        info.cost = c.cost
        info.unit = _text(c.unit) or ""
        info.description = _text(c.description) or ""
        info.min, info.max = _num(c.min), _num(c.max)
        info.min_exclusive = bool(c.min_exclusive)
        info.max_exclusive = bool(c.max_exclusive)
        info.plausible_min = _num(c.plausible_min)
        info.plausible_max = _num(c.plausible_max)
        info.offset = c.offset
        if c.kind == KIND_ENUM and c.enum_count > 0 and c.enum_names:
            info.enum_names = tuple(_text(c.enum_names[k])
                                    for k in range(c.enum_count))
        else:
            info.enum_names = ()
        if not info.name or info.name in vocab:
            raise OSError("input %d: missing or duplicate name %r"
                          % (i, info.name))
        vocab[info.name] = info
        order.append(info.name)
    order.sort(key=lambda n: vocab[n].offset)
    return vocab, order


def _build_inputs(vocab, order):
    """A ctypes.Structure with one double (or double[28]) per input, at
    the offsets the library reports."""
    fields = [("size", ctypes.c_uint32), ("reserved0", ctypes.c_uint32)]
    reserved = set(dir(_InputsMixin)) | {"size", "reserved0"}
    at, npad = 8, 0
    for name in order:
        info = vocab[name]
        if info.offset % 8 != 0 or info.offset < at or info.length < 1:
            raise OSError("input %s: offset %d does not fit the layout"
                          % (name, info.offset))
        while at < info.offset:     # never expected: a hole in the struct
            fields.append(("_pad%d" % npad, ctypes.c_double))
            npad += 1
            at += 8
        ctype = ctypes.c_double
        if info.length != 1:
            ctype = ctypes.c_double * info.length
        # A field may not hide a method of the class.
        fields.append((name if name not in reserved else "f_" + name, ctype))
        at += 8 * info.length
    cls = type("Inputs", (_InputsMixin, _InputsBase), {"_fields_": fields})
    cls.__module__ = __name__
    return cls


def _verify_inputs(lib, cls, vocab, order):
    """Check the generated layout against the library itself."""
    size = ctypes.sizeof(cls)
    last = vocab[order[-1]]
    if size != last.offset + 8 * last.length:
        raise OSError("Inputs: sizeof %d != last offset + length" % size)
    if size < INPUTS_SIZE_V1:
        raise OSError("Inputs: sizeof %d < HL_INPUTS_SIZE_V1 (%d)"
                      % (size, INPUTS_SIZE_V1))
    probe = cls.__new__(cls)
    ctypes.memset(ctypes.byref(probe), 0, size)
    lib.hl_inputs_init(ctypes.byref(probe), size)
    if probe.size != size or probe.reserved0 != 0:
        raise OSError("hl_inputs_init did not set size/reserved0")
    raw = (ctypes.c_double * ((size - 8) // 8)).from_buffer(probe, 8)
    if not all(math.isnan(v) for v in raw):
        raise OSError("hl_inputs_init left a field known")
    # Give every 8-byte slot its own number and read it back by name.
    for s in range(len(raw)):
        raw[s] = float(s)
    out = ctypes.c_double()
    err = _new_err()
    for name in order:
        info = vocab[name]
        slot = (info.offset - 8) // 8
        keys = [(name, slot)]
        if info.length != 1:
            keys = [("%s[%d]" % (name, 0), slot),
                    ("%s[%d]" % (name, info.length - 1),
                     slot + info.length - 1)]
        for key, want in keys:
            rc = lib.hl_inputs_get(ctypes.byref(probe), key.encode(),
                                   ctypes.byref(out), ctypes.byref(err))
            if rc != OK or out.value != float(want):
                raise OSError("Inputs: %s is not at offset %d in the library"
                              % (key, 8 + 8 * want))


def inputs_vocabulary():
    """The input vocabulary: a list of InputInfo in struct order."""
    _need()
    return [_vocab[n] for n in _vocab_order]


def derived_names():
    """The names of the derived metrics Inputs.derive() accepts."""
    _need()
    return list(_derived)


# --- inputs ------------------------------------------------------------------

_ELEMENT = re.compile(r"^([A-Za-z0-9_]+)\[([0-9]+)\]$")


def _input_error(name, message):
    return Error("%s: %s" % (name, message), code=EINPUT, count=1,
                 name=name)


class _InputsMixin(object):
    """Methods of Inputs (the fields come from the library's vocabulary)."""

    def __init__(self, values=None, **kw):
        super().__init__()
        _need()
        _lib.hl_inputs_init(ctypes.byref(self), ctypes.sizeof(self))
        if values:
            self.update(values)
        if kw:
            self.update(kw)

    # -- the mapping interface
    def __setitem__(self, name, value):
        """Set an input by name: "age_years", "daily_sleep_h[3]", or a
        series name with a list (today first; missing days unknown).
        None is unknown; yes/no take True/False ("yes"/"no"); enums take
        their value names.  Bad values raise Error (EINPUT)."""
        base, info = self._lookup(name)
        if info is not None and info.length != 1 and base == name:
            if value is None:
                value = []
            if isinstance(value, (str, bytes)) or not hasattr(value,
                                                               "__len__"):
                raise TypeError("%s is a series of %d days: give a list "
                                "(today first) or set '%s[i]'"
                                % (name, info.length, name))
            if len(value) > info.length:
                raise _input_error(name, "%d values for a series of %d days"
                                   % (len(value), info.length))
            tmp = type(self).from_buffer_copy(self)
            for i in range(info.length):
                v = value[i] if i < len(value) else None
                tmp._set("%s[%d]" % (name, i), self._convert(
                    "%s[%d]" % (name, i), info, v))
            ctypes.memmove(ctypes.byref(self), ctypes.byref(tmp),
                           ctypes.sizeof(self))
            return
        self._set(name, self._convert(name, info, value))

    def __getitem__(self, name):
        """An input's value: None when unknown, True/False for yes/no, the
        value name for an enum, int for a count, float otherwise; a series
        name gives a list of its days."""
        base, info = self._lookup(name)
        if info is not None and info.length != 1 and base == name:
            return [self["%s[%d]" % (name, i)] for i in range(info.length)]
        v = self.get_raw(name)
        if v is None or info is None:
            return v
        if info.kind == KIND_TRI:
            return v != 0.0
        if info.kind == KIND_ENUM:
            k = int(v)
            return info.enum_names[k] if k < len(info.enum_names) else k
        if info.kind == KIND_COUNT:
            return int(v)
        return v

    def __delitem__(self, name):
        self[name] = None

    def __contains__(self, name):
        base, info = self._lookup(name)
        if info is None or base == name:
            return info is not None
        return info.length != 1 and int(name[len(base) + 1:-1]) < info.length

    def __iter__(self):
        return iter(self.keys())

    def keys(self):
        """The input names, in struct order."""
        return list(_vocab_order)

    def update(self, values=None, **kw):
        for src in (values or {}), kw:
            items = src.items() if hasattr(src, "items") else src
            for name, value in items:
                self[name] = value

    def get_raw(self, name):
        """The stored double of one input or series element (NaN -> None)."""
        out = ctypes.c_double()
        err = _new_err()
        _check(_lib.hl_inputs_get(ctypes.byref(self), name.encode("utf-8"),
                                  ctypes.byref(out), ctypes.byref(err)), err)
        return _num(out.value)

    def known(self):
        """A dict of the known inputs (series with at least one known day,
        trimmed after the last known day)."""
        out = {}
        for name in _vocab_order:
            v = self[name]
            if isinstance(v, list):
                while v and v[-1] is None:
                    v.pop()
                if v:
                    out[name] = v
            elif v is not None:
                out[name] = v
        return out

    def copy(self):
        return type(self).from_buffer_copy(self)

    def __repr__(self):
        return "Inputs(%r)" % (self.known(),)

    # -- library calls
    def check(self):
        """Run the library's full validation (cross-field rules too);
        raise Error listing every bad field."""
        err = _new_err()
        _check(_lib.hl_inputs_check(ctypes.byref(self), ctypes.byref(err)),
               err)

    def derive(self, metric):
        """A derived metric ("acwr", "heat_index_f", ...): float, or None
        when the inputs do not determine it."""
        out = ctypes.c_double(_NAN)
        err = _new_err()
        _check(_lib.hl_inputs_derive(ctypes.byref(self),
                                     metric.encode("utf-8"),
                                     ctypes.byref(out), ctypes.byref(err)),
               err)
        return _num(out.value)

    # -- helpers
    @staticmethod
    def _lookup(name):
        if not isinstance(name, str):
            raise TypeError("input names are str, not %s"
                            % type(name).__name__)
        m = _ELEMENT.match(name)
        base = m.group(1) if m else name
        return base, _vocab.get(base)

    def _convert(self, name, info, value):
        if value is None:
            return _NAN
        if info is None:
            # Not in the vocabulary: let the library name the problem.
            self._set(name, _NAN)
            raise _input_error(name, "not an input")    # not reached
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str):
            if info.kind == KIND_ENUM:
                try:
                    return float(info.enum_names.index(value))
                except ValueError:
                    raise _input_error(name, "%r is not one of %s" % (
                        value, ", ".join(info.enum_names))) from None
            if info.kind == KIND_TRI and value in ("yes", "no"):
                return 1.0 if value == "yes" else 0.0
            raise _input_error(name, "%r is not a %s" % (
                value, info.kind_name))
        try:
            return float(value)
        except (TypeError, ValueError, OverflowError):
            raise _input_error(name, "%r is not a number"
                               % (value,)) from None

    def _set(self, name, value):
        err = _new_err()
        _check(_lib.hl_inputs_set(ctypes.byref(self), name.encode("utf-8"),
                                  value, ctypes.byref(err)), err)


# --- rulebases ------------------------------------------------------------------

class Rulebase(object):
    """A loaded, immutable rulebase.  Make one with Rulebase.default(),
    Rulebase.from_file(path) or Rulebase.from_string(text); it is freed when
    the object is collected (or by close())."""

    def __init__(self, _handle):
        if not isinstance(_handle, _RulebaseP) or not _handle:
            raise TypeError("use Rulebase.default(), from_file() or "
                            "from_string()")
        self._h = _handle
        self._lib = _lib
        self._free = weakref.finalize(self, _lib.hl_rulebase_free, _handle)
        self.name = _text(_lib.hl_rulebase_name(_handle))
        self.version = _text(_lib.hl_rulebase_version(_handle))
        self.counts = {
            "red_flag": _lib.hl_rulebase_count(_handle, FINDING_RED_FLAG),
            "cause": _lib.hl_rulebase_count(_handle, FINDING_CAUSE),
            "strategy": _lib.hl_rulebase_count(_handle, FINDING_STRATEGY),
        }

    @classmethod
    def _load(cls, fn, *args):
        lib = _need()
        h = _RulebaseP()
        err = _new_err()
        rc = getattr(lib, fn)(*(args + (ctypes.byref(h), ctypes.byref(err))))
        if rc != OK:
            if h:
                lib.hl_rulebase_free(h)
            raise Error._from_c(rc, err)
        return cls(h)

    @classmethod
    def default(cls):
        """The built-in rulebase."""
        return cls._load("hl_rulebase_load_default")

    @classmethod
    def from_file(cls, path):
        """A rulebase read from a YAML file."""
        return cls._load("hl_rulebase_load_file", os.fsencode(path))

    @classmethod
    def from_string(cls, text, name="<string>"):
        """A rulebase from YAML text (str or bytes); name is used in errors."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._load("hl_rulebase_load_buffer", data, len(data),
                         name.encode("utf-8"))

    def close(self):
        """Free the rulebase now (also done when it is collected)."""
        self._free()
        self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "Rulebase(name=%r, version=%r)" % (self.name, self.version)

    def assess(self, inputs):
        """Assess inputs (an Inputs, or a dict of name -> value) and return
        a Report.  Invalid inputs raise Error (EINPUT) listing them."""
        lib = self._lib
        if self._h is None:
            raise ValueError("rulebase is closed")
        if not isinstance(inputs, _InputsBase):
            inputs = Inputs(inputs)
        elif not isinstance(inputs, Inputs):
            raise TypeError("inputs were made for another loaded library")
        rep = _ReportP()
        err = _new_err()
        try:
            rc = lib.hl_assess(self._h, ctypes.byref(inputs),
                               ctypes.byref(rep), ctypes.byref(err))
            if rc != OK:
                raise Error._from_c(rc, err)
            return Report._copy(lib, rep, self)
        finally:
            if rep:
                lib.hl_report_free(rep)


# --- reports -----------------------------------------------------------------------

class Finding(object):
    """One finding of a report (a plain copy).

    kind is "red_flag", "cause" or "strategy" (kind_code the HL_FINDING_*
    number); score and coverage are floats or None; band is "low",
    "moderate", "high", an urgency name for a red flag, or None; evidence is
    a list of dicts {when, weight, state, text} with state "fired",
    "not_fired" or "unknown".
    """

    __slots__ = ("kind", "kind_code", "id", "title", "advice", "score",
                 "band", "coverage", "urgency", "secondary", "evidence")

    def to_dict(self):
        return {k: getattr(self, k) for k in self.__slots__}

    def __repr__(self):
        return "Finding(%s %s, score=%r, band=%r)" % (
            self.kind, self.id, self.score, self.band)


class Report(object):
    """The result of Rulebase.assess(): plain Python data, no C memory.

    triage (0-4) and triage_name ("none" ... "emergency"),
    suppress_training_advice, confidence (float or None), findings (list of
    Finding), questions (input names to ask next), warnings, disclaimer,
    rulebase_name, rulebase_version; to_json() and to_dict() give the
    library's JSON report.
    """

    __slots__ = ("triage", "triage_name", "suppress_training_advice",
                 "confidence", "findings", "questions", "warnings",
                 "disclaimer", "rulebase_name", "rulebase_version", "_json")

    @classmethod
    def _copy(cls, lib, rep, rb):
        self = cls.__new__(cls)
        self.rulebase_name = rb.name
        self.rulebase_version = rb.version
        self.triage = lib.hl_report_triage(rep)
        self.triage_name = _text(lib.hl_report_triage_name(rep))
        self.suppress_training_advice = bool(
            lib.hl_report_suppress_training_advice(rep))
        self.confidence = _num(lib.hl_report_confidence(rep))
        self.findings = [_copy_finding(lib, lib.hl_report_finding(rep, i))
                         for i in range(lib.hl_report_count(rep))]
        self.questions = [_text(lib.hl_report_question(rep, i))
                          for i in range(lib.hl_report_question_count(rep))]
        self.warnings = [_text(lib.hl_report_warning(rep, i))
                         for i in range(lib.hl_report_warning_count(rep))]
        self.disclaimer = _text(lib.hl_report_disclaimer(rep))
        self._json = _report_json(lib, rep)
        return self

    def to_json(self):
        """The library's JSON report (a str)."""
        return self._json

    def to_dict(self):
        """The JSON report parsed into dicts and lists."""
        return json.loads(self._json)

    def by_kind(self, kind):
        """The findings of one kind: "red_flag", "cause" or "strategy"."""
        return [f for f in self.findings if f.kind == kind]

    def __repr__(self):
        return "Report(triage=%r, findings=%d, questions=%r)" % (
            self.triage_name, len(self.findings), self.questions)


def _copy_finding(lib, f):
    if not f:
        raise Error("hl_report_finding returned NULL", code=EINVAL)
    out = Finding()
    out.kind_code = lib.hl_finding_kind(f)
    out.kind = _FINDING_KINDS.get(out.kind_code, str(out.kind_code))
    out.id = _text(lib.hl_finding_id(f))
    out.title = _text(lib.hl_finding_title(f))
    out.advice = _text(lib.hl_finding_advice(f))
    out.score = _num(lib.hl_finding_score(f))
    out.band = _text(lib.hl_finding_band(f)) or None
    out.coverage = _num(lib.hl_finding_coverage(f))
    out.urgency = lib.hl_finding_urgency(f)
    out.secondary = bool(lib.hl_finding_secondary(f))
    out.evidence = []
    for i in range(lib.hl_finding_evidence_count(f)):
        state = lib.hl_finding_evidence_state(f, i)
        out.evidence.append({
            "when": _text(lib.hl_finding_evidence_when(f, i)),
            "weight": _num(lib.hl_finding_evidence_weight(f, i)),
            "state": _STATE_NAMES.get(state, str(state)),
            "text": _text(lib.hl_finding_evidence_text(f, i)),
        })
    return out


_JSON_CAP = 8192     # first buffer size for hl_report_json; grown as needed


def _report_json(lib, rep):
    cap = _JSON_CAP
    needed = ctypes.c_size_t(0)
    for _ in range(4):
        buf = ctypes.create_string_buffer(cap)
        rc = lib.hl_report_json(rep, buf, cap, ctypes.byref(needed))
        if rc == OK:
            return _text(buf.value)
        if rc != ERANGE or needed.value < cap:
            raise Error("hl_report_json: %s" % strerror(rc), code=rc)
        cap = needed.value + 1
    raise Error("hl_report_json: buffer keeps growing", code=ERANGE)


# Load the library now if it can be found; otherwise wait for load(path).
try:
    load()
except OSError as e:
    _load_error = e
