#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write the hand-built AMD-Vi machine bundles in tests/handmade-amd/<name>/.

One small AMD machine (host bridge 00:00.0 with the IOMMU at 00:00.2, root
ports with endpoints, two RCiEPs, the southbridge SMBus function 00:14.0 that
carries the southbridge IOAPIC's requester ID, a PCIe-to-PCI bridge with two
conventional devices) and, per case, an IVRS written here entry by entry from
the AMD I/O Virtualization Technology (IOMMU) Specification (doc 48882, rev
3.x, section 5.2: IVRS header, IVHD types 10h/11h/40h and their device
entries, IVMD types 20h/21h/22h), a MADT with the IOAPIC, and a command line.

Everything under expected/ is written BY HAND here: the groups (from the PCIe
ACS rules, as in tests/handmade/), the report and log lines the kernel must
produce (from the specification and the documented behaviour of
drivers/iommu/amd/init.c and iommu.c in 6.12, reasoning in expected/README);
none of it is computed by running a program.

expected/lines: lines that must appear in `isofuzz replay --log` output;
expected/absent: lines that must not.  tests/scripts/amd-handmade.sh checks
both; `isofuzz replay` checks expected/iommu_groups.

Usage: make-ivrs.py [OUTDIR]     (default: the directory of this script)
Re-running rewrites the bundles it owns and nothing else.  stdlib only; the
output is committed so that tests never need python.
"""
import importlib.util
import os
import shutil
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    'make_bundles', os.path.join(HERE, '..', 'handmade', 'make-bundles.py'))
mb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mb)
Fn = mb.Fn


# --------------------------------------------------------------- topology

class IommuFn(Fn):
    """The IOMMU's PCI function: class 0806h with the IOMMU capability block
    (48882 3.2.1: capability ID 0Fh, type 3) at 40h: IotlbSup and EFRSup set,
    NpCache clear (a host, not a virtual IOMMU)."""
    CAP = 0x0F | (3 << 16) | (1 << 19) | (1 << 24) | (1 << 27)

    def __init__(self, bdf, base=None):
        super().__init__(bdf, 0x1022, 0x1451, CLS_IOMMU)
        self.base = base if base is not None else MMIO_BASE

    def config(self):
        c = bytearray(super().config())
        struct.pack_into('<H', c, 0x06, 0x0010)          # capability list
        c[0x34] = 0x40
        struct.pack_into('<I', c, 0x40, self.CAP)
        struct.pack_into('<II', c, 0x44, self.base | 1, 0)  # base, enabled
        return bytes(c)


MMIO_BASE = 0xfeb80000
CLS_IOMMU = 0x080600
CLS_SMBUS = 0x0c0500


def topology():
    rp = mb.qrp
    return [
        Fn('0000:00:00.0', 0x1022, 0x1450, mb.CLS_HOST, mf=True),
        IommuFn('0000:00:00.2'),
        rp('0000:00:01.0', 1), mb.nic('0000:01:00.0'),
        rp('0000:00:02.0', 2), mb.nvme('0000:02:00.0'),
        Fn('0000:00:03.0', 0x1b36, 0x0005, 0x00ff00, pcie=mb.RCIEP),
        Fn('0000:00:04.0', 0x1b36, 0x0005, 0x00ff00, pcie=mb.RCIEP),
        rp('0000:00:08.0', 3, 4),
        Fn('0000:03:00.0', 0x1b36, 0x000e, mb.CLS_PCI_BRIDGE, pcie=mb.PCIE2PCI,
           bus=(3, 4, 4)),
        Fn('0000:04:01.0', 0x8086, 0x100e, mb.CLS_ETH),
        Fn('0000:04:02.0', 0x8086, 0x100e, mb.CLS_ETH),
        Fn('0000:00:14.0', 0x1022, 0x790b, CLS_SMBUS),
    ]


# The groups of this topology when every function but the IOMMU's own is
# translated (the IOMMU function never is: init_iommu_one_late() clears its
# rlookup entry).  00:00.0 is multifunction, but its only sibling 00:00.2
# has no group to share; QEMU's root ports have ACS (SV RR CR UF), so each
# port and each endpoint below it is alone; RCiEPs and the single-function
# 00:14.0 on the root bus are alone; the PCIe-to-PCI bridge and its
# conventional bus are one group (requests from bus 4 carry the bridge's
# requester ID, pci_for_each_dma_alias()).
GROUPS = [['0000:00:00.0'], ['0000:00:01.0'], ['0000:01:00.0'],
          ['0000:00:02.0'], ['0000:02:00.0'], ['0000:00:03.0'],
          ['0000:00:04.0'], ['0000:00:08.0'], ['0000:00:14.0'],
          ['0000:03:00.0', '0000:04:01.0', '0000:04:02.0']]


def without(groups, *bdfs):
    return [[b for b in g if b not in bdfs] for g in groups
            if [b for b in g if b not in bdfs]]


def merged(groups, a, b):
    ga = next(g for g in groups if a in g)
    gb = next(g for g in groups if b in g)
    rest = [g for g in groups if g is not ga and g is not gb]
    return rest + [sorted(ga + gb)]


# ------------------------------------------------------------ IVRS (48882 5.2)

def devid(bdf):
    """'BB:DD.F' -> 16-bit requester ID."""
    bus, df = bdf.split(':')
    d, f = df.split('.')
    return int(bus, 16) << 8 | int(d, 16) << 3 | int(f)


# 4-byte device entries (48882 Table 96): type, DeviceID, DTE setting
def select(bdf, flags=0):
    return struct.pack('<BHB', 0x02, devid(bdf), flags)


def range_start(bdf, flags=0):
    return struct.pack('<BHB', 0x03, devid(bdf), flags)


def range_end(bdf):
    return struct.pack('<BHB', 0x04, devid(bdf), 0)


# 8-byte device entries (48882 Table 97)
def alias_select(bdf, alias, flags=0):
    return struct.pack('<BHBBHB', 0x42, devid(bdf), flags, 0, devid(alias), 0)


def alias_range(bdf, alias, flags=0):
    return struct.pack('<BHBBHB', 0x43, devid(bdf), flags, 0, devid(alias), 0)


def ext_select(bdf, ext=0, flags=0):
    return struct.pack('<BHBI', 0x46, devid(bdf), flags, ext)


def ext_range(bdf, ext=0, flags=0):
    return struct.pack('<BHBI', 0x47, devid(bdf), flags, ext)


def special(handle, bdf, variety, flags=0xd7):
    """48h: handle (IOAPIC ID / HPET number), its requester ID, 1 IOAPIC 2 HPET."""
    return struct.pack('<BHBBHB', 0x48, 0, flags, handle, devid(bdf), variety)


def acpi_hid(bdf, hid, uid, cid=b'\0' * 8, flags=0):
    """F0h (IVHD 40h only, 48882 Table 98): HID, CID, UID format 2 (string)."""
    assert len(hid) == 8
    return (struct.pack('<BHB', 0xF0, devid(bdf), flags) + hid + cid +
            struct.pack('<BB', 2, len(uid)) + uid)


def ivhd(entries, kind=0x10, iommu='00:00.2', flags=0xb0, efr=0, base=MMIO_BASE):
    """IVHD header (48882 Table 92/93): 24 bytes for 10h, 40 for 11h/40h."""
    body = b''.join(entries)
    hlen = 24 if kind == 0x10 else 40
    h = struct.pack('<BBHHHQHHI', kind, flags, hlen + len(body), devid(iommu),
                    0x40, base, 0, 0, 0)
    if kind != 0x10:
        h += struct.pack('<QQ', efr, 0)
    return h + body


def ivmd(kind, flags, start, length, bdf='00:00.0', aux=0, seg=0):
    """IVMD (48882 Table 100): 20h all, 21h one device, 22h devid..aux;
    seg: the PCI segment group of 21h/22h (bytes 8-9; 10-15 reserved)."""
    return struct.pack('<BBHHHH6xQQ', kind, flags, 32, devid(bdf), aux, seg,
                       start, length)


def acpi_table(sig, body, revision, bad_checksum=False):
    h = bytearray(struct.pack('<4sIBB6s8sI4sI', sig, 36 + len(body), revision,
                              0, b'ISOFZ ', b'ISOFUZZ ', 1, b'ISOF', 1))
    t = h + body
    t[9] = (-sum(t)) & 0xff
    if bad_checksum:
        t[9] = (t[9] + 1) & 0xff
    return bytes(t)


def ivrs(*blocks, bad_checksum=False, efrsup=False):
    # IVinfo: 48-bit PA, 64-bit VA, 3-level guest; bit 0 EFRSup: the IVHD
    # 11h/40h EFR images are valid (48882 Table 89); then 8 reserved bytes
    return acpi_table(b'IVRS', struct.pack('<IQ', 0x00203040 | efrsup, 0) + b''.join(blocks),
                      2, bad_checksum)


def madt(ioapics=((0, 0),)):
    """MADT (ACPI 6.5 5.2.12): one processor local APIC, IOAPICs (id, GSI base)."""
    body = struct.pack('<II', 0xfee00000, 1)
    body += struct.pack('<BBBBI', 0, 8, 0, 0, 1)
    for i, (apic_id, gsi) in enumerate(ioapics):
        body += struct.pack('<BBBBII', 1, 12, apic_id, 0, 0xfec00000 + 0x1000 * i, gsi)
    return acpi_table(b'APIC', body, 5)


# The base IVHD entries: every function of the topology, the southbridge
# IOAPIC (ID 0) at 00:14.0, where check_ioapic_information() wants it.
def base_entries(ioapic=True):
    e = [range_start('00:00.0'), range_end('00:1f.7'),
         select('01:00.0'), select('02:00.0'), select('03:00.0'),
         range_start('04:00.0'), range_end('04:1f.7')]
    if ioapic:
        e.append(special(0, '00:14.0', 1))
    return e


# ---------------------------------------------------------------- bundles

BUNDLES = {}


def bundle(name, ivrs_bytes, groups, readme, lines, absent=(), cmdline='',
           madt_bytes=None, features=None, extra_fns=()):
    """features: the unit's MMIO EFR:EFR2 as sysfs prints them (ivhd0);
    extra_fns: PCI functions beyond topology()'s."""
    BUNDLES[name] = dict(ivrs=ivrs_bytes, groups=groups, readme=readme,
                         lines=lines, absent=absent, cmdline=cmdline,
                         madt=madt_bytes or madt(), features=features,
                         extra_fns=list(extra_fns))


