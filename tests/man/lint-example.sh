#!/bin/sh
# SPDX-License-Identifier: MIT
# lint-example.sh - compiles the EXAMPLES program of hl_rulebase_lint(3) as printed, runs it on the page's rules.yaml and compares its output with the page's.
#
# usage: sh tests/man/lint-example.sh
# Environment: CC.  Run from the top directory after `make`; writes build/man-example/.
set -eu
page=man/man3/hl_rulebase_lint.3
out=build/man-example
cc=${CC:-cc}

rm -rf "$out"
mkdir -p "$out"
# The n-th literal display of EXAMPLES, with the roff escapes undone.
display() {
	awk -v want="$1" '
	/^\.Sh / { inex = ($2 == "EXAMPLES") }
	inex && /^\.Bd -literal/ { n++; show = (n == want); next }
	/^\.Ed/ { show = 0; next }
	show { gsub(/\\e/, "\\"); gsub(/\\&/, ""); print }
	' "$page"
}
display 1 > "$out/lint.c"
display 2 > "$out/rules.yaml"
display 3 > "$out/expected"
for f in lint.c rules.yaml expected; do
	test -s "$out/$f" || { echo "$page: no display for $f" >&2; exit 1; }
done
$cc -std=c99 -pedantic -Wall -Wextra -Werror -Iinclude -o "$out/lint" \
    "$out/lint.c" -Llib -lheavylegs -Wl,-rpath,"$(pwd)/lib"
rc=0
(cd "$out" && ./lint rules.yaml > got) || rc=$?
if [ "$rc" -ne 1 ]; then
	echo "$page: the example exited $rc, not 1" >&2
	exit 1
fi
if ! cmp -s "$out/expected" "$out/got"; then
	echo "$page: the example's output differs from the page:" >&2
	diff "$out/expected" "$out/got" >&2 || :
	exit 1
fi
echo "lint-example: $page example compiles and prints what the page says"
