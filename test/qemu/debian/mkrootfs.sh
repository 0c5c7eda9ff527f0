#!/bin/sh
# Build (once) a minimal Debian 12 root file system from the Debian
# archive with mmdebstrap: systemd, udev, what memmap-tools links, and
# Debian's own ndctl and daxctl.
# The tarball is cached under CACHE_DIR by a hash of this script, so a
# change to the package list builds a new one.  Prints its path.
#
# Usage: mkrootfs.sh [CACHE_DIR]
set -eu

cache=${1:-${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# memmap-tools' own dependencies are here so that apt installs the .deb
# in the guest without a network.
# dbus: systemd-run --wait talks to systemd over the system bus.
# Debian's ndctl and daxctl: memmap-tools is installed beside them and
# diverts the files it shares with them.
pkgs=systemd-sysv,udev,kmod,dbus,libjson-c5,libkmod2,libuuid1,libiniparser1,jq
pkgs=$pkgs,ndctl,daxctl

key=$(cat "$0" | sha256sum | cut -c1-16)
dir=$cache/debian-rootfs-$key
if [ ! -f "$dir/.done" ]; then
	rm -rf "$dir"
	mkdir -p "$dir"
	mmdebstrap --quiet --variant=minbase --include="$pkgs" \
		--customize-hook='echo memmap-guest >"$1/etc/hostname"' \
		--customize-hook='echo "/dev/vda / ext4 defaults 0 1" >"$1/etc/fstab"' \
		bookworm "$dir/rootfs.tar" "$mirror" >&2
	touch "$dir/.done"
fi
echo "$dir/rootfs.tar"
