#!/bin/sh
# Benchmark: `daxctl reconfigure-device --check-config --dry-run` on the
# devdax fixture with a config directory of 10,000 sections, generated
# here into a temp dir, in two layouts: one file of 10,000 sections, and
# 100 files of 100.  One section matches dax0.0 (the last one written);
# every other names a dynamic range no device has, so the whole directory
# is read, checked and searched before the plan is printed; a directory
# with the matching section alone gives the floor (start, sysfs, plan).
# The target is under 100 ms a run.  Upstream daxctl reads only
# /etc/daxctl.conf.d and takes no --sysroot, so it cannot be run on the
# fixture: no ratio.
# Not a timed test: it prints.
#
# Usage: test/bench/config-10k.sh BUILD_DIR [SECTIONS] [RUNS]
set -eu
build=$1 sections=${2:-10000} runs=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)
fixture=$here/../sysfs/fixtures/devdax
daxctl=$build/daxctl/daxctl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
uuid=$(cat "$fixture/sys/bus/nd/devices/namespace0.0/uuid")

# gen DIR FILES: $sections sections spread over FILES files.
gen() {
	mkdir "$1"
	awk -v dir="$1" -v files="$2" -v n="$sections" -v uuid="$uuid" '
	BEGIN {
		per = int((n + files - 1) / files)
		for (i = 0; i < n - 1; i++) {
			f = sprintf("%s/bench-%05d.conf", dir, int(i / per))
			start = 4294967296 + i * 1073741824
			printf "[reconfigure-device bench-%d]\n", i > f
			printf "dax.region = %d\n", i % 8 > f
			printf "dax.range = %.0f-%.0f\n", start,
				start + 1073741823 > f
			printf "mode = devdax\nalign = 2M\n\n" > f
		}
		printf "[reconfigure-device dax0]\nnvdimm.uuid = %s\n", uuid > f
		printf "mode = devdax\n" > f
	}'
}

# time_runs DIR: microseconds per run, the median of $runs.
time_runs() {
	i=0
	while [ "$i" -lt "$runs" ]; do
		start=$(date +%s%N)
		"$daxctl" reconfigure-device -C dax0.0 --dry-run \
			--config-dir "$1" --sysroot "$fixture" >/dev/null \
			2>"$work/err" || {
			echo "check-config failed on $1:" >&2
			head -n 3 "$work/err" >&2
			return 1
		}
		end=$(date +%s%N)
		echo $(((end - start) / 1000))
		i=$((i + 1))
	done >"$work/times"
	sort -n "$work/times" |
		awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# The floor: the same command with the one matching section alone.
mkdir "$work/d0"
printf '[reconfigure-device dax0]\nnvdimm.uuid = %s\nmode = devdax\n' \
	"$uuid" >"$work/d0/one.conf"
us=$(time_runs "$work/d0") || exit 1
echo "ours: --check-config, 1 section: $((us / 1000)).$(printf %03d \
	$((us % 1000))) ms per run (median of $runs)"
over=0
for layout in 1 100; do
	gen "$work/d$layout" "$layout"
	us=$(time_runs "$work/d$layout") || exit 1
	echo "ours: --check-config, $sections sections in $layout file(s):" \
		"$((us / 1000)).$(printf %03d $((us % 1000))) ms per run" \
		"(median of $runs)"
	[ "$us" -lt 100000 ] || over=1
done
if [ "$over" -eq 0 ]; then
	echo "under the 100 ms target"
else
	echo "OVER the 100 ms target"
fi
