#!/bin/sh
# Boot Debian's stock kernel once with the nfit_test modules and run every
# upstream conformance script (../shared/conformance/ndctl-v81, read from
# there and copied into the guest's initramfs only) with upstream 76.1's
# ndctl/daxctl and with ours.  Results land in BUILD_DIR/conformance/,
# one directory per implementation and script, and are reused while the
# inputs (both tools' binaries, the scripts, the harness, the kernel and
# modules) are unchanged.  KERNEL names the stock kernel
# (../qemu/stock-kernels); 6.1's results are in BUILD_DIR/conformance,
# another's in BUILD_DIR/conformance-KERNEL.  Progress goes to stderr.
#
# Usage: run-suite.sh BUILD_DIR [KERNEL]
#   CONFORMANCE_DIR  the upstream scripts (default: ../shared/... beside
#                    the source tree)
#   CONFORMANCE_FORCE=1  run again even when the results are current
set -eu

build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
stock=${2:-6.1}
results=$build/conformance
[ "$stock" = 6.1 ] || results=$build/conformance-$stock
say() { echo "conformance: $*" >&2; }

# Upstream's scripts, beside this checkout or the one it was cloned from.
conf=$("$here/find-scripts.sh")

if [ ! -f "$conf/common" ]; then
	say "no upstream scripts at $conf (set CONFORMANCE_DIR)"
	exit 1
fi
conf=$(cd "$conf" && pwd)
# Upstream's C helpers, built against Debian's libndctl (../helpers).
helpers=$(cd "$conf/.." && pwd)/helpers
v81=${UPSTREAM_V81_BUILD:-$HOME/.cache/memmap-tools/upstream-v81/build}

# Host programs the scripts call, copied into the guest with their
# libraries (busybox provides the rest; where its options differ from
# Debian's, the Debian program is copied).
tools=
for t in bash jq kmod keyctl parted blockdev lsblk uuidgen getconf xxd \
	hexdump filefrag mkfs.ext4 dd sort truncate mount umount cxl; do
	p=$(PATH=$PATH:/usr/sbin:/sbin command -v "$t") || {
		say "$t is missing on the host (run contrib/setup.sh)"
		exit 1
	}
	tools="$tools $p"
done

kernel=$(STOCK_KERNEL=$stock "$here/build-nfit-test.sh")

key=$({
	echo "$kernel"
	cat "$build/ndctl/ndctl" "$build/daxctl/daxctl" /usr/bin/ndctl \
		/usr/bin/daxctl "$here/guest-run" "$here/journalctl" \
		"$here/scripts" "$here/run-suite.sh" "$here/health-compare" \
		"$here/../qemu/init" \
		"$here/../qemu/run-guest.sh" "$here/../qemu/mkinitramfs.sh" \
		"$here/../qemu/guest-lib.sh"
	(cd "$conf" && find . -type f | LC_ALL=C sort | xargs sha256sum)
	[ ! -d "$helpers" ] ||
		(cd "$helpers" && find . -type f | LC_ALL=C sort | xargs sha256sum)
	[ ! -x "$v81/ndctl/ndctl" ] || cat "$v81/ndctl/ndctl"
} | sha256sum | cut -c1-16)
if [ -z "${CONFORMANCE_FORCE:-}" ] && [ -f "$results/key" ] &&
	[ "$(cat "$results/key")" = "$key" ]; then
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/conformance.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
scenario=$tmp/scenario
mkdir -p "$scenario/bin"
cp "$here/guest-run" "$scenario/run"
cp "$here/scripts" "$here/journalctl" "$scenario/"
cp -r "$conf" "$scenario/ndctl-v81"
# The one upstream helper that builds on its own, static.
cc -O2 -D_GNU_SOURCE -static -o "$scenario/bin/dax-errors" "$conf/dax-errors.c"
# list-smart-dimm, smart-notify and daxdev-errors, from the kit beside the
# scripts, against Debian's libndctl and libdaxctl: the guest has those
# libraries already, for upstream's ndctl.  monitor.sh passes
# $TEST_PATH/../ndctl to 'monitor -c' (upstream's build directory): an
# empty directory stands in for it.
if [ -x "$helpers/build.sh" ]; then
	"$helpers/build.sh" "$scenario/bin" >&2
else
	say "no helper kit at $helpers: monitor, inject-smart and daxdev-errors cannot pass"
fi
mkdir -p "$scenario/ndctl"
cp "$here/health-compare" "$scenario/"
# Upstream v81, when its build is in the cache (test/tools/build-upstream.sh
# puts it there): the binary with the libraries its RUNPATH ($ORIGIN/lib)
# finds, beside Debian's 76.1 in the guest.
if [ -x "$v81/ndctl/ndctl" ]; then
	mkdir -p "$scenario/v81/lib"
	cp "$v81/ndctl/ndctl" "$scenario/v81/"
	cp -L "$v81/ndctl/lib/libndctl.so.6" "$v81/daxctl/lib/libdaxctl.so.1" \
		"$scenario/v81/lib/"
fi

export EXTRA_MODULES="nfit_test nfit_test_iomap nd_e820 ext4 crc32c_generic"
export EXTRA_TOOLS="$tools"
say "booting $(basename "$kernel") with nfit_test: both tools on every script"
start=$(date +%s)
"$here/../qemu/run-guest.sh" --kernel "$kernel" --scenario "$scenario" \
	--mem 3G --timeout "${CONFORMANCE_TIMEOUT:-3000}" --outdir "$tmp/out" \
	--bin "$build/ndctl/ndctl" --bin "$build/daxctl/daxctl" \
	>"$tmp/guest.tap" || true
mkdir -p "$tmp/out"
cp "$tmp/guest.tap" "$tmp/out/guest.tap"
echo $(($(date +%s) - start)) >"$tmp/out/seconds"
echo "$key" >"$tmp/out/key"
rm -rf "$results"
mv "$tmp/out" "$results"
say "done in $(cat "$results/seconds") s: $results"
