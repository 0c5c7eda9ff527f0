#!/bin/sh
# What a hostile or careless command line gets: every malformed value a
# usage error (status 2) naming the option or file, key and value, with
# sysfs left as it was; every user string escaped where it is echoed;
# the DRAM budget never silently off.  Runs on a copy of a captured tree.
# Usage: input-validation.sh BUILD_DIR FIXTURE_DIR (the devdax fixture)
build=$1 fixture=$2
daxctl=$build/daxctl/daxctl ndctl=$build/ndctl/ndctl
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tree=$dir/tree
n=0

# fresh: a new copy of the fixture; snapshot: what the tree must stay.
fresh() {
	rm -rf "$tree"
	mkdir -p "$tree"
	cp -a "$fixture"/sys "$tree"/
	snapshot
}
# The tree's files, modes, links and mtimes, as one hash.
tree_hash() {
	tar -C "$tree" -cf - sys | md5sum
}
snapshot() {
	before=$(tree_hash)
}

# expect STATUS DESC PATTERN CMD...: the status, and stderr matching
# PATTERN (grep -E; "" for any), one line for a usage error, with no raw
# control character in it, and the tree as the fixture has it unless
# the command is expected to succeed (against the last snapshot).
. "$(dirname "$0")/refuse-lib.sh"
# A test that removed the tree has no state left to compare.
tree_state() {
	if [ -d "$tree/sys" ]; then tree_hash; else echo "$before"; fi
}
refuse_out=$dir/out refuse_err=$dir/err refuse_lines=usage refuse_ctl=1
refuse_state=tree_state
expect() {
	want=$1 desc=$2 pattern=$3
	shift 3
	refuse "$want" "$desc" "$pattern" "$@"
}

fresh
# Names and values are echoed escaped: a newline cannot forge a second
# message, an escape sequence cannot reach the terminal.
nasty=$(printf 'dax0.0\n\033[31m')
expect 1 "a name with a newline and an escape is echoed escaped" \
	'dax0\.0\\n\\x1b\[31m: no such dax device' \
	"$daxctl" disable-device "$nasty" --sysroot "$tree"
expect 2 "an option value with an OSC sequence is echoed escaped" \
	"invalid --memmap 'x\\\\x1b\]0;t\\\\x07'" \
	"$daxctl" plan --size 1T --memmap "$(printf 'x\033]0;t\007')"
expect 2 "an unknown command is echoed escaped" \
	"unknown command 'a\\\\nb'" "$daxctl" "$(printf 'a\nb')"
expect 2 "a C1 CSI in UTF-8 and a stray byte are escaped" \
	"invalid --mode 'a\\\\xc2\\\\x9b2Jb\\\\xff'" \
	"$ndctl" create-namespace -m "$(printf 'a\302\2332Jb\377')"
expect 2 "UTF-8 text is kept as it is" "invalid --mode 'dévdax'" \
	"$ndctl" create-namespace -m "dévdax"

# An empty value is never "not given": each is refused by option name.
expect 2 "plan -a '' is not 'any align'" "empty value for option '--align'" \
	"$daxctl" plan dax0.0 -a "" --sysroot "$tree"
expect 2 "plan --align= is not 'any align'" \
	"empty value for option '--align'" \
	"$daxctl" plan dax0.0 --align= --sysroot "$tree"
expect 2 "reconfigure -r '' is not 'any region'" \
	"empty value for option '--region'" \
	"$daxctl" reconfigure-device dax0.0 -m system-ram -r "" \
	--sysroot "$tree"
expect 2 "create-namespace -n ''" "empty value for option '--name'" \
	"$ndctl" create-namespace -n "" --sysroot "$tree"
expect 2 "read-labels -o ''" "empty value for option '--output'" \
	"$ndctl" read-labels nmem0 -o "" --sysroot "$tree"
expect 2 "list --sysroot ''" "empty value for option '--sysroot'" \
	"$ndctl" list --sysroot ""

