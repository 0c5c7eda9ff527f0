#!/bin/sh
# daxctl split-acpi on the SRAT, SLIT and NFIT QEMU's firmware gave a
# real guest (three nodes, an NVDIMM alone on node 1; captured by the
# acpi-tables scenario): each new table valid and what the split must
# make of the old one; beside upstream's (DAXCTL_UPSTREAM, Debian's
# /usr/bin/daxctl by default) the same SRAT and SLIT bytes, and the same
# NFIT but for the zeros upstream leaves at its end; bad tables and bad
# options refused with no file written.
# Usage: split-acpi.sh BUILD_DIR TABLES_DIR
build=$1 tables=$2
daxctl=$build/daxctl/daxctl
upstream=${DAXCTL_UPSTREAM:-/usr/bin/daxctl}
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

# fresh DIR: the captured tables, alone in DIR.
fresh() {
	rm -rf "$1"
	mkdir -p "$1"
	cp "$tables"/srat.dat "$tables"/slit.dat "$tables"/nfit.dat "$1"/
}
# check OLD_DIR NEW_DIR PXM NODES: what the split must have made, read
# back from the tables themselves.
check() {
	python3 - "$@" <<'EOF'
import struct, sys
old, new = sys.argv[1], sys.argv[2]
pxm, nodes = int(sys.argv[3]), int(sys.argv[4])
def table(path, sig):
    t = open(path, "rb").read()
    assert t[:4] == sig, path + ": signature"
    assert struct.unpack_from("<I", t, 4)[0] == len(t), path + ": length"
    assert sum(t) % 256 == 0, path + ": checksum"
    return t
def subs(t, first, w):
    off, out = first, []
    f = "<B" if w == 1 else "<H"
    while off < len(t):
        ln = struct.unpack_from(f, t, off + w)[0]
        out.append((struct.unpack_from(f, t, off)[0], t[off:off + ln]))
        off += ln
    return out
def rev(t):
    return struct.unpack_from("<I", t, 24)[0]
def mems(t):
    return [struct.unpack_from("<I", s, 2) + struct.unpack_from("<QQ", s, 8)
            for ty, s in subs(t, 48, 1) if ty == 1]
so = table(old + "/srat.dat", b"SRAT")
sn = table(new + "/srat.dat.new", b"SRAT")
assert rev(sn) == rev(so) + 1, "SRAT: OEM revision"
mo, mn = mems(so), mems(sn)
top = max(p for p, b, l in mo)
assert len(mn) == len(mo) + nodes - 1, "SRAT: %d memory entries" % len(mn)
(p0, base, length), = [m for m in mo if m[0] == pxm]
parts = [m for m in mn if m[0] == pxm or m[0] > top]
part = length // nodes
domains = [pxm] + list(range(top + 1, top + nodes))
want = [(domains[i], base + i * part, part) for i in range(nodes)]
assert parts == want, "SRAT: the parts"
lo = table(old + "/slit.dat", b"SLIT")
ln = table(new + "/slit.dat.new", b"SLIT")
co = struct.unpack_from("<Q", lo, 36)[0]
cn = struct.unpack_from("<Q", ln, 36)[0]
assert cn == top + nodes and len(ln) == 44 + cn * cn, "SLIT: %d localities" % cn
d = lambda t, c, i, j: t[44 + i * c + j]
# A new domain is as far from the others as the split one; new domains
# are 11 apart (Linux takes 10 only on the diagonal).
for i in range(cn):
    for j in range(cn):
        if i > top and j > top:
            dist = 10
        else:
            dist = d(lo, co, i if i <= top else pxm, j if j <= top else pxm)
        if dist == 10 and i != j:
            dist = 11
        assert d(ln, cn, i, j) == dist, "SLIT: distance %d-%d" % (i, j)
try:
    no = table(old + "/nfit.dat", b"NFIT")
    nn = table(new + "/nfit.dat.new", b"NFIT")
except FileNotFoundError:
    sys.exit(0)
def spas(t):
    return [struct.unpack_from("<I", s, 12) + struct.unpack_from("<QQ", s, 32)
            for ty, s in subs(t, 40, 2) if ty == 0]
so_, sn_ = spas(no), spas(nn)
assert len(sn_) == len(so_) + nodes - 1, "NFIT: %d ranges" % len(sn_)
mine = [s for s in sn_ if s[0] == pxm and s[1] == base or s[0] > top]
assert mine == want, "NFIT: the parts"
maps = lambda t: [s for ty, s in subs(t, 40, 2) if ty == 1]
assert len(maps(nn)) == len(maps(no)) * nodes, "NFIT: the mappings"
EOF
}
# norm FILE: upstream's NFIT without the zeros after its last entry, its
# length and checksum made good again.
norm() {
	python3 - "$1" <<'EOF'
import struct, sys
t = bytearray(open(sys.argv[1], "rb").read())
off = 40
while off + 4 <= len(t):
    ln = struct.unpack_from("<H", t, off + 2)[0]
    if not ln:
        break
    off += ln
t = t[:off]
struct.pack_into("<I", t, 4, len(t))
t[9] = 0
t[9] = (-sum(t)) % 256
sys.stdout.buffer.write(bytes(t))
EOF
}

