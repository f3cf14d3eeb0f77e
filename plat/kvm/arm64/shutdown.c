/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukplat_terminate: semihosting's SYS_EXIT_EXTENDED when QEMU runs with
 * -semihosting (QEMU then exits with the code), else PSCI SYSTEM_OFF,
 * else stop. The code is status * 2 + 1, as with isa-debug-exit on x86,
 * so the run script reads every kvm target's exit the same way and a
 * plain power-off (QEMU's 0) stays distinct from exit(0).
 */
#include <uk/config.h>
#include <uk/asm/cpu.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/arm64/boot.h>

#define SH_SYS_EXIT_EXTENDED		0x20
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

void ukplat_terminate(int status)
{
	ukarch_irq_disable();
#ifdef CONFIG_KVM_ARM64_SEMIHOSTING_EXIT
	{
		/* Without semihosting the call returns -1: see traps.c. */
		const uint64_t args[2] = {
			ADP_STOPPED_APPLICATION_EXIT,
			(uint64_t)status << 1 | 1
		};

		arm64_semihost(SH_SYS_EXIT_EXTENDED, args);
	}
#endif
	arm64_psci_system_off();
	for (;;)
		ukarch_halt();
}