# The DRAM budget when the node's meminfo cannot be read: a change that
# needs DRAM is refused naming the file and why, unless --force (which
# the man pages say skips the budget); plan says what it cannot check.
meminfo=$tree/sys/devices/system/node/node0/meminfo
fresh
rm "$meminfo"
snapshot
expect 1 "reconfigure: no meminfo, no change" \
	'dax0\.0: cannot read the free memory of node 0 from .*/meminfo: No such file or directory; the change needs 62M of DRAM' \
	"$daxctl" reconfigure-device dax0.0 -m system-ram --dry-run \
	--sysroot "$tree"
expect 0 "reconfigure: no meminfo, --force skips the budget" "" \
	"$daxctl" reconfigure-device dax0.0 -m system-ram --dry-run -f \
	--sysroot "$tree"
expect 0 "plan: no meminfo is said, not taken as no limit" \
	"dax0\.0: cannot read the free memory of node 0 .*'fits' is not checked" \
	"$daxctl" plan dax0.0 --sysroot "$tree"
printf 'Node 0 MemTotal: 1945824 kB\n' >"$meminfo"
snapshot
expect 1 "reconfigure: meminfo without MemFree" \
	"meminfo: no 'MemFree: N kB' line" \
	"$daxctl" reconfigure-device dax0.0 -m system-ram --dry-run \
	--sysroot "$tree"
printf 'Node 0 MemFree: 18446744073709551615 kB\n' >"$meminfo"
snapshot
expect 1 "reconfigure: MemFree past 2^64 bytes is not a budget" \
	"meminfo: MemFree is past 2\^64 bytes" \
	"$daxctl" reconfigure-device dax0.0 -m system-ram --dry-run \
	--sysroot "$tree"
printf 'Node 0 MemFree: -5 kB\n' >"$meminfo"
snapshot
expect 1 "reconfigure: a negative MemFree is not a budget" \
	"meminfo: no 'MemFree: N kB' line" \
	"$daxctl" reconfigure-device dax0.0 -m system-ram --dry-run \
	--sysroot "$tree"
# An idle namespace: only the budget stands between it and devdax.
fixture_devdax=$fixture
fixture=$(dirname "$fixture_devdax")/disabled
fresh
rm "$meminfo"
snapshot
expect 1 "create-namespace: no meminfo, no memmap in DRAM" \
	'namespace0\.0: cannot read the free memory of node 0 from .*/meminfo: No such file or directory; the change needs 16512K' \
	"$ndctl" create-namespace -e namespace0.0 -m devdax --map mem \
	--dry-run --sysroot "$tree"
expect 0 "create-namespace: no meminfo, --force skips the budget" "" \
	"$ndctl" create-namespace -e namespace0.0 -m devdax --map mem \
	--dry-run -f --sysroot "$tree"
fixture=$fixture_devdax
fresh

# plan: options that were silently dropped, and values that meant "any".
expect 2 "plan: --arch with --profile" "both choose the kernel profile" \
	"$daxctl" plan --size 1T --arch arm64 --profile linux-6.1
expect 2 "plan: a profile is not an arch" "invalid --arch 'linux-6.1'" \
	"$daxctl" plan --size 1T --arch linux-6.1
expect 2 "plan: an arch is not a profile" "invalid --profile 'x86_64'" \
	"$daxctl" plan --size 1T --profile x86_64
expect 2 "plan: -a 0 is not 'any align'" "invalid --align '0'" \
	"$daxctl" plan --size 1T -a 0
expect 2 "plan: -a , is not 'any align'" "invalid --align ','" \
	"$daxctl" plan --size 1T -a ,
expect 2 "plan: -a 2M,,1G has an empty element" "invalid --align '2M,,1G'" \
	"$daxctl" plan --size 1T -a 2M,,1G
expect 2 "plan: -a 2M, has an empty element" "invalid --align '2M,'" \
	"$daxctl" plan --size 1T -a 2M,
