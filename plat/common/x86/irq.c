/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device interrupts on x86 (KVM): a few IDT vectors handed out one per
 * registration, each stub calling x86_dev_irq(index). A vector is
 * reached by a message (MSI/MSI-X: the device writes the data to the
 * APIC's address) or through an I/O APIC line (ioapic.c). Handlers run
 * with interrupts masked; the APIC is told the end after each.
 */
#include <uk/essentials.h>
#include <uk/plat/irq.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/irq.h>
#include <uk/plat/common/x86/lapic.h>

#define MSI_ADDR	0xfee00000ULL	/* + destination APIC ID << 12 */

extern void (*const x86_dev_irq_stubs[X86_DEV_VECTORS])(void);

static struct {
	ukplat_irq_fn fn;
	void *arg;
} vec[X86_DEV_VECTORS];
static unsigned int nvec;

void x86_dev_irq(unsigned int i)
{
	if (i < nvec)
		vec[i].fn(vec[i].arg);
	x86_lapic_eoi();
}

int x86_irq_vector(ukplat_irq_fn fn, void *arg, unsigned int *vector,
		   uint32_t *apic_id)
{
	if (nvec == X86_DEV_VECTORS || !x86_lapic_on(apic_id))
		return -1;
	vec[nvec].fn = fn;
	vec[nvec].arg = arg;
	x86_idt_set(X86_DEV_VECTOR + nvec, x86_dev_irq_stubs[nvec]);
	*vector = X86_DEV_VECTOR + nvec++;
	return 0;
}

/* Fixed delivery, edge, physical destination: the data is the vector. */
int ukplat_irq_msi(ukplat_irq_fn fn, void *arg, uint64_t *addr,
		   uint32_t *data)
{
	unsigned int v;
	uint32_t id;

	if (x86_irq_vector(fn, arg, &v, &id) || id > 0xff)
		return -1;
	*addr = MSI_ADDR | id << 12;
	*data = v;
	return 0;
}
