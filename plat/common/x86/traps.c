/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fatal trap report: vector, registers, CR2 and a frame-pointer backtrace,
 * then ukplat_terminate(UKPLAT_CRASH_STATUS). Formatting is done here, not
 * with printf, so it works whatever libc is linked and however broken the
 * rest of the system is. A fault while reporting ends the report; one
 * after that gets the platform's x86_crash_exit(), once, and then the CPU
 * stops: nothing can loop.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/crash.h>
#include <uk/plat/common/x86/boot.h>

static const char *const exc_names[32] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
	"#OF overflow", "#BR bound range", "#UD invalid opcode",
	"#NM device not available", "#DF double fault",
	"coprocessor segment overrun", "#TS invalid TSS",
	"#NP segment not present", "#SS stack fault",
	"#GP general protection", "#PF page fault", "reserved",
	"#MF x87 error", "#AC alignment check", "#MC machine check",
	"#XM SIMD error", "#VE virtualization", "#CP control protection",
	"reserved", "reserved", "reserved", "reserved", "reserved",
	"reserved", "#HV hypervisor injection", "#VC VMM communication",
	"#SX security", "reserved",
};

/* Registers in print order, as indices into struct __regs; names are
 * padded to one width, so printing needs no string length.
 */
#define R(f) (offsetof(struct __regs, f) / 8)
static const struct {
	char name[8];
	uint8_t idx;
} reg_order[] = {
	{ "RIP    ", R(rip) }, { "RSP    ", R(rsp) }, { "RFLAGS ", R(rflags) },
	{ "RAX    ", R(rax) }, { "RBX    ", R(rbx) }, { "RCX    ", R(rcx) },
	{ "RDX    ", R(rdx) }, { "RSI    ", R(rsi) }, { "RDI    ", R(rdi) },
	{ "RBP    ", R(rbp) }, { "R8     ", R(r8) }, { "R9     ", R(r9) },
	{ "R10    ", R(r10) }, { "R11    ", R(r11) }, { "R12    ", R(r12) },
	{ "R13    ", R(r13) }, { "R14    ", R(r14) }, { "R15    ", R(r15) },
	{ "CS     ", R(cs) }, { "SS     ", R(ss) },
};
#undef R

static void report(const struct __regs *r)
{
	const uint64_t *v = (const uint64_t *)r;
	unsigned int i;

	if (r->vector < 32) {
		crash_put("\nFatal exception ");
		crash_put_dec(r->vector);
		crash_put(" (");
		crash_put(exc_names[r->vector]);
		crash_put("), error code ");
		crash_put_hex(r->error);
	} else {
		crash_put("\nFatal: unexpected interrupt");
	}
	crash_thread(r->vector == 14 ? ukarch_read_cr2() : 0);
	for (i = 0; i < ARRAY_SIZE(reg_order); i++) {
		crash_put(i % 3 ? "  " : "\n");
		crash_put(reg_order[i].name);
		crash_put_hex(v[reg_order[i].idx]);
	}
	crash_put("\nCR2    ");
	crash_put_hex(ukarch_read_cr2());
	crash_backtrace(r->rip, r->rbp, x86_paging_readable);
}

void x86_trap(struct __regs *r)
{
	int depth = crash_enter();

	if (depth == 0) {
		report(r);
	} else if (depth > 1) {
		/* Terminating (or saying so) faulted: the platform's
		 * most direct exit, tried once, else stop right here.
		 */
		if (depth == 2)
			x86_crash_exit();
		for (;;) {
			ukarch_irq_disable();
			ukarch_halt();
		}
	}
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}
