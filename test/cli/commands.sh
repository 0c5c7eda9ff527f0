#!/bin/sh
# What both tools take before and around a command, beside upstream's
# (NDCTL_UPSTREAM, DAXCTL_UPSTREAM; Debian's /usr/bin/ndctl and daxctl by
# default, skipped when absent): --list-cmds in upstream's order, -v,
# help CMD opening the man page as upstream does (a stand-in man records
# what it is asked) or the options when man has no page, --list-opts with
# every long option upstream's command takes, --no-X for every switch.
# Usage: commands.sh BUILD_DIR FIXTURE_DIR MANDIR
build=$1 fixture=$2 mandir=$3
ndctl_up=${NDCTL_UPSTREAM:-/usr/bin/ndctl}
daxctl_up=${DAXCTL_UPSTREAM:-/usr/bin/daxctl}
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
# point DESC COMMAND...: ok when COMMAND succeeds.
point() {
	desc=$1
	shift
	if "$@" >"$tmp/why" 2>&1; then
		ok "$desc"
	else
		not_ok "$desc"
	fi
}
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}
# Upstream's binary is a reference only when it is upstream's 7x or 8x.
is_upstream() {
	case $("$1" --version 2>/dev/null) in
	7[0-9] | 7[0-9].* | 8[0-9] | 8[0-9].*) return 0 ;;
	esac
	return 1
}
# Options upstream's 76.1 had that v81, which these tools follow, dropped:
# create-device took reconfigure-device's.
dropped() {
	case $("$4" --version 2>/dev/null) in
	8[0-9]*) return 1 ;;
	esac
	case "$1 $2 $3" in
	"daxctl create-device --no-online" | "daxctl create-device --force" |\
	"daxctl create-device --check-config" |\
	"daxctl create-device --no-movable") return 0 ;;
	esac
	return 1
}
# Upstream's setup-passphrase and update-passphrase share an option
# table without its terminating entry, so its --list-opts runs on into
# the next table's (init-labels': --force, --label-version): options
# those commands do not have.
overrun() {
	case "$1 $2 $3" in
	"ndctl setup-passphrase --force" | "ndctl setup-passphrase --label-version" |\
	"ndctl update-passphrase --force" | "ndctl update-passphrase --label-version") return 0 ;;
	esac
	return 1
}
# The commands this project adds; every other one is upstream's.
ours_only() {
	[ "$1 $2" = "daxctl plan" ]
}

# A stand-in for man(1): -w answers whether FAKE_MAN_PAGES names the
# page; anything else is recorded (MANPATH and the arguments).
mkdir "$tmp/bin"
cat >"$tmp/bin/man" <<'EOF'
#!/bin/sh
if [ "$1" = -w ]; then
	for p in $FAKE_MAN_PAGES; do
		[ "$p" = "$2" ] && exit 0
	done
	exit 16
fi
printf '%s|%s\n' "$MANPATH" "$*" >>"$FAKE_MAN_LOG"
EOF
chmod +x "$tmp/bin/man"
# man_call TOOL_BINARY ARGS...: what man was asked, one line per call.
man_call() {
	: >"$tmp/man.log"
	PATH=$tmp/bin:$PATH FAKE_MAN_LOG=$tmp/man.log \
		FAKE_MAN_PAGES="ndctl daxctl ndctl-list daxctl-reconfigure-device" \
		MANPATH=/old/man "$@" >"$tmp/man.out" 2>&1
	echo "status $?" >>"$tmp/man.log"
	cat "$tmp/man.log"
}

