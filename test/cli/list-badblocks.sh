#!/bin/sh
# list -M where QEMU cannot help: its NVDIMM has no address range scrub,
# so a region's badblocks are always empty there.  A copy of a captured
# devdax tree gets a region badblocks list (the kernel's "sector count"
# lines), and our output is checked against values worked out by hand:
# the region's runs as they are, and the devdax namespace's clipped to
# its data (which starts 2 MiB, 4096 sectors, into the region).  Each
# run names the DIMM it is on: the region has one, nmem0, so no firmware
# is asked (translate SPA is for interleaved regions).
# Usage: list-badblocks.sh BUILD_DIR FIXTURE_DIR
build=$1 fixture=$2
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
cp -a "$fixture/sys" "$tree/"
bb=$(readlink -f "$tree/sys/bus/nd/devices/region0")/badblocks
printf '8 8\n4100 8\n8388592 16\n' >"$bb"
ndctl=$build/ndctl/ndctl
n=0

# expect DESC PYTHON-EXPRESSION-OVER-j ARGS...
expect() {
	desc=$1 check=$2
	shift 2
	n=$((n + 1))
	out=$("$ndctl" list "$@" --sysroot "$tree" 2>&1)
	if printf '%s' "$out" | python3 -c "
import json, sys
j = json.load(sys.stdin)
sys.exit(0 if ($check) else 1)"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		printf '%s\n' "$out" | sed 's/^/# /'
	fi
}

expect "-R: region count without the list" \
	'j[0]["badblock_count"] == 32 and "badblocks" not in j[0]' -R -r 0
expect "-RM: region runs as the kernel lists them" \
	'j[0]["badblocks"] == [{"offset": 8, "length": 8, "dimms": ["nmem0"]},
	 {"offset": 4100, "length": 8, "dimms": ["nmem0"]},
	 {"offset": 8388592, "length": 16, "dimms": ["nmem0"]}]' \
	-RM -r 0
expect "-N: devdax count, runs before its data left out" \
	'j[0]["badblock_count"] == 24 and "badblocks" not in j[0]' \
	-n namespace0.0
expect "-NM: devdax runs from the data start" \
	'j[0]["badblocks"] == [{"offset": 4, "length": 8, "dimms": ["nmem0"]},
	 {"offset": 8384496, "length": 16, "dimms": ["nmem0"]}]' \
	-NM -n namespace0.0
expect "-v: media errors included" \
	'j[0]["badblocks"][0] == {"offset": 4, "length": 8, "dimms": ["nmem0"]}' \
	-v -n namespace0.0
expect "-r 1: a clean region has no badblock keys" \
	'"badblock_count" not in j[0]' -RM -r 1
echo "1..$n"
