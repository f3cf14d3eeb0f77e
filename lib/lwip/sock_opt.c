/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * setsockopt/getsockopt: the options socket code and Rust's std::net
 * set. Buffer sizes are accepted and reported back (lwIP's windows are
 * fixed at build time); options lwIP has no notion of are ENOPROTOOPT,
 * as Linux says for an unknown one.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include "lwip/ip.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcp.h"
#include "lwip/tcpip.h"
#include "sock_impl.h"

static int int_of(const void *val, socklen_t len, int *out)
{
	if (!val || len < sizeof(int))
		return -EINVAL;
	memcpy(out, val, sizeof(int));
	return 0;
}

/* struct timeval -> ms (0: none), as SO_RCVTIMEO takes it. */
static int ms_of(const void *val, socklen_t len, long *ms)
{
	struct timeval tv;

	if (!val || len < sizeof(tv))
		return -EINVAL;
	memcpy(&tv, val, sizeof(tv));
	if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	*ms = tv.tv_sec > 2000000 ? 2000000000L :
	      tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000;
	return 0;
}

static void sof(struct netconn *c, u8_t bit, int on)
{
	if (!c->pcb.ip)
		return;
	if (on)
		ip_set_option(c->pcb.ip, bit);
	else
		ip_reset_option(c->pcb.ip, bit);
}

static int set_socket(struct sock *s, int name, const void *val,
		      socklen_t len)
{
	struct netconn *c = s->conn;
	long ms;
	int v, rc;

	switch (name) {
	case SO_RCVTIMEO:
	case SO_SNDTIMEO:
		rc = ms_of(val, len, &ms);
		if (rc)
			return rc;
		if (name == SO_RCVTIMEO)
			netconn_set_recvtimeout(c, ms);
		else
			netconn_set_sendtimeout(c, ms);
		return 0;
	case SO_LINGER:
		return val && len >= sizeof(struct linger) ? 0 : -EINVAL;
	}
	rc = int_of(val, len, &v);
	if (rc)
		return rc;
	switch (name) {
	case SO_REUSEADDR:
	case SO_REUSEPORT:
		sof(c, SOF_REUSEADDR, v);
		return 0;
	case SO_KEEPALIVE:
		sof(c, SOF_KEEPALIVE, v);
		return 0;
	case SO_BROADCAST:
		sof(c, SOF_BROADCAST, v);
		return 0;
	case SO_RCVBUF:
	case SO_SNDBUF:
	case SO_OOBINLINE:
	case SO_PRIORITY:
	case SO_RCVLOWAT:
		return 0;
	}
	return -ENOPROTOOPT;
}

/* The options of a connection's pcb from s's values (0: leave). */
static void apply_tcp(struct sock *s, struct tcp_pcb *pcb)
{
	if (s->nodelay > 0)
		tcp_nagle_disable(pcb);
	else if (s->nodelay < 0)
		tcp_nagle_enable(pcb);
	if (s->keep_idle)
		pcb->keep_idle = s->keep_idle * 1000U;
	if (s->keep_intvl)
		pcb->keep_intvl = s->keep_intvl * 1000U;
	if (s->keep_cnt)
		pcb->keep_cnt = s->keep_cnt;
}

void sock_inherit(struct sock *listener, struct sock *s)
{
	LOCK_TCPIP_CORE();
	s->nodelay = listener->nodelay;
	s->keep_idle = listener->keep_idle;
	s->keep_intvl = listener->keep_intvl;
	s->keep_cnt = listener->keep_cnt;
	if (s->conn->pcb.tcp)
		apply_tcp(s, s->conn->pcb.tcp);
	UNLOCK_TCPIP_CORE();
}

/* A listening pcb is a smaller struct without these fields: a
 * listener keeps them for what it accepts (as Linux passes them on).
 */
static int set_tcp(struct sock *s, int name, const void *val, socklen_t len)
{
	struct tcp_pcb *pcb = s->conn->pcb.tcp;
	int v, rc;

	if (s->type != SOCK_STREAM)
		return -EOPNOTSUPP;
	rc = int_of(val, len, &v);
	if (rc)
		return rc;
	switch (name) {
	case TCP_NODELAY:
		s->nodelay = v ? 1 : -1;
		break;
	case TCP_KEEPIDLE:
	case TCP_KEEPINTVL:
	case TCP_KEEPCNT:
		if (v < 1 || v > 32767)
			return -EINVAL;
		if (name == TCP_KEEPIDLE)
			s->keep_idle = v;
		else if (name == TCP_KEEPINTVL)
			s->keep_intvl = v;
		else
			s->keep_cnt = v;
		break;
	case TCP_QUICKACK:
	case TCP_CORK:
	case TCP_DEFER_ACCEPT:
		return 0;
	default:
		return -ENOPROTOOPT;
	}
	if (pcb && pcb->state != LISTEN)
		apply_tcp(s, pcb);
	return 0;
}

