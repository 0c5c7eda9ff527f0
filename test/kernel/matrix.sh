#!/bin/sh
# The kernel-matrix suite: what a maintainer checks before taking the
# series, too heavy for the default run.  Prints TAP.
#
#  - every patch: checkpatch --strict, and no kernel-doc warning in the
#    files it touches that the unpatched file does not have;
#  - every prefix 0001..000k of the series builds (bzImage) with
#    qemu.config, so the series bisects;
#  - the whole series builds in the configurations of test/kernel/matrix/
#    (no MEMORY_HOTREMOVE; dax as modules; dax as modules without
#    MEMORY_HOTPLUG), modules included so modpost sees every symbol.
#
# A build fails on an error, or on a compiler or modpost warning in a file
# the series touches.  Each result is cached under a key made of the
# source version, the patches up to that point, the config fragments and
# this script, so an unchanged series costs nothing; builds use ccache
# and the same directory layout as build-kernel.sh, so they share objects.
#
# Usage: matrix.sh (KERNEL_SERIES=6.1 unless set: the series of
# kernel-patches/$KERNEL_SERIES on linux-source-$KERNEL_SERIES)
set -u
here=$(cd "$(dirname "$0")" && pwd)
series=${KERNEL_SERIES:-6.1}
export KERNEL_SERIES=$series
patches=$here/../../kernel-patches/$series
pkg=linux-source-$series
variants=$here/matrix
cache=${MEMMAP_CACHE:-$HOME/.cache/memmap-tools}
results=$cache/matrix-results
mkdir -p "$results"
say() { echo "# $*"; }

srcpkg=$("$here/build-kernel.sh" --source-only 2>"$results/source.log") || {
	echo "not ok 1 - $pkg available"
	sed 's/^/# /' "$results/source.log"
	echo "1..1"
	exit 0
}
version=$(apt-cache policy "$pkg" | sed -n 's/^ *Candidate: *//p')
tarball=$(ls "$srcpkg/x/usr/src/$pkg".tar.*)
patch_list=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$patches/series")
npatches=$(echo "$patch_list" | wc -l)
variant_list=$(for f in "$variants"/*.config; do basename "$f" .config; done)

# key ITEM K: the cache key of ITEM with the first K patches applied.
key() {
	{
		echo "$1 $version"
		echo "$patch_list" | head -n "$2" | while read -r p; do
			cat "$patches/$p"
		done
		cat "$patches/qemu.config" "$0"
		case $1 in variant-*) cat "$variants/${1#variant-}.config" ;; esac
	} | sha256sum | cut -c1-16
}

# Items in order: per patch checkpatch, kernel-doc and the prefix build,
# then the variants on the whole series.
items=$(
	k=0
	for p in $patch_list; do
		k=$((k + 1))
		echo "checkpatch $k $p"
		echo "kerneldoc $k $p"
		echo "prefix $k $p"
	done
	for v in $variant_list; do
		echo "variant-$v $npatches -"
	done
)

# Everything cached: report it and stop.
missing=$(echo "$items" | while read -r item k p; do
	[ -f "$results/$(key "$item" "$k")" ] || echo "$item $k"
done)
n=0
report() {
	n=$((n + 1))
	sed -n 1p "$1" | sed "s/^\(\(not \)*ok\) /\1 $n /"
	sed -n '2,$p' "$1"
}
if [ -z "$missing" ]; then
	say "all $(echo "$items" | wc -l) results cached ($pkg $version)"
	echo "$items" | while read -r item k p; do
		report "$results/$(key "$item" "$k")"
	done
	echo "1..$(echo "$items" | wc -l)"
	exit 0
fi

work=$cache/matrix-work
rm -rf "$work"
mkdir -p "$work"
say "unpacking $(basename "$tarball")"
tar -C "$work" -xf "$tarball"
src=$work/$pkg

# The unpatched copy of every file the series touches, for kernel-doc.
pristine=$work/pristine
touched_all=$(for p in $patch_list; do
	sed -n 's|^+++ b/||p' "$patches/$p"
done | sort -u)
for f in $touched_all; do
	mkdir -p "$pristine/$(dirname "$f")"
	if [ -f "$src/$f" ]; then
		cp "$src/$f" "$pristine/$f"
	else
		: >"$pristine/$f"
	fi
done

# configure OBJ [FRAGMENT]: tinyconfig + qemu.config (+ FRAGMENT); fails
# when olddefconfig dropped an option the fragments ask for.
configure() {
	obj=$1 frag=${2:-}
	mkdir -p "$obj"
	make -s -C "$src" O="$obj" tinyconfig >/dev/null 2>&1 || return 1
	# shellcheck disable=SC2086
	"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" \
		"$patches/qemu.config" $frag >/dev/null 2>&1 || return 1
	make -s -C "$src" O="$obj" olddefconfig >/dev/null 2>&1 || return 1
	# A variant drops what depends on what it turns off, so only its
	# own options are checked there.
	sed -n -e 's/^\(CONFIG_[A-Z0-9_]*\)=\([ym]\)$/\1 \2/p' \
		-e 's/^# \(CONFIG_[A-Z0-9_]*\) is not set$/\1 n/p' \
		"${frag:-$patches/qemu.config}" |
		while read -r opt val; do
			got=$(sed -n "s/^$opt=//p" "$obj/.config")
			[ "${got:-n}" = "$val" ] || echo "$opt=$val (got ${got:-n})"
		done >"$obj/.lost"
	[ ! -s "$obj/.lost" ]
}

cc=gcc
command -v ccache >/dev/null 2>&1 && cc="ccache gcc"
export CCACHE_BASEDIR="$work" CCACHE_NOHASHDIR=1

# build OBJ RESULT TOUCHED TARGETS...: make TARGETS in OBJ; RESULT gets the
# TAP line (without number) and comments.
build() {
	obj=$1 res=$2 touched=$3 desc=$4
	shift 4
	t0=$(date +%s)
	make -C "$obj" -j2 CC="$cc" "$@" >"$obj/build.log" 2>&1
	rc=$?
	secs=$(($(date +%s) - t0))
	# Compiler warnings in the series' files, and any modpost complaint.
	pat=$(echo "$touched" | sed 's/[.]/[.]/g' | paste -sd'|')
	warn=$(grep -E "($pat):[0-9]+(:[0-9]+)?: (warning|error):|^(WARNING|ERROR): modpost" \
		"$obj/build.log" | sed "s|^.*/$pkg/||")
	if [ "$rc" = 0 ] && [ -z "$warn" ]; then
		echo "ok - $desc (${secs}s)"
	else
		echo "not ok - $desc (${secs}s)"
		[ -z "$warn" ] || echo "$warn" | head -n 20 | sed 's/^/# /'
		[ "$rc" = 0 ] || tail -n 25 "$obj/build.log" | sed 's/^/# /'
	fi >"$res"
	echo "# make $* with $(basename "$obj"): ${secs}s" >>"$res"
}

