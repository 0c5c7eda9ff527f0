#!/bin/sh
# Build upstream ndctl at one tag (v81 unless told) into the cache, as an
# oracle our output is compared with: ndctl, daxctl, cxl and their
# libraries.  Never installed and never copied into this tree.  The build
# is kept while the tag points at the same commit; prints the build dir.
#
#   test/tools/build-upstream.sh [TAG]
#
# The source comes from a bare clone of pmem/ndctl (UPSTREAM_GIT, default
# /work/.mirror/pmem+ndctl/repo).  Needs the -dev packages contrib/setup.sh
# installs.
set -eu

tag=${1:-v81}
git_dir=${UPSTREAM_GIT:-/work/.mirror/pmem+ndctl/repo}
cache=${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}/upstream-$tag
src=$cache/src
build=$cache/build

say() { echo "build-upstream: $*" >&2; }

if ! hash=$(git --git-dir="$git_dir" rev-parse --verify -q \
	"$tag^{commit}" 2>/dev/null); then
	say "no tag $tag in $git_dir (a bare clone of pmem/ndctl is needed)"
	exit 1
fi

if [ -f "$cache/hash" ] && [ "$(cat "$cache/hash")" = "$hash" ] &&
	[ -x "$build/ndctl/ndctl" ] && [ -x "$build/daxctl/daxctl" ] &&
	[ -x "$build/cxl/cxl" ]; then
	echo "$build"
	exit 0
fi

mkdir -p "$cache"
rm -rf "$src" "$build" "$cache/hash"
mkdir -p "$src"
git --git-dir="$git_dir" archive "$hash" | tar -x -C "$src"

# Upstream's version script asks git; the archive has none, so the tag is
# given.  Docs and tests off: only the programs and libraries are used.
meson setup "$build" "$src" -Dversion-tag="${tag#v}" -Ddocs=disabled \
	-Dasciidoctor=disabled -Dtest=disabled -Ddestructive=disabled \
	-Dsystemd=disabled >"$cache/setup.log" 2>&1 || {
	say "meson setup failed, see $cache/setup.log"
	exit 1
}
ninja -C "$build" >"$cache/build.log" 2>&1 || {
	say "build failed, see $cache/build.log"
	exit 1
}
echo "$hash" >"$cache/hash"
echo "$build"
