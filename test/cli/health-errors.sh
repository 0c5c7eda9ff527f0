#!/bin/sh
# Bad input to the error, health and firmware commands (start-scrub,
# wait-scrub, inject-error, clear-errors, inject-smart, monitor,
# update-firmware, activate-firmware) on a copy of a
# captured tree: each gets one line on stderr naming what it refused,
# status 2 for usage or 1 for a failure, and leaves the tree as it was.
# The tree is QEMU's NVDIMM: an ACPI NFIT bus without address range
# scrub, error injection or SMART, and without /dev, so nothing can be
# sent to a device.  What needs nfit_test runs in the conformance boot.
# Usage: health-errors.sh BUILD_DIR FIXTURE_DIR (the devdax fixture)
build=$1 fixture=$2
ndctl=$build/ndctl/ndctl
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tree=$dir/tree
n=0

mkdir -p "$tree"
cp -a "$fixture"/sys "$tree"/
before=$(tar -C "$tree" -cf - sys | md5sum)

# expect STATUS DESC PATTERN CMD...: the status, one error line on
# stderr matching PATTERN (grep -E; besides it only the pointer to
# --help after a bad option, and the NAME|all loop's summary), nothing
# on stdout, the tree unchanged.
. "$(dirname "$0")/refuse-lib.sh"
tree_sum() {
	tar -C "$tree" -cf - sys | md5sum
}
refuse_out=$dir/out refuse_err=$dir/err refuse_lines=exact
refuse_skip="^see '|^cleared [0-9]+ namespaces?|^updated [0-9]+ nmems?\.\$|^(passphrase (enabled|updated|removed) for|security froze|sanitized|waited for overwrite on) [0-9]+ nmems?\.\$"
refuse_stdout=empty refuse_state=tree_sum
expect() {
	want=$1 desc=$2 pattern=$3
	shift 3
	refuse "$want" "$desc" "$pattern" "$@"
}

S="--sysroot $tree"
ns=namespace1.0

# start-scrub, wait-scrub
expect 2 "start-scrub takes no --poll" "unknown option '--poll'" \
	$ndctl start-scrub --poll 1 $S
expect 2 "wait-scrub --poll x" "invalid --poll 'x'" \
	$ndctl wait-scrub --poll x $S
expect 2 "wait-scrub --poll -1" "invalid --poll '-1'" \
	$ndctl wait-scrub --poll -1 $S
expect 2 "wait-scrub --poll past a day" "invalid --poll '99999999'" \
	$ndctl wait-scrub --poll 99999999 $S
expect 1 "start-scrub of a bus that does not exist" \
	"nfit_test.9: no such bus" $ndctl start-scrub nfit_test.9 $S
expect 1 "start-scrub of a bus without ARS" \
	"ndbus0 \(ACPI.NFIT\): the bus has no address range scrub" \
	$ndctl start-scrub ACPI.NFIT $S
expect 1 "start-scrub of all when none has ARS" \
	"no bus offers address range scrub" $ndctl start-scrub $S
expect 1 "wait-scrub of a bus number that does not exist" \
	"ndbus7: no such bus" $ndctl wait-scrub ndbus7 $S
expect 1 "wait-scrub of a bus without ARS" \
	"the bus has no address range scrub" $ndctl wait-scrub ndbus0 $S

# inject-error
expect 2 "inject-error without a namespace" "name the namespace" \
	$ndctl inject-error --status $S
expect 2 "inject-error of two namespaces" \
	"unexpected argument 'namespace0.0'" \
	$ndctl inject-error $ns namespace0.0 --status $S
expect 2 "--status with --uninject" "cannot be combined with --uninject" \
	$ndctl inject-error $ns --status --uninject $S
expect 2 "--status with --block" "--status takes no --block" \
	$ndctl inject-error $ns --status --block 1 $S
expect 2 "--status with --no-notify" "--status takes no" \
	$ndctl inject-error $ns --status --no-notify $S
expect 2 "inject without --block and --count" \
	"injecting needs --block and --count" $ndctl inject-error $ns $S
expect 2 "inject with --block only" "needs --block and --count" \
	$ndctl inject-error $ns --block 8 $S
expect 2 "uninject with --count only" "--uninject needs --block" \
	$ndctl inject-error $ns --uninject --count 8 $S
expect 2 "--block that is not a number" "invalid --block 'x'" \
	$ndctl inject-error $ns --block x --count 1 $S
expect 2 "--count 0" "invalid --count '0': at least one block" \
	$ndctl inject-error $ns --block 1 --count 0 $S
expect 2 "--count -1" "invalid --count '-1'" \
	$ndctl inject-error $ns --block 1 --count -1 $S
