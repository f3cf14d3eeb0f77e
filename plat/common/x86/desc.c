/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TSS and IDT. Every gate switches to an IST stack: code that uses the red
 * zone (prebuilt Rust core) stays safe, and a fault on a broken stack is
 * still reported.
 */
#include <uk/essentials.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/desc.h>

struct x86_tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __packed;

#define GATE_INTR	0x8eUL	/* present, ring 0, interrupt gate */
#define STUB_SIZE	16	/* see traps.S */

extern uint64_t x86_gdt[];
extern char x86_ist_stacks[];
extern char x86_exc_stubs[], x86_irq_stub[];

static struct x86_tss tss __aligned(16);
/* Gates as two words: offset 0-15, selector, IST, type, offset 16-31;
 * then offset 32-63.
 */
static uint64_t idt[256][2] __aligned(16);

static unsigned int vector_ist(int v)
{
	switch (v) {
	case 2:
		return X86_IST_NMI;
	case 8:
		return X86_IST_DF;
	case 18:
		return X86_IST_MC;
	default:
		return X86_IST_TRAP;
	}
}

static uint64_t gate_lo(uint64_t fn, unsigned int ist)
{
	return (fn & 0xffff) | X86_GDT_CODE << 16 | (uint64_t)ist << 32 |
	       GATE_INTR << 40 | (fn >> 16 & 0xffff) << 48;
}

void x86_traps_init(void)
{
	uint64_t base = (uintptr_t)&tss;
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed idtr = { sizeof(idt) - 1, (uintptr_t)idt };
	uint64_t fn, lo;
	int i;

	for (i = 1; i <= X86_IST_COUNT; i++)
		tss.ist[i - 1] = (uintptr_t)x86_ist_stacks + i * X86_IST_SIZE;
	tss.iomap_base = sizeof(tss);	/* no I/O bitmap */
	x86_gdt[X86_GDT_TSS / 8] = (sizeof(tss) - 1) |
				   (base & 0xffffff) << 16 | 0x89UL << 40 |
				   (base >> 24 & 0xff) << 56;
	x86_gdt[X86_GDT_TSS / 8 + 1] = base >> 32;
	__asm__ __volatile__("ltr %w0" : : "r"(X86_GDT_TSS));

	for (i = 0; i < 32; i++) {
		fn = (uintptr_t)x86_exc_stubs + i * STUB_SIZE;
		idt[i][0] = gate_lo(fn, vector_ist(i));
		idt[i][1] = fn >> 32;
	}
	/* All interrupt vectors share one stub. */
	fn = (uintptr_t)x86_irq_stub;
	lo = gate_lo(fn, X86_IST_TRAP);
	for (; i < 256; i++) {
		idt[i][0] = lo;
		idt[i][1] = fn >> 32;
	}
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

void x86_idt_set(unsigned int vec, void (*entry)(void))
{
	uint64_t fn = (uintptr_t)entry;

	if (vec < 32 || vec > 255)
		return;
	idt[vec][0] = gate_lo(fn, X86_IST_TRAP);
	idt[vec][1] = fn >> 32;
}
