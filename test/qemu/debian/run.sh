#!/bin/sh
# The boot-time reconfiguration test in a real Debian 12 guest: build the
# .deb from the source tree (and lintian it), put it with a minimal
# Debian root file system (mkrootfs.sh, cached) on a disk image, and boot
# Debian's stock kernel under QEMU (TCG) with two NVDIMMs four times,
# keeping the disk and the NVDIMMs between boots.  guest-run holds what
# each boot checks.  Prints one TAP stream and the time each step took.
#
# With "patched", the kernel is kernel-patches/6.1/ built with what systemd
# needs (systemd.config, everything built in), the NVDIMMs are two of
# 4 GiB and the phases are guest-run's p1 and p2: the settings only the
# patched kernel has come back after a reboot.
#
# Usage: run.sh BUILD_DIR [stock|patched]
#        (needs root: the image holds root's files)
set -u

build=$1
variant=${2:-stock}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../.." && pwd)
case $variant in
stock) phases="1 2 3 4" nvdimm_sizes="4G 128G" ;;
patched) phases="p1 p2" nvdimm_sizes="4G 4G" ;;
*)
	echo "usage: run.sh BUILD_DIR [stock|patched]" >&2
	exit 2
	;;
esac
t_start=$(date +%s)

# Test points are numbered at the end, in one place.
tap() {
	echo "$1 - $2"
}
bail() {
	tap "not ok" "$1"
	[ -n "${2:-}" ] && [ -f "$2" ] && tail -n 40 "$2" | sed 's/^/# /'
	exit 0
}
elapsed() {
	echo $(($(date +%s) - $1))
}

if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP the guest image holds root-owned files: run as root"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/memmap-debian.XXXXXX")
trap 'rm -rf "$work"' EXIT

