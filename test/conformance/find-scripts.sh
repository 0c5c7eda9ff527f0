#!/bin/sh
# Print the directory of upstream's v81 test scripts, which sit in
# ../shared beside the project's checkout.  A clone made elsewhere (CI
# clones main afresh) finds them beside the checkout it was cloned from:
# its origin, when that is a local path.  Last, where this workplace
# keeps them (/work/main beside /work/shared).  CONFORMANCE_DIR, when
# set, comes first.  The first candidate holding a "common" is printed;
# with none, the default, for the caller's message.
#
# Usage: find-scripts.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rel=shared/conformance/ndctl-v81
origin=$(git -C "$here" remote get-url origin 2>/dev/null || true)
origin=${origin#file://}
case $origin in /*) ;; *) origin= ;; esac
for dir in "${CONFORMANCE_DIR:-}" "$here/../../../$rel" \
	"${origin:+$origin/../$rel}" "/work/$rel"; do
	if [ -n "$dir" ] && [ -f "$dir/common" ]; then
		echo "$dir"
		exit 0
	fi
done
echo "${CONFORMANCE_DIR:-$here/../../../$rel}"
