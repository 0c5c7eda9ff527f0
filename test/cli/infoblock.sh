#!/bin/sh
# write-infoblock and read-infoblock on images (no device): each image
# byte for byte what upstream's ndctl (Debian's 76.1, when installed)
# writes for the same options and uuid, parsed back by both tools, and
# bad options refused with status 2 and nothing written.
# Usage: infoblock.sh BUILD_DIR
build=$1
ndctl=$build/ndctl/ndctl
upstream=${NDCTL_UPSTREAM:-/usr/bin/ndctl}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
uuid=11111111-2222-3333-4444-555555555555
parent=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
}

# Upstream's binary is the reference only when it is upstream's 7x.
have_upstream=
case $("$upstream" --version 2>/dev/null) in
7[0-9]*) have_upstream=1 ;;
esac

# The layout the model gives, against numbers worked out by hand from
# nd_pfn_init(): 1 TiB, memmap on the device, align 2M: 64 bytes for
# each of (1T - 8K) / 4K pages after the 8K head, rounded up to 2M.
"$ndctl" write-infoblock -s 1T -c -u "$uuid" 2>/dev/null |
	"$ndctl" read-infoblock -j >"$tmp/1t.json" 2>/dev/null
want=$(((8192 + 64 * ((1099511627776 - 8192) / 4096) + 2097151) /
	2097152 * 2097152))
if grep -q "\"dataoff\":$want," "$tmp/1t.json" &&
	grep -q "\"npfns\":$(((1099511627776 - want) / 4096))," "$tmp/1t.json"
then
	ok "1 TiB fsdax: dataoff $want, the memmap's reserve"
else
	not_ok "1 TiB fsdax: dataoff $want, the memmap's reserve"
	sed 's/^/# /' "$tmp/1t.json"
fi

for args in "-s 1G" "-s 1T" "-s 16G -m devdax -M mem -a 1G" \
	"-s 3G -a 1G" "-s 1G -a 4K" "-s 1G -a 64K" "-s 1073754112" \
	"-s 1G -O 6M -a 4M" "-s 1G -O 2M" "-s 1G -O 8K" "-s 1G -O 4096" \
	"-s 1G -O 1M -M dev" "-s 1G -O 8K -m devdax -M mem" "-s 1G -p $parent" \
	"-s 100M -m devdax -M dev" "-s 128M -M mem"; do
	# shellcheck disable=SC2086
	"$ndctl" write-infoblock -c -u "$uuid" $args >"$tmp/ours" 2>/dev/null
	size=$(wc -c <"$tmp/ours")
	if [ "$size" -ne 8192 ]; then
		not_ok "write-infoblock $args: an 8 KiB image ($size bytes)"
		continue
	fi
	if [ -z "$have_upstream" ]; then
		ok "write-infoblock $args: 8 KiB # SKIP no upstream ndctl 7x"
		continue
	fi
	# shellcheck disable=SC2086
	"$upstream" write-infoblock -c -u "$uuid" $args >"$tmp/theirs" \
		2>/dev/null
	if cmp -s "$tmp/ours" "$tmp/theirs"; then
		ok "write-infoblock $args: the same bytes as upstream's"
	else
		not_ok "write-infoblock $args: the same bytes as upstream's"
		cmp -l "$tmp/ours" "$tmp/theirs" | head -n 5 | sed 's/^/# /'
	fi
	"$upstream" read-infoblock -j -i "$tmp/ours" >"$tmp/u.json" 2>/dev/null
	"$ndctl" read-infoblock -j -i "$tmp/ours" >"$tmp/o.json" 2>/dev/null
	# The same values: upstream's json-c escapes '/' as '\/'.
	if [ -s "$tmp/o.json" ] &&
		[ "$(jq -S . "$tmp/o.json")" = "$(jq -S . "$tmp/u.json")" ]; then
		ok "read-infoblock -j $args: the same JSON as upstream's"
	else
		not_ok "read-infoblock -j $args: the same JSON as upstream's"
		diff "$tmp/o.json" "$tmp/u.json" | sed 's/^/# /'
	fi
done

# An image file: its length is the size, and it keeps its length.
truncate -s 64M "$tmp/img"
if "$ndctl" write-infoblock -o "$tmp/img" -m devdax -u "$uuid" 2>/dev/null &&
	[ "$(stat -c %s "$tmp/img")" -eq 67108864 ] &&
	"$ndctl" read-infoblock -j -i "$tmp/img" 2>/dev/null |
	grep -q '"npfns":15872,'; then
	ok "-o on a 64M image: sized from the file, length kept"
else
	not_ok "-o on a 64M image: sized from the file, length kept"
fi

# Refused, with nothing written.
refuse() {
	want=$1 desc=$2
	shift 2
	rm -f "$tmp/out"
	"$@" >"$tmp/stdout" 2>"$tmp/err"
	status=$?
	if [ "$status" -eq "$want" ] && [ -s "$tmp/err" ] &&
		[ ! -s "$tmp/stdout" ] && [ ! -e "$tmp/out" ]; then
		ok "$desc: status $want, nothing written"
	else
		not_ok "$desc: status $status (want $want)"
		sed 's/^/# /' "$tmp/err"
	fi
}
refuse 2 "--stdout without --size" "$ndctl" write-infoblock -c
refuse 2 "sector mode" "$ndctl" write-infoblock -c -s 1G -m sector
refuse 2 "align 3M" "$ndctl" write-infoblock -c -s 1G -a 3M
refuse 2 "an offset that does not parse" \
	"$ndctl" write-infoblock -c -s 1G -O 4X
refuse 2 "bad uuid" "$ndctl" write-infoblock -c -s 1G -u nope
refuse 2 "--output with --stdout" \
	"$ndctl" write-infoblock -c -o "$tmp/out" -s 1G
refuse 2 "an image and a namespace" \
	"$ndctl" write-infoblock -o "$tmp/out" -s 1G namespace0.0
refuse 2 "--output to a device node" \
	"$ndctl" write-infoblock -o /dev/null -s 1G
refuse 1 "2M leaves no room for data" "$ndctl" write-infoblock -c -s 2M
refuse 1 "read-infoblock of a short file" \
	sh -c "head -c 4096 /dev/zero | '$ndctl' read-infoblock -j"
echo "1..$n"
