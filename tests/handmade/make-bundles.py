#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write the hand-made synthetic machine bundles in tests/handmade/<name>/.

Each bundle mirrors a real machine's files (see DESIGN.md, "The machine
bundle"): sys/bus/pci/devices/<BDF>/config, proc/cmdline and expected/.
The expected IOMMU groups are written here BY HAND from the PCIe ACS rules
as Linux 6.12 applies them (drivers/iommu/iommu.c pci_device_group,
drivers/pci/pci.c pci_acs_enabled/pci_acs_path_enabled, drivers/pci/search.c
pci_for_each_dma_alias, drivers/pci/quirks.c); they are never computed by a
program.  expected/README gives the reasoning for each bundle.

ACS control registers are written with the bits Linux leaves enabled after
boot when an IOMMU is present (pci_std_enable_acs: ctrl |= cap & (SV|RR|CR|UF)),
i.e. the state `isofuzz collect` would copy from a running machine.  A
harness that runs pci_enable_acs itself writes the same bits again.

Usage: make-bundles.py [OUTDIR]     (default: the directory of this script)
Re-running rewrites the bundles it owns and nothing else.  stdlib only.
"""
import os
import shutil
import struct
import sys

# PCI Express capability port types (PCI_EXP_FLAGS_TYPE >> 4)
EP, LEG_EP, RP, USP, DSP, PCIE2PCI, PCI2PCIE, RCIEP = 0, 1, 4, 5, 6, 7, 8, 9
# ACS capability bits
SV, TB, RR, CR, UF, EC, DT = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40
ACS_STD = SV | RR | CR | UF            # what pci_device_group requires
ACS_QEMU_RP = SV | TB | RR | CR | UF | DT  # 0x5f, as QEMU's pcie-root-port

CLS_HOST = 0x060000
CLS_PCI_BRIDGE = 0x060400
CLS_ETH = 0x020000
CLS_NVME = 0x010802
CLS_AHCI = 0x010601
CLS_IDE = 0x01018f
CLS_SYSPERIPH = 0x088000


class Fn:
    def __init__(self, bdf, vid, did, cls, pcie=None, mf=False, acs=None,
                 bus=None):
        self.bdf = bdf          # "0000:BB:DD.F"
        self.vid, self.did, self.cls = vid, did, cls
        self.pcie = pcie        # port type, or None for conventional PCI
        self.mf = mf            # header type bit 7
        self.acs = acs          # ACS capability register, or None: no ACS cap
        self.bus = bus          # (primary, secondary, subordinate) for type 1

    def config(self):
        size = 4096 if self.pcie is not None else 256
        c = bytearray(size)
        bridge = self.bus is not None
        struct.pack_into('<HH', c, 0x00, self.vid, self.did)
        status = 0x0010 if self.pcie is not None else 0x0000
        command = 0x0007 if bridge else 0x0006
        struct.pack_into('<HH', c, 0x04, command, status)
        struct.pack_into('<I', c, 0x08, (self.cls << 8) | 0x01)  # rev 1
        c[0x0e] = (0x01 if bridge else 0x00) | (0x80 if self.mf else 0)
        if bridge:
            p, s, sub = self.bus
            c[0x18], c[0x19], c[0x1a] = p, s, sub
            c[0x1c], c[0x1d] = 0xf0, 0x00            # I/O window closed
            struct.pack_into('<HH', c, 0x20, 0xfff0, 0x0000)  # mem closed
            struct.pack_into('<HH', c, 0x24, 0xfff1, 0x0001)  # pref closed
        else:
            struct.pack_into('<HH', c, 0x2c, self.vid, self.did)  # subsystem
            if (self.cls >> 16) not in (0x06,):
                c[0x3d] = 0x01                        # INTA#
        if self.pcie is not None:
            c[0x34] = 0x40
            c[0x40], c[0x41] = 0x10, 0x00             # PCI Express cap, last
            struct.pack_into('<H', c, 0x42, 0x2 | (self.pcie << 4))
            # Device/Link/Slot capabilities and controls left 0.
        if self.acs is not None:
            assert self.pcie is not None, self.bdf
            struct.pack_into('<I', c, 0x100, 0x000D | (1 << 16) | (0 << 20))
            struct.pack_into('<HH', c, 0x104, self.acs, self.acs & ACS_STD)
        assert len(c) in (256, 4096)
        return bytes(c)


def host():
    # Intel Q35 host bridge as QEMU shows it: conventional, no capabilities.
    return Fn('0000:00:00.0', 0x8086, 0x29c0, CLS_HOST)


def qrp(bdf, sec, sub=None, acs=ACS_QEMU_RP, mf=False):
    """Root port, vendor 0x1b36 (QEMU pcie-root-port id): no ACS quirk."""
    return Fn(bdf, 0x1b36, 0x000c, CLS_PCI_BRIDGE, pcie=RP, mf=mf, acs=acs,
              bus=(0, sec, sub if sub is not None else sec))


def nic(bdf, mf=False, acs=None):
    return Fn(bdf, 0x8086, 0x10d3, CLS_ETH, pcie=EP, mf=mf, acs=acs)


def nvme(bdf):
    return Fn(bdf, 0x1b36, 0x0010, CLS_NVME, pcie=EP)


BUNDLES = {}


def bundle(name, fns, groups, readme, cmdline='intel_iommu=on'):
    BUNDLES[name] = (fns, groups, readme, cmdline)


# 1
bundle('rp-acs-on', [
    host(),
    qrp('0000:00:01.0', 1),
    qrp('0000:00:02.0', 2),
    nic('0000:01:00.0'),
    nvme('0000:02:00.0'),
], [['0000:00:00.0'], ['0000:00:01.0'], ['0000:00:02.0'],
    ['0000:01:00.0'], ['0000:02:00.0']], """\