expect 2 "plan: --start without --size" "--start describes" \
	"$daxctl" plan dax0.0 --start 2T --sysroot "$tree"
expect 2 "plan: --start bogus without --size" "--start describes" \
	"$daxctl" plan dax0.0 --start bogus --sysroot "$tree"
expect 2 "plan: --dynamic without --size" "--dynamic describes" \
	"$daxctl" plan dax0.0 --dynamic --sysroot "$tree"
n=$((n + 1))
fits=$("$daxctl" plan --size 4G -a 2M --memmap dram --free 0 2>/dev/null |
	grep -o '"fits":[a-z]*')
if [ "$fits" = '"fits":false' ]; then
	echo "ok $n - plan --free 0: nothing in DRAM fits"
else
	echo "not ok $n - plan --free 0: got '$fits', want \"fits\":false"
fi
n=$((n + 1))
fits=$("$daxctl" plan dax0.0 -a 2M --memmap dram --free 0 \
	--sysroot "$tree" 2>/dev/null | grep -o '"fits":[a-z]*')
if [ "$fits" = '"fits":false' ]; then
	echo "ok $n - plan DEVICE --free 0: nothing in DRAM fits"
else
	echo "not ok $n - plan DEVICE --free 0: got '$fits', want \"fits\":false"
fi

# create-device --input: every key is what daxctl list prints, or the
# command stops there (status 2) naming the file, the key and the value.
# The fixture has no dynamic region: a good file gets as far as that.
input=$dir/dev.json
bad_input() {
	desc=$1 pattern=$2 json=$3
	shift 3
	printf '%s\n' "$json" >"$input"
	expect 2 "create-device --input: $desc" "$pattern" \
		"$daxctl" create-device --input "$input" "$@" --sysroot "$tree"
}
fresh
ok_json='{"chardev":"dax1.0","size":2147483648,"align":2097152,"mode":"devdax"}'
printf '%s\n' "$ok_json" >"$input"
expect 1 "create-device --input: a good listing reaches the region lookup" \
	"no dynamic dax region matches 1" \
	"$daxctl" create-device --input "$input" --sysroot "$tree"
# What daxctl list -M prints is taken whole, memmap keys and all.
"$daxctl" list -d dax0.0 -M --sysroot "$tree" | sed '1d;$d' >"$input"
expect 1 "create-device --input: daxctl list -M's own listing is taken" \
	"no dynamic dax region matches 0" \
	"$daxctl" create-device --input "$input" --sysroot "$tree"
bad_input '"size" as a string' \
	'dev\.json: "size" is "1G": expected an integer' \
	'{"chardev":"dax1.0","size":"1G"}'
bad_input '"size" negative' 'dev\.json: "size" is -1: negative' \
	'{"chardev":"dax1.0","size":-1}'
bad_input '"size" a float' 'dev\.json: "size" is 1\.5: expected an integer' \
	'{"chardev":"dax1.0","size":1.5}'
bad_input '"size" an object' \
	'dev\.json: "size" is \{"v":1\}: expected an integer' \
	'{"chardev":"dax1.0","size":{"v":1}}'
bad_input '"size" 0' 'dev\.json: "size" is 0: a device of no capacity' \
	'{"chardev":"dax1.0","size":0}'
bad_input '"size" past 2^64' 'dev\.json: "size" is [0-9]+: out of range' \
	'{"chardev":"dax1.0","size":36893488147419103232}'
bad_input '"size" null' 'dev\.json: "size" is null: expected an integer' \
	'{"chardev":"dax1.0","size":null}'
bad_input 'an unknown key' \
	'dev\.json: "sise" is 1073741824: not a key daxctl list prints' \
	'{"chardev":"dax1.0","sise":1073741824}'
bad_input '"align" 3M' \
	'dev\.json: "align" is 3145728: expected 4K, 2M or 1G' \
	'{"chardev":"dax1.0","align":3145728}'