main() {

# --- the package -------------------------------------------------------
# From a copy of the tree (tracked and new files, as git sees them), so
# dpkg-buildpackage writes its output beside the copy, not beside the
# source.
t=$(date +%s)
if [ -n "${MEMMAP_DEB:-}" ]; then
	# A .deb built before (while working on the guest side only).
	deb=$MEMMAP_DEB
	echo "# MEMMAP_DEB=$deb: not built here"
else
mkdir -p "$work/pkg/src"
(cd "$src" && git ls-files -co --exclude-standard -z |
	tar -cf - --null --no-recursion -T -) | tar -xf - -C "$work/pkg/src"
if (cd "$work/pkg/src" && dpkg-buildpackage -us -uc -b) \
	>"$work/pkg/build.log" 2>&1; then
	tap ok "dpkg-buildpackage -us -uc -b ($(elapsed "$t") s)"
else
	bail "dpkg-buildpackage -us -uc -b" "$work/pkg/build.log"
fi
deb=$(ls "$work"/pkg/memmap-tools_*.deb)
# Warnings fail too; info tags are printed below, as comments.
if lintian -I --fail-on error,warning "$deb" >"$work/pkg/lintian.log" 2>&1
then
	tap ok "lintian: no errors or warnings"
else
	tap "not ok" "lintian: no errors or warnings"
	sed 's/^/# /' "$work/pkg/lintian.log"
fi
sed 's/^/# lintian: /' "$work/pkg/lintian.log" | grep -v 'root privileges'
fi

# --- the root file system ----------------------------------------------
t=$(date +%s)
rootfs=${MEMMAP_ROOTFS:-}
[ -n "$rootfs" ] || rootfs=$("$here/mkrootfs.sh" 2>"$work/mkrootfs.log") ||
	bail "mmdebstrap a Debian 12 root file system" "$work/mkrootfs.log"
tap ok "Debian 12 root file system ($(elapsed "$t") s)"

t=$(date +%s)
stage=$work/stage
mkdir -p "$stage" "$work/initrd"
tar -xf "$rootfs" -C "$stage"
if [ "$variant" = patched ]; then
	kdir=$("$src/test/kernel/build-kernel.sh" "$here/systemd.config" \
		2>"$work/kernel.log") ||
		bail "build the patched kernel with systemd.config" \
			"$work/kernel.log"
	vmlinuz=$kdir/bzImage
else
	kernel=$("$src/test/qemu/fetch-kernel.sh") ||
		bail "fetch Debian's kernel"
	kroot=$kernel/root
	kver=$(ls "$kroot/lib/modules")
	vmlinuz=$(ls "$kroot"/boot/vmlinuz-*)
	# The modules the test needs, with their dependencies: the nvdimm and
	# dax drivers (udev loads them from their aliases), the disk.
	for mod in nfit nd_pmem nd_btt dax_pmem device_dax kmem virtio_pci \
		virtio_blk crc32c_generic ext4; do
		modprobe -C /dev/null -d "$kroot" -S "$kver" \
			--show-depends "$mod" |
			sed -n 's/^insmod \([^ ]*\).*/\1/p'
	done | sort -u >"$work/modules"
	while read -r ko; do
		rel=${ko#"$kroot"}
		mkdir -p "$stage$(dirname "$rel")" "$work/initrd$(dirname "$rel")"
		cp "$ko" "$stage$rel"
		case $rel in
		*/virtio* | */ext4* | */jbd2* | */mbcache* | */crc*)
			cp "$ko" "$work/initrd$rel"
			;;
		esac
	done <"$work/modules"
	for f in modules.order modules.builtin modules.builtin.modinfo; do
		cp "$kroot/lib/modules/$kver/$f" "$stage/lib/modules/$kver/"
		cp "$kroot/lib/modules/$kver/$f" "$work/initrd/lib/modules/$kver/"
	done
	depmod -b "$stage" "$kver"
	depmod -b "$work/initrd" "$kver"
fi

cp "$deb" "$stage/root/memmap-tools.deb"
mkdir -p "$stage/usr/local/lib/memmap-test"
cp "$here/guest-run" "$stage/usr/local/lib/memmap-test/run"
cp "$src/test/qemu/guest-lib.sh" "$stage/usr/local/lib/memmap-test/"
cp "$here/memmap-test.service" "$stage/etc/systemd/system/"
ln -s /etc/systemd/system/memmap-test.service \
	"$stage/etc/systemd/system/multi-user.target.wants/memmap-test.service"
truncate -s 4G "$work/disk.img"
mkfs.ext4 -q -F -L root -d "$stage" "$work/disk.img" ||
	bail "mkfs.ext4 the guest disk"
rm -rf "$stage"

mkdir -p "$work/initrd/bin" "$work/initrd/proc" "$work/initrd/sys" \
	"$work/initrd/dev" "$work/initrd/newroot"
cp /bin/busybox "$work/initrd/bin/busybox"
cp "$here/initrd-init" "$work/initrd/init"
chmod +x "$work/initrd/init"
(cd "$work/initrd" && find . | cpio -o -H newc --quiet | gzip -1) \
	>"$work/initrd.gz"
tap ok "guest disk and initramfs ($(elapsed "$t") s)"

# --- the boots -----------------------------------------------------------
# Sparse NVDIMM files that live across the boots: A 4 GiB, B 128 GiB
# (whose memmap as system RAM, 2 GiB, cannot fit the 2 GiB guest).
args=
i=0
for size in $nvdimm_sizes; do
	bytes=$(($(numfmt --from=iec "$size") + 2 * 1024 * 1024))
	truncate -s "$bytes" "$work/nvdimm$i"
	args="$args -object memory-backend-file,id=nvmem$i,share=on,mem-path=$work/nvdimm$i,size=$bytes"
	args="$args -device nvdimm,id=nvdimm$i,memdev=nvmem$i,label-size=2M"
	i=$((i + 1))
done
for phase in $phases; do
	t=$(date +%s)
	status=0
	# shellcheck disable=SC2086
	timeout -s KILL "${QEMU_TIMEOUT:-900}" qemu-system-x86_64 -accel tcg \
		-cpu max -machine pc,nvdimm=on -smp 2 \
		-m "2G,slots=4,maxmem=512G" -nographic -no-reboot \
		-monitor none -serial stdio \
		-kernel "$vmlinuz" -initrd "$work/initrd.gz" \
		-append "console=ttyS0 quiet panic=-1 memmap_test.phase=$phase" \
		-drive "file=$work/disk.img,format=raw,if=virtio" \
		$args </dev/null >"$work/console.$phase" 2>&1 || status=$?
	secs=$(elapsed "$t")
	debugfs -R "cat /var/lib/memmap-test/tap.$phase" "$work/disk.img" \
		>"$work/tap.$phase" 2>/dev/null
	if ! grep -q '^1\.\.' "$work/tap.$phase"; then
		tap "not ok" "boot $phase finished its phase (qemu status $status, ${secs} s)"
		tr -d '\r' <"$work/console.$phase" | tail -n 40 | sed 's/^/# /'
		sed 's/^/# /' "$work/tap.$phase"
		break
	fi
	grep -E '^(ok|not ok)' "$work/tap.$phase" | while read -r line; do
		case $line in
		"not ok"*) echo "not ok - boot $phase: ${line#not ok [0-9]* - }" ;;
		*) echo "ok - boot $phase: ${line#ok [0-9]* - }" ;;
		esac
	done
	grep '^#' "$work/tap.$phase"
	echo "# boot $phase: ${secs} s"
done
echo "# total: $(elapsed "$t_start") s"
}

main | awk '
	/^(ok|not ok)/ {
		n++
		sub(/^ok/, "ok " n) || sub(/^not ok/, "not ok " n)
	}
	{ print }
	END { print "1.." n }
'
