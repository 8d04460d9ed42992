#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh - a program compiled against the 1.0 header runs unchanged on this
# library: tests/compat/app.c is built against tests/compat/v1.0/heavylegs.h
# (a copy of the 1.0 header, never edited) and against include/heavylegs.h,
# both linked with lib/libheavylegs.so, and both must succeed and print the
# same reports.
#
# usage: sh tests/compat/run.sh     (from the top directory, after `make`)
# Environment: CC.  Writes build/compat/.
set -eu
cc=${CC:-cc}
out=build/compat
flags="-std=c99 -pedantic -Wall -Wextra -Werror"
rpath="-Wl,-rpath,$(pwd)/lib"

rm -rf "$out"
mkdir -p "$out"
for v in v1.0 current; do
	if [ $v = v1.0 ]; then inc=tests/compat/v1.0; else inc=include; fi
	echo "$cc $flags -I$inc -o $out/app-$v tests/compat/app.c -Llib -lheavylegs $rpath"
	$cc $flags -I"$inc" -o "$out/app-$v" tests/compat/app.c -Llib \
	    -lheavylegs -lm $rpath
	"$out/app-$v" > "$out/$v.out"
done
if ! cmp -s "$out/v1.0.out" "$out/current.out"; then
	echo "the 1.0 build and the current build disagree:" >&2
	diff "$out/v1.0.out" "$out/current.out" >&2 || :
	exit 1
fi
grep '^[a-z]*: triage' "$out/v1.0.out"
echo "compat: a program built against the 1.0 header runs unchanged ($(wc -c < "$out/v1.0.out") bytes of identical reports)"