expect 2 "a range past 2^64 bytes" "passes 2\^64 bytes" \
	$ndctl inject-error $ns --block 0x7fffffffffffff --count 2 $S
expect 1 "inject-error into a namespace that does not exist" \
	"namespace9.9: no such namespace" \
	$ndctl inject-error namespace9.9 --status $S
expect 1 "inject-error with a bus that does not exist" \
	"no bus matches 'nfit_test.9'" \
	$ndctl inject-error $ns --status -b nfit_test.9 $S
expect 1 "inject-error with a region that does not exist" \
	"no region matches 'region9'" \
	$ndctl inject-error $ns --status -r region9 $S
expect 1 "inject-error outside the region named" \
	"$ns: no such namespace within --bus/--region" \
	$ndctl inject-error $ns --status -r region0 $S
expect 1 "inject-error on a bus without error injection" \
	"bus ndbus0 \(ACPI.NFIT\) has no ARS error injection" \
	$ndctl inject-error $ns --block 0 --count 1 $S
expect 1 "inject-error --status on a bus without error injection" \
	"has no ARS error injection" $ndctl inject-error $ns --status $S

# clear-errors
expect 2 "clear-errors without a namespace" "name a namespace, or 'all'" \
	$ndctl clear-errors $S
expect 2 "clear-errors with an unknown option" "unknown option '--force'" \
	$ndctl clear-errors $ns --force $S
expect 1 "clear-errors of a namespace that does not exist" \
	"namespace9.9: no such namespace" \
	$ndctl clear-errors namespace9.9 $S
expect 1 "clear-errors with a bus that does not exist" \
	"no bus matches 'nfit_test.9'" $ndctl clear-errors all -b nfit_test.9 $S

# inject-smart
expect 2 "inject-smart without a DIMM" "name the DIMM" \
	$ndctl inject-smart -f $S
expect 2 "inject-smart of two DIMMs" "unexpected argument 'nmem1'" \
	$ndctl inject-smart nmem0 nmem1 -f $S
expect 2 "inject-smart of all" "does not take 'all'" \
	$ndctl inject-smart all -f $S
expect 2 "inject-smart with nothing to do" "nothing to do" \
	$ndctl inject-smart nmem0 $S
expect 2 "a temperature that is not a number" \
	"invalid --media-temperature 'hot'" $ndctl inject-smart nmem0 -m hot $S
expect 2 "a temperature past the encoding" \
	"invalid --media-temperature '5000'" \
	$ndctl inject-smart nmem0 -m 5000 $S
expect 2 "a temperature below the encoding" \
	"invalid --ctrl-temperature '-3000'" \
	$ndctl inject-smart nmem0 -c -3000 $S
expect 2 "a temperature of nan" "invalid --media-temperature 'nan'" \
	$ndctl inject-smart nmem0 -m nan $S
expect 2 "a threshold of 1e9 degrees" \
	"invalid --media-temperature-threshold '1e9'" \
	$ndctl inject-smart nmem0 -M 1e9 $S
expect 2 "spares of 101%" "invalid --spares '101': a percentage" \
	$ndctl inject-smart nmem0 -s 101 $S
expect 2 "spares of -1" "invalid --spares '-1'" \
	$ndctl inject-smart nmem0 -s -1 $S
expect 2 "a spares threshold of 200" "invalid --spares-threshold '200'" \
	$ndctl inject-smart nmem0 -S 200 $S
expect 2 "an alarm that is neither on nor off" \
	"invalid --spares-alarm 'maybe': on or off" \
	$ndctl inject-smart nmem0 --spares-alarm maybe $S
expect 2 "an alarm 'onx' (upstream takes its prefix)" \
	"invalid --media-temperature-alarm 'onx'" \
	$ndctl inject-smart nmem0 --media-temperature-alarm onx $S
expect 2 "a value and its uninject" \
	"--media-temperature and --media-temperature-uninject together" \
	$ndctl inject-smart nmem0 -m 40 --media-temperature-uninject $S
expect 2 "fatal and its uninject" "--fatal and --fatal-uninject together" \
	$ndctl inject-smart nmem0 -f -F $S
expect 2 "unsafe shutdown and its uninject" \
	"--unsafe-shutdown and --unsafe-shutdown-uninject together" \
	$ndctl inject-smart nmem0 -U --unsafe-shutdown-uninject $S
expect 1 "inject-smart of a DIMM that does not exist" \
	"nmem9: no such DIMM" $ndctl inject-smart nmem9 -f $S
expect 1 "inject-smart with a bus that does not exist" \
	"no bus matches 'bogus'" $ndctl inject-smart -b bogus nmem0 -f $S
