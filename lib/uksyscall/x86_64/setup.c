/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Turn the syscall instruction on and point it at uk_syscall_entry:
 * kernel code and stack selectors from the GDT, and the RFLAGS bits
 * cleared on entry (interrupts, direction, trap, alignment check).
 */
#include <uk/init.h>
#include <uk/asm/cpu.h>
#include <uk/plat/common/x86/desc.h>

void uk_syscall_entry(void);

static int syscall_setup(void)
{
	/* SS is CS + 8: X86_GDT_DATA follows X86_GDT_CODE. */
	ukarch_wrmsr(X86_MSR_STAR, (uint64_t)X86_GDT_CODE << 32);
	ukarch_wrmsr(X86_MSR_LSTAR, (uintptr_t)uk_syscall_entry);
	ukarch_wrmsr(X86_MSR_SFMASK,
		     X86_RFLAGS_TF | X86_RFLAGS_IF | X86_RFLAGS_DF |
		     X86_RFLAGS_AC);
	ukarch_wrmsr(X86_MSR_EFER,
		     ukarch_rdmsr(X86_MSR_EFER) | X86_EFER_SCE);
	return 0;
}
uk_early_initcall(syscall_setup);
