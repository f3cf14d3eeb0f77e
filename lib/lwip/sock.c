/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sockets as files: a struct sock over an lwIP netconn behind a
 * uk_file in ukvfs's descriptor table, so read, write, close, dup,
 * fcntl, poll and epoll treat them as any other file.
 *
 * Readiness is read from the netconn itself (its mailboxes, its TCP
 * send room, its pending error) under the core lock; lwIP's event
 * callback only tells pollers to look again (uk_vfs_poll_wake). So no
 * event counts are kept, and a connection accepted by lwIP before
 * accept() made its socket is as ready as its mailbox says.
 *
 * A netconn's own non-blocking flag stays clear but for the accept()
 * and connect() calls that need it; reads and writes say per call.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <uk/alloc.h>
#include <uk/syscall.h>
#include "lwip/priv/api_msg.h"
#include "lwip/tcp.h"
#include "lwip/tcpip.h"
#include "lwip/udp.h"
#include "sock_impl.h"

static const struct uk_file_ops sock_ops;

int sock_errno(err_t err)
{
	int e = err_to_errno(err);

	if (err == ERR_OK)
		return 0;
	return e > 0 ? e : EIO;	/* ERR_IF has none: the device failed */
}

/*
 * Events from lwIP (under its core lock but for RCVMINUS, which a
 * reader sends): pollers look again. A connection both sides have
 * closed (TIME_WAIT, CLOSING) is left to lwIP: its pcb would otherwise
 * be freed by lwIP's timer two minutes on while the socket points at
 * it. lwIP finishes the close alone, as after close().
 */
void sock_event(struct netconn *c, enum netconn_evt e, u16_t len)
{
	struct tcp_pcb *pcb = c->pcb.tcp;

	(void)len;
	if (e == NETCONN_EVT_RCVPLUS && NETCONNTYPE_GROUP(c->type) ==
	    NETCONN_TCP && pcb && (pcb->state == TIME_WAIT ||
				   pcb->state == CLOSING)) {
		tcp_arg(pcb, NULL);
		tcp_recv(pcb, NULL);
		tcp_sent(pcb, NULL);
		tcp_err(pcb, NULL);
		tcp_poll(pcb, NULL, 0);
		c->pcb.tcp = NULL;
		/* lwIP takes a FIN read without a pcb for a reset, unless
		 * an error is pending: "closed" is read as the end.
		 */
		if (c->pending_err == ERR_OK)
			c->pending_err = ERR_CLSD;
	}
	uk_vfs_poll_wake();
}

int sock_get(int fd, struct sock **s, struct uk_file **f)
{
	*f = uk_fd_get(fd);
	if (!*f)
		return -EBADF;
	if ((*f)->ops != &sock_ops) {
		uk_file_put(*f);
		return -ENOTSOCK;
	}
	*s = (*f)->priv;
	return 0;
}

int sock_is(struct uk_file *f)
{
	return f->ops == &sock_ops;
}

int sock_install(struct netconn *conn, int type, int flags, int cloexec)
{
	struct sock *s = uk_calloc(uk_alloc_get_default(), 1, sizeof(*s));
	struct uk_file *f;
	int fd;

	if (!s) {
		netconn_delete(conn);
		return -ENOMEM;
	}
	s->conn = conn;
	s->type = type;
	uk_mutex_init(&s->wlock);
	f = uk_file_new(&sock_ops, O_RDWR | (flags & O_NONBLOCK), s);
	if (!f) {
		netconn_delete(conn);
		uk_free(uk_alloc_get_default(), s);
		return -ENOMEM;
	}
	fd = uk_fd_install(f, cloexec);
	if (fd < 0)
		uk_file_put(f);		/* closes the netconn */
	return fd;
}

int sock_addr_in(const struct sockaddr *sa, socklen_t len, ip_addr_t *ip,
		 u16_t *port)
{
	const struct sockaddr_in *in = (const struct sockaddr_in *)sa;

	if (!sa || len < sizeof(sa_family_t))
		return -EINVAL;
	if (sa->sa_family != AF_INET)
		return -EAFNOSUPPORT;
	if (len < sizeof(*in))
		return -EINVAL;
	ip_addr_set_ip4_u32(ip, in->sin_addr.s_addr);
	*port = ntohs(in->sin_port);
	return 0;
}

