/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The network at boot: lwIP's threads, the first virtio-net device as
 * interface "en0", its address from the kernel word
 * kiln.ip=ADDR/PREFIX[,GATEWAY], else the Kconfig address, else DHCP.
 * main() starts once the interface has an address or the DHCP wait
 * (LIBLWIP_DHCP_WAIT_MS) ran out. Frames arrive through one receiving
 * thread, straight into a pbuf, and go out through uk_netdev_send.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/argparse.h>
#include <uk/config.h>
#include <uk/init.h>
#include <uk/netdev.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/syscall.h>
#include <sys/syscall.h>
#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcpip.h"
#include "netif/ethernet.h"
#include "sock_impl.h"

#define WORD	"kiln.ip="
#define FRAME_MAX	(1514 + 4)	/* 1500 + Ethernet header (+ a VLAN tag) */
#define SMALL_FRAME	256		/* copied into a buffer of its size */

int kiln_net_ready;

static struct netif nif;
static struct uk_netdev *dev;
static struct uk_sem got_address;

static err_t link_output(struct netif *n, struct pbuf *p)
{
	struct iovec iov[16];
	static char bounce[FRAME_MAX];
	unsigned int cnt = 0;
	struct pbuf *q;
	int rc;

	(void)n;
	for (q = p; q && cnt < 16; q = q->next)
		if (q->len) {
			iov[cnt].iov_base = q->payload;
			iov[cnt++].iov_len = q->len;
		}
	if (q) {	/* a long chain: one copy (the core lock is held) */
		if (p->tot_len > sizeof(bounce))
			return ERR_BUF;
		pbuf_copy_partial(p, bounce, p->tot_len, 0);
		iov[0].iov_base = bounce;
		iov[0].iov_len = p->tot_len;
		cnt = 1;
	}
	rc = uk_netdev_send(dev, iov, cnt);
	return rc ? ERR_IF : ERR_OK;
}

static err_t if_init(struct netif *n)
{
	n->name[0] = 'e';
	n->name[1] = 'n';
	n->mtu = uk_netdev_mtu(dev);
	n->hwaddr_len = ETH_HWADDR_LEN;
	uk_netdev_mac(dev, n->hwaddr);
	n->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
		   NETIF_FLAG_ETHERNET;
	n->output = etharp_output;
	n->linkoutput = link_output;
	netif_set_hostname(n, "kiln");
	return ERR_OK;
}

static void *rx_main(void *arg)
{
	unsigned int mtu = uk_netdev_mtu(dev);
	struct pbuf *p = NULL;
	long n;

	(void)arg;
	for (;;) {
		if (!p)
			p = pbuf_alloc(PBUF_RAW, mtu + 18, PBUF_RAM);
		if (!p) {	/* the heap is full: drop until it is not */
			uk_thread_sleep_ns(1000000);
			continue;
		}
		n = uk_netdev_recv(dev, p->payload, p->len, UINT64_MAX);
		if (n < 0) {
			uk_pr_err("lwip: %s: receive failed (%ld); the network is down\n",
				  uk_netdev_name(dev), n);
			pbuf_free(p);
			return NULL;
		}
		if (!n)
			continue;
		/* A frame keeps its buffer while queued (out of order, or
		 * unread): small ones get one their size, so a peer sending
		 * tiny segments cannot pin 1.5 KiB with each.
		 */
		if (n <= SMALL_FRAME) {
			struct pbuf *q = pbuf_alloc(PBUF_RAW, n, PBUF_RAM);

			if (!q)
				continue;	/* dropped: memory is short */
			memcpy(q->payload, p->payload, n);
			if (nif.input(q, &nif) != ERR_OK)
				pbuf_free(q);
			continue;
		}
		pbuf_realloc(p, n);
		if (nif.input(p, &nif) != ERR_OK)
			pbuf_free(p);
		p = NULL;
	}
}

/* DNS servers from the DHCP lease (option 6), for /etc/resolv.conf. */
#define DNS_MAX	3
static ip4_addr_t dns[DNS_MAX];
static int ndns;

void kiln_dhcp_option(unsigned char option, unsigned char len,
		      struct pbuf *p, unsigned short offset)
{
	uint32_t a;
	int i;

	if (option != 6)
		return;
	for (i = 0, ndns = 0; i + 4 <= len && ndns < DNS_MAX; i += 4) {
		if (pbuf_copy_partial(p, &a, 4, offset + i) != 4)
			break;
		ip4_addr_set_u32(&dns[ndns++], a);
	}
}

