#!/bin/sh
# Hostile sysfs values: a copy of a captured system-ram tree (dax0.0 in
# system-ram, its memory blocks memory33..63 online) gets one bad value
# at a time: a memory block size that is not a power of two of at least
# 4096, a range that ends at 2^64 - 2, a region claiming 2^31 - 1
# mappings, numbers that are negative or not numbers, a FIFO where an
# attribute belongs.  Each command must finish (under timeout 10: 124 is
# a hang), not crash, exit 0 or 1, and print no such value as a fact.
# Usage: hostile-sysfs.sh BUILD_DIR FIXTURE_DIR (the system-ram fixture)
build=$1 fixture=$2
daxctl=$build/daxctl/daxctl ndctl=$build/ndctl/ndctl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
dev=sys/bus/dax/devices/dax0.0
mem=sys/devices/system/memory

# plant DESC PATH VALUE: a fresh copy with VALUE (or a FIFO, for "fifo")
# at PATH, then every command run on it.
plant() {
	desc=$1 path=$2 value=$3
	rm -rf "$tmp/R"
	mkdir "$tmp/R"
	cp -a "$fixture/sys" "$tmp/R/"
	target=$(readlink -f "$tmp/R/$path")
	rm -f "$target"
	if [ "$value" = fifo ]; then
		mkfifo "$target"
	else
		printf '%s\n' "$value" >"$target"
	fi
	check "$desc" json "$daxctl" list -RDM -i
	check "$desc" json "$daxctl" plan dax0.0
	check "$desc" text "$daxctl" reconfigure-device -m devdax -f \
		--dry-run dax0.0
	check "$desc" text "$daxctl" online-memory dax0.0
	check "$desc" json "$ndctl" list -RDN -vvv
}

# check DESC json|text CMD...: status 0 or 1 within 10 s; stdout, for
# json, parses and holds no value read from a hostile attribute: no
# number of 2^63 or more, none negative but -1, no address at 2^64 - 2.
check() {
	desc=$1 kind=$2
	shift 2
	n=$((n + 1))
	what="$desc: $(basename "$1") $2"
	timeout 10 "$@" --sysroot "$tmp/R" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	if [ "$status" -gt 1 ]; then
		echo "not ok $n - $what: status $status${todo:+ # TODO $todo}"
		sed 's/^/# /' "$tmp/err" | head -5
		return
	fi
	if [ "$kind" = json ] && ! python3 -c '
import json, sys
def bad(v):
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return v >= 2**63 or v < -1
    if isinstance(v, str):
        return "fffffffffffe" in v.lower() or "ffffffffffff" in v.lower()
    if isinstance(v, dict):
        return any(bad(x) for x in v.values())
    if isinstance(v, list):
        return any(bad(x) for x in v)
    return False
text = open(sys.argv[1]).read()
sys.exit(1 if text.strip() and bad(json.loads(text)) else 0)' "$tmp/out"
	then
		echo "not ok $n - $what: a hostile value printed as fact"
		sed 's/^/# /' "$tmp/out" | head -40
		return
	fi
	if [ "$status" -eq 1 ] && [ "$(wc -l <"$tmp/err")" -lt 1 ]; then
		echo "not ok $n - $what: failed without a message"
		return
	fi
	echo "ok $n - $what (status $status)"
}

# error_names DESC PATTERN CMD...: status 1 and a line matching PATTERN.
error_names() {
	desc=$1 pattern=$2
	shift 2
	n=$((n + 1))
	timeout 10 "$@" --sysroot "$tmp/R" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	if [ "$status" -ne 1 ] || ! grep -Eq -- "$pattern" "$tmp/err"; then
		echo "not ok $n - $desc: status $status, want 1 and '$pattern'"
		sed 's/^/# /' "$tmp/err" | head -5
	else
		echo "ok $n - $desc"
	fi
}

for bs in 1 3 800 zz -8000000; do
	plant "block_size_bytes $bs" $mem/block_size_bytes "$bs"
	error_names "online-memory names the block size $bs" \
		"dax0.0: .*block size.*$bs" "$daxctl" online-memory dax0.0
done
plant "block_size_bytes a FIFO" $mem/block_size_bytes fifo
plant "mapping0 end 0xfffffffffffffffe" $dev/mapping0/end \
	0xfffffffffffffffe
plant "mapping0 end 0xffffffffffffffff" $dev/mapping0/end \
	0xffffffffffffffff
plant "mapping0 start after its end" $dev/mapping0/start 0x300000000
plant "mapping0 start abc" $dev/mapping0/start abc
plant "mapping0 end a FIFO" $dev/mapping0/end fifo
plant "dax0.0 size -1" $dev/size -1
plant "dax0.0 size 2^63 with its range" $dev/size 9223372036854775808
plant "dax0.0 resource garbage" $dev/resource 0x1zz
plant "dax0.0 size a FIFO" $dev/size fifo
plant "dax0.0 align abc" $dev/align abc
plant "dax0.0 align 3" $dev/align 3
plant "dax0.0 numa_node garbage" $dev/numa_node 0zz
plant "dax0.0 target_node -5" $dev/target_node -5
plant "memory33 state a FIFO" $mem/memory33/state fifo
plant "region0 mappings 2147483647" sys/bus/nd/devices/region0/mappings \
	2147483647
plant "region0 mapping0 -1" sys/bus/nd/devices/region0/mapping0 \
	"nmem0,-1,-1,0"
plant "region0 size -1" sys/bus/nd/devices/region0/size -1
plant "region0 size a FIFO" sys/bus/nd/devices/region0/size fifo
# reconfigure-device refuses to plan a devdax device on a namespace of no
# size as it refuses options it cannot honour: status 2, not 1.
todo="reconfigure.c: a device the planner cannot lay out is a usage error"
plant "namespace0.0 size -1" sys/bus/nd/devices/namespace0.0/size -1
todo=
plant "namespace0.0 numa_node abc" sys/bus/nd/devices/namespace0.0/numa_node \
	abc
echo "1..$n"
