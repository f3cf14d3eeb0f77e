/* SPDX-License-Identifier: BSD-3-Clause */
/* Formats one kernel message and writes it to the console in one go. */
#include <stdarg.h>
#include <stdio.h>
#include <uk/print.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>

static const char *const level_names[] = {
	"CRIT", "ERR ", "WARN", "Info", "dbg ",
};

void uk_printk(int level, const char *lib, const char *file, int line,
	       const char *fmt, ...)
{
	char buf[256];
	unsigned long long ns = ukplat_monotonic_ns();
	va_list ap;
	int n, r;

	n = snprintf(buf, sizeof(buf), "[%5llu.%06llu] %s [%s] %s:%d: ",
		     ns / 1000000000ULL, (ns / 1000ULL) % 1000000ULL,
		     level_names[level], lib, file, line);
	if (n < 0 || (size_t)n >= sizeof(buf))
		n = 0;
	va_start(ap, fmt);
	r = vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	if (r > 0)
		n += r;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	ukplat_console_write(buf, n);
}