int sock_setsockopt(struct sock *s, int level, int name, const void *val,
		    socklen_t len)
{
	int rc = -ENOPROTOOPT, v;

	LOCK_TCPIP_CORE();
	if (level == SOL_SOCKET) {
		rc = set_socket(s, name, val, len);
	} else if (level == IPPROTO_TCP) {
		rc = set_tcp(s, name, val, len);
	} else if (level == IPPROTO_IP) {
		rc = int_of(val, len, &v);
		if (!rc && name == IP_TTL && s->conn->pcb.ip)
			s->conn->pcb.ip->ttl = v < 1 || v > 255 ? 64 : v;
		else if (!rc && name == IP_TOS && s->conn->pcb.ip)
			s->conn->pcb.ip->tos = v;
		else if (!rc)
			rc = -ENOPROTOOPT;
	}
	UNLOCK_TCPIP_CORE();
	return rc;
}

static int put_int(void *val, socklen_t *len, int v)
{
	if (!val || !len || (int)*len < 0)
		return -EFAULT;
	if (*len < sizeof(int))
		return -EINVAL;
	memcpy(val, &v, sizeof(v));
	*len = sizeof(v);
	return 0;
}

static int put_ms(void *val, socklen_t *len, long ms)
{
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };

	if (!val || !len || *len < sizeof(tv))
		return -EINVAL;
	memcpy(val, &tv, sizeof(tv));
	*len = sizeof(tv);
	return 0;
}

static int on(struct netconn *c, u8_t bit)
{
	return c->pcb.ip && ip_get_option(c->pcb.ip, bit) ? 1 : 0;
}

int sock_getsockopt(struct sock *s, int level, int name, void *val,
		    socklen_t *len)
{
	struct netconn *c = s->conn;
	int v = -1, err;

	LOCK_TCPIP_CORE();
	if (level == SOL_SOCKET) {
		switch (name) {
		case SO_TYPE:
			v = s->type;
			break;
		case SO_ERROR:
			/* The error once, then 0 (as Linux reports it). */
			err = c->pending_err;
			if (err != ERR_CLSD)	/* "closed" stays: see sock_event */
				c->pending_err = ERR_OK;
			/* Before a connection: the SYN was refused or
			 * timed out; after: the peer reset it.
			 */
			v = s->err ? s->err : err == ERR_OK || err == ERR_CLSD ? 0 :
			    err == ERR_RST ? (s->connected ? ECONNRESET :
					      ECONNREFUSED) :
			    err == ERR_ABRT ? (s->connected ? ECONNRESET :
					       ETIMEDOUT) : sock_errno(err);
			s->err = 0;
			break;
		case SO_ACCEPTCONN:
			v = s->listening;
			break;
		case SO_REUSEADDR:
			v = on(c, SOF_REUSEADDR);
			break;
		case SO_KEEPALIVE:
			v = on(c, SOF_KEEPALIVE);
			break;
		case SO_BROADCAST:
			v = on(c, SOF_BROADCAST);
			break;
		case SO_RCVBUF:
			v = s->type == SOCK_STREAM ? TCP_WND : c->recv_bufsize;
			break;
		case SO_SNDBUF:
			v = TCP_SND_BUF;
			break;
		case SO_DOMAIN:
			v = AF_INET;
			break;
		case SO_PROTOCOL:
			v = s->type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
			break;
		case SO_RCVTIMEO:
		case SO_SNDTIMEO:
			UNLOCK_TCPIP_CORE();
			return put_ms(val, len, name == SO_RCVTIMEO ?
				      (long)c->recv_timeout :
				      (long)c->send_timeout);
		}
	} else if (level == IPPROTO_TCP && s->type == SOCK_STREAM) {
		struct tcp_pcb *pcb = c->pcb.tcp;
		int conn = pcb && pcb->state != LISTEN;

		if (name == TCP_NODELAY)
			v = conn ? tcp_nagle_disabled(pcb) != 0 : s->nodelay > 0;
		else if (name == TCP_KEEPIDLE)
			v = conn ? (int)(pcb->keep_idle / 1000) :
			    s->keep_idle ? s->keep_idle : (int)(TCP_KEEPIDLE_DEFAULT / 1000);
		else if (name == TCP_KEEPINTVL)
			v = conn ? (int)(pcb->keep_intvl / 1000) :
			    s->keep_intvl ? s->keep_intvl : (int)(TCP_KEEPINTVL_DEFAULT / 1000);
		else if (name == TCP_KEEPCNT)
			v = conn ? (int)pcb->keep_cnt :
			    s->keep_cnt ? s->keep_cnt : (int)TCP_KEEPCNT_DEFAULT;
	} else if (level == IPPROTO_IP && c->pcb.ip) {
		if (name == IP_TTL)
			v = c->pcb.ip->ttl;
		else if (name == IP_TOS)
			v = c->pcb.ip->tos;
	}
	UNLOCK_TCPIP_CORE();
	return v < 0 ? -ENOPROTOOPT : put_int(val, len, v);
}
