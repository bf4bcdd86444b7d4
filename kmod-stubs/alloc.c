// SPDX-License-Identifier: GPL-2.0-only
/*
 * kmalloc and friends.  Every block the kernel code allocates is linked on
 * one list so that the end of a run can free what the kernel kept (pci_dev,
 * buses, alias bitmaps, groups): the next run then starts from nothing, and
 * LeakSanitizer sees no kernel objects outliving their run.
 */
#include <stdlib.h>
#include <string.h>

#include <kshim/kernel.h>
#include "kshim_internal.h"

struct kblock {
	struct kblock *prev, *next;
	size_t size;
	max_align_t data[];
};

static struct kblock kblocks = { &kblocks, &kblocks, 0 };

void *kmalloc(size_t size, gfp_t flags)
{
	/*
	 * calloc for zeroed blocks: large ones (the 1 MiB interrupt-remapping
	 * table of each unit) then come as fresh zero pages the run mostly
	 * never touches, instead of a memset of every byte on every run.
	 */
	struct kblock *b = (flags & __GFP_ZERO) ? calloc(1, sizeof(*b) + size) :
			   malloc(sizeof(*b) + size);

	if (!b)
		return NULL;
	b->size = size;
	b->next = &kblocks;
	b->prev = kblocks.prev;
	kblocks.prev->next = b;
	kblocks.prev = b;
	return b->data;
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return kzalloc(n * size, flags);
}

void kfree(const void *p)
{
	struct kblock *b;

	if (!p)
		return;
	b = container_of((void *)p, struct kblock, data);
	b->prev->next = b->next;
	b->next->prev = b->prev;
	free(b);
}

void *krealloc(const void *p, size_t size, gfp_t flags)
{
	void *n = kmalloc(size, flags);
	struct kblock *b;

	if (!n || !p)
		return n;
	b = container_of((void *)p, struct kblock, data);
	memcpy(n, p, min(b->size, size));
	kfree(p);
	return n;
}

char *kstrdup(const char *s, gfp_t flags)
{
	char *d;

	if (!s)
		return NULL;
	d = kmalloc(strlen(s) + 1, flags);
	if (d)
		strcpy(d, s);
	return d;
}

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return kcalloc(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}

void bitmap_free(const unsigned long *bitmap)
{
	kfree(bitmap);
}

/*
 * Pages as the page allocator hands them out: 2^order pages, page-aligned
 * (the IOMMU reads them by physical address and masks the low bits), and
 * exactly that long, so that a kernel access past its own allocation is
 * caught by ASan and not absorbed by alignment slack.
 *
 * A run's pages go back to a pool at its end, not to the C allocator: the
 * next run (a fuzzer's next input) reuses them with their ASan redzones
 * intact, and only pays for clearing them, not for the allocator's fresh
 * pages faulting in again (a 1 MiB interrupt-remapping table per unit).
 */
struct page_block {
	void *p;
	int order;
};
static struct page_block *pages;	/* [0, nr_pages) in use this run, then the pool */
static size_t nr_pages, nr_pooled, cap_pages;

void *kshim_alloc_pages(int order)
{
	size_t size = PAGE_SIZE << order;
	void *p = NULL;

	for (size_t i = nr_pages; i < nr_pages + nr_pooled; i++)
		if (pages[i].order == order) {
			struct page_block b = pages[i];

			pages[i] = pages[nr_pages];	/* the first pooled one moves here */
			pages[nr_pages] = b;
			nr_pooled--;
			memset(b.p, 0, size);
			return pages[nr_pages++].p;
		}
	if (nr_pages + nr_pooled == cap_pages) {
		size_t cap = cap_pages ? 2 * cap_pages : 64;
		struct page_block *grown = realloc(pages, cap * sizeof(*pages));

		if (!grown)
			return NULL;
		pages = grown;
		cap_pages = cap;
	}
	if (posix_memalign(&p, PAGE_SIZE, size))
		return NULL;
	memset(p, 0, size);
	if (nr_pooled)		/* keep the pool contiguous after the pages in use */
		pages[nr_pages + nr_pooled] = pages[nr_pages];
	pages[nr_pages++] = (struct page_block){ p, order };
	return p;
}

void kshim_free_all(void)
{
	while (kblocks.next != &kblocks)
		kfree(kblocks.next->data);
	/* this run's pages join the pool: all of [0, nr_pages + nr_pooled) */
	nr_pooled += nr_pages;
	nr_pages = 0;
}

/* At exit (and for LeakSanitizer's sake): the pool back to the allocator. */
static void __attribute__((destructor)) free_page_pool(void)
{
	for (size_t i = 0; i < nr_pages + nr_pooled; i++)
		free(pages[i].p);
	free(pages);
	pages = NULL;
	nr_pages = nr_pooled = cap_pages = 0;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *p = kmalloc(len + 1, gfp);

	if (p) {
		memcpy(p, s, len);
		p[len] = 0;
	}
	return p;
}
