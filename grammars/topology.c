// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hardware: root complexes and segments, root ports, RCiEPs, switches,
 * PCIe-to-PCI and PCI-to-PCIe bridges, conventional buses and devices,
 * multifunction devices, ACS, ARI, phantom functions (PCIe Base 6.0), the
 * IOMMU units' registers (VT-d 4.1 §11.4.2-11.4.3), IOAPICs, the HPET and
 * the kernel command line.  These types have no encoding: lower.c turns
 * them into config spaces, derive.c into truthful tables.
 */
#include "types.h"

static const struct g_value acs_bits[] = {	/* PCIe 6.0 §7.7.8.2-3 */
	{ 1 << 0, "SV" }, { 1 << 1, "TB" }, { 1 << 2, "RR" }, { 1 << 3, "CR" },
	{ 1 << 4, "UF" }, { 1 << 5, "EC" }, { 1 << 6, "DT" }, { 0 } };
static const struct g_value yesno[] = { { 0, "no" }, { 1, "yes" }, { 0 } };
static const struct g_value classes[] = {
	{ 0x020000, "ethernet" }, { 0x010802, "nvme" }, { 0x030000, "vga" },
	{ 0x0c0330, "xhci" }, { 0x040300, "audio" }, { 0x0c0500, "smbus" },
	{ 0x010601, "ahci" }, { 0x120000, "accelerator" }, { 0 } };
/* a function's requester IDs besides its own, which nothing declares */
static const struct g_value hw_aliases[] = {
	{ 0, "none" }, { 1, "function0" }, { 2, "function1" }, { 3, "next-bus" }, { 0 } };

#define ID_FIELD(d) { "id", 0, 0, G_ID, .def = d }

static const struct g_value modes[] = {
	{ G_MODE_CONSISTENT, "consistent" }, { G_MODE_INCONSISTENT, "inconsistent" },
	{ G_MODE_RAW, "raw" }, { 0 } };
static const struct g_value x2apic[] = { { 0, "unknown" }, { 1, "no" }, { 2, "yes" }, { 0 } };
static const struct g_field platform_fields[] = {
	{ "mode", 0, 0, G_ENUM, .vals = modes },
	{ "x2apic", 0, 0, G_ENUM, .vals = x2apic, .def = 2 },
	{ "hpet_msi", 0, 0, G_ENUM, .vals = yesno },
	/*
	 * DMAR flags the firmware sets by choice, OR'ed into the derived
	 * table's.  The derivation sets INTR_REMAP when every unit has ecap
	 * IR; a firmware may also claim it when one unit lacks IR (VT-d 8.1
	 * defines the flag per platform, not per unit), which
	 * intel_prepare_irq_remapping() guards against by checking each unit.
	 */
	{ "dmar_flags", 0, 0, G_FLAGS, .vals = g_dmar_flags },
};
static const struct g_type *const platform_kids[] = {
	&g_segment, &g_dmar_unit, &g_ioapic, &g_hpet_block, &g_params,
	&g_dmar, &g_madt, &g_hpet, &g_raw_patch,
	&g_amd_unit, &g_amd_params, &g_ivrs, NULL };
const struct g_type g_platform = {
	.name = "platform", .doc = "one machine; in inconsistent and raw modes its tables are kept as children",
	.tag = -1, .fields = platform_fields, .nr_fields = G_NR_FIELDS(platform_fields),
	.kids = platform_kids, .max_kids = 32,
};

static const struct g_value seg_numbers[] = { { 0, "0" }, { 1, "1" }, { 0 } };
static const struct g_field segment_fields[] = {
	{ "segment", 0, 0, G_ENUM, .vals = seg_numbers },
};
static const struct g_type *const segment_kids[] = {
	&g_root_port, &g_rciep, &g_pcie_pci_bridge, NULL };
const struct g_type g_segment = {
	.name = "segment", .doc = "a PCI segment's root complex: its root bus 00 and what sits on it",
	.tag = -1, .fields = segment_fields, .nr_fields = G_NR_FIELDS(segment_fields),
	.kids = segment_kids, .max_kids = 8,
};

/* a port: downstream side of a link, with ACS and ARI forwarding */
static const struct g_field port_fields[] = {
	ID_FIELD(0x80867c10),
	{ "acs_cap", 0, 0, G_FLAGS, .vals = acs_bits },
	{ "acs_ctl", 0, 0, G_FLAGS, .vals = acs_bits },
	{ "ari_forwarding", 0, 0, G_ENUM, .vals = yesno },
};
static const struct g_type *const link_kids[] = {
	&g_endpoint, &g_switch_up, &g_pcie_pci_bridge, NULL };
