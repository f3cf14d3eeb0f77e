/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc's ctype is inline: this puts it in the object difftest links. */
#include <ctype.h>

int ctype(int which, int c)
{
	int (*const fn[])(int) = { isalnum, isalpha, isblank, iscntrl,
				   isdigit, isgraph, islower, isprint,
				   ispunct, isspace, isupper, isxdigit,
				   tolower, toupper };

	return fn[which](c);
}
