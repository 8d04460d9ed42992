import collections
import ctypes
import ctypes.util
import difflib
import itertools
import json
import math
import operator
import os
import re
import struct
import sys
import sysconfig
import threading
import weakref
import collections.abc as _abc
from array import array as _array
from typing import (Any, Dict, Iterable, Iterator, List, Mapping, Optional,
                    Sequence, Tuple, Union)

__all__ = [
    "Error", "Inputs", "InputInfo", "Rulebase", "Report", "Finding",
    "Summary", "load", "library_path", "version", "version_number",
    "strerror", "inputs_vocabulary", "derived_names",
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
SUMMARY_TOP = 3
SUMMARY_SIZE_V1_1 = 192
BATCH_MAX = 1 << 30
URGENCY_NAMES = ("none", "discuss_with_doctor", "see_doctor_soon",
                 "urgent_care_now", "emergency")
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


class _CSummary(ctypes.Structure):
    """hl_summary, version 1.1 (one runner of hl_assess_batch)."""
    _fields_ = [
        ("size", ctypes.c_uint32),
        ("status", ctypes.c_int32),
        ("triage", ctypes.c_int32),
        ("triage_high", ctypes.c_int32),
        ("screen_complete", ctypes.c_int32),
        ("suppress_training_advice", ctypes.c_int32),
        ("confidence", ctypes.c_double),
        ("cause_count", ctypes.c_int32),
        ("finding_count", ctypes.c_int32),
        ("top_cause", ctypes.c_int32 * SUMMARY_TOP),
        ("red_flag_count", ctypes.c_int32),
        ("top_score", ctypes.c_double * SUMMARY_TOP),
        ("top_score_low", ctypes.c_double * SUMMARY_TOP),
        ("top_score_high", ctypes.c_double * SUMMARY_TOP),
        ("field", ctypes.c_char * 64),
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

    "hl_assess_batch": (_c_int, [_RulebaseP, ctypes.c_void_p, _c_size,
                                 _c_size, ctypes.c_void_p, _c_size, _ErrP]),
    "hl_rulebase_rule_id": (_c_char_p, [_RulebaseP, _c_int, _c_size]),
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


class Error(ValueError):
    """A failure reported by libheavylegs (a ValueError), with the fields of
    the library's hl_error.

    code is one of the HL_E* values (EINPUT, ESCHEMA...); line and column are
    1-based positions in a rulebase (0 when there is none); file is the
    rulebase path or buffer name; rule the id of the rule being read; field
    (also name) the offending key or input ("daily_sleep_h[3]"); count the
    number of bad inputs for EINPUT; message the full message.
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
    def field(self) -> str:
        """The input, key or argument the error is about ("" if none)."""
        return self.name

    def __reduce__(self):
        # Picklable, so that errors cross process boundaries (Dask).
        return (_rebuild_error, (self.message, self.code, self.line,
                                 self.column, self.count, self.file,
                                 self.rule, self.name))

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


def _rebuild_error(message, code, line, column, count, file, rule, name):
    return Error(message, code=code, line=line, column=column, count=count,
                 file=file, rule=rule, name=name)


def _safe_name(name):
    """A printable form of any name a caller passed (surrogates escaped)."""
    if isinstance(name, str):
        try:
            name.encode("utf-8")
            return name
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("ascii")
    return repr(name)


def _encode_name(name, what="input"):
    """A str name -> bytes for the library, or Error naming it."""
    if not isinstance(name, str):
        raise Error("%s names are str, not %s: %r"
                    % (what, type(name).__name__, name), code=EINVAL,
                    name=_safe_name(name))
    try:
        return name.encode("utf-8")
    except UnicodeEncodeError:
        safe = _safe_name(name)
        raise Error("%s: not a valid %s name (not UTF-8 text)"
                    % (safe, what), code=EINVAL, name=safe) from None


def _close_names(name, candidates):
    return difflib.get_close_matches(name, candidates, n=3, cutoff=0.6)


def _unknown_input(name):
    safe = _safe_name(name)
    close = _close_names(safe, _vocab_order) if isinstance(name, str) else []
    msg = "%s: not an input" % safe
    if close:
        msg += "; did you mean %s?" % " or ".join(close)
    return Error(msg, code=EUNSUPPORTED, name=safe)


def _new_err():
    err = _CError()
    err.size = ctypes.sizeof(_CError)
    return err


def _check(rc, err):
    if rc != OK:
        raise Error._from_c(rc, err)


# --- loading ---------------------------------------------------------------

_SONAME = "libheavylegs.so.1"


def _candidates():
    """Where the library is looked for, after an explicit path."""
    env = os.environ.get("HL_LIBRARY")
    if env:
        yield env
    here = os.path.dirname(os.path.abspath(__file__))
    # a copy installed beside the package
    yield os.path.join(here, _SONAME)
    # the libdir `make install` recorded
    try:
        from ._paths import LIBDIR
        yield os.path.join(LIBDIR, _SONAME)
    except ImportError:
        pass
    # the same prefix as the package: <prefix>/lib/python3*/.../heavylegs
    prefixes = []
    d = here
    for _ in range(5):
        d = os.path.dirname(d)
        if os.path.basename(d) == "lib":
            prefixes.append(os.path.dirname(d))
            break
    prefixes += [sys.prefix, sys.base_prefix]
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    for p in dict.fromkeys(prefixes):
        if multiarch:
            yield os.path.join(p, "lib", multiarch, _SONAME)
        yield os.path.join(p, "lib", _SONAME)
    # the source tree: python/heavylegs -> lib/
    yield os.path.join(os.path.dirname(os.path.dirname(here)), "lib",
                       _SONAME)
    found = ctypes.util.find_library("heavylegs")
    if found:
        yield found
    yield _SONAME


def _default_path():
    env = os.environ.get("HL_LIBRARY")
    if env:
        return env
    for c in _candidates():
        if os.path.sep not in c or os.path.exists(c):
            return c
    return _SONAME


def _declare(lib, inputs_p):
    for fname, (restype, argtypes) in _PROTOTYPES.items():
        try:
            fn = getattr(lib, fname)
        except AttributeError:
            raise OSError("%s: the library lacks %s" % (lib._name, fname))
        fn.restype = restype
        fn.argtypes = [inputs_p if a is _INPUTS else a for a in argtypes]


def load(path: Optional[str] = None) -> str:
    """Load libheavylegs and build Inputs from its vocabulary; return the
    path used.  Without a path it is looked for in this order: HL_LIBRARY,
    a copy installed beside the package, the package's prefix
    (<prefix>/lib/<multiarch>/, <prefix>/lib/), ctypes.util.find_library.

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
    _build_fast(vocab, order, inputs_cls)
    return path


def library_path() -> Optional[str]:
    """The path of the loaded library (None when it is not loaded)."""
    return _lib_path


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
    name = _safe_name(name)
    return Error("%s: %s" % (name, message), code=EINPUT, count=1,
                 name=name)


_YES_NO = {"yes": 1.0, "no": 0.0, "true": 1.0, "false": 0.0}


def _convert_value(name, info, value, nan_is_unknown=False):
    """A Python value for one input (or series day) -> its double.

    None is unknown; yes/no inputs take True/False or "yes"/"no"; enums
    their value names (or codes); numbers int or float.  Anything else, NaN
    (unless nan_is_unknown), infinities and numbers too large for a double
    raise Error naming the input."""
    if value is None:
        return _NAN
    kind = info.kind
    if isinstance(value, bool):
        if kind == KIND_TRI:
            return 1.0 if value else 0.0
        raise _input_error(name, "%r is not a %s" % (value, info.kind_name))
    if isinstance(value, str):
        if kind == KIND_ENUM:
            try:
                return float(info.enum_names.index(value))
            except ValueError:
                close = _close_names(value, info.enum_names)
                raise _input_error(name, "%r is not one of %s%s" % (
                    _safe_name(value), ", ".join(info.enum_names),
                    "; did you mean %s?" % " or ".join(close)
                    if close else "")) from None
        if kind == KIND_TRI and value.lower() in _YES_NO:
            return _YES_NO[value.lower()]
        raise _input_error(name, "%r is not a %s" % (_safe_name(value),
                                                     info.kind_name))
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise _input_error(name, "bytes are not a %s: decode them first"
                           % info.kind_name)
    if isinstance(value, float):
        v = value
    else:
        try:
            v = float(value)
        except OverflowError:
            raise _input_error(name, "%s is too large for a number"
                               % ("an integer" if isinstance(value, int)
                                  else "the value")) from None
        except (TypeError, ValueError):
            raise _input_error(name, "%s is not a %s" % (
                type(value).__name__, info.kind_name)) from None
    if v != v:
        if nan_is_unknown:
            return _NAN
        raise _input_error(name, "NaN is not a value: use None for unknown")
    if v in (_INF, -_INF):
        raise _input_error(name, "%s is not a finite number" % v)
    return v


_INF = float("inf")


class _Field(object):
    """How one input name is written into the struct: its first double
    slot (after the 8-byte header), length and vocabulary entry."""
    __slots__ = ("name", "slot", "length", "info", "tri", "numeric")

    def __init__(self, name, slot, length, info):
        self.name, self.slot, self.length, self.info = (name, slot, length,
                                                        info)
        self.tri = info.kind == KIND_TRI
        # ints are written as they are (enum codes and tri 0/1 included;
        # the library checks them)
        self.numeric = True


_BIG = 2 ** 53
_NoneType = type(None)
_DAY_NUM = frozenset((float, int, _NoneType))
_DAY_TRI = _DAY_NUM | {bool}
_nan_days = memoryview(_array("d", [float("nan")] * SERIES_DAYS))


_fields = {}          # name or "name[i]" -> _Field
_nslots = 0           # doubles per struct, header included
_template = b""       # one struct from hl_inputs_init


def _build_fast(vocab, order, cls):
    """Tables to write mappings straight into the struct (no call per
    value); the library still validates every value when assessing."""
    global _nslots, _template
    _fields.clear()
    for name in order:
        info = vocab[name]
        slot = info.offset // 8
        _fields[name] = _Field(name, slot, info.length, info)
        if info.length != 1:
            for d in range(info.length):
                _fields["%s[%d]" % (name, d)] = _Field(
                    "%s[%d]" % (name, d), slot + d, 1, info)
    _nslots = ctypes.sizeof(cls) // 8
    _template = bytes(cls())


def _fill(view, base, values, nan_is_unknown=False):
    """Write a mapping of name -> value into the struct whose first double
    is view[base] (view: a memoryview of doubles)."""
    if type(values) is dict or isinstance(values, _abc.Mapping):
        items = values.items()
    else:
        raise Error("inputs must be a mapping of input names to values "
                    "(or an Inputs), not %s" % type(values).__name__,
                    code=EINVAL, name="inputs")
    fields = _fields
    for name, value in items:
        f = fields.get(name) if isinstance(name, str) else None
        if f is None:
            _encode_name(name)
            raise _unknown_input(name)
        if f.length == 1:
            t = type(value)
            if t is float:
                if value - value == 0.0:           # finite: as is
                    view[base + f.slot] = value
                    continue
            elif t is int:
                if f.numeric and -_BIG < value < _BIG:
                    view[base + f.slot] = value
                    continue
            elif t is bool:
                if f.tri:
                    view[base + f.slot] = 1.0 if value else 0.0
                    continue
            elif value is None:
                view[base + f.slot] = _NAN
                continue
            view[base + f.slot] = _convert_value(name, f.info, value,
                                                 nan_is_unknown)
            continue
        if value is None:
            value = ()
        t = type(value)
        if t is not list and t is not tuple and (
                isinstance(value, (str, bytes, bytearray, _abc.Mapping,
                                   _abc.Set)) or
                not hasattr(value, "__len__")):
            raise _input_error(name, "a series of %d days: give a list "
                               "(today first) or set '%s[i]', not %s"
                               % (f.length, name, type(value).__name__))
        n = len(value)
        if 0 < n <= f.length:
            # plain numbers (None for an unknown day), all finite: one copy
            types = set(map(type, value))
            if types <= (_DAY_TRI if f.tri else _DAY_NUM):
                if _NoneType in types:
                    known = [x for x in value if x is not None]
                    days = [_NAN if x is None else x for x in value]
                else:
                    known = days = value
                try:
                    ok = math.isfinite(math.fsum(known))
                    days = _array("d", days)
                except (OverflowError, TypeError):
                    ok = False
                if ok:
                    s = base + f.slot
                    view[s:s + n] = memoryview(days)
                    if n < f.length:
                        view[s + n:s + f.length] = _nan_days[:f.length - n]
                    continue
        n = len(value)
        if n > f.length:
            raise _input_error(name, "%d values for a series of %d days"
                               % (n, f.length))
        s = base + f.slot
        try:
            days = list(value)
        except TypeError:
            raise _input_error(name, "a series of %d days: give a list"
                               % f.length) from None
        for d in range(f.length):
            view[s + d] = (_convert_value("%s[%d]" % (name, d), f.info,
                                          days[d], nan_is_unknown)
                           if d < n else _NAN)


def _fill_one(view, i, per, size, buf, row, nan_is_unknown):
    """Struct i of buf from one row: an Inputs (copied) or a mapping."""
    if isinstance(row, _InputsBase):
        if not isinstance(row, Inputs):
            raise Error("these Inputs were made for another loaded "
                        "library", code=EINVAL, name="inputs")
        buf[i * size:(i + 1) * size] = bytes(row)
    else:
        _fill(view, i * per, row, nan_is_unknown)


_columns_mod = []


def _columns():
    """The numpy column filler (heavylegs._columns), or None without
    numpy."""
    if not _columns_mod:
        try:
            from . import _columns as mod
        except ImportError:
            mod = None
        _columns_mod.append(mod)
    return _columns_mod[0]


# Below this many rows a batch is filled row by row (numpy's per-column
# cost is not worth it).
_COLUMNS_MIN = 16


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
                raise _input_error(name, "a series of %d days: give a list "
                                   "(today first) or set '%s[i]', not %s"
                                   % (info.length, name,
                                      type(value).__name__))
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
        rc = _lib.hl_inputs_get(ctypes.byref(self), _encode_name(name),
                                ctypes.byref(out), ctypes.byref(err))
        if rc == EUNSUPPORTED:
            raise _unknown_input(name)
        _check(rc, err)
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
                                     _encode_name(metric, "metric"),
                                     ctypes.byref(out), ctypes.byref(err)),
               err)
        return _num(out.value)

    # -- helpers
    @staticmethod
    def _lookup(name):
        _encode_name(name)
        m = _ELEMENT.match(name)
        base = m.group(1) if m else name
        return base, _vocab.get(base)

    def _convert(self, name, info, value):
        if value is None:
            return _NAN
        if info is None:
            # Not in the vocabulary: let the library name the problem.
            self._set(name, _NAN)
            raise _unknown_input(name)    # not reached
        return _convert_value(name, info, value)

    def _set(self, name, value):
        err = _new_err()
        rc = _lib.hl_inputs_set(ctypes.byref(self), _encode_name(name),
                                value, ctypes.byref(err))
        if rc == EUNSUPPORTED:
            raise _unknown_input(name)
        _check(rc, err)


