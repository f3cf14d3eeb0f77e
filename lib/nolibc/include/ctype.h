/* SPDX-License-Identifier: BSD-3-Clause */
/* Character classes of the "C" locale (ASCII), inline: no table needed. */
#ifndef __NOLIBC_CTYPE_H__
#define __NOLIBC_CTYPE_H__

static inline int isdigit(int c)
{
	return (unsigned int)c - '0' < 10;
}

static inline int islower(int c)
{
	return (unsigned int)c - 'a' < 26;
}

static inline int isupper(int c)
{
	return (unsigned int)c - 'A' < 26;
}

static inline int isalpha(int c)
{
	return (unsigned int)(c | 0x20) - 'a' < 26;
}

static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

static inline int isxdigit(int c)
{
	return isdigit(c) || (unsigned int)(c | 0x20) - 'a' < 6;
}

static inline int isspace(int c)
{
	return c == ' ' || (unsigned int)c - '\t' < 5;
}

static inline int isblank(int c)
{
	return c == ' ' || c == '\t';
}

static inline int iscntrl(int c)
{
	return (unsigned int)c < 0x20 || c == 0x7f;
}

static inline int isprint(int c)
{
	return (unsigned int)c - 0x20 < 0x5f;
}

static inline int isgraph(int c)
{
	return (unsigned int)c - 0x21 < 0x5e;
}

static inline int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

static inline int isascii(int c)
{
	return !(c & ~0x7f);
}

static inline int tolower(int c)
{
	return isupper(c) ? c | 0x20 : c;
}

static inline int toupper(int c)
{
	return islower(c) ? c & ~0x20 : c;
}

#endif /* __NOLIBC_CTYPE_H__ */
