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
# and the .config too. Both remove only what Kiln made: a build directory
# without Kiln's mark, or a C= that is not a Kconfig file, is refused
# before anything is removed.
ifneq ($(filter $(UK_CLEAN_GOALS),$(UK_GOALS)),)
$(if $(wildcard $(O)),$(if $(wildcard $(UK_MARK)),,$(error O=$(O) was not \
	created by Kiln (no $(notdir $(UK_MARK)) in it): not cleaning it; \
	remove what you want yourself)))
endif
ifneq ($(filter distclean,$(UK_GOALS)),)
uk_c_head := $(if $(wildcard $(C)),$(shell test -f '$(C)' && head -c 64 '$(C)'))
$(if $(wildcard $(C)),$(if $(findstring Automatically generated file,\
	$(uk_c_head)),,$(error C=$(C) is not a configuration Kiln wrote (no \
	Kconfig header): not removing it)))
endif

clean:
	$(Q)$(call show,CLEAN,$(O))rm -rf $(filter-out $(O)/kconfig $(O)/include \
	$(O)/.deps $(O)/toolchain.mk $(O)/tools,$(wildcard $(O)/* $(O)/.*.cmd))
distclean:
	$(Q)$(call show,CLEAN,$(O) $(C))rm -rf $(wildcard $(O) $(C) $(C).old)

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
