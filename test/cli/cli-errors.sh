#!/bin/sh
# Usage errors: one line on stderr naming the problem, exit status 2;
# help and version succeed.  Usage: cli-errors.sh BUILD_DIR FIXTURE_DIR
build=$1 fixture=$2
daxctl=$build/daxctl/daxctl ndctl=$build/ndctl/ndctl
n=0

. "$(dirname "$0")/refuse-lib.sh"
refuse_out=/tmp/cli-out.$$ refuse_err=/tmp/cli-err.$$ refuse_lines=some
expect() {
	want=$1 desc=$2
	shift 2
	refuse "$want" "$desc" "" "$@"
}

expect 2 "daxctl unknown command" "$daxctl" frobnicate
expect 2 "ndctl unknown command" "$ndctl" frobnicate
expect 2 "daxctl list unknown option" "$daxctl" list --bogus
expect 2 "daxctl list unknown short option" "$daxctl" list -Z
expect 2 "ndctl list missing option value" "$ndctl" list -r
expect 2 "daxctl list stray argument" "$daxctl" list dax0.0
expect 0 "daxctl with no arguments prints usage" "$daxctl"
expect 0 "ndctl help" "$ndctl" help
expect 0 "daxctl list -h" "$daxctl" list -h
expect 0 "ndctl version" "$ndctl" version
expect 0 "daxctl --version" "$daxctl" --version
expect 1 "daxctl list on a missing sysroot" "$daxctl" list --sysroot /nonexistent
# As upstream: a filter naming nothing is not a failure (and prints
# nothing, below).
expect 0 "ndctl list -r names a missing region" \
	"$ndctl" list -r region9 --sysroot "$fixture"
expect 0 "ndctl list -r all" "$ndctl" list -r all --sysroot "$fixture"
expect 2 "read-labels: --size is raw, not with --json" \
	"$ndctl" read-labels -j -s 256 nmem0 --sysroot "$fixture"
expect 2 "read-labels: bad --offset" \
	"$ndctl" read-labels -O lots nmem0 --sysroot "$fixture"
expect 2 "zero-labels: bad --size" \
	"$ndctl" zero-labels -s lots nmem0 --sysroot "$fixture"
expect 2 "write-labels: bad --offset" \
	"$ndctl" write-labels -O -1 nmem0 --sysroot "$fixture"
expect 2 "enable-region: bad --type" \
	"$ndctl" enable-region -t nvme all --sysroot "$fixture"
expect 1 "enable-region -t blk: no blk region" \
	"$ndctl" enable-region -t blk all --sysroot "$fixture"
expect 2 "check-labels: no DIMM named" "$ndctl" check-labels
expect 2 "create-namespace: --continue with --reconfig" \
	"$ndctl" create-namespace -c -e namespace0.0
expect 2 "create-namespace: --continue with --uuid" \
	"$ndctl" create-namespace -c -u 11111111-2222-3333-4444-555555555555

expect 2 "plan: 4M is not a supported alignment" "$daxctl" plan --size 1T -a 4M
expect 2 "plan: compound off needs the patched kernel" \
	"$daxctl" plan --size 1T --compound off
expect 2 "plan: bad --memmap" "$daxctl" plan --size 1T --memmap disk
expect 2 "plan: bad --size" "$daxctl" plan --size 12Q
expect 2 "plan: 15E is past the address space" "$daxctl" plan --size 15E
expect 2 "plan: a start that wraps past 2^64" \
	"$daxctl" plan --size 8G --start 0xfffffffffffff000
# The model's cost does not grow with the size: 64 PiB plans at once.
t0=$(date +%s%N)
expect 0 "plan: 64P" "$daxctl" plan --size 64P
ms=$((($(date +%s%N) - t0) / 1000000))
n=$((n + 1))
if [ "$ms" -lt 500 ]; then
	echo "ok $n - plan --size 64P answers in ${ms} ms"
else
	echo "not ok $n - plan --size 64P took ${ms} ms"
fi
expect 2 "plan: nothing to plan" "$daxctl" plan
expect 2 "plan: --size with a device" "$daxctl" plan --size 1T dax0.0
expect 1 "plan: unknown device" "$daxctl" plan dax7.7 --sysroot "$fixture"
expect 1 "plan: unknown namespace" "$daxctl" plan namespace7.0 \
	--sysroot "$fixture"
expect 0 "plan: a fixture device" "$daxctl" plan dax0.0 --sysroot "$fixture"
expect 0 "plan: a namespace" "$daxctl" plan namespace1.0 --sysroot "$fixture"

# Mutating commands: usage errors before any sysfs is touched (the
# fixture is a copy, but a usage error must not even get that far).
expect 2 "reconfigure: no device" "$daxctl" reconfigure-device -m devdax
expect 2 "reconfigure: nothing to change" "$daxctl" reconfigure-device dax0.0
expect 2 "reconfigure: bad --memmap" \
	"$daxctl" reconfigure-device dax0.0 --memmap nvme
expect 2 "reconfigure: bad --reserve" \
	"$daxctl" reconfigure-device dax0.0 -m devdax --reserve lots
expect 1 "reconfigure: unknown device" \
	"$daxctl" reconfigure-device dax7.7 -m devdax --sysroot "$fixture"
expect 2 "reconfigure: --no-online with devdax" \
	"$daxctl" reconfigure-device dax0.0 -m devdax -N --sysroot "$fixture"
expect 2 "create-namespace: bad mode" "$ndctl" create-namespace -m sector9
expect 2 "create-namespace: --map with raw" \
	"$ndctl" create-namespace -m raw --map mem
