/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * KVM x86_64 image. The multiboot header, when built, comes first: it must
 * sit in the first 8 KiB of the file.
 */
#define X86_TEXT_HEAD	KEEP(*(.multiboot_header))
#define X86_TEXT_TAIL
#include <uk/plat/common/x86/link64.lds.h>