def finding(name, *args, **kw):
    """A case where the kernel's code does not return (findings/NAME): it
    is checked by its own test, not replayed with the others."""
    bundle(os.path.join('findings', name), *args, **kw)


IR_ON = ['AMD-Vi: Interrupt remapping enabled',
         'interrupt remapping: on, xapic mode',
         '  IOAPIC 0: under ivhd0 as 00:14.0']
IR_OFF = ['interrupt remapping: off']
NO_FW_BUG = ['AMD-Vi: [Firmware Bug]: : IOAPIC[0] not in IVRS table',
             'AMD-Vi: [Firmware Bug]: : No southbridge IOAPIC found',
             'AMD-Vi: Disabling interrupt remapping']
# MSI window and HyperTransport hole, added to every device by
# amd_iommu_get_resv_regions()
STD_REGIONS = '0xfee00000-0xfeefffff msi, 0xfd00000000-0xffffffffff reserved'

bundle('amd-base', ivrs(ivhd(base_entries())), GROUPS, """\
The reference machine: one IVHD 10h at 00:00.2 covering every function
(select and range entries, 48882 Table 96) and the southbridge IOAPIC as
special device 48h, handle 0, requester ID 00:14.0.

- check_ioapic_information(): the MADT's only IOAPIC (ID 0, GSI 0) is the
  southbridge one (mp_find_ioapic(0)); the IVRS maps ID 0 to 00:14.0, which
  is IOAPIC_SB_DEVID: interrupt remapping is kept, amd_iommu_enable() turns
  it on, print_iommu_info() logs "Interrupt remapping enabled".  No EFR in
  a 10h header and no XTSup: xapic mode.
- Groups: see make-ivrs.py GROUPS; the IOMMU's own function 00:00.2 has no
  group (init_iommu_one_late() clears its rlookup entry).
- With remapping on, each probed PCI device's MSI domain is the unit's IR
  domain, created with IRQ_DOMAIN_FLAG_ISOLATED_MSI: every group has
  isolated MSI.  Reserved regions per group: the MSI window
  0xfee00000-0xfeefffff and the HyperTransport hole 0xfd00000000-
  0xffffffffff (amd_iommu_get_resv_regions()); group ids follow probe order
  (bus 0 by devfn, then buses 1..4), so group 0 is 00:00.0.
- Nothing fails on the way, so iommu_go_to_state() reaches
  IOMMU_INITIALIZED: DMA translation is on.
""", IR_ON + ['DMA translation: on',
              'group 0: MSI isolated; reserved ' + STD_REGIONS,
              'group 9: MSI isolated; reserved ' + STD_REGIONS],
       absent=NO_FW_BUG)

