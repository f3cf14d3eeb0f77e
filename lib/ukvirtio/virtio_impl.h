/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Inside ukvirtio: what a transport (pci.c, mmio.c) gives the common
 * code (core.c, virtqueue.c), the device and queue structures, and the
 * barriers the rings need.
 */
#ifndef __UKVIRTIO_IMPL_H__
#define __UKVIRTIO_IMPL_H__

#include <stdint.h>
#include <uk/sched.h>
#include <uk/virtio.h>

/* Device status bits (virtio 1.1, 2.1). */
#define VIRTIO_S_ACKNOWLEDGE	1
#define VIRTIO_S_DRIVER		2
#define VIRTIO_S_DRIVER_OK	4
#define VIRTIO_S_FEATURES_OK	8
#define VIRTIO_S_NEEDS_RESET	64
#define VIRTIO_S_FAILED		128

struct virtio_ops {
	uint64_t (*features)(struct uk_virtio_dev *d);
	void (*set_features)(struct uk_virtio_dev *d, uint64_t f);
	uint8_t (*status)(struct uk_virtio_dev *d);
	void (*set_status)(struct uk_virtio_dev *d, uint8_t s);
	/* One byte of device configuration; the generation counter. */
	uint8_t (*config8)(struct uk_virtio_dev *d, unsigned int off);
	uint32_t (*generation)(struct uk_virtio_dev *d);
	/* The most entries queue idx may have; 0: no such queue. */
	unsigned int (*queue_max)(struct uk_virtio_dev *d, unsigned int idx);
	/* Tells the device where the rings are and enables the queue. */
	int (*queue_set)(struct uk_virtio_dev *d, struct uk_virtq *q);
	void (*notify)(struct uk_virtio_dev *d, struct uk_virtq *q);
	/* Routes the device's interrupt to virtio_irq(d): 0, or -1 (then
	 * its queues are polled); how, for the boot line.
	 */
	int (*irq_setup)(struct uk_virtio_dev *d, const char **how);
	/* Quiets the device's interrupt (MMIO's InterruptACK); may be NULL. */
	void (*irq_ack)(struct uk_virtio_dev *d);
};

struct uk_virtio_dev {
	const struct virtio_ops *ops;
	unsigned int id;		/* device type, UK_VIRTIO_ID_* */
	char name[32];			/* "pci 0000:00:03.0" */
	uint64_t features;		/* agreed */
	struct uk_virtio_dev *next;
	/* The transport's. */
	volatile uint8_t *regs;		/* MMIO registers; PCI common cfg */
	volatile uint8_t *isr, *devcfg, *notify;
	uint32_t notify_mul;
	unsigned int line;		/* MMIO: its interrupt; 0: unknown */
	uint8_t pci_slot, pci_fn, msix_cap;	/* PCI: MSI-X capability */
	/* Interrupt set up (tried once, with the first queue); queues. */
	int irq, irq_tried;
	struct uk_virtq *queues;
};

/* A split virtqueue (virtio 1.1, 2.6). */
struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};
#define VIRTQ_DESC_F_NEXT	1
#define VIRTQ_DESC_F_WRITE	2

#define VIRTQ_AVAIL_F_NO_INTERRUPT	1

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[];
};
#define VIRTQ_USED_F_NO_NOTIFY	1

struct uk_virtq {
	struct uk_virtio_dev *dev;
	unsigned int idx, size;
	struct virtq_desc *desc;
	volatile struct virtq_avail *avail;
	volatile struct virtq_used *used;
	uint16_t free_head, nfree;
	uint16_t avail_idx, last_used;
	uint16_t notify_off;		/* PCI: the queue's notify offset */
	int broken;
	/* Per head descriptor: used yet, and the bytes written. */
	uint8_t *done;
	uint32_t *len;
	/* Per head descriptor: the token of an asynchronous request. */
	void **token;
	/* Threads waiting for a completion or for free descriptors. */
	struct uk_waitq waiters;
	/* Completions interrupt (else polled); waiters wanting them. */
	int irq;
	unsigned int nwait;
	struct uk_virtq *next;		/* the device's queues */
};

/* Transports: each adds the devices it finds (core.c's list). */
void virtio_dev_add(struct uk_virtio_dev *d);
void virtio_pci_probe(void);
void virtio_mmio_probe(void);
/* The device's interrupt handler: acknowledges, wakes its waiters. */
void virtio_irq(void *dev);
void virtio_irq_setup(struct uk_virtio_dev *d);
/* A zeroed page-aligned page for page tables (ukplat_map_device). */
void *virtio_table_alloc(void);

/* Kiln is little-endian on every arch: virtio's le fields are native. */
#if defined(__x86_64__)
#define virtio_mb()	__asm__ __volatile__("mfence" : : : "memory")
#define virtio_rmb()	__asm__ __volatile__("" : : : "memory")
#define virtio_wmb()	__asm__ __volatile__("" : : : "memory")
#else
#define virtio_mb()	__asm__ __volatile__("dsb sy" : : : "memory")
#define virtio_rmb()	__asm__ __volatile__("dsb ld" : : : "memory")
#define virtio_wmb()	__asm__ __volatile__("dsb st" : : : "memory")
#endif

static inline uint32_t rd32(volatile uint8_t *p, unsigned int off)
{
	return *(volatile uint32_t *)(p + off);
}

static inline void wr32(volatile uint8_t *p, unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(p + off) = v;
}

/*
 * The 64 feature bits, 32 at a time through a select register (the
 * device's offer read, the driver's choice written), at offsets that
 * differ between the transports.
 */
static inline uint64_t features_read(volatile uint8_t *regs,
				     unsigned int sel, unsigned int val)
{
	uint64_t f;

	wr32(regs, sel, 1);
	f = (uint64_t)rd32(regs, val) << 32;
	wr32(regs, sel, 0);
	return f | rd32(regs, val);
}

static inline void features_write(volatile uint8_t *regs, unsigned int sel,
				  unsigned int val, uint64_t f)
{
	wr32(regs, sel, 0);
	wr32(regs, val, f);
	wr32(regs, sel, 1);
	wr32(regs, val, f >> 32);
}

static inline uint16_t rd16(volatile uint8_t *p, unsigned int off)
{
	return *(volatile uint16_t *)(p + off);
}

static inline void wr16(volatile uint8_t *p, unsigned int off, uint16_t v)
{
	*(volatile uint16_t *)(p + off) = v;
}

#endif /* __UKVIRTIO_IMPL_H__ */
