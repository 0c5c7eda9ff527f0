#!/bin/sh
# Build upstream's nfit_test modules (tools/testing/nvdimm of Debian's
# linux-source-6.1 or -6.12, the series of the kernel) for the stock
# kernel that fetch-kernel.sh gives the qemu suite (STOCK_KERNEL picks
# it), against the matching linux-headers packages unpacked with
# dpkg -x (nothing is installed on the host).  The modules go under
# lib/modules/<ver>/extra of a copy of the kernel root (hard links, so it
# costs only the new modules), where depmod ranks them above the in-tree
# modules they shadow.  The result is cached under a key made of the
# kernel package version and this script.  Prints the directory whose
# root/ is the kernel root; progress goes to stderr.
#
# Usage: [STOCK_KERNEL=6.1|6.12] build-nfit-test.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cache=${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}
say() { echo "build-nfit-test: $*" >&2; }

kernel=$("$here/../qemu/fetch-kernel.sh" "$cache")
kver=$(ls "$kernel/root/lib/modules")
version=$(dpkg-deb -f "$(ls "$kernel"/deb/*.deb | head -n1)" Version)
abi=${kver%-amd64}
series=$(echo "$kver" | cut -d. -f1,2)
# 6.1's kbuild package is named by the series, the 6.12 backport's by
# the ABI (linux-kbuild-6.12.118+deb12).
kbuild=linux-kbuild-$series
if apt-cache show "linux-kbuild-$abi=$version" >/dev/null 2>&1; then
	kbuild=linux-kbuild-$abi
fi

key=$({
	echo "$kver $version"
	cat "$0"
} | sha256sum | cut -c1-16)
out=$cache/nfit-test-$key
if [ -f "$out/.done" ]; then
	say "cached: $out ($kver)"
	echo "$out"
	exit 0
fi

# Exactly the kernel's version of the source and the headers: modules
# built from anything else would not load, or would test other code.
fetch() { # DIR PACKAGE...
	dir=$1
	shift
	[ -f "$dir/.done" ] && return
	rm -rf "$dir"
	mkdir -p "$dir"
	say "downloading $*"
	(cd "$dir" && apt-get download "$@" >/dev/null 2>&1) || {
		say "apt-get download $* failed (run apt-get update)"
		exit 1
	}
	for deb in "$dir"/*.deb; do
		dpkg -x "$deb" "$dir/x"
	done
	touch "$dir/.done"
}
# The same directory build-kernel.sh uses for this version.
src=$cache/linux-source-${series}_$version
fetch "$src" "linux-source-$series=$version"
hdr=$cache/linux-headers-${kver}_$version
fetch "$hdr" "linux-headers-$kver=$version" \
	"linux-headers-$abi-common=$version" "$kbuild=$version"

work=$cache/nfit-test-work-$key
rm -rf "$work"
mkdir -p "$work"
say "unpacking tools/testing/nvdimm and its drivers"
s=linux-source-$series
tar -C "$work" -xf "$(ls "$src"/x/usr/src/$s.tar.*)" \
	$s/tools/testing/nvdimm $s/drivers/nvdimm $s/drivers/acpi/nfit \
	$s/drivers/dax
tree=$work/$s

# The amd64 headers' Makefile includes the -common tree by its installed
# path; point it at the unpacked one.
headers=$hdr/x/usr/src/linux-headers-$kver
sed -i "s|^include /usr/src/linux-headers-$abi-common/|include $hdr/x/usr/src/linux-headers-$abi-common/|" \
	"$headers/Makefile"

# 6.12's headers would add BTF to each module with pahole: the modules
# load without it (the kernel skips a module that has none), and pahole
# is one host tool fewer.
# The modules are built with the kernel's option for its nvdimm
# security tests (6.2+; Debian leaves it off): without it libnvdimm
# no longer reads the DIMM's security state afresh, and security.sh's
# lock through nfit_test is never seen (it fails with upstream's
# tools too).  It only exists in these test modules.
say "make modules (about a minute)"
if ! make -C "$headers" M="$tree/tools/testing/nvdimm" -j2 \
	CONFIG_DEBUG_INFO_BTF_MODULES= \
	KCFLAGS="-I$tree/drivers/nvdimm -I$tree/drivers/acpi/nfit -I$tree/drivers/dax -DCONFIG_NVDIMM_SECURITY_TEST=1" \
	modules >"$work/build.log" 2>&1; then
	tail -n 40 "$work/build.log" >&2
	exit 1
fi

rm -rf "$out"
mkdir -p "$out/root/lib/modules"
cp -al "$kernel/root/boot" "$out/root/boot"
cp -al "$kernel/root/lib/modules/$kver" "$out/root/lib/modules/$kver"
# The index files are regenerated below: never write through a link.
rm -f "$out/root/lib/modules/$kver"/modules.*
cp "$kernel/root/lib/modules/$kver"/modules.order \
	"$kernel/root/lib/modules/$kver"/modules.builtin \
	"$kernel/root/lib/modules/$kver"/modules.builtin.modinfo \
	"$out/root/lib/modules/$kver/"
extra=$out/root/lib/modules/$kver/extra
mkdir -p "$extra"
find "$tree/tools/testing/nvdimm" -name '*.ko' -exec cp {} "$extra/" \;
for mod in libnvdimm nfit nd_pmem nd_btt nd_e820 device_dax dax_pmem \
	nfit_test nfit_test_iomap; do
	if [ ! -f "$extra/$mod.ko" ]; then
		say "$mod.ko was not built"
		exit 1
	fi
done
# Debian's depmod ranks only updates/ above the kernel's own modules.
echo "search updates extra built-in" >"$out/depmod.conf"
depmod -b "$out/root" -C "$out/depmod.conf" "$kver"
resolved=$(modprobe -C /dev/null -d "$out/root" -S "$kver" \
	--show-depends nfit_test | sed -n 's/^insmod //p')
if echo "$resolved" | grep -v '/extra/' | grep -qE '/(libnvdimm|nfit|nd_pmem|device_dax|dax_pmem)\.ko'; then
	say "depmod did not prefer extra/: $resolved"
	exit 1
fi
rm -rf "$work"
touch "$out/.done"
say "built $out"
echo "$out"