Topology: host bridge 00:00.0; root ports 00:01.0 -> bus 1 and 00:02.0 -> bus 2,
both single-function with an ACS capability (cap 0x5f, control SV|RR|CR|UF).
01:00.0 (NIC) and 02:00.0 (NVMe) are single-function endpoints.
Devices on the root bus never walk upward, and none is multifunction, so
00:00.0 and both root ports get their own groups.  For each endpoint the
walk checks pci_acs_path_enabled(root port): ACS enabled and the port is on
the root bus, so the walk stops at once and the endpoint gets its own group.
""")

# 2
bundle('rp-acs-off', [
    host(),
    qrp('0000:00:01.0', 1, acs=None),
    qrp('0000:00:02.0', 2, acs=None),
    nic('0000:01:00.0'),
    nvme('0000:02:00.0'),
], [['0000:00:00.0'], ['0000:00:01.0', '0000:01:00.0'],
    ['0000:00:02.0', '0000:02:00.0']], """\
Topology: as rp-acs-on, but neither root port has an ACS capability.
A root port without acs_cap fails pci_acs_flags_enabled, so for 01:00.0 the
walk in pci_device_group fails at bus 1 (self = 00:01.0), moves to 00:01.0
and takes its group: each root port shares a group with its endpoint.
The two root ports are still apart: root-bus devices never walk upward and
they are single-function, so no rule joins them to each other or to 00:00.0.
""")

# 3, 4
for name, dacs in (('switch-noacs', None), ('switch-acs', ACS_STD)):
    fns = [
        host(),
        qrp('0000:00:01.0', 1, 4),
        Fn('0000:01:00.0', 0x104c, 0x8232, CLS_PCI_BRIDGE, pcie=USP,
           bus=(1, 2, 4)),
        Fn('0000:02:00.0', 0x104c, 0x8233, CLS_PCI_BRIDGE, pcie=DSP,
           acs=dacs, bus=(2, 3, 3)),
        Fn('0000:02:01.0', 0x104c, 0x8233, CLS_PCI_BRIDGE, pcie=DSP,
           acs=dacs, bus=(2, 4, 4)),
        nic('0000:03:00.0'),
        nvme('0000:04:00.0'),
    ]
    if dacs is None:
        groups = [['0000:00:00.0'], ['0000:00:01.0'], ['0000:01:00.0'],
                  ['0000:02:00.0', '0000:03:00.0'],
                  ['0000:02:01.0', '0000:04:00.0']]
        readme = """\
