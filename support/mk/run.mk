# SPDX-License-Identifier: BSD-3-Clause
# Booting, testing and measuring.

.PHONY: run run-boot test bench

# The whole suite: host tools for every target pair first, then prove.
test:
	$(Q)$(UK_ROOT)/support/scripts/deps --test $(UK_TARGETS)
	$(Q)prove -r -j2 $(UK_ROOT)/tests/

# make run [ARGS="app args"] [KVM=0|1] [GDB=1] [QEMU_ARGS=...] [MEM=...]
# [TIMEOUT=s] [INITRD=file-or-dir] [SHARE=dir[:guest-path]]
# [PORTS=host:guest,...] [NET=none|user|tap:ifname]: build, then
# boot the image of the target pair's platform; make exits with the run
# script's status (the app's, see docs/running.md), which make alone could
# not (it knows 0 and 2). ARGS goes to the guest as typed, unexpanded
# ($(value)): the guest's parser splits it; nothing in it runs here.
# Booting writes nothing in O but the status file, so the build lock is
# dropped first: the directory can be rebuilt while a guest runs. The run
# script replaces the recipe's shell (exec) and leaves its status in a
# file (exiting 0), so a signal make passes on reaches it and its QEMU.
# (In the environment, not the recipe: make would split the recipe at a
# newline in ARGS. ARGS itself is not exported: make would expand it,
# running a $(shell ...) in it, for every recipe.) The run script's other
# settings given on make's command line go to it as typed too.
unexport ARGS
UK_RUN_VARS := QEMU_ARGS QEMU_MACHINE QEMU_CPU XEN XEN_ARGS XL MEM TIMEOUT \
	KVM GDB GIC INITRD SHARE PORTS NET
$(foreach v,$(UK_RUN_VARS),$(if $(filter command$(space)line,$(origin \
	$(v))),$(eval export override $(v) := $$(value $(v)))))
# `run` ends make with the guest's status: other goals would be cut off.
$(if $(and $(filter run,$(UK_GOALS)),$(filter-out run,$(UK_GOALS))),$(error \
	make $(UK_GOALS): run goes in a make of its own (it builds first)))
UK_RUN_STATUS = $(kiln-status-file $(O))
run-boot: private export KILN_CMDLINE := $(value ARGS)
# Relative INITRD and SHARE paths may name the app's (support/scripts/run).
run-boot: private export KILN_APP_DIR := $(abspath $(A))
run-boot: images
	$(kiln-unlock $(O)/.kiln-lock)$(Q)KILN_STATUS_FILE=$(UK_RUN_STATUS) \
	BOOT=$(if $(CONFIG_KVM_MULTIBOOT),multiboot,pvh) V=$(if $(filter \
	1,$(V)),1,0) exec $(UK_ROOT)/support/scripts/run $(UK_TARGET) \
	$(call image_of,$(TARGET_PLAT))
run: run-boot
	$(if $(wildcard $(UK_RUN_STATUS)),$(kiln-exit $(UK_RUN_STATUS)))

bench:
	$(Q)$(UK_ROOT)/support/scripts/deps --bench $(UK_TARGETS)
	$(Q)$(UK_ROOT)/support/scripts/bench
