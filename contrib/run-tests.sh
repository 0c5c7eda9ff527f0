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
# kernel-debug (a KASAN kernel, about 20 minutes) only when asked for.
[ $# -gt 0 ] || set -- --no-suite kernel-debug
meson test -C build --print-errorlogs "$@"
