/* SPDX-License-Identifier: GPL-2.0-only */
/* Error numbers: the host's, which the kernel's match on Linux. */
#ifndef KSHIM_ERRNO_H
#define KSHIM_ERRNO_H
#include <errno.h>
#define ENOTSUPP 524
#endif