expect 2 "create-namespace: stray argument" "$ndctl" create-namespace x
expect 2 "create-namespace: --sector-size with fsdax" \
	"$ndctl" create-namespace -m fsdax -l 4K
expect 2 "create-namespace: --align with sector" \
	"$ndctl" create-namespace -m sector -a 4K
expect 2 "create-namespace: bad --sector-size" \
	"$ndctl" create-namespace -m sector -l 4Q
expect 2 "create-namespace: --autolabel is not there yet" \
	"$ndctl" create-namespace -L
expect 1 "create-namespace: -R and --no-autolabel parse" \
	"$ndctl" create-namespace -R --no-autolabel --no-autorecover \
	-r region9 --sysroot "$fixture"
expect 2 "list: bad --type" "$ndctl" list -t nvme --sysroot "$fixture"
expect 2 "list: bad --mode" "$ndctl" list -m fast --sysroot "$fixture"
expect 0 "list: -t pmem -m devdax" "$ndctl" list -t pmem -m devdax \
	--sysroot "$fixture"
expect 2 "write-labels: no DIMM" "$ndctl" write-labels -i /dev/null
expect 2 "write-labels: two DIMMs" "$ndctl" write-labels nmem0 nmem1
expect 1 "write-labels: unreadable input" \
	"$ndctl" write-labels nmem0 -i /nonexistent --sysroot "$fixture"
expect 1 "create-namespace: unknown region" \
	"$ndctl" create-namespace -r region9 --sysroot "$fixture"
expect 2 "destroy-namespace: no namespace" "$ndctl" destroy-namespace
expect 2 "check-namespace: no namespace" "$ndctl" check-namespace
expect 2 "check-namespace: --rewrite-log without --repair" \
	"$ndctl" check-namespace -L namespace0.0 --sysroot "$fixture"
expect 1 "check-namespace: no such namespace" \
	"$ndctl" check-namespace namespace9.9 --sysroot "$fixture"
expect 1 "destroy-namespace: unknown namespace" \
	"$ndctl" destroy-namespace namespace9.9 -f --sysroot "$fixture"
expect 1 "destroy-namespace: unknown bus" \
	"$ndctl" destroy-namespace -b ndbus9 all -f --sysroot "$fixture"
expect 2 "create-device: bad size" "$daxctl" create-device -s huge
expect 1 "create-device: no dynamic region" \
	"$daxctl" create-device -s 1G --sysroot "$fixture"
expect 1 "online-memory: devdax device has no blocks" \
	"$daxctl" online-memory dax0.0 --sysroot "$fixture"

# The one-command answer: 6 TiB at 2M with the memmap in DRAM.
n=$((n + 1))
got=$("$daxctl" plan --size 6T --align 2M --memmap dram |
	sed -n 's/.*"dram_bytes":\([0-9]*\).*/\1/p')
# 3Mi compound pages x 8 KiB + 48Ki PTE tables + 96 PMD tables.
want=$(( (3 << 20) * 8192 + (48 << 10) * 4096 + 96 * 4096 ))
if [ "$got" = "$want" ]; then
	echo "ok $n - plan --size 6T 2M dram: $got bytes"
else
	echo "not ok $n - plan --size 6T 2M dram: got '$got', want $want"
fi

n=$((n + 1))
out=$("$daxctl" list -d all --sysroot /tmp 2>/dev/null | wc -c)
if [ "$out" -eq 0 ]; then
	echo "ok $n - an empty list prints nothing, as upstream"
else
	echo "not ok $n - an empty list prints nothing (got $out bytes)"
fi
n=$((n + 1))
ver=$("$daxctl" version)
if [ -n "$ver" ] && [ "$ver" = "$("$ndctl" version)" ]; then
	echo "ok $n - both tools print the same version ($ver)"
else
	echo "not ok $n - version mismatch"
fi
# Scripts compare versions numerically or with sort -V: ours must be
# MAJOR.MINOR digits, at least upstream's v81 that the tools match.
n=$((n + 1))
if echo "$ver" | grep -Eq '^[0-9]+\.[0-9]+$' && [ "${ver%%.*}" -ge 81 ] &&
	[ "$(printf '%s\n76.1\n' "$ver" | sort -V | tail -n1)" = "$ver" ]; then
	echo "ok $n - the version ($ver) compares as upstream's do"
else
	echo "not ok $n - the version '$ver' is not MAJOR.MINOR >= 81"
fi
# create-namespace -v (upstream's): which namespace, and the budget.
n=$((n + 1))
"$ndctl" create-namespace -e namespace0.0 -f --dry-run -m fsdax -v \
	--sysroot "$fixture" >/dev/null 2>/tmp/cli-err.$$
st=$?
if [ "$st" -eq 0 ] &&
	grep -q 'namespace0.0: the named namespace in region0, devdax now' \
		/tmp/cli-err.$$ &&
	grep -q 'node 0: .* free outside ZONE_MOVABLE, 256M kept' /tmp/cli-err.$$
then
	echo "ok $n - create-namespace -v says which namespace and the budget"
else
	echo "not ok $n - create-namespace -v says which namespace and the budget"
	sed 's/^/# /' /tmp/cli-err.$$
fi
n=$((n + 1))
"$ndctl" create-namespace -e namespace0.0 -f --dry-run -m fsdax \
	--sysroot "$fixture" >/dev/null 2>/tmp/cli-err.$$
if ! grep -q 'the named namespace' /tmp/cli-err.$$; then
	echo "ok $n - create-namespace without -v does not"
else
	echo "not ok $n - create-namespace without -v does not"
fi
rm -f /tmp/cli-out.$$ /tmp/cli-err.$$
echo "1..$n"
