/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-net (virtio 1.1, 5.1): Ethernet frames through receive queue
 * 0 and transmit queue 1, each frame behind the 12-byte virtio_net_hdr
 * (version 1 always has num_buffers). Only VIRTIO_NET_F_MAC and
 * VIRTIO_NET_F_MTU are negotiated: no offloads, no merged receive
 * buffers, no control queue, so every frame fits one buffer.
 *
 * Receive buffers are posted once and re-posted as each is copied out.
 * Transmit buffers come from a pool; a send copies the frame into one,
 * posts it, and takes back the device's used ones on the way (lazily:
 * a send waits only when none is free).
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/asm/cpu.h>
#include <uk/essentials.h>
#include <uk/netdev.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/virtio.h>

#define F_MTU		(1ULL << 3)
#define F_MAC		(1ULL << 5)
#define CFG_MTU		10	/* struct virtio_net_config */

#define HDR		12	/* struct virtio_net_hdr, version 1 */
#define ETH_HLEN	14
#define VLAN_HLEN	4	/* room for a tag the device may leave on */
#define MTU_DEFAULT	1500
#define RX_MAX		128	/* receive buffers, at most ... */
#define RX_BYTES	(256 << 10)	/* ... and about this much memory */
#define RX_MIN		8
#define TX_MAX		64
#define NETDEV_MAX	4

struct uk_netdev {
	struct uk_virtio_dev *vd;
	struct uk_virtq *rx, *tx;
	uint8_t mac[6];
	unsigned int mtu;
	size_t buf_len;		/* header + the longest frame */
	char **tx_free;		/* a stack of idle transmit buffers */
	unsigned int ntx_free;
};

static struct uk_netdev *devs[NETDEV_MAX];
static unsigned int ndevs;

static int rx_post(struct uk_netdev *d, char *b)
{
	struct iovec v = { b, d->buf_len };

	return uk_virtq_add(d->rx, NULL, 0, &v, 1, b);
}

/* An idle transmit buffer, after taking back what the device used. */
static char *tx_get(struct uk_netdev *d)
{
	unsigned long fl = ukarch_irq_save();
	char *b;

	while ((b = uk_virtq_take(d->tx, NULL)))
		d->tx_free[d->ntx_free++] = b;
	b = d->ntx_free ? d->tx_free[--d->ntx_free] : NULL;
	ukarch_irq_restore(fl);
	return b;
}

static void tx_put(struct uk_netdev *d, char *b)
{
	unsigned long fl = ukarch_irq_save();

	d->tx_free[d->ntx_free++] = b;
	ukarch_irq_restore(fl);
}

/* Buffers for both queues, the receive ones posted: 0 or -errno. */
static int buffers(struct uk_netdev *d)
{
	struct uk_alloc *a = uk_alloc_get_default();
	unsigned int nrx, i;
	char *mem;

	nrx = MAX(RX_MIN, MIN(RX_MAX, RX_BYTES / d->buf_len));
	mem = uk_memalign(a, 64, (nrx + TX_MAX) * d->buf_len);
	d->tx_free = uk_calloc(a, TX_MAX, sizeof(*d->tx_free));
	if (!mem || !d->tx_free)
		return -ENOMEM;
	/* As many as the queue takes (it may be smaller). */
	for (i = 0; i < nrx && !rx_post(d, mem + i * d->buf_len); i++)
		;
	if (!i)
		return -EIO;
	mem += nrx * d->buf_len;
	for (i = 0; i < TX_MAX; i++)
		d->tx_free[d->ntx_free++] = mem + i * d->buf_len;
	return 0;
}