bad_input '"chardev" with a sign' \
	'dev\.json: "chardev" is "dax1\.-5": expected daxN\.M' \
	'{"chardev":"dax1.-5"}'
bad_input '"chardev" not a string' \
	'dev\.json: "chardev" is 1: expected a string' '{"chardev":1}'
bad_input '"movable" not a bool' \
	'dev\.json: "movable" is "yes": expected true or false' \
	'{"chardev":"dax1.0","movable":"yes"}'
bad_input '"mappings" not an array' \
	'dev\.json: "mappings" is \{\}: expected an array' \
	'{"chardev":"dax1.0","mappings":{}}'
bad_input 'a mapping that ends before it starts' \
	'"mappings\[0\]\.end" is 4096: before the mapping.s start' \
	'{"chardev":"dax1.0","mappings":[{"page_offset":0,"start":8192,"end":4096}]}'
bad_input 'a mapping without start' '"mappings\[0\]\.start" is missing' \
	'{"chardev":"dax1.0","mappings":[{"page_offset":0,"end":4095}]}'
bad_input 'a mapping with a key of its own' \
	'"mappings\[0\]\.flags" is 1: not a key of a mapping' \
	'{"chardev":"dax1.0","mappings":[{"page_offset":0,"start":0,"end":4095,"flags":1}]}'
bad_input 'a mapping address "-0x5"' \
	'"mappings\[0\]\.start" is "-0x5": expected "0x" and hex digits' \
	'{"chardev":"dax1.0","mappings":[{"page_offset":0,"start":"-0x5","end":4095}]}'
bad_input 'a mapping whose size is not its range' \
	'"mappings\[0\]\.size" is 1: not end - start \+ 1' \
	'{"chardev":"dax1.0","mappings":[{"page_offset":0,"start":0,"end":4095,"size":1}]}'
bad_input 'two mappings at one page_offset' \
	'two mappings at page_offset 0' \
	'{"chardev":"dax1.0","mappings":[{"page_offset":0,"start":0,"end":4095},{"page_offset":0,"start":8192,"end":12287}]}'
bad_input '"size" that is not the mappings total' \
	'"size" is 8192: not the total of its mappings' \
	'{"chardev":"dax1.0","size":8192,"mappings":[{"page_offset":0,"start":0,"end":4095}]}'
bad_input '-s that is not the mappings total' \
	'--size 8K is not the 4K its mappings cover' \
	'{"chardev":"dax1.0","mappings":[{"page_offset":0,"start":0,"end":4095}]}' \
	-s 8K
bad_input 'text after the object' 'not a JSON object' \
	'{"chardev":"dax1.0","size":2147483648} {"size":1}'
bad_input 'the enclosing array' 'without the enclosing array' \
	'[{"chardev":"dax1.0","size":2147483648}]'
expect 1 "create-device --input: a missing file" \
	'nonexistent\.json: cannot open: No such file or directory' \
	"$daxctl" create-device --input "$dir/nonexistent.json" \
	--sysroot "$tree"

# reconfigure-device --input reads the file as create-device does; on a
# namespace's device the listing's size must be the device's own.
fresh
"$daxctl" list -d dax0.0 --sysroot "$tree" | sed '1d;$d' >"$input"
expect 0 "reconfigure --input: its own listing, a dry run with no steps" \
	"" "$daxctl" reconfigure-device dax0.0 --input "$input" --dry-run \
	--sysroot "$tree"
if grep -q '"steps":\[$' "$dir/out" && ! grep -q '"step"' "$dir/out"; then
	n=$((n + 1)); echo "ok $n - reconfigure --input: nothing to do"
else
	n=$((n + 1)); echo "not ok $n - reconfigure --input: nothing to do"
	sed 's/^/# /' "$dir/out"
fi
# Refused per device, as -s is: the device's line, then the tally.
printf '%s\n' '{"chardev":"dax0.0","size":1073741824}' >"$input"
n=$((n + 1))
"$daxctl" reconfigure-device dax0.0 --input "$input" --sysroot "$tree" \
	>/dev/null 2>"$dir/err"
