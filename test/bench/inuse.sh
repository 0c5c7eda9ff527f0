#!/bin/sh
# Benchmark: the in-use check as the host grows.  One boot of Debian's
# stock kernel under QEMU (TCG) with an fsdax and two devdax namespaces;
# with no extra processes, 1,000 and 3,000 idle ones, and 3,000 holding
# 400,000 mappings between them, ours and upstream 76.1 alternate, three
# rounds each: ndctl disable-namespace (fsdax), daxctl disable-device
# (devdax), the same while a process maps the other devdax device
# (disable-device-scan: ours must read every process), and our
# reconfigure-device --dry-run.  Prints the medians (ms) and checks the
# targets: ours within 2x upstream on the block device, and the devdax
# device at 3,000 processes under 3x its time with none; the scan row is
# reported beside them.  Not a timed test.
#
# Usage: test/bench/inuse.sh BUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$1/test/inuse-load" ] || {
	echo "inuse.sh: $1/test/inuse-load missing: ninja -C $1" >&2
	exit 2
}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$here/../qemu/run-scenario.sh" "$1" bench-inuse | tee "$log" |
	grep -E "^(not ok|ok)|^# [a-z0-9-]+: " || true
awk '
	$2 == "bench" {
		key = $3 SUBSEP $4 SUBSEP $5
		v[key, ++n[key]] = $6
	}
	function median(key,   i, j, t, k, a) {
		k = n[key]
		if (!k)
			return -1
		for (i = 1; i <= k; i++)
			a[i] = v[key, i]
		for (i = 1; i <= k; i++)
			for (j = i + 1; j <= k; j++)
				if (a[j] < a[i]) {
					t = a[i]; a[i] = a[j]; a[j] = t
				}
		return a[int((k + 1) / 2)]
	}
	function cell(load, tool, op,   m) {
		m = median(load SUBSEP tool SUBSEP op)
		return m < 0 ? "-" : sprintf("%.0f", m)
	}
	function ratio(a, b) {
		return (a == "-" || b == "-" || b == 0) ? "-" : sprintf("%.2f", a / b)
	}
	END {
		nl = split("none idle-1000 idle-3000 maps-400k", loads, " ")
		no = split("disable-namespace disable-device reconfigure-dry-run disable-device-scan", ops, " ")
		printf "| load | command | ours ms | upstream ms | ours/upstream | ours/ours at none |\n"
		printf "|---|---|---|---|---|---|\n"
		for (o = 1; o <= no; o++)
			for (l = 1; l <= nl; l++) {
				ours = cell(loads[l], "ours", ops[o])
				up = cell(loads[l], "upstream", ops[o])
				base = cell("none", "ours", ops[o])
				printf "| %s | %s | %s | %s | %s | %s |\n", loads[l], ops[o], ours, up, ratio(ours, up), ratio(ours, base)
				r[loads[l], ops[o]] = ratio(ours, up)
				g[loads[l], ops[o]] = ratio(ours, base)
			}
		bad = 0
		for (l = 1; l <= nl; l++) {
			x = r[loads[l], "disable-namespace"]
			if (x == "-" || x + 0 > 2) {
				printf "target missed: %s disable-namespace ours/upstream %s (want <= 2)\n", loads[l], x
				bad = 1
			}
		}
		# disable-device-scan is reported, not held to a target: it is
		# the case the kernel count cannot answer (see README.md).
		for (o = 2; o <= 3; o++) {
			x = g["idle-3000", ops[o]]
			if (x == "-" || x + 0 >= 3) {
				printf "target missed: idle-3000 %s ours/ours at none %s (want < 3)\n", ops[o], x
				bad = 1
			}
		}
		if (!bad)
			print "targets met"
	}' "$log"
[ -z "${BENCH_LOG:-}" ] || cp "$log" "$BENCH_LOG"