# ARGS:PXM:NODES
for run in "-p 1:1:2" "-p 1 -n 4:1:4" "--pxm=1 --nodes=8:1:8" \
	"-p 2 -n 2:2:2"; do
	args=${run%%:*} nodes=${run##*:}
	pxm=${run#*:}
	pxm=${pxm%:*}
	fresh "$tmp/o"
	# shellcheck disable=SC2086
	"$daxctl" split-acpi -d "$tmp/o" $args 2>"$tmp/o.err" </dev/null
	st=$?
	if [ "$st" -eq 0 ] &&
		check "$tables" "$tmp/o" "$pxm" "$nodes" >"$tmp/why" 2>&1
	then
		ok "split-acpi $args: each new table is the split"
	else
		echo "status $st" >>"$tmp/why"
		not_ok "split-acpi $args: each new table is the split"
	fi
	# Node 2 has the hotplug range, and no NVDIMM.
	if [ "$pxm" = 2 ]; then
		if [ ! -e "$tmp/o/nfit.dat.new" ]; then
			ok "split-acpi $args: no nfit.dat.new (no range of domain 2)"
		else
			not_ok "split-acpi $args: no nfit.dat.new (no range of domain 2)"
		fi
	fi
	if [ -z "$have_upstream" ]; then
		ok "split-acpi $args: as upstream's # SKIP no upstream daxctl"
		continue
	fi
	fresh "$tmp/u"
	# shellcheck disable=SC2086
	"$upstream" split-acpi -d "$tmp/u" $args 2>"$tmp/u.err" </dev/null
	for t in srat slit; do
		if cmp "$tmp/o/$t.dat.new" "$tmp/u/$t.dat.new" >"$tmp/why" 2>&1
		then
			ok "split-acpi $args: $t.dat.new is upstream's, byte for byte"
		else
			not_ok "split-acpi $args: $t.dat.new is upstream's"
		fi
	done
	if [ -e "$tmp/u/nfit.dat.new" ]; then
		norm "$tmp/u/nfit.dat.new" >"$tmp/u/nfit.norm"
		pad=$(($(wc -c <"$tmp/u/nfit.dat.new") - $(wc -c <"$tmp/u/nfit.norm")))
		if cmp "$tmp/o/nfit.dat.new" "$tmp/u/nfit.norm" >"$tmp/why" 2>&1
		then
			ok "split-acpi $args: nfit.dat.new is upstream's but its $pad zero bytes"
		else
			not_ok "split-acpi $args: nfit.dat.new is upstream's but its zeros"
		fi
	elif [ ! -e "$tmp/o/nfit.dat.new" ]; then
		ok "split-acpi $args: neither writes nfit.dat.new"
	else
		not_ok "split-acpi $args: upstream wrote no nfit.dat.new"
	fi
	if [ "$(sed "s|$tmp/o|D|" "$tmp/o.err")" = \
		"$(sed "s|$tmp/u|D|" "$tmp/u.err")" ]; then
		ok "split-acpi $args: upstream's messages ($(wc -l <"$tmp/o.err") lines)"
	else
		cat "$tmp/o.err" "$tmp/u.err" >"$tmp/why"
		not_ok "split-acpi $args: upstream's messages"
	fi
done

# refuse DESC STATUS SETUP ARGS...: status, one message, no .new file.
refuse() {
	desc=$1 want=$2 setup=$3
	shift 3
	fresh "$tmp/r"
	sh -c "$setup" sh "$tmp/r"
	"$daxctl" split-acpi -d "$tmp/r" "$@" >/dev/null 2>"$tmp/why" </dev/null
	st=$?
	if [ "$st" -eq "$want" ] && [ -s "$tmp/why" ] &&
		[ -z "$(ls "$tmp/r" | grep '\.new$')" ]; then
		: >"$tmp/why"
		ok "split-acpi: $desc (status $want, nothing written)"
	else
		ls "$tmp/r" >>"$tmp/why"
		not_ok "split-acpi: $desc: status $st, want $want"
	fi
}
refuse "domain 0 has more than one memory range" 1 : -p 0
refuse "no such domain" 1 : -p 7
refuse "--nodes 3 is not a power of 2" 2 : -p 1 -n 3
refuse "--nodes 1" 2 : -p 1 -n 1
refuse "--nodes 2048" 2 : -p 1 -n 2048
refuse "--pxm x" 2 : -p x
refuse "an argument" 2 : -p 1 extra
refuse "no slit.dat" 1 'rm "$1/slit.dat"' -p 1
refuse "no srat.dat" 1 'rm "$1/srat.dat"' -p 1
refuse "a bad SRAT checksum" 1 \
	'printf "\377" | dd of="$1/srat.dat" bs=1 seek=40 conv=notrunc 2>/dev/null' \
	-p 1
refuse "a truncated SRAT" 1 'truncate -s 100 "$1/srat.dat"' -p 1
refuse "an NFIT signature that is not one" 1 \
	'printf X | dd of="$1/nfit.dat" bs=1 conv=notrunc 2>/dev/null' -p 1
refuse "a SLIT with fewer localities than domains" 1 \
	'python3 -c "
import struct, sys
p = sys.argv[1] + \"/slit.dat\"
t = bytearray(open(p, \"rb\").read())
struct.pack_into(\"<Q\", t, 36, 1)
t = t[:45]
struct.pack_into(\"<I\", t, 4, len(t))
t[9] = 0
t[9] = (-sum(t)) % 256
open(p, \"wb\").write(t)" "$1"' -p 1
if [ -n "$have_upstream" ]; then
	for args in "-p 0" "-p 7" "-p 1 -n 3" "-p 1 -n 1"; do
		fresh "$tmp/u"
		# shellcheck disable=SC2086
		"$upstream" split-acpi -d "$tmp/u" $args >/dev/null 2>&1 </dev/null
		st=$?
		if [ "$st" -ne 0 ]; then
			ok "split-acpi $args: upstream refuses it too ($st)"
		else
			not_ok "split-acpi $args: upstream refuses it too"
		fi
	done
fi

# Without nfit.dat: the SRAT and the SLIT (upstream needs the NFIT); an
# nfit.dat.new left from before is removed.
fresh "$tmp/x"
rm "$tmp/x/nfit.dat"
echo stale >"$tmp/x/nfit.dat.new"
if "$daxctl" split-acpi -d "$tmp/x" -p 1 2>"$tmp/why" </dev/null &&
	[ -e "$tmp/x/srat.dat.new" ] && [ -e "$tmp/x/slit.dat.new" ] &&
	[ ! -e "$tmp/x/nfit.dat.new" ] && check "$tmp/x" "$tmp/x" 1 2 >>"$tmp/why" 2>&1
then
	ok "split-acpi without nfit.dat: the SRAT and SLIT, no nfit.dat.new"
else
	not_ok "split-acpi without nfit.dat: the SRAT and SLIT, no nfit.dat.new"
fi
echo "1..$n"
