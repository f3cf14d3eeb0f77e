/* SPDX-License-Identifier: BSD-3-Clause */
/* Sockets over lwIP's netconn API: what sock*.c share. */
#ifndef __LWIP_SOCK_IMPL_H__
#define __LWIP_SOCK_IMPL_H__

#include <sys/socket.h>
#include <uk/vfs.h>
#include "lwip/api.h"

struct sock {
	struct netconn *conn;
	int type;		/* SOCK_STREAM, SOCK_DGRAM */
	struct pbuf *rx;	/* TCP: what the last read left, from rx_off */
	size_t rx_off;
	struct netbuf *rx_dgram;/* UDP: a datagram kept by MSG_PEEK */
	int eof;		/* TCP: the peer's FIN was read */
	int rd_shut;		/* shutdown(SHUT_RD): reads give 0 */
	int err;		/* SO_ERROR to report (errno), then 0 */
	int listening;
	int listen_shut;	/* shutdown() of a listener: accept is EINVAL */
	int connected;		/* was a connection: a reset is not a refusal */
	/* A netconn takes one write at a time: writers queue here. */
	struct uk_mutex wlock;
	/* A listener's TCP options, given to what it accepts (a listening
	 * pcb has no room for them). 0: lwIP's default.
	 */
	int nodelay, keep_idle, keep_intvl, keep_cnt;
};

/* lwIP's event callback for every socket's netconn. */
void sock_event(struct netconn *c, enum netconn_evt e, u16_t len);
/* lwIP's own (api_msg.c): the mailbox message that says "closed";
 * a reader or accept() that takes it returns ERR_CLSD.
 */
extern const u8_t netconn_closed;
#define SOCK_CLOSED_MSG		((void *)&netconn_closed)
/* Applies a listener's TCP options to a connection it accepted. */
void sock_inherit(struct sock *listener, struct sock *s);

/* The network is up (a device was found): socket() may work. */
extern int kiln_net_ready;

/* The socket behind fd, with a file reference; -ENOTSOCK, -EBADF. */
int sock_get(int fd, struct sock **s, struct uk_file **f);
/* f is a socket. */
int sock_is(struct uk_file *f);
/* A socket file for conn with flags (O_NONBLOCK), installed: its fd. */
int sock_install(struct netconn *conn, int type, int flags, int cloexec);

/* errno for an lwIP error. */
int sock_errno(err_t err);

/* Linux sockaddr_in <-> lwIP address: 0 or -errno. */
int sock_addr_in(const struct sockaddr *sa, socklen_t len, ip_addr_t *ip,
		 u16_t *port);
/* Writes the address to (sa, *len) as getsockname(2) does. */
int sock_addr_out(const ip_addr_t *ip, u16_t port, struct sockaddr *sa,
		  socklen_t *len);

/*
 * Bytes in, bytes out, with MSG_* flags; from/to for datagrams. The
 * vector forms move the iovec as one transfer (one datagram); recvv
 * sets MSG_TRUNC in *msg_flags when a datagram was longer.
 */
ssize_t sock_recv(struct uk_file *f, struct sock *s, void *buf, size_t len,
		  int flags, ip_addr_t *from, u16_t *from_port);
ssize_t sock_send(struct uk_file *f, struct sock *s, const void *buf,
		  size_t len, int flags, const ip_addr_t *to, u16_t to_port);
ssize_t sock_recvv(struct uk_file *f, struct sock *s, const struct iovec *iov,
		   int n, int flags, ip_addr_t *from, u16_t *from_port,
		   int *msg_flags);
ssize_t sock_sendv(struct uk_file *f, struct sock *s, const struct iovec *iov,
		   int n, int flags, const ip_addr_t *to, u16_t to_port);

int sock_setsockopt(struct sock *s, int level, int name, const void *val,
		    socklen_t len);
int sock_getsockopt(struct sock *s, int level, int name, void *val,
		    socklen_t *len);

#endif /* __LWIP_SOCK_IMPL_H__ */
