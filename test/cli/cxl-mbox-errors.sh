#!/bin/sh
# Bad input to cxl's mailbox commands (set-partition, set-alert-config,
# update-firmware, wait-sanitize) on a copy of the tree
# captured from QEMU's CXL device with a committed pmem region: each
# gets one line on stderr naming what it refused, status 2 for usage or
# 1 for a failure, nothing on stdout, and the tree as it was.  The tree
# has no /dev, so nothing can reach a mailbox; what needs one runs in
# the QEMU cxl scenario.
# Usage: cxl-mbox-errors.sh BUILD_DIR FIXTURE_DIR (the cxl-region fixture)
build=$1 fixture=$2
cxl=$build/cxl/cxl
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tree=$dir/tree
n=0

mkdir -p "$tree"
cp -a "$fixture"/sys "$tree"/
before=$(tar -C "$tree" -cf - sys | md5sum)
head -c 4096 /dev/zero >"$dir/fw.img"
: >"$dir/empty.img"

# expect STATUS DESC PATTERN ARGS...: the status, one line on stderr
# matching PATTERN (grep -E) besides the command's closing count,
# nothing on stdout, the tree unchanged.
. "$(dirname "$0")/refuse-lib.sh"
tree_sum() {
	tar -C "$tree" -cf - sys | md5sum
}
refuse_out=$dir/out refuse_err=$dir/err refuse_lines=exact
refuse_skip="^see '|^wait sanitize (failed|completed) on"
refuse_stdout=empty refuse_state=tree_sum refuse_quote=1
expect() {
	want=$1 desc=$2 pattern=$3
	shift 3
	refuse "$want" "$desc" "$pattern" "$cxl" "$@" --sysroot "$tree"
}

expect 1 "set-partition mem0 under a committed region0" \
	'mem0: in use: part of region0' set-partition mem0
expect 1 "set-partition all -t ram under region0" \
	'mem0: in use' set-partition all -t ram
expect 1 "set-partition of no memdev" 'mem9: no such memdev' \
	set-partition mem9
expect 1 "set-partition mem0 mem9 (one unknown): nothing is sent" \
	'mem9: no such memdev' set-partition mem0 mem9
expect 2 "set-partition without a name" 'name at least one memdev' \
	set-partition
expect 2 "set-partition -t foo" "--type 'foo'" set-partition mem0 -t foo
expect 2 "set-partition -s 1X" "--size '1X'" set-partition mem0 -s 1X
expect 2 "set-alert-config without an alert" 'no alert to change' \
	set-alert-config mem0
expect 2 "set-alert-config --life-used-alert=on without -L" \
	'--life-used-alert=on: needs' set-alert-config mem0 \
	--life-used-alert=on
expect 2 "set-alert-config -L 101" "--life-used-threshold '101'" \
	set-alert-config mem0 --life-used-alert=on -L 101
expect 2 "set-alert-config -O 40000" \
	"--over-temperature-threshold '40000'" set-alert-config mem0 \
	--over-temperature-alert=on -O 40000
expect 2 "set-alert-config -V 1x" "--volatile-mem-err-threshold '1x'" \
	set-alert-config mem0 --volatile-mem-err-alert=on -V 1x
expect 2 "set-alert-config --pmem-err-alert=off -P 3" \
	'--pmem-err-alert=off takes no' set-alert-config mem0 \
	--pmem-err-alert=off -P 3
expect 2 "set-alert-config -P 3 without its alert" \
	'--pmem-err-threshold 3: needs' set-alert-config mem0 -P 3
expect 2 "set-alert-config --life-used-alert=maybe" \
	"--life-used-alert 'maybe'" set-alert-config mem0 \
	--life-used-alert=maybe
expect 1 "set-alert-config of no memdev" 'mem9: no such memdev' \
	set-alert-config mem9 --pmem-err-alert=off
expect 1 "update-firmware -F of a missing file" \
	"$dir/none: cannot read the firmware image" \
	update-firmware mem0 -F "$dir/none"
expect 1 "update-firmware -F of an empty file" \
	"$dir/empty.img: cannot read the firmware image: empty" \
	update-firmware mem0 -F "$dir/empty.img"
expect 1 "update-firmware -F without the kernel's firmware upload" \
	'mem0: no firmware upload' update-firmware mem0 -F "$dir/fw.img"
expect 1 "update-firmware -c without the kernel's firmware upload" \
	'mem0: no firmware upload' update-firmware mem0 -c
expect 2 "update-firmware -c -F" '-c/--cancel and -F' \
	update-firmware mem0 -c -F "$dir/fw.img"
expect 1 "update-firmware of no memdev" 'mem9: no such memdev' \
	update-firmware mem9
expect 2 "wait-sanitize -t x" "--timeout 'x'" wait-sanitize mem0 -t x
expect 1 "wait-sanitize of no memdev" 'mem9: no such memdev' \
	wait-sanitize mem9

# list -L on a copied tree: the trace events are the running kernel's,
# so it lists what list does, says in one line that media errors are
# not listed, and writes no trigger_poison_list.
n=$((n + 1))
"$cxl" list --sysroot "$tree" >"$dir/plain" 2>/dev/null
if ! "$cxl" list -L --sysroot "$tree" >"$dir/out" 2>"$dir/err"; then
	echo "not ok $n - list -L on a copied tree: status $?"
elif ! cmp -s "$dir/plain" "$dir/out" || ! [ -s "$dir/out" ]; then
	echo "not ok $n - list -L on a copied tree: not what list prints"
elif [ "$(grep -c 'media errors are not listed' "$dir/err")" -ne 1 ]; then
	echo "not ok $n - list -L on a copied tree: no one line about it"
	sed 's/^/# /' "$dir/err"
else
	echo "ok $n - list -L on a copied tree: listed, media errors not read"
fi

# Without security state (a 6.1 kernel's tree) there is nothing to wait
# for: done at once, status 0.
n=$((n + 1))
if "$cxl" wait-sanitize mem0 --sysroot "$tree" >"$dir/out" 2>"$dir/err"; then
	echo "ok $n - wait-sanitize mem0 without security state: done"
else
	echo "not ok $n - wait-sanitize mem0 without security state: $?"
	sed 's/^/# /' "$dir/err"
fi
echo "1..$n"
