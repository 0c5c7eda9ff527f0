#!/bin/sh
# Fetch and unpack one of Debian's stock kernels (test/qemu/stock-kernels
# lists them; STOCK_KERNEL picks one, 6.1 by default) into a cache outside
# the source tree, modules included.  Prints the cache directory of the
# kernel.
#
# Usage: [STOCK_KERNEL=6.1|6.12] fetch-kernel.sh [CACHE_DIR]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cache=${1:-${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}}
want=${STOCK_KERNEL:-6.1}
spec=$(awk -v k="$want" '!/^#/ && $1 == k { print $2 }' "$here/stock-kernels")
if [ -z "$spec" ]; then
	echo "fetch-kernel: STOCK_KERNEL=$want: not in $here/stock-kernels" >&2
	exit 2
fi
case $spec in
*'*'*)
	# The newest image package of that series apt knows.
	pattern=$(printf '%s' "$spec" | sed 's/\./\\./g; s/\*/.*/g')
	pkg=$(apt-cache pkgnames linux-image- 2>/dev/null |
		grep -x "$pattern" | sort -V | tail -n1)
	;;
linux-image-amd64)
	pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n1)
	;;
*)
	pkg=$spec
	;;
esac
if [ -z "$pkg" ]; then
	echo "fetch-kernel: cannot resolve $spec (run apt-get update)" >&2
	exit 1
fi
dir=$cache/$pkg
if [ ! -f "$dir/.done" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/deb"
	if ! (cd "$dir/deb" && apt-get download "$pkg" >/dev/null 2>&1); then
		echo "fetch-kernel: $pkg: apt-get download failed" >&2
		exit 1
	fi
	dpkg -x "$dir"/deb/*.deb "$dir/root"
	# The package's postinst normally generates modules.dep.
	depmod -b "$dir/root" "$(ls "$dir/root/lib/modules")"
	touch "$dir/.done"
fi

echo "$dir"
