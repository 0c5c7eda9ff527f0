#!/bin/sh
# daxctl split-acpi on a real machine's tables, taken by a real kernel:
# boot the acpi-tables guest (an NVDIMM alone on node 1) and ship its
# SRAT, SLIT, NFIT and SSDT; split node 1 in two with our daxctl; boot
# again with the new tables as an initrd ACPI override, and QEMU's SSDT
# with the NVDIMM root device's _FIT renamed (the nfit driver would take
# _FIT's table over any NFIT).  The kernel must take all four (the tables
# it reports are ours, byte for byte), with a clean log, and make two
# 512 MiB regions of the one NVDIMM, on nodes 1 and 3.  Prints one TAP
# stream.
# Usage: acpi-split.sh BUILD_DIR [KERNEL_DIR]
#   ACPI_SPLIT_KEEP=1 keeps the boots' output (its directory named on stderr).
build=$1 kernel=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
if [ -n "${ACPI_SPLIT_KEEP:-}" ]; then
	echo "acpi-split: output kept in $out" >&2
else
	trap 'rm -rf "$out"' EXIT
fi

# boot NAME [EARLY_CPIO]: the scenario's TAP, each line named NAME.
boot() {
	KEEP_OUTPUT=$out/$1 ACPI_EARLY_INITRD=${2:-} \
		"$here/run-scenario.sh" "$build" acpi-tables $kernel |
		grep -v '^1\.\.' |
		sed "s/^\(ok\|not ok\) [0-9]* - /\1 - $1 boot: /"
}
point() {
	desc=$1
	shift
	if "$@" >"$out/why" 2>&1; then
		echo "ok - $desc"
	else
		echo "not ok - $desc"
		sed 's/^/# /' "$out/why"
	fi
}

{
	boot first
	mkdir -p "$out/t" "$out/cpio/kernel/firmware/acpi"
	cp "$out"/first/acpi/srat.dat "$out"/first/acpi/slit.dat \
		"$out"/first/acpi/nfit.dat "$out/t/" 2>/dev/null
	point "split-acpi -p 1 -n 2 on the first boot's tables" \
		"$build/daxctl/daxctl" split-acpi -d "$out/t" -p 1 -n 2
	for t in srat slit nfit; do
		cp "$out/t/$t.dat.new" "$out/cpio/kernel/firmware/acpi/$t.aml" \
			2>/dev/null
	done
	# Linux's nfit driver builds the buses from the NVDIMM root
	# device's _FIT when it has one, not from the NFIT table: QEMU's
	# SSDT has it, and its _FIT returns QEMU's own one-range table.  The
	# same SSDT with the method renamed goes in beside the new tables
	# (an override: same signature and OEM ids).
	fit=
	for f in "$out"/first/acpi/ssdt*.dat; do
		[ -e "$f" ] || continue
		if "$here/../tools/aml-hide-fit.py" "$f" "$out/t/ssdt.new" \
			2>/dev/null; then
			fit=$(basename "$f")
			cp "$out/t/ssdt.new" \
				"$out/cpio/kernel/firmware/acpi/ssdt.aml"
			break
		fi
	done
	point "QEMU's SSDT has the NVDIMM root device's _FIT (renamed XFIT)" \
		test -n "$fit"
	(cd "$out/cpio" && find kernel | cpio -o -H newc 2>/dev/null) \
		>"$out/early.cpio"
	boot second "$out/early.cpio"
	for t in srat slit nfit; do
		point "the kernel took our $t.dat.new" \
			cmp "$out/second/acpi/$t.dat" "$out/t/$t.dat.new"
	done
	point "the kernel took our SSDT without _FIT" \
		cmp "$out/second/acpi/${fit:-none}" "$out/t/ssdt.new"
	point "the NVDIMM is two 512 MiB regions, on nodes 1 and 3" sh -c "
		cat '$out/second/acpi/regions'
		awk '{ print \$2, \$4 }' '$out/second/acpi/regions' | sort |
		tr '\n' ' ' | grep -qx '536870912 1 536870912 3 '"
} | awk '
	/^(ok|not ok)/ {
		n++
		sub(/^ok/, "ok " n) || sub(/^not ok/, "not ok " n)
	}
	{ print }
	END { print "1.." n }
'
