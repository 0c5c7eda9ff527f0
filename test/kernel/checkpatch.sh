#!/bin/sh
# The kernel suite's style gate: every patch in kernel-patches/series must
# pass scripts/checkpatch.pl --strict from the same linux-source-6.1 the
# series is built against.  Prints TAP.
set -u
here=$(cd "$(dirname "$0")" && pwd)
patches=$here/../../kernel-patches
cache=${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}
# build-kernel.sh downloads and unpacks the source package.
"$here/build-kernel.sh" --source-only >/dev/null 2>"$cache/checkpatch.log" || {
	echo "not ok 1 - linux-source-6.1 available"
	sed 's/^/# /' "$cache/checkpatch.log"
	echo "1..1"
	exit 0
}
version=$(apt-cache policy linux-source-6.1 | sed -n 's/^ *Candidate: *//p')
scripts=$cache/checkpatch-$version
if [ ! -x "$scripts/scripts/checkpatch.pl" ]; then
	mkdir -p "$scripts"
	tar -C "$scripts" --strip-components=1 -xf \
		"$cache/linux-source-6.1_$version"/x/usr/src/linux-source-6.1.tar.* \
		linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch
fi
n=0
for p in $(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$patches/series"); do
	n=$((n + 1))
	if out=$(cd "$scripts" && perl scripts/checkpatch.pl --strict \
		--no-tree "$patches/$p" 2>&1); then
		echo "ok $n - checkpatch --strict: $p"
	else
		echo "not ok $n - checkpatch --strict: $p"
		echo "$out" | sed 's/^/# /'
	fi
done
echo "1..$n"
