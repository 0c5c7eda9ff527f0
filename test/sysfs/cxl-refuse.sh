#!/bin/sh
# Bad input to cxl's DPA, port and bus commands (reserve-dpa, free-dpa,
# disable-port, enable-port, disable-bus) on copies of the trees
# captured from QEMU's CXL device: one with a committed pmem region
# (region0 holds decoder2.0 and all of mem0's pmem), one with mem0
# disabled (no endpoint).  Each refusal: the status (2 usage, 1 failed),
# one line on stderr naming what was refused, on stdout nothing or, for
# the DPA commands, the empty array v81 prints too, and the tree as it
# was.  What acts runs in the QEMU cxl scenario.
# Usage: cxl-refuse.sh BUILD_DIR REGION_FIXTURE DISABLED_FIXTURE
build=$1 region_fixture=$2 disabled_fixture=$3
cxl=$build/cxl/cxl
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0

mkdir -p "$dir/region" "$dir/disabled"
cp -a "$region_fixture"/sys "$dir/region"/
cp -a "$disabled_fixture"/sys "$dir/disabled"/
printf '[\n]\n' >"$dir/empty-array"

sum() {
	tar -C "$1" -cf - sys | md5sum
}

# expect TREE STATUS DESC PATTERN ARGS...
. "$(dirname "$0")/../cli/refuse-lib.sh"
tree_sum() {
	sum "$tree"
}
refuse_out=$dir/out refuse_err=$dir/err refuse_lines=exact
refuse_skip="^no matching devices found\$|^see '"
refuse_stdout=$dir/empty-array refuse_state=tree_sum refuse_each=1
refuse_quote=1
expect() {
	tree=$dir/$1 want=$2 desc=$3 pattern=$4
	shift 4
	refuse "$want" "$desc" "$pattern" "$cxl" "$@" --sysroot "$tree"
}

# --- reserve-dpa / free-dpa ---
expect region 1 "reserve-dpa mem0: no ram partition" \
	'mem0: --type ram: no ram capacity left' reserve-dpa mem0
expect region 1 "reserve-dpa -t pmem: region0 holds all of it" \
	'mem0: --type pmem: no pmem capacity left' reserve-dpa mem0 -t pmem
expect region 1 "reserve-dpa -t volatile -s 1G: more than is left" \
	"mem0: --size 1G: exceeds the 0 bytes of ram" \
	reserve-dpa mem0 -t volatile -s 1G
expect region 2 "reserve-dpa -t foo" "--type 'foo': not ram" \
	reserve-dpa mem0 -t foo
expect region 2 "reserve-dpa -s 1X" "--size '1X': not a size" \
	reserve-dpa mem0 -s 1X
expect region 2 "reserve-dpa -d ''" "empty value for option '--decoder'" \
	reserve-dpa mem0 -t pmem -d ''
expect region 1 "reserve-dpa of no memdev" 'mem9: no such memdev' \
	reserve-dpa mem9
expect region 1 "reserve-dpa mem0 mem9 (one unknown)" \
	'mem9: no such memdev' reserve-dpa mem0 mem9
expect region 1 "reserve-dpa -b root7" 'mem0: no such memdev on bus root7' \
	reserve-dpa mem0 -b root7
expect region 2 "reserve-dpa without a name" 'name at least one memdev' \
	reserve-dpa
expect region 1 "free-dpa mem0: decoder2.0 is region0's" \
	'mem0: in use: decoder2.0 is attached to region0' free-dpa mem0
expect region 1 "free-dpa -f -t pmem -d decoder2.0: in use, --force or not" \
	'mem0: in use: decoder2.0 is attached to region0' \
	free-dpa mem0 -f -t pmem -d decoder2.0
expect region 1 "free-dpa -d 0 (decoder2.0 by number): in use" \
	'mem0: in use: decoder2.0' free-dpa mem0 -t pmem -d 0
expect region 1 "free-dpa -d decoder2.9" \
	'mem0: --decoder decoder2.9: no such decoder on endpoint2' \
	free-dpa mem0 -t pmem -d decoder2.9
expect region 1 "free-dpa -d decoder0.0 (a root decoder)" \
	'mem0: --decoder decoder0.0: no such decoder on endpoint2' \
	free-dpa mem0 -t pmem -d decoder0.0
