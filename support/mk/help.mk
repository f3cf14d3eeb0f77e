# SPDX-License-Identifier: BSD-3-Clause
# Information and cleaning goals.

.PHONY: help targets print-libs clean distclean compile_commands.json

help:
	@echo 'Kiln: build and boot unikernels.'
	@echo ''
	@echo '  make [A=app] [O=dir] [C=file] [L=lib1:lib2] [TARGET=pair] [V=1]'
	@echo '                        build the app (default examples/helloworld)'
	@echo '  make run [ARGS=...] [KVM=0|1] [GDB=1] [QEMU_ARGS=...]'
	@echo '                        build and boot it'
	@echo '  make menuconfig | defconfig | olddefconfig | oldconfig | savedefconfig'
	@echo '                        configure (UK_DEFCONFIG=file for defconfig)'
	@echo '  make targets          list the supported TARGET= pairs'
	@echo '  make print-libs       list enabled and disabled libraries'
	@echo '  make compile_commands.json   for clangd'
	@echo '  make test | bench     the test suite (TAP) | build, size and boot figures'
	@echo '  make clean | distclean'
	@echo ''
	@echo 'Now: A=$(A) O=$(O) C=$(C) TARGET=$(UK_TARGET)'

targets:
	@$(foreach t,$(UK_TARGETS),echo '$(t)';)

print-libs:
	@echo 'enabled: $(sort $(UK_ALL_LIBS))'
	@echo 'disabled: $(sort $(UK_LIBS_OFF))'

# clean keeps the configuration; distclean removes the build directory
# and the .config too.
clean:
	$(Q)$(call show,CLEAN,$(O))rm -rf $(filter-out $(O)/kconfig $(O)/include \
	$(O)/.deps $(O)/toolchain.mk $(O)/tools,$(wildcard $(O)/* $(O)/.*.cmd))
distclean:
	$(Q)$(call show,CLEAN,$(O) $(C))rm -rf $(O) $(C) $(C).old

# One entry per C and assembly object, with the exact command of the build.
json_str = "$(subst ",\",$(subst \,\\,$(1)))"
json_entry = {"directory":"$(UK_ROOT)", \
	"file":$(call json_str,$(src_of.$(1))), \
	"output":$(call json_str,$(1)),"command":$(call json_str,$(strip \
	$(call cc_cmd,$(1))))}
compile_commands.json:
	$(file >$(O)/$@,[$(call json_entry,$(firstword $(UK_CC_OBJS)))$(foreach \
	o,$(wordlist 2,$(words $(UK_CC_OBJS)),$(UK_CC_OBJS)),$(comma)$(newline)$(call \
	json_entry,$(o)))])
	@echo 'Wrote $(O)/$@'
