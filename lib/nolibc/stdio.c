/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Console streams. Each call formats into a stack buffer and hands the
 * console whole chunks, so a line normally reaches it in one write and
 * nothing is left behind in a buffer (fflush has nothing to do).
 */
#include <stdio.h>
#include <string.h>
#include <uk/plat/console.h>

#include "format.h"

/* Stack bytes per call: most lines go out in one console write. */
#define CHUNK	128

/*
 * Every stream is the console, so FILE stays an incomplete type that is
 * never looked into; the two streams only need distinct addresses.
 */
static char stdout_file, stderr_file;
FILE *stdout = (FILE *)&stdout_file;
FILE *stderr = (FILE *)&stderr_file;

static void console_flush(struct nolibc_sink *s)
{
	if (s->pos)
		ukplat_console_write(s->buf, s->pos);
	s->pos = 0;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char buf[CHUNK];
	struct nolibc_sink s = { buf, 0, sizeof(buf), 0, console_flush };
	int ret;

	ret = __nolibc_vformat(&s, fmt, ap);
	console_flush(&s);
	return ret;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfprintf(f, fmt, ap);
	va_end(ap);
	return ret;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vprintf(fmt, ap);
	va_end(ap);
	return ret;
}

size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
	if (size && nmemb)
		ukplat_console_write(ptr, size * nmemb);
	return nmemb;
}

int fputs(const char *str, FILE *f)
{
	ukplat_console_write(str, strlen(str));
	return 0;
}

/* One console write for the line and its newline. */
int puts(const char *str)
{
	char buf[CHUNK];
	struct nolibc_sink s = { buf, 0, sizeof(buf), 0, console_flush };

	__nolibc_out(&s, str, strlen(str));
	__nolibc_out(&s, "\n", 1);
	console_flush(&s);
	return 0;
}

int fputc(int c, FILE *f)
{
	char ch = c;

	ukplat_console_write(&ch, 1);
	return (unsigned char)ch;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fflush(FILE *f)
{
	return 0;
}