bundle('amd-ioapic-missing', ivrs(ivhd(base_entries(ioapic=False))), GROUPS, """\
The most common AMD-Vi firmware bug: the IVRS has no special-device entry
for the IOAPIC the MADT declares.

- check_ioapic_information(): get_ioapic_devid(0) finds no entry: logs
  "%s: IOAPIC[%d] not in IVRS table" with fw_bug "[Firmware Bug]: " (no
  ivrs_ioapic= on the command line), hence the doubled ": :"; no IOAPIC
  matches the southbridge: "No southbridge IOAPIC found"; then "Disabling
  interrupt remapping".  amd_iommu_prepare() fails, the generic code never
  enables remapping.
- DMA translation is unaffected: the same groups as amd-base.
- Without remapping no device gets the IR domain: MSI is not isolated in any
  group (msi_device_has_isolated_msi() sees the x86 vector domain).
""", NO_FW_BUG + IR_OFF + ['group 0: MSI not isolated; reserved ' + STD_REGIONS],
       absent=['AMD-Vi: Interrupt remapping enabled'])

bundle('amd-ioapic-cmdline', ivrs(ivhd(base_entries(ioapic=False))), GROUPS, """\
amd-ioapic-missing fixed the documented way (kernel-parameters.txt,
ivrs_ioapic=): ivrs_ioapic=0@00:14.0 maps IOAPIC ID 0 to 00:14.0.

- parse_ivrs_ioapic() records an early map with cmd_line set;
  add_early_maps() adds it to ioapic_map before the IVHD walk;
  check_ioapic_information() then finds ID 0 at IOAPIC_SB_DEVID: no
  firmware-bug lines, remapping stays on, MSI isolated, same groups.
""", IR_ON + ['group 0: MSI isolated; reserved ' + STD_REGIONS],
       absent=NO_FW_BUG, cmdline='ivrs_ioapic=0@00:14.0')

