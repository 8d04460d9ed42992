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
