#!/bin/sh
# One meson test: upstream's SCRIPT on the nfit_test bus, with our tools
# (test point 1) and with upstream 76.1's in the same boot (test point 2,
# the baseline).  The boot that runs every script happens once, in
# whichever test comes first (run-suite.sh, under a lock); the others
# read its results.  A script marked in the scripts file is an expected
# failure with ours (meson's should_fail, so it counts as EXPECTEDFAIL
# and a fix shows as an unexpected pass); an exit 77 (skip) is a failure
# like any other non-zero status.  On a KERNEL other than 6.1, the
# scripts-KERNEL file marks the failures that kernel alone brings.
#
# Usage: check.sh BUILD_DIR SCRIPT [KERNEL]
set -u

build=$1 script=$2 stock=${3:-6.1}
here=$(cd "$(dirname "$0")" && pwd)
results=$build/conformance lock=$build/conformance.lock
if [ "$stock" != 6.1 ]; then
	results=$build/conformance-$stock lock=$build/conformance-$stock.lock
fi

mkdir -p "$build"
(
	flock 9
	"$here/run-suite.sh" "$build" "$stock"
) 9>"$lock" || {
	echo "Bail out! the conformance boot could not run"
	exit 1
}

reason_in() { # FILE: the reason FILE gives for the script, if any
	[ -f "$1" ] || return 0
	sed -e 's/#.*//' "$1" |
		awk -v s="$script" '$1 == s { $1 = ""; sub(/^ +/, ""); print }'
}
reason=$(reason_in "$here/scripts")
if [ -z "$reason" ] && [ "$stock" != 6.1 ]; then
	reason=$(reason_in "$here/scripts-$stock")
	[ -z "$reason" ] || reason="on $stock: $reason"
fi

# describe IMPL: "pass", "skip (exit 77)", "fail (exit N)", "no result"
describe() {
	f=$results/$1.$script/status
	if [ ! -f "$f" ]; then
		echo "no result (the guest did not finish it)"
		return
	fi
	case $(cat "$f") in
	0) echo pass ;;
	77) echo "skip (exit 77)" ;;
	137) echo "fail (killed after the guest's per-script timeout)" ;;
	*) echo "fail (exit $(cat "$f"))" ;;
	esac
}

# details IMPL: the end of its output and any kernel trace, as comments.
details() {
	d=$results/$1.$script
	[ -f "$d/log" ] || return 0
	echo "# --- $1: last lines of output"
	tail -n 25 "$d/log" | sed 's/^/#   /'
	if grep -q 'Call Trace' "$d/dmesg" 2>/dev/null; then
		echo "# --- $1: the kernel logged a trace during the run"
		grep -B 5 -A 10 'Call Trace' "$d/dmesg" | head -n 40 | sed 's/^/#   /'
	fi
	if [ "$(cat "$d/cleanup-status" 2>/dev/null)" != 0 ]; then
		echo "# --- $1: cleanup after the run failed"
		sed 's/^/#   /' "$d/cleanup"
	fi
}

ours=$(describe ours)
upstream=$(describe upstream)
echo "1..2"
[ -n "$reason" ] && echo "# expected to fail with ours: $reason"
if [ "$ours" = pass ]; then
	echo "ok 1 - $script with ours"
else
	echo "not ok 1 - $script with ours: $ours"
	details ours
fi
# The baseline: upstream must pass where ours is required to.  For an
# expected failure it is reported, not tested.
if [ -n "$reason" ]; then
	echo "ok 2 - $script with upstream 76.1: $upstream # SKIP not required where ours is expected to fail"
elif [ "$upstream" = pass ]; then
	echo "ok 2 - $script with upstream 76.1"
else
	echo "not ok 2 - $script with upstream 76.1 (baseline): $upstream"
	details upstream
fi
