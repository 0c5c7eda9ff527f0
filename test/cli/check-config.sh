#!/bin/sh
# reconfigure-device --check-config against a captured sysfs tree, in
# --dry-run: which section matches which device, and every kind of bad
# config named by file and line with nothing applied.
# Usage: check-config.sh BUILD_DIR FIXTURE_DIR (the devdax fixture: dax0.0
# on namespace0.0, dax1.0 on namespace1.0)
build=$1 fixture=$2
daxctl=$build/daxctl/daxctl
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ns0=$(cat "$fixture"/sys/bus/nd/devices/namespace0.0/uuid)
ns1=$(cat "$fixture"/sys/bus/nd/devices/namespace1.0/uuid)
n=0

# expect STATUS DESC PATTERN DEVICE: run -C on DEVICE; stderr must match
# PATTERN (a grep -E expression) and, for errors, be one line per error.
# A run that hangs (a FIFO read at boot) is stopped after $limit seconds
# (default 20) and fails.
. "$(dirname "$0")/refuse-lib.sh"
refuse_out=$dir/.out refuse_err=$dir/.err
expect() {
	want=$1 desc=$2 pattern=$3 dev=$4
	refuse "$want" "$desc" "$pattern" timeout "${limit:-20}" "$daxctl" \
		reconfigure-device -C "$dev" --dry-run --config-dir "$dir" \
		--sysroot "$fixture"
}

