/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Socket calls checked against what Linux answers, over 127.0.0.1: the
 * same program runs on the host (musl-gcc) and in the image, and each
 * check prints "sockets: NAME ok" or "sockets: NAME FAIL (why)", then
 * one summary line. With the word "nonic" it only tries socket() and
 * bind() and prints their errors (an image booted without a NIC); with
 * "resolv" it prints /etc/resolv.conf.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static int checks, failed;

static void check(const char *name, int good, const char *why)
{
	checks++;
	if (good) {
		printf("sockets: %s ok\n", name);
	} else {
		failed++;
		printf("sockets: %s FAIL (%s; errno %s)\n", name, why,
		       strerror(errno));
	}
}

static struct sockaddr_in loop(int port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/* A listening socket on an ephemeral port of 127.0.0.1: its port. */
static int listener(int *port)
{
	struct sockaddr_in a = loop(0);
	socklen_t len = sizeof(a);
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (s < 0 || bind(s, (void *)&a, sizeof(a)) || listen(s, 8) ||
	    getsockname(s, (void *)&a, &len))
		return -1;
	*port = ntohs(a.sin_port);
	return s;
}

/* A connected pair: c (client) and *srv (accepted). */
static int pair(int l, int port, int *srv)
{
	struct sockaddr_in a = loop(port);
	int c = socket(AF_INET, SOCK_STREAM, 0);

	if (c < 0 || connect(c, (void *)&a, sizeof(a)))
		return -1;
	*srv = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	return *srv < 0 ? -1 : c;
}

static void basics(void)
{
	struct sockaddr_in a = loop(0), b;
	socklen_t len = sizeof(b);
	int l, port = 0, c, s, one = 1, v = 0;
	char buf[64];

	errno = 0;
	check("socket AF_INET6 or AF_INET raw", socket(AF_INET, SOCK_RAW, 0) < 0 &&
	      (errno == EPERM || errno == EPROTONOSUPPORT), "raw socket");
	l = listener(&port);
	check("bind port 0, listen, getsockname", l >= 0 && port > 0, "listener");
	check("getpeername of a listener", getpeername(l, (void *)&b, &len) < 0 &&
	      errno == ENOTCONN, "not ENOTCONN");
	s = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	a = loop(port);
	check("bind a port in use", bind(s, (void *)&a, sizeof(a)) < 0 &&
	      errno == EADDRINUSE, "not EADDRINUSE");
	close(s);
	c = pair(l, port, &s);
	check("connect, accept4", c >= 0, "pair");
	check("accept4 SOCK_CLOEXEC", fcntl(s, F_GETFD) == FD_CLOEXEC, "flag");
	len = sizeof(b);
	check("getpeername", !getpeername(s, (void *)&b, &len) &&
	      b.sin_addr.s_addr == htonl(INADDR_LOOPBACK) && len == sizeof(b),
	      "address");
	len = sizeof(v);
	check("SO_TYPE", !getsockopt(c, SOL_SOCKET, SO_TYPE, &v, &len) &&
	      v == SOCK_STREAM, "type");
	check("TCP_NODELAY set and read back",
	      !setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) &&
	      !getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len) && v == 1,
	      "nodelay");
	check("write, read", write(c, "hello", 5) == 5 &&
	      read(s, buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5), "bytes");
	{
		struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
		struct msghdr m = { .msg_iov = iov, .msg_iovlen = 2 };
		char x[3], y[2];
		struct iovec in[2] = { { x, 3 }, { y, 2 } };
		struct msghdr r = { .msg_iov = in, .msg_iovlen = 2 };

		check("sendmsg of two pieces", sendmsg(c, &m, 0) == 5, "sendmsg");
		usleep(50000);
		v = 0;
		check("FIONREAD", !ioctl(s, FIONREAD, &v) && v == 5, "count");
		check("recv MSG_PEEK", recv(s, buf, 2, MSG_PEEK) == 2 &&
		      !memcmp(buf, "ab", 2), "peek");
		check("recvmsg into two pieces", recvmsg(s, &r, 0) == 5 &&
		      !memcmp(x, "abc", 3) && !memcmp(y, "de", 2), "recvmsg");
	}
	check("recv MSG_DONTWAIT with nothing: EAGAIN",
	      recv(s, buf, 1, MSG_DONTWAIT) < 0 && errno == EAGAIN, "not EAGAIN");
	{
		struct timeval tv = { 0, 100000 };

		setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		check("SO_RCVTIMEO: read times out with EAGAIN",
		      read(s, buf, 1) < 0 && errno == EAGAIN, "timeout");
	}
	check("shutdown SHUT_WR: the peer reads 0", !shutdown(c, SHUT_WR) &&
	      read(s, buf, 1) == 0, "eof");
	close(s);
	usleep(50000);
	signal(SIGPIPE, SIG_IGN);
	send(c, "x", 1, MSG_NOSIGNAL);
	usleep(50000);
	errno = 0;
	check("send after the peer closed: EPIPE or ECONNRESET",
	      send(c, "x", 1, MSG_NOSIGNAL) < 0 &&
	      (errno == EPIPE || errno == ECONNRESET), "send");
	close(c);
	close(l);

	c = socket(AF_INET, SOCK_STREAM, 0);
	a = loop(port);	/* nobody listens there now */
	check("connect to a closed port: ECONNREFUSED",
	      connect(c, (void *)&a, sizeof(a)) < 0 && errno == ECONNREFUSED,
	      "refused");
	close(c);
}

