/* SPDX-License-Identifier: BSD-3-Clause */
/* Device registers outside RAM, for drivers (lib/ukvirtio). */
#ifndef __UK_PLAT_DEVICE_H__
#define __UK_PLAT_DEVICE_H__

#include <stddef.h>
#include <stdint.h>

/*
 * ukplat_map_device(paddr, len, table_alloc): makes the device registers
 * [paddr, paddr + len) accessible at the same virtual address, uncached
 * and never executable. New table pages come from table_alloc() (a
 * 4 KiB-aligned page of mapped RAM, or NULL) and are kept for good.
 * Returns 0 (also when the range was mapped already: the platform's
 * own devices, or an earlier call), or -1: a range in the NULL guard,
 * overlapping RAM or the image, beyond the address space, or no table.
 * Called with interrupts masked.
 *
 * x86 (kvm, xen): 4 KiB pages with PCD|PWT (uncacheable under the
 * default PAT). arm64: only what the platform mapped at boot (its own
 * devices and the device tree's virtio,mmio nodes, Device-nGnRE)
 * succeeds; anything else is -1.
 */
int ukplat_map_device(uint64_t paddr, size_t len, void *(*table_alloc)(void));

/*
 * The virtio-mmio transports the boot information described (arm64:
 * the device tree's "virtio,mmio" nodes, in tree order, mapped at boot;
 * kvm-x86_64: the ACPI DSDT's LNRO0005 devices, microvm's with ACPI on):
 * entry i in *base, *size and *irq (the interrupt controller's number,
 * e.g. a GIC SPI as 32 + n; 0 when none was given). 0, or -1 past the
 * last. With ACPI off, microvm names its transports on the command line
 * instead (virtio_mmio.device=...), which lib/ukvirtio reads itself.
 */
int ukplat_virtio_mmio(int i, uint64_t *base, uint64_t *size,
		       unsigned int *irq);

#endif /* __UK_PLAT_DEVICE_H__ */
