/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio-mmio transport, version 2 (virtio 1.1, 4.2.2). Where the
 * transports are: the platform's list (ukplat_virtio_mmio(): arm64
 * virt's device tree, microvm's ACPI DSDT), then the command line's
 * Linux-style words virtio_mmio.device=<size>@<base>:<irq> (QEMU's
 * microvm appends one per transport that has a device when ACPI is off,
 * -M microvm,acpi=off; auto-kernel-cmdline=on is its default). A transport without a device (DeviceID 0) is skipped
 * silently; a version 1 ("legacy") one is named and skipped: QEMU
 * makes those unless given -global virtio-mmio.force-legacy=false.
 * Interrupts: the transport's line as the platform numbers it (the
 * DSDT's or device tree's, or the command line's :<irq>), acknowledged
 * through InterruptStatus/InterruptACK.
 */
#include <stdio.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/device.h>
#include <uk/plat/irq.h>
#include "virtio_impl.h"

#define MAGIC		0x74726976	/* "virt" */
#define R_MAGIC		0x000
#define R_VERSION	0x004
#define R_DEVICE_ID	0x008
#define R_DF		0x010
#define R_DFSEL		0x014
#define R_GF		0x020
#define R_GFSEL		0x024
#define R_QSEL		0x030
#define R_QNUM_MAX	0x034
#define R_QNUM		0x038
#define R_QREADY	0x044
#define R_QNOTIFY	0x050
#define R_ISTATUS	0x060
#define R_IACK		0x064
#define R_STATUS	0x070
#define R_QDESC		0x080
#define R_QDRIVER	0x090
#define R_QDEVICE	0x0a0
#define R_GENERATION	0x0fc
#define R_CONFIG	0x100
#define REGS_MIN	0x100

static uint64_t mmio_features(struct uk_virtio_dev *d)
{
	return features_read(d->regs, R_DFSEL, R_DF);
}

static void mmio_set_features(struct uk_virtio_dev *d, uint64_t f)
{
	features_write(d->regs, R_GFSEL, R_GF, f);
}

static uint8_t mmio_status(struct uk_virtio_dev *d)
{
	return rd32(d->regs, R_STATUS);
}

static void mmio_set_status(struct uk_virtio_dev *d, uint8_t s)
{
	wr32(d->regs, R_STATUS, s);
}

static uint8_t mmio_config8(struct uk_virtio_dev *d, unsigned int off)
{
	return d->regs[R_CONFIG + off];
}

static uint32_t mmio_generation(struct uk_virtio_dev *d)
{
	return rd32(d->regs, R_GENERATION);
}

static unsigned int mmio_queue_max(struct uk_virtio_dev *d, unsigned int idx)
{
	wr32(d->regs, R_QSEL, idx);
	if (rd32(d->regs, R_QREADY))
		return 0;	/* in use already */
	return rd32(d->regs, R_QNUM_MAX);
}

static void wr64(volatile uint8_t *p, unsigned int off, uint64_t v)
{
	wr32(p, off, v);
	wr32(p, off + 4, v >> 32);
}

static int mmio_queue_set(struct uk_virtio_dev *d, struct uk_virtq *q)
{
	wr32(d->regs, R_QSEL, q->idx);
	wr32(d->regs, R_QNUM, q->size);
	wr64(d->regs, R_QDESC, (uintptr_t)q->desc);
	wr64(d->regs, R_QDRIVER, (uintptr_t)q->avail);
	wr64(d->regs, R_QDEVICE, (uintptr_t)q->used);
	wr32(d->regs, R_QREADY, 1);
	return 0;
}

static void mmio_notify(struct uk_virtio_dev *d, struct uk_virtq *q)
{
	wr32(d->regs, R_QNOTIFY, q->idx);
}

static int mmio_irq_setup(struct uk_virtio_dev *d, const char **how)
{
	*how = "no interrupt line known";
	if (!d->line)
		return -1;
	*how = "the platform cannot route its line";
	if (ukplat_irq_register(d->line, virtio_irq, d))
		return -1;
	return 0;
}