int sock_addr_out(const ip_addr_t *ip, u16_t port, struct sockaddr *sa,
		  socklen_t *len)
{
	struct sockaddr_in in;

	if (!sa || !len)
		return 0;
	if ((int)*len < 0)
		return -EINVAL;
	memset(&in, 0, sizeof(in));
	in.sin_family = AF_INET;
	in.sin_port = htons(port);
	in.sin_addr.s_addr = ip_addr_get_ip4_u32(ip);
	memcpy(sa, &in, *len < sizeof(in) ? *len : sizeof(in));
	*len = sizeof(in);
	return 0;
}

static int nonblocking(struct uk_file *f, int flags)
{
	return (f->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT);
}

static ssize_t stream_recv(struct uk_file *f, struct sock *s, char *buf,
			size_t len, int flags)
{
	int nb = nonblocking(f, flags);
	size_t done = 0, n;
	struct pbuf *p;
	err_t err;

	if (s->rd_shut)
		return 0;
	while (done < len) {
		if (!s->rx) {
			if (s->eof || s->rd_shut)
				break;
			err = netconn_recv_tcp_pbuf_flags(s->conn, &p,
				nb || (done && !(flags & MSG_WAITALL)) ?
				NETCONN_DONTBLOCK : 0);
			if (err == ERR_CLSD) {
				s->eof = 1;
				break;
			}
			if (err != ERR_OK) {
				if (done)
					break;
				return -sock_errno(err);
			}
			s->rx = p;
			s->rx_off = 0;
		}
		n = s->rx->tot_len - s->rx_off;
		if (n > len - done)
			n = len - done;
		pbuf_copy_partial(s->rx, buf + done, n, s->rx_off);
		done += n;
		if (flags & MSG_PEEK)
			break;
		s->rx_off += n;
		if (s->rx_off == s->rx->tot_len) {
			pbuf_free(s->rx);
			s->rx = NULL;
		}
	}
	return done;
}

static ssize_t dgram_recv(struct uk_file *f, struct sock *s, char *buf,
			size_t len, int flags, ip_addr_t *from, u16_t *port)
{
	struct netbuf *nb = s->rx_dgram;
	size_t n;
	err_t err;

	if (!nb) {
		err = netconn_recv_udp_raw_netbuf_flags(s->conn, &nb,
			nonblocking(f, flags) ? NETCONN_DONTBLOCK : 0);
		if (err != ERR_OK)
			return -sock_errno(err);
	}
	n = netbuf_len(nb);
	netbuf_copy(nb, buf, len < n ? len : n);
	if (from)
		ip_addr_copy(*from, *netbuf_fromaddr(nb));
	if (port)
		*port = netbuf_fromport(nb);
	if (flags & MSG_PEEK) {
		s->rx_dgram = nb;
	} else {
		s->rx_dgram = NULL;
		netbuf_delete(nb);
	}
	return (flags & MSG_TRUNC) || len > n ? n : len;
}

ssize_t sock_recv(struct uk_file *f, struct sock *s, void *buf, size_t len,
		  int flags, ip_addr_t *from, u16_t *from_port)
{
	if (s->listening)
		return -ENOTCONN;
	if (s->type == SOCK_STREAM) {
		if (from) {
			ip_addr_set_zero(from);
			*from_port = 0;
		}
		return stream_recv(f, s, buf, len, flags);
	}
	return dgram_recv(f, s, buf, len, flags, from, from_port);
}

/* A write on a connection that is gone: EPIPE, and SIGPIPE unless the
 * caller said MSG_NOSIGNAL (as Linux does).
 */
static ssize_t broken_pipe(int flags)
{
	if (!(flags & MSG_NOSIGNAL))
		uk_syscall(SYS_kill, 0, SIGPIPE, 0, 0, 0, 0);
	return -EPIPE;
}

