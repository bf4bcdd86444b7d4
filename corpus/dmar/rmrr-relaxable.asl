/*
 * rmrr-relaxable: three RMRRs on one INCLUDE_PCI_ALL unit: one for 02:00.0
 * (a USB controller in the case's topology), one for 04:00.0 (a display
 * controller), one for 03:00.0 (a mass-storage controller).  The kernel
 * reports the first two as direct-relaxable and the third as direct.
 * tests/dmar-cases/rmrr-relaxable.
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
[0001]                              Flags : 01
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

[0002]                      Subtable Type : 0001 [Reserved Memory Region]
[0002]                             Length : 0022
[0002]                           Reserved : 0000
[0002]                 PCI Segment Number : 0000
[0008]                       Base Address : 000000007F000000
[0008]                End Address (limit) : 000000007F0FFFFF

[0001]                  Device Scope Type : 01 [PCI Endpoint Device]
[0001]                       Entry Length : 0A
[0002]                           Reserved : 0000
[0001]                     Enumeration ID : 00
[0001]                     PCI Bus Number : 00
[0002]                           PCI Path : 03,00
[0002]                           PCI Path : 00,00

[0002]                      Subtable Type : 0001 [Reserved Memory Region]
[0002]                             Length : 0022
[0002]                           Reserved : 0000
[0002]                 PCI Segment Number : 0000
[0008]                       Base Address : 000000007E000000
[0008]                End Address (limit) : 000000007E7FFFFF

[0001]                  Device Scope Type : 01 [PCI Endpoint Device]
[0001]                       Entry Length : 0A
[0002]                           Reserved : 0000
[0001]                     Enumeration ID : 00
[0001]                     PCI Bus Number : 00
[0002]                           PCI Path : 05,00
[0002]                           PCI Path : 00,00

[0002]                      Subtable Type : 0001 [Reserved Memory Region]
[0002]                             Length : 0022
[0002]                           Reserved : 0000
[0002]                 PCI Segment Number : 0000
[0008]                       Base Address : 000000007D000000
[0008]                End Address (limit) : 000000007D00FFFF

[0001]                  Device Scope Type : 01 [PCI Endpoint Device]
[0001]                       Entry Length : 0A
[0002]                           Reserved : 0000
[0001]                     Enumeration ID : 00
[0001]                     PCI Bus Number : 00
[0002]                           PCI Path : 04,00
[0002]                           PCI Path : 00,00