Topology: root port 00:01.0 (ACS) -> switch upstream port 01:00.0 (single-
function, no ACS) -> downstream ports 02:00.0 (-> NIC 03:00.0) and 02:01.0
(-> NVMe 04:00.0), downstream ports WITHOUT ACS.  USP: walk stops at the ACS
root port, own group.  DSPs: bus 2's self is the USP, which as a single-
function upstream port counts as ACS-enabled, path to the root is enabled:
each DSP alone.  Endpoints: their DSP fails ACS, so each joins its DSP.
The two DSP+EP groups stay SEPARATE: a DSP's own ACS is never tested when
the DSP itself is grouped (same as the real kernel in tests/bundles/switch-noacs).
"""
    else:
        groups = [['0000:00:00.0'], ['0000:00:01.0'], ['0000:01:00.0'],
                  ['0000:02:00.0'], ['0000:02:01.0'],
                  ['0000:03:00.0'], ['0000:04:00.0']]
        readme = """\
Topology: as switch-noacs, but both downstream ports 02:00.0 and 02:01.0 have
ACS (cap and control SV|RR|CR|UF).
Upstream and downstream ports: own groups, as in switch-noacs.
Endpoints: pci_acs_path_enabled(downstream port) checks the downstream port
(ACS), the single-function upstream port (counts as enabled) and the root
port (ACS) up to the root bus: true, so the walk stops at once and each
endpoint gets its own group.  Every function is alone.
"""
    bundle(name, fns, groups, readme)

# 5
bundle('pcie-pci-bridge', [
    host(),
    qrp('0000:00:01.0', 1, 2),
    Fn('0000:01:00.0', 0x1b36, 0x000e, CLS_PCI_BRIDGE, pcie=PCIE2PCI,
       bus=(1, 2, 2)),
    Fn('0000:02:01.0', 0x8086, 0x100e, CLS_ETH),     # conventional e1000
    Fn('0000:02:02.0', 0x1000, 0x0012, 0x010000),    # conventional SCSI
], [['0000:00:00.0'], ['0000:00:01.0'],
    ['0000:01:00.0', '0000:02:01.0', '0000:02:02.0']], """\
Topology: root port 00:01.0 (ACS) -> PCIe-to-PCI bridge 01:00.0 (port type 7)
-> conventional bus 2 with 02:01.0 (e1000) and 02:02.0 (SCSI), 256-byte
config, no PCI Express capability.
Bridge 01:00.0: walk checks the ACS root port -> stop; own group.
02:01.0/02:02.0: pci_for_each_dma_alias reaches bus 2's self, a PCIe-to-PCI
bridge, and calls back with the bridge (requester ID 02:00.0, the secondary
bus alias); the bridge already has a group, so the conventional devices join
it.  The whole conventional bus shares one group with its bridge.
""")

# 6
bundle('nested-conventional', [
    host(),
    qrp('0000:00:01.0', 1, 3),
    Fn('0000:01:00.0', 0x1b36, 0x000e, CLS_PCI_BRIDGE, pcie=PCIE2PCI,
       bus=(1, 2, 3)),
    Fn('0000:02:01.0', 0x1b36, 0x0001, CLS_PCI_BRIDGE, bus=(2, 3, 3)),
    Fn('0000:03:01.0', 0x8086, 0x100e, CLS_ETH),
    Fn('0000:03:02.0', 0x1000, 0x0012, 0x010000),
], [['0000:00:00.0'], ['0000:00:01.0'],
    ['0000:01:00.0', '0000:02:01.0', '0000:03:01.0', '0000:03:02.0']], """\
Topology: root port 00:01.0 (ACS) -> PCIe-to-PCI bridge 01:00.0 -> bus 2:
conventional PCI-to-PCI bridge 02:01.0 (no PCIe cap, 256 bytes) -> bus 3:
conventional 03:01.0 and 03:02.0.
01:00.0: own group (walk stops at the ACS root port).
02:01.0: its DMA alias walk hits the PCIe-to-PCI bridge 01:00.0 -> joins it.
03:0x.0: the alias walk first reaches 02:01.0 (conventional bridge, not PCIe:
alias to the bridge itself), which already is in 01:00.0's group -> join.
Everything below the PCIe-to-PCI bridge shares the bridge's group.
""")

# 7
bundle('mf-endpoint-noacs', [
    host(),
    qrp('0000:00:01.0', 1),
    nic('0000:01:00.0', mf=True),
    nic('0000:01:00.1', mf=True),
], [['0000:00:00.0'], ['0000:00:01.0'], ['0000:01:00.0', '0000:01:00.1']],
    """\