ssize_t sock_send(struct uk_file *f, struct sock *s, const void *buf,
		  size_t len, int flags, const ip_addr_t *to, u16_t to_port)
{
	size_t written = 0;
	struct netbuf nb;
	err_t err;

	if (s->type == SOCK_STREAM) {
		if (s->listening)
			return -ENOTCONN;
		if (!nonblocking(f, flags))
			uk_mutex_lock(&s->wlock);
		else if (!uk_mutex_trylock(&s->wlock))
			return -EAGAIN;	/* another thread is writing */
		err = netconn_write_partly(s->conn, buf, len, NETCONN_COPY |
			(nonblocking(f, flags) ? NETCONN_DONTBLOCK : 0),
			&written);
		uk_mutex_unlock(&s->wlock);
		if (written)
			return written;
		if (err == ERR_OK)
			return 0;
		if (err == ERR_CLSD || err == ERR_CONN || err == ERR_ABRT ||
		    err == ERR_RST)
			return broken_pipe(flags);
		return -sock_errno(err);
	}
	if (len > 65507)
		return -EMSGSIZE;
	if (!to && !(s->conn->pcb.udp->flags & UDP_FLAGS_CONNECTED))
		return -EDESTADDRREQ;
	memset(&nb, 0, sizeof(nb));
	if (netbuf_ref(&nb, buf, len) != ERR_OK)
		return -ENOMEM;
	err = to ? netconn_sendto(s->conn, &nb, to, to_port) :
		   netconn_send(s->conn, &nb);
	netbuf_free(&nb);
	return err == ERR_OK ? (ssize_t)len : -sock_errno(err);
}

/* The bytes an iovec holds: 0, or -errno for a malformed one. */
static long iov_total(const struct iovec *iov, int n, size_t *total)
{
	int i;

	*total = 0;
	if (n < 0 || n > 1024)
		return n < 0 ? -EINVAL : -EMSGSIZE;
	for (i = 0; i < n; i++) {
		if (iov[i].iov_len > 0x7ffff000 - *total)
			return -EINVAL;
		*total += iov[i].iov_len;
	}
	return 0;
}

ssize_t sock_sendv(struct uk_file *f, struct sock *s, const struct iovec *iov,
		   int n, int flags, const ip_addr_t *to, u16_t to_port)
{
	size_t total, off = 0;
	ssize_t rc = iov_total(iov, n, &total);
	char *buf;
	int i;

	if (rc)
		return rc;
	if (n == 1)
		return sock_send(f, s, iov[0].iov_base, total, flags, to,
				 to_port);
	buf = uk_malloc(uk_alloc_get_default(), total ? total : 1);
	if (!buf)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		memcpy(buf + off, iov[i].iov_base, iov[i].iov_len);
		off += iov[i].iov_len;
	}
	rc = sock_send(f, s, buf, total, flags, to, to_port);
	uk_free(uk_alloc_get_default(), buf);
	return rc;
}

ssize_t sock_recvv(struct uk_file *f, struct sock *s, const struct iovec *iov,
		   int n, int flags, ip_addr_t *from, u16_t *from_port,
		   int *msg_flags)
{
	size_t total, off = 0, k;
	ssize_t rc = iov_total(iov, n, &total), got;
	char *buf;
	int i;

	if (rc)
		return rc;
	buf = n == 1 ? iov[0].iov_base :
		uk_malloc(uk_alloc_get_default(), total ? total : 1);
	if (!buf)
		return -ENOMEM;
	/* Asked with MSG_TRUNC: the datagram's length, so truncation shows. */
	rc = sock_recv(f, s, buf, total, flags | (s->type == SOCK_DGRAM ?
		       MSG_TRUNC : 0), from, from_port);
	got = rc;
	if (rc > (ssize_t)total) {
		if (msg_flags)
			*msg_flags |= MSG_TRUNC;
		if (!(flags & MSG_TRUNC))
			rc = total;
		got = total;
	}
	for (i = 0; n > 1 && got > 0 && i < n && off < (size_t)got; i++) {
		k = iov[i].iov_len;
		if (k > (size_t)got - off)
			k = got - off;
		memcpy(iov[i].iov_base, buf + off, k);
		off += k;
	}
	if (n != 1)
		uk_free(uk_alloc_get_default(), buf);
	return rc;
}

