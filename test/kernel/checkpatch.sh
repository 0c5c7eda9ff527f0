#!/bin/sh
# The kernel suite's style gate, for every series under kernel-patches/
# (6.1 and 6.12): each patch must apply in order to the linux-source the
# series is made for, pass that source's scripts/checkpatch.pl --strict,
# and add no kernel-doc warning to the .c and .h files it touches (a
# warning the unpatched file already has is not the patch's).  Needs no
# kernel build: only the touched files and the two scripts are unpacked,
# once per source version.  Prints TAP.
#
# Usage: checkpatch.sh [SERIES...]   (default: every kernel-patches/*/series)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../../kernel-patches
cache=${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}
mkdir -p "$cache"
if [ $# -eq 0 ]; then
	set -- $(cd "$root" && for d in */series; do dirname "$d"; done)
fi

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }

kdoc_warnings() {
	(cd "$1" && perl "$scripts/scripts/kernel-doc" -none "$2" 2>&1) |
		sed 's/^[^:]*:[0-9]*: //' | sort
}

for series in "$@"; do
	patches=$root/$series
	pkg=linux-source-$series
	log=$cache/checkpatch-$series.log
	# build-kernel.sh downloads and unpacks the source package.
	if ! srcpkg=$(KERNEL_SERIES=$series "$here/build-kernel.sh" \
		--source-only 2>"$log"); then
		notok "$pkg available"
		sed 's/^/# /' "$log"
		continue
	fi
	version=$(apt-cache policy "$pkg" | sed -n 's/^ *Candidate: *//p')
	tarball=$(ls "$srcpkg/x/usr/src/$pkg".tar.*)
	list=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$patches/series")
	touched_all=$(for p in $list; do
		sed -n 's|^+++ b/||p' "$patches/$p"
	done | sort -u)
	# The pristine files, keyed by the source and the file list.
	key=$( (echo "$version"; echo "$touched_all") | sha256sum | cut -c1-16)
	scripts=$cache/checkpatch-$pkg-$key
	if [ ! -f "$scripts/.done" ]; then
		rm -rf "$scripts"
		mkdir -p "$scripts"
		# Files a patch creates are not in the tarball: tar names
		# them and goes on.
		# shellcheck disable=SC2046
		tar -C "$scripts" --strip-components=1 -xf "$tarball" \
			"$pkg/scripts/checkpatch.pl" "$pkg/scripts/spelling.txt" \
			"$pkg/scripts/const_structs.checkpatch" \
			"$pkg/scripts/kernel-doc" \
			$(echo "$touched_all" | sed "s|^|$pkg/|") 2>/dev/null
		[ -f "$scripts/scripts/checkpatch.pl" ] &&
			touch "$scripts/.done"
	fi
	work=$(mktemp -d)
	cp -a "$scripts" "$work/pristine"
	cp -a "$scripts" "$work/src"
	k=0
	for p in $list; do
		k=$((k + 1))
		if ! out=$(patch -d "$work/src" -p1 --batch <"$patches/$p" 2>&1)
		then
			notok "$series $p applies to $pkg $version"
			echo "$out" | sed 's/^/# /'
			break
		fi
		# The tarball has no git history, so checkpatch cannot look
		# up the commit a Fixes: tag names; everything else counts.
		if out=$(cd "$scripts" && perl scripts/checkpatch.pl --strict \
			--no-tree --ignore UNKNOWN_COMMIT_ID "$patches/$p" 2>&1)
		then
			ok "checkpatch --strict: $series/$p"
		else
			notok "checkpatch --strict: $series/$p"
			echo "$out" | sed 's/^/# /'
		fi
		bad=
		for f in $(sed -n 's|^+++ b/||p' "$patches/$p" | sort -u); do
			case $f in *.c | *.h) ;; *) continue ;; esac
			[ -f "$work/pristine/$f" ] || : >"$work/pristine/$f"
			kdoc_warnings "$work/pristine" "$f" >"$work/before"
			kdoc_warnings "$work/src" "$f" >"$work/after"
			new=$(comm -13 "$work/before" "$work/after")
			[ -z "$new" ] || bad="$bad$(echo "$new" | sed "s|^|$f: |")
"
		done
		if [ -z "$bad" ]; then
			ok "kernel-doc -none, no new warning: $series/$p"
		else
			notok "kernel-doc -none, no new warning: $series/$p"
			printf '%s' "$bad" | sed 's/^/# /'
		fi
		# The next patch's kernel-doc is measured against this one.
		cp -a "$work/src/." "$work/pristine/"
	done
	rm -rf "$work"
done
echo "1..$n"