# --- rulebases ------------------------------------------------------------

_BATCH_CHUNK = 512    # runners per hl_assess_batch call: the cells of a
                      # chunk stay in the CPU cache while they are converted


class Rulebase(object):
    """A loaded, immutable rulebase.

    Make one with Rulebase.default(), Rulebase.from_file(path) or
    Rulebase.from_string(text).  It is freed when the object is collected
    (or by close()).  One Rulebase may be used from any number of threads.
    """

    def __init__(self, _handle: Any) -> None:
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
        self.cause_ids = tuple(
            _text(_lib.hl_rulebase_rule_id(_handle, FINDING_CAUSE, i))
            for i in range(self.counts["cause"]))

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
    def default(cls) -> "Rulebase":
        """The rulebase built into the library."""
        return cls._load("hl_rulebase_load_default")

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Rulebase":
        """A rulebase read from a YAML file; errors carry line and column."""
        return cls._load("hl_rulebase_load_file", os.fsencode(path))

    @classmethod
    def from_string(cls, text: Union[str, bytes],
                    name: str = "<string>") -> "Rulebase":
        """A rulebase from YAML text (str or bytes); name is used in errors."""
        if isinstance(text, str):
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError as e:
                raise Error("%s: not UTF-8 text at character %d"
                            % (name, e.start), code=ESYNTAX,
                            file=name) from None
        else:
            data = bytes(text)
        return cls._load("hl_rulebase_load_buffer", data, len(data),
                         _encode_name(name, "rulebase"))

    def close(self) -> None:
        """Free the rulebase now (also done when it is collected)."""
        self._free()
        self._h = None

    def __enter__(self) -> "Rulebase":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "Rulebase(name=%r, version=%r)" % (self.name, self.version)

    def _handle(self):
        if self._h is None:
            raise Error("the rulebase is closed", code=EINVAL,
                        name="rulebase")
        return self._h

    def assess(self, inputs: Union[Mapping[str, Any], "Inputs", None] = None,
               **kw: Any) -> "Report":
        """Assess one runner and return its Report.

        inputs is a mapping of input names to values (or an Inputs); keyword
        arguments are inputs too: rb.assess(age_years=34, thirsty=True).
        Series take a list, today first.  A bad value raises Error naming
        the field (code EINPUT).
        """
        h = self._handle()
        lib = self._lib
        if isinstance(inputs, _InputsBase):
            if not isinstance(inputs, Inputs):
                raise Error("these Inputs were made for another loaded "
                            "library", code=EINVAL, name="inputs")
            if kw:
                inputs = inputs.copy()
                inputs.update(kw)
            cin = inputs
        else:
            cin = Inputs.from_buffer_copy(_template)
            view = memoryview(cin).cast("B").cast("d")
            if inputs is not None:
                _fill(view, 0, inputs)
            if kw:
                _fill(view, 0, kw)
        rep = _ReportP()
        err = _new_err()
        rc = lib.hl_assess(h, ctypes.byref(cin), ctypes.byref(rep),
                           ctypes.byref(err))
        if rc != OK:
            if rep:
                lib.hl_report_free(rep)
            raise Error._from_c(rc, err)
        return Report(lib, rep, self)

    def assess_many(self, rows: Iterable[Any]) -> List["Summary"]:
        """Assess many runners with the library's batch call.

        rows is an iterable of mappings (or Inputs), one per runner.  Returns
        one Summary per row, in order; a row that is refused has its error
        (a heavylegs.Error naming the field, the same Rulebase.assess()
        raises for that row) in .error and never stops the others.

        With numpy installed, rows are written into the library's structs
        a column at a time (heavylegs._columns); without it, one by one.
        Plain dicts are fastest; rows may have different keys."""
        out = []
        it = iter(rows)
        while True:
            chunk = list(itertools.islice(it, _BATCH_CHUNK))
            if not chunk:
                return out
            out.extend(self._batch_rows(chunk))

    def _batch_rows(self, rows):
        n = len(rows)
        cols = _columns() if n >= _COLUMNS_MIN else None
        if cols is not None:
            # numpy: a column at a time, bad rows again one by one
            buf, grid = cols.chunk_buffer(n)
            errors = cols.fill_rows(buf, grid, rows)
        else:
            size = len(_template)
            buf = bytearray(_template * n)
            view = memoryview(buf).cast("d")
            errors = {}
            per = _nslots
            for i, row in enumerate(rows):
                try:
                    _fill_one(view, i, per, size, buf, row, False)
                except Error as e:
                    errors[i] = e
                    view[i * per] = 0.0    # size 0: the library skips it
        return self._summaries(buf, n, errors)

    def _summaries(self, buf, n, errors=None):
        """hl_assess_batch over the n structs of buf -> [Summary]."""
        errors = errors or {}
        out = self._run_batch(buf, n)
        # one column per field, then one Summary per row, all through
        # map/zip (no Python statement per runner)
        cols = list(zip(*_SUMMARY.iter_unpack(out)))
        if not cols:
            return []
        ids = self.cause_ids + (None,)        # -1: no cause
        idg = ids.__getitem__
        tri = cols[2]
        causes = list(map(list, map(
            operator.getitem,
            zip(*(zip(map(idg, cols[9 + k]), cols[13 + k], cols[16 + k],
                      cols[19 + k]) for k in range(SUMMARY_TOP))),
            map(_FIRST.__getitem__, cols[7]))))
        res = list(map(_make_summary, zip(
            tri, map(_URGENCY_OF.__getitem__, tri), cols[3],
            map(bool, cols[4]), map(bool, cols[5]),
            [None if c != c else c for c in cols[6]], causes,
            _repeat(None))))
        bad = set(errors)
        if cols[1].count(OK) != n:
            bad.update(i for i, st in enumerate(cols[1]) if st != OK)
        for i in sorted(bad):
            t = cols[1][i], cols[-1][i]
            e = errors.get(i) or self._row_error(buf, i) or Error(
                "%s: %s" % (_text(t[1].rstrip(b"\0")), strerror(t[0])),
                code=t[0], name=_text(t[1].rstrip(b"\0")))
            res[i] = _make_summary((None, None, None, None, None, None, [],
                                    e))
        return res

    def _run_batch(self, buf, n):
        """hl_assess_batch over n structs in buf; the summaries array."""
        out = (_CSummary * n)()
        err = _new_err()
        cbuf = (ctypes.c_char * len(buf)).from_buffer(buf)
        rc = self._lib.hl_assess_batch(
            self._handle(), ctypes.addressof(cbuf), len(_template), n,
            ctypes.addressof(out), ctypes.sizeof(_CSummary),
            ctypes.byref(err))
        del cbuf
        if rc != OK and rc != ENOMEM:
            raise Error._from_c(rc, err)
        return out

    def _row_error(self, buf, i):
        """The full error of a refused row, from the library."""
        cin = Inputs.from_buffer_copy(buf, i * len(_template))
        rep = _ReportP()
        err = _new_err()
        rc = self._lib.hl_assess(self._h, ctypes.byref(cin),
                                 ctypes.byref(rep), ctypes.byref(err))
        if rep:
            self._lib.hl_report_free(rep)
        return Error._from_c(rc, err) if rc != OK else None


