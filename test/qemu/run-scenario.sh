#!/bin/sh
# Run one guest scenario (test/qemu/scenarios/NAME) on a kernel and print
# one TAP stream: the guest's test points, then the host-side checks of
# what the guest shipped.
#
# Usage: run-scenario.sh BUILD_DIR NAME [KERNEL_DIR|STOCK_NAME]
#   KERNEL_DIR is a kernel tree or cache directory (root/boot/vmlinuz-*);
#   STOCK_NAME (or STOCK_KERNEL=NAME) is a stock kernel of
#   test/qemu/stock-kernels: 6.1 (the default) or 6.12.
#   KEEP_OUTPUT=DIR keeps the shipped archives (fixture capture).
set -u

build=$1 name=$2 kernel=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "$kernel" ] && [ ! -d "$kernel" ]; then
	STOCK_KERNEL=$kernel kernel=
fi
if [ -z "$kernel" ]; then
	kernel=$(STOCK_KERNEL=${STOCK_KERNEL:-6.1} "$here/fetch-kernel.sh") || {
		echo "Bail out! no kernel ${STOCK_KERNEL:-6.1}"
		exit 1
	}
fi
scenario=$here/scenarios/$name
NVDIMMS= MEM=2G APPEND= MODULES= TOOLS= TIMEOUT= QEMU_ARGS= EARLY_INITRD=
MACHINE= NEEDS_V81=
. "$scenario/config"
# A scenario that runs upstream v81's tools to set its states up
# (NEEDS_V81: their names) has nothing to test without them.
v81=${UPSTREAM_V81_BUILD:-$HOME/.cache/memmap-tools/upstream-v81/build}
for tool in $NEEDS_V81; do
	if [ ! -x "$v81/$tool/$tool" ]; then
		echo "1..0 # SKIP no upstream v81 $tool at $v81 (test/tools/build-upstream.sh)"
		exit 0
	fi
done
# mkinitramfs.sh adds these to the guest.
export EXTRA_MODULES="$MODULES" EXTRA_TOOLS="$TOOLS"
# A debug kernel (KASAN shadows hot-added memory) may need more RAM.
MEM=${QEMU_MEM:-$MEM}

out=${KEEP_OUTPUT:-$(mktemp -d)}
set -- --scenario "$scenario" --mem "$MEM" --outdir "$out" \
	--bin "$build/daxctl/daxctl" --bin "$build/ndctl/ndctl" \
	--bin "$build/test/daxio" --bin "$build/test/fault-inject.so"
[ -x "$build/test/dietstress" ] && set -- "$@" --bin "$build/test/dietstress"
[ -x "$build/test/inuse-load" ] && set -- "$@" --bin "$build/test/inuse-load"
[ -x "$build/cxl/cxl" ] && set -- "$@" --bin "$build/cxl/cxl"
for size in $NVDIMMS; do
	set -- "$@" --nvdimm "$size"
done
# QEMU_APPEND adds kernel parameters to the scenario's (a meson variant's
# memory_hotplug.memmap_on_memory=1, say).
APPEND="$APPEND ${QEMU_APPEND:-}"
[ -n "${APPEND% }" ] && set -- "$@" --append "$APPEND"
[ -n "$QEMU_ARGS" ] && set -- "$@" --qemu-args "$QEMU_ARGS"
[ -n "$MACHINE" ] && set -- "$@" --machine "$MACHINE"
[ -n "$EARLY_INITRD" ] && set -- "$@" --early-initrd "$EARLY_INITRD"
# QEMU_TIMEOUT (the debug kernel's) wins over the scenario's own.
[ -n "$TIMEOUT" ] && [ -z "${QEMU_TIMEOUT:-}" ] && set -- "$@" --timeout "$TIMEOUT"
set -- "$@" --kernel "$kernel"

{
	"$here/run-guest.sh" "$@" | grep -v '^1\.\.'
	if [ -x "$scenario/host-check" ]; then
		"$scenario/host-check" "$out"
	fi
} | awk '
	/^(ok|not ok)/ {
		n++
		sub(/^ok( [0-9]+)?/, "ok " n) || sub(/^not ok( [0-9]+)?/, "not ok " n)
	}
	{ print }
	END { print "1.." n }
'
[ -z "${KEEP_OUTPUT:-}" ] && rm -rf "$out"
exit 0
