#!/bin/sh
# ndctl create-nfit: for the same ranges, the file upstream's writes
# (NDCTL_UPSTREAM, Debian's /usr/bin/ndctl by default), byte for byte,
# with the same mode and message; a table whose bytes sum to zero and
# whose entries are the ranges given; an existing file kept without -f;
# bad ranges refused with nothing written.
# Usage: create-nfit.sh BUILD_DIR
build=$1
ndctl=$build/ndctl/ndctl
case $ndctl in /*) ;; *) ndctl=$PWD/$ndctl ;; esac
upstream=${NDCTL_UPSTREAM:-/usr/bin/ndctl}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	[ -s "$tmp/why" ] && sed 's/^/# /' "$tmp/why"
	: >"$tmp/why"
}
have_upstream=
case $("$upstream" --version 2>/dev/null) in
7[0-9]* | 8[0-9]*) have_upstream=1 ;;
esac
umask 022

# The table read back: length, checksum, and each range as "base,size".
decode() {
	python3 - "$1" <<'EOF'
import struct, sys
t = open(sys.argv[1], "rb").read()
sig, length = t[:4], struct.unpack_from("<I", t, 4)[0]
ok = sig == b"NFIT" and length == len(t) and sum(t) % 256 == 0
print("table" if ok else "bad table")
off = 40
while off < len(t):
    typ, ln = struct.unpack_from("<HH", t, off)
    idx, = struct.unpack_from("<H", t, off + 4)
    base, size = struct.unpack_from("<QQ", t, off + 32)
    print("%d:%d:%d %#x,%#x" % (typ, ln, idx, base, size))
    off += ln
EOF
}

i=0
for args in "-a 1G,4G" "-a 1G,4G -a 2G,8G --add-spa=0x1000,0" \
	"--add-spa 16M,0x100000000 -a 3T,1T" "-a 4096,0 -a 4K,4K -a 0,0"; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	"$ndctl" create-nfit $args -o "$tmp/ours$i" 2>"$tmp/ours$i.err"
	st=$?
	# shellcheck disable=SC2086
	want=$(python3 -c '
import sys
args, r = sys.argv[1:], []
def size(s):
    m = {"K": 10, "M": 20, "G": 30, "T": 40}
    return int(s[:-1], 0) << m[s[-1]] if s[-1] in m else int(s, 0)
for a in args:
    if a.startswith("--add-spa="):
        a = a[len("--add-spa="):]
    if "," in a:
        s, o = a.split(",")
        r.append((size(o), size(s)))
print("table")
for i, (b, s) in enumerate(r):
    print("0:56:%d %#x,%#x" % (i + 1, b, s))
' $args)
	if [ "$st" -eq 0 ] && [ "$(decode "$tmp/ours$i")" = "$want" ]; then
		ok "create-nfit $args: a valid NFIT with those ranges"
	else
		{ echo "status $st"; decode "$tmp/ours$i"; } >"$tmp/why"
		not_ok "create-nfit $args: a valid NFIT with those ranges"
	fi
	if [ -z "$have_upstream" ]; then
		ok "create-nfit $args: as upstream's # SKIP no upstream ndctl"
		continue
	fi
	# shellcheck disable=SC2086
	"$upstream" create-nfit $args -o "$tmp/up$i" 2>"$tmp/up$i.err"
	if cmp "$tmp/ours$i" "$tmp/up$i" >"$tmp/why" 2>&1; then
		ok "create-nfit $args: upstream's bytes"
	else
		not_ok "create-nfit $args: upstream's bytes"
	fi
	if [ "$(stat -c %a "$tmp/ours$i")" = "$(stat -c %a "$tmp/up$i")" ] &&
		[ "$(sed "s|$tmp/ours|F|" "$tmp/ours$i.err")" = \
		  "$(sed "s|$tmp/up|F|" "$tmp/up$i.err")" ]; then
		ok "create-nfit $args: upstream's mode and message"
	else
		{ stat -c %a "$tmp/ours$i" "$tmp/up$i"
		  cat "$tmp/ours$i.err" "$tmp/up$i.err"; } >"$tmp/why"
		not_ok "create-nfit $args: upstream's mode and message"
	fi
done

# The default file, in the current directory.
if (cd "$tmp" && "$ndctl" create-nfit -a 1G,4G 2>/dev/null) &&
	cmp -s "$tmp/local_nfit.bin" "$tmp/ours1"; then
	ok "create-nfit without -o: local_nfit.bin"
else
	not_ok "create-nfit without -o: local_nfit.bin"
fi

# An existing file: kept, unless -f.
cp "$tmp/ours2" "$tmp/keep"
"$ndctl" create-nfit -a 1G,4G -o "$tmp/keep" 2>"$tmp/why"
st=$?
if [ "$st" -eq 1 ] && cmp -s "$tmp/keep" "$tmp/ours2" &&
	grep -q 'exists; --force overwrites it' "$tmp/why"; then
	: >"$tmp/why"
	ok "an existing file is kept without -f (status 1)"
else
	not_ok "an existing file is kept without -f (status $st)"
fi
if "$ndctl" create-nfit -a 1G,4G -o "$tmp/keep" -f 2>"$tmp/why" &&
	cmp -s "$tmp/keep" "$tmp/ours1"; then
	ok "-f replaces it"
else
	not_ok "-f replaces it"
fi

# Bad ranges: usage errors, nothing written.
for args in "" "-a 1G" "-a 1G,4Q" "-a ,4G" "-a 1G,4G extra" "-a="; do
	rm -f "$tmp/bad"
	# shellcheck disable=SC2086
	"$ndctl" create-nfit $args -o "$tmp/bad" 2>"$tmp/why"
	st=$?
	if [ "$st" -eq 2 ] && [ ! -e "$tmp/bad" ] &&
		[ "$(wc -l <"$tmp/why")" -ge 1 ]; then
		: >"$tmp/why"
		ok "create-nfit '$args': status 2, nothing written"
	else
		not_ok "create-nfit '$args': status $st, want 2 and no file"
	fi
	# Upstream takes an empty SIZE as 0; ours refuses empty values.
	if [ -n "$have_upstream" ] && [ "$args" != "-a ,4G" ]; then
		rm -f "$tmp/bad"
		# shellcheck disable=SC2086
		"$upstream" create-nfit $args -o "$tmp/bad" >/dev/null 2>&1
		st=$?
		if [ "$st" -ne 0 ] && [ ! -e "$tmp/bad" ]; then
			ok "create-nfit '$args': upstream refuses it too"
		else
			not_ok "create-nfit '$args': upstream refuses it too ($st)"
		fi
	fi
done
echo "1..$n"