const struct g_type g_root_port = {
	.name = "root_port", .doc = "PCIe root port (type 4) on the root bus", .tag = -1,
	.fields = port_fields, .nr_fields = G_NR_FIELDS(port_fields),
	.kids = link_kids, .max_kids = 1,
};
const struct g_type g_switch_dp = {
	.name = "switch_dp", .doc = "switch downstream port (type 6)", .tag = -1,
	.fields = port_fields, .nr_fields = G_NR_FIELDS(port_fields),
	.kids = link_kids, .max_kids = 1,
};

static const struct g_field up_fields[] = { ID_FIELD(0x10b58747) };
static const struct g_type *const switch_kids[] = { &g_switch_dp, NULL };
const struct g_type g_switch_up = {
	.name = "switch_up", .doc = "switch upstream port (type 5) and its internal bus", .tag = -1,
	.fields = up_fields, .nr_fields = G_NR_FIELDS(up_fields),
	.kids = switch_kids, .max_kids = 4,
};

/* a PCIe device: one to eight functions alike, on a link or the root bus */
static const struct g_field device_fields[] = {
	ID_FIELD(0x80861533),
	{ "class", 0, 0, G_ENUM, .vals = classes, .def = 0x020000 },
	{ "functions", 0, 0, G_UINT, 1, 8, .def = 1 },
	{ "acs_cap", 0, 0, G_FLAGS, .vals = acs_bits },
	{ "acs_ctl", 0, 0, G_FLAGS, .vals = acs_bits },
	{ "ari", 0, 0, G_ENUM, .vals = yesno },
	{ "phantom_bits", 0, 0, G_UINT, 0, 3 },		/* DevCap 4:3 */
	{ "phantom_enable", 0, 0, G_ENUM, .vals = yesno },	/* DevCtl 9 */
	{ "hw_alias", 0, 0, G_ENUM, .vals = hw_aliases },
	{ "rmrr", 0, 0, G_ENUM, .vals = yesno },	/* firmware keeps a DMA buffer */
};
const struct g_type g_endpoint = {
	.name = "endpoint", .doc = "PCIe endpoint (type 0), possibly multifunction", .tag = -1,
	.fields = device_fields, .nr_fields = G_NR_FIELDS(device_fields),
};
const struct g_type g_rciep = {
	.name = "rciep", .doc = "root complex integrated endpoint (type 9) on the root bus", .tag = -1,
	.fields = device_fields, .nr_fields = G_NR_FIELDS(device_fields),
};

static const struct g_field pcie_pci_fields[] = {
	ID_FIELD(0x80862448),
	{ "pcix", 0, 0, G_ENUM, .vals = yesno },	/* PCI-X keeps originators' IDs */
};
static const struct g_type *const conv_kids[] = {
	&g_conv_dev, &g_pci_bridge, &g_pci_pcie_bridge, NULL };
const struct g_type g_pcie_pci_bridge = {
	.name = "pcie_pci_bridge", .doc = "PCIe-to-PCI/PCI-X bridge (type 7) and its conventional bus",
	.tag = -1, .fields = pcie_pci_fields, .nr_fields = G_NR_FIELDS(pcie_pci_fields),
	.kids = conv_kids, .max_kids = 4,
};
static const struct g_field pci_bridge_fields[] = { ID_FIELD(0x80860000) };
const struct g_type g_pci_bridge = {
	.name = "pci_bridge", .doc = "conventional PCI-to-PCI bridge: another conventional bus",
	.tag = -1, .fields = pci_bridge_fields, .nr_fields = G_NR_FIELDS(pci_bridge_fields),
	.kids = conv_kids, .max_kids = 3,
};
static const struct g_type *const pci_pcie_kids[] = { &g_endpoint, &g_switch_up, NULL };
const struct g_type g_pci_pcie_bridge = {
	.name = "pci_pcie_bridge", .doc = "PCI-to-PCIe bridge (type 8): a PCIe link below a conventional bus",
	.tag = -1, .fields = pci_bridge_fields, .nr_fields = G_NR_FIELDS(pci_bridge_fields),
	.kids = pci_pcie_kids, .max_kids = 1,
};
static const struct g_field conv_fields[] = {
	ID_FIELD(0x80861229),
	{ "class", 0, 0, G_ENUM, .vals = classes, .def = 0x020000 },
	{ "functions", 0, 0, G_UINT, 1, 8, .def = 1 },
	{ "hw_alias", 0, 0, G_ENUM, .vals = hw_aliases },
};
const struct g_type g_conv_dev = {
	.name = "conv_dev", .doc = "conventional PCI device, possibly multifunction", .tag = -1,
	.fields = conv_fields, .nr_fields = G_NR_FIELDS(conv_fields),
};

/* VT-d 4.1 §11.4.2 (capability) and §11.4.3 (extended capability) */
static const struct g_value ecap_bits[] = {
	{ 1 << 0, "C" }, { 1 << 1, "QI" }, { 1 << 2, "DT" }, { 1 << 3, "IR" },
	{ 1 << 4, "EIM" }, { 1 << 6, "PT" }, { 1 << 7, "SC" }, { 0 } };
