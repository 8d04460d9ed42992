#!/bin/sh
# SPDX-License-Identifier: MIT
# gen-symbols.sh - writes the dpkg symbols file of libheavylegs1 from the
# linker version script: every name of node HEAVYLEGS_1.N, and the node
# itself, first appeared in upstream version 1.N.0.
#
# usage: sh debian/gen-symbols.sh [lib/libheavylegs.map] > debian/libheavylegs1.symbols
# `make debian-symbols` rewrites the file; `make check` fails when it is stale.
set -eu
map=${1:-lib/libheavylegs.map}
echo "libheavylegs.so.1 libheavylegs1 #MINVER#"
# Drop comments, then read "NODE {", "name;" and "}" lines.
sed -e 's|/\*.*\*/||g' -e '/\/\*/,/\*\//d' "$map" | awk '
/^[A-Z_0-9.]+[ \t]*\{/ {
	node = $1
	ver = node
	sub(/^HEAVYLEGS_/, "", ver)
	if (ver !~ /\.[0-9]+\.[0-9]+$/)
		ver = ver ".0"
	printf " %s@%s %s\n", node, node, ver
	next
}
/^[ \t]*(global|local):/ { next }
/^[ \t]*[A-Za-z_][A-Za-z0-9_]*;/ && node != "" {
	name = $1
	sub(/;$/, "", name)
	printf " %s@%s %s\n", name, node, ver
}
/^[ \t]*\}/ { node = "" }
' | LC_ALL=C sort
