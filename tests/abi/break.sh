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

# The suppressions let a member appended to hl_inputs or hl_summary pass;
# abidiff 2.2 then also hides any other change to those structs (a member's
# type changed in place, same size), so the report made without them must
# show nothing but appended members and the size they add.
abi() {
	$ABIDIFF --no-added-syms --headers-dir2 "$d/include" \
	    --drop-private-types "$baseline" "$d/lib.so" \
	    >"$d/abidiff-all.log" 2>&1
	if grep -Eq "data member (change|deletion)|type of '|offset changed|\
name changed|Removed function|Removed variable|\[D\]" "$d/abidiff-all.log"
	then
		return 1
	fi
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

# 7. Two fields of hl_inputs of the same type swapped.
fresh swapped
edit include/heavylegs.h 's/^\([[:space:]]*double age_years;\)$/	double AGE_TMP;/'
edit include/heavylegs.h 's/^\([[:space:]]*double body_mass_kg;\)\(.*\)$/	double age_years;\2/'
edit include/heavylegs.h 's/^	double AGE_TMP;$/	double body_mass_kg;/'
verdict "age_years and body_mass_kg swapped in hl_inputs" caught build

# 7b. The same in the middle, where no pin names an offset.
fresh swapped2
edit include/heavylegs.h 's/^\([[:space:]]*\)double air_temp_c;$/\1double AIR_TMP;/'
edit include/heavylegs.h 's/^\([[:space:]]*\)double relative_humidity_pct;$/\1double air_temp_c;/'
edit include/heavylegs.h 's/^\([[:space:]]*\)double AIR_TMP;$/\1double relative_humidity_pct;/'
verdict "air_temp_c and relative_humidity_pct swapped" caught build

# 8. A field's type changed in place.
fresh ftype
edit include/heavylegs.h 's/^\([[:space:]]*\)double\([[:space:]]*beta_blocker_use;.*\)$/\1float\2/'
verdict "beta_blocker_use made a float" caught build

# 8b. Same size, another type: no offset moves, only the debug types tell.
fresh samesize
edit include/heavylegs.h 's/^\([[:space:]]*\)double\([[:space:]]*sex;.*\)$/\1int64_t\2/'
verdict "sex made an int64_t (same size)" caught build

# 9. A named value renumbered (an enum code, an urgency, a finding kind).
fresh sexcode
edit include/heavylegs.h 's/^#define HL_SEX_MALE\([[:space:]]*\)1$/#define HL_SEX_MALE\12/'
verdict "HL_SEX_MALE renumbered" caught nobuild
fresh urgency
edit include/heavylegs.h 's/^#define HL_URGENCY_URGENT\([[:space:]]*\)3/#define HL_URGENCY_URGENT\15/'
verdict "HL_URGENCY_URGENT renumbered" caught nobuild
fresh kind
edit include/heavylegs.h 's/^#define HL_FINDING_CAUSE\([[:space:]]*\)2/#define HL_FINDING_CAUSE\14/'
verdict "HL_FINDING_CAUSE renumbered" caught nobuild

# 10. The series length changed (every later field moves).
fresh series
edit include/heavylegs.h 's/^#define HL_SERIES_DAYS\([[:space:]]*\)28$/#define HL_SERIES_DAYS\114/'
verdict "HL_SERIES_DAYS shortened" caught nobuild

# 11. hl_summary: a field inserted before the others, or HL_SUMMARY_TOP.
fresh summary
edit include/heavylegs.h 's/^\([[:space:]]*int32_t[[:space:]]*triage;.*\)$/	int32_t inserted;\n\1/'
verdict "a field inserted in the middle of hl_summary" caught build
fresh summarytop
edit include/heavylegs.h 's/^#define HL_SUMMARY_TOP\([[:space:]]*\)3/#define HL_SUMMARY_TOP\15/'
verdict "HL_SUMMARY_TOP grown" caught nobuild

# 12. A return type changed (header and definition alike).
fresh ret
edit include/heavylegs.h 's/^HL_API int hl_report_triage(const hl_report \*r);/HL_API long hl_report_triage(const hl_report *r);/'
edit lib/report.c '/^int$/{N;s/^int\nhl_report_triage(const hl_report \*r)$/long\nhl_report_triage(const hl_report *r)/;}'
verdict "hl_report_triage returns long" caught build

# 13. A parameter added to a 1.1 function.
fresh arg
edit include/heavylegs.h 's/^HL_API const char \*hl_rulebase_rule_id(const hl_rulebase \*rb, int kind,$/HL_API const char *hl_rulebase_rule_id(const hl_rulebase *rb, int kind, int flags,/'
edit lib/batch.c 's/^hl_rulebase_rule_id(const hl_rulebase \*rb, int kind, size_t i)$/hl_rulebase_rule_id(const hl_rulebase *rb, int kind, int flags, size_t i)/'
verdict "hl_rulebase_rule_id gained a parameter" caught build

# 14. A 1.0 function moved to the 1.1 version node: programs linked
# against 1.0 look it up as hl_report_disclaimer@HEAVYLEGS_1.0.
fresh moved
edit lib/libheavylegs.map '/^[[:space:]]*hl_report_disclaimer;/d'
edit lib/libheavylegs.map 's/^\([[:space:]]*\)hl_rulebase_rule_id;/&\n\1hl_report_disclaimer;/'
verdict "hl_report_disclaimer moved to HEAVYLEGS_1.1" caught build

# 6. A field appended at the end of hl_inputs, as a release would add it.
fresh append
edit include/heavylegs.h 's|^\([[:space:]]*/\* append new fields here, and only here \*/\)$|	double appended;\n\1|'
edit include/heavylegs.h 's/^\(#define HL_INPUTS_SIZE_V1_1[[:space:]]*1928\)$/\1\n#define HL_INPUTS_SIZE_V1_2	1936/'
edit include/heavylegs.h 's/^\([[:space:]]*HL__NAN8 }\)$/	HL__NAN8, NAN }/'
edit lib/vocab.c 's/sizeof(hl_inputs) == HL_INPUTS_SIZE_V1_1/sizeof(hl_inputs) == HL_INPUTS_SIZE_V1_2/'
edit lib/vocab_table.h 's/^\([[:space:]]*"Takes hormonal contraception")\)$/\1	\\\n	TRI(appended, "A field appended")/'
verdict "a field appended at the end of hl_inputs" accepted build

exit $fail