expect 1 "inject-smart of a DIMM without SMART" \
	"nmem0: no SMART health is decoded for its DSM family; nothing was changed" \
	$ndctl inject-smart nmem0 -f $S

# update-firmware, activate-firmware: QEMU's DIMMs are of the Intel
# family with none of its firmware functions, and the bus has no
# firmware activation.
truncate -s 4096 "$dir/fw.img"
: >"$dir/fw.empty"
expect 2 "update-firmware without a DIMM" "name the DIMMs to update" \
	$ndctl update-firmware -f "$dir/fw.img" $S
expect 2 "update-firmware of a name that is no DIMM's" \
	"'namespace0.0' is not a DIMM name" \
	$ndctl update-firmware namespace0.0 -f "$dir/fw.img" $S
expect 2 "update-firmware --arm with --disarm" "--arm and --disarm together" \
	$ndctl update-firmware nmem0 -A -D $S
expect 2 "update-firmware with nothing to do" \
	"without --firmware, say --arm or --disarm" \
	$ndctl update-firmware nmem0 $S
expect 2 "update-firmware --no-arm alone" "--no-arm is not an action" \
	$ndctl update-firmware nmem0 --no-arm $S
expect 2 "update-firmware --no-disarm" "--no-disarm is not an action" \
	$ndctl update-firmware nmem0 -f "$dir/fw.img" --no-disarm $S
expect 1 "update-firmware with an empty image" \
	"firmware image '.*fw.empty': empty \(0 bytes\)" \
	$ndctl update-firmware nmem0 -f "$dir/fw.empty" $S
expect 1 "update-firmware with a directory for an image" \
	"firmware image '.*': not a regular file" \
	$ndctl update-firmware nmem0 -f "$dir" $S
expect 1 "update-firmware with an image that does not exist" \
	"firmware image '/nonexistent.img': No such file" \
	$ndctl update-firmware nmem0 -f /nonexistent.img $S
expect 1 "update-firmware where the platform offers no update" \
	"nmem0: firmware update: the platform does not offer all five" \
	$ndctl update-firmware nmem0 -f "$dir/fw.img" $S
expect 1 "update-firmware of a DIMM that does not exist" \
	"nmem9: no such DIMM" $ndctl update-firmware nmem9 -f "$dir/fw.img" $S
expect 1 "update-firmware --arm without firmware activation" \
	"nmem1: not armed: ndbus0 has no firmware activation" \
	$ndctl update-firmware nmem1 -A $S
expect 1 "activate-firmware of a bus that does not exist" \
	"ndbus9: no such bus" $ndctl activate-firmware ndbus9 $S
expect 1 "activate-firmware where no DIMM can be updated" \
	"ACPI.NFIT: ndbus0: has no DIMMs that support firmware update" \
	$ndctl activate-firmware --dry-run all $S

# The security commands: QEMU's DIMMs have no security attribute.
mkdir "$dir/keys"
expect 2 "setup-passphrase without -k" "setup-passphrase needs -k" \
	$ndctl setup-passphrase nmem0 $S
expect 2 "setup-passphrase without a DIMM" "name the DIMMs" \
	$ndctl setup-passphrase -k user:nvdimm-master $S
expect 2 "remove-passphrase of a region" "'region0' is not a DIMM name" \
	$ndctl remove-passphrase region0 $S
expect 2 "sanitize-dimm --crypto-erase with --overwrite" \
	"--crypto-erase and --overwrite together" \
	$ndctl sanitize-dimm -c -o nmem0 $S
expect 2 "sanitize-dimm --overwrite with --master-passphrase" \
	"--overwrite takes the user passphrase only, not --master-passphrase" \
	$ndctl sanitize-dimm -o -m nmem0 $S
expect 2 "sanitize-dimm --overwrite with --zero-key" \
	"--overwrite takes the user passphrase only, not --zero-key" \
	$ndctl sanitize-dimm -o -z nmem0 $S
expect 2 "sanitize-dimm --zero-key with --master-passphrase" \
	"--zero-key and --master-passphrase together" \
	$ndctl sanitize-dimm -z -m nmem0 $S
expect 1 "setup-passphrase on a DIMM without security" \
	"nmem0: the DIMM has no security interface" \
	$ndctl setup-passphrase nmem0 -k user:nvdimm-master $S
expect 1 "freeze-security on a DIMM without security" \
	"nmem1: the DIMM has no security interface" \
	$ndctl freeze-security nmem1 $S
expect 1 "wait-overwrite on a DIMM without security" \
	"nmem0: the DIMM has no security interface" \
	$ndctl wait-overwrite nmem0 $S
