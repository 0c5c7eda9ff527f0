#!/bin/sh
# Boot a kernel under QEMU (TCG) with file-backed NVDIMMs, run a guest
# scenario and print its TAP stream.  Archives the guest ships with ship()
# are unpacked into --outdir.  A guest that does not finish within the
# timeout is killed and reported as a failure.
#
# Usage: run-guest.sh --scenario DIR [--kernel DIR] [--nvdimm SIZE]...
#                     [--mem SIZE] [--append ARGS] [--timeout SECONDS]
#                     [--outdir DIR] [--bin FILE]... [--show]
#                     [--qemu-args ARGS] [--early-initrd FILE]
#                     [--machine TYPE]
#   --show prints the guest's console output instead of its TAP stream.
#   --qemu-args adds QEMU options (NUMA nodes, memory backends).
#   --early-initrd puts an uncompressed cpio (ACPI table overrides under
#   kernel/firmware/acpi/) before the initramfs, where the kernel looks.
#   --machine replaces the machine type and its options (pc,nvdimm=on):
#   CXL needs q35,cxl=on.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
kernel= scenario= append= outdir= mem=2G timeout=${QEMU_TIMEOUT:-900} show=
nvdimms= bins= qemu_args= early= machine=pc,nvdimm=on
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift ;;
	--scenario) scenario=$2; shift ;;
	--nvdimm) nvdimms="$nvdimms $2"; shift ;;
	--mem) mem=$2; shift ;;
	--append) append=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	--outdir) outdir=$2; shift ;;
	--bin) bins="$bins $2"; shift ;;
	--show) show=1 ;;
	--qemu-args) qemu_args="$qemu_args $2"; shift ;;
	--early-initrd) early=$2; shift ;;
	--machine) machine=$2; shift ;;
	*) echo "run-guest: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
[ -n "$kernel" ] || kernel=$("$here/fetch-kernel.sh")

work=$(mktemp -d "${TMPDIR:-/tmp}/memmap-guest.XXXXXX")
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2086
"$here/mkinitramfs.sh" "$work/initrd.gz" "$kernel/root" "$scenario" $bins
if [ -n "$early" ]; then
	cat "$early" "$work/initrd.gz" >"$work/initrd.both"
	mv "$work/initrd.both" "$work/initrd.gz"
fi

# Each NVDIMM is a sparse backing file: the region is SIZE, the label
# area takes the last 2 MiB of the file.
args= i=0
for size in $nvdimms; do
	bytes=$(numfmt --from=iec "$size")
	truncate -s $((bytes + 2 * 1024 * 1024)) "$work/nvdimm$i"
	args="$args -object memory-backend-file,id=nvmem$i,share=on,mem-path=$work/nvdimm$i,size=$((bytes + 2 * 1024 * 1024))"
	args="$args -device nvdimm,id=nvdimm$i,memdev=nvmem$i,label-size=2M"
	i=$((i + 1))
done

vmlinuz=$(ls "$kernel"/root/boot/vmlinuz-* "$kernel"/bzImage 2>/dev/null | head -n1)
status=0
# shellcheck disable=SC2086
timeout -s KILL "$timeout" qemu-system-x86_64 -accel tcg -cpu max \
	-machine "$machine" -smp 2 -m "$mem,slots=4,maxmem=512G" \
	-nographic -no-reboot -monitor none -serial stdio \
	-kernel "$vmlinuz" -initrd "$work/initrd.gz" \
	-append "console=ttyS0 quiet panic=-1 $append" \
	$args $qemu_args </dev/null >"$work/console" 2>&1 || status=$?

tr -d '\r' <"$work/console" >"$work/log"
if [ -n "${QEMU_LOG:-}" ]; then
	cp "$work/log" "$QEMU_LOG"
fi

if [ -n "$outdir" ]; then
	mkdir -p "$outdir"
	awk -v dir="$work" '
		/@@ARCHIVE / {
			sub(/.*@@ARCHIVE /, "")
			name = $1
			file = dir "/" name ".b64"
			next
		}
		/^@@END$/ { close(file); print name; file = ""; next }
		file != "" { print > file }
	' "$work/log" | while read -r name; do
		mkdir -p "$outdir/$name"
		base64 -d "$work/$name.b64" | tar -xzf - -C "$outdir/$name"
	done
fi

if [ -n "$show" ]; then
	sed -n '/^@@ARCHIVE/,/^@@END/d; /^@@GUEST-DONE/q; /^\[ *[0-9.]*\] /d; p' \
		"$work/log" | sed '1,/^$/d'
	grep -q '^@@GUEST-DONE' "$work/log"
	exit
fi

# Pass the guest's TAP through; anything else on the console is dropped.
# Shipped archives are base64, whose lines may start with "ok": skip them.
sed '/@@ARCHIVE /,/^@@END$/d' "$work/log" >"$work/tap"
grep -E '^(ok|not ok|1\.\.|# |Bail out!)' "$work/tap" | grep -v '^1\.\.' || true
plan=$(grep -E '^1\.\.[0-9]+' "$work/tap" | tail -n1 || true)
if ! grep -q '^@@GUEST-DONE' "$work/log"; then
	n=$(grep -cE '^(ok|not ok)' "$work/tap" || true)
	echo "not ok $((n + 1)) - guest finished (qemu status $status, timeout ${timeout}s)"
	tail -n 30 "$work/log" | sed 's/^/# /'
	echo "1..$((n + 1))"
elif [ -n "$plan" ]; then
	echo "$plan"
fi