static ssize_t sock_rwv(struct uk_file *f, const struct iovec *iov, int n,
			int write)
{
	return write ? sock_sendv(f, f->priv, iov, n, 0, NULL, 0) :
		       sock_recvv(f, f->priv, iov, n, 0, NULL, NULL, NULL);
}

static ssize_t sock_read(struct uk_file *f, void *buf, size_t len, off_t off)
{
	(void)off;
	return sock_recv(f, f->priv, buf, len, 0, NULL, NULL);
}

static ssize_t sock_write(struct uk_file *f, const void *buf, size_t len,
			  off_t off)
{
	(void)off;
	return sock_send(f, f->priv, buf, len, 0, NULL, 0);
}

static int mbox_has(sys_mbox_t *mb)
{
	return !sys_mbox_valid(mb) || kiln_mbox_count(*mb) > 0;
}

static short tcp_writable(struct netconn *c)
{
	struct tcp_pcb *pcb = c->pcb.tcp;

	if (!pcb || (pcb->state != ESTABLISHED && pcb->state != CLOSE_WAIT))
		return 0;
	return tcp_sndbuf(pcb) > TCP_SNDLOWAT &&
	       tcp_sndqueuelen(pcb) < TCP_SNDQUEUELOWAT ? POLLOUT : 0;
}

static short sock_poll(struct uk_file *f)
{
	struct sock *s = f->priv;
	struct netconn *c = s->conn;
	short ev = 0;

	LOCK_TCPIP_CORE();
	if (s->listening) {
		if (s->listen_shut || mbox_has(&c->acceptmbox))
			ev |= POLLIN;
	} else if (s->type == SOCK_DGRAM) {
		ev |= POLLOUT;
		if (s->rx_dgram || mbox_has(&c->recvmbox))
			ev |= POLLIN;
	} else {
		if (s->rx || s->eof || s->rd_shut || mbox_has(&c->recvmbox))
			ev |= POLLIN;
		ev |= tcp_writable(c);
		if (ev & POLLOUT)
			s->connected = 1;
		if (!c->pcb.tcp && c->state == NETCONN_NONE &&
		    (s->eof || c->pending_err != ERR_OK))
			ev |= POLLHUP;
	}
	if ((c->pending_err != ERR_OK && c->pending_err != ERR_CLSD) || s->err)
		ev |= POLLERR;
	UNLOCK_TCPIP_CORE();
	return ev;
}

static int sock_ioctl(struct uk_file *f, unsigned long req, void *arg)
{
	struct sock *s = f->priv;
	int n;

	if (req != FIONREAD)
		return -ENOTTY;
	if (!arg)
		return -EFAULT;
	SYS_ARCH_GET(s->conn->recv_avail, n);
	if (s->rx)
		n += s->rx->tot_len - s->rx_off;
	if (s->rx_dgram)
		n = netbuf_len(s->rx_dgram);
	*(int *)arg = n;
	return 0;
}

static int sock_stat(struct uk_file *f, struct stat *st)
{
	(void)f;
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFSOCK | 0777;
	st->st_nlink = 1;
	st->st_blksize = 4096;
	return 0;
}

static void sock_release(struct uk_file *f)
{
	struct sock *s = f->priv;

	if (s->rx)
		pbuf_free(s->rx);
	if (s->rx_dgram)
		netbuf_delete(s->rx_dgram);
	netconn_delete(s->conn);
	uk_free(uk_alloc_get_default(), s);
}

static const struct uk_file_ops sock_ops = {
	.read = sock_read,
	.write = sock_write,
	.poll = sock_poll,
	.ioctl = sock_ioctl,
	.stat = sock_stat,
	.release = sock_release,
	.rwv = sock_rwv,
};
