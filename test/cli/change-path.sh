#!/bin/sh
# The change path on copies of captured trees: the change lock, the
# intent journal a killed command leaves and the next command finishes,
# and messages that say only what was read back (issue 20: D1, D2, D4,
# D7).  Usage: change-path.sh BUILD_DIR FIXTURE_DIR (the fixtures folder)
build=$1 fixtures=$2
daxctl=$build/daxctl/daxctl ndctl=$build/ndctl/ndctl
inject=$build/test/fault-inject.so
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f /run/lock/memmap-tools@$(key "$work")*' EXIT
n=0

ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[ -s "$work/err" ] && sed 's/^/# /' "$work/err"
	fi
}

# What lock.c names a tree's lock and journal after.
key() {
	realpath "$1" | sed 's|^/||; s|/|-|g'
}

tree() {
	rm -rf "${work:?}/$1"
	cp -a "$fixtures/$2" "$work/$1"
	# The dax bus drivers, as files the commands can write.
	for d in device_dax kmem; do
		mkdir -p "$work/$1/sys/bus/dax/drivers/$d"
		for f in bind unbind new_id remove_id; do
			: >"$work/$1/sys/bus/dax/drivers/$d/$f"
		done
	done
}

sum() {
	(cd "$work/$1" && find . -type f | sort | xargs md5sum)
}

# D1: the kernel makes a device create-device cannot name.  Before the
# fix: a use-after-free (ASan) and "the device is removed again".
tree d1 devdax
region=$work/d1/sys/bus/nd/devices/dax0.0/dax_region
echo 1073741824 >"$region/available_size"
: >"$region/create"
"$daxctl" create-device -s 1G --sysroot "$work/d1" >/dev/null 2>"$work/err"
rc=$?
[ $rc -eq 1 ] && grep -q "no new device is left" "$work/err" &&
	! grep -q "removed again" "$work/err"
ok $? "create-device: a device it cannot name fails, saying what is left"
[ "$(wc -l <"$work/err")" -eq 1 ]
ok $? "create-device: the failure is one line"

# D2: the unbind does not take; nothing changes, and the message says
# so instead of "left raw and disabled".
tree d2 devdax
mkdir -p "$work/d2/sys/bus/nd/drivers/dax_pmem"
: >"$work/d2/sys/bus/nd/drivers/dax_pmem/unbind"
"$ndctl" create-namespace -e namespace0.0 -m devdax -a 1G -f \
	--sysroot "$work/d2" >/dev/null 2>"$work/err"
rc=$?
[ $rc -eq 1 ] && grep -q "nothing changed: still devdax, enabled" \
	"$work/err" && ! grep -q "left raw" "$work/err"
ok $? "create-namespace -e: a failed rewrite that changed nothing says so"
"$ndctl" list -n namespace0.0 --sysroot "$work/d2" 2>/dev/null |
	grep -q '"mode":"devdax"'
ok $? "create-namespace -e: the namespace still lists as devdax"

# D7: a zone asked of memory already online in the other zone.
tree d7 system-ram
dev=$(cd "$work/d7/sys/bus/dax/devices" && for d in *; do
	[ "$(basename "$(readlink "$d/driver")")" = kmem ] && echo "$d"
done | head -n 1)
before=$(sum d7)
"$daxctl" reconfigure-device "$dev" -m system-ram --no-movable \
	--sysroot "$work/d7" >/dev/null 2>"$work/err"
[ $? -eq 1 ] && grep -q "changes the zone only of offline memory" \
	"$work/err"
ok $? "reconfigure-device --no-movable on movable online memory refuses"
"$daxctl" online-memory "$dev" --no-movable --sysroot "$work/d7" \
	>/dev/null 2>"$work/err"
[ $? -eq 1 ] && grep -q "ZONE_MOVABLE" "$work/err"
ok $? "online-memory --no-movable on movable online memory refuses"
[ "$before" = "$(sum d7)" ]
ok $? "the refusals changed nothing"

# D4: one lock.  A change waits for it, then names who holds it and
# changes nothing; a read-only command does not wait.
tree lk devdax
lock=/run/lock/memmap-tools@$(key "$work/lk").lock
before=$(sum lk)
exec 9>"$lock"
echo "pid $$ (change-path.sh)" >&9
flock 9
MEMMAP_LOCK_WAIT=1 "$daxctl" reconfigure-device dax0.0 -m system-ram \
	--sysroot "$work/lk" >/dev/null 2>"$work/err"
