/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The local APIC, set up on the first arming of its timer: the 8259s
 * moved off the exception vectors and masked (their interrupts would
 * otherwise be taken as faults), the APIC enabled, and its timer in
 * TSC-deadline mode when the CPU has it (no calibration, the clock's own
 * counter), else in one-shot mode with its rate measured once against
 * the monotonic clock. Interrupts stay masked outside ukplat_idle(), so
 * nothing here races with the handler.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/io.h>
#include <uk/asm/paging.h>
#include <uk/plat/time.h>
#include <uk/plat/common/clock.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/lapic.h>
#include <uk/plat/common/preempt.h>

#define CPUID1_D_APIC		(1U << 9)
#define CPUID1_C_X2APIC		(1U << 21)
#define CPUID1_C_TSC_DEADLINE	(1U << 24)

#define MSR_APIC_BASE		0x1b
#define APIC_BASE_EXTD		(1ULL << 10)	/* x2APIC mode */
#define APIC_BASE_EN		(1ULL << 11)
#define APIC_BASE_ADDR		0x000ffffffffff000ULL
#define APIC_BASE_DEFAULT	0xfee00000ULL
#define MSR_TSC_DEADLINE	0x6e0
#define MSR_X2APIC		0x800	/* + register offset / 16 */

#define APIC_ID			0x020
#define APIC_TPR		0x080
#define APIC_EOI		0x0b0
#define APIC_SVR		0x0f0
#define APIC_SVR_ENABLE		0x100
#define APIC_LVT_TIMER		0x320
#define APIC_LVT_DEADLINE	(2U << 17)
#define APIC_TIMER_INIT		0x380
#define APIC_TIMER_CUR		0x390
#define APIC_TIMER_DIV		0x3e0
#define APIC_DIV_16		0x3

#define PIC1			0x20
#define PIC2			0xa0
#define CALIBRATE_NS		2000000ULL	/* 2 ms, once */

enum { UNSET, NONE, DEADLINE, ONESHOT };

void x86_lapic_timer_stub(void), x86_irq_ignore(void);	/* lapic_entry.S */

static volatile uint32_t *mmio;
static int x2apic, mode, enabled;
static uint64_t apic_mult;	/* APIC timer ticks per ns, 32.32 */

static void apic_write(unsigned int reg, uint32_t v)
{
	if (x2apic)
		ukarch_wrmsr(MSR_X2APIC + (reg >> 4), v);
	else
		mmio[reg / 4] = v;
}

static uint32_t apic_read(unsigned int reg)
{
	return x2apic ? ukarch_rdmsr(MSR_X2APIC + (reg >> 4)) : mmio[reg / 4];
}

/*
 * The xAPIC page, mapped at boot (page tables are built then) at its
 * architectural address, without asking the CPU: CPUID and MSR reads
 * are VM exits, and an app that never sleeps should not pay for them.
 * setup() checks the CPU's base before using it. Mapped cacheable like
 * RAM: hypervisors trap the page whatever its memory type.
 */
void x86_lapic_map(void)
{
	x86_paging_add(APIC_BASE_DEFAULT, PAGE_SIZE);
}

void x86_lapic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* Both 8259s to vectors 0x20-0x2f (the BIOS leaves the master's on the
 * exception vectors: SeaBIOS's PIT tick would arrive as a double
 * fault), all lines masked; spurious ones are ignored. Once, before
 * interrupts are first enabled: threads run with them on.
 */
static void pic_mask(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	outb(PIC1, 0x11);			/* ICW1: init, ICW4 follows */
	outb(PIC2, 0x11);
	outb(PIC1 + 1, X86_PIC_VECTOR);		/* ICW2: vector base */
	outb(PIC2 + 1, X86_PIC_VECTOR + 8);
	outb(PIC1 + 1, 1 << 2);			/* ICW3: slave on line 2 */
	outb(PIC2 + 1, 2);
	outb(PIC1 + 1, 1);			/* ICW4: 8086 mode */
	outb(PIC2 + 1, 1);
	outb(PIC1 + 1, 0xff);			/* OCW1: mask all */
	outb(PIC2 + 1, 0xff);
	x86_idt_set(X86_PIC_VECTOR + 7, x86_irq_ignore);
	x86_idt_set(X86_PIC_VECTOR + 15, x86_irq_ignore);
}

