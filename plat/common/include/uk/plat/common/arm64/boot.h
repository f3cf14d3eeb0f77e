/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The common arm64 boot path and what it shares with the platforms that
 * use it: entry.S calls arm64_boot() with the MMU off; the platform
 * supplies arm64_plat_probe() (its devices from the device tree) and its
 * console.
 */
#ifndef __UK_PLAT_COMMON_ARM64_BOOT_H__
#define __UK_PLAT_COMMON_ARM64_BOOT_H__

#define ARM64_STACK_SIZE	65536	/* boot stack, where main() runs */
#define ARM64_EXC_STACK_SIZE	16384	/* exception stack (SP_EL1) */

/* Linux arm64 Image header: load offset from a 2 MiB aligned base near
 * the start of RAM; flags: little-endian, 4 KiB pages, that placement.
 */
#define ARM64_TEXT_OFFSET	0x80000
#define ARM64_IMAGE_FLAGS	0x2

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <uk/essentials.h>
#include <uk/asm/regs.h>
#include <uk/plat/common/arm64/fdt.h>

/* The counter at the first instruction */
extern uint64_t arm64_boot_cnt;

/* From entry.S, MMU off, on the boot stack; dtb is the loader's x0. */
__noreturn void arm64_boot(const void *dtb);

/* Reports msg on the console and stops with UKPLAT_CRASH_STATUS. */
#include <uk/plat/common/crash.h>

/*
 * Platform hook, run for every device tree node before the MMU is on:
 * it notes its devices and calls arm64_mmio_map() for their registers.
 */
void arm64_plat_probe(const struct fdt_node *n);

/* Device registers to map (uncached, never executable) with the MMU. */
void arm64_mmio_map(uint64_t base, uint64_t len);
/* Builds the page tables and turns the MMU and caches on. */
void arm64_mmu_init(void);
/* Whether [va, va + 8) can be read without faulting. */
int arm64_readable(uint64_t va);

/* virtio,mmio nodes (virtio_mmio.c): noted per node during the walk,
 * then mapped (arm64_mmio_map) once the walk is over.
 */
void arm64_virtio_probe(const struct fdt_node *n);
void arm64_virtio_map(void);

/* Interrupt controller (the device tree's GICv2 or GICv3 node). */
void arm64_gic_probe(const struct fdt_node *n);
void arm64_gic_init(void);
/* The timer's PPIs and the counter rate when the counter lacks one. */
void arm64_timer_probe(const struct fdt_node *n);
/* The virtual timer's interrupt ID: a PPI (16-31), or 0 for none. */
extern unsigned int arm64_timer_irq;
/* The counter value when ukplat_monotonic_ns() reaches ns. */
uint64_t arm64_clock_cnt(uint64_t ns);
/* Whether the timer's interrupt reaches the CPU (GIC on, PPI known). */
int arm64_gic_timer_ok(void);
/* An IRQ (interrupts masked): acknowledged, the timer's disarmed or a
 * registered SPI's handler run (ukplat_irq_register), EOId. Returns 0,
 * or the ID of an interrupt nothing expects (not EOId).
 */
unsigned int arm64_gic_irq(void);
/* Disarms the virtual timer (its interrupt line drops). */
void arm64_timer_disarm(void);
/* PSCI: notes the conduit (hvc or smc) from the psci node. */
void arm64_psci_probe(const struct fdt_node *n);
/* PSCI SYSTEM_OFF; returns when there is no PSCI or it failed. */
void arm64_psci_system_off(void);

/* From the exception vectors; returns only for a handled exception. */
void arm64_trap(struct __regs *r, unsigned long kind);
/*
 * A semihosting call (HLT #0xf000): op in x0, arg in x1. Returns -1 when
 * the machine has no semihosting: the HLT then traps as undefined and
 * the trap handler skips it rather than reporting a crash.
 */
long arm64_semihost(unsigned long op, const void *arg);
extern char arm64_semihost_hlt[];
#endif /* !__ASSEMBLY__ */

#endif /* __UK_PLAT_COMMON_ARM64_BOOT_H__ */
