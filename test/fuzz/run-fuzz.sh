#!/bin/sh
# Run one libFuzzer harness for a fixed number of inputs, starting from
# its seed corpus, and print one TAP line: executions, coverage, and
# whether it found a crash (which fails the test and is kept).
#
# Usage: run-fuzz.sh HARNESS SEED_DIR [RUNS]
#   FUZZ_RUNS overrides RUNS (longer runs for the closing figures).
set -u
harness=$1 seeds=$2 runs=${FUZZ_RUNS:-${3:-200000}}
name=$(basename "$harness")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# New inputs go to a scratch corpus; the seeds in the tree stay as they are.
"$harness" -runs="$runs" -seed=1 -artifact_prefix="$work/" \
	"$work" "$seeds" >"$work/log" 2>&1
status=$?
execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$work/log")
cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$work/log" | tail -n1)
if [ "$status" -eq 0 ] && [ -n "$execs" ]; then
	echo "ok 1 - $name: ${execs} executions, 0 crashes, $cov"
else
	echo "not ok 1 - $name: status $status after ${execs:-?} executions"
	grep -E 'ERROR|SUMMARY|runtime error|==[0-9]+==' "$work/log" |
		head -n 20 | sed 's/^/# /'
	for crash in "$work"/crash-* "$work"/leak-*; do
		[ -e "$crash" ] && od -An -tx1 "$crash" | head -n 4 | sed 's/^/# /'
	done
fi
echo "1..1"
