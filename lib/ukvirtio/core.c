/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device list and what every transport shares: reset and
 * acknowledge on discovery, feature negotiation, configuration reads
 * (retried while the generation changes), queue set-up, DRIVER_OK
 * (virtio 1.1, 3.1.1).
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/config.h>
#include <uk/print.h>
#include "virtio_impl.h"

static struct uk_virtio_dev *devs, **devs_tail = &devs;

/* A reset completes when the status reads 0 again (4.1.4.3.2). */
static void reset(struct uk_virtio_dev *d)
{
	int i;

	d->ops->set_status(d, 0);
	for (i = 0; i < 1000000 && d->ops->status(d); i++)
		;
}

void virtio_dev_add(struct uk_virtio_dev *d)
{
	reset(d);
	d->ops->set_status(d, VIRTIO_S_ACKNOWLEDGE);
	*devs_tail = d;
	devs_tail = &d->next;
	uk_pr_debug("virtio: type %u at %s\n", d->id, d->name);
}

/* Interrupts masked; the device's queues only ever grow (new ones are
 * linked complete).
 */
void virtio_irq(void *dev)
{
	struct uk_virtio_dev *d = dev;
	struct uk_virtq *q;

	if (d->ops->irq_ack)
		d->ops->irq_ack(d);
	for (q = d->queues; q; q = q->next)
		uk_waitq_wake(&q->waiters, INT_MAX);
}

/* Once per device, before its first queue: interrupt or polling, and
 * one info line saying which.
 */
void virtio_irq_setup(struct uk_virtio_dev *d)
{
	const char *how = "no interrupt";

	if (d->irq_tried)
		return;
	d->irq_tried = 1;
#ifdef CONFIG_LIBUKVIRTIO_IRQ
	d->irq = d->ops->irq_setup && !d->ops->irq_setup(d, &how);
#else
	how = "CONFIG_LIBUKVIRTIO_IRQ off";
#endif
	if (d->irq && d->line)
		uk_pr_info("virtio: %s: completions by interrupt (line %u)\n",
			   d->name, d->line);
	else
		uk_pr_info("virtio: %s: completions %s (%s)\n", d->name,
			   d->irq ? "by interrupt" : "polled", how);
}

void *virtio_table_alloc(void)
{
	void *p = uk_memalign(uk_alloc_get_default(), 4096, 4096);

	if (p)
		memset(p, 0, 4096);
	return p;
}

static void probe(void)
{
	static int done;

	if (done)
		return;
	done = 1;
#ifdef CONFIG_LIBUKVIRTIO_PCI
	virtio_pci_probe();
#endif
#ifdef CONFIG_LIBUKVIRTIO_MMIO
	virtio_mmio_probe();
#endif
}

struct uk_virtio_dev *uk_virtio_get(unsigned int i)
{
	struct uk_virtio_dev *d;

	probe();
	for (d = devs; d && i; d = d->next)
		i--;
	return d;
}

struct uk_virtio_dev *uk_virtio_find(unsigned int id, unsigned int nth)
{
	struct uk_virtio_dev *d;

	probe();
	for (d = devs; d; d = d->next)
		if (d->id == id && !nth--)
			return d;
	return NULL;
}

unsigned int uk_virtio_id(const struct uk_virtio_dev *d)
{
	return d->id;
}

const char *uk_virtio_name(const struct uk_virtio_dev *d)
{
	return d->name;
}

static void status_add(struct uk_virtio_dev *d, uint8_t bits)
{
	d->ops->set_status(d, d->ops->status(d) | bits);
}

uint64_t uk_virtio_negotiate(struct uk_virtio_dev *d, uint64_t wanted)
{
	uint64_t offered, f;

	status_add(d, VIRTIO_S_DRIVER);
	offered = d->ops->features(d);
	if (!(offered & UK_VIRTIO_F_VERSION_1)) {
		uk_pr_warn("virtio: %s offers no VIRTIO_F_VERSION_1 (a legacy device): not driven\n",
			   d->name);
		goto failed;
	}
	f = (wanted & offered) | UK_VIRTIO_F_VERSION_1;
	d->ops->set_features(d, f);
	status_add(d, VIRTIO_S_FEATURES_OK);
	if (!(d->ops->status(d) & VIRTIO_S_FEATURES_OK)) {
		uk_pr_warn("virtio: %s refused features 0x%llx\n", d->name,
			   (unsigned long long)f);
		goto failed;
	}
	d->features = f;
	return f;
failed:
	status_add(d, VIRTIO_S_FAILED);
	return 0;
}

void uk_virtio_config_read(struct uk_virtio_dev *d, unsigned int off,
			   void *buf, unsigned int len)
{
	uint8_t *p = buf;
	uint32_t gen;
	unsigned int i;

	do {
		gen = d->ops->generation(d);
		for (i = 0; i < len; i++)
			p[i] = d->ops->config8(d, off + i);
	} while (gen != d->ops->generation(d));
}

int uk_virtio_ready(struct uk_virtio_dev *d)
{
	uint8_t s;

	status_add(d, VIRTIO_S_DRIVER_OK);
	s = d->ops->status(d);
	if ((s & (VIRTIO_S_FAILED | VIRTIO_S_NEEDS_RESET)) ||
	    !(s & VIRTIO_S_DRIVER_OK))
		return -EIO;
	return 0;
}
