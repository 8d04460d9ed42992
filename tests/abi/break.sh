#!/bin/sh
# SPDX-License-Identifier: MIT
# break.sh - the ABI promise as a test: breaking changes applied to a
# scratch copy of the header and library must each be caught, by the
# compile-time pins (tests/abi/pins.c and lib/vocab.c), tests/exports.sh,
# or abidiff against tests/abi/libheavylegs.abi; appending a field at the
# end of hl_inputs must not be.
#
# usage: sh tests/abi/break.sh     (from the top of the tree; CC, ABIDIFF)
set -eu
CC=${CC:-cc}
ABIDIFF=${ABIDIFF:-abidiff}
top=$(pwd)
scratch=$top/build/abi-break
baseline=$top/tests/abi/libheavylegs.abi
supp=$top/tests/abi/suppressions.abignore
YAML_LIBS=${YAML_LIBS:-$(pkg-config --libs yaml-0.1)}
fail=0

# $1: name; stdin: nothing.  Copies include/ and lib/ to $scratch/$1.
fresh() {
	d=$scratch/$1
	rm -rf "$d"
	mkdir -p "$d/include" "$d/lib"
	cp "$top"/include/*.h "$d/include/"
	cp "$top"/lib/*.c "$top"/lib/*.h "$top"/lib/libheavylegs.map "$d/lib/"
}

# Replace, in file $1 of the copy, the first line matching $2 by $3 (sed).
edit() {
	f=$d/$1
	cp "$f" "$f.orig"
	sed "$2" "$f.orig" > "$f"
	if cmp -s "$f" "$f.orig"; then
		echo "break.sh: the edit '$2' did not change $1" >&2
		exit 2
	fi
	rm -f "$f.orig"
}

# Each detector: 0 when it sees nothing wrong.
pins() {
	$CC -std=c99 -fsyntax-only -I"$d/include" "$top/tests/abi/pins.c" \
	    2>"$d/pins.log" &&
	$CC -std=c99 -D_POSIX_C_SOURCE=200809L -fsyntax-only \
	    -DHL_BUILDING_LIBRARY -I"$d/include" -I"$d/lib" "$d/lib/vocab.c" \
	    2>>"$d/pins.log"
}

build() {
	for f in "$d"/lib/*.c; do
		$CC -std=c99 -D_POSIX_C_SOURCE=200809L -g -O0 -fPIC \
		    -fvisibility=hidden -DHL_BUILDING_LIBRARY -I"$d/include" \
		    -I"$d/lib" -c -o "${f%.c}.o" "$f" || return 1
	done 2>"$d/build.log"
	$CC -shared -Wl,-soname,libheavylegs.so.1 \
	    -Wl,--version-script="$d/lib/libheavylegs.map" -o "$d/lib.so" \
	    "$d"/lib/*.o $YAML_LIBS -lm 2>>"$d/build.log"
}

exports() {
	sh "$top/tests/exports.sh" "$d/lib.so" "$d/lib/libheavylegs.map" \
	    "$d/include/heavylegs.h" >"$d/exports.log" 2>&1
}

abi() {
	$ABIDIFF --no-added-syms --headers-dir2 "$d/include" \
	    --drop-private-types --suppressions "$supp" \
	    "$baseline" "$d/lib.so" >"$d/abidiff.log" 2>&1
}

# $1: name, $2: "caught" or "accepted", $3: whether to build the library.
verdict() {
	by=
	pins || by="compile-time pin"
	if [ -z "$by" ] && [ "$3" = build ]; then
		if ! build; then by="the library build"
		elif ! exports; then by="tests/exports.sh"
		elif ! abi; then by="abidiff"
		fi
	fi
	if [ "$2" = caught ] && [ -n "$by" ]; then
		echo "break.sh: $1: caught by $by"
	elif [ "$2" = accepted ] && [ -z "$by" ]; then
		echo "break.sh: $1: accepted, as it should be"
	else
		echo "break.sh: FAILED: $1 was ${by:+caught by $by}${by:-not caught}" \
		    "(want $2); logs in $d" >&2
		fail=1
	fi
}

# 0. The tree as it is passes every detector (else the rest proves nothing).
fresh unchanged
verdict "the unchanged tree" accepted build

# 1. A field inserted in the middle of hl_inputs.
fresh middle
edit include/heavylegs.h 's/^\(.*double beta_blocker_use;.*\)$/	double inserted;\n\1/'
verdict "a field inserted in the middle of hl_inputs" caught build

# 2. A parameter type changed (header and definition alike).
fresh param
edit include/heavylegs.h 's/^HL_API int hl_inputs_set(hl_inputs \*in, const char \*name, double value,/HL_API int hl_inputs_set(hl_inputs *in, const char *name, float value,/'
edit lib/inputs.c 's/^hl_inputs_set(hl_inputs \*in, const char \*name, double value, hl_error \*err)/hl_inputs_set(hl_inputs *in, const char *name, float value, hl_error *err)/'
verdict "hl_inputs_set's value parameter made a float" caught build

# 3. A function removed (header, version script and all).
fresh removed
edit include/heavylegs.h '/^HL_API const char \*hl_report_disclaimer(/d'
edit lib/libheavylegs.map '/^[[:space:]]*hl_report_disclaimer;/d'
verdict "hl_report_disclaimer removed" caught build

# 3b. Removed from the version script only.
fresh unlisted
edit lib/libheavylegs.map '/^[[:space:]]*hl_report_disclaimer;/d'
verdict "hl_report_disclaimer left out of the version script" caught build

# 4. An HL_E* value changed.
fresh ecode
edit include/heavylegs.h 's/^#define HL_EINPUT[[:space:]]*-7/#define HL_EINPUT	-9/'
verdict "HL_EINPUT renumbered" caught nobuild

# 5. hl_error resized.
fresh error
edit include/heavylegs.h 's/^\([[:space:]]*char[[:space:]]*message\)\[256\];/\1[512];/'
verdict "hl_error.message grown to 512 bytes" caught build

# 6. A field appended at the end of hl_inputs, as a release would add it.
fresh append
edit include/heavylegs.h 's|^\([[:space:]]*/\* append new fields here, and only here \*/\)$|	double appended;\n\1|'
edit include/heavylegs.h 's/^\(#define HL_INPUTS_SIZE_V1_1[[:space:]]*1928\)$/\1\n#define HL_INPUTS_SIZE_V1_2	1936/'
edit include/heavylegs.h 's/^\([[:space:]]*HL__NAN8 }\)$/	HL__NAN8, NAN }/'
edit lib/vocab.c 's/sizeof(hl_inputs) == HL_INPUTS_SIZE_V1_1/sizeof(hl_inputs) == HL_INPUTS_SIZE_V1_2/'
edit lib/vocab_table.h 's/^\([[:space:]]*"Takes hormonal contraception")\)$/\1	\\\n	TRI(appended, "A field appended")/'
verdict "a field appended at the end of hl_inputs" accepted build

exit $fail
