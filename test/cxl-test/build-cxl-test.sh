#!/bin/sh
# Build the patched 6.12 test kernel (test/kernel/build-kernel.sh, with
# kernel-patches/6.12/cxl-test.config on top of its qemu.config) with its
# modules, and upstream's cxl_test (tools/testing/cxl of the same
# linux-source-6.12) against that build tree.  cxl_test rebuilds the CXL
# core modules (cxl_acpi, cxl_core, cxl_mem, cxl_pmem, cxl_port) with its
# mock wrappers linked in; they go under lib/modules/<ver>/extra beside
# the kernel's own modules, and depmod is told to rank extra/ first, so
# modprobe resolves every CXL module to the mock build.  The result is
# cached under a key made of the kernel's key and this script.  Prints
# the directory holding bzImage and root/lib/modules; progress goes to
# stderr.
#
# Usage: build-cxl-test.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cache=${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}
fragment=$here/../../kernel-patches/6.12/cxl-test.config
build_kernel=$here/../kernel/build-kernel.sh
say() { echo "build-cxl-test: $*" >&2; }

export KERNEL_SERIES=6.12
kernel_key=$("$build_kernel" --key "$fragment")
key=$({
	echo "$kernel_key"
	cat "$0"
} | sha256sum | cut -c1-16)
out=$cache/cxl-test-$key
if [ -f "$out/.done" ]; then
	say "cached: $out"
	echo "$out"
	exit 0
fi

work=$("$build_kernel" --tree "$fragment")
trap 'rm -rf "$work"' EXIT
src=$work/linux-source-6.12 obj=$work/obj
cc=gcc
command -v ccache >/dev/null 2>&1 && cc="ccache gcc"
export CCACHE_BASEDIR="$work" CCACHE_NOHASHDIR=1

say "make M=tools/testing/cxl modules"
if ! make -C "$obj" -j2 CC="$cc" M="$src/tools/testing/cxl" modules \
	>"$work/cxl-test.log" 2>&1; then
	tail -n 40 "$work/cxl-test.log" >&2
	exit 1
fi

kver=$(make -s -C "$obj" kernelrelease)
rm -rf "$out"
mkdir -p "$out/root"
# System.map names the addresses of an oops (the build tree is removed).
cp "$obj/arch/x86/boot/bzImage" "$obj/.config" "$obj/System.map" "$out/"
# depmod runs once, below, with the search order that puts extra/ first.
make -s -C "$obj" INSTALL_MOD_PATH="$out/root" DEPMOD=true \
	modules_install >&2
make -s -C "$obj" M="$src/tools/testing/cxl" INSTALL_MOD_PATH="$out/root" \
	INSTALL_MOD_DIR=extra DEPMOD=true modules_install >&2
# The links into the deleted build tree are of no use to a guest.
rm -f "$out/root/lib/modules/$kver/build" "$out/root/lib/modules/$kver/source"
echo "search extra updates built-in" >"$out/depmod.conf"
depmod -b "$out/root" -C "$out/depmod.conf" "$kver"

# Every CXL core module cxl_test asks for must be its mock build: the
# in-tree one would load, and cxl_test would refuse it (or, worse, test
# the real drivers against nothing).
for mod in cxl_test cxl_mock_mem dax_cxl; do
	resolved=$(modprobe -C /dev/null -d "$out/root" -S "$kver" \
		--show-depends "$mod" | sed -n 's/^insmod //p') || {
		say "modprobe cannot resolve $mod"
		exit 1
	}
	for core in cxl_acpi cxl_core cxl_mem cxl_pmem cxl_port cxl_mock \
		cxl_test cxl_mock_mem; do
		if echo "$resolved" | grep "/$core\.ko" | grep -qv '/extra/'; then
			say "$mod: $core resolves outside extra/: $resolved"
			exit 1
		fi
	done
done
touch "$out/.done"
say "built $out ($kver)"
echo "$out"
