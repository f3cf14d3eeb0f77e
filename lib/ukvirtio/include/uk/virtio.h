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

/*
 * The asynchronous side, for drivers that keep requests in flight
 * (virtio-net's receive buffers). A queue is used either through
 * uk_virtq_call() or through these, never both: each keeps its own
 * books. Callable from threads, preemptible or not.
 *
 * uk_virtq_add() posts one request (as uk_virtq_call's) under token
 * (not NULL) without notifying the device: 0, -ENOSPC when the queue
 * has too few free descriptors now, -EINVAL when it never could, -EIO
 * when the device failed. The buffers stay the device's until the
 * token comes back from uk_virtq_take().
 */
int uk_virtq_add(struct uk_virtq *q, const struct iovec *out,
		 unsigned int nout, const struct iovec *in, unsigned int nin,
		 void *token);

/* Tells the device about what was added (unless it asked not to be). */
void uk_virtq_kick(struct uk_virtq *q);

/*
 * The token of the next request the device has used, its descriptors
 * freed; *len (if len) the bytes it wrote. NULL when there is none.
 */
void *uk_virtq_take(struct uk_virtq *q, uint32_t *len);

/*
 * Blocks the calling thread until the device has used a request not
 * yet taken, or another thread's take freed descriptors (0: look
 * again with uk_virtq_take), or the monotonic clock reads deadline_ns
 * (-ETIMEDOUT; 0 checks only, UINT64_MAX never passes); -EIO when the
 * device failed. Polled: the used ring is looked at with growing
 * pauses, as in uk_virtq_call().
 */
int uk_virtq_wait(struct uk_virtq *q, uint64_t deadline_ns);

#endif /* __UK_VIRTIO_H__ */
