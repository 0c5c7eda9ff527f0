#!/bin/sh
# Install dependencies, build, and run every test suite (unit, sysfs, qemu,
# and kernel when enabled).  Usage: contrib/run-tests.sh [meson test args]
set -eu
cd "$(dirname "$0")/.."
contrib/setup.sh
if [ -d build ]; then
	meson setup --reconfigure build >/dev/null
else
	meson setup build >/dev/null
fi
ninja -C build
# kernel-debug (a KASAN kernel, about 20 minutes) and kernel-matrix (the
# series built in several configurations, up to an hour) only when asked.
[ $# -gt 0 ] || set -- --no-suite kernel-debug --no-suite kernel-matrix
meson test -C build --print-errorlogs "$@"