static void nonblocking(void)
{
	int l, port, c, s, e, ep;
	struct sockaddr_in a;
	struct pollfd p;
	struct epoll_event ev, out[4];
	socklen_t len = sizeof(e);
	char buf[16];

	l = listener(&port);
	fcntl(l, F_SETFL, fcntl(l, F_GETFL) | O_NONBLOCK);
	check("accept on an empty non-blocking listener: EAGAIN",
	      accept(l, NULL, NULL) < 0 && errno == EAGAIN, "accept");
	ep = epoll_create1(EPOLL_CLOEXEC);
	ev.events = EPOLLIN;
	ev.data.u64 = 1;
	check("epoll_ctl ADD", ep >= 0 && !epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev),
	      "ctl");
	check("epoll_ctl ADD twice: EEXIST",
	      epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev) < 0 && errno == EEXIST, "eexist");
	check("epoll_wait with nothing ready: 0", epoll_wait(ep, out, 4, 0) == 0,
	      "wait");
	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	a = loop(port);
	e = connect(c, (void *)&a, sizeof(a));
	check("non-blocking connect: 0 or EINPROGRESS",
	      !e || errno == EINPROGRESS, "connect");
	p.fd = c;
	p.events = POLLOUT;
	check("poll POLLOUT once connected", poll(&p, 1, 2000) == 1 &&
	      (p.revents & POLLOUT), "poll");
	check("SO_ERROR 0", !getsockopt(c, SOL_SOCKET, SO_ERROR, &e, &len) &&
	      !e, "so_error");
	check("epoll_wait: the listener is readable",
	      epoll_wait(ep, out, 4, 2000) == 1 && out[0].data.u64 == 1 &&
	      (out[0].events & EPOLLIN), "listener event");
	s = accept4(l, NULL, NULL, SOCK_NONBLOCK);
	check("accept4 SOCK_NONBLOCK", s >= 0 &&
	      (fcntl(s, F_GETFL) & O_NONBLOCK), "nonblock");
	ev.events = EPOLLIN | EPOLLET;
	ev.data.u64 = 2;
	epoll_ctl(ep, EPOLL_CTL_DEL, l, NULL);
	epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev);
	write(c, "a", 1);
	check("EPOLLET: data arrives, one event",
	      epoll_wait(ep, out, 4, 2000) == 1 && out[0].data.u64 == 2, "et");
	check("EPOLLET: no new data, no event", epoll_wait(ep, out, 4, 100) == 0,
	      "et again");
	check("read it", read(s, buf, sizeof(buf)) == 1, "read");
	check("then EAGAIN", read(s, buf, sizeof(buf)) < 0 && errno == EAGAIN,
	      "eagain");
	write(c, "b", 1);
	check("EPOLLET: more data, an event again",
	      epoll_wait(ep, out, 4, 2000) == 1 && out[0].data.u64 == 2, "et 3");
	close(c);
	check("EPOLLET: the peer closes, EPOLLIN (EOF)",
	      epoll_wait(ep, out, 4, 2000) == 1 && (out[0].events & EPOLLIN),
	      "hup");
	p.fd = s;
	p.events = POLLIN;
	check("read the last byte, then 0 (once the FIN is in)",
	      read(s, buf, sizeof(buf)) == 1 && poll(&p, 1, 2000) == 1 &&
	      read(s, buf, sizeof(buf)) == 0, "eof");
	close(s);
	close(l);
	check("closed descriptors leave the epoll set",
	      epoll_wait(ep, out, 4, 0) == 0, "stale");
	close(ep);
}

