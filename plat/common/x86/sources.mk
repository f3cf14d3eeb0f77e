# SPDX-License-Identifier: BSD-3-Clause
# What the KVM and Xen platforms share, included by both Makefile.uk
# files. Not a Makefile.uk itself: every plat/*/Makefile.uk is read as a
# platform.

# The x86 boot path: PVH entry, long mode, paging, traps.
X86_COMMON_SRCS := $(addprefix $(CONFIG_UK_BASE)/plat/common/x86/, \
	pvh.S pvh.c longmode.S nomem.S stacks.S boot.c paging.c desc.c \
	traps.S traps.c preempt.S)

# No SSE in platform code (KVM's arm64 code included): traps must not
# touch the interrupted code's vector registers, and instruction
# emulators (e.g. KVM's, used when KVM cannot run the guest natively)
# lack most SSE instructions.
PLAT_COMMON_CFLAGS := -mgeneral-regs-only
