#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# golden.sh - boot Debian's real kernel under QEMU on a given PCI topology
# and write a machine bundle (see DESIGN.md, "The machine bundle") holding
# what the real kernel saw and decided: ACPI tables, PCI config spaces,
# IOMMU registers, command line, cpuinfo, and under expected/ the IOMMU
# groups and the kernel log.
#
# Usage:
#   golden.sh [--cmdline "extra kernel args"] [--iommu intel|amd]
#             [--iommu-opts OPTS] [--cpu MODEL] [--timeout SECONDS]
#             OUTDIR -- <qemu args...>
#   golden.sh --from BUNDLE/qemu-args OUTDIR     (regenerate a bundle)
#
# Everything after "--" is passed to QEMU verbatim (normally -device
# options, plus -blockdev/-netdev back-ends they need).
#
# --iommu-opts replaces the IOMMU device's options: the device becomes
# "intel-iommu,OPTS" (or "amd-iommu,OPTS"; plain "intel-iommu" if OPTS is
# empty).  Default "intremap=on".  --cpu sets QEMU's -cpu (default "max").
# Both are recorded in the bundle's qemu-args only when not the default, so
# bundles made before these options existed regenerate unchanged.
#
# Environment:
#   ISOFUZZ_CACHE       cache root (default ~/.cache/isofuzz); the kernel
#                       and initramfs live in $ISOFUZZ_CACHE/qemu
#   ISOFUZZ_KERNEL_DEB  use this linux-image .deb instead of apt-get download
#   ISOFUZZ_KEEP_LOG=1  keep the raw serial log even on success
#
# Exit status: 0 bundle written; 1 boot failed, timed out or dump
# incomplete; 2 usage error.

set -euo pipefail

KPKG=linux-image-6.12.117+deb12-amd64
KVER=6.12.117+deb12-amd64
PROG=${0##*/}

die()   { echo "$PROG: error: $*" >&2; exit 1; }
usage() {
	cat >&2 <<EOF
usage: $PROG [--cmdline "extra kernel args"] [--iommu intel|amd] [--iommu-opts OPTS]
             [--cpu MODEL] [--timeout S] OUTDIR -- <qemu args...>
       $PROG --from BUNDLE/qemu-args OUTDIR
EOF
	exit 2
}

# ---------------------------------------------------------------- arguments
EXTRA_CMDLINE=
IOMMU=intel
DEF_IOMMU_OPTS=intremap=on
DEF_CPU=max
IOMMU_OPTS=$DEF_IOMMU_OPTS
CPU=$DEF_CPU
TIMEOUT=120
FROM=
OUTDIR=
QARGS=()

while [ $# -gt 0 ]; do
	case $1 in
	--cmdline)   [ $# -ge 2 ] || usage; EXTRA_CMDLINE=$2; shift 2 ;;
	--cmdline=*) EXTRA_CMDLINE=${1#*=}; shift ;;
	--iommu)     [ $# -ge 2 ] || usage; IOMMU=$2; shift 2 ;;
	--iommu=*)   IOMMU=${1#*=}; shift ;;
	--iommu-opts)   [ $# -ge 2 ] || usage; IOMMU_OPTS=$2; shift 2 ;;
	--iommu-opts=*) IOMMU_OPTS=${1#*=}; shift ;;
	--cpu)       [ $# -ge 2 ] || usage; CPU=$2; shift 2 ;;
	--cpu=*)     CPU=${1#*=}; shift ;;
	--timeout)   [ $# -ge 2 ] || usage; TIMEOUT=$2; shift 2 ;;
	--from)      [ $# -ge 2 ] || usage; FROM=$2; shift 2 ;;
	-h|--help)   usage ;;
	--)          shift; QARGS=("$@"); break ;;
	-*)          echo "$PROG: unknown option $1" >&2; usage ;;
	*)           [ -z "$OUTDIR" ] || { echo "$PROG: two OUTDIRs: $OUTDIR $1 (forgot --?)" >&2; usage; }
	             OUTDIR=$1; shift ;;
	esac
done

if [ -n "$FROM" ]; then
	# qemu-args format: "iommu X", "cmdline REST-OF-LINE", "arg ONE-QEMU-ARG",
	# and optionally "iommu-opts OPTS" and "cpu MODEL" (absent = defaults)
	[ -r "$FROM" ] || die "cannot read $FROM"
	[ ${#QARGS[@]} -eq 0 ] || { echo "$PROG: --from takes no qemu args" >&2; usage; }
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		'#'*|'') ;;
		'iommu '*)   IOMMU=${line#iommu } ;;
		'cmdline')   EXTRA_CMDLINE= ;;
		'cmdline '*) EXTRA_CMDLINE=${line#cmdline } ;;
		'iommu-opts')   IOMMU_OPTS= ;;
		'iommu-opts '*) IOMMU_OPTS=${line#iommu-opts } ;;
		'cpu '*)     CPU=${line#cpu } ;;
		'arg '*)     QARGS+=("${line#arg }") ;;
		*) die "$FROM: unrecognised line: $line" ;;
		esac
	done < "$FROM"
