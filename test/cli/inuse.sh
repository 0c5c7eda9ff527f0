#!/bin/sh
# The in-use check's scan of the processes, on the host: the fixture's
# dax0.0 is given the device number of /dev/zero (1:5, a character device
# a process can map) and the scan must find a process that has it open,
# one that has it mapped with the descriptor closed (under another path
# than /dev/dax0.0: st_rdev decides), and the same mapping without
# CAP_SYS_ADMIN, where /proc/PID/map_files is closed and maps is read.
# Each check runs disable-device, which fails later in a captured tree;
# only its in-use line matters here.  In a PID namespace with its own
# /proc under the root, so no other process on the host is seen.
# Usage: inuse.sh BUILD_DIR FIXTURE_DIR
build=$1 fixture=$2
daxctl=$build/daxctl/daxctl

if [ "${INUSE_IN_PIDNS:-}" != 1 ]; then
	if ! unshare --pid --fork --mount true 2>/dev/null; then
		echo "1..0 # SKIP needs unshare --pid --mount (root)"
		exit 0
	fi
	INUSE_IN_PIDNS=1 exec unshare --pid --fork --mount "$0" "$@"
fi

root=$(mktemp -d)
trap 'umount "$root/proc" 2>/dev/null; rm -rf "$root"' EXIT
cp -a "$fixture"/. "$root"/
mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
# maps names files by path: the fallback stats them under the root.
ln -s /dev "$root/dev"
dax=$(readlink -f "$root/sys/bus/dax/devices/dax0.0")
echo 1:5 >"$dax/dev"
echo 4096 >"$dax/align"
# dax1.0 is /dev/full (1:7), which nothing here opens.
dax1=$(readlink -f "$root/sys/bus/dax/devices/dax1.0")
echo 1:7 >"$dax1/dev"
n=0

# holder open|map: a process with /dev/zero open, or mapped and closed.
# (libc mmap: Python's mmap object keeps a descriptor of its own.)
holder_py='
import ctypes, os, signal, sys
fd = os.open("/dev/zero", os.O_RDONLY)
if sys.argv[1] == "map":
    libc = ctypes.CDLL(None)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                          ctypes.c_int, ctypes.c_int, ctypes.c_long]
    PROT_READ, MAP_PRIVATE = 1, 2
    if libc.mmap(None, 65536, PROT_READ, MAP_PRIVATE, fd, 0) in (None, 2**64 - 1):
        sys.exit("mmap failed")
    os.close(fd)
    # 4,000 unmergeable mappings below it: 300 KiB of maps before its
    # line, so the fallback reads it in pieces.
    PROT_NONE, MAP_ANONYMOUS, page = 0, 0x20, 4096
    base = libc.mmap(None, 4000 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    libc.mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    for i in range(0, 4000, 2):
        libc.mprotect(base + i * page, page, PROT_READ)
print("held", flush=True)
signal.pause()
'
start_holder() {
	rm -f "$root/held"
	mkfifo "$root/held"
	python3 -c "$holder_py" "$1" >"$root/held" &
	holder=$!
	read -r _ <"$root/held"
}
stop_holder() {
	kill "$holder"
	wait "$holder" 2>/dev/null
}

# expect DESC WANT [PREFIX...]: the in-use line contains WANT ("" for
# no in-use line at all).
expect() {
	desc=$1 want=$2
	shift 2
	n=$((n + 1))
	"$@" "$daxctl" disable-device dax0.0 --sysroot "$root" \
		>/dev/null 2>"$root/err"
	line=$(grep 'is in use' "$root/err")
	if [ -z "$want" ] && [ -z "$line" ]; then
		echo "ok $n - $desc"
	elif [ -n "$want" ] && echo "$line" | grep -qF -- "$want"; then
		echo "ok $n - $desc ($line)"
	else
		echo "not ok $n - $desc: want '$want'"
		sed 's/^/# /' "$root/err"
	fi
}

expect "nothing holds it" ""
start_holder open
expect "open by a process" "/dev/dax0.0 is open by process $holder ("
stop_holder
start_holder map
expect "mapped by a process, the fd closed" \
	"/dev/dax0.0 is mapped by process $holder ("
expect "mapped, seen through maps without CAP_SYS_ADMIN" \
	"/dev/dax0.0 is mapped by process $holder (" \
	setpriv --bounding-set=-sys_admin,-checkpoint_restore \
	--inh-caps=-sys_admin,-checkpoint_restore
# One command, two devices: the second is answered from what the walk
# for the first saw, or resumes it.
both() {
	n=$((n + 1))
	"$daxctl" disable-device "$1" "$2" --sysroot "$root" >/dev/null \
		2>"$root/err"
	if [ "$(grep -c 'is in use' "$root/err")" = 1 ] &&
		grep -q "dax0.0 is in use: .* mapped by process $holder " \
			"$root/err"; then
		echo "ok $n - $1 then $2: only dax0.0 is in use"
	else
		echo "not ok $n - $1 then $2: only dax0.0 is in use"
		sed 's/^/# /' "$root/err"
	fi
}
both dax1.0 dax0.0
both dax0.0 dax1.0
stop_holder
expect "let go" ""

# The kernel's count of open device-dax files: the device_dax module's
# refcnt, less one per module in its holders/.  Equal, nothing is open
# and no process is read (the holder of "dax0.0", /dev/zero here, is not
# a device_dax file, so only a scan could see it); more, or no refcnt
# (built in), or one that does not parse, and the scan answers.
mod=$root/sys/module/device_dax
mkdir -p "$mod/holders"
start_holder map
echo 0 >"$mod/refcnt"
expect "refcnt 0, no holders: no open dax file, no scan" ""
echo 1 >"$mod/refcnt"
ln -s ../../dax_pmem "$mod/holders/dax_pmem"
expect "refcnt 1, one holder module: no scan" ""
echo 3 >"$mod/refcnt"
expect "refcnt past the holders: the scan finds it" \
	"/dev/dax0.0 is mapped by process $holder ("
echo bogus >"$mod/refcnt"
expect "refcnt that does not parse: the scan finds it" \
	"/dev/dax0.0 is mapped by process $holder ("
echo 1 >"$mod/refcnt"
rm -r "$mod/holders"
expect "holders/ unreadable: the scan finds it" \
	"/dev/dax0.0 is mapped by process $holder ("
rm -r "$mod"
expect "no refcnt (built in): the scan finds it" \
	"/dev/dax0.0 is mapped by process $holder ("
stop_holder
echo "1..$n"
