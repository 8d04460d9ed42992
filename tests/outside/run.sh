#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh - builds tests/outside/app.c only through pkg-config against a staged install, shared and static, and runs both.
#
# usage: sh tests/outside/run.sh STAGE SONAME
#   STAGE   absolute DESTDIR of a `make install prefix=/usr` (libdir /usr/lib)
#   SONAME  the soname the program must need (libheavylegs.so.1)
# Environment: CC, PKG_CONFIG.  Run from the top directory; writes build/outside/.
set -eu
stage=$1
soname=$2
cc=${CC:-cc}
pkgconfig=${PKG_CONFIG:-pkg-config}
out=build/outside
flags="-std=c99 -pedantic -Wall -Wextra -Werror"

# Only our staged .pc; the sysroot prefixes its paths with the stage.
PKG_CONFIG_PATH=$stage/usr/lib/pkgconfig
PKG_CONFIG_SYSROOT_DIR=$stage
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

rm -rf "$out"
mkdir -p "$out"

dyn=$($pkgconfig --cflags --libs heavylegs)
echo "shared: $cc $flags -o $out/app tests/outside/app.c $dyn"
$cc $flags -o "$out/app" tests/outside/app.c $dyn
if ! readelf -d "$out/app" | grep -q "NEEDED.*\[$soname\]"; then
	echo "$out/app does not need $soname" >&2
	exit 1
fi
if readelf -d "$out/app" | grep -q 'NEEDED.*libyaml'; then
	echo "$out/app needs libyaml itself (Requires.private leaked)" >&2
	exit 1
fi
LD_LIBRARY_PATH=$stage/usr/lib "$out/app"

# A static libm next to a shared libc does not link, hence -static.
st=$($pkgconfig --cflags --static --libs heavylegs)
echo "static: $cc $flags -static -o $out/app-static tests/outside/app.c $st"
$cc $flags -static -o "$out/app-static" tests/outside/app.c $st
if readelf -d "$out/app-static" | grep -q NEEDED; then
	echo "$out/app-static is not linked statically" >&2
	exit 1
fi
"$out/app-static"

# The recipes and the example of libheavylegs(3), as printed: a static
# libheavylegs with a dynamic libc (the -Bstatic recipe), and the page's
# program, which must print no low-scoring cause as a finding.
page=man/man3/libheavylegs.3
display() {	# the n-th literal display of section $2 (an .Ss or .Sh title)
	awk -v want="$1" -v sect="$2" '
	/^\.S[sh] / { t = $0; sub(/^\.S[sh] /, "", t); ins = (t == sect) }
	ins && /^\.Bd -literal/ { n++; show = (n == want); next }
	/^\.Ed/ { show = 0; next }
	show { gsub(/\\e/, "\\"); gsub(/\\&/, ""); print }
	' "$page"
}
mkdir -p "$out/man"
cp tests/outside/app.c "$out/man/app.c"
recipe=$(display 2 Linking)
case $recipe in *-Bstatic*) ;; *)
	echo "$page: no -Bstatic recipe in Linking" >&2; exit 1 ;;
esac
echo "libheavylegs(3) recipe: $recipe"
(cd "$out/man" && sh -c "$recipe")
if readelf -d "$out/man/app" | grep -q 'NEEDED.*libheavylegs'; then
	echo "$page: the -Bstatic recipe linked libheavylegs dynamically" >&2
	exit 1
fi
"$out/man/app"
recipe=$(display 3 Linking)
echo "libheavylegs(3) recipe: $recipe"
rm -f "$out/man/app"
(cd "$out/man" && sh -c "$recipe")
if readelf -d "$out/man/app" | grep -q NEEDED; then
	echo "$page: the -static recipe is not static" >&2
	exit 1
fi
"$out/man/app"

display 1 EXAMPLES > "$out/man/example.c"
$cc $flags -o "$out/man/example" "$out/man/example.c" $dyn
LD_LIBRARY_PATH=$stage/usr/lib "$out/man/example" > "$out/man/example.out"
cat "$out/man/example.out"
# The same runner through the library's JSON: its low-band causes.
low=$(printf 'daily_sleep_h = 5.5 5.5 5.5 5.5 5.5 5.5 5.5\nthirsty = yes\ndaily_distance_km[0] = 12\nair_temp_c = 31\nrelative_humidity_pct = 65\nlast_run_duration_min = 75\nheat_acclimatized = no\n' |
    LD_LIBRARY_PATH=$stage/usr/lib examples/hl-assess --json |
    tr '{' '\n' | sed -n 's/^"kind":"cause","id":"\([a-z_0-9]*\)".*"band":"low".*/\1/p')
[ -n "$low" ] || { echo "no low-band cause to check the example with" >&2; exit 1; }
for id in $low; do
	if grep -q "^$id: " "$out/man/example.out"; then
		echo "$page: the example prints the low-scoring cause $id" >&2
		exit 1
	fi
done
shown=$(printf 'daily_sleep_h = 5.5 5.5 5.5 5.5 5.5 5.5 5.5\nthirsty = yes\ndaily_distance_km[0] = 12\nair_temp_c = 31\nrelative_humidity_pct = 65\nlast_run_duration_min = 75\nheat_acclimatized = no\n' |
    LD_LIBRARY_PATH=$stage/usr/lib examples/hl-assess --json |
    tr '{' '\n' | sed -n 's/^"kind":"cause","id":"\([a-z_0-9]*\)".*"band":"\(moderate\|high\)".*/\1/p')
[ -n "$shown" ] || { echo "$page: the example's runner has no likely cause" >&2; exit 1; }
for id in $shown; do
	grep -q "^$id: " "$out/man/example.out" || {
		echo "$page: the example does not print the cause $id" >&2; exit 1; }
done
echo "libheavylegs(3): recipes and example work; low causes left out ($(echo $low | wc -w))"
