/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rust std with panic = "unwind" (LIBUKRUST_UNWIND): libgcc's unwinder
 * (libgcc_eh.a) finds the image's call frame information here.
 *
 * The linker script keeps .eh_frame between __eh_frame_start and a zero
 * terminator; a constructor registers it before main() runs. libgcc_eh
 * of gcc >= 12 first asks glibc's _dl_find_object(), which musl does not
 * have: ours answers "no such object", so the registered frames are the
 * only ones searched (they cover the whole image).
 */

extern const char __eh_frame_start[];

/* libgcc's private bookkeeping for one registered .eh_frame ("struct
 * object": seven pointer-sized words in gcc 12); room to spare. */
static void *ukrust_eh_object[16];

void __register_frame_info(const void *begin, void *object);

__attribute__((constructor))
static void ukrust_register_eh_frame(void)
{
	__register_frame_info(__eh_frame_start, ukrust_eh_object);
}

struct dl_find_object;
int _dl_find_object(void *pc, struct dl_find_object *result);

int _dl_find_object(void *pc __attribute__((unused)),
		    struct dl_find_object *result __attribute__((unused)))
{
	return -1;
}