static const struct g_value caps[] = {
	{ 0xd2008c22260206ULL, "qemu" }, { 0x00c0000c40660462ULL, "client" },
	{ 0xd2078c106f0466ULL, "server" }, { 0 } };
static const struct g_field unit_fields[] = {
	{ "segment", 0, 0, G_ENUM, .vals = seg_numbers },
	{ "cap", 0, 0, G_ENUM, .vals = caps, .def = 0xd2008c22260206ULL },
	{ "ecap", 0, 0, G_FLAGS, .vals = ecap_bits, .def = 0xf00f5aULL },
	{ "include_all", 0, 0, G_ENUM, .vals = yesno, .def = 1 },
	{ "port", 0, 0, G_UINT, 0, 7 },	/* not include_all: the root-bus slot it covers */
};
const struct g_type g_dmar_unit = {
	.name = "dmar_unit", .doc = "a VT-d remapping unit: its registers and what it covers",
	.tag = -1, .fields = unit_fields, .nr_fields = G_NR_FIELDS(unit_fields),
};

static const struct g_field ioapic_fields[] = {
	{ "ioapic_id", 0, 0, G_UINT, 0, 15 },
};
const struct g_type g_ioapic = {
	.name = "ioapic", .doc = "an I/O APIC (source ID f0:1f.N on Intel; 00:14.0, 00:00.1 on AMD)",
	.tag = -1, .fields = ioapic_fields, .nr_fields = G_NR_FIELDS(ioapic_fields),
};
static const struct g_field hpet_fields[] = {
	{ "hpet_number", 0, 0, G_UINT, 0, 7 },
};
const struct g_type g_hpet_block = {
	.name = "hpet_block", .doc = "an HPET timer block (source ID 0xf0:0f.0)", .tag = -1,
	.fields = hpet_fields, .nr_fields = G_NR_FIELDS(hpet_fields),
};

/* kernel-parameters.txt; the value's name is the text put on the command line */
static const struct g_value intel_iommu[] = {
	{ 0, "" }, { 1, "intel_iommu=on" }, { 2, "intel_iommu=off" }, { 3, "intel_iommu=sm_on" },
	{ 4, "intel_iommu=igfx_off" }, { 5, "intel_iommu=on,sm_off" }, { 0 } };
static const struct g_value intremap[] = {
	{ 0, "" }, { 1, "intremap=on" }, { 2, "intremap=off" }, { 3, "intremap=nosid" },
	{ 4, "intremap=no_x2apic_optout" }, { 5, "intremap=nopost" }, { 0 } };
static const struct g_value pci_param[] = {
	{ 0, "" }, { 1, "pci=disable_acs_redir=pci:8086:7c10" },
	{ 2, "pci=config_acs=0000000@pci:8086:7c10" }, { 3, "pci=config_acs=1111111@pci:8086:7c10" },
	{ 4, "pci=config_acs=xx000xx@pci:8086:7c10" }, { 5, "pci=noari" }, { 0 } };
static const struct g_value iommu_param[] = {
	{ 0, "" }, { 1, "iommu=pt" }, { 2, "iommu.passthrough=0" }, { 3, "iommu.strict=1" }, { 0 } };
static const struct g_value apic_param[] = {
	{ 0, "" }, { 1, "nox2apic" }, { 0 } };
static const struct g_field params_fields[] = {
	{ "intel_iommu", 0, 0, G_ENUM, .vals = intel_iommu, .def = 1 },
	{ "intremap", 0, 0, G_ENUM, .vals = intremap },
	{ "pci", 0, 0, G_ENUM, .vals = pci_param },
	{ "iommu", 0, 0, G_ENUM, .vals = iommu_param },
	{ "x2apic", 0, 0, G_ENUM, .vals = apic_param },
};
const struct g_type g_params = {
	.name = "params", .doc = "the kernel command line", .tag = -1,
	.fields = params_fields, .nr_fields = G_NR_FIELDS(params_fields),
};

/* raw mode: byte-level edits of an encoded table */
static const struct g_value raw_tables[] = {
	{ 0, "DMAR" }, { 1, "APIC" }, { 2, "HPET" }, { 3, "IVRS" }, { 0 } };
static const struct g_value raw_ops[] = {
	{ 0, "set" }, { 1, "xor" }, { 2, "insert" }, { 3, "delete" }, { 4, "truncate" }, { 0 } };
static const struct g_field raw_fields[] = {
	{ "table", 0, 0, G_ENUM, .vals = raw_tables },
	{ "op", 0, 0, G_ENUM, .vals = raw_ops },
	{ "offset", 0, 0, G_UINT, 0, 511 },
	{ "value", 0, 0, G_UINT, 0, 255 },
};
const struct g_type g_raw_patch = {
	.name = "raw_patch", .doc = "raw mode: one byte edit of an encoded table, applied in order",
	.tag = -1, .fields = raw_fields, .nr_fields = G_NR_FIELDS(raw_fields),
};
