#!/bin/sh
# SPDX-License-Identifier: MIT
# venv-install.sh VENV: pip install python/ (a copy) into a fresh venv made
# with --system-site-packages, then import it from elsewhere.
set -eu
venv=$1
PYTHON=${PYTHON:-python3}
rm -rf "$venv" "$venv.src"
"$PYTHON" -m venv --system-site-packages "$venv"
cp -R python "$venv.src"
"$venv/bin/pip" install -q --no-index --no-build-isolation "$venv.src"
cd /
"$venv/bin/python" - <<'PY'
import sys
import heavylegs
assert heavylegs.__file__.startswith(sys.prefix), heavylegs.__file__
rb = heavylegs.Rulebase.default()
r = rb.assess(age_years=34, daily_distance_km=[14, 0, 12], thirsty=True)
print(sys.executable, heavylegs.__file__, heavylegs.library_path())
print(r.triage_name, [f.id for f in r.findings][:3])
try:
    rb.assess(age_years=200)
except ValueError as e:
    print("refused:", e)
PY
# a copy of the library in the venv's prefix is found without HL_LIBRARY
cp "$HL_LIBRARY" "$venv/lib/"
env -u HL_LIBRARY "$venv/bin/python" -c '
import sys, heavylegs
assert heavylegs.library_path() == sys.prefix + "/lib/libheavylegs.so.1", \
    heavylegs.library_path()
print("found in the prefix:", heavylegs.library_path())'
rm -rf "$venv.src"