for tool in ndctl daxctl; do
	ours=$build/$tool/$tool
	up=$ndctl_up
	[ "$tool" = daxctl ] && up=$daxctl_up

	# --list-cmds: one name a line, upstream's order.
	"$ours" --list-cmds >"$tmp/cmds" 2>"$tmp/why"
	if [ $? -eq 0 ] && [ -s "$tmp/cmds" ] &&
		! grep -qv '^[a-z][a-z-]*$' "$tmp/cmds"; then
		ok "$tool --list-cmds: one command a line"
	else
		not_ok "$tool --list-cmds: one command a line"
	fi
	point "$tool --list-cmds names version and help, as upstream's" \
		sh -c "grep -qx version '$tmp/cmds' && grep -qx help '$tmp/cmds'"
	if is_upstream "$up"; then
		"$up" --list-cmds >"$tmp/up-cmds" 2>/dev/null
		# Ours, less our own commands, in upstream's order.
		: >"$tmp/ours-up"
		missing=
		while read -r c; do
			ours_only "$tool" "$c" && continue
			echo "$c" >>"$tmp/ours-up"
			grep -qx -- "$c" "$tmp/up-cmds" || missing="$missing $c"
		done <"$tmp/cmds"
		grep -Fxf "$tmp/ours-up" "$tmp/up-cmds" >"$tmp/up-ours"
		if [ -z "$missing" ] && cmp -s "$tmp/ours-up" "$tmp/up-ours"; then
			ok "$tool --list-cmds: upstream's order ($(wc -l <"$tmp/ours-up") commands)"
		else
			diff "$tmp/up-ours" "$tmp/ours-up" >"$tmp/why"
			echo "not upstream's:$missing" >>"$tmp/why"
			not_ok "$tool --list-cmds: upstream's order"
		fi
	else
		skip "$tool --list-cmds: upstream's order" "no upstream $tool"
	fi

	# -v, --version and version: the one version line.
	v=$("$ours" version)
	if [ -n "$v" ] && [ "$("$ours" -v)" = "$v" ] &&
		[ "$("$ours" --version)" = "$v" ]; then
		ok "$tool -v and --version print the version ($v)"
	else
		not_ok "$tool -v and --version print the version"
	fi
	point "$tool -h prints the command table" \
		sh -c "'$ours' -h | grep -q '^commands:'"

	# help CMD, CMD --help, --help CMD, -h CMD: man TOOL-CMD, with our
	# man directory first in MANPATH, as upstream asks man.
	cmd=list
	[ "$tool" = daxctl ] && cmd=reconfigure-device
	for args in "help $cmd" "$cmd --help" "--help $cmd" "-h $cmd" \
		"help $tool"; do
		page=$tool-$cmd
		[ "$args" = "help $tool" ] && page=$tool
		# shellcheck disable=SC2086
		got=$(man_call "$ours" $args)
		if [ "$got" = "$mandir:/old/man|$page
status 0" ]; then
			ok "$tool $args: man $page, $mandir first in MANPATH"
		else
			echo "$got" >"$tmp/why"
			not_ok "$tool $args: man $page"
		fi
		if is_upstream "$up"; then
			# shellcheck disable=SC2086
			upgot=$(man_call "$up" $args)
			if [ "${upgot#*|}" = "${got#*|}" ] &&
				[ "${upgot%%|*}" != "$upgot" ] &&
				[ "${upgot%%|*}" = "${upgot%%:/old/man|*}:/old/man" ]; then
				ok "$tool $args: upstream asks man the same"
			else
				printf 'ours: %s\nupstream: %s\n' "$got" "$upgot" >"$tmp/why"
				not_ok "$tool $args: upstream asks man the same"
			fi
		fi
	done
	# --help elsewhere than right after the command: the options.
	got=$(man_call "$ours" "$cmd" -r 0 --help)
	if [ "$got" = "status 0" ] && grep -q "^usage: $tool $cmd" "$tmp/man.out"
	then
		ok "$tool $cmd -r 0 --help: the options, no man"
	else
		echo "$got" >"$tmp/why"
		not_ok "$tool $cmd -r 0 --help: the options, no man"
	fi
	# No page, or no man at all: the command's options instead.
	other=$(grep -vx "version\|help\|list\|$cmd" "$tmp/cmds" | head -n1)
	got=$(man_call "$ours" help "$other")
	if [ "$got" = "status 0" ] &&
		grep -q "^usage: $tool $other" "$tmp/man.out"; then
		ok "$tool help $other without a page: its options"
	else
		echo "$got" >"$tmp/why"
		not_ok "$tool help $other without a page: its options"
	fi
	if PATH=/nonexistent "$ours" help "$cmd" >"$tmp/out" 2>&1 &&
		grep -q "^usage: $tool $cmd" "$tmp/out"; then
		ok "$tool help $cmd without man: its options"
	else
		cp "$tmp/out" "$tmp/why"
		not_ok "$tool help $cmd without man: its options"
	fi
	var=$(echo "$tool" | tr a-z A-Z)_MAN_VIEWER
	: >"$tmp/man.log"
	env "$var=nosuchviewer" PATH="$tmp/bin:$PATH" FAKE_MAN_LOG="$tmp/man.log" \
		FAKE_MAN_PAGES="$tool-$cmd" "$ours" help "$cmd" >/dev/null \
		2>"$tmp/err"
	if grep -q "'nosuchviewer': unknown man viewer" "$tmp/err" &&
		grep -q "|$tool-$cmd\$" "$tmp/man.log"; then
		ok "$tool: an unknown $var is said, then man is asked"
	else
		cat "$tmp/err" "$tmp/man.log" >"$tmp/why"
		not_ok "$tool: an unknown $var is said, then man is asked"
	fi
	point "$tool help nosuchcmd: a usage error" \
		sh -c "'$ours' help nosuchcmd 2>/dev/null; [ \$? -eq 2 ]"

	# --list-opts: every long option upstream's command takes is ours
	# too, printed as upstream prints them (one line, each then a
	# space).
	for c in $(grep -vx 'version\|help' "$tmp/cmds") \
		$([ "$tool" = ndctl ] && echo create-nfit); do
		lo=$("$ours" "$c" --list-opts 2>"$tmp/why")
		st=$?
		# A command without options prints nothing, as upstream's.
		if [ "$st" -ne 0 ] ||
			{ [ -n "$lo" ] &&
			  [ "$(printf '%s' "$lo" | tail -c1)" != " " ]; } ||
			[ "$("$ours" "$c" --list-opts | wc -l)" -ne 0 ]; then
			not_ok "$tool $c --list-opts: one line, status 0 ($st)"
			continue
		fi
		ours_only "$tool" "$c" && {
			ok "$tool $c --list-opts (ours only)"
			continue
		}
		if ! is_upstream "$up"; then
			skip "$tool $c takes upstream's options" "no upstream"
			continue
		fi
		miss=
		for o in $("$up" "$c" --list-opts 2>/dev/null); do
			[ "$o" = "--(null)" ] && continue
			dropped "$tool" "$c" "$o" "$up" && continue
			overrun "$tool" "$c" "$o" && continue
			case " $lo " in
			*" $o "*) ;;
			*) miss="$miss $o" ;;
			esac
		done
		if [ -z "$miss" ]; then
			ok "$tool $c takes every long option upstream's does"
		else
			echo "missing:$miss" >"$tmp/why"
			not_ok "$tool $c takes every long option upstream's does"
		fi
	done
