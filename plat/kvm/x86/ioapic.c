/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt lines through the I/O APICs (microvm's virtio-mmio): the
 * MADT says where each is and which GSIs it serves; without ACPI the
 * usual one at 0xfec00000 serves GSIs from 0. A line gets a vector of
 * its own (irq.c) and a redirection entry: fixed delivery to this CPU,
 * level-triggered, active high, as microvm's DSDT describes its
 * virtio-mmio interrupts. Ending the interrupt at the local APIC ends
 * it here too (the EOI broadcast).
 */
#include <uk/plat/irq.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/irq.h>
#include "kvm.h"

/* Where QEMU's I/O APICs are (pc, q35, microvm's first and second):
 * mapped at boot, as page tables cannot be grown from here later.
 */
#define WINDOW		0xfec00000ULL
#define WINDOW_LEN	0x20000ULL

#define IOREGSEL	0x00
#define IOWIN		0x10
#define REG_VER		0x01
#define REG_REDIR	0x10	/* + 2 * pin: low word, then high */
#define REDIR_LEVEL	(1U << 15)
#define REDIR_MASKED	(1U << 16)

void kvm_ioapic_map(void)
{
	x86_paging_add(WINDOW, WINDOW_LEN);
}

static uint32_t reg_read(uint64_t base, unsigned int reg)
{
	*(volatile uint32_t *)(base + IOREGSEL) = reg;
	return *(volatile uint32_t *)(base + IOWIN);
}

static void reg_write(uint64_t base, unsigned int reg, uint32_t v)
{
	*(volatile uint32_t *)(base + IOREGSEL) = reg;
	*(volatile uint32_t *)(base + IOWIN) = v;
}

/* Whether the I/O APIC at a, from GSI first, serves gsi; its pin. */
static int serves(uint64_t a, unsigned int first, unsigned int gsi,
		  unsigned int *pin)
{
	if (a < WINDOW || a >= WINDOW + WINDOW_LEN || gsi < first)
		return 0;	/* not mapped, or not its */
	*pin = gsi - first;
	return *pin <= (reg_read(a, REG_VER) >> 16 & 0xff);
}

/* The I/O APIC serving gsi and its pin there; 0 when none does. */
static uint64_t find(unsigned int gsi, unsigned int *pin)
{
	unsigned int first;
	uint64_t a;
	int i;

	for (i = 0; !kvm_acpi_ioapic(i, &a, &first); i++)
		if (serves(a, first, gsi, pin))
			return a;
	if (!i && serves(WINDOW, 0, gsi, pin))
		return WINDOW;	/* no MADT */
	return 0;
}

int ukplat_irq_register(unsigned int gsi, ukplat_irq_fn fn, void *arg)
{
	unsigned int pin, v;
	uint32_t id;
	uint64_t a = find(gsi, &pin);

	if (!a || x86_irq_vector(fn, arg, &v, &id) || id > 0xff)
		return -1;
	reg_write(a, REG_REDIR + 2 * pin, REDIR_MASKED);
	reg_write(a, REG_REDIR + 2 * pin + 1, id << 24);
	reg_write(a, REG_REDIR + 2 * pin, REDIR_LEVEL | v);
	return 0;
}
