/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Console output for crash reports and boot failures, without printf: it
 * must work whatever libc is linked and however broken the system is.
 */
#ifndef __UK_PLAT_COMMON_CRASH_H__
#define __UK_PLAT_COMMON_CRASH_H__

#include <stdint.h>
#include <uk/essentials.h>

void crash_put(const char *s);
void crash_put_hex(uint64_t v);		/* "0x" and 16 hex digits */
void crash_put_dec(unsigned int v);

/*
 * First call of a fatal trap handler: how many fatal traps came before
 * this one. 0: report it. 1: the report faulted, which this has said;
 * terminate. 2 or more: terminating faulted; only the architecture's
 * last resort is left, as calling anything more might fault again.
 */
int crash_enter(void);

/*
 * "Backtrace:" on a new line, the faulting pc, then the return addresses
 * from a frame-pointer chain (both x86_64 and arm64 keep the caller's
 * frame pointer at [fp] and the return address at [fp + 8]);
 * readable(addr) says whether addr may be read without faulting.
 */
void crash_backtrace(uint64_t pc, uint64_t fp,
		     int (*readable)(uint64_t addr));

/* "In thread N "name"" on a new line, and "stack overflow" when
 * fault_addr hit its guard page; nothing without a scheduler.
 */
void crash_thread(uint64_t fault_addr);

/* "Boot failed: <msg>" and terminate with UKPLAT_CRASH_STATUS. */
__noreturn void ukplat_boot_panic(const char *msg);

#endif /* __UK_PLAT_COMMON_CRASH_H__ */
