/*
 * Talks to QEMU's user network (slirp) through uk/netdev.h with frames
 * built by hand: an ARP request for the gateway 10.0.2.2 (slirp answers
 * with 52:55:0a:00:02:02) and a DHCP DISCOVER (slirp offers 10.0.2.15).
 * Then 4 threads send 50 ARP requests each at once while main counts
 * the replies. With arguments "rtt N": N ARP round trips, timed; with
 * "udp PORT N": N UDP round trips through slirp to a host echo server
 * on 127.0.0.1:PORT (slirp answers them from its own loop, so the
 * guest waits for each), timed. Without a network device it says so.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/netdev.h>
#include <uk/plat/time.h>

#define SEC	1000000000ULL

static uint8_t mac[6];
static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t me[4] = { 10, 0, 2, 15 }, gw[4] = { 10, 0, 2, 2 };

static void eth(uint8_t *p, const uint8_t *dst, uint16_t type)
{
	memcpy(p, dst, 6);
	memcpy(p + 6, mac, 6);
	p[12] = type >> 8;
	p[13] = type;
}

static uint16_t be16(const uint8_t *p)
{
	return p[0] << 8 | p[1];
}

/* An ARP request for gw, as two pieces: Ethernet header, then ARP. */
static int arp_send(struct uk_netdev *d)
{
	uint8_t h[14], a[28] = { 0, 1, 8, 0, 6, 4, 0, 1 };
	struct iovec v[2] = { { h, sizeof(h) }, { a, sizeof(a) } };

	eth(h, bcast, 0x0806);
	memcpy(a + 8, mac, 6);
	memcpy(a + 14, me, 4);
	memcpy(a + 24, gw, 4);
	return uk_netdev_send(d, v, 2);
}

/* Waits (up to deadline) for gw's ARP reply; 0 when it came. */
static int arp_reply(struct uk_netdev *d, uint64_t deadline, uint8_t *hw)
{
	uint8_t f[1600];
	long n;

	while ((n = uk_netdev_recv(d, f, sizeof(f), deadline)) > 0)
		if (n >= 42 && be16(f + 12) == 0x0806 && be16(f + 20) == 2 &&
		    !memcmp(f + 28, gw, 4)) {
			memcpy(hw, f + 22, 6);
			return 0;
		}
	return -1;
}

static uint16_t ip_sum(const uint8_t *p, int len)
{
	uint32_t s = 0;
	int i;

	for (i = 0; i < len; i += 2)
		s += be16(p + i);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return ~s;
}

#define XID	"KILN"	/* the transaction id */
#define BOOTP	548		/* 236 fixed bytes, 312 of options */

/* A DHCP DISCOVER, broadcast from 0.0.0.0:68 to port 67, in 3 pieces. */
static int dhcp_discover(struct uk_netdev *d)
{
	static uint8_t h[14], iu[28], b[BOOTP];
	struct iovec v[3] = { { h, 14 }, { iu, 28 }, { b, BOOTP } };
	uint16_t s;

	eth(h, bcast, 0x0800);
	iu[0] = 0x45;				/* IPv4, 20-byte header */
	iu[2] = (28 + BOOTP) >> 8;
	iu[3] = (uint8_t)(28 + BOOTP);
	iu[8] = 64;				/* TTL */
	iu[9] = 17;				/* UDP */
	memset(iu + 16, 0xff, 4);		/* to 255.255.255.255 */
	s = ip_sum(iu, 20);
	iu[10] = s >> 8;
	iu[11] = s;
	iu[21] = 68;				/* UDP ports 68 -> 67 */
	iu[23] = 67;
	iu[24] = (8 + BOOTP) >> 8;
	iu[25] = (uint8_t)(8 + BOOTP);		/* checksum 0: none */
	b[0] = 1;				/* BOOTREQUEST, Ethernet */
	b[1] = 1;
	b[2] = 6;
	memcpy(b + 4, XID, 4);
	b[10] = 0x80;				/* broadcast reply */
	memcpy(b + 28, mac, 6);
	memcpy(b + 236, "\x63\x82\x53\x63\x35\x01\x01\xff", 8);
	return uk_netdev_send(d, v, 3);
}

/* Waits for the OFFER to our DISCOVER; prints what it offers. */
static int dhcp_offer(struct uk_netdev *d, uint64_t deadline)
{
	uint8_t f[1600], *b, *o;
	long n;

	while ((n = uk_netdev_recv(d, f, sizeof(f), deadline)) > 0) {
		b = f + 42;
		if (n < 42 + 240 || be16(f + 12) != 0x0800 || f[23] != 17 ||
		    be16(f + 36) != 68 || b[0] != 2 ||
		    memcmp(b + 4, XID, 4))
			continue;
		for (o = b + 240; o < f + n && *o != 255; o += o[1] + 2)
			if (*o == 53 && o[2] == 2) {
				printf("dhcp offer: %u.%u.%u.%u\n", b[16],
				       b[17], b[18], b[19]);
				return 0;
			}
	}
	return -1;
}

static void rtt(struct uk_netdev *d, int n)
{
	uint64_t t0 = ukplat_monotonic_ns(), t;
	uint8_t hw[6];
	int i;

	for (i = 0; i < n; i++)
		if (arp_send(d) || arp_reply(d, ukplat_monotonic_ns() + SEC, hw))
			break;
	t = (ukplat_monotonic_ns() - t0) / 1000;
	printf("arp round trips: %d of %d in %llu us, %llu us each\n", i, n,
	       (unsigned long long)t, (unsigned long long)(i ? t / i : 0));
}

