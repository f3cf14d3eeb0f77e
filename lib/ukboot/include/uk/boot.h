/* SPDX-License-Identifier: BSD-3-Clause */
/* What ukboot gives main(), for code that is not main (e.g. Rust's uk::args). */
#ifndef __UK_BOOT_H__
#define __UK_BOOT_H__

extern int ukboot_argc;
extern char **ukboot_argv;

#endif /* __UK_BOOT_H__ */