# hl_summary as cin.unpack reads it (the layout check in the tests pins
# it to the C one): size status triage triage_high screen suppress
# confidence cause_count finding_count top_cause[3] red_flag_count
# top_score[3] top_score_low[3] top_score_high[3] field.
_SUMMARY = struct.Struct("<I5id2i3ii3d3d3d64s")
assert _SUMMARY.size == SUMMARY_SIZE_V1_1


class Summary(collections.namedtuple("Summary", (
        "triage", "triage_name", "triage_high", "screen_complete",
        "suppress_training_advice", "confidence", "causes", "error"))):
    """One runner's result from Rulebase.assess_many() (a named tuple):
    triage (0-4) and triage_name, triage_high, screen_complete,
    suppress_training_advice, confidence, causes (up to three (id, score,
    score_low, score_high), highest first), and error (a heavylegs.Error
    for a refused row, whose other fields are then None)."""

    __slots__ = ()

    def to_dict(self) -> Dict[str, Any]:
        d = self._asdict()
        d["error"] = None if self.error is None else str(self.error)
        d["error_field"] = None if self.error is None else self.error.field
        return d

    def __repr__(self) -> str:
        if self.error is not None:
            return "Summary(error=%r)" % (str(self.error),)
        return "Summary(triage=%r, causes=%r)" % (self.triage_name,
                                                  self.causes)


