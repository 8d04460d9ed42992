#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh - builds the Debian packages from a clean copy of this tree, runs
# lintian on them, unpacks them with dpkg -x into a scratch root and builds
# tests/outside/app.c against that root with pkg-config alone.
#
# usage: sh tests/deb/run.sh [SCRATCH]    (make check-deb; Debian 12)
#   SCRATCH  where to work, default a new directory under /tmp; the tree is
#            copied to SCRATCH/src, so dpkg-buildpackage writes its .debs
#            and .changes to SCRATCH, never next to this tree.
# Needs dpkg-dev, debhelper, dh-python, lintian and the build-dependencies.
set -eu
top=$(pwd)
scratch=${1:-$(mktemp -d /tmp/heavylegs-deb.XXXXXX)}
src=$scratch/src
root=$scratch/root
cc=${CC:-cc}
pkgconfig=${PKG_CONFIG:-pkg-config}

for c in dpkg-buildpackage dh lintian dpkg-deb; do
	command -v $c >/dev/null 2>&1 || {
		echo "$c was not found: install dpkg-dev, debhelper, dh-python and lintian" >&2
		exit 1; }
done

# A clean tree: what git tracks plus new files not ignored, no build output.
rm -rf "$src" "$root"
mkdir -p "$src" "$root"
git ls-files -z -c -o --exclude-standard | xargs -0 tar cf - | (cd "$src" && tar xf -)

echo "== dpkg-buildpackage -us -uc -b (in $src)"
(cd "$src" && dpkg-buildpackage -us -uc -b) > "$scratch/build.log" 2>&1 || {
	tail -40 "$scratch/build.log"
	echo "dpkg-buildpackage failed; the whole log is $scratch/build.log" >&2
	exit 1; }
changes=$(ls "$scratch"/libheavylegs_*.changes)
ls "$scratch"/*.deb

echo "== lintian $changes"
lintian "$changes" > "$scratch/lintian.log" 2>&1 || :
cat "$scratch/lintian.log"
if grep -q '^E:' "$scratch/lintian.log"; then
	echo "lintian reports errors" >&2
	exit 1
fi

for d in "$scratch"/*.deb; do
	dpkg -x "$d" "$root"
done
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
lib=$(ls "$root/usr/lib/$ma"/libheavylegs.so.1.*)
mode=$(stat -c %a "$lib")
[ "$mode" = 644 ] || { echo "$lib is mode $mode, not 644" >&2; exit 1; }
for f in "$lib" "$root/usr/bin/hl-assess" "$root/usr/bin/hl-lint"; do
	if readelf -d "$f" | grep -q 'RUNPATH\|RPATH'; then
		echo "$f has a RUNPATH" >&2
		exit 1
	fi
done
test -f "$root/usr/share/heavylegs/heavylegs.yaml"
test -f "$root/usr/share/man/man3/hl_assess.3.gz"

# The outside program, through the unpacked .pc (yaml-0.1, which it
# requires privately, is the system's libyaml-dev, a build-dependency).
PKG_CONFIG_PATH=$root/usr/lib/$ma/pkgconfig
PKG_CONFIG_SYSROOT_DIR=$root
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
flags=$($pkgconfig --cflags --libs heavylegs)
echo "== $cc -std=c99 -Wall -Wextra -Werror -o $scratch/app tests/outside/app.c $flags"
$cc -std=c99 -Wall -Wextra -Werror -o "$scratch/app" "$top/tests/outside/app.c" $flags
LD_LIBRARY_PATH=$root/usr/lib/$ma "$scratch/app"
LD_LIBRARY_PATH=$root/usr/lib/$ma "$root/usr/bin/hl-lint" \
	"$root/usr/share/heavylegs/heavylegs.yaml"
if [ -d "$root/usr/lib/python3/dist-packages/heavylegs" ]; then
	HL_LIBRARY=$lib PYTHONPATH=$root/usr/lib/python3/dist-packages \
	    PYTHONDONTWRITEBYTECODE=1 python3 -c 'import heavylegs; print("python: heavylegs", heavylegs.__name__)'
fi
echo "check-deb: packages built, lintian without errors, the outside program built against them ($scratch)"
