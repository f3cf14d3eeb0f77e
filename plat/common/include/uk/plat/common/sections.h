/* SPDX-License-Identifier: BSD-3-Clause */
/* Image layout symbols defined by the platform linker scripts. */
#ifndef __UK_PLAT_COMMON_SECTIONS_H__
#define __UK_PLAT_COMMON_SECTIONS_H__

extern char _text[], _etext[];		/* code (read-only, executable) */
extern char _rodata[], _erodata[];	/* read-only data */
extern char _data[], _edata[];		/* initialised data */
extern char __bss_start[], _ebss[];	/* zero-initialised data */
extern char __tls_start[], __tdata_end[], __tls_end[]; /* TLS template */
extern char __tls_align[];		/* its alignment, as an address */
extern char _end[];			/* image end, stacks included */

#endif /* __UK_PLAT_COMMON_SECTIONS_H__ */