_make_summary = Summary._make
_FIRST = [slice(0, k) for k in range(SUMMARY_TOP + 1)]
_URGENCY_OF = dict(enumerate(URGENCY_NAMES))
_repeat = itertools.repeat


# --- reports -------------------------------------------------------------

class Report(object):
    """The result of Rulebase.assess().

    It keeps the library's report (and its rulebase) alive and reads from
    it only what is asked for: triage (0-4) and triage_name ("none" ...
    "emergency"), triage_high, screen_complete, suppress_training_advice,
    confidence (float or None), findings (list of Finding), questions
    (input names to ask next), warnings, disclaimer; to_json() and
    to_dict() give the library's JSON report.  A Report belongs to one
    thread at a time.
    """

    __slots__ = ("_lib", "_rep", "_rb", "_findings", "__weakref__")

    def __init__(self, lib, rep, rb):
        self._lib = lib
        self._rep = rep
        self._rb = rb              # the rulebase outlives the report
        self._findings = None

    def __del__(self):
        rep, self._rep = getattr(self, "_rep", None), None
        if rep:
            self._lib.hl_report_free(rep)

    @property
    def rulebase_name(self) -> Optional[str]:
        return self._rb.name

    @property
    def rulebase_version(self) -> Optional[str]:
        return self._rb.version

    @property
    def triage(self) -> int:
        """0 none, 1 discuss with a doctor, 2 soon, 3 urgent, 4 emergency."""
        return self._lib.hl_report_triage(self._rep)

    @property
    def triage_name(self) -> str:
        return _text(self._lib.hl_report_triage_name(self._rep))

    @property
    def triage_high(self) -> int:
        """The highest triage the unanswered screen questions could give."""
        return self._lib.hl_report_triage_high(self._rep)

    @property
    def screen_complete(self) -> bool:
        """True when every red-flag screen question was answered."""
        return bool(self._lib.hl_report_screen_complete(self._rep))

    @property
    def suppress_training_advice(self) -> bool:
        return bool(self._lib.hl_report_suppress_training_advice(self._rep))

    @property
    def confidence(self) -> Optional[float]:
        return _num(self._lib.hl_report_confidence(self._rep))

    @property
    def findings(self) -> List["Finding"]:
        """Red flags, causes and strategies, in report order (a new list
        each time; each Finding keeps the report alive)."""
        lib, rep = self._lib, self._rep
        return [Finding(self, lib.hl_report_finding(rep, i))
                for i in range(lib.hl_report_count(rep))]

    @property
    def questions(self) -> List[str]:
        lib, rep = self._lib, self._rep
        return [_text(lib.hl_report_question(rep, i))
                for i in range(lib.hl_report_question_count(rep))]

    @property
    def warnings(self) -> List[str]:
        lib, rep = self._lib, self._rep
        return [_text(lib.hl_report_warning(rep, i))
                for i in range(lib.hl_report_warning_count(rep))]

    @property
    def disclaimer(self) -> str:
        return _text(self._lib.hl_report_disclaimer(self._rep))

    def by_kind(self, kind: str) -> List["Finding"]:
        """The findings of one kind: "red_flag", "cause" or "strategy"."""
        return [f for f in self.findings if f.kind == kind]

    def to_json(self) -> str:
        """The library's JSON report (a str)."""
        return _report_json(self._lib, self._rep)

    def to_dict(self) -> Dict[str, Any]:
        """The JSON report parsed into dicts and lists."""
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        return "Report(triage=%r, findings=%d)" % (self.triage_name,
                                                   len(self.findings))


