#!/bin/sh
# The meson test of health-compare: our error and health commands beside
# upstream's on nfit_test, run in the conformance boot (run-suite.sh,
# shared with check.sh); its TAP is the guest's, passed through.
# Usage: check-compare.sh BUILD_DIR [KERNEL]
set -u

build=$1 stock=${2:-6.1}
here=$(cd "$(dirname "$0")" && pwd)
dir=$build/conformance
[ "$stock" = 6.1 ] || dir=$build/conformance-$stock
results=$dir/compare.health

mkdir -p "$build"
(
	flock 9
	"$here/run-suite.sh" "$build" "$stock"
) 9>"$dir.lock" || {
	echo "Bail out! the conformance boot could not run"
	exit 1
}
if [ ! -f "$results/log" ]; then
	echo "Bail out! the guest did not run health-compare"
	exit 1
fi
grep -E '^(ok|not ok|1\.\.|# |Bail out!)' "$results/log"
if [ "$(cat "$results/cleanup-status" 2>/dev/null)" != 0 ]; then
	echo "# cleanup after health-compare failed:"
	sed 's/^/#   /' "$results/cleanup"
fi