kdoc_warnings() {
	(cd "$1" && perl "$src/scripts/kernel-doc" -none "$2" 2>&1) |
		sed 's/^[^:]*:[0-9]*: //' | sort
}

touched=
t_start=$(date +%s)
k=0
for p in $patch_list; do
	k=$((k + 1))
	patch -d "$src" -p1 --batch --quiet <"$patches/$p" || {
		echo "not ok $((n + 1)) - $p applies"
		echo "1..$((n + 1))"
		exit 0
	}
	files=$(sed -n 's|^+++ b/||p' "$patches/$p" | sort -u)
	touched=$(printf '%s\n%s\n' "$touched" "$files" | sed '/^$/d' | sort -u)

	res=$results/$(key checkpatch $k)
	if [ ! -f "$res" ]; then
		# As checkpatch.sh: the tarball has no git history, so the
		# commit a Fixes: tag names cannot be looked up.
		if out=$(cd "$src" && perl scripts/checkpatch.pl --strict \
			--no-tree --ignore UNKNOWN_COMMIT_ID "$patches/$p" \
			2>&1); then
			echo "ok - checkpatch --strict: $p"
		else
			echo "not ok - checkpatch --strict: $p"
			echo "$out" | sed 's/^/# /'
		fi >"$res"
	fi
	report "$res"

	res=$results/$(key kerneldoc $k)
	if [ ! -f "$res" ]; then
		bad=
		for f in $files; do
			case $f in *.c | *.h) ;; *) continue ;; esac
			kdoc_warnings "$pristine" "$f" >"$work/kdoc.before"
			kdoc_warnings "$src" "$f" >"$work/kdoc.after"
			new=$(comm -13 "$work/kdoc.before" "$work/kdoc.after")
			[ -z "$new" ] || bad="$bad$(echo "$new" | sed "s|^|$f: |")
"
		done
		if [ -z "$bad" ]; then
			echo "ok - kernel-doc -none: no new warnings in the files $p touches"
		else
			echo "not ok - kernel-doc -none: new warnings from $p"
			printf '%s' "$bad" | sed 's/^/# /'
		fi >"$res"
	fi
	report "$res"

	res=$results/$(key prefix $k)
	if [ ! -f "$res" ]; then
		if [ ! -f "$work/obj/.config" ] && ! configure "$work/obj"; then
			{
				echo "not ok - configure qemu.config"
				sed 's/^/# lost: /' "$work/obj/.lost"
			} >"$res"
		else
			build "$work/obj" "$res" "$touched" \
				"prefix 0001..$(printf %04d $k) builds (qemu.config, bzImage)" \
				bzImage
		fi
	fi
	report "$res"
done

for v in $variant_list; do
	res=$results/$(key "variant-$v" "$npatches")
	if [ ! -f "$res" ]; then
		obj=$work/obj-$v
		targets=bzImage
		grep -q '^CONFIG_MODULES=y' "$variants/$v.config" &&
			targets="bzImage modules"
		if ! configure "$obj" "$variants/$v.config"; then
			{
				echo "not ok - configure $v"
				sed 's/^/# lost: /' "$obj/.lost"
			} >"$res"
		else
			# shellcheck disable=SC2086
			build "$obj" "$res" "$touched" \
				"whole series builds with $v ($targets)" \
				$targets
		fi
	fi
	report "$res"
done
say "matrix took $(($(date +%s) - t_start))s (uncached items only)"
echo "1..$n"
rm -rf "$work"
