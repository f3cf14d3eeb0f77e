/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The two glibc-only names std::net's Linux build (the -gnu target, the
 * one stable Rust ships) calls, which musl does not define: when a name
 * lookup fails, std asks gnu_get_libc_version() whether the libc is
 * older than 2.26 and only then calls __res_init() to reread
 * /etc/resolv.conf. musl rereads it on every lookup, so a current
 * version and musl's res_init() are the truthful answers.
 */
#include <resolv.h>

const char *gnu_get_libc_version(void)
{
	return "2.36";
}

int __res_init(void)
{
	return res_init();
}
