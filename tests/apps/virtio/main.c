/*
 * Lists the virtio devices found (type and transport), then reads 64
 * bytes twice from the second virtio-rng device, driven here through
 * uk/virtio.h (the rng driver holds the first), and 64 bytes through
 * getrandom() (the driver's device when there is one), as hex. Its
 * arguments first: microvm's virtio_mmio.device= words must not be
 * among them.
 */
#include <stdio.h>
#include <sys/random.h>
#include <uk/virtio.h>

static void hex(const char *what, const unsigned char *p, long n)
{
	long i;

	printf("%s: %ld bytes ", what, n);
	for (i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

int main(int argc, char **argv)
{
	struct uk_virtio_dev *d;
	struct uk_virtq *q;
	unsigned char buf[64];
	struct iovec v = { buf, sizeof(buf) };
	unsigned int i;
	long n;
	int k;

	for (k = 1; k < argc; k++)
		printf("argv[%d]: %s\n", k, argv[k]);
	for (i = 0; (d = uk_virtio_get(i)); i++)
		printf("virtio device %u: type %u at %s\n", i, uk_virtio_id(d),
		       uk_virtio_name(d));
	if (!i)
		printf("virtio devices: none\n");

	d = uk_virtio_find(UK_VIRTIO_ID_RNG, 1);
	if (!d) {
		printf("second virtio-rng: none\n");
	} else if (!uk_virtio_negotiate(d, 0)) {
		printf("second virtio-rng: negotiation failed\n");
	} else if (!(q = uk_virtio_queue(d, 0, 8)) || uk_virtio_ready(d)) {
		printf("second virtio-rng: no queue\n");
	} else {
		for (k = 0; k < 2; k++) {
			n = uk_virtq_call(q, NULL, 0, &v, 1);
			hex("uk_virtq_call", buf, n);
		}
		/* More buffers than the queue holds: refused. */
		{
			struct iovec many[9];

			for (k = 0; k < 9; k++)
				many[k] = v;
			printf("nine buffers: %ld\n",
			       uk_virtq_call(q, NULL, 0, many, 9));
		}
	}
	n = getrandom(buf, sizeof(buf), 0);
	hex("getrandom", buf, n);
	return 0;
}
