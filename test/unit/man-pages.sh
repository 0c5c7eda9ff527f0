#!/bin/sh
# Every command that --help lists has a man page once installed (its own,
# or a link to the page it shares), and a bash completion entry.
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
man1=$(find "$dest" -type d -name man1 | head -n1)
if [ -z "$man1" ]; then
	echo "1..0 # SKIP man pages are not built here (-Ddocs)"
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

for tool in ndctl daxctl; do
	cmds=$("$build/$tool/$tool" --help | sed -n '/^commands:/,$p' |
		awk 'NR > 1 && /^ / { print $1 }')
	for cmd in $cmds; do
		point "man $tool-$cmd" test -e "$man1/$tool-$cmd.1"
		point "completion knows $tool $cmd" \
			grep -q -- "$cmd" "$src/contrib/completion/$tool"
	done
done
# Commands whose page and completion are checked option by option: every
# long option --help prints must appear in both.
for page in ndctl-list daxctl-create-device ndctl-start-scrub ndctl-inject-error \
	ndctl-clear-errors ndctl-inject-smart ndctl-monitor; do
	tool=${page%%-*} cmd=${page#*-}
	opts=$("$build/$tool/$tool" "$cmd" --help |
		grep -o -- '--[a-z][a-z-]*' | sort -u)
	for opt in $opts; do
		[ "$opt" = --help ] && continue
		point "man $page documents $opt" \
			grep -q -- "$opt" "$src/Documentation/$page.adoc"
		point "completion knows $tool $cmd $opt" \
			grep -q -- "$opt" "$src/contrib/completion/$tool"
	done
done
echo "1..$n"