bundle('amd-ioapic-twice', ivrs(ivhd(base_entries(ioapic=False) +
                                     [special(0, '00:15.0', 1),
                                      special(0, '00:14.0', 1)])), GROUPS, """\
IOAPIC 0 listed twice, first under the wrong requester ID (00:15.0), then
under the right one (00:14.0).

- add_special_device() appends both to ioapic_map (only a command-line
  entry would make it skip the second); get_ioapic_devid(0) returns the
  first: 00:15.0, not IOAPIC_SB_DEVID.  So the IOAPIC is "in the IVRS" (no
  "not in IVRS table" line) but no southbridge IOAPIC is found: "No
  southbridge IOAPIC found", "Disabling interrupt remapping".
- The report names the requester ID the kernel will use for IOAPIC 0.
""", ['AMD-Vi: [Firmware Bug]: : No southbridge IOAPIC found',
      'AMD-Vi: Disabling interrupt remapping',
      '  IOAPIC 0: under ivhd0 as 00:15.0'] + IR_OFF,
       absent=['AMD-Vi: [Firmware Bug]: : IOAPIC[0] not in IVRS table',
               'AMD-Vi: Interrupt remapping enabled'])

bundle('amd-ioapic-twice-sb-first', ivrs(ivhd(base_entries(ioapic=False) +
                                              [special(0, '00:14.0', 1),
                                               special(0, '00:15.0', 1)])),
       GROUPS, """\
amd-ioapic-twice with the two entries swapped: the first entry for IOAPIC 0
is 00:14.0, so get_ioapic_devid(0) is IOAPIC_SB_DEVID and remapping stays
on; the second entry is never consulted.
""", IR_ON, absent=NO_FW_BUG)

bundle('amd-alias-same-bus', ivrs(ivhd(base_entries() +
                                       [alias_select('00:04.0', '00:03.0')])),
       merged(GROUPS, '0000:00:03.0', '0000:00:04.0'), """\
An IVRS alias on the same bus: device entry 42h says requests of RCiEP
00:04.0 carry requester ID 00:03.0 (the other RCiEP).

- init_iommu_from_acpi(): alias_table[00:04.0] = 00:03.0.
- setup_aliases() at probe: the alias is on 00:04.0's bus, so it becomes a
  PCI DMA alias: pci_add_dma_alias() logs "Enabling fixed DMA alias to
  03.0".
- pci_device_group() for 00:04.0 (probed after 00:03.0):
  get_pci_alias_group() finds 00:03.0 aliased by it and returns 00:03.0's
  group: the two RCiEPs share a group, the correct isolation outcome.
""", ['pci 0000:00:04.0: Enabling fixed DMA alias to 03.0',
      'IVRS alias: 0000:00:04.0 -> 00:03.0'] + IR_ON)

bundle('amd-alias-other-bus', ivrs(ivhd(base_entries() +
                                        [alias_select('00:04.0', '01:00.0')])),
       GROUPS, """\
An IVRS alias on another bus: requests of RCiEP 00:04.0 said to carry
requester ID 01:00.0 (the NIC behind root port 00:01.0).

- setup_aliases() adds the IVRS alias to the PCI aliases only "if it is on
  the same bus" (iommu.c): 01:00.0 is not, so no PCI DMA alias and no log
  line.  clone_aliases() still copies 00:04.0's device-table entry to
  devid 01:00.0 and points its rlookup entry at the unit.
- Groups: pci_device_group() knows nothing of the alias: 00:04.0 and
  01:00.0 stay in separate groups.  If the firmware is right, the two can
  be given to different owners while 00:04.0's DMA uses 01:00.0's ID: what
  the kernel does here is record the alias and not isolate by it.
""", ['IVRS alias: 0000:00:04.0 -> 01:00.0'] + IR_ON,
       absent=['pci 0000:00:04.0: Enabling fixed DMA alias to 00.0'])

bundle('amd-alias-range', ivrs(ivhd(base_entries()[:5] +
                                    [alias_range('04:00.0', '04:00.0'),
                                     range_end('04:1f.7'),
                                     special(0, '00:14.0', 1)])), GROUPS, """\
An alias range (43h ... 04h) for the conventional bus behind the PCIe-to-PCI
bridge, as QEMU and real firmware describe it: devids 04:00.0-04:1f.7 use
requester ID 04:00.0 (secondary bus, devfn 0: the ID a PCIe-to-PCI bridge
gives forwarded requests, PCIe-to-PCI bridge spec 2.3).

- alias_table[04:00.1 .. 04:1f.7] = 04:00.0 (04:00.0 itself is identity).
- setup_aliases(): same bus, so 04:01.0 and 04:02.0 each get PCI DMA alias
  devfn 00.0 and log "Enabling fixed DMA alias to 00.0".
- Groups unchanged: the bridge and its bus are one group already.
""", ['pci 0000:04:01.0: Enabling fixed DMA alias to 00.0',
      'pci 0000:04:02.0: Enabling fixed DMA alias to 00.0',
      'IVRS alias: 0000:04:00.1-0000:04:1f.7 -> 04:00.0'] + IR_ON)

