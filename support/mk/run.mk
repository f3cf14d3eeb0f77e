# SPDX-License-Identifier: BSD-3-Clause
# Booting, testing and measuring.

.PHONY: run test bench

# The whole suite: host tools for every target pair first, then prove.
test:
	$(Q)$(UK_ROOT)/support/scripts/deps --test $(UK_TARGETS)
	$(Q)prove -r -j2 $(UK_ROOT)/tests/

# make run [ARGS="app args"] [KVM=0|1] [GDB=1] [QEMU_ARGS=...]: build, then
# boot the image of the target pair's platform.
run: images
	$(Q)BOOT=$(if $(CONFIG_KVM_MULTIBOOT),multiboot,pvh) V=$(V) \
	$(UK_ROOT)/support/scripts/run $(UK_TARGET) \
	$(call image_of,$(TARGET_PLAT)) $(ARGS)

bench:
	$(Q)$(UK_ROOT)/support/scripts/bench
