/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fatal trap report: vector, registers, CR2 and a frame-pointer backtrace,
 * then ukplat_terminate(UKPLAT_CRASH_STATUS). Formatting is done here, not
 * with printf, so it works whatever libc is linked and however broken the
 * rest of the system is. A fault while reporting ends the report; one
 * while terminating stops the CPU directly: nothing can loop.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/io.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/x86/boot.h>

#define BACKTRACE_MAX 16

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

/* Registers in print order, as indices into struct __regs. */
#define R(f) (offsetof(struct __regs, f) / 8)
static const struct {
	char name[7];
	uint8_t idx;
} reg_order[] = {
	{ "RIP", R(rip) }, { "RSP", R(rsp) }, { "RFLAGS", R(rflags) },
	{ "RAX", R(rax) }, { "RBX", R(rbx) }, { "RCX", R(rcx) },
	{ "RDX", R(rdx) }, { "RSI", R(rsi) }, { "RDI", R(rdi) },
	{ "RBP", R(rbp) }, { "R8", R(r8) }, { "R9", R(r9) },
	{ "R10", R(r10) }, { "R11", R(r11) }, { "R12", R(r12) },
	{ "R13", R(r13) }, { "R14", R(r14) }, { "R15", R(r15) },
	{ "CS", R(cs) }, { "SS", R(ss) },
};
#undef R

static int trap_depth;

static void put(const char *s)
{
	const char *e = s;

	while (*e)
		e++;
	ukplat_console_write(s, e - s);
}

static unsigned int strnlen7(const char *s)
{
	unsigned int n = 0;

	while (n < 7 && s[n])
		n++;
	return n;
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

static void backtrace(uint64_t fp)
{
	int i;

	for (i = 0; i < BACKTRACE_MAX && fp && IS_ALIGNED(fp, 8); i++) {
		const uint64_t *f = (const uint64_t *)fp;

		if (!x86_paging_readable(fp) || !x86_paging_readable(fp + 8))
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

static void report(const struct __regs *r)
{
	const uint64_t *v = (const uint64_t *)r;
	unsigned int i;

	if (r->vector < 32) {
		put("\nFatal exception ");
		put_dec(r->vector);
		put(" (");
		put(exc_names[r->vector]);
		put("), error code ");
		put_hex(r->error);
	} else {
		put("\nFatal: unexpected interrupt");
	}
	for (i = 0; i < ARRAY_SIZE(reg_order); i++) {
		put(i % 3 ? "  " : "\n");
		put(reg_order[i].name);
		put(&"       "[strnlen7(reg_order[i].name)]);
		put_hex(v[reg_order[i].idx]);
	}
	put("\nCR2    ");
	put_hex(ukarch_read_cr2());
	put("\nBacktrace:\n  ");
	put_hex(r->rip);
	put("\n");
	backtrace(r->rbp);
}

void x86_trap(struct __regs *r)
{
	switch (trap_depth++) {
	case 0:
		report(r);
		break;
	case 1:
		put("\nFatal: fault while handling a fault\n");
		break;
	default:
		/* Terminating faulted: stop without calling anything. */
		outl(0xf4, UKPLAT_CRASH_STATUS);
		for (;;) {
			ukarch_irq_disable();
			ukarch_halt();
		}
	}
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}
