#!/bin/sh
# SPDX-License-Identifier: MIT
# examples.sh - compiles the EXAMPLES program of each section-3 page as
# printed, against the library just built, and runs it.
#
# usage: sh tests/man/examples.sh [page.3 ...]   (default: man/man3/*.3)
# Environment: CC.  Run from the top directory after `make`; writes
# build/man-examples/<page>/.
#
# In a page's EXAMPLES section, each literal display that holds `main(` is a
# whole program.  A display introduced by a line `.Pa NAME :` is a file the
# program reads: it is written to NAME, and NAME is passed to the program
# as an argument.  A display introduced by text ending in "it prints" is the
# program's expected output, compared byte for byte.  "and exits N" after it
# gives the exit status the program must end with; otherwise it is 0.
# A page without a program in EXAMPLES fails.
set -eu
cc=${CC:-cc}
top=$(pwd)
out=build/man-examples
[ $# -gt 0 ] || set -- man/man3/*.3
fails=0
n=0

for page in "$@"; do
	base=$(basename "$page" .3)
	dir=$out/$base
	rm -rf "$dir"
	mkdir -p "$dir"
	# Split EXAMPLES into dir/NN.<role>[.name] files, roff escapes undone.
	awk -v dir="$dir" '
	function role(   r) {
		if (prog) return "c"
		if (pa != "") return "file." pa
		if (prints) return "expected"
		return "text"
	}
	/^\.Sh / { inex = ($2 == "EXAMPLES"); next }
	!inex { next }
	/^\.Bd -literal/ { inbd = 1; n++; nl = 0; prog = 0; delete buf; next }
	/^\.Ed/ {
		if (!inbd) next
		inbd = 0
		for (i = 1; i <= nl; i++) if (buf[i] ~ /main\(/) prog = 1
		f = sprintf("%s/%02d.%s", dir, n, role())
		for (i = 1; i <= nl; i++) print buf[i] > f
		close(f)
		pa = ""; prints = 0
		next
	}
	inbd { l = $0; gsub(/\\e/, "\\", l); gsub(/\\&/, "", l); buf[++nl] = l; next }
	/^\.Pa [^ ]+ :/ { pa = $2; next }
	/^\.Pa [^ ]+$/ { pa = $2; next }
	/^\.Pp/ { next }
	/it prints$/ { prints = 1; pa = ""; next }
	/exits [0-9]+/ { s = $0; sub(/.*exits /, "", s); sub(/[^0-9].*/, "", s); print s > (dir "/status"); close(dir "/status"); next }
	{ if ($0 !~ /^\.Xr|^\.Pa/) { pa = "" } }
	' "$page"
	progs=$(ls "$dir" | grep '\.c$' || :)
	if [ -z "$progs" ]; then
		echo "$page: no whole program (a display with main()) in EXAMPLES" >&2
		fails=$((fails + 1))
		continue
	fi
	args=
	for f in $(ls "$dir" | grep '^[0-9]*\.file\.' || :); do
		name=${f#*.file.}
		cp "$dir/$f" "$dir/$name"
		args="$args $name"
	done
	want=0
	[ -f "$dir/status" ] && want=$(cat "$dir/status")
	for c in $progs; do
		n=$((n + 1))
		exe=$dir/${c%.c}
		if ! $cc -std=c99 -pedantic -Wall -Wextra -Wshadow \
		    -Wmissing-prototypes -Wstrict-prototypes -Wundef -Wvla \
		    -Wformat=2 -Werror -Iinclude \
		    -o "$exe" "$dir/$c" -Llib -lheavylegs -lm \
		    -Wl,-rpath,"$top/lib"; then
			echo "$page: example $c does not compile as printed" >&2
			fails=$((fails + 1))
			continue
		fi
		rc=0
		# shellcheck disable=SC2086
		(cd "$dir" && "./${c%.c}" $args > got 2> stderr) || rc=$?
		if [ "$rc" -ne "$want" ]; then
			echo "$page: example $c exited $rc, not $want:" >&2
			cat "$dir/stderr" >&2
			fails=$((fails + 1))
			continue
		fi
		exp=$(ls "$dir" | grep '\.expected$' | head -n 1 || :)
		if [ -n "$exp" ] && ! cmp -s "$dir/$exp" "$dir/got"; then
			echo "$page: example $c prints other than the page says:" >&2
			diff "$dir/$exp" "$dir/got" >&2 || :
			fails=$((fails + 1))
			continue
		fi
		echo "$page: $c compiles and runs as printed${exp:+, output as on the page}"
	done
done
if [ "$fails" -ne 0 ]; then
	echo "man examples: $fails failed" >&2
	exit 1
fi
echo "man examples: $n programs from $# pages compile and run as printed"
