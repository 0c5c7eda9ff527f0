#!/bin/sh
# The per-script table of the last cxl-test boot: each script's result
# with upstream v81's tools and with ours, and the reason ./scripts gives
# when ours is expected to fail.  Markdown, on stdout.
#
# Usage: table.sh BUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
results=$1/cxl-test
[ -d "$results" ] || {
	echo "table: no results in $results (meson test --suite cxl-test)" >&2
	exit 1
}
echo "| script | upstream v81 | ours | expected to fail with ours |"
echo "|---|---|---|---|"
sed -e 's/#.*//' "$here/scripts" | awk 'NF' | while read -r script reason; do
	echo "| $script | $("$here/describe.sh" "$results" upstream "$script") |" \
		"$("$here/describe.sh" "$results" ours "$script") |" \
		"${reason:-} |"
done
