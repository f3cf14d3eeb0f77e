/* SPDX-License-Identifier: BSD-3-Clause */
/* Console output a byte at a time, as terminals expect it. */
#ifndef __UK_PLAT_COMMON_CONSOLE_H__
#define __UK_PLAT_COMMON_CONSOLE_H__

#include <stddef.h>

/*
 * buf through put(), each "\n" as "\r\n": serial terminals need CR LF.
 * Inline, so the UART's put() is inlined into the loop too.
 */
static inline void plat_console_crlf(const char *buf, size_t len,
				     void (*put)(char c))
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			put('\r');
		put(buf[i]);
	}
}

#endif /* __UK_PLAT_COMMON_CONSOLE_H__ */