fi

[ -n "$OUTDIR" ] || usage
case $IOMMU in intel|amd) ;; *) echo "$PROG: --iommu must be intel or amd" >&2; usage ;; esac
case $TIMEOUT in ''|*[!0-9]*) echo "$PROG: --timeout must be a number" >&2; usage ;; esac
case $EXTRA_CMDLINE in *$'\n'*) echo "$PROG: --cmdline must be one line" >&2; usage ;; esac
# QEMU property lists: name=value pairs joined by commas, no spaces
case $IOMMU_OPTS in
*[!A-Za-z0-9_.=,+-]*|,*|*,|*,,*)
	echo "$PROG: --iommu-opts must be prop=value[,prop=value...] (got '$IOMMU_OPTS')" >&2; usage ;;
esac
case $CPU in
''|-*|*[!A-Za-z0-9_.=,+-]*|*,|*,,*)
	echo "$PROG: --cpu must be a QEMU CPU model with optional ,+feat/,-feat/,prop=value (got '$CPU')" >&2; usage ;;
esac
for a in ${QARGS[@]+"${QARGS[@]}"}; do
	case $a in *$'\n'*) echo "$PROG: qemu arguments must not contain newlines" >&2; usage ;; esac
done

# ------------------------------------------------------------- host tools
need_pkgs=()
command -v qemu-system-x86_64 >/dev/null || need_pkgs+=(qemu-system-x86)
busybox_static() {
	local b
	b=$(command -v busybox 2>/dev/null) || return 1
	# static = a 64-bit ELF without a PT_INTERP program header
	perl -e '
		open(my $f, "<:raw", $ARGV[0]) or exit 1; local $/; my $e = <$f>;
		exit 1 unless substr($e, 0, 5) eq "\x7fELF\x02";
		my ($phoff) = unpack("Q<", substr($e, 32, 8));
		my ($phentsize, $phnum) = unpack("v v", substr($e, 54, 4));
		for my $i (0 .. $phnum - 1) {
			exit 1 if unpack("V", substr($e, $phoff + $i * $phentsize, 4)) == 3;
		}
		exit 0' "$b"
}
busybox_static || need_pkgs+=(busybox-static)
command -v perl >/dev/null || need_pkgs+=(perl-base)
command -v md5sum >/dev/null || need_pkgs+=(coreutils)
command -v timeout >/dev/null || need_pkgs+=(coreutils)
command -v apt-get >/dev/null || die "apt-get not found: this script needs a Debian host"
[ -e /usr/share/seabios/bios-256k.bin ] || need_pkgs+=(seabios)
if [ ${#need_pkgs[@]} -gt 0 ]; then
	echo "$PROG: installing ${need_pkgs[*]}" >&2
	[ "$(id -u)" = 0 ] || die "need root to apt-get install ${need_pkgs[*]}"
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2
fi
busybox_static || die "busybox on PATH is not static (install busybox-static)"
BUSYBOX=$(command -v busybox)

# ------------------------------------------------------------------ kernel
CACHE=${ISOFUZZ_CACHE:-${HOME:-/tmp}/.cache/isofuzz}/qemu
mkdir -p "$CACHE"
KDIR=$CACHE/$KPKG
VMLINUZ=$KDIR/boot/vmlinuz-$KVER
if [ ! -s "$VMLINUZ" ]; then
	deb=${ISOFUZZ_KERNEL_DEB:-}
	if [ -z "$deb" ]; then
		deb=$(ls "$CACHE"/${KPKG}_*.deb 2>/dev/null | head -n1 || true)
	fi
	if [ -z "$deb" ]; then
		echo "$PROG: downloading $KPKG" >&2
		( cd "$CACHE" && apt-get download "$KPKG" >&2 ) || {
			echo "$PROG: apt-get download failed; trying after apt-get update" >&2
			[ "$(id -u)" = 0 ] && apt-get update -qq >&2
			( cd "$CACHE" && apt-get download "$KPKG" >&2 ) ||
				die "cannot download $KPKG (is bookworm's main/updates in sources.list?)"
		}
		deb=$(ls "$CACHE"/${KPKG}_*.deb | head -n1)
	fi
	echo "$PROG: extracting $deb" >&2
	xdir=$(mktemp -d "$CACHE/extract.XXXXXX")
	# The kernel image is all we boot; modules are not needed (the IOMMU
	# drivers and interrupt remapping are built in).  Never installed.
	dpkg-deb -x "$deb" "$xdir"
	rm -rf "$xdir/lib" "$xdir/usr"
	[ -s "$xdir/boot/vmlinuz-$KVER" ] || { rm -rf "$xdir"; die "$deb has no boot/vmlinuz-$KVER"; }
	# another golden.sh may have finished first: keep whichever is there
	[ -e "$KDIR" ] || mv -T "$xdir" "$KDIR" 2>/dev/null || true
	rm -rf "$xdir"
fi

# --------------------------------------------------------------- initramfs
# The guest /init dumps every bundle file over the serial console as
#   @@ISOFUZZ BEGIN <path> <size> <md5>
#   <hex lines>
#   @@ISOFUZZ END <path>
# and finishes with "@@ISOFUZZ DONE <nfiles>"; paths starting with "_" are
# helper records that the host turns into bundle files itself.
read -r -d '' GUEST_INIT <<'INIT' || true
#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /tmp /usr/bin /sbin /usr/sbin
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec </dev/console >/dev/console 2>&1
# keep the kernel's console output from interleaving with the dump
dmesg -n 1

NFILES=0
emit() { # emit BUNDLE-PATH SOURCE-FILE
	if ! cat "$2" > /tmp/emit 2>/dev/null; then
		echo "@@ISOFUZZ ERROR cannot read $2"
		return
	fi
	set -- "$1" "$2" "$(wc -c < /tmp/emit)" "$(md5sum < /tmp/emit)"
	echo "@@ISOFUZZ BEGIN $1 $3 ${4%% *}"
	hexdump -v -e '32/1 "%02x" "\n"' /tmp/emit
	echo "@@ISOFUZZ END $1"
	NFILES=$((NFILES + 1))
}

echo "@@ISOFUZZ START"
emit proc/cmdline /proc/cmdline
emit proc/cpuinfo /proc/cpuinfo
for t in /sys/firmware/acpi/tables/*; do
	[ -f "$t" ] || continue
	emit "sys/firmware/acpi/tables/${t##*/}" "$t"
done
n=0
for d in /sys/bus/pci/devices/*; do
	[ -e "$d/config" ] || continue
	emit "sys/bus/pci/devices/${d##*/}/config" "$d/config"
	n=$((n + 1))