status=$?
if [ "$status" -eq 2 ] && grep -Eq 'dax0\.0: .*dev\.json says size 1G, but it is [0-9]+[KMG]? and only devices of dynamic regions change size' "$dir/err" &&
	[ "$(tree_hash)" = "$before" ]; then
	echo "ok $n - reconfigure --input: another size on a namespace's device"
else
	echo "not ok $n - reconfigure --input: another size on a namespace's device: status $status"
	sed 's/^/# /' "$dir/err"
fi
printf '%s\n' '{"chardev":"dax0.0","sise":1}' >"$input"
expect 2 "reconfigure --input: an unknown key" \
	'dev\.json: "sise" is 1: not a key daxctl list prints' \
	"$daxctl" reconfigure-device dax0.0 --input "$input" --sysroot "$tree"
printf '%s\n' '{"chardev":"dax4.0","size":1073741824}' >"$input"
expect 1 "reconfigure --input: its chardev's region is the filter" \
	'dax0\.0: no such dax device in region 4' \
	"$daxctl" reconfigure-device dax0.0 --input "$input" --sysroot "$tree"
expect 2 "reconfigure --input with --check-config" \
	'--check-config takes the settings from' \
	"$daxctl" reconfigure-device dax0.0 --input "$input" -C \
	--sysroot "$tree"

# Bad values are usage errors before any name is looked up, one line.
fresh
expect 2 "reconfigure: bad --align with an unknown device" \
	"invalid --align 'bogus'" \
	"$daxctl" reconfigure-device dax7.7 -a bogus --sysroot "$tree"
expect 2 "reconfigure: -a 0" "invalid --align '0'" \
	"$daxctl" reconfigure-device dax0.0 -a 0 --sysroot "$tree"
expect 2 "reconfigure: bad --mode, one line" "invalid --mode 'bogus'" \
	"$daxctl" reconfigure-device dax0.0 -m bogus --sysroot "$tree"
expect 2 "reconfigure: bad --size, one line" "invalid --size 'bogus'" \
	"$daxctl" reconfigure-device dax0.0 -m devdax -s bogus \
	--sysroot "$tree"
expect 2 "write-infoblock: bad --mode, one line" \
	"invalid --mode 'bogus': an info block is fsdax or devdax" \
	"$ndctl" write-infoblock -o "$dir/ib.img" -s 1G -m bogus

# A namespace size that cannot be read is a failed read (status 1), not
# a usage error, and nothing is planned from it.
nssize=$tree/sys/bus/nd/devices/namespace0.0/size
for how in missing garbage zero; do
	fresh
	case $how in
	missing) rm "$nssize" ;;
	garbage) echo zz >"$nssize" ;;
	zero) echo 0 >"$nssize" ;;
	esac
	snapshot
	expect 1 "reconfigure: the namespace size $how: a failed read" \
		'dax0\.0: cannot read the size of namespace0\.0: .*nothing was changed' \
		"$daxctl" reconfigure-device dax0.0 -m system-ram --sysroot "$tree"
	expect 1 "reconfigure --dry-run: the namespace size $how" \
		'dax0\.0: cannot read the size of namespace0\.0' \
		"$daxctl" reconfigure-device dax0.0 -m system-ram --dry-run \
		--sysroot "$tree"
done