Topology: root port 00:01.0 (ACS) -> 2-function endpoint 01:00.0/01:00.1
(header type bit 7 set on both, Intel 0x10d3 ids which have no ACS quirk),
no ACS capability.
The walk stops at the ACS root port for both functions.  Then
get_pci_function_alias_group: a multifunction endpoint needs an ACS
capability to pass pci_acs_enabled; neither has one, so 01:00.1 finds
01:00.0's group through the slot scan: both functions share a group.
""")
bundle('mf-endpoint-acs', [
    host(),
    qrp('0000:00:01.0', 1),
    nic('0000:01:00.0', mf=True, acs=ACS_STD),
    nic('0000:01:00.1', mf=True, acs=ACS_STD),
], [['0000:00:00.0'], ['0000:00:01.0'], ['0000:01:00.0'], ['0000:01:00.1']],
    """\
Topology: as mf-endpoint-noacs, but both functions carry an ACS capability
with SV|RR|CR|UF implemented and enabled in control.
pci_acs_enabled on a multifunction endpoint -> pci_acs_flags_enabled: every
requested bit the capability implements is set in control -> enabled.
get_pci_function_alias_group returns early for an ACS-enabled function, and
no DMA alias exists: each function gets its own group.
""")

# 8
bundle('mf-rootport', [
    host(),
    Fn('0000:00:1c.0', 0x8086, 0x7ab8, CLS_PCI_BRIDGE, pcie=RP, mf=True,
       bus=(0, 1, 1)),
    Fn('0000:00:1c.1', 0x8086, 0x7ab9, CLS_PCI_BRIDGE, pcie=RP, mf=True,
       bus=(0, 2, 2)),
    nic('0000:01:00.0'),
    nvme('0000:02:00.0'),
], [['0000:00:00.0'],
    ['0000:00:1c.0', '0000:00:1c.1', '0000:01:00.0', '0000:02:00.0']], """\
Topology: multifunction root-port slot 00:1c.0 -> bus 1 (NIC) and 00:1c.1 ->
bus 2 (NVMe), no ACS capability.  Device ids 0x7ab8/0x7ab9 are not in
pci_quirk_intel_pch_acs_ids nor in the SPT ranges, so no ACS quirk applies.
00:1c.0/00:1c.1: multifunction and not ACS-enabled (a root port needs the
capability) -> get_pci_function_alias_group joins the two functions.
Endpoints: their root port fails ACS, so each takes its root port's group.
Result: the two root ports and both endpoints form one group.
""")

# 9
bundle('rciep', [
    host(),
    Fn('0000:00:02.0', 0x1b36, 0x0010, CLS_NVME, pcie=RCIEP),
    Fn('0000:00:03.0', 0x1b36, 0x0010, CLS_NVME, pcie=RCIEP),
    Fn('0000:00:04.0', 0x1af4, 0x1041, CLS_ETH, pcie=RCIEP),
    Fn('0000:00:05.0', 0x1af4, 0x1041, CLS_ETH, pcie=RCIEP, mf=True),
    Fn('0000:00:05.1', 0x1af4, 0x1041, CLS_ETH, pcie=RCIEP, mf=True),
], [['0000:00:00.0'], ['0000:00:02.0'], ['0000:00:03.0'], ['0000:00:04.0'],
    ['0000:00:05.0', '0000:00:05.1']], """\
Topology: root complex integrated endpoints (port type 9) on bus 0:
single-function 00:02.0, 00:03.0, 00:04.0 and a multifunction pair
00:05.0/00:05.1 with no ACS capability.  Vendors 0x1b36/0x1af4, NOT Intel:
Intel RCiEPs would match pci_quirk_rciep_acs and count as ACS-enabled.
Root-bus devices never walk upward; single-function ones get own groups.
00:05.x: multifunction RCiEP without ACS fails pci_acs_enabled, so the
function-alias scan joins the two functions in one group.
""")

# 10: pure ID-match ACS quirk on a multifunction endpoint
bundle('quirk-acs', [
    host(),
    qrp('0000:00:01.0', 1),
    Fn('0000:01:00.0', 0x8086, 0x10c9, CLS_ETH, pcie=EP, mf=True),
    Fn('0000:01:00.1', 0x8086, 0x10c9, CLS_ETH, pcie=EP, mf=True),
], [['0000:00:00.0'], ['0000:00:01.0'], ['0000:01:00.0'], ['0000:01:00.1']],
    """\