/* The line drops once every cause is acknowledged. */
static void mmio_irq_ack(struct uk_virtio_dev *d)
{
	uint32_t s = rd32(d->regs, R_ISTATUS);

	if (s)
		wr32(d->regs, R_IACK, s);
}

static const struct virtio_ops mmio_ops = {
	.features = mmio_features,
	.set_features = mmio_set_features,
	.status = mmio_status,
	.set_status = mmio_set_status,
	.config8 = mmio_config8,
	.generation = mmio_generation,
	.queue_max = mmio_queue_max,
	.queue_set = mmio_queue_set,
	.notify = mmio_notify,
	.irq_setup = mmio_irq_setup,
	.irq_ack = mmio_irq_ack,
};

#define SEEN_MAX	64

static void add(uint64_t base, uint64_t size, unsigned int line)
{
	static uint64_t seen[SEEN_MAX];
	static unsigned int nseen;
	struct uk_virtio_dev *d;
	volatile uint8_t *r;
	uint32_t version, id;
	unsigned int i;

	/* Named twice (tables and command line): driven once. */
	for (i = 0; i < nseen; i++)
		if (seen[i] == base)
			return;
	if (nseen < SEEN_MAX)
		seen[nseen++] = base;
	if (size < REGS_MIN || ukplat_map_device(base, size,
						 virtio_table_alloc)) {
		uk_pr_warn("virtio: mmio 0x%llx: cannot map %llu bytes there\n",
			   (unsigned long long)base, (unsigned long long)size);
		return;
	}
	r = (volatile uint8_t *)(uintptr_t)base;
	if (rd32(r, R_MAGIC) != MAGIC)
		return;
	version = rd32(r, R_VERSION);
	id = rd32(r, R_DEVICE_ID);
	if (!id)
		return;		/* an empty transport */
	if (version != 2) {
		uk_pr_warn("virtio: mmio 0x%llx (type %u) is a version %u transport, not driven (QEMU: -global virtio-mmio.force-legacy=false)\n",
			   (unsigned long long)base, id, version);
		return;
	}
	d = uk_calloc(uk_alloc_get_default(), 1, sizeof(*d));
	if (!d)
		return;
	d->ops = &mmio_ops;
	d->id = id;
	d->regs = r;
	d->line = line;
	snprintf(d->name, sizeof(d->name), "mmio 0x%llx",
		 (unsigned long long)base);
	virtio_dev_add(d);
}

/* Linux's memparse: a number (0x for hex) with an optional K, M or G. */
static const char *number(const char *s, uint64_t *v)
{
	unsigned int base = 10, dig;
	const char *start;

	*v = 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (start = s; ; s++) {
		if (*s >= '0' && *s <= '9')
			dig = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			dig = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			dig = *s - 'A' + 10;
		else
			break;
		*v = *v * base + dig;
	}
	if (s == start)
		return NULL;
	switch (*s) {
	case 'K': case 'k': *v <<= 10; s++; break;
	case 'M': case 'm': *v <<= 20; s++; break;
	case 'G': case 'g': *v <<= 30; s++; break;
	}
	return s;
}

#define WORD "virtio_mmio.device="

static void from_cmdline(void)
{
	const char *s = ukplat_cmdline(), *p;
	uint64_t size, base, line;

	while ((s = strstr(s, WORD))) {
		/* Only at the start of a word. */
		if (s != ukplat_cmdline() && s[-1] != ' ') {
			s++;
			continue;
		}
		p = number(s + strlen(WORD), &size);
		if (p && *p == '@')
			p = number(p + 1, &base);
		else
			p = NULL;
		line = 0;
		if (p && *p == ':')
			p = number(p + 1, &line);
		if (p && (*p == ' ' || *p == ':' || !*p) && line <= UINT32_MAX)
			add(base, size, line);
		else
			uk_pr_warn("virtio: cannot read %.40s\n", s);
		s += strlen(WORD);
	}
}

void virtio_mmio_probe(void)
{
	uint64_t base, size;
	unsigned int irq;
	int i;

	for (i = 0; !ukplat_virtio_mmio(i, &base, &size, &irq); i++)
		add(base, size, irq);
	from_cmdline();
}
