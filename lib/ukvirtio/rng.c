/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-rng (virtio 1.1, 5.4): one queue of device-writable buffers
 * the device fills with entropy. Set up at boot when a device exists
 * (one info line names it); getrandom() then reads it through
 * uk_random_device_read() (uk/random.h, lib/uksyscall).
 */
#include <errno.h>
#include <string.h>
#include <uk/config.h>
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/virtio.h>
#ifdef CONFIG_LIBUKSYSCALL
#include <uk/random.h>
#else
long uk_random_device_read(void *buf, size_t len);
#endif

/* Bytes per request: a buffer on the caller's stack, copied out, so
 * the device never writes where the caller's pointer may not be RAM.
 */
#define CHUNK	512

static struct uk_virtq *rng_q;

long uk_random_device_read(void *buf, size_t len)
{
	unsigned char tmp[CHUNK];
	struct iovec v;
	size_t n = 0;
	long r;

	if (!rng_q)
		return -ENODEV;
	while (n < len) {
		v.iov_base = tmp;
		v.iov_len = MIN(len - n, sizeof(tmp));
		r = uk_virtq_call(rng_q, NULL, 0, &v, 1);
		if (r <= 0)
			return n ? (long)n : (r ? r : -EIO);
		memcpy((unsigned char *)buf + n, tmp, r);
		n += r;
	}
	return n;
}

static int rng_init(void)
{
	struct uk_virtio_dev *d = uk_virtio_find(UK_VIRTIO_ID_RNG, 0);
	struct uk_virtq *q;

	if (!d)
		return 0;
	if (!uk_virtio_negotiate(d, 0))
		return 0;
	q = uk_virtio_queue(d, 0, 64);
	if (!q) {
		uk_pr_err("virtio-rng: %s: no request queue\n",
			  uk_virtio_name(d));
		return 0;
	}
	if (uk_virtio_ready(d)) {
		uk_pr_err("virtio-rng: %s: the device failed\n",
			  uk_virtio_name(d));
		return 0;
	}
	rng_q = q;
	uk_pr_info("virtio-rng: %s\n", uk_virtio_name(d));
	return 0;
}
uk_lib_initcall(rng_init);