[ $? -eq 1 ] && grep -q "another change is in progress (pid $$ (change-path.sh)" \
	"$work/err"
ok $? "a change while the lock is held fails, naming the holder"
MEMMAP_LOCK_WAIT=1 "$ndctl" disable-namespace namespace0.0 \
	--sysroot "$work/lk" >/dev/null 2>"$work/err"
[ $? -eq 1 ] && grep -q "another change is in progress" "$work/err"
ok $? "ndctl takes the same lock"
"$daxctl" list --sysroot "$work/lk" >/dev/null 2>"$work/err"
ok $? "list does not wait for the lock"
"$daxctl" reconfigure-device dax0.0 -m system-ram --dry-run \
	--sysroot "$work/lk" >/dev/null 2>"$work/err"
ok $? "--dry-run does not wait for the lock"
exec 9>&-
[ "$before" = "$(sum lk)" ]
ok $? "the tree is unchanged"

# The journal: killed at its first sysfs write, a reconfigure leaves a
# record; the next command (even list) puts the device back and removes
# it, in one line.
tree jr devdax
intent=/run/lock/memmap-tools@$(key "$work/jr").intent
FAULT_KILL_AT=1 LD_PRELOAD=$inject "$daxctl" reconfigure-device dax0.0 \
	-m system-ram --sysroot "$work/jr" >/dev/null 2>&1
[ $? -eq 137 ] && grep -q "kind=dax-reconfigure" "$intent"
ok $? "a reconfigure killed part-way leaves its intent record"
"$daxctl" list --sysroot "$work/jr" >/dev/null 2>"$work/err"
[ $? -eq 0 ] && [ ! -e "$intent" ] &&
	grep -q "back to devdax, as before an interrupted change" "$work/err" &&
	[ "$(wc -l <"$work/err")" -eq 1 ]
ok $? "the next command finishes it: one line, the record gone"

FAULT_KILL_AT=1 LD_PRELOAD=$inject "$daxctl" reconfigure-device dax0.0 \
	-m system-ram --sysroot "$work/jr" >/dev/null 2>&1
"$ndctl" list --sysroot "$work/jr" >/dev/null 2>"$work/err"
[ ! -e "$intent" ] && grep -q "back to devdax" "$work/err"
ok $? "ndctl finishes a daxctl record too"
printf 'kind=dax-frobnicate\n' >"$intent"
"$ndctl" disable-namespace namespace0.0 --sysroot "$work/jr" \
	>/dev/null 2>"$work/err"
[ $? -eq 1 ] && [ -e "$intent" ] && grep -q "does not know" "$work/err"
ok $? "a record of an unknown kind stops changes and stays"
rm -f "$intent"

# create-namespace killed at its first write leaves an ns-claim record
# that ndctl finishes.
tree jn devdax
for d in nd_pmem dax_pmem; do
	mkdir -p "$work/jn/sys/bus/nd/drivers/$d"
	: >"$work/jn/sys/bus/nd/drivers/$d/bind"
	: >"$work/jn/sys/bus/nd/drivers/$d/unbind"
done
intent=/run/lock/memmap-tools@$(key "$work/jn").intent
FAULT_KILL_AT=1 LD_PRELOAD=$inject "$ndctl" create-namespace -f \
	-e namespace0.0 -m fsdax --sysroot "$work/jn" >/dev/null 2>&1
[ $? -eq 137 ] && grep -q "kind=ns-claim" "$intent"
ok $? "a create-namespace killed part-way leaves its intent record"
"$ndctl" list --sysroot "$work/jn" >/dev/null 2>"$work/err"
[ $? -eq 0 ] && [ ! -e "$intent" ] &&
	grep -q "back to its claim before the interrupted change" "$work/err"
ok $? "ndctl list finishes it"

# A record nobody can read is reported, not acted on.
tree jb devdax
intent=/run/lock/memmap-tools@$(key "$work/jb").intent
printf 'kind=dax-reconfigure\n' >"$intent"
"$daxctl" reconfigure-device dax0.0 -m system-ram --sysroot "$work/jb" \
	>/dev/null 2>"$work/err"
[ $? -eq 1 ] && [ -e "$intent" ] && grep -q "unreadable record" "$work/err"
ok $? "an unreadable record stops changes and stays"
rm -f "$intent"

echo "1..$n"
