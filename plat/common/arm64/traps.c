/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fatal exception report: what happened (from ESR, or an unexpected
 * interrupt's ID), FAR, ELR, the registers and a frame-pointer
 * backtrace, then ukplat_terminate(UKPLAT_CRASH_STATUS). Formatting is
 * done here, not with printf, so it works whatever libc is linked and
 * however broken the rest of the system is. A fault while reporting ends
 * the report; one while terminating stops the CPU directly: nothing can
 * loop.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/crash.h>
#include <uk/plat/common/arm64/boot.h>

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

	crash_put(", ");
	if (type <= 3) {
		crash_put((const char *[]){ "address size", "translation",
				      "access flag", "permission" }[type]);
		crash_put(" fault, level ");
		crash_put_dec(fsc & 3);
	} else if (fsc == 0x21) {
		crash_put("alignment fault");
	} else {
		crash_put("fault status ");
		crash_put_hex(fsc);
	}
	if (ARM64_ESR_EC(esr) >= ARM64_EC_DABT_LOWER)
		crash_put(esr & (1 << 6) ? ", on write" : ", on read");
}

static void report(const struct __regs *r, unsigned long kind,
		   unsigned int irq)
{
	unsigned int ec = ARM64_ESR_EC(r->esr), i;

	crash_put("\nFatal ");
	crash_put(kind_names[kind & 3]);
	if (irq) {
		crash_put(": interrupt ");
		crash_put_dec(irq);
	}
	if ((kind & 3) == 0) {
		crash_put(": ");
		crash_put(ec_name(ec));
		if (ec == ARM64_EC_IABT_LOWER || ec == ARM64_EC_IABT_CUR ||
		    ec == ARM64_EC_DABT_LOWER || ec == ARM64_EC_DABT_CUR)
			put_fault(r->esr);
	}
	crash_thread((kind & 3) == 0 ? r->far : 0);
	crash_put("\nESR  ");
	crash_put_hex(r->esr);
	crash_put("  FAR  ");
	crash_put_hex(r->far);
	crash_put("\nELR  ");
	crash_put_hex(r->elr);
	crash_put("  SPSR ");
	crash_put_hex(r->spsr);
	crash_put("  SP   ");
	crash_put_hex(r->sp);
	for (i = 0; i < 31; i++) {
		crash_put(i % 3 ? "  " : "\n");
		crash_put("x");
		crash_put_dec(i);
		crash_put(i < 10 ? "   " : "  ");
		crash_put_hex(r->x[i]);
	}
	crash_backtrace(r->elr, r->x[29], arm64_readable);
}

void arm64_trap(struct __regs *r, unsigned long kind)
{
	unsigned int irq = 0;
	int depth;

	/* The semihosting probe: skip the HLT, report "no semihosting". */
	if (kind % 4 == 0 && ARM64_ESR_EC(r->esr) == ARM64_EC_UNKNOWN &&
	    r->elr == (uintptr_t)arm64_semihost_hlt) {
		r->elr += 4;
		r->x[0] = -1;
		return;
	}
	/* The timer's IRQ (from ukplat_idle()); any other is reported. */
	if (kind % 4 == 1) {
		irq = arm64_gic_irq();
		if (!irq)
			return;
	}

	depth = crash_enter();
	if (depth == 0) {
		report(r, kind, irq);
	} else if (depth > 1) {
		/* Terminating faulted: stop without calling anything. */
		for (;;) {
			ukarch_irq_disable();
			ukarch_halt();
		}
	}
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}