# -r/--region: a malformed id is a usage error in every command that
# takes one; a well-formed id of a region that does not exist is not.
fresh
for cmd in "daxctl list" "daxctl create-device" \
	"daxctl reconfigure-device -m devdax dax0.0" \
	"daxctl disable-device all" "daxctl enable-device all" \
	"daxctl destroy-device all" "daxctl online-memory all" \
	"daxctl offline-memory all" "daxctl plan" "ndctl list" \
	"ndctl create-namespace" "ndctl disable-namespace all" \
	"ndctl enable-namespace all" "ndctl destroy-namespace all" \
	"ndctl check-namespace all" "ndctl read-infoblock all" \
	"ndctl write-infoblock all"; do
	# shellcheck disable=SC2086 # the command and its words
	set -- $cmd
	tool=$1
	shift
	eval "bin=\$$tool"
	for bad in bogus 1x 01 region region-1 2147483648; do
		expect 2 "$cmd -r $bad: usage" \
			"invalid --region '$bad': expected a region id" \
			"$bin" "$@" -r "$bad" --sysroot "$tree"
	done
	# A list names nothing and succeeds, as upstream's; any other
	# command has failed to find what it was to act on.
	case $cmd in
	*" list")
		expect 0 "$cmd -r region99: no such region, an empty list" \
			"" "$bin" "$@" -r region99 --sysroot "$tree" ;;
	*)
		expect 1 "$cmd -r region99: no such region, a failed lookup" \
			"" "$bin" "$@" -r region99 --sysroot "$tree" ;;
	esac
done

# create-device's DRAM budget, as reconfigure-device's: the new device's
# memmap in DRAM must fit the node's free memory less --reserve, else
# one line and nothing created; --force skips it; no meminfo refuses.
# The fixture's region is made dynamic; its "create" takes no device, so
# a command past the budget fails there, at the first write.
dynamic() {
	fresh
	region=$tree/sys/bus/nd/devices/dax0.0/dax_region
	echo 1073741824 >"$region/available_size"
	: >"$region/create"
	snapshot
}
# past_budget DESC CMD...: got as far as the create step.
past_budget() {
	desc=$1
	shift
	n=$((n + 1))
	"$@" >"$dir/out" 2>"$dir/err" </dev/null
	if [ $? -eq 1 ] && grep -q "create a device in region0 failed" \
		"$dir/err" && ! grep -q "free memory\|memmap needs" "$dir/err"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		sed 's/^/# /' "$dir/err"
	fi
}
dynamic
# The free memory is the captured tree's (its node0 meminfo), read back
# from the message; the system-ram case keeps all but 8M of it.
expect 1 "create-device: a devdax memmap past the budget is refused" \
	"^daxctl create-device: region0: the new device's memmap needs 4132K of DRAM on node 0, which has [0-9]+K free outside ZONE_MOVABLE \\(keeping 2000M\\): nothing was created; use a smaller --size, or --force$" \
	"$daxctl" create-device -s 1G --reserve 2000M --sysroot "$tree"
free_k=$(sed -n 's/.* which has \([0-9]*\)K free.*/\1/p' "$dir/err")
expect 1 "create-device: a system-ram memmap past the budget is refused" \
	"region0: the new device's memmap needs 16388K of DRAM on node 0.*keeping $((${free_k:-0} / 1024 - 8))M" \
	"$daxctl" create-device -s 1G -m system-ram \
	--reserve "$((${free_k:-0} / 1024 - 8))M" --sysroot "$tree"
expect 2 "create-device: bad --reserve" "invalid --reserve 'lots'" \
	"$daxctl" create-device -s 1G --reserve lots --sysroot "$tree"
past_budget "create-device: a memmap that fits the budget goes on" \
	"$daxctl" create-device -s 1G -m system-ram --reserve 1700M \
	--sysroot "$tree"
dynamic
past_budget "create-device: --force skips the budget" \
	"$daxctl" create-device -s 1G --reserve 2000M -f --sysroot "$tree"
dynamic
rm "$meminfo"
snapshot
expect 1 "create-device: no meminfo, no device" \
	'region0: cannot read the free memory of node 0 from .*/meminfo: No such file or directory; the change needs 4132K of DRAM there and --force skips the check' \
	"$daxctl" create-device -s 1G --sysroot "$tree"
past_budget "create-device: no meminfo, --force skips the budget" \
	"$daxctl" create-device -s 1G -f --sysroot "$tree"

echo "1..$n"