bundle('amd-ext-entries', ivrs(ivhd([range_start('00:00.0'), range_end('00:1f.7'),
                                     ext_select('01:00.0'), ext_select('03:00.0'),
                                     ext_range('04:00.0'), range_end('04:1f.7'),
                                     special(0, '00:14.0', 1)])),
       without(GROUPS, '0000:02:00.0'), """\
Extended entries: 46h (extended select) for 01:00.0 and 03:00.0, 47h ...
04h (extended range) for bus 4, with extended data 0 (no ATS disable).  The
kernel handles them as select and range entries.  02:00.0 (the NVMe behind
root port 00:02.0) is in no entry at all.

- 01:00.0, 03:00.0 and bus 4 are translated as in amd-base.
- 02:00.0 has no rlookup entry: check_device() fails, probe returns
  -ENODEV, the device gets no IOMMU and no group (it is not in
  expected/iommu_groups), and the unit's device list in the report (second
  line: bus 1 onwards) goes from 01:00.0 to 03:00.0.
""", ['           0000:00:14.0 0000:01:00.0 0000:03:00.0 0000:04:01.0 0000:04:02.0'] + IR_ON)

hid = [acpi_hid('00:14.5', b'AMDI0020', b'ID00'), select('02:00.0')]
bundle('amd-acpihid', ivrs(ivhd([e for e in base_entries() if e != select('02:00.0')] + hid,
                                kind=0x40)),
       GROUPS, """\
An ACPI HID device entry (F0h, 48882 Table 98) in an IVHD 40h: a UART
"AMDI0020", UID string "ID00" (format 2, length 4), requester ID 00:14.5,
followed by the select entry for 02:00.0.  amd_iommu_dump logs every entry.

- F0h is variable-length (22 + UID length); the kernel steps over it with
  ivhd_entry_length(): the next entry (02:00.0) is parsed, so 02:00.0 is
  translated and grouped.  A wrong step would leave it out.
- The entry goes to acpihid_map; a bundle has no ACPI namespace, so no
  platform device matches it: PCI groups are those of amd-base.
- IVHD 40h is the only IVHD: "Using IVHD type 0x40" (DUMP_printk adds its
  own "AMD-Vi: " after pr_fmt's, as in the real kernel's dump).
- add_acpi_hid_device() logs every entry it adds: "ivrs, add hid:AMDI0020,
  uid:ID00, rdevid:160" (00:14.5 with the function cleared: 0xa0).
""", ['AMD-Vi: AMD-Vi: Using IVHD type 0x40',
      'AMD-Vi: ivrs, add hid:AMDI0020, uid:ID00, rdevid:160',
      'AMD-Vi: AMD-Vi:   DEV_ACPI_HID(AMDI0020[ID00])\t\tdevid: 0000:00:14.5',
      'AMD-Vi: AMD-Vi:   DEV_SELECT\t\t\t devid: 0000:02:00.0 flags: 00'] + IR_ON,
       cmdline='amd_iommu_dump')

bundle('amd-acpihid-10h', ivrs(ivhd(base_entries() + hid[:1])), GROUPS, """\
The same ACPI HID entry in an IVHD 10h.  F0h is defined for type 40h only:
init_iommu_from_acpi() logs "[Firmware Bug]: Invalid IVHD device type 0xf0"
and skips the entry by its length; everything else is amd-base.
""", ['AMD-Vi: [Firmware Bug]: Invalid IVHD device type 0xf0'] + IR_ON)

types_40 = [e for e in base_entries() if e != select('02:00.0')]
bundle('amd-ivhd-types', ivrs(ivhd(base_entries(), kind=0x10),
                              ivhd(base_entries(), kind=0x11),
                              ivhd(types_40, kind=0x40)),
       without(GROUPS, '0000:02:00.0'), """\
IVHD 10h, 11h and 40h side by side for the same IOMMU (00:00.2), as real
firmware provides them for kernels of each generation.  The 40h block leaves
out 02:00.0; the others cover it.

- get_highest_supported_ivhd_type(): the last type at or below 40h with the
  first IVHD's devid: 40h ("Using IVHD type 0x40" under amd_iommu_dump).
- init_iommu_all() builds units from 40h blocks only: one unit, and
  02:00.0 (absent from the 40h block) gets no group.
- The 11h/40h headers carry an EFR image of 0: get_global_efr() logs
  "Using global IVHD EFR:0x0, EFR2:0x0".
""", ['AMD-Vi: AMD-Vi: Using IVHD type 0x40',
      'AMD-Vi: Using global IVHD EFR:0x0, EFR2:0x0'] + IR_ON,
       cmdline='amd_iommu_dump')

