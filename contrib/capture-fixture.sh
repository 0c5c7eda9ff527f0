#!/bin/sh
# Copy the sysfs state that ndctl and daxctl read (nd and dax buses, memory
# blocks, NUMA node meminfo) into a fixture directory, preserving paths and
# the bus/driver symlinks, and record what the upstream tools print for it.
#
# Run inside a guest (busybox is enough).  Usage: capture-fixture OUTDIR
#   CAPTURE_BUSES  the buses to copy (default "nd dax"; "cxl" for the CXL
#                  topology: ports, endpoints, decoders, regions, memdevs)
#   CAPTURE_LIST   a file of "tool args" lines to record instead of the
#                  ndctl/daxctl list below (/dev/null: none)
set -u

out=$1
mkdir -p "$out"

# A link's target directory, with the ACPI links inside it (a host
# bridge's dport is its ACPI device, whose physical_node is the PCI root).
copy_target() {
	local target=$1 sub

	mkdir -p "$out$target"
	for sub in physical_node firmware_node; do
		[ -L "$target/$sub" ] || continue
		[ -e "$out$target/$sub" ] || [ -L "$out$target/$sub" ] &&
			continue
		ln -sfn "$(readlink "$target/$sub")" "$out$target/$sub"
		mkdir -p "$out$(readlink -f "$target/$sub")"
	done
}

# Copy one sysfs directory recursively.  Attribute files that cannot be
# read in the current state (EIO, ENXIO, write-only) are left out.  The
# symlinks kept are "driver" (how a binding is seen), and "device" and
# "subsystem", which upstream's libraries follow from a control or dax
# device to its bus.  The CXL topology is links too: a port's "uport"
# (its host), its "dportN" (downstream ports) and "parent_dport", an
# endpoint's memdev, a dport's ACPI "physical_node" and "firmware_node".
copy_tree() {
	local src=$1 dst=$out$1 entry name

	mkdir -p "$dst"
	for entry in "$src"/* ; do
		[ -e "$entry" ] || [ -L "$entry" ] || continue
		name=${entry##*/}
		if [ -L "$entry" ]; then
			case $name in driver|device|subsystem)
				ln -sfn "$(readlink "$entry")" "$dst/$name" ;;
			uport|dport[0-9]*|parent_dport|physical_node|\
				firmware_node)
				# Their targets' paths are what they mean:
				# make each target directory, so the link
				# resolves in the copy as on the live system.
				ln -sfn "$(readlink "$entry")" "$dst/$name"
				copy_target "$(readlink -f "$entry")" ;;
			esac
			continue
		fi
		if [ -d "$entry" ]; then
			case $name in power|subsystem|firmware_node) continue ;; esac
			copy_tree "$entry"
		elif [ -f "$entry" ] && [ ! -e "$dst/$name" ]; then
			cat "$entry" >"$dst/$name" 2>/dev/null ||
				rm -f "$dst/$name"
		fi
	done
}

for bus in ${CAPTURE_BUSES:-nd dax}; do
	[ -d "/sys/bus/$bus" ] || continue
	mkdir -p "$out/sys/bus/$bus/devices" "$out/sys/bus/$bus/drivers"
	for drv in /sys/bus/$bus/drivers/*; do
		[ -d "$drv" ] && mkdir -p "$out$drv"
	done
	for dev in /sys/bus/$bus/devices/*; do
		[ -L "$dev" ] || continue
		ln -sfn "$(readlink "$dev")" "$out$dev"
		copy_tree "$(readlink -f "$dev")"
	done
done

# The class and device-number links into the trees copied above, which
# upstream's libraries walk (/sys/class/nd for the buses, /sys/dev/char
# from a device node's number, /sys/block for a namespace's bad blocks).
# A link whose device was not copied is left out.
for link in /sys/class/nd/* /sys/class/dax/* /sys/block/* /sys/dev/char/* \
	/sys/dev/block/*; do
	[ -L "$link" ] || continue
	target=$(readlink -f "$link")
	[ -d "$out$target" ] || continue
	mkdir -p "$out${link%/*}"
	ln -sfn "$(readlink "$link")" "$out$link"
done
mkdir -p "$out/sys/class/nd" "$out/sys/dev/char" "$out/sys/dev/block"

mem=/sys/devices/system/memory
mkdir -p "$out$mem"
for f in block_size_bytes auto_online_blocks; do
	cat "$mem/$f" >"$out$mem/$f"
done
for blk in "$mem"/memory*; do
	mkdir -p "$out$blk"
	for f in state valid_zones removable phys_index phys_device online; do
		[ -r "$blk/$f" ] && cat "$blk/$f" >"$out$blk/$f" 2>/dev/null
	done
done
for node in /sys/devices/system/node/node*; do
	mkdir -p "$out$node"
	cat "$node/meminfo" >"$out$node/meminfo"
	# Upstream's daxctl finds a device's memory blocks through these.
	for link in "$node"/memory*; do
		[ -L "$link" ] && ln -sfn "$(readlink "$link")" "$out$link"
	done
done

# Git keeps no empty directory, yet an empty one can matter (a driver's
# directory is what its binding link resolves to): mark each.
find "$out/sys" -type d | while read -r dir; do
	[ -n "$(ls -A "$dir")" ] || : >"$dir/.keep"
done

# What the upstream tools print for this state, to check ours against.
mkdir -p "$out/expected"
commands() {
	if [ -n "${CAPTURE_LIST:-}" ]; then
		cat "$CAPTURE_LIST"
		return
	fi
	cat <<'LIST'
ndctl list
ndctl list -B
ndctl list -D
ndctl list -R
ndctl list -N
ndctl list -Ni
ndctl list -RN
ndctl list -BDRN
ndctl list -Ri
ndctl list -r region0 -N
ndctl list -n namespace0.0
daxctl list
daxctl list -i
daxctl list -R
daxctl list -RD
daxctl list -DM
daxctl list -RDi
daxctl list -d dax0.0
daxctl list -r 0 -D
ndctl list -v
ndctl list -vv
ndctl list -vvv
ndctl list -vvv -u
ndctl list -Ru -vvv -r 0
ndctl list -RC
ndctl list -RM
ndctl list -NM
ndctl list -RNM
ndctl list -DH
ndctl list -DF
ndctl list -BDF
ndctl list -Nc
ndctl list -Rc
ndctl list -RDc
ndctl list -U 0
ndctl list -U 0 -BDRN
ndctl list -U 1 -N
ndctl list -X
ndctl list -RX
ndctl list -Du
ndctl list -RNu
LIST
}
i=0
commands | while read -r tool args; do
	i=$((i + 1))
	name=$(printf '%02d' "$i")
	echo "$tool $args" >"$out/expected/$name.cmd"
	# shellcheck disable=SC2086
	"$tool-upstream" $args >"$out/expected/$name.json" 2>/dev/null
done
