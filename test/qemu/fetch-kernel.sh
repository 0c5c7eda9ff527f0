#!/bin/sh
# Fetch and unpack Debian's stock kernel (the current dependency of
# linux-image-amd64) into a cache outside the source tree.  Prints the
# cache directory of the kernel.
#
# Usage: fetch-kernel.sh [CACHE_DIR]
set -eu

cache=${1:-${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}}
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n1)
if [ -z "$pkg" ]; then
	echo "fetch-kernel: cannot resolve linux-image-amd64 (run apt-get update)" >&2
	exit 1
fi
dir=$cache/$pkg
if [ ! -f "$dir/.done" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/deb"
	(cd "$dir/deb" && apt-get download "$pkg" >/dev/null 2>&1)
	dpkg -x "$dir"/deb/*.deb "$dir/root"
	# The package's postinst normally generates modules.dep.
	depmod -b "$dir/root" "$(ls "$dir/root/lib/modules")"
	touch "$dir/.done"
fi

echo "$dir"
