#!/bin/sh
# Our ndctl list and daxctl list beside upstream v81's on every captured
# fixture tree, for a table of flag sets: standard output byte for byte
# and the exit status, exactly.  The only difference tolerated is this
# project's own keys, which strip-extra-keys.py takes out of our output
# (its list is the man pages' "KEYS OF THIS PROJECT").  Prints TAP and a
# closing count: runs, byte-identical, identical once our keys are taken
# out, different.
#
# Upstream reads a fixed /sys (and /dev for dax device numbers), so it
# runs in a private mount namespace with the fixture's tree bound on /sys
# and a /dev holding the nodes the tree's uevent files name.  That needs
# root; without it, or without the upstream build, the test is skipped.
#
# Usage: strict-compare.sh BUILD_DIR FIXTURES_DIR [FIXTURE...]
#   UPSTREAM_V81_BUILD: upstream's build dir (test/tools/build-upstream.sh)
set -u

build=$1 fixtures=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
strip="$here/../tools/strip-extra-keys.py $here/../../Documentation"
v81=${UPSTREAM_V81_BUILD:-$HOME/.cache/memmap-tools/upstream-v81/build}

if [ ! -x "$v81/ndctl/ndctl" ] || [ ! -x "$v81/daxctl/daxctl" ]; then
	echo "1..0 # SKIP no upstream v81 at $v81 (test/tools/build-upstream.sh)"
	exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
	echo "1..0 # SKIP needs root and mount namespaces for upstream's /sys"
	exit 0
