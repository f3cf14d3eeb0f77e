/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __NOLIBC_STRINGS_H__
#define __NOLIBC_STRINGS_H__

#include <stddef.h>

int bcmp(const void *a, const void *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#endif /* __NOLIBC_STRINGS_H__ */