bundle('amd-ivmd', ivrs(ivhd(base_entries()),
                        ivmd(0x20, 0x07, 0xc0000, 0x20000),
                        ivmd(0x21, 0x07, 0xd0000000, 0x100000, bdf='01:00.0'),
                        ivmd(0x22, 0x08, 0xe0000000, 0x200000, bdf='04:00.0',
                             aux=devid('04:1f.7'))),
       GROUPS, """\
IVMD unity maps (48882 5.2.2.3): 20h for all devices (0xc0000, 128 KiB,
unity, read+write), 21h for 01:00.0 (0xd0000000, 1 MiB), 22h for devids
04:00.0-04:1f.7 as an exclusion range (flag 08h, 0xe0000000, 2 MiB).

- init_unity_map_range(): each becomes a unity_map_entry with
  [start, start + length); 20h spans devids 0..last_bdf; an exclusion range
  is treated as a read/write unity map (comment in init.c).
- amd_iommu_get_resv_regions(): every entry covering the device's devid
  becomes IOMMU_RESV_DIRECT (RESERVED only if prot carries
  IOMMU_UNITY_MAP_FLAG_EXCL_RANGE, which the exclusion conversion does not
  set), then the MSI window and the HT hole; the group's list is sorted and
  merged (iommu_get_group_resv_regions()).
- group 0 (00:00.0): the 20h map only; group 7 (01:00.0): 20h and 21h;
  group 9 (the bridge, 04:01.0, 04:02.0): 20h and 22h.
""", ['group 0: MSI isolated; reserved 0xc0000-0xdffff direct, ' + STD_REGIONS,
      'group 7: MSI isolated; reserved 0xc0000-0xdffff direct, '
      '0xd0000000-0xd00fffff direct, ' + STD_REGIONS,
      'group 9: MSI isolated; reserved 0xc0000-0xdffff direct, '
      '0xe0000000-0xe01fffff direct, ' + STD_REGIONS] + IR_ON)

bundle('amd-ivmd-segment', ivrs(ivhd(base_entries()),
                                ivmd(0x21, 0x07, 0xd0000000, 0x100000,
                                     bdf='01:00.0', seg=1),
                                ivmd(0x22, 0x07, 0xe0000000, 0x200000,
                                     bdf='04:00.0', aux=devid('04:1f.7'),
                                     seg=0xffff)),
       GROUPS, """\
amd-ivmd's 21h and 22h unity maps, but on other PCI segment groups: 21h for
0001:01:00.0, 22h for ffff:04:00.0-ffff:04:1f.7 (48882 5.2.2.3: bytes 8-9
of an IVMD 21h/22h are the segment of its device IDs).  The machine has
only segment 0, so no device here is under either map.

- init_unity_map_range(): get_pci_segment(m->pci_seg) finds no segment 1
  or ffff and allocates one; the entries go on that segment's unity_map.
- amd_iommu_get_resv_regions() walks the unity maps of the device's own
  unit's segment (0): no direct region for 01:00.0 or the 04:xx devices,
  only the MSI window and the HyperTransport hole.
""", ['group 7: MSI isolated; reserved ' + STD_REGIONS,
      'group 9: MSI isolated; reserved ' + STD_REGIONS] + IR_ON,
       absent=['group 7: MSI isolated; reserved '
               '0xd0000000-0xd00fffff direct, ' + STD_REGIONS])

bundle('amd-checksum', ivrs(ivhd(base_entries()), bad_checksum=True), [], """\
amd-base with the IVRS checksum off by one (ACPI 6.5 5.2.6: all bytes must
sum to zero).

- detect_ivrs() finds the table (it does not check it), so ACS is requested;
  early_amd_iommu_init() runs check_ivrs_checksum(): "[Firmware Bug]: IVRS
  invalid checksum", -ENODEV: no unit, no remapping.
- No IOMMU translates any device: no groups (expected/iommu_groups is
  empty), no unit in the report, and MSI is not remapped.
""", ['AMD-Vi: [Firmware Bug]: IVRS invalid checksum'],
       absent=['AMD-Vi: Interrupt remapping enabled'])


bundle('amd-params', ivrs(ivhd(base_entries() + [special(0, '00:14.0', 2),
                                                 acpi_hid('00:14.5', b'AMDI0020', b'ID00')],
                                kind=0x40)),
       GROUPS, """\
The HPET and ACPI-HID parameters over an IVRS that names both: IVHD 40h
with HPET 0 at 00:14.0 (48h, variety 2) and AMDI0020/ID00 at 00:14.5 (F0h);
command line ivrs_hpet=0@00:14.1 ivrs_acpihid=AMDI0020:ID00@00:14.6
(kernel-parameters.txt).

- parse_ivrs_hpet() and parse_ivrs_acpihid() record early maps with
  cmd_line set; add_early_maps() (start of init_iommu_from_acpi()) adds
  them: add_acpi_hid_device() logs "cmd, add hid:AMDI0020, uid:ID00,
  rdevid:160" (00:14.6 with the function cleared: 0xa0).
- The IVRS entries then find the command-line entries: add_special_device()
  logs "Command-line override present for HPET id 0 - ignoring" and hands
  back 00:14.1; add_acpi_hid_device() logs "Command-line override for
  hid:AMDI0020 uid:ID00".  The HPET's requester ID is 00:14.1.
""", ['AMD-Vi: cmd, add hid:AMDI0020, uid:ID00, rdevid:160',
      'AMD-Vi: Command-line override present for HPET id 0 - ignoring',
      'AMD-Vi: Command-line override for hid:AMDI0020 uid:ID00',
      '  HPET 0: under ivhd0 as 00:14.1'] + IR_ON,
       absent=['AMD-Vi: ivrs, add hid:AMDI0020, uid:ID00, rdevid:160'],
       cmdline='ivrs_hpet=0@00:14.1 ivrs_acpihid=AMDI0020:ID00@00:14.6')

