/* SPDX-License-Identifier: BSD-3-Clause */
/* lwIP's compiler and platform port for Kiln (lwIP's doc/sys_arch.txt). */
#ifndef __LWIP_ARCH_CC_H__
#define __LWIP_ARCH_CC_H__

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <uk/assert.h>
#include <uk/essentials.h>
#include <uk/print.h>

/* Linux's numbers come from the libc's errno.h. */
#define LWIP_ERRNO_STDINCLUDE	1
#define LWIP_ERRNO_INCLUDE	<errno.h>
/* struct timeval is the libc's. */
#define LWIP_TIMEVAL_PRIVATE	0

#define LWIP_PLATFORM_DIAG(x)	uk_pr_debug x
#define LWIP_PLATFORM_ASSERT(x)						\
	UK_CRASH("lwIP assertion \"%s\" failed at %s:%d\n", x, __FILE__,	\
		 __LINE__)

uint32_t kiln_lwip_rand(void);
#define LWIP_RAND()		kiln_lwip_rand()

#endif /* __LWIP_ARCH_CC_H__ */