expect 1 "sanitize-dimm of a DIMM that does not exist" "nmem7: no such DIMM" \
	$ndctl sanitize-dimm nmem7 $S
expect 2 "load-keys with an argument" "unexpected argument 'nmem0'" \
	$ndctl load-keys nmem0
expect 1 "load-keys from a directory that does not exist" \
	"keys directory /nonexistent/keys: No such file" \
	$ndctl load-keys -p /nonexistent/keys
expect 1 "load-keys without a master key blob" \
	"nvdimm-master.blob: No such file" \
	$ndctl load-keys -p "$dir/keys"
mkdir "$dir/keys/nvdimm-master.blob"
expect 1 "load-keys with a directory for the master key blob" \
	"nvdimm-master.blob: not a regular file" \
	$ndctl load-keys -p "$dir/keys"

# monitor
printf '[monitor]\ndimm = nmem0\nfoo = bar\n' >"$dir/badkey.conf"
printf '[monitor]\ndimm nmem0\n' >"$dir/noeq.conf"
printf '[monitor\n' >"$dir/header.conf"
printf 'dimm-event = dimm-spares-remaining bogus\n' >"$dir/event.conf"
printf 'log = /a\nlog = /b\n' >"$dir/twolog.conf"
printf 'dimm = nmem0\000\n' >"$dir/nul.conf"
mkfifo "$dir/fifo.conf"
mkdir "$dir/confdir" "$dir/logdir"
: >"$dir/empty.conf"
expect 2 "monitor with an argument" "unexpected argument 'nmem0'" \
	$ndctl monitor nmem0 $S
expect 2 "monitor -D of an unknown event" \
	"--dimm-event: no DIMM event named 'bogus'" \
	$ndctl monitor -D bogus -c "$dir/empty.conf" $S
expect 2 "monitor -D with one good and one bad event" \
	"no DIMM event named 'nope'" \
	$ndctl monitor -D "dimm-health-state nope" -c "$dir/empty.conf" $S
expect 2 "monitor --poll x" "invalid --poll 'x'" $ndctl monitor -p x $S
expect 1 "monitor -c of a file that does not exist" \
	"config '/nonexistent.conf': No such file" \
	$ndctl monitor -c /nonexistent.conf $S
expect 1 "monitor -c with an unknown key" \
	"badkey.conf:3: unknown key 'foo'" \
	$ndctl monitor -c "$dir/badkey.conf" $S
expect 1 "monitor -c with a line that is not key = value" \
	"noeq.conf:2: 'dimm nmem0': expected key = value" \
	$ndctl monitor -c "$dir/noeq.conf" $S
expect 1 "monitor -c with an unclosed section header" \
	"header.conf:1: '\[monitor': a section header ends with" \
	$ndctl monitor -c "$dir/header.conf" $S
expect 1 "monitor -c naming an unknown event" \
	"event.conf: no DIMM event named 'bogus'" \
	$ndctl monitor -c "$dir/event.conf" $S
expect 1 "monitor -c with log given twice" "twolog.conf:2: log given twice" \
	$ndctl monitor -c "$dir/twolog.conf" $S
expect 1 "monitor -c of a file holding a NUL" "nul.conf: holds a NUL byte" \
	$ndctl monitor -c "$dir/nul.conf" $S
expect 1 "monitor -c of a FIFO" "fifo.conf': not a regular file" \
	$ndctl monitor -c "$dir/fifo.conf" $S
expect 1 "monitor -l in a directory that does not exist" \
	"cannot open log '/nonexistent/dir/log'" \
	$ndctl monitor -c "$dir/confdir" -l /nonexistent/dir/log $S
expect 1 "monitor -l of a directory" "cannot open log '$dir/logdir'" \
	$ndctl monitor -c "$dir/confdir" -l "$dir/logdir" $S
expect 1 "monitor -d of a DIMM that does not exist" \
	"no DIMM matches 'nmem9'" \
	$ndctl monitor -c "$dir/confdir" -d "nmem0 nmem9" $S
expect 1 "monitor -r of a region that does not exist" \
	"no region matches 'region9'" \
	$ndctl monitor -c "$dir/confdir" -r region9 $S
expect 1 "monitor -n of a namespace that does not exist" \
	"no namespace matches 'namespace9.9'" \
	$ndctl monitor -c "$dir/confdir" -n namespace9.9 $S
expect 1 "monitor -b of a bus that does not exist" \
	"no bus matches 'nfit_test.0'" \
	$ndctl monitor -c "$dir/confdir" -b nfit_test.0 $S
[ -e "$dir/logdir/x" ] && echo "not ok - a refused monitor wrote a log"

echo "1..$n"
