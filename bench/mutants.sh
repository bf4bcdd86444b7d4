#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# bench/mutants.sh [ISOFUZZ] [BUDGET] [WORK] [MUTANT...]: how long fuzzing
# takes to find a deliberately broken kernel.  Not a test: it prints figures.
#
# Each mutant is a copy of the kernel tree the build used (build/ktree),
# changed at bench time by one small edit (the edits are below; no kernel
# source is kept in the repository), each checked to have applied.  For
# each, `isofuzz verify-patch --no-corpus --time BUDGET` fuzzes the
# unmutated copy and the mutant for BUDGET seconds each from the same seeds,
# replays every input of both campaigns with both builds, and reports when
# the mutant's campaign first ran an input on which the mutant has a
# violation the unmutated tree has not.  The control, the unmutated copy
# against another unmutated copy, must find nothing in the same budget.
#
# One campaign at a time (two cores are shared): each mutant costs a build
# (cached under WORK/cache: a second run of the bench rebuilds nothing) and
# 2 x BUDGET seconds of fuzzing plus the replays.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
isofuzz=${1:-$top/build/harness/isofuzz}
budget=${2:-300}
work=${3:-/tmp/isofuzz-mutants}
[ $# -gt 3 ] && shift 3 || set --
only="$*"
build=$(cd "$(dirname "$isofuzz")/.." && pwd)
tree=$(ls -d "$build"/ktree/linux-source-* 2>/dev/null | head -1)
[ -n "$tree" ] && [ -d "$tree/drivers/iommu" ] ||
	{ echo "mutants.sh: no kernel tree under $build/ktree" >&2; exit 2; }
mkdir -p "$work"
rm -rf "$work/base" "$work/control" "$work"/mutant-* "$work"/run-*
cp -r "$tree" "$work/base"
cp -r "$tree" "$work/control"

# mutate NAME FILE PERL-EXPRESSION: a copy of the tree with one edit (perl
# -0: the expression sees the whole file, so it can name several lines)
mutate() {
	cp -r "$tree" "$work/mutant-$1"
	perl -0pi -e "$3" "$work/mutant-$1/$2"
	if cmp -s "$tree/$2" "$work/mutant-$1/$2"; then
		echo "mutants.sh: $1: the edit of $2 did not apply (another kernel version?)" >&2
		rm -rf "$work/mutant-$1"
		return 1
	fi
}

# 1. pci_device_group() stops its upstream walk at the first bridge,
#    as if every path had ACS: functions behind a switch port without ACS
#    get groups of their own.
mutate acs-path drivers/iommu/iommu.c \
	's/if \(pci_acs_path_enabled\(bus->self, NULL, REQ_ACS_FLAGS\)\)/if (1 || pci_acs_path_enabled(bus->self, NULL, REQ_ACS_FLAGS))/'
# 2. pci_acs_flags_enabled(): a function without an ACS capability reads
#    as having every ACS control enabled.
mutate no-acs-cap-enabled drivers/pci/pci.c \
	's/(static bool pci_acs_flags_enabled\(struct pci_dev \*pdev, u16 acs_flags\)\n\{\n\tint pos;\n\tu16 cap, ctrl;\n\n\tpos = pdev->acs_cap;\n\tif \(!pos\)\n\t\treturn) false;/$1 true;/'
# 3. get_pci_function_alias_group(): the functions of a multifunction
#    device without ACS are never searched for a group to share.
mutate multifunction drivers/iommu/iommu.c \
	's/if \(!pdev->multifunction \|\| pci_acs_enabled\(pdev, REQ_ACS_FLAGS\)\)/if (1 || !pdev->multifunction || pci_acs_enabled(pdev, REQ_ACS_FLAGS))/'
# 4. pci_for_each_dma_alias(): a PCIe-to-PCI bridge no longer adds the
#    requester ID it forwards for the conventional devices behind it.
mutate pcie-pci-bridge-alias drivers/pci/search.c \
	's/(case PCI_EXP_TYPE_PCI_BRIDGE:\n)(\t+)(ret = fn\(tmp,\n\t+ PCI_DEVID\(tmp->subordinate->number,)/$1$2continue;\n$2$3/'
# 5. intel_prepare_irq_remapping(): interrupt remapping is enabled even
#    when a unit lacks it (ecap IR clear).
mutate ir-unit-unsupported drivers/iommu/intel/irq_remapping.c \
	's/(\/\* First make sure all IOMMUs support IRQ remapping \*\/\n\tfor_each_iommu\(iommu, drhd\)\n\t\tif \()(!ecap_ir_support)/${1}0 \&\& $2/'
# 6. set_msi_sid(): a device's MSI entries no longer verify its source-id.
mutate msi-sid-unverified drivers/iommu/intel/irq_remapping.c \
	's/(\t\tset_irte_sid\(irte, )SVT_VERIFY_SID_SQ(, SQ_ALL_16,\n[\t ]+pci_dev_id\(dev\)\);)/${1}SVT_NO_VERIFY$2/'
# 7. setup_aliases() (AMD-Vi): the IVRS alias of a device on its own bus
#    is no longer added as a PCI DMA alias.  Needs AMD platforms from the
#    fuzzer (the IVRS grammar).
if [ -f "$tree/drivers/iommu/amd/iommu.c" ]; then
	mutate amd-same-bus-alias drivers/iommu/amd/iommu.c \
		's/PCI_BUS_NUM\(ivrs_alias\) == pdev->bus->number\)/0)/'
fi

# run NAME BASE PATCHED: one verify-patch; prints the table row
run() {
	out=$work/run-$1
	"$isofuzz" verify-patch --cache "$work/cache" --base "$2" --patched "$3" --no-corpus \
		--time "$budget" --out "$out" --quiet > "$out.txt" 2> "$out.err"
	rc=$?
	first=$(sed -n 's/^verify-patch: first introduced at \([0-9.]*\) s into the patched campaign: \(.*\) (\(.*\))$/\1\t\2\t\3/p' "$out.txt")
	summary=$(sed -n 's/^verify-patch: fuzzing: \([0-9]*\) inputs kept by the two campaigns, \([0-9]*\) differ; \([0-9]*\) violations introduced, \([0-9]*\) fixed, \([0-9]*\) known crashes.*/\1 inputs, \2 differ, \3 introduced, \4 fixed, \5 known crashes/p' "$out.txt")
	if [ "$rc" -ge 2 ]; then
		printf '%-22s %-14s %-4s %s\n' "$1" "error" "-" "verify-patch exit $rc: $(tail -1 "$out.err")"
	elif [ -n "$first" ]; then
		t=$(printf '%s' "$first" | cut -f1)
		v=$(printf '%s' "$first" | cut -f2)
		case $v in
		P[1-6]:*) prop=${v%%:*} v=${v#*: } ;;
		*) prop=fail ;;		# the patched build crashes or panics
		esac
		printf '%-22s %-14s %-4s %s\n' "$1" "$t s" "$prop" "$v"
		printf '%-22s %-14s %-4s   (%s; %s)\n' "" "" "" "$summary" "$(printf '%s' "$first" | cut -f3)"
	elif [ "$rc" -eq 1 ]; then
		printf '%-22s %-14s %-4s %s\n' "$1" "base only" "-" \
			"$(sed -n 's/^verify-patch: introduced only on inputs of the base campaign, first at //p' "$out.txt")"
	else
		printf '%-22s %-14s %-4s %s\n' "$1" ">$budget s" "-" "not found ($summary)"
	fi
}

echo "mutants: tree $tree, budget ${budget} s of fuzzing per build, work in $work"
printf '%-22s %-14s %-4s %s\n' mutant first-found prop finding
for m in control $(cd "$work" && ls -d mutant-* 2>/dev/null | sed 's/^mutant-//'); do
	case " $only " in "  ") ;; *" $m "*) ;; *) continue ;; esac
	if [ "$m" = control ]; then
		run control "$work/base" "$work/control"
	else
		run "$m" "$work/base" "$work/mutant-$m"
	fi
done