fi
[ $# -gt 0 ] || set -- raw-namespaces media-errors disabled devdax system-ram \
	nfit-test

# The flag sets: every kind, their combinations, each filter with a
# match and without one, and the options that add to an object.
cmds() {
	cat <<'LIST'
ndctl list
ndctl list -B
ndctl list -D
ndctl list -R
ndctl list -N
ndctl list -i
ndctl list -u
ndctl list -BD
ndctl list -BR
ndctl list -BN
ndctl list -DR
ndctl list -RN
ndctl list -DN
ndctl list -BDRN
ndctl list -BDRNi
ndctl list -BDRNu
ndctl list -BDRNiu
ndctl list -Di
ndctl list -Ri
ndctl list -Ni
ndctl list -Du
ndctl list -Ru
ndctl list -Nu
ndctl list -X
ndctl list -NX
ndctl list -RNX
ndctl list -DH
ndctl list -DF
ndctl list -DHF
ndctl list -RM
ndctl list -NM
ndctl list -RNM
ndctl list -b ACPI.NFIT
ndctl list -B -b ndbus0
ndctl list -D -b all
ndctl list -B -b nfit_test.9
ndctl list -d nmem0
ndctl list -D -d nmem1
ndctl list -R -d nmem0
ndctl list -DR -d nmem1
ndctl list -Di -d nmem0
ndctl list -D -d nmem9
ndctl list -r region0
ndctl list -R -r region1
ndctl list -N -r region0
ndctl list -r 1
ndctl list -RN -r region9
ndctl list -Ri -r 0
ndctl list -n namespace0.0
ndctl list -N -n namespace1.0
ndctl list -N -n namespace9.9
ndctl list -N -m devdax
ndctl list -N -m fsdax
ndctl list -Ni -m raw
ndctl list -N -t pmem
ndctl list -R -t pmem
ndctl list -R -t blk
ndctl list -RDN -d nmem0 -r region0
ndctl list -RC
ndctl list -RCi
ndctl list -Nc
ndctl list -Rc
ndctl list -DRc
ndctl list -v
ndctl list -RNv
ndctl list -BDRNv
ndctl list -NXi
daxctl list
daxctl list -r 0
daxctl list -r region1
daxctl list -r 9
daxctl list -d dax0.0
daxctl list -d dax1.0
daxctl list -d dax9.9
daxctl list -d all
daxctl list -R
daxctl list -D
daxctl list -RD
daxctl list -M
daxctl list -DM
daxctl list -RDM
daxctl list -R -M
daxctl list -i
daxctl list -Di
daxctl list -RDi
daxctl list -u
daxctl list -Du
daxctl list -RDu
daxctl list -R -r 0
daxctl list -D -r 1
daxctl list -R -d dax0.0
daxctl list -RD -d dax1.0
daxctl list -D -r 9
LIST
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/strict-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cmds >"$tmp/cmds"

# Upstream, for every command on one tree, inside the namespace.
# shellcheck disable=SC2016
upstream_side='
	set -u
	tree=$1 out=$2 v81=$3 cmds=$4
	mount --bind "$tree/sys" /sys || exit 1
	mount -t tmpfs none /dev || exit 1
	mknod /dev/null c 1 3
	# A node for every device the tree has a number for.
	find /sys/devices -name uevent 2>/dev/null | while read -r ev; do
		name=$(sed -n "s/^DEVNAME=//p" "$ev")
		maj=$(sed -n "s/^MAJOR=//p" "$ev")
		min=$(sed -n "s/^MINOR=//p" "$ev")
		[ -n "$name" ] && [ -n "$maj" ] || continue
		type=c
		case $ev in */block/*) type=b ;; esac
		case $name in */*) mkdir -p "/dev/${name%/*}" ;; esac
		mknod "/dev/$name" "$type" "$maj" "$min" 2>/dev/null
	done
	i=0
	while read -r tool args; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		"$v81/$tool/$tool" $args >"$out/$i.up" 2>"$out/$i.uperr" </dev/null
		echo $? >"$out/$i.upstatus"
	done <"$cmds"
'

n=0 same=0 tolerated=0 documented=0 differ=0
for fx in "$@"; do
	tree=$fixtures/$fx
	out=$tmp/$fx
	mkdir -p "$out"
	# Trees captured before capture-fixture kept the class and device
	# number links have nothing upstream's libndctl can walk.
	if [ ! -d "$tree/sys/class/nd" ]; then
		n=$((n + 1))
		echo "ok $n - $fx # SKIP captured without the /sys/class and" \
			"/sys/dev links upstream reads (recapture: README)"
		continue
	fi
	if ! unshare -m --propagation private sh -c "$upstream_side" sh \
		"$tree" "$out" "$v81" "$tmp/cmds"; then
		echo "not ok - $fx: upstream could not run on the tree"
		n=$((n + 1)) differ=$((differ + 1))
		continue
	fi
	i=0
	while read -r tool args; do
		i=$((i + 1)) n=$((n + 1))
		# shellcheck disable=SC2086
		"$build/$tool/$tool" $args --sysroot "$tree" >"$out/$i.ours" \
			2>"$out/$i.ourerr" </dev/null
		status=$?
		upstatus=$(cat "$out/$i.upstatus")
		desc="$fx: $tool $args"
		# The one status ndctl(1) documents as ours: 1 where a DIMM's
		# SMART call failed under -H (upstream exits 0).  Output must
		# still be upstream's byte for byte, and the failure named.
		if [ "$status" = 1 ] && [ "$upstatus" = 0 ] &&
			case " $args" in *" -"[!-]*H*) true ;; *) false ;; esac &&
			grep -q 'reading SMART health failed' "$out/$i.ourerr" &&
			cmp -s "$out/$i.ours" "$out/$i.up"; then
			echo "ok $n - $desc (status 1 as ndctl(1) documents," \
				"upstream 0: the SMART call failed)"
			documented=$((documented + 1))
		elif [ "$status" != "$upstatus" ]; then
			echo "not ok $n - $desc: status $status, upstream $upstatus"
			sed 's/^/# ours: /' "$out/$i.ourerr" | head -3
			differ=$((differ + 1))
		elif cmp -s "$out/$i.ours" "$out/$i.up"; then
			echo "ok $n - $desc"
			same=$((same + 1))
		elif $strip <"$out/$i.ours" >"$out/$i.stripped" &&
			cmp -s "$out/$i.stripped" "$out/$i.up"; then
			echo "ok $n - $desc (our keys taken out)"
			tolerated=$((tolerated + 1))
		else
			echo "not ok $n - $desc"
			diff -u "$out/$i.up" "$out/$i.stripped" | sed 's/^/# /' |
				head -40
			differ=$((differ + 1))
		fi
	done <"$tmp/cmds"
done
echo "1..$n"
echo "# $n runs: $same byte-identical, $tolerated identical once our keys" \
	"are taken out, $documented byte-identical with ndctl(1)'s documented" \
	"status, $differ different"
exit 0
