/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * getrandom(): the CPU's random number instruction (x86 RDRAND, arm64
 * RNDR) when it has one. Without one, the bytes come from a generator
 * seeded with the cycle counter: not fit for keys, said once on the
 * console. A device driver (virtio-rng) comes first when it is there
 * (uk_random_device_read(), uk/random.h).
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/random.h>
#include <uk/config.h>
#include <uk/print.h>
#include <uk/random.h>
#include <uk/asm/cpu.h>
#include "syscalls.h"


#ifdef CONFIG_ARCH_X86_64
static bool hw_has(void)
{
	return ukarch_cpuid(1, 0).c & (1U << 30);
}

static bool hw_read(uint64_t *v)
{
	unsigned char ok;

	__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

static uint64_t cycles(void)
{
	return ukarch_rdtsc();
}
#else
static bool hw_has(void)
{
	return (ukarch_read_sysreg(id_aa64isar0_el1) >> 60 & 0xf) >= 1;
}

static bool hw_read(uint64_t *v)
{
	uint64_t nzcv;

	/* RNDR; Z set means no number this time. */
	__asm__ __volatile__("mrs %0, s3_3_c2_c4_0; mrs %1, nzcv"
			     : "=r"(*v), "=r"(nzcv));
	return !(nzcv & (1UL << 30));
}

static uint64_t cycles(void)
{
	return ukarch_counter();
}
#endif

/* No device unless a driver brings one. */
__weak long uk_random_device_read(void *buf __maybe_unused,
				  size_t len __maybe_unused)
{
	return -ENODEV;
}

/* splitmix64: the fallback, reseeded from the counter on every call. */
static uint64_t soft_state;

static uint64_t soft_next(void)
{
	uint64_t z = (soft_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t next(bool hw)
{
	uint64_t v;
	int tries;

	if (hw)
		for (tries = 0; tries < 16; tries++)
			if (hw_read(&v))
				return v;
	return soft_next();
}

long sys_getrandom(void *buf, size_t len, unsigned int flags)
{
	static int hw = -1, warned;
	unsigned char *p = buf;
	uint64_t v;
	size_t n;
	long dev;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	/* Linux: insecure bytes cannot come from the blocking pool. */
	if ((flags & GRND_RANDOM) && (flags & GRND_INSECURE))
		return -EINVAL;
	/* Linux 6 gives up to MAX_RW_COUNT (older ones 32 MiB - 1). */
	if (len > 0x7ffff000)
		len = 0x7ffff000;
	dev = uk_random_device_read(buf, len);
	if (dev == (long)len)
		return len;
	if (dev > 0) {
		p += dev;
		len -= dev;
	}
	if (hw < 0)
		hw = hw_has();
	/* Said once, to the first caller that asked for secure bytes. */
	if (!hw && !(flags & GRND_INSECURE) && !warned) {
		warned = 1;
		uk_pr_err("getrandom: the CPU has no random number instruction; the bytes are not fit for keys\n");
	}
	soft_state ^= cycles();
	for (n = 0; n < len; n += sizeof(v)) {
		v = next(hw);
		memcpy(p + n, &v, len - n < sizeof(v) ? len - n : sizeof(v));
	}
	return len + (dev > 0 ? dev : 0);
}
