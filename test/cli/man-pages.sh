#!/bin/sh
# Every command that -h lists has a man page once installed (its own, or
# a link to the page it shares) and is offered by bash completion; every
# long option a command's -h prints is in its man page and offered by
# completion after "--".  The completion functions run in bash, with
# stand-ins for bash-completion's helpers, against the built tools.
# Usage: man-pages.sh BUILD_DIR SOURCE_DIR
build=$1 src=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0
if ! meson install -C "$build" --no-rebuild --quiet --destdir "$dest" \
	>/dev/null 2>&1; then
	echo "not ok 1 - meson install into a scratch DESTDIR"
	echo "1..1"
	exit 0
fi
# cxl is installed as ndctl and daxctl are: the binary, its completion
# and cxl monitor's unit (the man pages are checked below).
n=$((n + 1))
missing=
for f in bin/cxl share/bash-completion/completions/cxl; do
	find "$dest" -path "*/$f" | grep -q . || missing="$missing $f"
done
find "$dest" -name cxl-monitor.service | grep -q . ||
	missing="$missing cxl-monitor.service"
if [ -n "$missing" ]; then
	echo "not ok $n - cxl is installed:$missing missing"
else
	echo "ok $n - cxl, its completion and cxl-monitor.service are installed"
fi
man1=$(find "$dest" -type d -name man1 | head -n1)
if [ -z "$man1" ]; then
	echo "# man pages are not built here (-Ddocs)"
	echo "1..$n"
	exit 0
fi
# point DESC COMMAND...: one test point, ok when COMMAND succeeds.
point() {
	desc=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
	fi
}
# complete TOOL WORD...: what TOOL's completion offers for the last WORD
# (the one being typed), one a line.
complete_words() {
	tool=$1
	shift
	bash -c '
		_init_completion() {
			words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
			cur=${COMP_WORDS[COMP_CWORD]}
			prev=${COMP_WORDS[COMP_CWORD-1]}
		}
		_filedir() { COMPREPLY=(@FILEDIR); }
		complete() { :; }
		. "$1"
		fn=$2 exe=$3
		shift 3
		COMP_WORDS=("$exe" "$@") COMP_CWORD=$#
		COMPREPLY=()
		"$fn" "$exe" "${COMP_WORDS[COMP_CWORD]}" \
			"${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"
	' sh "$src/contrib/completion/$tool" "_$tool" "$build/$tool/$tool" "$@"
}
not() {
	! "$@"
}
offers() {
	want=$1
	shift
	complete_words "$@" | grep -qx -- "$want"
}

for tool in ndctl daxctl cxl; do
	pages=$man1
	cmds=$("$build/$tool/$tool" -h | sed -n '/^commands:/,$p' |
		awk 'NR > 1 && /^ / { print $1 }')
	point "man $tool" test -e "$pages/$tool.1"
	for cmd in $cmds; do
		point "man $tool-$cmd" test -e "$pages/$tool-$cmd.1"
		# Upstream leaves create-nfit out of --list-cmds, and so
		# out of completion.
		if [ "$tool $cmd" = "ndctl create-nfit" ]; then
			point "completion does not offer $tool $cmd" \
				not offers "$cmd" "$tool" ""
		else
			point "completion offers $tool $cmd" \
				offers "$cmd" "$tool" ""
			point "completion offers $tool help $cmd" \
				offers "$cmd" "$tool" help ""
		fi
		opts=$("$build/$tool/$tool" "$cmd" -h |
			grep -o -- '--\(\[no-\]\)\{0,1\}[a-z][a-z-]*' |
			sed 's/\[no-\]//' | sort -u)
		page=$src/Documentation/$(basename "$(readlink -f \
			"$pages/$tool-$cmd.1")" .1).adoc
		for opt in $opts; do
			[ "$opt" = --help ] && continue
			point "man $tool-$cmd documents $opt" \
				grep -q -- "$opt" "$page"
			point "completion offers $tool $cmd $opt" \
				offers "$opt" "$tool" "$cmd" --
		done
	done
done
echo "1..$n"
