/* SPDX-License-Identifier: BSD-3-Clause */
/* The sections of examples/posix, each printing what one area of C does. */
#ifndef POSIX_H
#define POSIX_H

struct section {
	const char *name;
	void (*run)(void);
};

/*
 * Sections whose output is the same wherever the program runs (Kiln on
 * any target, or Linux with `env -i TZ=UTC0`), ended by a NULL name.
 */
extern const struct section sections[];

#endif
