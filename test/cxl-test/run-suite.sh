#!/bin/sh
# Boot the patched 6.12 test kernel once with cxl_test (build-cxl-test.sh)
# and run every upstream cxl script listed in ./scripts (read from
# ../shared/conformance/ndctl-v81 and copied into the guest's initramfs
# only) with upstream v81's cxl/ndctl/daxctl and with ours.  Results land
# in BUILD_DIR/cxl-test/, one directory per implementation and script,
# and are reused while the inputs (both sets of binaries, the scripts,
# the harness, the kernel and modules) are unchanged.  Progress goes to
# stderr.
#
# Usage: run-suite.sh BUILD_DIR
#   CONFORMANCE_DIR  the upstream scripts (default: ../shared/... beside
#                    the source tree)
#   CXL_TEST_FORCE=1  run again even when the results are current
set -eu

build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
results=$build/cxl-test
# One boot for every meson test of the suite: the first to get here
# boots, the others wait and then reuse its results (the key below).
exec 9>"$build/cxl-test.lock"
flock 9
conformance=$here/../conformance
say() { echo "cxl-test: $*" >&2; }

# Upstream's scripts, beside this checkout or the one it was cloned from.
conf=$("$conformance/find-scripts.sh")
if [ ! -f "$conf/common" ]; then
	say "no upstream scripts at $conf (set CONFORMANCE_DIR)"
	exit 1
fi
conf=$(cd "$conf" && pwd)

# Upstream v81 is the baseline: without its build there is nothing to
# compare with (test/tools/build-upstream.sh makes it).
v81=${UPSTREAM_V81_BUILD:-$HOME/.cache/memmap-tools/upstream-v81/build}
for tool in ndctl daxctl cxl; do
	[ -x "$v81/$tool/$tool" ] || {
		say "no upstream v81 $tool at $v81 (test/tools/build-upstream.sh)"
		exit 1
	}
done

# Host programs the scripts call, copied into the guest with their
# libraries (busybox provides the rest; its mktemp wants six X's where
# the scripts give four).  Debian's cxl is not among
# them: /usr/bin/cxl in the guest is ours.
tools=
for t in bash jq kmod keyctl dd sha256sum sort truncate mount umount mktemp \
	uuidgen; do
	p=$(PATH=$PATH:/usr/sbin:/sbin command -v "$t") || {
		say "$t is missing on the host (run contrib/setup.sh)"
		exit 1
	}
	tools="$tools $p"
done

kernel=$("$here/build-cxl-test.sh")

key=$({
	echo "$kernel"
	cat "$build/cxl/cxl" "$build/ndctl/ndctl" "$build/daxctl/daxctl" \
		"$v81/cxl/cxl" "$v81/ndctl/ndctl" "$v81/daxctl/daxctl" \
		"$here/guest-run" "$here/uevent-helper" "$here/scripts" \
		"$here/refuse" "$here/compare" \
		"$here/../tools/strip-extra-keys.py" \
		"$here/../../Documentation/ndctl-list.adoc" \
		"$here/../../Documentation/daxctl-list.adoc" \
		"$here/run-suite.sh" "$conformance/journalctl" \
		"$here/../qemu/init" "$here/../qemu/run-guest.sh" \
		"$here/../qemu/mkinitramfs.sh" "$here/../qemu/guest-lib.sh"
	(cd "$conf" && find . -type f | LC_ALL=C sort | xargs sha256sum)
} | sha256sum | cut -c1-16)
if [ -z "${CXL_TEST_FORCE:-}" ] && [ -f "$results/key" ] &&
	[ "$(cat "$results/key")" = "$key" ]; then
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxl-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
scenario=$tmp/scenario
mkdir -p "$scenario"
cp "$here/guest-run" "$scenario/run"
cp "$here/scripts" "$here/uevent-helper" "$here/refuse" \
	"$here/compare" "$conformance/journalctl" "$scenario/"
cp -r "$conf" "$scenario/ndctl-v81"
# The keys the man pages list as this project's, which ./compare takes
# out of ours where the bytes differ.
"$here/../tools/strip-extra-keys.py" --list "$here/../../Documentation" \
	>"$scenario/extra-keys.json"
# The shared copy keeps upstream's modes, and most cxl scripts are not
# executable there: the scripts run by their #! lines, as upstream's
# meson runs them.
chmod +x "$scenario"/ndctl-v81/*.sh

# cxl_test and its dependencies, and the kernel's dax_cxl, each resolved
# by modprobe in the kernel root (the mock builds under extra/).
export EXTRA_MODULES="cxl_test cxl_mock_mem dax_cxl"
export EXTRA_TOOLS="$tools"
say "booting $(basename "$kernel") with cxl_test: both tools on every script"
start=$(date +%s)
mkdir -p "$tmp/out"
# The whole console too: a kernel oops ends the boot before any archive.
# Two NUMA nodes: cxl_test puts its mock host bridges and memdevs on
# nodes 0 and 1 (set_dev_node(dev, i % 2)), and with one node the slab
# allocator indexes past the end of a cache's per-node array for node 1
# (the general protection fault in cxl_mock_mem_probe's first
# allocation that the first boot of this suite hit).
numa="-object memory-backend-ram,id=node0,size=1536M"
numa="$numa -object memory-backend-ram,id=node1,size=1536M"
numa="$numa -numa node,nodeid=0,cpus=0,memdev=node0"
numa="$numa -numa node,nodeid=1,cpus=1,memdev=node1"
QEMU_LOG=$tmp/out/console "$here/../qemu/run-guest.sh" --kernel "$kernel" \
	--scenario "$scenario" --mem 3G --qemu-args "$numa" \
	--timeout "${CXL_TEST_TIMEOUT:-3000}" --outdir "$tmp/out" \
	--bin "$build/cxl/cxl" --bin "$build/ndctl/ndctl" \
	--bin "$build/daxctl/daxctl" >"$tmp/guest.tap" || true
cp "$tmp/guest.tap" "$tmp/out/guest.tap"
echo $(($(date +%s) - start)) >"$tmp/out/seconds"
echo "$key" >"$tmp/out/key"
rm -rf "$results"
mv "$tmp/out" "$results"
"$here/table.sh" "$build" >"$results/table.md"
say "done in $(cat "$results/seconds") s: $results"
