/* SPDX-License-Identifier: BSD-3-Clause */
/* The common x86 boot path in long mode, up to ukplat_entry(). */
#include <uk/essentials.h>
#include <uk/asm/paging.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/initrd.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/sections.h>
#include <uk/plat/common/x86/boot.h>

uint64_t x86_rsdp;

/* The identity map covers the low half of the 48-bit space. */
#define X86_INITRD_LIMIT (1UL << 47)

__weak void x86_paging_plat_add(void)
{
}

void x86_boot(uint32_t info, x86_bootinfo_parser_t parse)
{
	/* Traps first, so that a fault while parsing is reported. */
	x86_traps_init();
	parse(info);
	plat_mem_need((uintptr_t)_text, (uintptr_t)_end);
	/*
	 * The NULL guard stays unmapped. What loaders leave there (QEMU's
	 * PVH start info and multiboot info on pc, the real-mode BIOS
	 * data) was copied by the parser, so only the image needs keeping.
	 */
	plat_mem_reserve(0, PLAT_NULL_GUARD);
	plat_mem_reserve((uintptr_t)_text, _end - _text);
	/* Before any page is taken for tables; x86_paging_init maps it. */
	plat_initrd_keep(X86_INITRD_LIMIT);
	x86_paging_plat_add();
	x86_paging_init();
	ukplat_entry();
}
