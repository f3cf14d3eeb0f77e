/* SPDX-License-Identifier: BSD-3-Clause */
/* What the boot loader told the unikernel. */
#ifndef __UK_PLAT_BOOTINFO_H__
#define __UK_PLAT_BOOTINFO_H__

/* Bytes of command line every platform keeps; a longer one is refused
 * at boot, never cut (ukboot's limit too).
 */
#define UKPLAT_CMDLINE_MAX 4095

/* The command line given to the image (QEMU's -append), without the
 * image's own name; "" when there is none. Never NULL.
 */
const char *ukplat_cmdline(void);

#endif /* __UK_PLAT_BOOTINFO_H__ */
