# shellcheck shell=sh
# refuse-lib.sh: the one checker for "this command must refuse" test points,
# sourced by the tests in test/cli and test/sysfs.  Each test keeps a small
# expect() that builds its command line and calls refuse; what differs
# between tests is set in these variables before the first call:
#
#   n              TAP test point counter (refuse adds one)
#   refuse_out     file for the command's stdout
#   refuse_err     file for the command's stderr
#   refuse_lines   how many stderr lines must be counted: exact (one, always),
#                  usage (one when the status wanted is 2), some (at least one
#                  when the status wanted is 2), any (no check; the default)
#   refuse_skip    ERE of stderr lines not counted (hints, progress lines)
#   refuse_stdout  what stdout may hold: any (default), empty, or a file
#                  whose exact contents are allowed as well as nothing
#   refuse_ctl     1: stderr must hold no raw control bytes
#   refuse_state   a function printing a snapshot of the state the command
#                  must leave alone; empty for no check
#   refuse_each    1: snapshot before every call; else compare with $before,
#                  which the test takes itself
#   refuse_quote   1: name the first stderr line in the ok line
#
# refuse WANT DESC PATTERN COMMAND...: run COMMAND (stdin /dev/null), check
# its status is WANT and stderr matches the ERE PATTERN (skipped if empty),
# then the line count, stdout and state as configured.  State is compared
# only when WANT is not 0: a command allowed to succeed may change it.

refuse_stderr_lines() {
	if [ -n "${refuse_skip:-}" ]; then
		grep -Evc -- "$refuse_skip" "$refuse_err"
	else
		wc -l <"$refuse_err"
	fi
}

refuse() {
	want=$1 desc=$2 pattern=$3
	shift 3
	n=$((n + 1))
	if [ -n "${refuse_state:-}" ] && [ "${refuse_each:-0}" = 1 ]; then
		before=$($refuse_state)
	fi
	"$@" >"$refuse_out" 2>"$refuse_err" </dev/null
	status=$?
	lines=$(refuse_stderr_lines)
	case ${refuse_lines:-any} in
	exact) lines_bad=$([ "$lines" -ne 1 ] && echo 1) ;;
	usage) lines_bad=$([ "$want" -eq 2 ] && [ "$lines" -ne 1 ] && echo 1) ;;
	some) lines_bad=$([ "$want" -eq 2 ] && [ "$lines" -lt 1 ] && echo 1) ;;
	*) lines_bad= ;;
	esac
	ctl=0
	if [ "${refuse_ctl:-0}" = 1 ]; then
		ctl=$(LC_ALL=C tr -dc '\000-\011\013-\037\177' <"$refuse_err" |
			wc -c)
	fi
	stdout_bad=
	case ${refuse_stdout:-any} in
	any) ;;
	empty) [ -s "$refuse_out" ] && stdout_bad=1 ;;
	*) [ -s "$refuse_out" ] && ! cmp -s "$refuse_out" "$refuse_stdout" &&
		stdout_bad=1 ;;
	esac
	state_bad=
	if [ -n "${refuse_state:-}" ] && [ "$want" -ne 0 ] &&
		[ "$($refuse_state)" != "$before" ]; then
		state_bad=1
	fi
	if [ "$status" -ne "$want" ]; then
		echo "not ok $n - $desc: status $status, want $want"
		sed 's/^/# /' "$refuse_err"
	elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$refuse_err"; then
		echo "not ok $n - $desc: no '$pattern' on stderr"
		sed 's/^/# /' "$refuse_err"
	elif [ -n "$lines_bad" ]; then
		echo "not ok $n - $desc: $lines lines on stderr"
		sed 's/^/# /' "$refuse_err"
	elif [ "$ctl" -ne 0 ]; then
		echo "not ok $n - $desc: $ctl raw control bytes on stderr"
		od -c "$refuse_err" | sed 's/^/# /'
	elif [ -n "$stdout_bad" ]; then
		echo "not ok $n - $desc: unexpected stdout"
		sed 's/^/# /' "$refuse_out"
	elif [ -n "$state_bad" ]; then
		echo "not ok $n - $desc: the tree changed"
	elif [ "${refuse_quote:-0}" = 1 ]; then
		echo "ok $n - $desc ($(head -n1 "$refuse_err" | cut -c1-80))"
	else
		echo "ok $n - $desc"
	fi
}
