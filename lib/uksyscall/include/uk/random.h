/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * getrandom()'s hook for a device (lib/ukvirtio's virtio-rng driver
 * defines it): fills buf with up to len random bytes and returns how
 * many, or -errno when there is no device or it failed; getrandom()
 * then gives the rest from the CPU's instruction as before. The weak
 * default in random.c has no device (-ENODEV). Called from system
 * calls (interrupts masked); it may block the calling thread.
 */
#ifndef __UK_RANDOM_H__
#define __UK_RANDOM_H__

#include <stddef.h>

long uk_random_device_read(void *buf, size_t len);

#endif /* __UK_RANDOM_H__ */
