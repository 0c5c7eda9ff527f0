#!/bin/sh
# Install dependencies, build, and run every test suite (unit, sysfs, qemu,
# and kernel when enabled).  Usage: contrib/run-tests.sh [meson test args]
set -eu
cd "$(dirname "$0")/.."
contrib/setup.sh
# Upstream v81, the oracle of the comparisons, built into the cache from
# a bare clone of pmem/ndctl when the machine has one (cached by commit);
# without it the tests that compare with v81 say SKIP.
test/tools/build-upstream.sh >/dev/null ||
	echo "run-tests: no upstream v81 build: comparisons with it skip" >&2
if [ -d build ]; then
	meson setup --reconfigure build >/dev/null
else
	meson setup build >/dev/null
fi
ninja -C build

# The unit, sysfs and fuzz suites again in a clang build with
# AddressSanitizer, UBSan and LeakSanitizer: any report fails the run.
export ASAN_OPTIONS=detect_leaks=1:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:exitcode=98:print_stacktrace=1
if [ -d build-sanitize ]; then
	meson setup --reconfigure build-sanitize >/dev/null
else
	CC=clang meson setup build-sanitize -Db_sanitize=address,undefined \
		-Db_lundef=false -Dqemu=disabled -Ddocs=disabled >/dev/null
fi
ninja -C build-sanitize
meson test -C build-sanitize --print-errorlogs --suite unit --suite sysfs \
	--suite fuzz

# kernel-debug (a KASAN kernel, about 20 minutes), kernel-matrix (the
# build matrix, about an hour uncached), debian-patched (a second
# patched kernel build for the Debian guest) and crash (every kill point
# of the change flows, and 100 concurrency rounds), conformance-6.12 and
# health-compare-6.12 (a second conformance boot, on stock 6.12: about
# 11 minutes, which a cold run cannot afford beside the rest) and
# kernel-6.12, kernel-6.12-debug (the 6.12 series' own kernel builds)
# only when asked for.  health-compare runs: it reads the conformance
# boot's results and adds no boot of its own.  cxl (one QEMU CXL boot,
# about 2 minutes) runs by default; cxl-test (upstream's cxl scripts on
# cxl_test: a 6.12 kernel build of its own and a long boot) only when
# asked for.
[ $# -gt 0 ] || set -- --no-suite kernel-debug --no-suite kernel-matrix \
	--no-suite debian-patched --no-suite crash \
	--no-suite conformance-6.12 --no-suite health-compare-6.12 \
	--no-suite kernel-6.12 --no-suite kernel-6.12-debug \
	--no-suite cxl-test
meson test -C build --print-errorlogs "$@"
