#!/bin/sh
# What one run in a cxl-test results directory came to: "pass",
# "skip (exit 77)", "fail (exit N)", "fail (killed ...)" or "no result".
#
# Usage: describe.sh RESULTS_DIR IMPL SCRIPT
f=$1/$2.$3/status
if [ ! -f "$f" ]; then
	echo "no result (the guest did not finish it)"
	exit 0
fi
case $(cat "$f") in
0) echo pass ;;
77) echo "skip (exit 77)" ;;
137) echo "fail (killed after the guest's per-script timeout)" ;;
*) echo "fail (exit $(cat "$f"))" ;;
esac
