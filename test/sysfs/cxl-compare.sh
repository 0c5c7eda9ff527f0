#!/bin/sh
# Our cxl list against a tree captured from a real QEMU CXL boot
# (--sysroot), beside what upstream v81's cxl printed on the live system
# when the tree was captured: standard output byte for byte, exit status
# too.  A tree on disk lists its directories in another order than
# sysfs; these trees have one object of each kind at each level, so the
# order cannot differ.  Commands that need the mailbox (-H) are not in
# these trees' expected/: a captured tree has no /dev/cxl.  Prints TAP.
#
# Usage: cxl-compare.sh BUILD_DIR FIXTURE_DIR
set -u

build=$1 fixture=$2
n=0
for cmd in "$fixture"/expected/*.cmd; do
	n=$((n + 1))
	base=${cmd%.cmd}
	read -r tool args <"$cmd"
	out=$(mktemp)
	# shellcheck disable=SC2086
	"$build/cxl/cxl" ${args} --sysroot "$fixture" >"$out" 2>"$out.err"
	status=$?
	want=$(cat "$base.v81status")
	if [ "$status" != "$want" ]; then
		echo "not ok $n - $tool $args: status $status, upstream $want"
		sed 's/^/# /' "$out.err"
	elif cmp -s "$out" "$base.v81"; then
		echo "ok $n - $tool $args"
	else
		echo "not ok $n - $tool $args"
		diff -u "$base.v81" "$out" | sed 's/^/# /' | head -40
	fi
	rm -f "$out" "$out.err"
done
echo "1..$n"
