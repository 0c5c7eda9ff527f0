#!/bin/sh
# One meson test: one of our own guest checks on cxl_test (./refuse or
# ./compare), run in the cxl-test suite's boot after upstream's scripts;
# prints the TAP stream the guest shipped for it.
#
# Usage: check-own.sh BUILD_DIR NAME
set -u

build=$1 name=$2
here=$(cd "$(dirname "$0")" && pwd)
results=$build/cxl-test

"$here/run-suite.sh" "$build" || {
	echo "Bail out! the cxl_test boot could not run"
	exit 1
}
if [ ! -s "$results/$name/tap" ]; then
	echo "Bail out! the boot shipped nothing for $name (the guest did not get there)"
	exit 1
fi
cat "$results/$name/tap"
