// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupt domains (see kshim/irq.h): created from the run's allocator, so
 * they are freed with everything else when the run ends.  x86's vector
 * domain is re-created per run the way arch/x86/kernel/apic/vector.c sets
 * it up: an MSI parent, not isolating.
 */
#include <kshim/vtd.h>
#include "../kshim_internal.h"

struct irq_domain *x86_vector_domain;

struct fwnode_handle *irq_domain_alloc_named_id_fwnode(const char *name, int id)
{
	struct fwnode_handle *fn = kzalloc(sizeof(*fn), GFP_KERNEL);

	if (fn)
		snprintf(fn->name, sizeof(fn->name), "%s-%d", name, id);
	return fn;
}

void irq_domain_free_fwnode(struct fwnode_handle *fwnode)
{
}

struct irq_domain *irq_domain_create_hierarchy(struct irq_domain *parent, unsigned int flags,
					       unsigned int size, struct fwnode_handle *fwnode,
					       const struct irq_domain_ops *ops, void *host_data)
{
	struct irq_domain *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	d->parent = parent;
	d->flags = flags | IRQ_DOMAIN_FLAG_HIERARCHY;
	d->fwnode = fwnode;
	d->ops = ops;
	d->host_data = host_data;
	return d;
}

void irq_domain_remove(struct irq_domain *domain)
{
}

void irq_domain_update_bus_token(struct irq_domain *domain, enum irq_domain_bus_token token)
{
	domain->bus_token = token;
}

void kshim_irq_reset(void)
{
	x86_vector_domain = kzalloc(sizeof(*x86_vector_domain), GFP_KERNEL);
	if (x86_vector_domain)
		x86_vector_domain->flags = IRQ_DOMAIN_FLAG_MSI_PARENT;
}

void pci_set_msi_domain(struct pci_dev *dev)
{
	dev_set_msi_domain(&dev->dev, x86_vector_domain);
}
