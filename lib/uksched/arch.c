/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A new thread's first switch frame, as <arch>/switch.S pops it: the
 * callee-saved registers with entry and arg where uksched_arch_start
 * looks for them, default floating-point control, and
 * uksched_arch_start as the return address.
 */
#include <string.h>
#include <uk/config.h>
#include <uk/essentials.h>
#include "sched_impl.h"

void uksched_arch_start(void);

#ifdef CONFIG_ARCH_X86_64
struct switch_frame {
	uint32_t mxcsr, fcw;
	uint64_t r15, r14, r13, r12, rbx, rbp, ret;
};

uintptr_t uksched_arch_init(uintptr_t stack_top, void (*entry)(void *),
			    void *arg)
{
	/* After the ret the stack is 16-byte aligned: uksched_arch_start
	 * calls from there.
	 */
	struct switch_frame *f =
		(struct switch_frame *)ALIGN_DOWN(stack_top, 16) - 1;

	memset(f, 0, sizeof(*f));
	f->mxcsr = 0x1f80;	/* all exceptions masked, round to nearest */
	f->fcw = 0x37f;
	f->r13 = (uintptr_t)entry;
	f->r12 = (uintptr_t)arg;
	f->ret = (uintptr_t)uksched_arch_start;
	return (uintptr_t)f;
}
#else
struct switch_frame {
	uint64_t x19, x20, x[8], x29, x30, d[8], fpcr, pad;
};

uintptr_t uksched_arch_init(uintptr_t stack_top, void (*entry)(void *),
			    void *arg)
{
	struct switch_frame *f =
		(struct switch_frame *)ALIGN_DOWN(stack_top, 16) - 1;

	memset(f, 0, sizeof(*f));
	f->x19 = (uintptr_t)entry;
	f->x20 = (uintptr_t)arg;
	f->x30 = (uintptr_t)uksched_arch_start;
	return (uintptr_t)f;
}
#endif
