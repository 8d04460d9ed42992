# SPDX-License-Identifier: MIT
"""Compatibility shim: the binding is now the heavylegs package in python/.

Running a script from examples/ with PYTHONPATH=examples keeps working: this
file loads python/heavylegs from the source tree and stands in for it.
Installed programs should `pip install ./python` and import heavylegs.
"""
import importlib.util
import os
import sys

_pkg = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))), "python", "heavylegs", "__init__.py")
_spec = importlib.util.spec_from_file_location(
    "heavylegs", _pkg, submodule_search_locations=[os.path.dirname(_pkg)])
_mod = importlib.util.module_from_spec(_spec)
sys.modules["heavylegs"] = _mod
_spec.loader.exec_module(_mod)
