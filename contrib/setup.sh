#!/bin/sh
# Install what building and testing need on Debian 12 (run as root, or
# with sudo available).  Safe to run again.
set -eu

pkgs="build-essential meson ninja-build pkg-config libjson-c-dev
libkmod-dev libkeyutils-dev uuid-dev asciidoctor qemu-system-x86 busybox-static cpio kmod
xz-utils python3 ndctl daxctl flex bison bc libelf-dev libssl-dev ccache
e2fsprogs dmsetup clang libclang-rt-14-dev jq libiniparser-dev udev
systemd debhelper lintian mmdebstrap parted keyutils uuid-runtime xxd
bsdextrautils util-linux coreutils libndctl-dev libdaxctl-dev
libudev-dev libtraceevent-dev libtracefs-dev libkeyutils-dev"

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q 'install ok installed' || missing="$missing $p"
done
# apt-get update also refreshes which kernel linux-image-amd64 names.
$sudo apt-get update -qq
if [ -n "$missing" ]; then
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing \
		>/dev/null
fi