/*
 * musl's resolver reads /etc/resolv.conf on each lookup: with a lease
 * naming DNS servers, one is written unless the initrd brought its own.
 */
static void write_resolv_conf(void)
{
	static int written;
	char text[DNS_MAX * 32], addr[16];
	size_t len = 0;
	long fd;
	int i;

	if (!ndns || written)
		return;
	written = 1;
	for (i = 0; i < ndns; i++) {
		ip4addr_ntoa_r(&dns[i], addr, sizeof(addr));
		len += snprintf(text + len, sizeof(text) - len,
				"nameserver %s\n", addr);
	}
	fd = uk_syscall(SYS_openat, AT_FDCWD, (long)"/etc/resolv.conf",
			O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644, 0, 0);
	if (fd == -ENOENT) {
		uk_syscall(SYS_mkdirat, AT_FDCWD, (long)"/etc", 0755, 0, 0, 0);
		fd = uk_syscall(SYS_openat, AT_FDCWD, (long)"/etc/resolv.conf",
				O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644,
				0, 0);
	}
	if (fd < 0)
		return;		/* the initrd's stays */
	if (uk_syscall(SYS_write, fd, (long)text, len, 0, 0, 0) != (long)len)
		uk_pr_err("lwip: writing /etc/resolv.conf failed\n");
	uk_syscall(SYS_close, fd, 0, 0, 0, 0, 0);
}

static int waited;	/* net_init's wait for an address is over */

static void status_changed(struct netif *n)
{
	unsigned long fl;

	if (ip4_addr_isany_val(*netif_ip4_addr(n)))
		return;
	/* A lease that came after main() started still names its DNS
	 * (the file calls want interrupts masked, as in a system call).
	 */
	if (waited && dhcp_supplied_address(n)) {
		fl = ukarch_irq_save();
		write_resolv_conf();
		ukarch_irq_restore(fl);
	}
	/* The gateway's address now, not with the first packets. */
	if (!ip4_addr_isany_val(*netif_ip4_gw(n)))
		etharp_request(n, netif_ip4_gw(n));
	uk_sem_up(&got_address);
}

/* The value of the last kiln.ip= kernel word, copied into buf; 0: none. */
static int ip_word(char *buf, size_t len)
{
	int argc, i, found = 0;
	char **argv;

	if (!strstr(ukplat_cmdline(), WORD))
		return 0;
	argv = uk_argparse_kernel_words(ukplat_cmdline(), &argc);
	for (i = 0; argv && i < argc; i++)
		if (!strncmp(argv[i], WORD, strlen(WORD)) &&
		    strlen(argv[i] + strlen(WORD)) < len) {
			strcpy(buf, argv[i] + strlen(WORD));
			found = 1;
		}
	uk_free(uk_alloc_get_default(), argv);
	return found;
}

/* "ADDR/PREFIX[,GATEWAY]" (also from Kconfig): 0, or -1 when malformed. */
static int parse_static(const char *s, ip4_addr_t *ip, ip4_addr_t *mask,
			ip4_addr_t *gw, int prefix)
{
	char buf[64], *slash, *comma;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	comma = strchr(buf, ',');
	if (comma) {
		*comma++ = '\0';
		if (!ip4addr_aton(comma, gw))
			return -1;
	}
	slash = strchr(buf, '/');
	if (slash) {
		char *e;

		*slash++ = '\0';
		prefix = strtol(slash, &e, 10);
		if (*e || e == slash || prefix < 1 || prefix > 32)
			return -1;
	}
	if (!ip4addr_aton(buf, ip))
		return -1;
	ip4_addr_set_u32(mask, lwip_htonl(0xffffffffUL << (32 - prefix)));
	return 0;
}

static int prefix_of(const ip4_addr_t *mask)
{
	uint32_t m = lwip_ntohl(ip4_addr_get_u32(mask));
	int n = 0;

	while (m & 0x80000000U) {
		m <<= 1;
		n++;
	}
	return n;
}

