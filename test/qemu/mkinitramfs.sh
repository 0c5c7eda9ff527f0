#!/bin/sh
# Build the guest initramfs: busybox, the kernel's nvdimm/dax modules (with
# their dependencies and a regenerated modules.dep), our binaries and the
# upstream ndctl/daxctl, each with the shared libraries ldd finds for it.
#
# Usage: mkinitramfs.sh OUT KERNEL_ROOT SCRIPT_DIR [BINARY...]
#   KERNEL_ROOT  directory holding boot/ and lib/modules/ (dpkg -x output),
#                or any directory for a kernel without modules
#   SCRIPT_DIR   copied to /test in the guest; /test/run is the scenario
#   BINARY       our binaries, installed as /usr/bin/<basename>
# EXTRA_MODULES  more kernel modules (with their dependencies), loaded by
#                the scenario itself
# EXTRA_TOOLS    host programs (mkfs.ext4, dmsetup), copied with their
#                libraries to the same path
set -eu

out=$1 kroot=$2 scripts=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/bin" "$stage/usr/bin" "$stage/proc" "$stage/sys" \
	"$stage/dev" "$stage/tmp" "$stage/etc" "$stage/test"
cp /bin/busybox "$stage/bin/busybox"

# Copy a file (to DEST, by default the same absolute path) and every
# shared library it needs to the same absolute path.
copy_with_libs() {
	dest=$stage${2:-$1}
	mkdir -p "$(dirname "$dest")"
	cp -L "$1" "$dest"
	ldd "$1" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p' |
	while read -r lib; do
		[ -e "$stage$lib" ] && continue
		mkdir -p "$stage$(dirname "$lib")"
		cp -L "$lib" "$stage$lib"
	done
}

for bin in "$@"; do
	copy_with_libs "$(readlink -f "$bin")"
	ln -sf "$(readlink -f "$bin")" "$stage/usr/bin/$(basename "$bin")"
done

for tool in ${EXTRA_TOOLS:-}; do
	copy_with_libs "$tool"
done

# The upstream tools (Debian's ndctl/daxctl) under other names.
for tool in ndctl daxctl; do
	if [ -x "/usr/bin/$tool" ]; then
		copy_with_libs "/usr/bin/$tool" "/usr/bin/$tool-upstream"
	fi
done
# Upstream v81 too when its build is cached (test/tools/build-upstream.sh),
# each tool at its build path and /usr/bin/TOOL-v81 a link to it: the
# RUNPATH is $ORIGIN/lib (and the sibling tools' lib folders), which the
# loader takes from the binary's real path, so they run with v81's
# libraries.  A copy in /usr/bin would find Debian's 76.1 libndctl.so.6
# and libdaxctl.so.1 in /lib instead.
v81=${UPSTREAM_V81_BUILD:-$HOME/.cache/memmap-tools/upstream-v81/build}
for tool in ndctl daxctl cxl; do
	if [ -x "$v81/$tool/$tool" ]; then
		copy_with_libs "$v81/$tool/$tool"
		ln -sf "$v81/$tool/$tool" "$stage/usr/bin/$tool-v81"
	fi
done

# A kernel built for the tests has everything built in and no modules.
if [ -d "$kroot/lib/modules" ]; then
	kver=$(ls "$kroot/lib/modules" | head -n1)
	for mod in nfit nd_pmem nd_btt dax_pmem device_dax kmem dax_hmem \
		${EXTRA_MODULES:-}; do
		modprobe -C /dev/null -d "$kroot" -S "$kver" --show-depends "$mod" |
			sed -n 's/^insmod \([^ ]*\).*/\1/p'
	done | sort -u | while read -r ko; do
		rel=${ko#"$kroot"}
		mkdir -p "$stage$(dirname "$rel")"
		# Debian's 6.12 ships modules xz-compressed; busybox's modprobe
		# hands them to init_module as they are, which the kernel
		# rejects ("Invalid ELF header magic") before it retries.
		case $ko in
		*.xz) xz -dc "$ko" >"$stage${rel%.xz}" ;;
		*) cp "$ko" "$stage$rel" ;;
		esac
	done
	cp "$kroot/lib/modules/$kver/modules.order" \
		"$kroot/lib/modules/$kver/modules.builtin" \
		"$kroot/lib/modules/$kver/modules.builtin.modinfo" \
		"$stage/lib/modules/$kver/" 2>/dev/null || true
	depmod -b "$stage" "$kver"
fi

cp "$here/init" "$stage/init"
chmod +x "$stage/init"
cp -r "$scripts"/. "$stage/test/"
cp "$here/guest-lib.sh" "$stage/test/guest-lib.sh"
if [ -f "$here/../../contrib/capture-fixture.sh" ]; then
	cp "$here/../../contrib/capture-fixture.sh" "$stage/usr/bin/capture-fixture"
fi

(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) >"$out"
