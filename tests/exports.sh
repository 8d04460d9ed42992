#!/bin/sh
# SPDX-License-Identifier: MIT
# exports.sh - checks that the shared library exports exactly the public API.
#
# usage: sh tests/exports.sh lib/libheavylegs.so.1.0.0 lib/libheavylegs.map include/heavylegs.h
#
# Every defined dynamic symbol must be a function hl_*@@HEAVYLEGS_<node>
# (or the version node itself), and the sets of names exported, listed in
# the version script and declared HL_API in the header must be equal.
set -eu
so=$1 map=$2 header=$3
tmp=${TMPDIR:-/tmp}/hl-exports.$$
mkdir "$tmp"
trap 'rm -rf "$tmp"' EXIT
status=0

nm -D --defined-only "$so" > "$tmp/nm"

# Anything that is not "T hl_name@@HEAVYLEGS_x" or "A HEAVYLEGS_x".
awk '!(($2 == "T" && $3 ~ /^hl_[a-z0-9_]+@@HEAVYLEGS_[0-9.]+$/) ||
       ($2 == "A" && $3 ~ /^HEAVYLEGS_[0-9.]+$/))' "$tmp/nm" > "$tmp/stray"
if [ -s "$tmp/stray" ]; then
	echo "$so exports symbols outside the API (want T hl_*@@HEAVYLEGS_*):" >&2
	cat "$tmp/stray" >&2
	status=1
fi

awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' "$tmp/nm" | sort > "$tmp/so"
sed -n 's/^[[:space:]]*\(hl_[a-z0-9_]*\);.*/\1/p' "$map" | sort > "$tmp/map"
sed -n 's/^HL_API .*[ *]\(hl_[a-z0-9_]*\)(.*/\1/p' "$header" | sort > "$tmp/h"

for f in so map h; do
	if [ -n "$(uniq -d "$tmp/$f")" ]; then
		echo "duplicate names in $f:" $(uniq -d "$tmp/$f") >&2
		status=1
	fi
done
if ! cmp -s "$tmp/map" "$tmp/h"; then
	echo "$map and the HL_API prototypes of $header differ" \
	    "(< only in the map, > only in the header):" >&2
	diff "$tmp/map" "$tmp/h" | grep '^[<>]' >&2 || :
	status=1
fi
if ! cmp -s "$tmp/so" "$tmp/map"; then
	echo "$so exports and $map lists differ" \
	    "(< exported only, > listed only: not defined in the library?):" >&2
	diff "$tmp/so" "$tmp/map" | grep '^[<>]' >&2 || :
	status=1
fi
[ $status -eq 0 ] && echo "$(wc -l < "$tmp/so" | tr -d ' ') functions exported, all hl_*@@HEAVYLEGS_*, matching $map and $header"
exit $status