static int net_init(void)
{
	ip4_addr_t ip, mask, gw;
	char word[64];
	const char *how = "DHCP";
	struct uk_thread *rx;
	uint64_t t0;

	dev = uk_netdev_get(0);
	if (!dev) {
		uk_pr_err("lwip: no network device (virtio-net: make run PORTS= or NET=user gives QEMU one): sockets fail with ENETDOWN\n");
		return 0;
	}
	ip4_addr_set_zero(&ip);
	ip4_addr_set_zero(&mask);
	ip4_addr_set_zero(&gw);
	if (ip_word(word, sizeof(word))) {
		how = "kiln.ip";
		if (parse_static(word, &ip, &mask, &gw, 24)) {
			uk_pr_err("lwip: kiln.ip=%s: not ADDR/PREFIX[,GATEWAY]; using DHCP\n",
				  word);
			how = "DHCP";
		}
	} else if (CONFIG_LIBLWIP_IPV4_ADDR[0]) {
		how = "static";
		if (parse_static(CONFIG_LIBLWIP_IPV4_ADDR, &ip, &mask, &gw,
				 CONFIG_LIBLWIP_IPV4_PREFIX) ||
		    (CONFIG_LIBLWIP_IPV4_GW[0] &&
		     !ip4addr_aton(CONFIG_LIBLWIP_IPV4_GW, &gw))) {
			uk_pr_err("lwip: the configured address %s (gateway \"%s\") is malformed; using DHCP\n",
				  CONFIG_LIBLWIP_IPV4_ADDR,
				  CONFIG_LIBLWIP_IPV4_GW);
			how = "DHCP";
		}
	}
	if (!strcmp(how, "DHCP"))
		ip4_addr_set_zero(&ip);

	uk_sem_init(&got_address, 0);
	tcpip_init(NULL, NULL);
	LOCK_TCPIP_CORE();
	netif_add(&nif, &ip, &mask, &gw, NULL, if_init, tcpip_input);
	netif_set_status_callback(&nif, status_changed);
	netif_set_default(&nif);
	netif_set_link_up(&nif);
	netif_set_up(&nif);
	if (ip4_addr_isany_val(ip))
		dhcp_start(&nif);
	UNLOCK_TCPIP_CORE();

	rx = uk_thread_create("netrx", rx_main, NULL, 0);
	if (!rx) {
		uk_pr_err("lwip: out of memory starting the receiving thread\n");
		return 0;
	}
	uk_thread_detach(rx);
	kiln_net_ready = 1;

	t0 = ukplat_monotonic_ns();
	if (ip4_addr_isany_val(ip) &&
	    uk_sem_down_until(&got_address, t0 +
			      CONFIG_LIBLWIP_DHCP_WAIT_MS * 1000000ULL)) {
		uk_pr_err("lwip: %s: no DHCP lease after %d ms; main() starts without an address\n",
			  uk_netdev_name(dev), CONFIG_LIBLWIP_DHCP_WAIT_MS);
		waited = 1;
		if (dhcp_supplied_address(&nif))	/* it came just now */
			write_resolv_conf();
		return 0;
	}
	waited = 1;
	if (!strcmp(how, "DHCP"))
		write_resolv_conf();
	ip4addr_ntoa_r(netif_ip4_addr(&nif), word, 16);
	ip4addr_ntoa_r(netif_ip4_gw(&nif), word + 32, 16);
	uk_pr_info("lwip: en0 %s/%d gateway %s (%s) on %s\n", word,
		   prefix_of(netif_ip4_netmask(&nif)), word + 32, how,
		   uk_netdev_name(dev));
	return 0;
}
uk_late_initcall(net_init);

/* TCP data still queued or unacknowledged, on any connection. */
static int tcp_in_flight(void)
{
	struct tcp_pcb *p;
	int busy = 0;

	LOCK_TCPIP_CORE();
	for (p = tcp_active_pcbs; p && !busy; p = p->next)
		busy = p->unsent || p->unacked;
	UNLOCK_TCPIP_CORE();
	return busy;
}

/*
 * The process ends: close its sockets as Linux's exit does (each sends
 * what it has, then FIN) and give the peers up to FLUSH_MS to take the
 * bytes, so a response written just before exit() is not lost.
 */
#define FLUSH_MS	2000

void uk_exit_flush(void)
{
	uint64_t end = ukplat_monotonic_ns() + FLUSH_MS * 1000000ULL;
	struct uk_file *f;
	int fd;

	if (!kiln_net_ready)
		return;
	for (fd = 0; fd < UK_FD_MAX; fd++) {
		f = uk_fd_get(fd);
		if (!f)
			continue;
		if (sock_is(f))
			uk_syscall(SYS_close, fd, 0, 0, 0, 0, 0);
		uk_file_put(f);
	}
	while (tcp_in_flight() && ukplat_monotonic_ns() < end)
		uk_thread_sleep_ns(5000000);
}
