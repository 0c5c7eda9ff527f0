#!/bin/sh
# Build the test kernel: Debian's linux-source-$KERNEL_SERIES (6.1 unless
# set; 6.12 is the other) as apt serves it, the series in
# kernel-patches/$KERNEL_SERIES/ applied, `make tinyconfig` plus that
# directory's qemu.config (plus an optional extra fragment), bzImage
# with -j2.  The result is cached outside the source tree under a key made
# of the source version, the series, the patches and the config, so an
# unchanged series costs nothing.  Prints the directory holding bzImage;
# progress goes to stderr.
#
# Usage: build-kernel.sh [--key | --tree] [EXTRA_FRAGMENT]
#        build-kernel.sh --source-only
#   --key prints the cache key and builds nothing.
#   --tree builds the modules too and keeps the build (source and obj/,
#   for modules built out of tree against it, as cxl_test is): prints the
#   work directory, which the caller removes; it builds even when the
#   key's bzImage is cached, and fills that cache entry when it is not.
#   KERNEL_OMIT="PATCH..." builds the series without those patches.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
series=${KERNEL_SERIES:-6.1}
patches=$here/../../kernel-patches/$series
[ -f "$patches/series" ] || {
	echo "build-kernel: no series kernel-patches/$series" >&2
	exit 1
}
pkg=linux-source-$series
source_only= key_only= keep_tree=
case ${1:-} in
--source-only) source_only=1 ;;
--key) key_only=1 ;;
--tree) keep_tree=1 ;;
esac
[ -z "$key_only$keep_tree" ] || shift
extra=${1:-}
[ -z "$source_only" ] || extra=
cache=${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}
say() { echo "build-kernel: $*" >&2; }

version=$(apt-cache policy "$pkg" 2>/dev/null |
	sed -n 's/^ *Candidate: *//p')
if [ -z "$version" ] || [ "$version" = "(none)" ]; then
	say "apt has no $pkg (run apt-get update)"
	exit 1
fi

srcpkg=$cache/${pkg}_$version
if [ ! -f "$srcpkg/.done" ]; then
	rm -rf "$srcpkg"
	mkdir -p "$srcpkg"
	say "downloading $pkg $version"
	(cd "$srcpkg" && apt-get download "$pkg=$version" \
		>/dev/null 2>&1)
	dpkg -x "$srcpkg/${pkg}"_*.deb "$srcpkg/x"
	touch "$srcpkg/.done"
fi
tarball=$(ls "$srcpkg/x/usr/src/$pkg".tar.*)
[ -z "$source_only" ] || { echo "$srcpkg"; exit 0; }

patch_list=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$patches/series")
# KERNEL_OMIT=NAME...: leave these patches of the series out (a "before"
# kernel for a fix, e.g. 6.12's 0001); the key has only what is applied.
for p in ${KERNEL_OMIT:-}; do
	patch_list=$(echo "$patch_list" | grep -vx "$p")
done
key=$({
	echo "$version"
	for p in $patch_list; do cat "$patches/$p"; done
	cat "$patches/qemu.config"
	[ -z "$extra" ] || cat "$extra"
} | sha256sum | cut -c1-16)
[ -z "$key_only" ] || { echo "$key"; exit 0; }
out=$cache/kernel-$key
if [ -z "$keep_tree" ] && [ -f "$out/bzImage" ]; then
	say "cached: $out ($pkg $version)"
	echo "$out"
	exit 0
fi

work=$cache/kernel-work-$key
[ -z "$keep_tree" ] || work=$cache/kernel-tree-$key
rm -rf "$work"
mkdir -p "$work"
say "unpacking $(basename "$tarball")"
tar -C "$work" -xf "$tarball"
src=$work/$pkg
for p in $patch_list; do
	say "applying $p"
	patch -d "$src" -p1 --batch --quiet <"$patches/$p"
done

obj=$work/obj
make -s -C "$src" O="$obj" tinyconfig >/dev/null
fragments="$patches/qemu.config"
[ -z "$extra" ] || fragments="$fragments $extra"
# shellcheck disable=SC2086
"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" \
	$fragments >/dev/null 2>&1
make -s -C "$src" O="$obj" olddefconfig >/dev/null 2>&1

# merge_config.sh drops options whose dependencies are missing without
# failing; a test kernel silently missing one would test nothing.
# shellcheck disable=SC2086
missing=$(sed -n 's/^\(CONFIG_[A-Z0-9_]*=[ym]\)$/\1/p' $fragments |
	sort -u | while read -r opt; do
		grep -qx "$opt" "$obj/.config" || echo "$opt"
	done)
if [ -n "$missing" ]; then
	say "config options lost after olddefconfig:" $missing
	exit 1
fi

cc=gcc
command -v ccache >/dev/null 2>&1 && cc="ccache gcc"
# Paths relative to the work tree let ccache reuse objects across keys.
export CCACHE_BASEDIR="$work" CCACHE_NOHASHDIR=1
targets=bzImage
[ -z "$keep_tree" ] || targets="bzImage modules"
say "make -j2 $targets (about 6 minutes without a warm ccache)"
# shellcheck disable=SC2086
if ! make -C "$obj" -j2 CC="$cc" $targets >"$work/build.log" 2>&1; then
	tail -n 40 "$work/build.log" >&2
	exit 1
fi

if [ ! -f "$out/bzImage" ]; then
	mkdir -p "$out"
	cp "$obj/arch/x86/boot/bzImage" "$obj/.config" "$out/"
	echo "$version" >"$out/source-version"
fi
if [ -n "$keep_tree" ]; then
	say "kept the build in $work"
	echo "$work"
	exit 0
fi
rm -rf "$work"
say "built $out"
echo "$out"