Topology: root port 00:01.0 (ACS) -> Intel 82576 NIC 8086:10c9, 2 functions
01:00.0/01:00.1, multifunction, WITHOUT an ACS capability.  8086:10c9 is in
pci_dev_acs_enabled[] -> pci_quirk_mf_endpoint_acs (pure ID match, no MMIO),
which reports SV|RR|CR|UF enabled, so the slot scan does not join them: each
function alone (without the quirk they would share, as in mf-endpoint-noacs).
Intel PCH root-port quirk avoided on purpose: if its RCBA ioremap fails the
flag is not set and pci_quirk_intel_pch_acs returns 0 (NOT enabled, no
fallback to the standard ACS capability) -> root port would join its endpoint.
""")

# 11: DMA alias quirk
bundle('quirk-dma-alias', [
    host(),
    qrp('0000:00:01.0', 1),
    Fn('0000:01:00.0', 0x1b4b, 0x9123, CLS_AHCI, pcie=EP,
       mf=True, acs=ACS_STD),
    Fn('0000:01:00.1', 0x1b4b, 0x9123, CLS_IDE, pcie=EP, mf=True,
       acs=ACS_STD),
], [['0000:00:00.0'], ['0000:00:01.0'], ['0000:01:00.0', '0000:01:00.1']],
    """\
Topology: root port 00:01.0 (ACS) -> Marvell 88SE9123 1b4b:9123, 01:00.0 AHCI
(0x010601) and 01:00.1 IDE (0x01018f), multifunction, BOTH with an ACS
capability (SV|RR|CR|UF), so the multifunction rule alone keeps them apart.
quirk_dma_func1_alias is a DECLARE_PCI_FIXUP_HEADER on vendor/device (not a
class fixup): 01:00.0 gets dma_alias_mask bit for devfn 00.1 (function 1
itself gets no alias).  get_pci_alias_group sees pci_devs_are_dma_aliases
(01:00.0, 01:00.1), so whichever is probed second joins the first's group.
Without the quirk each function would be alone (as in mf-endpoint-acs).
""")


# Expected isolation verdicts (expected/verdict, read by
# tests/scripts/verdict.sh), reasoned from the rules in solver/README.md.
H = "# Reasoned by hand from solver/README.md; groups from expected/iommu_groups.\n"
VERDICTS = {
    'rp-acs-on': "verdict: isolated\n" + H + """\
# ACS root ports (SV/RR/CR/UF on): RR sends peer requests into the root
# complex, translated; SV confines each endpoint to its own bus number.
""",
    'rp-acs-off': "verdict: violation\nproperty: P2\n"
    "match: 0000:01:00.0 (group 1) can pose as 0000:02:00.0 (group 2)\n" + H + """\
# FINDING (kernel logic).  Root ports without an ACS capability: by PCIe
# 6.12.1.1 a root port that routes peer traffic to other root ports must
# implement ACS RR, so there is no peer path between the two hierarchies.
# But there is no source validation either: 01:00.0 can send requests
# carrying 02:00.0's requester ID, and the IOMMU translates them with
# group 2's domain.  Isolation needs both root ports' hierarchies in one group.
""",
    'switch-noacs': "verdict: violation\nproperty: P2\n"
    "match: 0000:03:00.0 (group 3) reaches 0000:04:00.0 (group 4) via downstream port 0000:02:00.0, which lacks ACS RR/CR/UF\n" + H + """\
# FINDING (kernel logic), as tests/bundles/switch-noacs: downstream ports
# without ACS route 03:00.0 <-> 04:00.0 across the switch's internal bus 2,
# yet the two are in different groups (3 and 4).
""",
    'switch-acs': "verdict: isolated\n" + H + """\
# Downstream ports with SV/RR/CR/UF: peer requests go upstream through the
# root port (UF on) into the root complex.  SV on each downstream port
# keeps its endpoint to its own bus.  Upstream/downstream ports are bridges.
""",
    'pcie-pci-bridge': "verdict: isolated\n" + H + """\
# The conventional devices' requests carry the bridge's IDs (01:00.0 or
# 02:00.0) and share bus 2: all in the bridge's group 2.
""",
    'nested-conventional': "verdict: isolated\n" + H + """\