class Finding(object):
    """One finding of a report, read from the library when asked for.

    kind is "red_flag", "cause" or "strategy" (kind_code the number); id,
    title, advice; score, score_low and score_high (a cause's honest bounds:
    whatever the unknown inputs are, its score stays between them), and
    coverage: floats or None; band; urgency (red flags); evidence: a list of
    dicts {when, weight, state, text}, state "fired", "not_fired" or
    "unknown".  Valid as long as its Report is alive (it keeps it so).
    """

    __slots__ = ("_report", "_f")
    _KEYS = ("kind", "id", "title", "advice", "score", "score_low",
             "score_high", "band", "coverage", "urgency", "secondary",
             "evidence")

    def __init__(self, report, f):
        if not f:
            raise Error("hl_report_finding returned NULL", code=EINVAL)
        self._report = report
        self._f = f

    @property
    def kind_code(self) -> int:
        return self._report._lib.hl_finding_kind(self._f)

    @property
    def kind(self) -> str:
        k = self.kind_code
        return _FINDING_KINDS.get(k, str(k))

    @property
    def id(self) -> str:
        return _text(self._report._lib.hl_finding_id(self._f))

    @property
    def title(self) -> str:
        return _text(self._report._lib.hl_finding_title(self._f))

    @property
    def advice(self) -> Optional[str]:
        return _text(self._report._lib.hl_finding_advice(self._f))

    @property
    def score(self) -> Optional[float]:
        return _num(self._report._lib.hl_finding_score(self._f))

    @property
    def score_low(self) -> Optional[float]:
        return _num(self._report._lib.hl_finding_score_low(self._f))

    @property
    def score_high(self) -> Optional[float]:
        return _num(self._report._lib.hl_finding_score_high(self._f))

    @property
    def band(self) -> Optional[str]:
        return _text(self._report._lib.hl_finding_band(self._f)) or None

    @property
    def coverage(self) -> Optional[float]:
        return _num(self._report._lib.hl_finding_coverage(self._f))

    @property
    def urgency(self) -> int:
        return self._report._lib.hl_finding_urgency(self._f)

    @property
    def secondary(self) -> bool:
        return bool(self._report._lib.hl_finding_secondary(self._f))

    @property
    def evidence(self) -> List[Dict[str, Any]]:
        lib, f = self._report._lib, self._f
        out = []
        for i in range(lib.hl_finding_evidence_count(f)):
            state = lib.hl_finding_evidence_state(f, i)
            out.append({
                "when": _text(lib.hl_finding_evidence_when(f, i)),
                "weight": _num(lib.hl_finding_evidence_weight(f, i)),
                "state": _STATE_NAMES.get(state, str(state)),
                "text": _text(lib.hl_finding_evidence_text(f, i)),
            })
        return out

    def to_dict(self) -> Dict[str, Any]:
        return {k: getattr(self, k) for k in self._KEYS}

    def __repr__(self) -> str:
        return "Finding(%s %s, score=%r, band=%r)" % (
            self.kind, self.id, self.score, self.band)


