/* SPDX-License-Identifier: BSD-3-Clause */
/* ukboot's internal steps. */
#ifndef __UKBOOT_BOOT_H__
#define __UKBOOT_BOOT_H__

void ukboot_heap_init(void);
int ukboot_args(char ***argvp, char ***envpp);
void ukboot_tls_init(void);
void ukboot_tls_scratch(void);

#endif /* __UKBOOT_BOOT_H__ */