done
echo "$n" > /tmp/npci
emit _npci /tmp/npci
for u in /sys/class/iommu/*; do
	[ -d "$u" ] || continue
	for f in intel-iommu/cap intel-iommu/ecap amd-iommu/cap amd-iommu/features; do
		[ -f "$u/$f" ] && emit "sys/class/iommu/${u##*/}/$f" "$u/$f"
	done
done
: > /tmp/groups
for g in /sys/kernel/iommu_groups/*; do
	[ -d "$g/devices" ] || continue
	for d in "$g"/devices/*; do
		[ -e "$d" ] && echo "${g##*/} ${d##*/}" >> /tmp/groups
	done
done
emit _groups /tmp/groups
dmesg -s 4194304 > /tmp/dmesg
emit expected/dmesg /tmp/dmesg
echo "@@ISOFUZZ DONE $NFILES"
sync
poweroff -f
INIT

INIT_SUM=$(printf '%s' "$GUEST_INIT" | md5sum | cut -c1-12)
BB_SUM=$(md5sum < "$BUSYBOX" | cut -c1-12)
INITRD=$CACHE/initramfs-$INIT_SUM-$BB_SUM.cpio.gz
if [ ! -s "$INITRD" ]; then
	root=$(mktemp -d)
	mkdir -p "$root/bin"
	cp "$BUSYBOX" "$root/bin/busybox"
	printf '%s\n' "$GUEST_INIT" > "$root/init"
	chmod 755 "$root/init" "$root/bin/busybox"
	( cd "$root" && find . | sort | "$BUSYBOX" cpio -o -H newc 2>/dev/null ) | gzip -9 > "$INITRD.$$"
	mv -f "$INITRD.$$" "$INITRD"
	rm -rf "$root"
fi

# -------------------------------------------------------------------- boot
case $IOMMU in
intel) IOMMU_DEV=intel-iommu; BASE_CMDLINE="console=ttyS0 panic=-1 intel_iommu=on" ;;
amd)   IOMMU_DEV=amd-iommu;   BASE_CMDLINE="console=ttyS0 panic=-1" ;;
esac
IOMMU_DEV=$IOMMU_DEV${IOMMU_OPTS:+,$IOMMU_OPTS}
CMDLINE=$BASE_CMDLINE${EXTRA_CMDLINE:+ $EXTRA_CMDLINE}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/isofuzz-golden.XXXXXX")
LOG=$WORK/serial.log
cleanup() { [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

QEMU=(qemu-system-x86_64
	-machine q35,kernel-irqchip=split -accel tcg -cpu "$CPU" -m 512M -smp 1
	-nodefaults -vga none -display none -monitor none
	-serial "file:$LOG" -no-reboot
	-kernel "$VMLINUZ" -initrd "$INITRD" -append "$CMDLINE"
	-device "$IOMMU_DEV"
	${QARGS[@]+"${QARGS[@]}"})

echo "$PROG: booting $KVER (-cpu $CPU -device $IOMMU_DEV, ${#QARGS[@]} qemu args)" >&2
t0=$(date +%s.%N)
set +e
timeout --kill-after=10 "$TIMEOUT" "${QEMU[@]}" </dev/null >"$WORK/qemu.out" 2>&1
rc=$?
set -e
t1=$(date +%s.%N)
ELAPSED=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')

fail() {
	KEEP=1
	echo "$PROG: error: $*" >&2
	if [ -s "$WORK/qemu.out" ]; then
		echo "--- qemu output:" >&2; tail -n 20 "$WORK/qemu.out" >&2
	fi
	if [ -s "$LOG" ]; then
		echo "--- last lines of the serial log ($LOG):" >&2
		tr -d '\r' < "$LOG" | grep -v '^[0-9a-f]*$' | tail -n 20 >&2
	fi
	exit 1
}
[ $rc -ne 124 ] && [ $rc -ne 137 ] || fail "boot timed out after ${TIMEOUT}s"
[ $rc -eq 0 ] || fail "qemu exited with status $rc"
grep -q '^@@ISOFUZZ DONE' <(tr -d '\r' < "$LOG") ||
	fail "dump incomplete: no DONE marker in the serial log (kernel panic or /init failure?)"

# QEMU's warnings (e.g. a CPU feature TCG cannot provide, which it drops)
# do not stop the boot but change what the guest sees: show them, except
# the "nic ... has no peer" that every bundle with a NIC gets
grep -v 'warning: nic .* has no peer$' "$WORK/qemu.out" | sed "s/^/$PROG: qemu said: /" >&2 || true

# ----------------------------------------------------------- parse the log
OUT_TMP=$WORK/bundle
mkdir -p "$OUT_TMP"
tr -d '\r' < "$LOG" | perl -e '
	use strict; use warnings;
	my $out = shift;
	my ($path, $size, $md5, $hex, $n, $done, @err) = (undef, 0, "", "", 0, undef);
	while (my $l = <STDIN>) {
		chomp $l;
		if ($l =~ /^\@\@ISOFUZZ BEGIN (\S+) (\d+) ([0-9a-f]{32})$/) {
			push @err, "BEGIN $1 inside $path" if defined $path;
			($path, $size, $md5, $hex) = ($1, $2, $3, "");
		} elsif ($l =~ /^\@\@ISOFUZZ END (\S+)$/) {
			if (!defined $path || $1 ne $path) { push @err, "stray END $1"; next; }
			die "bad path $path\n" if $path =~ m{(^|/)\.\.(/|$)} || $path =~ m{^/};
			my $data = pack("H*", $hex);
			push @err, "$path: got " . length($data) . " bytes, guest read $size"
				if length($data) != $size;
			my $f = "$out/$path";
			(my $dir = $f) =~ s{/[^/]*$}{};
			system("mkdir", "-p", $dir) == 0 or die "mkdir $dir\n";
			open(my $fh, ">:raw", $f) or die "$f: $!\n";
			print $fh $data; close $fh;
			open(my $m, ">>", "$out/.md5") or die; print $m "$md5  $path\n"; close $m;
			$n++; undef $path;
		} elsif ($l =~ /^\@\@ISOFUZZ ERROR (.*)$/) {
			push @err, "guest: $1";
		} elsif ($l =~ /^\@\@ISOFUZZ DONE (\d+)$/) {
			$done = $1;
		} elsif (defined $path) {
			if ($l =~ /^[0-9a-f ]*$/) { (my $h = $l) =~ s/ //g; $hex .= $h; }
			else { push @err, "$path: garbage line in hex dump: $l"; }
		}
	}
	push @err, "no DONE marker" unless defined $done;
	push @err, "DONE says $done files, parsed $n" if defined $done && $done != $n;
	push @err, "record $path not terminated" if defined $path;
	if (@err) { print STDERR "$_\n" for @err; exit 1; }
' "$OUT_TMP" || fail "dump incomplete or corrupted (see messages above)"
( cd "$OUT_TMP" && md5sum --quiet -c .md5 >&2 ) || fail "md5 mismatch between guest and host copy"
rm -f "$OUT_TMP/.md5"

# helper records -> bundle files, and completeness checks
npci=$(tr -dc 0-9 < "$OUT_TMP/_npci")
ncfg=$(find "$OUT_TMP/sys/bus/pci/devices" -name config 2>/dev/null | wc -l)
[ "$npci" -gt 0 ] && [ "$ncfg" -eq "$npci" ] ||
	fail "dump incomplete: guest had $npci PCI functions, bundle has $ncfg config files"
mkdir -p "$OUT_TMP/expected"
sort -k1,1n -k2,2 "$OUT_TMP/_groups" | awk '
	NR == 1 || $1 != g { if (NR > 1) printf "\n"; g = $1; printf "%s:", g }
	{ printf " %s", $2 }
	END { if (NR) printf "\n" }' > "$OUT_TMP/expected/iommu_groups"
rm -f "$OUT_TMP/_npci" "$OUT_TMP/_groups"

[ -s "$OUT_TMP/expected/iommu_groups" ] || fail "the kernel formed no IOMMU groups"
[ -s "$OUT_TMP/expected/dmesg" ] || fail "empty kernel log"
[ -s "$OUT_TMP/proc/cmdline" ] || fail "no /proc/cmdline"
if [ "$IOMMU" = intel ]; then
	grep -q 'DMAR' "$OUT_TMP/expected/dmesg" || fail "no DMAR lines in the kernel log"
	[ -s "$OUT_TMP/sys/firmware/acpi/tables/DMAR" ] || fail "no DMAR table"
	ls "$OUT_TMP"/sys/class/iommu/*/intel-iommu/cap >/dev/null 2>&1 || fail "no intel-iommu unit in sysfs"
else
	grep -q 'AMD-Vi' "$OUT_TMP/expected/dmesg" || fail "no AMD-Vi lines in the kernel log"
	[ -s "$OUT_TMP/sys/firmware/acpi/tables/IVRS" ] || fail "no IVRS table"
	ls "$OUT_TMP"/sys/class/iommu/*/amd-iommu/cap >/dev/null 2>&1 || fail "no amd-iommu unit in sysfs"
fi

# qemu-args: enough to regenerate the bundle with --from
{
	echo "# isofuzz golden bundle written by tests/qemu/golden.sh; regenerate with"
	echo "#   tests/qemu/golden.sh --from <this file> OUTDIR"
	echo "# kernel: $KPKG: $(sed -n '1s/^\[[^]]*\] //p' "$OUT_TMP/expected/dmesg")"
	echo "# qemu: $(qemu-system-x86_64 --version | head -n1)"
	echo "# fixed qemu args: -machine q35,kernel-irqchip=split -accel tcg -cpu $CPU -m 512M -smp 1 -nodefaults -vga none -device $IOMMU_DEV"
	echo "# full kernel command line: $CMDLINE"
	echo "iommu $IOMMU"
	echo "cmdline${EXTRA_CMDLINE:+ $EXTRA_CMDLINE}"
	[ "$IOMMU_OPTS" = "$DEF_IOMMU_OPTS" ] || echo "iommu-opts${IOMMU_OPTS:+ $IOMMU_OPTS}"
	[ "$CPU" = "$DEF_CPU" ] || echo "cpu $CPU"
	for a in ${QARGS[@]+"${QARGS[@]}"}; do echo "arg $a"; done
} > "$OUT_TMP/qemu-args"

# install atomically-ish: replace OUTDIR only now that everything checked out
mkdir -p "$(dirname "$OUTDIR")"
rm -rf "$OUTDIR"
cp -r "$OUT_TMP" "$OUTDIR"
if [ -n "${ISOFUZZ_KEEP_LOG:-}" ]; then
	KEEP=1
	echo "$PROG: serial log kept at $LOG" >&2
fi

ngroups=$(wc -l < "$OUTDIR/expected/iommu_groups")
echo "$PROG: wrote $OUTDIR: $ncfg PCI functions, $ngroups IOMMU groups, boot ${ELAPSED}s"