#define SENDERS	4
#define EACH	50

static void *sender(void *arg)
{
	struct uk_netdev *d = arg;
	long bad = 0;
	int i;

	for (i = 0; i < EACH; i++)
		bad += arp_send(d) != 0;
	return (void *)bad;
}

/* Sends from several threads at once; each request gets its reply. */
static void senders(struct uk_netdev *d)
{
	pthread_t t[SENDERS];
	uint8_t hw[6];
	long bad = 0;
	void *r;
	int i, n = 0;

	for (i = 0; i < SENDERS; i++)
		pthread_create(&t[i], NULL, sender, d);
	while (n < SENDERS * EACH &&
	       !arp_reply(d, ukplat_monotonic_ns() + SEC, hw))
		n++;
	for (i = 0; i < SENDERS; i++) {
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	printf("%d threads: %d sent, %ld failed, %d replies\n", SENDERS,
	       SENDERS * EACH, bad, n);
}

/* A UDP datagram of n bytes (its checksum left 0) from 10.0.2.15:4321
 * to gw:port, via slirp's MAC gw_mac.
 */
static int udp_send(struct uk_netdev *d, const uint8_t *gw_mac, int port,
		    const uint8_t *data, int n)
{
	uint8_t h[42] = { 0 };
	struct iovec v[2] = { { h, sizeof(h) }, { (void *)data, n } };
	uint16_t s;

	eth(h, gw_mac, 0x0800);
	h[14] = 0x45;
	h[16] = (28 + n) >> 8;
	h[17] = (uint8_t)(28 + n);
	h[22] = 64;
	h[23] = 17;
	memcpy(h + 26, me, 4);
	memcpy(h + 30, gw, 4);
	s = ip_sum(h + 14, 20);
	h[24] = s >> 8;
	h[25] = s;
	h[34] = 4321 >> 8;
	h[35] = 4321 & 0xff;
	h[36] = port >> 8;
	h[37] = port;
	h[38] = (8 + n) >> 8;
	h[39] = (uint8_t)(8 + n);
	return uk_netdev_send(d, v, 2);
}

/* Waits for the echo of data; 0 when it came. */
static int udp_reply(struct uk_netdev *d, uint64_t deadline,
		     const uint8_t *data, int n)
{
	uint8_t f[1600];
	long len;

	while ((len = uk_netdev_recv(d, f, sizeof(f), deadline)) > 0)
		if (len >= 42 + n && be16(f + 12) == 0x0800 && f[23] == 17 &&
		    be16(f + 36) == 4321 && !memcmp(f + 42, data, n))
			return 0;
	return -1;
}

static void udp(struct uk_netdev *d, int port, int n)
{
	uint8_t hw[6], data[32];
	uint64_t t0, t;
	int i;

	if (arp_send(d) || arp_reply(d, ukplat_monotonic_ns() + SEC, hw))
		return;
	t0 = ukplat_monotonic_ns();
	for (i = 0; i < n; i++) {
		snprintf((char *)data, sizeof(data), "kiln %08d", i);
		if (udp_send(d, hw, port, data, 13) ||
		    udp_reply(d, ukplat_monotonic_ns() + SEC, data, 13))
			break;
	}
	t = (ukplat_monotonic_ns() - t0) / 1000;
	printf("udp round trips: %d of %d in %llu us, %llu us each\n", i, n,
	       (unsigned long long)t, (unsigned long long)(i ? t / i : 0));
}

int main(int argc, char **argv)
{
	struct uk_netdev *d = uk_netdev_get(0);
	uint8_t hw[6], big[1600] = { 0 };
	struct iovec v = { big, 0 };
	int r;

	if (!d) {
		printf("netdev: none\n");
		return 0;
	}
	uk_netdev_mac(d, mac);
	printf("netdev: %s mac %02x:%02x:%02x:%02x:%02x:%02x mtu %u\n",
	       uk_netdev_name(d), mac[0], mac[1], mac[2], mac[3], mac[4],
	       mac[5], uk_netdev_mtu(d));
	printf("recv, no wait: %ld\n", uk_netdev_recv(d, big, 64, 0));
	v.iov_len = uk_netdev_mtu(d) + 15;
	r = uk_netdev_send(d, &v, 1);
	printf("mtu + 15 bytes: %s\n", r == -EMSGSIZE ? "EMSGSIZE" : "sent?");

	if (arp_send(d) || arp_reply(d, ukplat_monotonic_ns() + 5 * SEC, hw))
		printf("arp: no reply\n");
	else
		printf("arp: 10.0.2.2 is at %02x:%02x:%02x:%02x:%02x:%02x\n",
		       hw[0], hw[1], hw[2], hw[3], hw[4], hw[5]);
	if (dhcp_discover(d) || dhcp_offer(d, ukplat_monotonic_ns() + 5 * SEC))
		printf("dhcp: no offer\n");
	senders(d);
	if (argc == 3 && !strcmp(argv[1], "rtt"))
		rtt(d, atoi(argv[2]));
	if (argc == 4 && !strcmp(argv[1], "udp"))
		udp(d, atoi(argv[2]), atoi(argv[3]));
	return 0;
}
