#!/bin/sh
# reconfigure-device --save-config on copies of a captured sysfs tree:
# the file is written atomically into the config directory and nowhere
# else (links planted at any name are never written through), concurrent
# saves never leave a file that fails to parse, a directory that cannot
# take the file is refused before the device changes (the tree stays
# byte for byte as it was), and a failed write leaves no temp file.
# Usage: save-config.sh BUILD_DIR FIXTURE_DIR (the devdax fixture)
build=$1 fixture=$2
daxctl=$build/daxctl/daxctl
inject=$build/test/fault-inject.so
base=$(mktemp -d)
trap 'chmod -R u+rwx "$base" 2>/dev/null; rm -rf "$base"' EXIT
chmod 755 "$base"
uuid=$(cat "$fixture"/sys/bus/nd/devices/namespace0.0/uuid)
n=0
err=$base/err

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	[ -s "$err" ] && sed 's/^/# /' "$err"
}

# check DESC COMMAND...: one TAP line for COMMAND's success.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# The pristine tree, with driver files so that a change writes into it:
# a reconfigure that got past its checks shows in the tree.
cp -a "$fixture" "$base/pristine"
drivers=$base/pristine/sys/bus/dax/drivers
mkdir -p "$drivers/device_dax" "$drivers/kmem"
: >"$drivers/device_dax/unbind"
: >"$drivers/device_dax/bind"
: >"$drivers/kmem/new_id"

fresh_tree() {
	rm -rf "$base/t"
	cp -a "$base/pristine" "$base/t"
}

same_tree() {
	diff -r --no-dereference "$base/pristine" "$base/t" >"$base/diff" 2>&1
}

# save DIR [TREE] [-m MODE]: --save-config for dax0.0 into DIR from TREE
# (default $base/t), a change of nothing (devdax to devdax) unless told.
save() {
	dir=$1 tree=${2:-$base/t} mode=${3:-devdax}
	"$daxctl" reconfigure-device dax0.0 -m "$mode" --save-config \
		--config-dir "$dir" --sysroot "$tree" >/dev/null 2>"$err"
}

# parses DIR: --check-config reads DIR without error and its section
# matches dax0.0 (whether the plan for it then passes is not asked:
# the fixture's align is 2M, and one of the saves is for 4K).
parses() {
	"$daxctl" reconfigure-device -C dax0.0 --dry-run --config-dir "$1" \
		--sysroot "$fixture" >/dev/null 2>"$err"
	grep -q "matches it" "$err"
}

# --- links planted where the old code wrote ---------------------------
fresh_tree
mkdir "$base/c"
echo precious >"$base/victim"
ln -s ../victim "$base/c/.$uuid.conf.tmp"
save "$base/c"
check "a save with a link planted at the old temp name succeeds" \
	[ $? -eq 0 ]
check "... and does not write through it" \
	grep -qx precious "$base/victim"
check "... and leaves the link alone" test -L "$base/c/.$uuid.conf.tmp"
check "... and the saved file is a regular file that parses" \
	sh -c "test -f '$base/c/$uuid.conf' && ! test -L '$base/c/$uuid.conf'"
parses "$base/c"
check "... that --check-config matches to dax0.0" [ $? -eq 0 ]

rm -rf "$base/c"
mkdir "$base/c"
echo "# precious" >"$base/victim"
ln -s ../victim "$base/c/$uuid.conf"
fresh_tree
save "$base/c" "$base/t" system-ram
status=$?
check "a link planted as the target .conf is refused" \
	sh -c "[ $status -eq 1 ] &&
		grep -q 'symbolic link, not a regular file' '$base/err'"
check "... before the device changes" same_tree
check "... and its target is not written" \
	grep -qx "# precious" "$base/victim"

# --- concurrent saves of different content into one directory ---------
# Tree a saves align 2M, tree b align 4K: the file must always be one of
# the two, whole, whatever the order; readers run among the writers.
cp -a "$fixture" "$base/a"
cp -a "$fixture" "$base/b"
echo 4096 >"$base/b/sys/bus/dax/devices/dax0.0/align"
for t in a b; do
	mkdir "$base/ref-$t"
	save "$base/ref-$t" "$base/$t"
done
rm -rf "$base/c"
mkdir "$base/c" "$base/st"
cp "$base/ref-a/$uuid.conf" "$base/c/"
i=0
while [ $i -lt 40 ]; do
	(err=$base/st/ea$i; save "$base/c" "$base/a"; echo $? >"$base/st/a$i") &
	(err=$base/st/eb$i; save "$base/c" "$base/b"; echo $? >"$base/st/b$i") &
	(err=$base/st/er$i; parses "$base/c"; echo $? >"$base/st/r$i") &
	i=$((i + 1))