static void udp(void)
{
	int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sa = loop(0), from;
	socklen_t len = sizeof(sa);
	char buf[16];

	bind(a, (void *)&sa, sizeof(sa));
	getsockname(a, (void *)&sa, &len);
	check("udp sendto", sendto(b, "datagram!", 9, 0, (void *)&sa,
				   sizeof(sa)) == 9, "sendto");
	len = sizeof(from);
	check("udp recvfrom MSG_TRUNC: the whole length, 4 bytes copied",
	      recvfrom(a, buf, 4, MSG_TRUNC, (void *)&from, &len) == 9 &&
	      !memcmp(buf, "data", 4) && from.sin_addr.s_addr ==
	      htonl(INADDR_LOOPBACK), "trunc");
	check("udp send unconnected: EDESTADDRREQ",
	      send(b, "x", 1, 0) < 0 && errno == EDESTADDRREQ, "destaddr");
	check("udp connect, send, recv", !connect(b, (void *)&sa, sizeof(sa)) &&
	      send(b, "y", 1, 0) == 1 && recv(a, buf, sizeof(buf), 0) == 1 &&
	      buf[0] == 'y', "connected");
	close(a);
	close(b);
}

static void *reader(void *arg)
{
	char b;

	return (void *)(long)read(*(int *)arg, &b, 1);
}

static void *acceptor(void *arg)
{
	long r = accept(*(int *)arg, NULL, NULL);

	return (void *)(r < 0 ? -(long)errno : r);
}

