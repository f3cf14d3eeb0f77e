/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fatal exception report: what happened (from ESR), FAR, ELR, the
 * registers and a frame-pointer backtrace, then
 * ukplat_terminate(UKPLAT_CRASH_STATUS). Formatting is done here, not with
 * printf, so it works whatever libc is linked and however broken the rest
 * of the system is. A fault while reporting ends the report; one while
 * terminating stops the CPU directly: nothing can loop.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/arm64/boot.h>

#define BACKTRACE_MAX	16
#define EC_DABT_LOWER	0x24
#define EC_IABT_LOWER	0x20

static const struct {
	uint8_t ec;
	char name[27];
} ec_names[] = {
	{ 0x00, "undefined instruction" },
	{ 0x01, "WFI/WFE trapped" },
	{ 0x07, "FP/SIMD access trapped" },
	{ 0x0e, "illegal execution state" },
	{ 0x15, "SVC instruction" },
	{ 0x16, "HVC instruction" },
	{ 0x17, "SMC instruction" },
	{ 0x18, "system register trapped" },
	{ 0x20, "instruction abort (EL0)" },
	{ 0x21, "instruction abort" },
	{ 0x22, "PC alignment fault" },
	{ 0x24, "data abort (EL0)" },
	{ 0x25, "data abort" },
	{ 0x26, "SP alignment fault" },
	{ 0x2c, "FP exception" },
	{ 0x2f, "SError" },
	{ 0x30, "breakpoint (EL0)" },
	{ 0x31, "breakpoint" },
	{ 0x32, "software step (EL0)" },
	{ 0x33, "software step" },
	{ 0x34, "watchpoint (EL0)" },
	{ 0x35, "watchpoint" },
	{ 0x3c, "BRK instruction" },
};

/* Entry number / 4 is where from, % 4 the kind (see traps.S). */
static const char *const kind_names[4] = {
	"synchronous exception", "IRQ", "FIQ", "SError"
};

static int trap_depth;

static void put(const char *s)
{
	const char *e = s;

	while (*e)
		e++;
	ukplat_console_write(s, e - s);
}

/* "0x" and 16 hex digits */
static void put_hex(uint64_t v)
{
	char b[18];
	int i;

	b[0] = '0';
	b[1] = 'x';
	for (i = 17; i > 1; i--, v >>= 4)
		b[i] = "0123456789abcdef"[v & 15];
	ukplat_console_write(b, sizeof(b));
}

static void put_dec(unsigned int v)
{
	char b[10];
	int i = sizeof(b);

	do
		b[--i] = '0' + v % 10;
	while (v /= 10);
	ukplat_console_write(b + i, sizeof(b) - i);
}

static const char *ec_name(unsigned int ec)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ec_names); i++)
		if (ec_names[i].ec == ec)
			return ec_names[i].name;
	return "unknown exception class";
}

/* Data and instruction aborts: the fault status code, in words. */
static void put_fault(uint64_t esr)
{
	unsigned int fsc = esr & 0x3f, type = fsc >> 2;

	put(", ");
	if (type <= 3) {
		put((const char *[]){ "address size", "translation",
				      "access flag", "permission" }[type]);
		put(" fault, level ");
		put_dec(fsc & 3);
	} else if (fsc == 0x21) {
		put("alignment fault");
	} else {
		put("fault status ");
		put_hex(fsc);
	}
	if (ARM64_ESR_EC(esr) >= EC_DABT_LOWER)
		put(esr & (1 << 6) ? ", on write" : ", on read");
}

static void backtrace(uint64_t fp)
{
	int i;

	for (i = 0; i < BACKTRACE_MAX && fp && IS_ALIGNED(fp, 8); i++) {
		const uint64_t *f = (const uint64_t *)fp;

		if (!arm64_readable(fp) || !arm64_readable(fp + 8))
			break;
		if (!f[1])
			break;
		put("  ");
		put_hex(f[1]);
		put("\n");
		if (f[0] <= fp)	/* stacks grow down: frames go up */
			break;
		fp = f[0];
	}
}

static void report(const struct __regs *r, unsigned long kind)
{
	unsigned int ec = ARM64_ESR_EC(r->esr), i;

	put("\nFatal ");
	put(kind_names[kind & 3]);
	if ((kind & 3) == 0) {
		put(": ");
		put(ec_name(ec));
		if (ec == EC_IABT_LOWER || ec == EC_IABT_LOWER + 1 ||
		    ec == EC_DABT_LOWER || ec == ARM64_EC_DABT_CUR)
			put_fault(r->esr);
	}
	put("\nESR  ");
	put_hex(r->esr);
	put("  FAR  ");
	put_hex(r->far);
	put("\nELR  ");
	put_hex(r->elr);
	put("  SPSR ");
	put_hex(r->spsr);
	put("  SP   ");
	put_hex(r->sp);
	for (i = 0; i < 31; i++) {
		put(i % 3 ? "  " : "\n");
		put("x");
		put_dec(i);
		put(i < 10 ? "   " : "  ");
		put_hex(r->x[i]);
	}
	put("\nBacktrace:\n  ");
	put_hex(r->elr);
	put("\n");
	backtrace(r->x[29]);
}

void arm64_trap(struct __regs *r, unsigned long kind)
{
	/* The semihosting probe: skip the HLT, report "no semihosting". */
	if (kind % 4 == 0 && ARM64_ESR_EC(r->esr) == ARM64_EC_UNKNOWN &&
	    r->elr == (uintptr_t)arm64_semihost_hlt) {
		r->elr += 4;
		r->x[0] = -1;
		return;
	}

	switch (trap_depth++) {
	case 0:
		report(r, kind);
		break;
	case 1:
		put("\nFatal: fault while handling a fault\n");
		break;
	default:
		/* Terminating faulted: stop without calling anything. */
		for (;;) {
			ukarch_irq_disable();
			ukarch_halt();
		}
	}
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}
