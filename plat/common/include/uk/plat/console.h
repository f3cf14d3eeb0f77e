/* SPDX-License-Identifier: BSD-3-Clause */
/* Platform console: raw output for printing and crash reports. */
#ifndef __UK_PLAT_CONSOLE_H__
#define __UK_PLAT_CONSOLE_H__

#include <stddef.h>

/* Writes len bytes; returns when they are handed to the device.
 * Usable at any time, also before the platform finished booting.
 */
void ukplat_console_write(const char *buf, size_t len);

#endif /* __UK_PLAT_CONSOLE_H__ */