# Everything below the PCIe-to-PCI bridge 01:00.0 emits its IDs and shares
# conventional buses 2 and 3: all in one group with it.
""",
    'mf-endpoint-noacs': "verdict: isolated\n" + H + """\
# Functions of one device without ACS may talk internally: they share a group.
""",
    'mf-endpoint-acs': "verdict: isolated\n" + H + """\
# Both functions implement and enable ACS RR/CR (6.12.1.2): their peer
# requests go up to the root port, which forwards upstream (UF).  SV on the
# root port confines them to bus 1; same-bus IDs are the device's own.
""",
    'mf-rootport': "verdict: isolated\n" + H + """\
# Root ports without ACS in one multifunction device, both hierarchies in
# one group.  00:00.0 is a host bridge (class 06), never a DMA target.
""",
    'rciep': "verdict: isolated\n" + H + """\
# Root-complex integrated endpoints: no ports, no spoofing, no peer path
# except inside the multifunction 00:05.x, which shares a group.
""",
    'quirk-acs': "verdict: violation\nproperty: P2\n"
    "match: 0000:01:00.0 (group 2) reaches 0000:01:00.1 (group 3) inside multifunction device 0000:01:00\n" + H + """\
# FINDING (by design of the specification).  8086:10c9 advertises no ACS
# capability; the kernel separates its functions only because of a
# device-specific quirk (vendor assurance that the functions do no
# internal peer-to-peer).  The specification reads the hardware as it
# describes itself and cannot confirm that assurance, so the two groups
# are reported: class kernel logic (the kernel trusted knowledge the
# hardware does not show).  Without the quirk this is mf-endpoint-noacs.
""",
    'quirk-dma-alias': "verdict: isolated\n" + H + """\
# The functions implement ACS, and the kernel put them in one group anyway
# (its DMA-alias quirk).  A merged group never breaks isolation.
""",
}


def validate(name, fns, groups):
    bdfs = [f.bdf for f in fns]
    assert len(set(bdfs)) == len(bdfs), name
    seen = [b for g in groups for b in g]
    assert sorted(seen) == sorted(bdfs), (name, sorted(seen), sorted(bdfs))
    assert 3 <= len(fns) <= 12, name
    assert '0000:00:00.0' in bdfs, name
    for g in groups:
        assert g == sorted(g), (name, g)
    # bridge bus numbers: secondary buses unique, children inside the range
    for f in fns:
        if f.bus:
            p, s, sub = f.bus
            assert p == int(f.bdf[5:7], 16) and p < s <= sub, (name, f.bdf)
            below = [int(x.bdf[5:7], 16) for x in fns
                     if s <= int(x.bdf[5:7], 16) <= sub]
            assert below and max(below) == sub, (name, f.bdf)


def write(outdir):
    for name, (fns, groups, readme, cmdline) in BUNDLES.items():
        validate(name, fns, groups)
        d = os.path.join(outdir, name)
        if os.path.isdir(d):
            shutil.rmtree(d)
        for f in fns:
            p = os.path.join(d, 'sys/bus/pci/devices', f.bdf)
            os.makedirs(p)
            with open(os.path.join(p, 'config'), 'wb') as fh:
                fh.write(f.config())
        os.makedirs(os.path.join(d, 'proc'))
        with open(os.path.join(d, 'proc/cmdline'), 'w') as fh:
            fh.write(cmdline + '\n')
        os.makedirs(os.path.join(d, 'expected'))
        groups = sorted(groups)
        with open(os.path.join(d, 'expected/iommu_groups'), 'w') as fh:
            for i, g in enumerate(groups):
                fh.write('%d: %s\n' % (i, ' '.join(g)))
        with open(os.path.join(d, 'expected/README'), 'w') as fh:
            fh.write(readme)
        with open(os.path.join(d, 'expected/verdict'), 'w') as fh:
            fh.write(VERDICTS[name])
        # re-read and check what was written
        for f in fns:
            size = os.path.getsize(os.path.join(
                d, 'sys/bus/pci/devices', f.bdf, 'config'))
            assert size == (4096 if f.pcie is not None else 256), f.bdf
        print('%-20s %2d functions, %d groups' % (name, len(fns), len(groups)))


if __name__ == '__main__':
    write(sys.argv[1] if len(sys.argv) > 1 else
          os.path.dirname(os.path.abspath(__file__)))