done
wait
# show KIND: the first error of a failed job of that kind, for the log.
show() {
	for f in "$base/st/$1"*; do
		[ "$(cat "$f")" = 0 ] && continue
		sed 's/^/# /' "$base/st/e${f##*/}"
		return
	done
}
bad=$(cat "$base/st"/a* "$base/st"/b* | grep -cvx 0)
check "80 concurrent saves all succeed ($bad failed)" [ "$bad" -eq 0 ]
[ "$bad" -eq 0 ] || { show a; show b; }
bad=$(cat "$base/st"/r* | grep -cvx 0)
check "40 --check-config runs among them always read a whole file" \
	[ "$bad" -eq 0 ]
[ "$bad" -eq 0 ] || show r
parses "$base/c"
check "the file left parses" [ $? -eq 0 ]
check "... and is one of the two saves, whole" \
	sh -c "cmp -s '$base/c/$uuid.conf' '$base/ref-a/$uuid.conf' ||
		cmp -s '$base/c/$uuid.conf' '$base/ref-b/$uuid.conf'"
left=$(ls -A "$base/c" | grep -vxc "$uuid.conf")
check "no temp file is left behind ($left)" [ "$left" -eq 0 ]

# --- a directory that cannot take the file: refused before the change -
# refused DESC PATTERN DIR [RUNNER...]: a save that would change dax0.0
# to system-ram fails, with an error matching PATTERN, tree untouched.
refused() {
	desc=$1 pattern=$2 dir=$3
	shift 3
	fresh_tree
	[ $# -gt 0 ] && chown -R 65534:65534 "$base/t"
	"$@" "$daxctl" reconfigure-device dax0.0 -m system-ram --save-config \
		--config-dir "$dir" --sysroot "$base/t" >/dev/null \
		2>"$err"
	status=$?
	if ! same_tree; then
		sed 's/^/# /' "$base/diff"
		not_ok "$desc: the tree changed"
	elif [ $status -ne 1 ]; then
		not_ok "$desc: status $status, want 1"
	elif ! grep -q -- "$pattern" "$err"; then
		not_ok "$desc: want an error matching '$pattern'"
	else
		ok "$desc, before the device changed"
	fi
}

refused "a missing --config-dir is refused" "no such directory" \
	"$base/missing"
check "... and is not created" test ! -e "$base/missing"
: >"$base/plain"
refused "a --config-dir that is a file is refused" "is not a directory" \
	"$base/plain"
rm -rf "$base/real"
mkdir "$base/real"
ln -s real "$base/link"
refused "a --config-dir that is a symbolic link is refused" \
	"is a symbolic link" "$base/link"
refused "... also written with a trailing slash" "is a symbolic link" \
	"$base/link/"
check "... and nothing is written where it points" \
	sh -c "[ -z \"\$(ls -A '$base/real')\" ]"

# Root writes through permission bits, so the unwritable directory is
# tried as nobody, on a tree nobody may change.
mkdir "$base/ro"
chmod 555 "$base/ro"
if [ "$(id -u)" -eq 0 ]; then
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	if $as_nobody true 2>/dev/null; then
		refused "an unwritable --config-dir is refused" \
			"cannot write in .*Permission denied" "$base/ro" \
			$as_nobody
		# The directory is nobody's, so only the file can fail.
		mkdir "$base/unreadable"
		chown 65534:65534 "$base/unreadable"
		echo "# nobody may read this" >"$base/unreadable/a.conf"
		chmod 600 "$base/unreadable/a.conf"
		refused "a config file that cannot be read is refused" \
			"a.conf: cannot read: Permission denied" \
			"$base/unreadable" $as_nobody
	else
		ok "an unwritable --config-dir # SKIP no setpriv to drop root"
	fi
else
	refused "an unwritable --config-dir is refused" \
		"cannot write in .*Permission denied" "$base/ro"
fi

# --- a write that fails leaves the old file and no temp file ----------
rm -rf "$base/c"
mkdir "$base/c"
cp "$base/ref-a/$uuid.conf" "$base/c/"
# A sanitizer runtime linked into daxctl intercepts write() before any
# LD_PRELOAD library can.
if nm -D --defined-only "$daxctl" 2>/dev/null | grep -qw write; then
	ok "a failed write # SKIP write() is the sanitizer's in this build"
else
	LD_PRELOAD=$inject FAULT_PATH=".$uuid.conf." FAULT_ERRNO=28 \
		save "$base/c" "$base/b"
	status=$?
	check "a save whose write fails (ENOSPC) fails, naming the file" \
		sh -c "[ $status -eq 1 ] && grep -q \
			'$uuid.conf: No space left on device' '$base/err'"
	check "... the old file stays as it was" \
		cmp -s "$base/c/$uuid.conf" "$base/ref-a/$uuid.conf"
	left=$(ls -A "$base/c" | grep -vxc "$uuid.conf")
	check "... and its temp file is removed ($left left)" [ "$left" -eq 0 ]
fi
echo "1..$n"
