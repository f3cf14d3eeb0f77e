/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio 1.x devices (the OASIS virtio 1.1 specification): found on the
 * PCI bus (the modern PCI transport: QEMU's pc and q35) or as MMIO
 * transports (version 2: microvm, from its command line; arm64 virt,
 * from the device tree), driven through split virtqueues. A request is a
 * chain of device-readable buffers then device-writable ones; the
 * calling thread blocks until the device has used it (other threads
 * run meanwhile). Memory handed to a device must be the guest's RAM
 * (heap, stack or image data): Kiln maps it at its physical address.
 */
#ifndef __UK_VIRTIO_H__
#define __UK_VIRTIO_H__

#include <stdint.h>
#include <sys/uio.h>

/* Device types (virtio 1.1, 5). */
#define UK_VIRTIO_ID_NET	1
#define UK_VIRTIO_ID_BLOCK	2
#define UK_VIRTIO_ID_RNG	4
#define UK_VIRTIO_ID_9P		9

#define UK_VIRTIO_F_VERSION_1	(1ULL << 32)

struct uk_virtio_dev;
struct uk_virtq;

/*
 * The nth (from 0) device of type id, or NULL when there is none.
 * The first call finds every device; each is reset and acknowledged,
 * then left to the driver that asks for it.
 */
struct uk_virtio_dev *uk_virtio_find(unsigned int id, unsigned int nth);

/*
 * The ith (from 0) device of any type, in the order found (PCI bus 0 by
 * slot, then MMIO transports), or NULL past the last; its type.
 */
struct uk_virtio_dev *uk_virtio_get(unsigned int i);
unsigned int uk_virtio_id(const struct uk_virtio_dev *d);

/* Where it is, for messages: "pci 0000:00:03.0", "mmio 0xfeb00e00". */
const char *uk_virtio_name(const struct uk_virtio_dev *d);

/*
 * Offers wanted & what the device offers, VIRTIO_F_VERSION_1 always;
 * returns the features agreed, or 0 when the device refused them or
 * lacks VERSION_1 (it is then marked FAILED).
 */
uint64_t uk_virtio_negotiate(struct uk_virtio_dev *d, uint64_t wanted);

/* len bytes of the device-specific configuration from offset off. */
void uk_virtio_config_read(struct uk_virtio_dev *d, unsigned int off,
			   void *buf, unsigned int len);

/*
 * Queue idx with at most size entries (fewer when the device allows
 * fewer; a power of two). NULL when the device has no such queue or
 * memory ran out. Set up every queue before uk_virtio_ready().
 */
struct uk_virtq *uk_virtio_queue(struct uk_virtio_dev *d, unsigned int idx,
				 unsigned int size);

/* DRIVER_OK: the device may now use its queues. 0 or -errno. */
int uk_virtio_ready(struct uk_virtio_dev *d);

/*
 * One request: nout device-readable buffers, then nin device-writable
 * ones; blocks the calling thread until the device used it. Returns
 * the bytes the device wrote into the in buffers, or -errno (-EINVAL:
 * more buffers than the queue holds; -EIO: the device failed).
 * Several threads may have requests in flight on one queue.
 */
long uk_virtq_call(struct uk_virtq *q, const struct iovec *out,
		   unsigned int nout, const struct iovec *in,
		   unsigned int nin);

#endif /* __UK_VIRTIO_H__ */
