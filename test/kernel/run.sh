#!/bin/sh
# The kernel suite: build the patched kernel (cached), boot it, run the
# kernel-controls scenario.  Prints TAP.
#
# Usage: run.sh BUILD_DIR [EXTRA_FRAGMENT [SCENARIO]]
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=$1 extra=${2:-} scenario=${3:-kernel-controls}
if ! kernel=$("$here/build-kernel.sh" $extra 2>"$build/kernel-build.log"); then
	echo "not ok 1 - build the patched kernel"
	sed 's/^/# /' "$build/kernel-build.log"
	echo "1..1"
	exit 0
fi
sed 's/^/# /' "$build/kernel-build.log"
exec "$here/../qemu/run-scenario.sh" "$build" "$scenario" "$kernel"
