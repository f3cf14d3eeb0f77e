/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>

/* ISO C guarantees at least 32 registrations; a fixed table is enough. */
#define ATEXIT_MAX	32

static void (*handlers[ATEXIT_MAX])(void);
static unsigned int nhandlers;

/* Destructors, from the linker script. */
extern void (*const __fini_array_start[])(void);
extern void (*const __fini_array_end[])(void);

int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++] = fn;
	return 0;
}

/* The host sees status & 255, as on Linux: never the crash status. */
void exit(int status)
{
	void (*const *dtor)(void) = __fini_array_end;

	/* Last registered runs first; a handler may register another. */
	while (nhandlers)
		handlers[--nhandlers]();
	while (dtor > __fini_array_start)
		(*--dtor)();
	ukplat_terminate(status & 255);
}

void _Exit(int status)
{
	ukplat_terminate(status & 255);
}

/* A crash for the host (docs/running.md: 134, as SIGABRT in a shell). */
void abort(void)
{
	ukplat_console_write("Aborted\n", 8);
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}
