/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small HTTP/1.1 server in plain POSIX C: one thread per connection,
 * keep-alive (and pipelined requests), GET and HEAD, a fixed page at /
 * and /hello, files from a directory when one is given. The same file
 * builds for Kiln (musl over Kiln's sockets) and for Linux:
 *
 *   musl-gcc -static -O2 -pthread -o httpd main.c
 *   httpd [PORT] [DIR]          (PORT: digits, default 80)
 *
 * Garbage is 400, an unknown path 404, another method 405, a request
 * head over MAX_HEAD bytes 431; each closes the connection. A connection
 * silent for IDLE_MS is closed (poll()).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAX_HEAD 8192		/* request line and headers */
#define IDLE_MS 10000		/* keep-alive silence before closing */
#define CHUNK 16384		/* file bytes per write */

static const char page[] =
	"<!DOCTYPE html>\n<html><head><title>Kiln httpd</title></head>\n"
	"<body><h1>Hello from Kiln's httpd</h1></body></html>\n";
static const char hello[] = "Hello, world!\n";

static int root_fd = -1;	/* the files' directory, or -1 */

struct conn {
	int fd;
	size_t len;		/* bytes in buf */
	char buf[MAX_HEAD];
	char chunk[CHUNK];
};

/* write_all: the whole buffers, or -1 (the peer went away). */
static int write_all(int fd, struct iovec *iov, int n)
{
	ssize_t w;

	while (n > 0) {
		w = writev(fd, iov, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= w;
		}
	}
	return 0;
}

/* respond: the head and up to one buffer of body in one writev, so that
 * a small response is one segment (no Nagle wait between two). */
static int respond(struct conn *c, const char *status, const char *type,
		   long long length, const char *extra, int keep,
		   const void *body, size_t body_len)
{
	char head[512], date[64];
	struct iovec iov[2];
	time_t now = time(NULL);
	struct tm tm;
	int n;

	if (!gmtime_r(&now, &tm) ||
	    !strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm))
		date[0] = 0;
	n = snprintf(head, sizeof(head),
		     "HTTP/1.1 %s\r\nServer: kiln-httpd\r\nDate: %s\r\n"
		     "Content-Type: %s\r\nContent-Length: %lld\r\n%s"
		     "Connection: %s\r\n\r\n", status, date, type, length,
		     extra, keep ? "keep-alive" : "close");
	iov[0].iov_base = head;
	iov[0].iov_len = n;
	iov[1].iov_base = (void *)body;
	iov[1].iov_len = body_len;
	return write_all(c->fd, iov, body_len ? 2 : 1);
}

/* error_page: a short text body; 0, or -1 when the connection ends. */
static int error_page(struct conn *c, const char *status, const char *extra,
		      int head_only, int keep)
{
	char body[64];
	int n = snprintf(body, sizeof(body), "%s\n", status);

	if (respond(c, status, "text/plain", n, extra, keep, body,
		    head_only ? 0 : n))
		return -1;
	return keep ? 0 : -1;
}

static const char *type_of(const char *path)
{
	static const char *const types[][2] = {
		{ ".html", "text/html" }, { ".htm", "text/html" },
		{ ".txt", "text/plain" }, { ".css", "text/css" },
		{ ".js", "text/javascript" }, { ".json", "application/json" },
		{ ".png", "image/png" }, { ".jpg", "image/jpeg" },
		{ ".svg", "image/svg+xml" },
	};
	const char *dot = strrchr(path, '.');
	size_t i;

	for (i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(dot, types[i][0]))
			return types[i][1];
	return "application/octet-stream";
}

/* serve_file: PATH (no "..", relative to the directory; symbolic links
 * are followed) or 404. */
static int serve_file(struct conn *c, const char *path, int head_only,
		      int keep)
{
	struct stat st;
	ssize_t got;
	size_t first = 0;
	off_t left;
	int fd = -1;

	if (root_fd >= 0 && !strstr(path, "..") && path[1] && path[1] != '/')
		fd = openat(root_fd, path + 1, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		return error_page(c, "404 Not Found", "", head_only, keep);
	}
	left = head_only ? 0 : st.st_size;
	if (left > 0) {
		got = read(fd, c->chunk, CHUNK);
		first = got > 0 ? got : 0;
	}
	if (respond(c, "200 OK", type_of(path), st.st_size, "", keep,
		    c->chunk, first))
		goto fail;
	for (left -= first; left > 0; left -= got) {
		struct iovec iov = { c->chunk, 0 };

		got = read(fd, c->chunk, CHUNK);
		if (got <= 0)
			goto fail;	/* shrank under us: cut the connection */
		iov.iov_len = got;
		if (write_all(c->fd, &iov, 1))
			goto fail;
	}
	close(fd);
	return 0;
fail:
	close(fd);
	return -1;
}

/* header: the value of header NAME in the head's lines, or NULL. */
static const char *header(const char *lines, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = lines; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncasecmp(p, name, n) && p[n] == ':')
			return p + n + 1 + strspn(p + n + 1, " \t");
	return NULL;
}

/* handle: one request whose head (NUL-terminated) is in buf. Returns 1
 * to keep the connection, 0 to close it after a response, -1 on error. */