_json_local = threading.local()


def _report_json(lib, rep):
    """Render into a per-thread buffer kept at the largest size needed."""
    buf = getattr(_json_local, "buf", None)
    if buf is None:
        buf = _json_local.buf = ctypes.create_string_buffer(16384)
    needed = ctypes.c_size_t(0)
    rc = lib.hl_report_json(rep, buf, len(buf), ctypes.byref(needed))
    if rc == ERANGE:
        buf = _json_local.buf = ctypes.create_string_buffer(
            needed.value + 4096)
        rc = lib.hl_report_json(rep, buf, len(buf), ctypes.byref(needed))
    if rc != OK:
        raise Error("hl_report_json: %s" % strerror(rc), code=rc)
    return ctypes.string_at(buf, needed.value - 1).decode("utf-8",
                                                          "replace")


_default_rb = {}
_default_lock = threading.Lock()


def default_rulebase() -> Rulebase:
    """The built-in rulebase, loaded once per process and shared."""
    pid = os.getpid()
    rb = _default_rb.get(pid)
    if rb is None:
        with _default_lock:
            rb = _default_rb.get(pid)
            if rb is None:
                rb = _default_rb[pid] = Rulebase.default()
    return rb


def assess(inputs: Union[Mapping[str, Any], None] = None,
           **kw: Any) -> Report:
    """Assess one runner with the built-in rulebase (see Rulebase.assess)."""
    return default_rulebase().assess(inputs, **kw)


# Load the library now if it can be found; otherwise wait for load(path).
try:
    load()
except OSError as e:
    _load_error = e
