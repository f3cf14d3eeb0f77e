/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The socket system calls (socket(2) ... shutdown(2)), as Linux gives
 * them to an unmodified libc: IPv4 TCP and UDP. Descriptors are
 * ukvfs's; see sock.c for what a socket is.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <uk/alloc.h>
#include <uk/syscall.h>
#include "lwip/priv/api_msg.h"
#include "lwip/tcpip.h"
#include "sock_impl.h"

static long sys_socket(int domain, int type, int protocol)
{
	int kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	enum netconn_type t;
	struct netconn *c;

	if (domain != AF_INET)
		return domain == AF_INET6 || domain == AF_UNIX ||
		       domain == AF_NETLINK || domain == AF_PACKET ?
		       -EAFNOSUPPORT : -EINVAL;
	if (kind == SOCK_STREAM && (!protocol || protocol == IPPROTO_TCP))
		t = NETCONN_TCP;
	else if (kind == SOCK_DGRAM && (!protocol || protocol == IPPROTO_UDP))
		t = NETCONN_UDP;
	else if (kind == SOCK_STREAM || kind == SOCK_DGRAM)
		return -EPROTONOSUPPORT;
	else
		return kind == SOCK_RAW ? -EPERM : -EINVAL;
	if (!kiln_net_ready)
		return -ENETDOWN;
	c = netconn_new_with_callback(t, sock_event);
	if (!c)
		return -ENOBUFS;
	return sock_install(c, kind, type & SOCK_NONBLOCK ? O_NONBLOCK : 0,
			    type & SOCK_CLOEXEC);
}

static long sys_bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	rc = sock_addr_in(sa, len, &ip, &port);
	if (!rc)
		rc = -sock_errno(netconn_bind(s->conn, &ip, port));
	uk_file_put(f);
	return rc;
}

static long sys_listen(int fd, int backlog)
{
	struct uk_file *f;
	struct sock *s;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	if (s->type != SOCK_STREAM) {
		rc = -EOPNOTSUPP;
	} else {
		ip_addr_t ip;
		u16_t port = 0;

		if (backlog < 1)
			backlog = 1;
		/* Unbound: an ephemeral port first, as Linux picks one. */
		if (!s->listening &&
		    (netconn_getaddr(s->conn, &ip, &port, 1) != ERR_OK ||
		     !port))
			rc = -sock_errno(netconn_bind(s->conn, IP4_ADDR_ANY, 0));
		if (!rc)
			rc = -sock_errno(netconn_listen_with_backlog(s->conn,
				backlog > 255 ? 255 : backlog));
		if (!rc)
			s->listening = 1;
	}
	uk_file_put(f);
	return rc;
}

static long sys_accept4(int fd, struct sockaddr *sa, socklen_t *len,
			int flags)
{
	struct netconn *nc;
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	err_t err;
	long rc;

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	rc = sock_get(fd, &s, &f);
	if (rc)
		return rc;
	if (!s->listening || s->listen_shut) {
		uk_file_put(f);
		return -EINVAL;
	}
	if (f->flags & O_NONBLOCK)
		netconn_set_nonblocking(s->conn, 1);
	err = netconn_accept(s->conn, &nc);
	netconn_set_nonblocking(s->conn, 0);
	if (err != ERR_OK) {
		rc = s->listen_shut ? -EINVAL : err == ERR_WOULDBLOCK ?
		     -EAGAIN : -sock_errno(err);
		uk_file_put(f);
		return rc;
	}
	if (sa && netconn_getaddr(nc, &ip, &port, 0) == ERR_OK) {
		rc = sock_addr_out(&ip, port, sa, len);
		if (rc) {
			netconn_delete(nc);
			uk_file_put(f);
			return rc;
		}
	}
	rc = sock_install(nc, SOCK_STREAM,
			  flags & SOCK_NONBLOCK ? O_NONBLOCK : 0,
			  flags & SOCK_CLOEXEC);
	if (rc >= 0) {
		struct uk_file *nf = uk_fd_get(rc);

		sock_inherit(s, nf->priv);
		uk_file_put(nf);
	}
	uk_file_put(f);
	return rc;
}

