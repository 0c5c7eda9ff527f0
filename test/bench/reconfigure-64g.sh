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
		ram[tool, ++n[tool]] = $6 - $5
		dax[tool, n[tool]] = $7 - $6
	}
	function median(a, tool, k,   i, j, t, v) {
		for (i = 1; i <= k; i++) v[i] = a[tool, i]
		for (i = 1; i <= k; i++)
			for (j = i + 1; j <= k; j++)
				if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		return v[int((k + 1) / 2)]
	}
	END {
		for (tool in n) {
			r[tool] = median(ram, tool, n[tool])
			d[tool] = median(dax, tool, n[tool])
			printf "%-16s to system-ram %.2f s, to devdax %.2f s " \
			       "(median of %d)\n", tool, r[tool], d[tool], n[tool]
		}
		if (("daxctl" in n) && ("daxctl-upstream" in n))
			printf "ratio ours/upstream: to system-ram %.2f, to " \
			       "devdax %.2f, round trip %.2f\n",
			       r["daxctl"] / r["daxctl-upstream"],
			       d["daxctl"] / d["daxctl-upstream"],
			       (r["daxctl"] + d["daxctl"]) /
			       (r["daxctl-upstream"] + d["daxctl-upstream"])
	}' /tmp/bench.$$
rm -f /tmp/bench.$$