expect region 2 "free-dpa -s (reserve-dpa's option)" "unknown option '-s'" \
	free-dpa mem0 -s 256M
expect disabled 1 "reserve-dpa of a disabled memdev" \
	'mem0: disabled: no endpoint to reserve DPA on' \
	reserve-dpa mem0 -t pmem
expect disabled 1 "free-dpa of a disabled memdev" \
	'mem0: disabled: no endpoint to free DPA on' free-dpa mem0

# --- disable-port / enable-port ---
# Nothing uses region0's memory in the captured tree: without --force
# the enabled memdev below is the refusal, as v81's; with --force the
# unbind goes ahead (the QEMU cxl scenario checks that, and the in-use
# refusals --force does not override).
expect region 1 "disable-port port1 above region0" \
	'port1: hosts 1 enabled memdev .mem0.: disable it first or use --force' \
	disable-port port1
expect region 1 "disable-port -e endpoint2 (mem0's)" \
	'endpoint2: hosts 1 enabled memdev .mem0.' disable-port -e endpoint2
expect region 1 "disable-port all" 'port1: hosts 1 enabled memdev' \
	disable-port all
expect region 1 "disable-port 1 (port1 by number)" \
	'port1: hosts 1 enabled memdev' disable-port 1
expect region 1 "disable-port of no port" 'port9: no such port' \
	disable-port port9
expect region 1 "disable-port port1 port9 (one unknown)" \
	'port9: no such port' disable-port -f port1 port9
expect region 1 "disable-port -e -f endpoint2 endpoint9 (one unknown)" \
	'endpoint9: no such endpoint' disable-port -e -f endpoint2 endpoint9
expect region 1 "disable-port root0 (a bus)" \
	'root0: no such port .a bus is taken by disable-bus' \
	disable-port root0
expect region 1 "disable-port endpoint2 without -e" \
	'endpoint2: no such port' disable-port endpoint2
expect region 2 "disable-port without a name" 'name at least one port' \
	disable-port
expect region 2 "disable-port -m (enable-port's option)" "unknown option '-m'" \
	disable-port -m port1
expect region 1 "enable-port of no port" 'port9: no such port' \
	enable-port port9
expect region 1 "enable-port -e of no endpoint" \
	'endpoint9: no such endpoint' enable-port -e endpoint9
expect region 2 "enable-port -f (disable-port's option)" "unknown option '-f'" \
	enable-port -f port1
expect disabled 1 "disable-port -e endpoint2 when mem0 has none" \
	'endpoint2: no such endpoint' disable-port -e endpoint2

# --- disable-bus ---
expect region 1 "disable-bus root0 with mem0 on it" \
	'root0: hosts 1 enabled memdev .mem0.: disable it first or use --force' \
	disable-bus root0
expect region 1 "disable-bus all" 'root0: hosts 1 enabled memdev' \
	disable-bus all
expect region 1 "disable-bus 0 (root0 by number)" \
	'root0: hosts 1 enabled memdev' disable-bus 0
expect region 1 "disable-bus of no bus" 'root7: no such bus' \
	disable-bus root7
expect region 1 "disable-bus -f root0 root7 (one unknown): nothing done" \
	'root7: no such bus' disable-bus -f root0 root7
expect region 2 "disable-bus port1 (not a bus name)" \
	'port1: not a bus name' disable-bus port1
expect region 2 "disable-bus without a name" 'name at least one bus' \
	disable-bus

# -X on a pmem region: its memory is on the nvdimm side, no dax region.
n=$((n + 1))
"$cxl" list -R --sysroot "$dir/region" >"$dir/r" 2>/dev/null
"$cxl" list -RX --sysroot "$dir/region" >"$dir/rx" 2>"$dir/err"
if [ $? -eq 0 ] && [ -s "$dir/r" ] && cmp -s "$dir/r" "$dir/rx"; then
	echo "ok $n - list -RX: a pmem region has no daxregion"
else
	echo "not ok $n - list -RX: a pmem region has no daxregion"
	diff -u "$dir/r" "$dir/rx" | sed 's/^/# /'
	sed 's/^/# /' "$dir/err"
fi
echo "1..$n"