static int handle(struct conn *c, char *head)
{
	char *method, *target, *version, *lines, *q;
	const char *conn, *v;
	int keep, head_only, ok;

	lines = strchr(head, '\n');
	if (!lines)
		return error_page(c, "400 Bad Request", "", 0, 0);
	*lines++ = 0;
	method = strtok_r(head, " \r", &q);
	target = strtok_r(NULL, " \r", &q);
	version = strtok_r(NULL, " \r", &q);
	if (!method || !target || !version || strtok_r(NULL, " \r", &q) ||
	    target[0] != '/' || strncmp(version, "HTTP/1.", 7) ||
	    !strchr("01", version[7]) || version[8])
		return error_page(c, "400 Bad Request", "", 0, 0);
	/* Each header line is NAME: VALUE. */
	for (q = lines; *q && *q != '\r' && *q != '\n'; q = strchr(q, '\n') + 1)
		if (strcspn(q, ":\n") >= strcspn(q, "\n") || *q == ':' ||
		    *q == ' ')
			return error_page(c, "400 Bad Request", "", 0, 0);
	head_only = !strcmp(method, "HEAD");
	if (!head_only && strcmp(method, "GET"))
		return error_page(c, "405 Method Not Allowed",
				  "Allow: GET, HEAD\r\n", 0, 0);
	conn = header(lines, "Connection");
	keep = version[7] == '1' ? !(conn && !strncasecmp(conn, "close", 5))
				 : (conn && !strncasecmp(conn, "keep-alive", 10));
	/* A body on a GET is not read: the connection ends after it. */
	v = header(lines, "Content-Length");
	if (header(lines, "Transfer-Encoding") || (v && strtol(v, NULL, 10)))
		keep = 0;
	target[strcspn(target, "?#")] = 0;
	if (!strcmp(target, "/"))
		ok = respond(c, "200 OK", "text/html", sizeof(page) - 1, "",
			     keep, page, head_only ? 0 : sizeof(page) - 1);
	else if (!strcmp(target, "/hello"))
		ok = respond(c, "200 OK", "text/plain", sizeof(hello) - 1, "",
			     keep, hello, head_only ? 0 : sizeof(hello) - 1);
	else
		ok = serve_file(c, target, head_only, keep);
	return ok ? -1 : keep;
}

static void *serve(void *arg)
{
	struct conn *c = arg;
	struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
	char *end;
	ssize_t got;
	int keep = 1;

	while (keep > 0) {
		/* A whole head: the blank line after the headers. */
		end = memmem(c->buf, c->len, "\r\n\r\n", 4);
		if (!end) {
			if (c->len == sizeof(c->buf)) {
				error_page(c, "431 Request Header Fields Too Large",
					   "", 0, 0);
				break;
			}
			if (poll(&pfd, 1, IDLE_MS) <= 0)
				break;	/* idle, or the poll failed */
			got = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				break;	/* closed or reset by the peer */
			c->len += got;
			continue;
		}
		if (memchr(c->buf, 0, end - c->buf)) {
			error_page(c, "400 Bad Request", "", 0, 0);
			break;
		}
		end[2] = 0;	/* the head ends with its last line's \r\n */
		keep = handle(c, c->buf);
		/* Pipelined requests: what follows this head stays. */
		c->len -= end + 4 - c->buf;
		memmove(c->buf, end + 4, c->len);
	}
	close(c->fd);
	free(c);
	return NULL;
}

int main(int argc, char *argv[])
{
	struct sockaddr_in addr = { .sin_family = AF_INET };
	pthread_attr_t attr;
	pthread_t thread;
	struct conn *c;
	int lfd, fd, one = 1, port = 80, i;

	for (i = 1; i < argc; i++) {
		if (argv[i][strspn(argv[i], "0123456789")] == 0) {
			port = atoi(argv[i]);
			if (port < 1 || port > 65535) {
				fprintf(stderr, "httpd: %s: not a port\n", argv[i]);
				return 1;
			}
		} else if ((root_fd = open(argv[i], O_RDONLY | O_DIRECTORY |
					   O_CLOEXEC)) < 0) {
			fprintf(stderr, "httpd: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
	}
	/* A peer gone mid-write is an error return, not the end of us. */
	signal(SIGPIPE, SIG_IGN);
	lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lfd < 0) {
		perror("httpd: socket");
		return 1;
	}
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	addr.sin_port = htons(port);
	addr.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(lfd, 128)) {
		fprintf(stderr, "httpd: port %d: %s\n", port, strerror(errno));
		return 1;
	}
	printf("httpd: listening on port %d\n", port);
	fflush(stdout);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (;;) {
		fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			/* Out of descriptors: let connections end first. */
			if (errno == EMFILE || errno == ENFILE || errno == ENOMEM)
				poll(NULL, 0, 10);
			continue;
		}
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		c = malloc(sizeof(*c));
		if (!c) {
			close(fd);
			continue;
		}
		c->fd = fd;
		c->len = 0;
		if (pthread_create(&thread, &attr, serve, c)) {
			close(fd);
			free(c);
		}
	}
}
