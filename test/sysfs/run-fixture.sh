#!/bin/sh
# Run every command recorded in a captured fixture with our tools against
# the fixture (--sysroot) and compare with what the upstream tool (Debian's
# 76.1) printed in the guest when the fixture was captured.  The check is
# by facts (json-compare.py): a tree on disk lists its directories in
# another order than the kernel's sysfs did, so arrays may come out in
# another order here.  strict-compare.sh compares order, shape and bytes
# exactly, against upstream v81 run on the same tree.  Prints TAP.
#
# Usage: run-fixture.sh BUILD_DIR FIXTURE_DIR
set -u

build=$1 fixture=$2
here=$(cd "$(dirname "$0")" && pwd)
compare=$here/../tools/json-compare.py
n=0 failed=0
# DIMMs that take SMART and firmware calls (nfit_test's) answered -H, -F
# and -vvv through ioctls in the guest; a tree on disk has no device to
# answer them.  Those runs were compared live in the capture boot
# (nfit-capture's host-check) and, with both sides failing the call the
# same way, by strict-compare.sh.
dsm=
grep -qs smart "$fixture"/sys/bus/nd/devices/nmem*/commands && dsm=1
for cmd in "$fixture"/expected/*.cmd; do
	n=$((n + 1))
	read -r tool args <"$cmd"
	if [ -n "$dsm" ]; then
		case " $args " in
		*" -"[!-]*[HF]*|*" -vvv "*)
			echo "ok $n - $tool $args # SKIP DSM replies are not" \
				"in a sysfs tree (compared live at capture)"
			continue ;;
		esac
	fi
	out=$(mktemp)
	expected=${cmd%.cmd}.json
	# shellcheck disable=SC2086
	"$build/$tool/$tool" $args --sysroot "$fixture" >"$out" 2>"$out.err"
	status=$?
	# Upstream prints nothing when nothing matches, and exits 0: so
	# must we, exactly.
	if [ ! -s "$expected" ]; then
		if [ "$status" -eq 0 ] && [ ! -s "$out" ]; then
			echo "ok $n - $tool $args (no match: nothing printed)"
		else
			echo "not ok $n - $tool $args: expected no output," \
				"status 0 (got $status)"
			failed=1
		fi
	elif [ "$status" -ne 0 ]; then
		echo "not ok $n - $tool $args: exit status $status"
		sed 's/^/# /' "$out" "$out.err"
		failed=1
	elif diff=$("$compare" "$expected" "$out"); then
		echo "ok $n - $tool $args"
	else
		echo "not ok $n - $tool $args"
		echo "$diff" | sed 's/^/# /'
		failed=1
	fi
	rm -f "$out" "$out.err"
done
echo "1..$n"
exit 0
