/* SPDX-License-Identifier: BSD-3-Clause */
/* glibc declares memalign here; ours live in stdlib.h. */
#ifndef __NOLIBC_MALLOC_H__
#define __NOLIBC_MALLOC_H__

#include <stdlib.h>

#endif /* __NOLIBC_MALLOC_H__ */
