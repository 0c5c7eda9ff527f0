#!/bin/sh
# The main job, start to finish on a fresh Debian 12 machine: install
# dependencies, build, boot Debian's stock kernel under QEMU with two
# emulated NVDIMMs (4 GiB and 6 GiB) and show what our ndctl and daxctl
# see there, next to a devdax namespace created for the demo.
set -eu
cd "$(dirname "$0")/.."
contrib/setup.sh
[ -d build ] || meson setup build >/dev/null
ninja -C build >/dev/null
test/qemu/run-guest.sh --show --scenario contrib/demo \
	--nvdimm 4G --nvdimm 6G \
	--bin build/daxctl/daxctl --bin build/ndctl/ndctl