static long sys_accept(int fd, struct sockaddr *sa, socklen_t *len)
{
	return sys_accept4(fd, sa, len, 0);
}

static long sys_connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	err_t err;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	rc = sock_addr_in(sa, len, &ip, &port);
	if (rc) {
		uk_file_put(f);
		return rc;
	}
	if (s->type == SOCK_STREAM && (f->flags & O_NONBLOCK))
		netconn_set_nonblocking(s->conn, 1);
	err = netconn_connect(s->conn, &ip, port);
	netconn_set_nonblocking(s->conn, 0);
	if (err == ERR_OK && s->type == SOCK_STREAM)
		s->connected = 1;
	uk_file_put(f);
	if (err == ERR_INPROGRESS)
		return -EINPROGRESS;
	if (err == ERR_RST)
		return -ECONNREFUSED;	/* a RST answered the SYN */
	if (err == ERR_ABRT)
		return -ETIMEDOUT;	/* the SYN's retries ran out */
	return -sock_errno(err);
}

static long sys_shutdown(int fd, int how)
{
	struct uk_file *f;
	struct sock *s;
	long rc;

	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	rc = sock_get(fd, &s, &f);
	if (rc)
		return rc;
	if (s->listening) {
		/* A blocked accept() wakes and fails with EINVAL. */
		LOCK_TCPIP_CORE();
		if (!s->listen_shut && sys_mbox_valid(&s->conn->acceptmbox))
			sys_mbox_trypost(&s->conn->acceptmbox,
					 SOCK_CLOSED_MSG);
		s->listen_shut = 1;
		UNLOCK_TCPIP_CORE();
		uk_vfs_poll_wake();
	} else if (s->type != SOCK_STREAM) {
		rc = -ENOTCONN;
	} else {
		/* The read side is Kiln's: lwIP would free the mailbox a
		 * reader may be blocked on. Readers wake and read 0.
		 */
		if (how != SHUT_WR && !s->rd_shut) {
			LOCK_TCPIP_CORE();
			if (sys_mbox_valid(&s->conn->recvmbox))
				sys_mbox_trypost(&s->conn->recvmbox,
					SOCK_CLOSED_MSG);
			s->rd_shut = 1;
			UNLOCK_TCPIP_CORE();
			uk_vfs_poll_wake();
		}
		if (how != SHUT_RD)
			rc = -sock_errno(netconn_shutdown(s->conn, 0, 1));
	}
	uk_file_put(f);
	return rc;
}

static long name_of(int fd, struct sockaddr *sa, socklen_t *len, int local)
{
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	if (!sa || !len)
		rc = -EFAULT;
	else if (netconn_getaddr(s->conn, &ip, &port, local) != ERR_OK)
		rc = local ? sock_addr_out(IP4_ADDR_ANY, 0, sa, len) :
			     -ENOTCONN;
	else
		rc = sock_addr_out(&ip, port, sa, len);
	uk_file_put(f);
	return rc;
}

static long sys_getsockname(int fd, struct sockaddr *sa, socklen_t *len)
{
	return name_of(fd, sa, len, 1);
}

static long sys_getpeername(int fd, struct sockaddr *sa, socklen_t *len)
{
	return name_of(fd, sa, len, 0);
}

static long sys_sendto(int fd, const void *buf, size_t len, int flags,
		       const struct sockaddr *sa, socklen_t alen)
{
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	if (sa && s->type == SOCK_DGRAM) {
		rc = sock_addr_in(sa, alen, &ip, &port);
		if (!rc)
			rc = sock_send(f, s, buf, len, flags, &ip, port);
	} else {
		rc = sock_send(f, s, buf, len, flags, NULL, 0);
	}
	uk_file_put(f);
	return rc;
}

