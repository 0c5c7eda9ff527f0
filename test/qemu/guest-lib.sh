# TAP helpers for guest scenarios; sourced by /test/run.
tap_count=0
tap_failed=0

ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $*"
}

not_ok() {
	tap_count=$((tap_count + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $*"
}

# check DESCRIPTION COMMAND...: one test point from a command's status.
check() {
	desc=$1
	shift
	if _check_out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc"
		echo "$_check_out" | sed 's/^/# /'
	fi
}

# State that no refused command may change: dax devices, memory blocks,
# every nd device with its driver and claim, and whatever the scenario's
# snapshot_extra prints (a label area, say).  A few processes in all: a
# fork per attribute is slow under TCG.
snapshot() {
	ls -l /sys/bus/dax/devices/*/driver /sys/bus/nd/devices/*/driver \
		2>/dev/null | sed 's/.* \(\/sys\/[^ ]*\) -> .*\/\([^/]*\)$/\1 \2/'
	grep -H . /sys/bus/dax/devices/*/size /sys/bus/dax/devices/*/align \
		/sys/devices/system/memory/memory*/state \
		/sys/bus/nd/devices/*/size /sys/bus/nd/devices/*/namespace \
		/sys/bus/nd/devices/*/mode /sys/bus/nd/devices/*/align \
		2>/dev/null
	if type snapshot_extra >/dev/null 2>&1; then
		snapshot_extra
	fi
}

# refuse DESC STATUS CMD...: CMD must exit STATUS, print one error line
# that names what it refused, and leave the snapshot unchanged.
refuse() {
	desc=$1 want=$2
	shift 2
	snapshot >/tmp/before
	"$@" >/tmp/out 2>/tmp/err
	rc=$?
	snapshot >/tmp/after
	if [ "$rc" != "$want" ]; then
		not_ok "$desc: status $rc, want $want"
		sed 's/^/# /' /tmp/err
	elif ! cmp -s /tmp/before /tmp/after; then
		not_ok "$desc: the system changed"
		diff /tmp/before /tmp/after | sed 's/^/# /'
	else
		ok "$desc ($(head -n1 /tmp/err | cut -c1-110))"
	fi
}

# run DESC CMD...: CMD must succeed; its stdout is kept in /tmp/out.
run() {
	desc=$1
	shift
	if "$@" >/tmp/out 2>/tmp/err; then
		ok "$desc"
	else
		not_ok "$desc: status $?"
		sed 's/^/# /' /tmp/err
	fi
}

# The dax device that claims namespace $1.
dax_of() {
	for c in /sys/bus/nd/devices/dax*; do
		[ "$(cat "$c/namespace" 2>/dev/null)" = "$1" ] || continue
		ls "$c" | grep '^dax[0-9]*\.[0-9]*$' && return
	done
}

# The region built on DIMM $1 (nmemN).
region_of() {
	for r in /sys/bus/nd/devices/region*; do
		case $(cat "$r/mapping0") in "$1",*) basename "$r" ;; esac
	done
}

# Ship a directory to the host as a base64 tar archive on the console.
ship() {
	echo "@@ARCHIVE $1"
	tar -C "$2" -cf - . | gzip | base64
	echo "@@END"
}

# Free pages, exactly: refresh the vmstat counters, then add the buddy
# allocator's free pages and the pages parked on per-CPU lists.
free_pages() {
	echo 1 >/proc/sys/vm/stat_refresh
	awk '$1 == "nr_free_pages" { n += $2 }
	     $1 == "count:" { n += $2 }
	     END { print n }' /proc/zoneinfo
}

# Every scenario ends here: fail on any kernel warning or bug, print the plan.
finish() {
	if dmesg | grep -E 'WARNING:|BUG:|KASAN|Oops|Call Trace' >/tmp/bad; then
		not_ok "kernel log is clean"
		sed 's/^/# /' /tmp/bad
		# The first report of each kind in full: its dump and
		# backtrace say where.
		dmesg | awk '/WARNING:|BUG:|KASAN:|Oops/ {
				k = $0; sub(/^\[[^]]*\] */, "", k)
				sub(/ at .*| in process .*|PID.*/, "", k)
				if (!(k in seen)) { seen[k] = 1; left = 40 }
			}
			left > 0 { print; left-- }' | sed 's/^/# report: /'
	else
		ok "kernel log is clean"
	fi
	echo "1..$tap_count"
}