# conf FILE...: stdin becomes each FILE, alone in the directory.
conf() {
	rm -f "$dir"/*.conf
	cat >"$dir/$1"
	first=$1
	shift
	for f in "$@"; do
		cp "$dir/$first" "$dir/$f"
	done
}

expect 0 "an empty directory matches nothing" "no section in .* matches it" \
	dax0.0
conf a.conf <<EOF2
# upstream's form: defaults system-ram, online, movable
[reconfigure-device first]
nvdimm.uuid = $ns0
EOF2
expect 0 "upstream's section, device named as udev does" \
	"a.conf:2 matches it .*mode system-ram, online$" /dev/dax0.0
grep -q '"mode":"system-ram"' "$dir/.out" && n=$((n + 1)) &&
	echo "ok $n - the plan is for system-ram" ||
	{ n=$((n + 1)); echo "not ok $n - the plan is for system-ram"; }
expect 0 "a device the section does not name" "no section .* matches" dax1.0
conf a.conf <<EOF2
[reconfigure-device Dev1]
NVDIMM.UUID = $(echo "$ns1" | tr a-f A-F)
mode = devdax
align = 1G ; inline comment
memmap = pmem
compound = true
EOF2
expect 0 "our keys; keys and uuid in any case" \
	"mode devdax, memmap pmem, compound pages, align 1G" dax1.0
# vmemmap_head_only asks what --vmemmap-head-only does: the fixture's
# stock kernel has no such attribute, and both fail with the same error.
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns1
mode = devdax
align = 2M
vmemmap_head_only = true
EOF2
expect 1 "vmemmap_head_only = true: one vmemmap page asked for" \
	"a.conf:1 matches it .*mode devdax, one vmemmap page per compound page, align 2M$" \
	dax1.0
n=$((n + 1))
tail -n1 "$dir/.err" >"$dir/.conf-err"
"$daxctl" reconfigure-device dax1.0 -m devdax -a 2M --vmemmap-head-only \
	--dry-run --sysroot "$fixture" >/dev/null 2>"$dir/.cli-err"
if grep -q "no dax1.0/vmemmap_head_only attribute" "$dir/.conf-err" &&
	cmp -s "$dir/.conf-err" "$dir/.cli-err"; then
	echo "ok $n - ... the same error as --vmemmap-head-only, naming the attribute"
else
	echo "not ok $n - ... the same error as --vmemmap-head-only, naming the attribute"
	sed 's/^/# config: /' "$dir/.conf-err"
	sed 's/^/# cli: /' "$dir/.cli-err"
fi
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns1
mode = devdax
Vmemmap_Head_Only = false
EOF2
expect 0 "vmemmap_head_only = false: two pages, as the device is" \
	"mode devdax, two vmemmap pages per compound page$" dax1.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns1
mode = devdax

vmemmap_head_only = sometimes
EOF2
expect 1 "a bad vmemmap_head_only is named with its file and line" \
	"a.conf:5: vmemmap_head_only = 'sometimes': expected true or false" \
	dax1.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
mode = system-ram
vmemmap_head_only = true
EOF2
expect 1 "vmemmap_head_only with system-ram" \
	"a.conf:1: .*vmemmap_head_only applies to devdax" dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
mode = system-ram
online = false
movable = no
EOF2
expect 0 "online = false, movable = no" "mode system-ram, offline, not movable" \
	dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
mode = system-ram
bogus = 1
EOF2
expect 1 "an unknown key is named with its file and line" \
	"a.conf:4: unknown key 'bogus'" dax0.0
expect 1 "... and stops a device the section does not match" \
	"dax1.0: nothing applied" dax1.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
mode system-ram
EOF2
expect 1 "a malformed line" "a.conf:3: not an INI line .*'mode system-ram'" \
	dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
mode = ram
EOF2
expect 1 "a bad mode" "a.conf:3: mode = 'ram': expected system-ram or devdax" \
	dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = not-a-uuid
EOF2
expect 1 "a bad uuid" "a.conf:2: nvdimm.uuid = 'not-a-uuid'" dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
mode = devdax
align = 3Q
movable = true
EOF2
expect 1 "a bad size" "a.conf:4: align = '3Q'" dax0.0
expect 1 "movable with devdax" "a.conf:1: .*apply to system-ram" dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
mode = devdax
EOF2
expect 1 "a section that matches nothing" "a.conf:1: .*matches no device" dax0.0
conf a.conf <<EOF2
[global]
EOF2
expect 1 "another section" "a.conf:1: section \[global\]" dax0.0
conf a.conf b.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
EOF2
expect 1 "a section name twice" "b.conf:1: .*already in .*a.conf:1" dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
[reconfigure-device y]
nvdimm.uuid = $ns0
mode = devdax
EOF2
expect 1 "two sections match one device" "both .*x.* and .*y.* match it" \
	dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
dax.region = 0
dax.range = 0x100-0x50
EOF2
expect 1 "a backwards range" "a.conf:3: dax.range" dax0.0

# What libiniparser merged, overwrote or dropped without a word.
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
[reconfigure-device X]
mode = devdax
EOF2
expect 1 "a section name twice in one file" \
	"a.conf:3: \[reconfigure-device x\] is already in .*a.conf:1" dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
nvdimm.uuid = $ns0
mode = devdax
Mode = system-ram
EOF2
expect 1 "a key twice in a section" \
	"a.conf:4: mode is already set in \[reconfigure-device x\] at line 3" \
	dax0.0
conf a.conf <<EOF2
mode = devdax
[reconfigure-device x]
nvdimm.uuid = $ns0
EOF2
expect 1 "a key before any section" \
	"a.conf:1: key 'mode' is outside any section" dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
dax.region = 4294967296
dax.range = 0x100-0x200
EOF2
expect 1 "dax.region past an int does not wrap to region 0" \
	"a.conf:2: dax.region = '4294967296': expected a dax region id" dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
dax.region = 0
dax.range = 0x100-18446744073709551616
EOF2
expect 1 "dax.range past 2^64" "a.conf:3: dax.range = " dax0.0
conf a.conf <<EOF2
[reconfigure-device x]
dax.region = 0
dax.range = -1-0x200
EOF2
expect 1 "a signed dax.range" "a.conf:3: dax.range = '-1-0x200'" dax0.0
printf '[reconfigure-device x]\nnvdimm.uuid = %s\nmode = dev\000dax\n' \
	"$ns0" >"$dir/a.conf"
expect 1 "a NUL byte" "a.conf:3: a NUL byte" dax0.0

# Only regular files: a FIFO or a device read at boot would hang it.
rm -f "$dir"/*.conf
mkfifo "$dir/fifo.conf"
expect 1 "a FIFO named *.conf is refused, not read" \
	"fifo.conf: a FIFO, not a regular file" dax0.0
rm -f "$dir"/*.conf
ln -s /dev/zero "$dir/zero.conf"
expect 1 "a link to /dev/zero named *.conf is refused, not read" \
	"zero.conf: a symbolic link, not a regular file" dax0.0
rm -f "$dir"/*.conf
mkdir "$dir/sub.conf"
expect 1 "a directory named *.conf" \
	"sub.conf: a directory, not a regular file" dax0.0
rmdir "$dir/sub.conf"
awk 'BEGIN { for (i = 0; i < 90000; i++) printf "# %060d\n", i }' \
	>"$dir/big.conf"
expect 1 "a file over 4 MiB is refused" "big.conf: more than 4 MiB" dax0.0

# Upstream's syntax, as libiniparser reads it, still reads.
conf a.conf <<EOF2
; a comment
[ Reconfigure-Device  spaced ]
nvdimm.uuid = "$ns1"
mode = 'devdax' # comment
align = 1G ; comment
compound = \\
    true
EOF2
expect 0 "quotes, comments, spaces in the header, a continued line" \
	"a.conf:2 matches it .*mode devdax, compound pages, align 1G$" dax1.0

# Linear: 10,000 sections in a few ms (libiniparser and a search per
# section took 19 s here); 5 s leaves room for a sanitizer build under load.
rm -f "$dir"/*.conf
awk -v uuid="$ns0" 'BEGIN {
	for (i = 0; i < 9999; i++)
		printf "[reconfigure-device s%d]\ndax.region = %d\n" \
			"dax.range = %.0f-%.0f\nmode = devdax\n\n", i, i % 8,
			4294967296 + i * 4096, 4294967296 + i * 4096 + 4095
	printf "[reconfigure-device last]\nnvdimm.uuid = %s\n", uuid
}' >"$dir/many.conf"
limit=5 expect 0 "10,000 sections load in under 5 s" \
	"many.conf:49996 matches it" dax0.0

n=$((n + 1))
"$daxctl" reconfigure-device -C dax0.0 -m devdax --config-dir "$dir" \
	--sysroot "$fixture" 2>/dev/null
[ $? -eq 2 ] && echo "ok $n - -C with --mode is a usage error" ||
	echo "not ok $n - -C with --mode is a usage error"
n=$((n + 1))
"$daxctl" reconfigure-device -C dax0.0 dax1.0 --config-dir "$dir" \
	--sysroot "$fixture" 2>/dev/null
[ $? -eq 2 ] && echo "ok $n - -C with two devices is a usage error" ||
	echo "not ok $n - -C with two devices is a usage error"
n=$((n + 1))
"$daxctl" reconfigure-device --save-config --dry-run -m devdax dax0.0 \
	--config-dir "$dir" --sysroot "$fixture" 2>/dev/null
[ $? -eq 2 ] && echo "ok $n - --save-config with --dry-run is a usage error" ||
	echo "not ok $n - --save-config with --dry-run is a usage error"
echo "1..$n"