/* What Linux does where a careless socket layer goes wrong. */
static void edges(void)
{
	int l, port, c, s, one = 1, v = 0, a, b, ep, ep2, e;
	struct sockaddr_in sa = loop(0);
	socklen_t len = sizeof(v);
	pthread_t t;
	void *ret;
	char x[4], y[4];

	l = socket(AF_INET, SOCK_STREAM, 0);
	listen(l, 4);
	len = sizeof(sa);
	check("listen without bind: an ephemeral port",
	      !getsockname(l, (void *)&sa, &len) && sa.sin_port != 0, "port");
	port = ntohs(sa.sin_port);
	check("TCP_NODELAY on a listener", !setsockopt(l, IPPROTO_TCP,
	      TCP_NODELAY, &one, sizeof(one)), "setsockopt");
	sa = loop(port);
	c = socket(AF_INET, SOCK_STREAM, 0);
	check("then a connection works", !connect(c, (void *)&sa, sizeof(sa)) &&
	      (s = accept(l, NULL, NULL)) >= 0, "connect");
	len = sizeof(v);
	check("the accepted socket has TCP_NODELAY",
	      !getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &len) && v, "inherit");
	{
		int c2, s2;
		struct pollfd p;
		char z;

		c2 = pair(l, port, &s2);
		shutdown(c2, SHUT_WR);
		read(s2, &z, 1);
		close(s2);
		p.fd = c2;
		p.events = POLLIN;
		check("closed both ways (TIME_WAIT): the half-closer reads 0",
		      poll(&p, 1, 2000) == 1 && read(c2, &z, 1) == 0 &&
		      read(c2, &z, 1) == 0, "eof");
		close(c2);
	}
	pthread_create(&t, NULL, reader, &s);
	usleep(100000);
	shutdown(s, SHUT_RD);
	pthread_join(t, &ret);
	check("shutdown SHUT_RD wakes a blocked reader with 0", (long)ret == 0,
	      "reader");
	close(s);
	close(c);
	pthread_create(&t, NULL, acceptor, &l);
	usleep(100000);
	shutdown(l, SHUT_RDWR);
	pthread_join(t, &ret);
	check("shutdown of a listener: a blocked accept fails with EINVAL",
	      (long)ret == -EINVAL, "accept");
	close(l);

	a = socket(AF_INET, SOCK_DGRAM, 0);
	b = socket(AF_INET, SOCK_DGRAM, 0);
	sa = loop(0);
	len = sizeof(sa);
	bind(a, (void *)&sa, sizeof(sa));
	getsockname(a, (void *)&sa, &len);
	connect(b, (void *)&sa, sizeof(sa));
	{
		struct iovec w[2] = { { "abc", 3 }, { "def", 3 } };
		struct iovec r[2] = { { x, 4 }, { y, 4 } };
		struct iovec r1 = { x, 4 };
		struct msghdr m = { .msg_iov = &r1, .msg_iovlen = 1 };

		check("udp writev of two buffers: one datagram",
		      writev(b, w, 2) == 6 && recv(a, x, 4, MSG_PEEK) == 4 &&
		      readv(a, r, 2) == 6 && !memcmp(x, "abcd", 4) &&
		      !memcmp(y, "ef", 2), "datagram");
		send(b, "123456", 6, 0);
		check("recvmsg of a longer datagram: MSG_TRUNC in msg_flags",
		      recvmsg(a, &m, 0) == 4 && (m.msg_flags & MSG_TRUNC),
		      "trunc");
	}
	close(a);
	close(b);

	ep = epoll_create1(0);
	a = socket(AF_INET, SOCK_DGRAM, 0);
	{
		struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 111 };

		epoll_ctl(ep, EPOLL_CTL_ADD, a, &ev);
		close(a);
		b = socket(AF_INET, SOCK_DGRAM, 0);
		ev.data.u64 = 222;
		check("epoll: a closed descriptor's number reused: ADD works",
		      b == a && !epoll_ctl(ep, EPOLL_CTL_ADD, b, &ev), "reuse");
		close(b);
		ep2 = epoll_create1(0);
		ev.data.u64 = 1;
		e = epoll_ctl(ep, EPOLL_CTL_ADD, ep2, &ev);
		check("epoll in epoll, then the other way round: ELOOP", !e &&
		      epoll_ctl(ep2, EPOLL_CTL_ADD, ep, &ev) < 0 &&
		      errno == ELOOP, "loop");
		close(ep2);
	}
	close(ep);

	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	sa = loop(port);	/* closed now */
	{
		struct pollfd p = { c, POLLOUT, 0 };

		e = connect(c, (void *)&sa, sizeof(sa));
		len = sizeof(v);
		check("a refused non-blocking connect: SO_ERROR ECONNREFUSED",
		      (e < 0 && errno == ECONNREFUSED) ||
		      (poll(&p, 1, 2000) == 1 &&
		       !getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &len) &&
		       v == ECONNREFUSED), "so_error");
	}
	close(c);
}

static void nonic(void)
{
	struct sockaddr_in a = loop(80);
	int s = socket(AF_INET, SOCK_STREAM, 0);

	printf("nonic: socket = %d %s\n", s < 0 ? -1 : 0,
	       s < 0 ? strerror(errno) : "");
	if (s >= 0)
		printf("nonic: bind = %d %s\n", bind(s, (void *)&a, sizeof(a)),
		       strerror(errno));
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 1 && !strcmp(argv[1], "resolv")) {
		char line[128];
		FILE *f = fopen("/etc/resolv.conf", "r");

		while (f && fgets(line, sizeof(line), f))
			printf("resolv: %s", line);
		return f ? 0 : 1;
	}
	if (argc > 1 && !strcmp(argv[1], "nonic")) {
		nonic();
		return 0;
	}
	basics();
	nonblocking();
	udp();
	edges();
	printf("sockets: %d checks, %d failed\n", checks, failed);
	return failed ? 1 : 0;
}
