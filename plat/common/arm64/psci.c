/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PSCI (0.2 and later): powering off through the firmware or hypervisor,
 * reached with HVC or SMC as the device tree's psci node says.
 */
#include <uk/essentials.h>
#include <uk/plat/common/arm64/boot.h>

#define PSCI_SYSTEM_OFF	0x84000008

static enum { PSCI_NONE, PSCI_HVC, PSCI_SMC } conduit;

void arm64_psci_probe(const struct fdt_node *n)
{
	if (!fdt_compatible(n, "arm,psci-0.2") &&
	    !fdt_compatible(n, "arm,psci-1.0"))
		return;
	if (fdt_prop_has(n, "method", "hvc"))
		conduit = PSCI_HVC;
	else if (fdt_prop_has(n, "method", "smc"))
		conduit = PSCI_SMC;
}

/* SMCCC: x0 is the function and result; x1-x17 may be clobbered. */
#define PSCI_CALL(insn, x0)						\
	__asm__ __volatile__(insn " #0" : "+r"(x0) : :			\
			     "x1", "x2", "x3", "x4", "x5", "x6", "x7",	\
			     "x8", "x9", "x10", "x11", "x12", "x13",	\
			     "x14", "x15", "x16", "x17", "memory")

void arm64_psci_system_off(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;

	if (conduit == PSCI_HVC)
		PSCI_CALL("hvc", x0);
	else if (conduit == PSCI_SMC)
		PSCI_CALL("smc", x0);
}
