/* SPDX-License-Identifier: BSD-3-Clause */
/* Unimplemented calls, random bytes, ids, names and limits. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "sc.h"

WORD(enosys)
{
	const char *w = "enosys";

	/* Linux has io_setup (EINVAL for 0 events); Kiln does not. */
	kiln(w, "syscall(SYS_io_setup)", syscall(SYS_io_setup, 0, NULL));
	kiln(w, "syscall(SYS_io_setup) again", syscall(SYS_io_setup, 0, NULL));
	say(w, "syscall(100000)", syscall(100000));
	say(w, "syscall(100000) again", syscall(100000));
	say(w, "syscall(-1)", syscall(-1));
	val(w, "the program goes on", 1);
	return 1;
}

#ifndef GRND_INSECURE
#define GRND_INSECURE	4
#endif

WORD(random)
{
	const char *w = "random";
	static unsigned char b[4096], c[4096], z[4096];
	unsigned char a1[16] = { 0 }, a2[16] = { 0 };

	say(w, "getrandom 0 bytes", getrandom(b, 0, 0));
	say(w, "getrandom 1 byte", getrandom(b, 1, 0));
	memset(b, 0, sizeof(b));
	say(w, "getrandom 7 bytes", getrandom(b, 7, 0));
	val(w, "it wrote no further", !memcmp(b + 7, z, sizeof(b) - 7));
	say(w, "getrandom 4096 bytes", getrandom(b, 4096, 0));
	say(w, "and 4096 more", getrandom(c, 4096, GRND_NONBLOCK));
	val(w, "the two differ", memcmp(b, c, 4096) != 0);
	val(w, "the last 8 bytes are not all zero", memcmp(b + 4088, z, 8) != 0);
	getrandom(a1, 16, 0);
	getrandom(a2, 16, GRND_RANDOM);
	val(w, "two 16-byte calls differ", memcmp(a1, a2, 16) != 0);
	say(w, "getrandom GRND_INSECURE", getrandom(b, 8, GRND_INSECURE));
	say(w, "getrandom flags 0x100", getrandom(b, 8, 0x100));
	say(w, "getrandom GRND_RANDOM|GRND_INSECURE",
	    getrandom(b, 8, GRND_RANDOM | GRND_INSECURE));
	return 1;
}

WORD(ids)
{
	const char *w = "ids";
	struct rlimit rl, old, big;
	struct utsname u;
	cpu_set_t cpus;

	kiln(w, "getpid", getpid());
	val(w, "gettid is getpid", gettid() == getpid());
	kiln(w, "getppid", getppid());
	kiln(w, "getuid", getuid());
	say(w, "uname", uname(&u));
	printf("%s: sysname = %s\n", w, u.sysname);
	printf("%s: machine = %s\n", w, u.machine);
	printf("~%s: nodename = %s\n", w, u.nodename);
	printf("~%s: release = %s\n", w, u.release);
	printf("~%s: version = %s\n", w, u.version);
	say(w, "sched_getaffinity", sched_getaffinity(0, sizeof(cpus), &cpus));
	kiln(w, "CPUs", CPU_COUNT(&cpus));
	say(w, "getrlimit NOFILE", getrlimit(RLIMIT_NOFILE, &rl));
	kiln(w, "NOFILE soft", rl.rlim_cur);
	kiln(w, "NOFILE hard", rl.rlim_max);
	getrlimit(RLIMIT_STACK, &rl);
	kiln(w, "STACK soft", rl.rlim_cur);
	getrlimit(RLIMIT_AS, &rl);
	val(w, "AS is unlimited", rl.rlim_cur == RLIM_INFINITY);
	say(w, "getrlimit 100", getrlimit(100, &rl));

	getrlimit(RLIMIT_NOFILE, &old);
	rl.rlim_cur = 64;
	rl.rlim_max = old.rlim_max;
	say(w, "setrlimit NOFILE soft 64", setrlimit(RLIMIT_NOFILE, &rl));
	getrlimit(RLIMIT_NOFILE, &rl);
	val(w, "NOFILE soft now", rl.rlim_cur);
	rl.rlim_cur = 100;
	rl.rlim_max = 50;
	say(w, "setrlimit soft over hard", setrlimit(RLIMIT_NOFILE, &rl));
	/* Raising the hard limit: root may on Linux; Kiln has no more. */
	big.rlim_cur = big.rlim_max = old.rlim_max + 1;
	memset(&rl, 0x55, sizeof(rl));
	kiln(w, "prlimit raising NOFILE's hard limit",
	     prlimit(0, RLIMIT_NOFILE, &big, &rl));
	kiln(w, "a refused prlimit leaves old alone",
	    rl.rlim_cur == (rlim_t)0x5555555555555555ULL);
	setrlimit(RLIMIT_NOFILE, &old);
	kiln(w, "prlimit of pid 99999", prlimit(99999, RLIMIT_NOFILE, NULL, &rl));
	return 1;
}