done

# --no-X: every switch of the list commands is taken negated, by ours
# and by upstream's, and undoes the switch before it.
for tool in ndctl daxctl; do
	ours=$build/$tool/$tool
	up=$ndctl_up
	[ "$tool" = daxctl ] && up=$daxctl_up
	"$ours" list --sysroot "$fixture" >"$tmp/plain" 2>/dev/null
	for s in $(printf '%s\n' $("$ours" list --list-opts) | sed 's/^--//'); do
		"$ours" list -h | grep -Eq -- "--$s( |$)" || continue
		"$ours" list -h | grep -Eq -- "--$s <" && continue
		"$ours" list "--$s" "--no-$s" --sysroot "$fixture" \
			>"$tmp/neg" 2>"$tmp/why"
		if [ $? -eq 0 ] && cmp -s "$tmp/plain" "$tmp/neg"; then
			ok "$tool list --$s --no-$s: as if neither"
		else
			not_ok "$tool list --$s --no-$s: as if neither"
		fi
		if is_upstream "$up"; then
			"$up" list "--no-$s" >/dev/null 2>"$tmp/why"
			st=$?
			if [ "$st" -ne 129 ]; then
				ok "$tool list --no-$s: upstream takes it too"
			else
				not_ok "$tool list --no-$s: upstream takes it too"
			fi
		fi
	done
done
# A value option's --no- form: back to not given.
"$build/ndctl/ndctl" list -R --sysroot "$fixture" >"$tmp/plain" 2>/dev/null
point "ndctl list -r 0 --no-region: every region again" sh -c \
	"'$build/ndctl/ndctl' list -R -r 0 --no-region --sysroot '$fixture' |
	cmp -s - '$tmp/plain'"
# A switch named no-X takes --X as its negation (upstream's parser).
d=$build/daxctl/daxctl
point "daxctl reconfigure-device -N --online: the memory is onlined" sh -c \
	"'$d' reconfigure-device dax0.0 -m system-ram -N --online --dry-run \
	--sysroot '$fixture' 2>/dev/null | grep -q '\"online the memory'"
point "daxctl reconfigure-device -N: it is not" sh -c \
	"! '$d' reconfigure-device dax0.0 -m system-ram -N --dry-run \
	--sysroot '$fixture' 2>/dev/null | grep -q '\"online the memory'"
point "a switch given a value: a usage error" sh -c \
	"'$build/ndctl/ndctl' list --idle=1 --sysroot '$fixture' 2>/dev/null;
	[ \$? -eq 2 ]"
echo "1..$n"
