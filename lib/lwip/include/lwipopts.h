/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's options for Kiln (lwIP's src/include/lwip/opt.h explains each).
 * Threads (NO_SYS 0) with the core lock taken by the calling thread
 * (no message to the tcpip thread per call); memory from Kiln's heap as
 * needed rather than fixed pools sized in advance; IPv4 TCP and UDP,
 * DHCP, loopback; no lwIP socket layer (Kiln's is sock.c).
 */
#ifndef __LWIPOPTS_H__
#define __LWIPOPTS_H__

#include <stddef.h>

#define NO_SYS				0
#define SYS_LIGHTWEIGHT_PROT		1
#define LWIP_TCPIP_CORE_LOCKING		1
#define LWIP_TCPIP_CORE_LOCKING_INPUT	1
#define TCPIP_THREAD_NAME		"lwip"
#define TCPIP_THREAD_STACKSIZE		(32 * 1024)
#define TCPIP_MBOX_SIZE			256
#define DEFAULT_THREAD_STACKSIZE	(32 * 1024)

/* Memory: the heap, per object. */
void *kiln_lwip_malloc(size_t size);
void *kiln_lwip_calloc(size_t n, size_t size);
void kiln_lwip_free(void *p);
#define MEM_LIBC_MALLOC			1
#define MEMP_MEM_MALLOC			1
#define mem_clib_malloc			kiln_lwip_malloc
#define mem_clib_calloc			kiln_lwip_calloc
#define mem_clib_free			kiln_lwip_free
#define MEM_ALIGNMENT			8
#define MEMP_NUM_TCP_PCB		1024
#define MEMP_NUM_TCP_PCB_LISTEN		64
#define MEMP_NUM_UDP_PCB		64
#define MEMP_NUM_NETCONN		1100
#define MEMP_NUM_NETBUF			256
#define MEMP_NUM_TCP_SEG		4096
#define MEMP_NUM_PBUF			1024
#define PBUF_POOL_SIZE			512
#define MEMP_NUM_SYS_TIMEOUT		(LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)

#define LWIP_IPV4			1
#define LWIP_IPV6			0
#define LWIP_ARP			1
/* Every packet waiting for an address is kept, not only the last (a
 * burst of SYN-ACKs to a gateway not yet resolved lost all but one).
 */
#define ARP_QUEUEING			1
#define ARP_QUEUE_LEN			64
#define MEMP_NUM_ARP_QUEUE		256
#define LWIP_ETHERNET			1
#define LWIP_ICMP			1
#define LWIP_RAW			0
#define LWIP_UDP			1
#define LWIP_TCP			1
#define LWIP_DHCP			1
#define DHCP_DOES_ARP_CHECK		0	/* saves a second at boot */
#define LWIP_AUTOIP			0
#define LWIP_IGMP			0
#define LWIP_DNS			0	/* musl resolves over UDP */
#define IP_REASSEMBLY			1
#define IP_FRAG				1
#define LWIP_NETIF_LOOPBACK		1
#define LWIP_HAVE_LOOPIF		1
#define LWIP_NETIF_STATUS_CALLBACK	1
#define LWIP_NETIF_HOSTNAME		1
#define LWIP_CHECKSUM_ON_COPY		1

/* TCP: 64 KiB windows and send buffers (window scaling). */
#define TCP_MSS				1460
#define LWIP_WND_SCALE			1
#define TCP_RCV_SCALE			2
#define TCP_WND				(64 * 1024)
#define TCP_SND_BUF			(64 * 1024)
#define TCP_SND_QUEUELEN		((4 * TCP_SND_BUF) / TCP_MSS)
#define TCP_LISTEN_BACKLOG		1
#define TCP_DEFAULT_LISTEN_BACKLOG	0xff
#define LWIP_TCP_KEEPALIVE		1
#define TCP_QUEUE_OOSEQ			1
/* Out-of-order segments held per connection: a window's worth. */
#define TCP_OOSEQ_MAX_BYTES		TCP_WND
#define TCP_OOSEQ_MAX_PBUFS		64
#define SO_REUSE			1

/* The netconn API, which Kiln's sockets are made of. */
#define LWIP_NETCONN			1
#define LWIP_SOCKET			0
#define LWIP_NETIF_API			0
#define LWIP_SO_RCVTIMEO		1
#define LWIP_SO_SNDTIMEO		1
#define LWIP_SO_RCVBUF			1
#define RECV_BUFSIZE_DEFAULT		(256 * 1024)
#define LWIP_NETCONN_FULLDUPLEX		0
#define DEFAULT_ACCEPTMBOX_SIZE		256
#define DEFAULT_TCP_RECVMBOX_SIZE	256
#define DEFAULT_UDP_RECVMBOX_SIZE	256
#define LWIP_DONT_PROVIDE_BYTEORDER_FUNCTIONS 1

#define LWIP_HOOK_FILENAME		"kiln_lwip_hooks.h"
#define LWIP_STATS			0
#define LWIP_CHKSUM_ALGORITHM		3

#endif /* __LWIPOPTS_H__ */
