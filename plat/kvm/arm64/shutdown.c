/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukplat_terminate: with QEMU's semihosting, first the status line on
 * the semihosting console (SYS_WRITE0), which the run script has QEMU
 * write to a file of its own: QEMU cannot put a guest's line there when
 * it fails itself, and the line has room for every status and a crash.
 * Then SYS_EXIT_EXTENDED ends QEMU with the exit status itself (134 for
 * a crash). Without semihosting both calls are skipped (see traps.c)
 * and PSCI SYSTEM_OFF powers off; failing that, stop.
 */
#include <uk/config.h>
#include <uk/asm/cpu.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/status.h>
#include <uk/plat/common/arm64/boot.h>

#define SH_SYS_WRITE0			0x04
#define SH_SYS_EXIT_EXTENDED		0x20
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

void ukplat_terminate(int status)
{
	ukarch_irq_disable();
#ifdef CONFIG_KVM_ARM64_SEMIHOSTING_EXIT
	{
		char line[PLAT_STATUS_LINE_MAX];
		int code = plat_exit_code(status);
		const uint64_t args[2] = {
			ADP_STOPPED_APPLICATION_EXIT,
			code < 0 ? PLAT_CRASH_EXIT_CODE : code
		};

		plat_status_line(line, status);
		arm64_semihost(SH_SYS_WRITE0, line);
		arm64_semihost(SH_SYS_EXIT_EXTENDED, args);
	}
#endif
	arm64_psci_system_off();
	for (;;)
		ukarch_halt();
}
