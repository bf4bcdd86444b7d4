/*
 * x2apic-optout: DMAR flags INTR_REMAP and X2APIC_OPT_OUT (bits 0 and 1),
 * one INCLUDE_PCI_ALL unit with the IOAPIC whose ECAP supports EIM, on a
 * CPU with x2APIC.  The firmware asks the OS not to use x2APIC: the kernel
 * remaps in xAPIC mode unless intremap=no_x2apic_optout.
 * tests/dmar-cases/x2apic-optout and x2apic-optout-override.
 *
 * Table Length and Checksum are filled in by iasl; every subtable Length
 * must match its fields (iasl 20200925 loops for ever otherwise).
 */
[0004]                          Signature : "DMAR"
[0004]                       Table Length : 00000000
[0001]                           Revision : 01
[0001]                           Checksum : 00
[0006]                             Oem ID : "ISOFUZ"
[0008]                       Oem Table ID : "DMARCASE"
[0004]                       Oem Revision : 00000001
[0004]                    Asl Compiler ID : "INTL"
[0004]              Asl Compiler Revision : 20200925

[0001]                 Host Address Width : 26
[0001]                              Flags : 03
[0010]                           Reserved : 00 00 00 00 00 00 00 00 00 00

[0002]                      Subtable Type : 0000 [Hardware Unit Definition]
[0002]                             Length : 0018
[0001]                              Flags : 01
[0001]                           Reserved : 00
[0002]                 PCI Segment Number : 0000
[0008]              Register Base Address : 00000000FED90000

[0001]                  Device Scope Type : 03 [IOAPIC Device]
[0001]                       Entry Length : 08
[0002]                           Reserved : 0000
[0001]                     Enumeration ID : 00
[0001]                     PCI Bus Number : FF
[0002]                           PCI Path : 00,00
