/* SPDX-License-Identifier: BSD-3-Clause */
/* What the boot loader told the unikernel. */
#ifndef __UK_PLAT_BOOTINFO_H__
#define __UK_PLAT_BOOTINFO_H__

#include <stddef.h>

/* Bytes of command line every platform keeps; a longer one is refused
 * at boot, never cut (ukboot's limit too).
 */
#define UKPLAT_CMDLINE_MAX 4095

/* The command line given to the image (QEMU's -append), without the
 * image's own name; "" when there is none. Never NULL.
 */
const char *ukplat_cmdline(void);

/* The initial RAM disk the loader handed over (QEMU's -initrd, the
 * multiboot module after the image, Xen's ramdisk module): its first byte,
 * with its length in *len; NULL (and *len 0) when there is none. Its
 * memory is kept out of the free RAM (ukplat_memregion_*) for good, mapped
 * and readable.
 */
const void *ukplat_initrd(size_t *len);

#endif /* __UK_PLAT_BOOTINFO_H__ */
