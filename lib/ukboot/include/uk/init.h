/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Init levels: ukboot calls every registered function of level 1 (early),
 * 2 (plat), 3 (lib) and 4 (late) in that order before main(); within a
 * level, in link order. A non-zero return stops the boot.
 */
#ifndef __UK_INIT_H__
#define __UK_INIT_H__

#include <uk/essentials.h>

typedef int (*uk_init_func_t)(void);

#define __uk_initcall(fn, level)					\
	static const uk_init_func_t __uk_inittab_##level##_##fn		\
	__used __section(".uk_inittab_" #level) = (fn)

#define uk_early_initcall(fn)	__uk_initcall(fn, 1)
#define uk_plat_initcall(fn)	__uk_initcall(fn, 2)
#define uk_lib_initcall(fn)	__uk_initcall(fn, 3)
#define uk_late_initcall(fn)	__uk_initcall(fn, 4)

#endif /* __UK_INIT_H__ */
