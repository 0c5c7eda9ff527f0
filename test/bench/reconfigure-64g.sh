#!/bin/sh
# Benchmark: reconfigure a 64 GiB NVDIMM devdax -> system-ram -> devdax
# with our daxctl and with upstream daxctl 76.1, alternating, five rounds
# each, in one boot of Debian's stock kernel.  Prints each tool's median
# times and the ratio ours/upstream.  Not a timed test.
#
# Usage: test/bench/reconfigure-64g.sh BUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
"$here/../qemu/run-scenario.sh" "$1" bench-reconfigure | tee /tmp/bench.$$ |
	grep -E '^(not ok|ok)' || true
awk '
	$2 == "bench" {
		tool = $3
		k = ++n[tool]
		ram[tool, k] = $6 - $5
		dax[tool, k] = $7 - $6
	}
	function median(a, tool, k,   i, j, t, v) {
		for (i = 1; i <= k; i++)
			v[i] = a[tool, i]
		for (i = 1; i <= k; i++)
			for (j = i + 1; j <= k; j++)
				if (v[j] < v[i]) {
					t = v[i]; v[i] = v[j]; v[j] = t
				}
		return v[int((k + 1) / 2)]
	}
	END {
		fmt = "%-16s to system-ram %.2f s, to devdax %.2f s (median of %d)\n"
		for (tool in n) {
			r[tool] = median(ram, tool, n[tool])
			d[tool] = median(dax, tool, n[tool])
			printf fmt, tool, r[tool], d[tool], n[tool]
		}
		if (!("daxctl" in n) || !("daxctl-upstream" in n))
			exit
		ours = r["daxctl"] + d["daxctl"]
		theirs = r["daxctl-upstream"] + d["daxctl-upstream"]
		fmt = "ratio ours/upstream: to system-ram %.2f, to devdax %.2f, round trip %.2f\n"
		printf fmt, r["daxctl"] / r["daxctl-upstream"], d["daxctl"] / d["daxctl-upstream"], ours / theirs
	}' /tmp/bench.$$
[ -z "${BENCH_LOG:-}" ] || cp /tmp/bench.$$ "$BENCH_LOG"
rm -f /tmp/bench.$$
