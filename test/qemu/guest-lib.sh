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
	else
		ok "kernel log is clean"
	fi
	echo "1..$tap_count"
}
