/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Crash-report output shared by every architecture's trap handler, and
 * the status line every platform's ukplat_terminate() sends the host.
 */
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/crash.h>
#include <uk/plat/common/status.h>

#define BACKTRACE_MAX 16

void crash_put(const char *s)
{
	const char *e = s;

	while (*e)
		e++;
	ukplat_console_write(s, e - s);
}

void crash_put_hex(uint64_t v)
{
	char b[18];
	int i;

	b[0] = '0';
	b[1] = 'x';
	for (i = 17; i > 1; i--, v >>= 4)
		b[i] = "0123456789abcdef"[v & 15];
	ukplat_console_write(b, sizeof(b));
}

void crash_put_dec(unsigned int v)
{
	char b[10];
	int i = sizeof(b);

	do
		b[--i] = '0' + v % 10;
	while (v /= 10);
	ukplat_console_write(b + i, sizeof(b) - i);
}

int crash_enter(void)
{
	static int depth;
	int d = depth++;	/* before printing, which may fault too */

	if (d == 1)
		crash_put("\nFatal: fault while handling a fault\n");
	return d;
}

void crash_backtrace(uint64_t pc, uint64_t fp,
		     int (*readable)(uint64_t addr))
{
	int i;

	crash_put("\nBacktrace:\n  ");
	crash_put_hex(pc);
	crash_put("\n");
	for (i = 0; i < BACKTRACE_MAX && fp && IS_ALIGNED(fp, 8); i++) {
		const uint64_t *f = (const uint64_t *)fp;

		if (!readable(fp) || !readable(fp + 8))
			break;
		if (!f[1])
			break;
		crash_put("  ");
		crash_put_hex(f[1]);
		crash_put("\n");
		if (f[0] <= fp)	/* stacks grow down: frames go up */
			break;
		fp = f[0];
	}
}

static int (*thread_fn)(uint64_t, struct ukplat_crash_thread *);

void ukplat_crash_thread_set(int (*fn)(uint64_t fault_addr,
				       struct ukplat_crash_thread *t))
{
	thread_fn = fn;
}

void crash_thread(uint64_t fault_addr)
{
	struct ukplat_crash_thread t = { 0, "" };
	int overflow;

	if (!thread_fn)
		return;
	overflow = thread_fn(fault_addr, &t);
	crash_put("\nIn thread ");
	crash_put_dec(t.id);
	crash_put(" \"");
	crash_put(t.name);
	crash_put("\"");
	if (overflow)
		crash_put(": stack overflow (the guard page below its stack)");
}

void ukplat_boot_panic(const char *msg)
{
	crash_put("Boot failed: ");
	crash_put(msg);
	crash_put("\n");
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}

int plat_status_line(char *buf, int status)
{
	static const char exit_text[] = "kiln: exit code ";
	static const char crash_line[] = PLAT_STATUS_CRASH_LINE;
	int code = plat_exit_code(status), n = 0, i;
	char digits[3];

	if (code < 0) {
		for (i = 0; crash_line[i]; i++)
			buf[n++] = crash_line[i];
		buf[n] = '\0';
		return n;
	}
	for (i = 0; exit_text[i]; i++)
		buf[n++] = exit_text[i];
	i = 0;
	do
		digits[i++] = '0' + code % 10;
	while (code /= 10);
	while (i)
		buf[n++] = digits[--i];
	buf[n++] = '\n';
	buf[n] = '\0';
	return n;
}