bundle('amd-off', ivrs(ivhd(base_entries())), [], """\
amd-base booted with amd_iommu=off (parse_amd_iommu_options()).

- detect_ivrs() still finds the IVRS (ACS is requested); the next state,
  IOMMU_IVRS_DETECTED, sees amd_iommu_disabled and stops in
  IOMMU_CMDLINE_DISABLED: no table walk, no unit, no remapping, no group,
  no DMA translation.
""", [], absent=['AMD-Vi: Interrupt remapping enabled',
                 'interrupt remapping: on, xapic mode',
                 'DMA translation: on'],
       cmdline='amd_iommu=off')


def block_51h():
    """The undocumented block type 51h six real tables carry: 4-byte header
    (type, flags, length) like every IVRS block, then opaque data."""
    return struct.pack('<BBH', 0x51, 0, 16) + bytes(12)


bundle('amd-block-51h', ivrs(ivhd(base_entries(), kind=0x10), block_51h(),
                             ivhd(types_40, kind=0x40)),
       GROUPS, """\
An IVHD 10h, an undocumented block 51h (16 bytes), then an IVHD 40h that
leaves out 02:00.0.

- Every walk steps over a block by its length field, so 51h is skipped
  (init_iommu_all(), find_last_devid_acpi(), init_memory_definitions()).
- But get_highest_supported_ivhd_type() stops at the first block whose type
  is above 40h: the 40h block after 51h is never seen, the kernel uses IVHD
  10h ("Using IVHD type 0x10" under amd_iommu_dump), and 02:00.0, covered
  by 10h, is translated and grouped: the same groups as amd-base.  Real
  tables put 51h after their IVHDs, where this does not matter.
""", ['AMD-Vi: AMD-Vi: Using IVHD type 0x10'] + IR_ON,
       cmdline='amd_iommu_dump')


bundle('amd-efr', ivrs(ivhd(base_entries(), kind=0x40, efr=0x29d7), efrsup=True),
       GROUPS, """\
EFR from the IVHD against EFR from the unit's registers.  IVinfo has EFRSup,
so the IVHD 40h's EFR image is valid: 0x29d7 (PreF PPR XTSup GTSup IA GASup
HE, 48882 3.4.5); the MMIO Extended Feature Register
(sys/class/iommu/ivhd0/amd-iommu/features) says 0x29d3, without XTSup.

- early_iommu_features_init() takes the IVHD value; get_global_efr() logs
  "Using global IVHD EFR:0x29d7, EFR2:0x0".  GASup and XTSup in it:
  amd_iommu_xt_mode is x2APIC.
- iommu_init_pci() -> late_iommu_features_init(): the capability header has
  EFRSup, the register differs from the IVHD value: "[Firmware Warn]: EFR
  mismatch. Use IVHD EFR (0x29d3 : 0x29d7), EFR2 (0x0 : 0x0)." (register
  first, IVHD second); the IVHD value stays.
- print_iommu_info(): "Extended features (0x29d7, 0x0): PreF PPR X2APIC GT
  IA GA HE", "Interrupt remapping enabled", "X2APIC enabled".
""", ['AMD-Vi: Using global IVHD EFR:0x29d7, EFR2:0x0',
      'AMD-Vi: [Firmware Warn]: EFR mismatch. Use IVHD EFR (0x29d3 : 0x29d7), EFR2 (0x0 : 0x0).',
      'AMD-Vi: Extended features (0x29d7, 0x0): PreF PPR X2APIC GT IA GA HE',
      'AMD-Vi: Interrupt remapping enabled', 'AMD-Vi: X2APIC enabled',
      'interrupt remapping: on, x2apic mode'],
       features='29d3:0')


