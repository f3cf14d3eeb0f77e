/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Formatted output to the platform console. There is no file system: the
 * only streams are stdout and stderr and both write to the console. Output
 * is buffered within one call only, so nothing ever waits in a buffer.
 */
#ifndef __NOLIBC_STDIO_H__
#define __NOLIBC_STDIO_H__

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

#define EOF	(-1)
#define BUFSIZ	256

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

typedef struct __nolibc_file FILE;

extern FILE *stdout;
extern FILE *stderr;
#define stdout	stdout
#define stderr	stderr

#define __nolibc_printf(f, a)	__attribute__((format(printf, f, a)))

int printf(const char *fmt, ...) __nolibc_printf(1, 2);
int fprintf(FILE *f, const char *fmt, ...) __nolibc_printf(2, 3);
int sprintf(char *buf, const char *fmt, ...) __nolibc_printf(2, 3);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__nolibc_printf(3, 4);
int asprintf(char **strp, const char *fmt, ...) __nolibc_printf(2, 3);
int vprintf(const char *fmt, va_list ap) __nolibc_printf(1, 0);
int vfprintf(FILE *f, const char *fmt, va_list ap) __nolibc_printf(2, 0);
int vsprintf(char *buf, const char *fmt, va_list ap) __nolibc_printf(2, 0);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__nolibc_printf(3, 0);
int vasprintf(char **strp, const char *fmt, va_list ap)
	__nolibc_printf(2, 0);

int puts(const char *s);
int fputs(const char *s, FILE *f);
int putchar(int c);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f);
int fflush(FILE *f);
void perror(const char *s);

#endif /* __NOLIBC_STDIO_H__ */
