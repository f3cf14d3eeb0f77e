/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * qsort as a heapsort: O(n log n) in the worst case, no recursion, no
 * extra memory and little code. Not stable, which qsort need not be.
 */
#include <stdlib.h>

static void swap(char *a, char *b, size_t size)
{
	char t;

	for (; size; size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Moves element root down until the subtree below it is a heap. */
static void sift(char *base, size_t root, size_t n, size_t size,
		 int (*cmp)(const void *, const void *))
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

void qsort(void *base, size_t nmemb, size_t size,
	   int (*cmp)(const void *, const void *))
{
	size_t i;

	if (nmemb < 2 || !size)
		return;
	for (i = nmemb / 2; i-- > 0;)
		sift(base, i, nmemb, size, cmp);
	for (i = nmemb - 1; i > 0; i--) {
		swap(base, (char *)base + i * size, size);
		sift(base, 0, i, size, cmp);
	}
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*cmp)(const void *, const void *))
{
	const char *p;
	int r;

	while (nmemb) {
		p = (const char *)base + nmemb / 2 * size;
		r = cmp(key, p);
		if (!r)
			return (void *)p;
		if (r > 0) {
			base = p + size;
			nmemb -= nmemb / 2 + 1;
		} else {
			nmemb /= 2;
		}
	}
	return NULL;
}