UNIT1_BASE = 0xfeb00000
bundle('amd-two-units',
       ivrs(ivhd([range_start('00:00.0'), range_end('00:1f.7'), select('02:00.0'),
                  select('03:00.0'), range_start('04:00.0'), range_end('04:1f.7'),
                  special(0, '00:14.0', 1)]),
            ivhd([select('01:00.0')], iommu='00:00.3', base=UNIT1_BASE)),
       GROUPS, """\
Two IOMMUs: unit 0 (00:00.2, 0xfeb80000) translates bus 0, 02:00.0, 03:00.0
and bus 4; unit 1 (00:00.3, 0xfeb00000) only 01:00.0, the NIC behind root
port 00:01.0 (which unit 0 translates).

- init_iommu_all(): one unit per IVHD 10h, indices in table order (ivhd0,
  ivhd1); neither unit's own function gets a group.
- amd_iommu_init_pci() registers unit 0 first; the IOMMU core probes the
  bus: every device of unit 0 gets its group, 01:00.0 does not (its unit is
  not registered yet: amd_iommu_probe_device() returns -ENODEV).  Unit 1's
  registration then probes 01:00.0.  Group numbers follow that order:
  groups 0-6 on bus 0, 7 for 02:00.0, 8 for the bridge group, 9 for
  01:00.0 (in bus order it would have been 7).
- Groups as a partition are those of amd-base: 01:00.0 is alone behind an
  ACS root port whichever unit translates it.
""", ['pci 0000:01:00.0: Adding to iommu group 9',
      'pci 0000:02:00.0: Adding to iommu group 7',
      'unit ivhd1: segment 0000 base 0xfeb00000, interrupt remapping on',
      '  devices: 0000:01:00.0'] + IR_ON,
       extra_fns=[IommuFn('0000:00:00.3', base=UNIT1_BASE)])


def zero_length_ivhd():
    h = bytearray(ivhd(base_entries()))
    struct.pack_into('<H', h, 2, 0)
    return bytes(h)


finding('amd-zero-length', ivrs(zero_length_ivhd()), [], """\
amd-base with the IVHD's length field 0 (48882 Table 92: the length covers
the header and its entries, at least 24 bytes); the checksum is right.

- Every walk over the IVRS blocks (get_highest_supported_ivhd_type(),
  find_last_devid_acpi(), init_iommu_all()) advances by the block's length
  and has no check for 0: the first walk never ends.  A real kernel hangs
  in early boot; the harness's run watchdog ends the run after 10 s of CPU
  time and reports it, naming the looping function (exit 3).
""", ['hang in get_highest_supported_ivhd_type: the kernel code ran for 10 s'
   ' of CPU time without returning, in get_highest_supported_ivhd_type, '
   'early_amd_iommu_init, state_next, '
   'iommu_go_to_state, amd_iommu_prepare, irq_remapping_prepare'])


# ------------------------------------------------------------------ write

def write(outdir):
    for name, b in BUNDLES.items():
        fns = topology() + b['extra_fns']
        d = os.path.join(outdir, name)
        # expected/verdict is written by hand (tests/scripts/verdict.sh), not
        # here: keep it across the rewrite
        verdict = None
        if os.path.isfile(os.path.join(d, 'expected/verdict')):
            with open(os.path.join(d, 'expected/verdict')) as fh:
                verdict = fh.read()
        if os.path.isdir(d):
            shutil.rmtree(d)
        bdfs = {f.bdf for f in fns}
        seen = [x for g in b['groups'] for x in g]
        assert len(seen) == len(set(seen)) and set(seen) <= bdfs, name
        for f in fns:
            p = os.path.join(d, 'sys/bus/pci/devices', f.bdf)
            os.makedirs(p)
            with open(os.path.join(p, 'config'), 'wb') as fh:
                fh.write(f.config())
        t = os.path.join(d, 'sys/firmware/acpi/tables')
        os.makedirs(t)
        for sig, data in (('IVRS', b['ivrs']), ('APIC', b['madt'])):
            with open(os.path.join(t, sig), 'wb') as fh:
                fh.write(data)
        os.makedirs(os.path.join(d, 'proc'))
        with open(os.path.join(d, 'proc/cmdline'), 'w') as fh:
            fh.write(b['cmdline'] + '\n')
        if b['features']:
            u = os.path.join(d, 'sys/class/iommu/ivhd0/amd-iommu')
            os.makedirs(u)
            with open(os.path.join(u, 'features'), 'w') as fh:
                fh.write(b['features'] + '\n')
        e = os.path.join(d, 'expected')
        os.makedirs(e)
        with open(os.path.join(e, 'iommu_groups'), 'w') as fh:
            for i, g in enumerate(sorted(b['groups'])):
                fh.write('%d: %s\n' % (i, ' '.join(g)))
        with open(os.path.join(e, 'README'), 'w') as fh:
            fh.write(b['readme'])
        with open(os.path.join(e, 'lines'), 'w') as fh:
            fh.write(''.join(l + '\n' for l in b['lines']))
        if b['absent']:
            with open(os.path.join(e, 'absent'), 'w') as fh:
                fh.write(''.join(l + '\n' for l in b['absent']))
        if verdict is not None:
            with open(os.path.join(e, 'verdict'), 'w') as fh:
                fh.write(verdict)
        print('%-26s IVRS %3d bytes, %d groups' % (name, len(b['ivrs']),
                                                  len(b['groups'])))


if __name__ == '__main__':
    write(sys.argv[1] if len(sys.argv) > 1 else HERE)