/*
 * Counts the one-shot timer down for CALIBRATE_NS of the clock; 0 when
 * it did not count (no usable timer). Each end reads the count, then
 * the clock, in the same order: the time between the two reads (an
 * exit each, microseconds under TCG) cancels out instead of adding
 * ticks, which made every sleep about 0.5 % long.
 */
static int calibrate(void)
{
	uint64_t t0, t1;
	uint32_t c0, c1;

	apic_write(APIC_TIMER_DIV, APIC_DIV_16);
	apic_write(APIC_TIMER_INIT, UINT32_MAX);
	c0 = apic_read(APIC_TIMER_CUR);
	t0 = ukplat_monotonic_ns();
	do {
		ukarch_pause();
		c1 = apic_read(APIC_TIMER_CUR);
		t1 = ukplat_monotonic_ns();
	} while (t1 - t0 < CALIBRATE_NS);
	apic_write(APIC_TIMER_INIT, 0);
	apic_mult = ((uint64_t)(c0 - c1) << 32) / (t1 - t0);
	return apic_mult != 0;
}

static void setup(void)
{
	struct ukarch_cpuid c = ukarch_cpuid(1, 0);
	uint64_t base;

	mode = NONE;
	if (!(c.d & CPUID1_D_APIC))
		return;
	/* Without x2APIC, the page mapped at boot must be the APIC's. */
	if (!(c.c & CPUID1_C_X2APIC)) {
		if ((ukarch_rdmsr(MSR_APIC_BASE) & APIC_BASE_ADDR) !=
		    APIC_BASE_DEFAULT)
			return;
		mmio = (volatile uint32_t *)(uintptr_t)APIC_BASE_DEFAULT;
	}
	pic_mask();
	/* xAPIC first: x2APIC cannot be entered from disabled. */
	base = ukarch_rdmsr(MSR_APIC_BASE) | APIC_BASE_EN;
	ukarch_wrmsr(MSR_APIC_BASE, base);
	if (c.c & CPUID1_C_X2APIC) {
		ukarch_wrmsr(MSR_APIC_BASE, base | APIC_BASE_EXTD);
		x2apic = 1;
	}
	x86_idt_set(X86_LAPIC_SPURIOUS, x86_irq_ignore);
	x86_idt_set(X86_LAPIC_TIMER_VECTOR, x86_lapic_timer_stub);
	apic_write(APIC_SVR, APIC_SVR_ENABLE | X86_LAPIC_SPURIOUS);
	apic_write(APIC_TPR, 0);
	enabled = 1;
	if (c.c & CPUID1_C_TSC_DEADLINE) {
		/* The mode before the MSR: writes to it count only then. */
		apic_write(APIC_LVT_TIMER,
			   APIC_LVT_DEADLINE | X86_LAPIC_TIMER_VECTOR);
		mode = DEADLINE;
	} else {
		apic_write(APIC_LVT_TIMER, X86_LAPIC_TIMER_VECTOR);
		mode = calibrate() ? ONESHOT : NONE;
	}
}

/* The one-shot count for deadline_ns: at least 1 (0 stops the timer),
 * at most the register's width (it then fires early, callers re-arm).
 */
static uint32_t oneshot_count(uint64_t deadline_ns)
{
	uint64_t now = ukplat_monotonic_ns(), d, n;

	d = deadline_ns > now ? MIN(deadline_ns - now, 1ULL << 40) : 0;
	n = plat_clock_scale(d, apic_mult) + 1;
	return MIN(n, UINT32_MAX);
}

void plat_irq_prepare(void)
{
	pic_mask();
}

int x86_lapic_on(uint32_t *apic_id)
{
	if (unlikely(mode == UNSET))
		setup();
	if (!enabled)
		return 0;
	*apic_id = x2apic ? apic_read(APIC_ID) : apic_read(APIC_ID) >> 24;
	return 1;
}

int x86_lapic_timer_arm(uint64_t deadline_ns)
{
	if (unlikely(mode == UNSET))
		setup();
	switch (mode) {
	case DEADLINE:
		ukarch_wrmsr(MSR_TSC_DEADLINE,
			     deadline_ns ? x86_tsc_at(deadline_ns) : 0);
		return 1;
	case ONESHOT:
		apic_write(APIC_TIMER_INIT,
			   deadline_ns ? oneshot_count(deadline_ns) : 0);
		return 1;
	default:
		return 0;
	}
}
