#!/bin/sh
# --sysroot confines every sysfs access to the tree it names.  A copy of
# a captured devdax tree gets its drivers directories replaced by links
# out of the copy, absolute and relative, to a directory holding the
# unbind files as regular files: disable-device and disable-namespace
# must refuse (status 1, one line saying the device failed) and leave those
# files as they were.  A device link into a sibling tree whose name
# starts with the root's ("R" and "Rb") must not be read either.
# Usage: sysroot-escape.sh BUILD_DIR FIXTURE_DIR (the devdax fixture)
build=$1 fixture=$2
daxctl=$build/daxctl/daxctl ndctl=$build/ndctl/ndctl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	sed 's/^/# /' "$tmp/err" "$tmp/out.txt"
}

# fresh: a new copy of the fixture in $tmp/R, and $tmp/out with an empty
# unbind file for every driver the tree's devices name.
fresh() {
	rm -rf "$tmp/R" "$tmp/Rb" "$tmp/out"
	mkdir -p "$tmp/R" "$tmp/out"
	cp -a "$fixture/sys" "$tmp/R/"
	for d in device_dax kmem dax_pmem nd_pmem nd_region nd_bus nvdimm \
		pfn btt; do
		mkdir "$tmp/out/$d"
		: >"$tmp/out/$d/unbind"
		: >"$tmp/out/$d/bind"
	done
}

# refuses DESC DEVICE CMD...: status 1, one line on stderr saying the
# device failed, every file under $tmp/out still empty.
refuses() {
	desc=$1 dev=$2
	shift 2
	timeout 10 "$@" --sysroot "$tmp/R" >"$tmp/out.txt" 2>"$tmp/err"
	status=$?
	written=$(find "$tmp/out" -type f -size +0 | sed "s|$tmp/||")
	if [ -n "$written" ]; then
		not_ok "$desc: wrote outside the root: $written"
	elif [ "$status" -ne 1 ]; then
		not_ok "$desc: status $status, want 1"
	elif [ "$(grep -c "$dev.* failed" "$tmp/err")" -ne 1 ]; then
		not_ok "$desc: want one line saying $dev failed"
	else
		ok "$desc"
	fi
}

fresh
ln -s "$tmp/out" "$tmp/R/sys/bus/dax/drivers"
refuses "disable-device: drivers is an absolute link out" dax0.0 \
	"$daxctl" disable-device dax0.0
fresh
ln -s ../../../../out "$tmp/R/sys/bus/dax/drivers"
refuses "disable-device: drivers is a ../ link out" dax0.0 \
	"$daxctl" disable-device dax0.0
fresh
ln -s "$tmp/out" "$tmp/R/sys/bus/nd/drivers"
refuses "disable-namespace: drivers is an absolute link out" namespace0.0 \
	"$ndctl" disable-namespace namespace0.0
fresh
ln -s ../../../../out "$tmp/R/sys/bus/nd/drivers"
refuses "disable-namespace: drivers is a ../ link out" namespace0.0 \
	"$ndctl" disable-namespace namespace0.0
fresh
ln -s "$tmp/out" "$tmp/R/sys/bus/dax/drivers"
refuses "reconfigure-device -m system-ram: drivers links out" dax0.0 \
	"$daxctl" reconfigure-device -m system-ram -f dax0.0

# R/sys/bus/dax/devices/dax0.0 -> ../../../../../Rb/..., a copy whose size
# is a marker: "/tmp/x/R" is a prefix of "/tmp/x/Rb/..." but not a
# directory above it, so nothing of Rb is listed.  R/b holds another
# copy, so that a path that passed for "b/sys/..." under R would load.
fresh
cp -a "$tmp/R" "$tmp/Rb"
mkdir "$tmp/R/b"
cp -a "$fixture/sys" "$tmp/R/b/"
dax0=$(readlink "$tmp/R/sys/bus/dax/devices/dax0.0")
echo 1234567890123 >"$tmp/Rb/sys/bus/dax/devices/dax0.0/size"
rm "$tmp/R/sys/bus/dax/devices/dax0.0"
ln -s "../../../../../Rb/sys/bus/dax/devices/$dax0" \
	"$tmp/R/sys/bus/dax/devices/dax0.0"
timeout 10 "$daxctl" list --sysroot "$tmp/R" >"$tmp/out.txt" 2>"$tmp/err"
status=$?
if grep -q 1234567890123 "$tmp/out.txt"; then
	not_ok "daxctl list: read dax0.0 from the sibling tree Rb"
elif [ "$status" -ne 0 ] || ! grep -q '"chardev":"dax1.0"' "$tmp/out.txt"
then
	not_ok "daxctl list: status $status, want 0 and dax1.0 listed"
else
	ok "daxctl list: a device link into Rb, beside the root, is not read"
fi
echo "1..$n"
