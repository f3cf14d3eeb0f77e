/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Signals a process sends itself: handlers, SA_SIGINFO, SIG_IGN, masks,
 * nesting, and the words that end the program by a signal (abort, term,
 * kill, blockkill).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sc.h"

static volatile int got, last, code, from_self, depth, max_depth;

static void on(int sig)
{
	got++;
	last = sig;
}

static void on_info(int sig, siginfo_t *si, void *uc)
{
	got++;
	last = si->si_signo;
	code = si->si_code;
	from_self = si->si_pid == getpid();
}

static int handle(int sig, void (*h)(int), int flags)
{
	struct sigaction sa = { .sa_handler = h, .sa_flags = flags };

	return sigaction(sig, &sa, NULL);
}

static int handle_info(int sig)
{
	struct sigaction sa = { .sa_sigaction = on_info,
				.sa_flags = SA_SIGINFO };

	return sigaction(sig, &sa, NULL);
}

/* Re-raised from inside itself: delivered after it returns, once more. */
static void again(int sig)
{
	if (++got < 10000)
		raise(sig);
}

/* With SA_NODEFER the same signal nests, three deep. */
static void nested(int sig)
{
	if (++depth > max_depth)
		max_depth = depth;
	if (depth < 3)
		raise(sig);
	depth--;
}

WORD(signal)
{
	const char *w = "signal";
	struct sigaction sa;
	sigset_t set, pend;

	say(w, "sigaction SIGUSR1", handle(SIGUSR1, on, 0));
	say(w, "raise SIGUSR1", raise(SIGUSR1));
	val(w, "the handler ran, times", got);
	val(w, "with the signal", last);

	got = 0;
	say(w, "sigaction SIGUSR2 SA_SIGINFO", handle_info(SIGUSR2));
	say(w, "raise SIGUSR2", raise(SIGUSR2));
	val(w, "the handler ran, times", got);
	val(w, "si_signo", last);
	val(w, "si_code is SI_TKILL", code == SI_TKILL);
	val(w, "si_pid is getpid()", from_self);

	got = 0;
	say(w, "SIG_IGN for SIGUSR1", handle(SIGUSR1, SIG_IGN, 0));
	say(w, "raise an ignored SIGUSR1", raise(SIGUSR1));
	say(w, "raise SIGCHLD (ignored by default)", raise(SIGCHLD));
	say(w, "raise SIGWINCH (ignored by default)", raise(SIGWINCH));
	val(w, "no handler ran", got);

	handle(SIGUSR1, on, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	say(w, "block SIGUSR1", sigprocmask(SIG_BLOCK, &set, NULL));
	say(w, "raise the blocked SIGUSR1", raise(SIGUSR1));
	say(w, "raise it again (pending: one)", raise(SIGUSR1));
	val(w, "not delivered while blocked", got);
	sigemptyset(&pend);
	say(w, "sigpending", sigpending(&pend));
	val(w, "SIGUSR1 is pending", sigismember(&pend, SIGUSR1));
	say(w, "unblock SIGUSR1", sigprocmask(SIG_UNBLOCK, &set, NULL));
	val(w, "delivered once on unblock", got);
	say(w, "bad sigprocmask how", sigprocmask(99, &set, NULL));

	got = 0;
	handle(SIGUSR2, again, 0);
	raise(SIGUSR2);
	val(w, "a handler raising its own signal, deliveries", got);
	handle(SIGUSR2, nested, SA_NODEFER);
	raise(SIGUSR2);
	val(w, "SA_NODEFER nests, deepest", max_depth);

	got = 0;
	handle(SIGUSR1, on, SA_RESETHAND);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &sa);
	val(w, "SA_RESETHAND: ran once, then SIG_DFL",
	    got == 1 && sa.sa_handler == SIG_DFL);

	/* Numbers outside 1-64, and the ones no handler may take. */
	say(w, "kill(getpid(), 0)", kill(getpid(), 0));
	say(w, "kill(getpid(), 65)", kill(getpid(), 65));
	say(w, "kill(getpid(), -1)", kill(getpid(), -1));
	say(w, "raise(65)", raise(65));
	say(w, "sigaction 0", handle(0, on, 0));
	say(w, "sigaction 65", handle(65, on, 0));
	say(w, "sigaction SIGKILL", handle(SIGKILL, on, 0));
	say(w, "sigaction SIGSTOP", handle(SIGSTOP, SIG_IGN, 0));
	say(w, "query SIGKILL's action", sigaction(SIGKILL, NULL, &sa));
	return 1;
}

WORD(abort)
{
	abort();
}

WORD(term)
{
	printf("term: raise SIGTERM\n");
	raise(SIGTERM);
	printf("term: still here\n");
	return 1;
}

WORD(kill)
{
	printf("kill: SIGKILL to itself\n");
	kill(getpid(), SIGKILL);
	printf("kill: still here\n");
	return 1;
}

/* SIGKILL cannot be blocked, nor SIGTERM's default action be blocked away
 * once unblocked: the program ends at the unblock. */
WORD(blockkill)
{
	sigset_t all;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	raise(SIGTERM);
	printf("blockkill: SIGTERM blocked, still here\n");
	kill(getpid(), SIGKILL);
	printf("blockkill: still here after SIGKILL\n");
	return 1;
}

/* A handler that raises again, with no end: as long as it runs. */
static void forever(int sig)
{
	raise(sig);
}

WORD(nest)
{
	handle(SIGUSR1, forever, 0);
	printf("nest: a handler re-raising its own signal for ever\n");
	raise(SIGUSR1);
	return 1;
}
