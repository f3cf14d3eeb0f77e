/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio PCI transport, modern interface (virtio 1.1, 4.1): bus 0
 * through the x86 configuration ports 0xcf8/0xcfc, vendor 0x1af4,
 * device 0x1040 + type (modern only) or 0x1000-0x103f (transitional,
 * the type in the subsystem id; QEMU's pc default). The vendor
 * capabilities locate the common, notify, ISR and device configuration
 * structures in memory BARs (the firmware assigned them: SeaBIOS on pc
 * and q35 puts 32-bit BARs at 0xfebxxxxx, 64-bit ones above RAM), which
 * ukplat_map_device() maps uncached. Legacy I/O BARs are not used.
 * Interrupts: MSI-X, one message per device (entry 0) that every queue
 * uses; none for configuration changes.
 */
#include <stdio.h>
#include <uk/asm/io.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include <uk/plat/device.h>
#include <uk/plat/irq.h>
#include "virtio_impl.h"

#define PCI_ADDR	0xcf8
#define PCI_DATA	0xcfc
#define PCI_VENDOR_VIRTIO 0x1af4

/* Configuration space offsets (PCI 3.0) */
#define PCI_ID		0x00
#define PCI_COMMAND	0x04	/* + status at 0x06 */
#define PCI_CMD_MEM	0x0002
#define PCI_CMD_MASTER	0x0004
#define PCI_STATUS_CAPS	0x0010
#define PCI_HEADER	0x0c	/* header type in byte 2 */
#define PCI_BAR0	0x10
#define PCI_SUBSYS	0x2c
#define PCI_CAPS	0x34
#define PCI_CAP_VENDOR	0x09
#define PCI_CAP_MSIX	0x11

/* The MSI-X capability: message control (in the first dword's top
 * half), then the table's BAR and offset; 16 bytes per table entry.
 */
#define MSIX_ENABLE	(1U << 31)
#define MSIX_FN_MASK	(1U << 30)
#define MSIX_TABLE	4
#define NO_VECTOR	0xffff

/* struct virtio_pci_cap (4.1.4) */
#define CAP_CFG_TYPE	3
#define CAP_BAR		4
#define CAP_OFFSET	8
#define CAP_LENGTH	12
#define CAP_NOTIFY_MUL	16
enum { CFG_COMMON = 1, CFG_NOTIFY, CFG_ISR, CFG_DEVICE };

/* struct virtio_pci_common_cfg (4.1.4.3) */
#define C_DFSELECT	0x00
#define C_DF		0x04
#define C_GFSELECT	0x08
#define C_GF		0x0c
#define C_MSIX_CONFIG	0x10
#define C_NUMQ		0x12
#define C_STATUS	0x14
#define C_GENERATION	0x15
#define C_Q_SELECT	0x16
#define C_Q_SIZE	0x18
#define C_Q_MSIX	0x1a
#define C_Q_ENABLE	0x1c
#define C_Q_NOFF	0x1e
#define C_Q_DESC	0x20
#define C_Q_AVAIL	0x28
#define C_Q_USED	0x30

static inline uint32_t inl(uint16_t port)
{
	uint32_t v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static uint32_t cfg32(unsigned int slot, unsigned int fn, unsigned int off)
{
	outl(PCI_ADDR, 0x80000000U | slot << 11 | fn << 8 | (off & 0xfc));
	return inl(PCI_DATA);
}

static void cfg32_write(unsigned int slot, unsigned int fn, unsigned int off,
			uint32_t v)
{
	outl(PCI_ADDR, 0x80000000U | slot << 11 | fn << 8 | (off & 0xfc));
	outl(PCI_DATA, v);
}

static uint8_t cfg8(unsigned int slot, unsigned int fn, unsigned int off)
{
	return cfg32(slot, fn, off) >> (8 * (off & 3));
}

static uint64_t pci_features(struct uk_virtio_dev *d)
{
	return features_read(d->regs, C_DFSELECT, C_DF);
}

static void pci_set_features(struct uk_virtio_dev *d, uint64_t f)
{
	features_write(d->regs, C_GFSELECT, C_GF, f);
}

static uint8_t pci_status(struct uk_virtio_dev *d)
{
	return d->regs[C_STATUS];
}

static void pci_set_status(struct uk_virtio_dev *d, uint8_t s)
{
	d->regs[C_STATUS] = s;
}

static uint8_t pci_config8(struct uk_virtio_dev *d, unsigned int off)
{
	return d->devcfg ? d->devcfg[off] : 0;
}

static uint32_t pci_generation(struct uk_virtio_dev *d)
{
	return d->regs[C_GENERATION];
}

static unsigned int pci_queue_max(struct uk_virtio_dev *d, unsigned int idx)
{
	if (idx >= rd16(d->regs, C_NUMQ))
		return 0;
	wr16(d->regs, C_Q_SELECT, idx);
	return rd16(d->regs, C_Q_SIZE);
}

static void wr64(volatile uint8_t *p, unsigned int off, uint64_t v)
{
	wr32(p, off, v);
	wr32(p, off + 4, v >> 32);
}

static int pci_queue_set(struct uk_virtio_dev *d, struct uk_virtq *q)
{
	wr16(d->regs, C_Q_SELECT, q->idx);
	wr16(d->regs, C_Q_SIZE, q->size);
	/* Entry 0 when the device has it set up, else none: polled. */
	wr16(d->regs, C_Q_MSIX, q->irq ? 0 : NO_VECTOR);
	if (q->irq && rd16(d->regs, C_Q_MSIX) != 0)
		q->irq = 0;		/* refused */
	wr64(d->regs, C_Q_DESC, (uintptr_t)q->desc);
	wr64(d->regs, C_Q_AVAIL, (uintptr_t)q->avail);
	wr64(d->regs, C_Q_USED, (uintptr_t)q->used);
	q->notify_off = rd16(d->regs, C_Q_NOFF);
	wr16(d->regs, C_Q_ENABLE, 1);
	return 0;
}

static void pci_notify(struct uk_virtio_dev *d, struct uk_virtq *q)
{
	wr16(d->notify, q->notify_off * d->notify_mul, q->idx);
}

static int pci_irq_setup(struct uk_virtio_dev *d, const char **how);

static const struct virtio_ops pci_ops = {
	.features = pci_features,
	.set_features = pci_set_features,
	.status = pci_status,
	.set_status = pci_set_status,
	.config8 = pci_config8,
	.generation = pci_generation,
	.queue_max = pci_queue_max,
	.queue_set = pci_queue_set,
	.notify = pci_notify,
	.irq_setup = pci_irq_setup,
};

/* The address of a structure in a memory BAR, mapped; NULL if none. */
static volatile uint8_t *bar_map(unsigned int slot, unsigned int fn,
				 unsigned int bar, uint32_t off, uint32_t len)
{
	uint32_t lo;
	uint64_t a;

	if (bar > 5 || !len)
		return NULL;
	lo = cfg32(slot, fn, PCI_BAR0 + 4 * bar);
	if (lo & 1)
		return NULL;		/* an I/O BAR */
	a = lo & ~0xfULL;
	if (((lo >> 1) & 3) == 2 && bar < 5)
		a |= (uint64_t)cfg32(slot, fn, PCI_BAR0 + 4 * bar + 4) << 32;
	if (!a)
		return NULL;		/* not assigned */
	a += off;
	if (ukplat_map_device(a, len, virtio_table_alloc))
		return NULL;
	return (volatile uint8_t *)(uintptr_t)a;
}

/* MSI-X entry 0 to the platform's message for virtio_irq(d). */
static int pci_irq_setup(struct uk_virtio_dev *d, const char **how)
{
	unsigned int s = d->pci_slot, f = d->pci_fn, cap = d->msix_cap;
	volatile uint8_t *t;
	uint32_t tbl, data;
	uint64_t addr;

	*how = "no MSI-X capability";
	if (!cap)
		return -1;
	tbl = cfg32(s, f, cap + MSIX_TABLE);
	t = bar_map(s, f, tbl & 7, tbl & ~7U, 16);
	*how = "MSI-X table not mapped";
	if (!t)
		return -1;
	*how = "no MSI vector from the platform";
	if (ukplat_irq_msi(virtio_irq, d, &addr, &data))
		return -1;
	wr32(t, 0, addr);
	wr32(t, 4, addr >> 32);
	wr32(t, 8, data);
	wr32(t, 12, 0);				/* unmasked */
	cfg32_write(s, f, cap, (cfg32(s, f, cap) | MSIX_ENABLE) &
		    ~MSIX_FN_MASK);
	wr16(d->regs, C_MSIX_CONFIG, NO_VECTOR);
	*how = "MSI-X";
	return 0;
}

static void probe_fn(unsigned int slot, unsigned int fn, uint32_t id)
{
	unsigned int devid = id >> 16, type, ptr, n, ct;
	volatile uint8_t *found[CFG_DEVICE + 1] = { 0 };
	struct uk_virtio_dev *d;
	uint32_t mul = 0;
	unsigned int msix = 0;

	if (devid >= 0x1040 && devid <= 0x107f)
		type = devid - 0x1040;
	else if (devid >= 0x1000 && devid <= 0x103f)
		type = cfg32(slot, fn, PCI_SUBSYS) >> 16;
	else
		return;
	if (!(cfg32(slot, fn, PCI_COMMAND) >> 16 & PCI_STATUS_CAPS))
		goto legacy;
	ptr = cfg8(slot, fn, PCI_CAPS) & 0xfc;
	for (n = 0; ptr >= 0x40 && n < 48; n++) {
		if (cfg8(slot, fn, ptr) == PCI_CAP_VENDOR) {
			ct = cfg8(slot, fn, ptr + CAP_CFG_TYPE);
			if (ct >= CFG_COMMON && ct <= CFG_DEVICE && !found[ct])
				found[ct] = bar_map(slot, fn,
					cfg8(slot, fn, ptr + CAP_BAR),
					cfg32(slot, fn, ptr + CAP_OFFSET),
					cfg32(slot, fn, ptr + CAP_LENGTH));
			if (ct == CFG_NOTIFY && found[ct] && !mul)
				mul = cfg32(slot, fn, ptr + CAP_NOTIFY_MUL);
		} else if (cfg8(slot, fn, ptr) == PCI_CAP_MSIX) {
			msix = ptr;
		}
		ptr = cfg8(slot, fn, ptr + 1) & 0xfc;
	}
	if (!found[CFG_COMMON] || !found[CFG_NOTIFY])
		goto legacy;
	d = uk_calloc(uk_alloc_get_default(), 1, sizeof(*d));
	if (!d)
		return;
	/* Memory decoding and DMA on (SeaBIOS may have left them off). */
	cfg32_write(slot, fn, PCI_COMMAND,
		    (cfg32(slot, fn, PCI_COMMAND) & 0xffff) | PCI_CMD_MEM |
		    PCI_CMD_MASTER);
	d->ops = &pci_ops;
	d->id = type;
	snprintf(d->name, sizeof(d->name), "pci 0000:00:%02x.%u", slot, fn);
	d->regs = found[CFG_COMMON];
	d->notify = found[CFG_NOTIFY];
	d->isr = found[CFG_ISR];
	d->devcfg = found[CFG_DEVICE];
	d->notify_mul = mul;
	d->pci_slot = slot;
	d->pci_fn = fn;
	d->msix_cap = msix;
	virtio_dev_add(d);
	return;
legacy:
	uk_pr_warn("virtio: pci 0000:00:%02x.%u (type %u) has no modern interface in memory BARs: not driven\n",
		   slot, fn, type);
}

void virtio_pci_probe(void)
{
	unsigned int slot, fn, nfn;
	uint32_t id;

	for (slot = 0; slot < 32; slot++) {
		nfn = 1;
		for (fn = 0; fn < nfn; fn++) {
			id = cfg32(slot, fn, PCI_ID);
			if ((id & 0xffff) == 0xffff || !(id & 0xffff))
				continue;
			if (!fn && (cfg32(slot, 0, PCI_HEADER) >> 16 & 0x80))
				nfn = 8;
			if ((id & 0xffff) == PCI_VENDOR_VIRTIO)
				probe_fn(slot, fn, id);
		}
	}
}
