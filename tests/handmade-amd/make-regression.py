#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write the bundles of the AMD-Vi kernel findings in corpus/regression/.

Each is the small machine of make-ivrs.py (tests/handmade-amd) with an IVRS
reduced by hand to the entries a finding needs, and, under fixed/, the same
IVRS with the one change the README names (an entry that raises the last
device ID the kernel sizes its tables by): ctest regression.corpus expects
the kernel's crash or hang on the first and none on the second, so the
expectation is shown to depend on exactly that entry.

Only sys/ and proc/ are written here; README.md, explains and expected/ in
each folder are written by hand.  stdlib only; the output is committed.
Usage: make-regression.py [CORPUSDIR]   (default: ../../corpus/regression)
"""
import importlib.util
import os
import shutil
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('make_ivrs', os.path.join(HERE, 'make-ivrs.py'))
mi = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mi)

IOAPIC_SB = mi.special(0, '00:14.0', 1)


def entry_80h():
    """A device entry of reserved type 80h: type, DeviceID, DTE setting and
    12 more bytes (the 16 bytes Type[7:6] = 10b stands for)."""
    return struct.pack('<BHB', 0x80, mi.devid('00:04.0'), 0) + bytes(12)


# name: (IVHD entries, IOMMU devid, fixed entries, fixed IOMMU devid)
# Every table covers bus 0 with a range (last devid 00:1f.7, 0xff): the
# device table is then 256 entries of 32 bytes (8 KiB, order 1), the alias
# table 256 of 2 bytes and the rlookup table 256 of 8 bytes, both rounded
# up to one 4 KiB page (tbl_size(): whole pages of 2^order) -- the
# rlookup table therefore has 512 slots.  Each finding's ID is the first
# one past the table it indexes, where ASan's redzone starts.
BUS0 = [mi.range_start('00:00.0'), mi.range_end('00:1f.7')]
# The fixed tables also cover buses 1-4, where the topology's other
# functions are: a fixed table must not hit the probe's own finding
# (crash-amd-device-above-last-devid) instead.
REST = [mi.range_start('01:00.0'), mi.range_end('04:1f.7')]
CASES = {
    # 48h IOAPIC at 01:00.0 (devid 0x100): dev_table[0x100], 8 KiB + 0
    'crash-amd-special-above-last-devid':
        (BUS0 + [mi.special(0, '01:00.0', 1)], '00:00.2',
         BUS0 + REST + [mi.special(0, '01:00.0', 1)], '00:00.2'),
    # 42h 00:04.0 -> 01:00.0: dev_table[0x100] read by the erratum-63 check
    'crash-amd-alias-above-last-devid':
        (BUS0 + [mi.alias_select('00:04.0', '01:00.0'), IOAPIC_SB], '00:00.2',
         BUS0 + REST + [mi.alias_select('00:04.0', '01:00.0'), IOAPIC_SB],
         '00:00.2'),
    # IOMMU at 02:00.2 (devid 0x202): rlookup_table[0x202], 4 KiB + 16
    'crash-amd-iommu-devid-above-entries':
        (BUS0 + [IOAPIC_SB], '02:00.2',
         BUS0 + REST + [IOAPIC_SB], '02:00.2'),
    # no entry for 02:00.0 (devid 0x200): probe's rlookup_table[0x200]
    'crash-amd-device-above-last-devid':
        (BUS0 + [IOAPIC_SB], '00:00.2',
         BUS0 + REST + [IOAPIC_SB], '00:00.2'),
    # a reserved entry type: ivhd_entry_length() 0, the walk never moves
    'hang-amd-reserved-entry-type':
        (BUS0 + [entry_80h(), IOAPIC_SB], '00:00.2',
         BUS0 + REST + [IOAPIC_SB], '00:00.2'),
}


def write_bundle(d, entries, iommu):
    for sub in ('sys', 'proc'):
        if os.path.isdir(os.path.join(d, sub)):
            shutil.rmtree(os.path.join(d, sub))
    for f in mi.topology():
        p = os.path.join(d, 'sys/bus/pci/devices', f.bdf)
        os.makedirs(p)
        with open(os.path.join(p, 'config'), 'wb') as fh:
            fh.write(f.config())
    t = os.path.join(d, 'sys/firmware/acpi/tables')
    os.makedirs(t)
    with open(os.path.join(t, 'IVRS'), 'wb') as fh:
        fh.write(mi.ivrs(mi.ivhd(entries, iommu=iommu)))
    with open(os.path.join(t, 'APIC'), 'wb') as fh:
        fh.write(mi.madt())
    os.makedirs(os.path.join(d, 'proc'))
    with open(os.path.join(d, 'proc/cmdline'), 'w') as fh:
        fh.write('\n')


def write(corpus):
    for name, (entries, iommu, fixed, fixed_iommu) in CASES.items():
        d = os.path.join(corpus, name)
        write_bundle(d, entries, iommu)
        write_bundle(os.path.join(d, 'fixed'), fixed, fixed_iommu)
        print(name)


if __name__ == '__main__':
    write(sys.argv[1] if len(sys.argv) > 1 else
          os.path.join(HERE, '..', '..', 'corpus', 'regression'))