static void setup(struct uk_virtio_dev *vd)
{
	struct uk_netdev *d;
	uint64_t f;
	uint16_t mtu;
	uint64_t t;
	int i;

	if (ndevs == NETDEV_MAX)
		return;
	d = uk_calloc(uk_alloc_get_default(), 1, sizeof(*d));
	if (!d)
		return;
	d->vd = vd;
	f = uk_virtio_negotiate(vd, F_MAC | F_MTU);
	if (!f)
		return;
	d->mtu = MTU_DEFAULT;
	if (f & F_MTU) {
		uk_virtio_config_read(vd, CFG_MTU, &mtu, sizeof(mtu));
		if (mtu >= 68)	/* the spec's least */
			d->mtu = mtu;
	}
	if (f & F_MAC) {
		uk_virtio_config_read(vd, 0, d->mac, sizeof(d->mac));
	} else {
		/* A locally administered address, different per boot. */
		t = ukplat_monotonic_ns();
		d->mac[0] = 0x02;
		for (i = 1; i < 6; i++, t >>= 8)
			d->mac[i] = t;
	}
	d->buf_len = ALIGN_UP(HDR + d->mtu + ETH_HLEN + VLAN_HLEN, 64);
	d->rx = uk_virtio_queue(vd, 0, RX_MAX);
	d->tx = uk_virtio_queue(vd, 1, TX_MAX);
	if (!d->rx || !d->tx || buffers(d) || uk_virtio_ready(vd)) {
		uk_pr_err("virtio-net: %s: cannot set it up\n",
			  uk_virtio_name(vd));
		return;
	}
	uk_virtq_kick(d->rx);	/* only after DRIVER_OK */
	devs[ndevs++] = d;
	uk_pr_info("virtio-net: %s mac %02x:%02x:%02x:%02x:%02x:%02x mtu %u\n",
		   uk_virtio_name(vd), d->mac[0], d->mac[1], d->mac[2],
		   d->mac[3], d->mac[4], d->mac[5], d->mtu);
}

struct uk_netdev *uk_netdev_get(unsigned int i)
{
	static struct uk_mutex lock = UK_MUTEX_INIT;
	static int probed;
	struct uk_virtio_dev *vd;
	unsigned int k;

	uk_mutex_lock(&lock);
	if (!probed) {
		probed = 1;
		for (k = 0; (vd = uk_virtio_find(UK_VIRTIO_ID_NET, k)); k++)
			setup(vd);
	}
	uk_mutex_unlock(&lock);
	return i < ndevs ? devs[i] : NULL;
}

void uk_netdev_mac(struct uk_netdev *d, uint8_t mac[6])
{
	memcpy(mac, d->mac, 6);
}

unsigned int uk_netdev_mtu(struct uk_netdev *d)
{
	return d->mtu;
}

const char *uk_netdev_name(struct uk_netdev *d)
{
	return uk_virtio_name(d->vd);
}

int uk_netdev_send(struct uk_netdev *d, const struct iovec *iov,
		   unsigned int n)
{
	size_t total = 0, max = d->mtu + ETH_HLEN;
	struct iovec v;
	unsigned int i;
	char *b, *p;
	int r;

	for (i = 0; i < n; i++) {
		if (iov[i].iov_len > max - total)
			return -EMSGSIZE;
		total += iov[i].iov_len;
	}
	for (;;) {
		b = tx_get(d);
		if (b) {
			memset(b, 0, HDR);	/* no offloads: all zero */
			for (p = b + HDR, i = 0; i < n; i++) {
				memcpy(p, iov[i].iov_base, iov[i].iov_len);
				p += iov[i].iov_len;
			}
			v.iov_base = b;
			v.iov_len = HDR + total;
			r = uk_virtq_add(d->tx, &v, 1, NULL, 0, b);
			if (!r)
				break;
			tx_put(d, b);
			if (r != -ENOSPC)
				return -EIO;
		}
		/* All buffers (or the ring) in the device's hands. */
		if (uk_virtq_wait(d->tx, UINT64_MAX))
			return -EIO;
	}
	uk_virtq_kick(d->tx);
	return 0;
}

long uk_netdev_recv(struct uk_netdev *d, void *buf, size_t len,
		    uint64_t deadline_ns)
{
	uint32_t got;
	size_t n;
	char *b;
	int r;

	for (;;) {
		b = uk_virtq_take(d->rx, &got);
		if (b) {
			n = got > HDR ? MIN(got - HDR, len) : 0;
			memcpy(buf, b + HDR, n);
			r = rx_post(d, b);
			uk_virtq_kick(d->rx);
			if (r)
				return -EIO;
			if (got > HDR)
				return n;
			continue;	/* an empty frame: none */
		}
		if (!deadline_ns)
			return 0;
		r = uk_virtq_wait(d->rx, deadline_ns);
		if (r == -ETIMEDOUT)
			return 0;
		if (r)
			return r;
	}
}