static long sys_recvfrom(int fd, void *buf, size_t len, int flags,
			 struct sockaddr *sa, socklen_t *alen)
{
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	rc = sock_recv(f, s, buf, len, flags, &ip, &port);
	if (rc >= 0 && sa && s->type == SOCK_DGRAM) {
		long e = sock_addr_out(&ip, port, sa, alen);

		if (e)
			rc = e;
	} else if (rc >= 0 && alen) {
		*alen = 0;	/* a stream socket names no sender */
	}
	uk_file_put(f);
	return rc;
}

/* sendmsg/recvmsg: the iovec moves as one transfer (sock_sendv). */
static long sys_sendmsg(int fd, const struct msghdr *m, int flags)
{
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	long rc;

	if (!m)
		return -EFAULT;
	rc = sock_get(fd, &s, &f);
	if (rc)
		return rc;
	if (m->msg_name && s->type == SOCK_DGRAM) {
		rc = sock_addr_in(m->msg_name, m->msg_namelen, &ip, &port);
		if (!rc)
			rc = sock_sendv(f, s, m->msg_iov, m->msg_iovlen, flags,
					&ip, port);
	} else {
		rc = sock_sendv(f, s, m->msg_iov, m->msg_iovlen, flags,
				NULL, 0);
	}
	uk_file_put(f);
	return rc;
}

static long sys_recvmsg(int fd, struct msghdr *m, int flags)
{
	struct uk_file *f;
	struct sock *s;
	ip_addr_t ip;
	u16_t port;
	long rc;

	if (!m)
		return -EFAULT;
	rc = sock_get(fd, &s, &f);
	if (rc)
		return rc;
	m->msg_controllen = 0;
	m->msg_flags = 0;
	rc = sock_recvv(f, s, m->msg_iov, m->msg_iovlen, flags, &ip, &port,
			&m->msg_flags);
	if (rc >= 0 && m->msg_name) {
		if (s->type == SOCK_DGRAM) {
			long e = sock_addr_out(&ip, port, m->msg_name,
					       &m->msg_namelen);

			if (e)
				rc = e;
		} else {
			m->msg_namelen = 0;
		}
	}
	uk_file_put(f);
	return rc;
}

static long sys_setsockopt(int fd, int level, int name, const void *val,
			   socklen_t len)
{
	struct uk_file *f;
	struct sock *s;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	rc = sock_setsockopt(s, level, name, val, len);
	uk_file_put(f);
	return rc;
}

static long sys_getsockopt(int fd, int level, int name, void *val,
			   socklen_t *len)
{
	struct uk_file *f;
	struct sock *s;
	long rc = sock_get(fd, &s, &f);

	if (rc)
		return rc;
	rc = sock_getsockopt(s, level, name, val, len);
	uk_file_put(f);
	return rc;
}

static long sys_socketpair(int domain, int type, int protocol, int *fds)
{
	(void)type;
	(void)protocol;
	(void)fds;
	return domain == AF_UNIX ? -EAFNOSUPPORT : -EOPNOTSUPP;
}

UK_SYSCALL(socket, sys_socket);
UK_SYSCALL(socketpair, sys_socketpair);
UK_SYSCALL(bind, sys_bind);
UK_SYSCALL(listen, sys_listen);
UK_SYSCALL(accept, sys_accept);
UK_SYSCALL(accept4, sys_accept4);
UK_SYSCALL(connect, sys_connect);
UK_SYSCALL(shutdown, sys_shutdown);
UK_SYSCALL(getsockname, sys_getsockname);
UK_SYSCALL(getpeername, sys_getpeername);
UK_SYSCALL(sendto, sys_sendto);
UK_SYSCALL(recvfrom, sys_recvfrom);
UK_SYSCALL(sendmsg, sys_sendmsg);
UK_SYSCALL(recvmsg, sys_recvmsg);
UK_SYSCALL(setsockopt, sys_setsockopt);
UK_SYSCALL(getsockopt, sys_getsockopt);
