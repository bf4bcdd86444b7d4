/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupt domains as the remapping code sees them: an object with flags
 * and a parent, created by irq_domain_create_hierarchy() and attached to a
 * device as its MSI domain.  Which domain a device's MSIs go to and that
 * domain's flags are what msi_device_has_isolated_msi() (compiled from the
 * tree) reads; vector allocation and irq chips are not modelled.
 */
#ifndef KSHIM_IRQ_H
#define KSHIM_IRQ_H

#include "types.h"
#include "device.h"
#include "kgen/irqdomain_h.h"

/* the bus tokens the compiled code sets (irqdomain_defs.h; in irqdomain.h before 6.2) */
enum irq_domain_bus_token { DOMAIN_BUS_ANY, DOMAIN_BUS_DMAR, DOMAIN_BUS_AMDVI };

struct fwnode_handle {
	char name[32];
};

struct irq_domain_ops {
	int unused;
};

struct msi_parent_ops {
	int unused;
};

struct irq_domain {
	unsigned int flags;
	struct irq_domain *parent;
	struct fwnode_handle *fwnode;
	const struct irq_domain_ops *ops;
	const struct msi_parent_ops *msi_parent_ops;
	enum irq_domain_bus_token bus_token;
	void *host_data;
};

struct fwnode_handle *irq_domain_alloc_named_id_fwnode(const char *name, int id);
void irq_domain_free_fwnode(struct fwnode_handle *fwnode);
struct irq_domain *irq_domain_create_hierarchy(struct irq_domain *parent, unsigned int flags,
					       unsigned int size, struct fwnode_handle *fwnode,
					       const struct irq_domain_ops *ops, void *host_data);
void irq_domain_remove(struct irq_domain *domain);
void irq_domain_update_bus_token(struct irq_domain *domain, enum irq_domain_bus_token token);
/* x86: the vector domain is the IR domains' parent (kmod-stubs/irq_domain.c) */
extern struct irq_domain *x86_vector_domain;
static inline struct irq_domain *arch_get_ir_parent_domain(void) { return x86_vector_domain; }

static inline struct irq_domain *dev_get_msi_domain(const struct device *dev)
{
	return dev->msi_domain;
}

static inline void dev_set_msi_domain(struct device *dev, struct irq_domain *d)
{
	dev->msi_domain = d;
}

/* x86 has no platform-wide MSI isolation (include/linux/msi.h default) */
static inline bool arch_is_isolated_msi(void) { return false; }
bool msi_device_has_isolated_msi(struct device *dev);

#endif
