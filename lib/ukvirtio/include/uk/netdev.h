/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Network devices: Ethernet frames in and out (virtio-net, CONFIG_
 * LIBUKVIRTIO_NET). A stack (lwIP's glue) sends from any thread and
 * receives from one thread at a time; frames carry no virtio header.
 */
#ifndef __UK_NETDEV_H__
#define __UK_NETDEV_H__

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

struct uk_netdev;

/*
 * The ith (from 0) network device, or NULL when there is none. The
 * first call probes and sets every device up (queues, buffers,
 * DRIVER_OK; one info line each).
 */
struct uk_netdev *uk_netdev_get(unsigned int i);
void uk_netdev_mac(struct uk_netdev *d, uint8_t mac[6]);
/* 1500 unless the device says (VIRTIO_NET_F_MTU). */
unsigned int uk_netdev_mtu(struct uk_netdev *d);
/* For messages, e.g. "pci 0000:00:03.0". */
const char *uk_netdev_name(struct uk_netdev *d);

/*
 * Sends one Ethernet frame (no virtio header: the driver adds it),
 * given as n pieces, at most mtu + 14 bytes in all. Copies the bytes;
 * returns 0 or -errno (-EMSGSIZE too long, -EIO device broken). May
 * block briefly while the transmit ring is full; callable from several
 * threads.
 */
int uk_netdev_send(struct uk_netdev *d, const struct iovec *iov,
		   unsigned int n);

/*
 * Receives one frame into buf (Ethernet header onward). Blocks until a
 * frame arrives or the monotonic time deadline_ns passes (0: do not
 * wait; UINT64_MAX: forever). Returns its length (a frame longer than
 * len is cut to len), 0 on timeout, -errno. One receiving thread at a
 * time.
 */
long uk_netdev_recv(struct uk_netdev *d, void *buf, size_t len,
		    uint64_t deadline_ns);

#endif /* __UK_NETDEV_H__ */
