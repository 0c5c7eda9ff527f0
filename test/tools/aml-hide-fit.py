#!/usr/bin/env python3
"""Rename every _FIT method of an ACPI table (an SSDT or DSDT) to XFIT.

Linux's nfit driver evaluates the NVDIMM root device's _FIT at probe and,
when it returns a buffer, builds the buses from that instead of the NFIT
table (drivers/acpi/nfit/core.c, acpi_nfit_add()).  QEMU's _FIT hands back
QEMU's own table, so an NFIT override alone is never seen.  The name keeps
its four bytes, so the AML stays well formed; the OEM revision goes up
by one (Linux takes an initrd table over the firmware's only when its
revision is higher, as daxctl split-acpi's tables have theirs) and the
checksum is fixed.

Usage: aml-hide-fit.py IN OUT   (exit 1 when IN has no _FIT method)
"""
import sys


def pkglength_bytes(lead):
    """Bytes a PkgLength takes, from its lead byte (ACPI 6.x, 20.2.4)."""
    return (lead >> 6) + 1


def main():
    data = bytearray(open(sys.argv[1], "rb").read())
    found = 0
    pos = data.find(b"_FIT", 36)
    while pos >= 0:
        # MethodOp (0x14), a PkgLength of 1 to 4 bytes, then the name.
        for k in range(1, 5):
            op = pos - 1 - k
            if op >= 36 and data[op] == 0x14 and \
                    pkglength_bytes(data[op + 1]) == k:
                data[pos] = ord("X")
                found += 1
                break
        pos = data.find(b"_FIT", pos + 4)
    if not found:
        print("%s: no _FIT method" % sys.argv[1], file=sys.stderr)
        return 1
    rev = int.from_bytes(data[24:28], "little") + 1
    data[24:28] = (rev & 0xffffffff).to_bytes(4, "little")
    data[9] = 0
    data[9] = (256 - sum(data) % 256) % 256
    open(sys.argv[2], "wb").write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
