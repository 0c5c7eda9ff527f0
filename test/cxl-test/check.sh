#!/bin/sh
# One meson test: upstream's cxl SCRIPT on cxl_test with our tools (test
# point 1) and with upstream v81's in the same boot (test point 2, the
# baseline).  The boot that runs every script happens once, in whichever
# test comes first (run-suite.sh, under a lock); the others read its
# results.  A script with a reason in ./scripts is an expected failure
# with ours (meson's should_fail: EXPECTEDFAIL, and a fix shows as an
# unexpected pass); an exit 77 (skip) is a failure like any other
# non-zero status.
#
# Usage: check.sh BUILD_DIR SCRIPT
set -u

build=$1 script=$2
here=$(cd "$(dirname "$0")" && pwd)
results=$build/cxl-test

"$here/run-suite.sh" "$build" || {
	echo "Bail out! the cxl_test boot could not run"
	exit 1
}

reason=$(sed -e 's/#.*//' "$here/scripts" |
	awk -v s="$script" '$1 == s { $1 = ""; sub(/^ +/, ""); print }')

ours=$("$here/describe.sh" "$results" ours "$script")
upstream=$("$here/describe.sh" "$results" upstream "$script")

# details IMPL: the end of its output and any kernel trace, as comments.
details() {
	d=$results/$1.$script
	[ -f "$d/log" ] || return 0
	echo "# --- $1: last lines of output"
	tail -n 25 "$d/log" | sed 's/^/#   /'
	if grep -q 'Call Trace' "$d/dmesg" 2>/dev/null; then
		echo "# --- $1: the kernel logged a trace during the run"
		grep -B 5 -A 10 'Call Trace' "$d/dmesg" | head -n 40 |
			sed 's/^/#   /'
	fi
	if [ "$(cat "$d/cleanup-status" 2>/dev/null)" != 0 ]; then
		echo "# --- $1: cleanup after the run failed"
		sed 's/^/#   /' "$d/cleanup"
	fi
}

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
	echo "ok 2 - $script with upstream v81: $upstream # SKIP not required where ours is expected to fail"
elif [ "$upstream" = pass ]; then
	echo "ok 2 - $script with upstream v81"
else
	echo "not ok 2 - $script with upstream v81 (baseline): $upstream"
	details upstream
fi
