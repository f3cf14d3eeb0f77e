# SPDX-License-Identifier: BSD-3-Clause
# Information and cleaning goals.

.PHONY: help targets print-libs clean distclean compile_commands.json

help:
	@echo 'Kiln: build and boot unikernels.'
	@echo ''
	@echo '  make [A=app] [O=dir] [C=file] [L=lib1:lib2] [TARGET=pair] [V=1]'
	@echo '                        build the app (default examples/helloworld)'
	@echo '  make run [ARGS=...] [KVM=0|1] [GDB=1] [QEMU_ARGS=...] [MEM=32M] [TIMEOUT=s]'
	@echo '           [INITRD=file-or-dir] [SHARE=host-dir[:guest-path]]'
	@echo '           [PORTS=[tcp:|udp:][addr:]host:guest,...] [NET=none|user|tap:ifname]'
	@echo '                        build and boot it (MEM: its RAM; INITRD: its initrd,'
	@echo '                        a file as is or a directory packed into a cpio;'
	@echo '                        SHARE: a host directory mounted read-write over 9p,'
	@echo '                        at /share by default (an app with LIBUK9PFS);'
	@echo '                        PORTS: host ports forwarded to the guest on QEMU'"'"'s'
	@echo '                        user network, as kraft run -p (PORTS=8080:80);'
	@echo '                        NET: a virtio-net NIC on it without forwarding, or'
	@echo '                        on a host TAP; docs/running.md, docs/files.md)'
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
# without Kiln's mark, a C= (or C=.old) that is not a Kconfig file, or a
# file the user named inside O= that clean would take with it, is refused
# before anything is removed. A symlinked O= or C= is followed: what is
# removed is the directory and file Kiln wrote, not the user's links.
# Names are the shell's, quoted: make would
# split a file name with a blank in O= and remove the parts.
ifneq ($(filter $(UK_CLEAN_GOALS),$(UK_GOALS)),)
$(if $(wildcard $(O)),$(if $(wildcard $(UK_MARK)),,$(error O=$(O) was not \
	created by Kiln (no $(notdir $(UK_MARK)) in it): not cleaning it; \
	remove what you want yourself)))
$(foreach f,$(if $(UK_DEFCONFIG_GIVEN),$(UK_DEFCONFIG)) $(if $(filter-out $(uk_o),$(patsubst \
	%/,%,$(dir $(uk_c)))),$(uk_c)),$(if $(call inside,$(uk_o),$(call \
	uk_real,$(f))),$(error $(f) is inside O=$(O): cleaning would remove it)))
endif
# kconfig_file FILE: FILE is a regular file Kconfig wrote (its header).
kconfig_file = $(if $(wildcard $(1)),$(findstring Automatically generated \
	file,$(shell test -f '$(1)' && head -c 64 '$(1)')))
ifneq ($(filter distclean,$(UK_GOALS)),)
$(foreach f,$(uk_c) $(uk_c).old,$(if $(wildcard $(f)),$(if $(call \
	kconfig_file,$(f)),,$(error $(f) is not a configuration Kiln wrote \
	(no Kconfig header): not removing it))))
endif

UK_KEPT := kconfig include toolchain.mk tools $(notdir $(uk_c) $(uk_c).old)
clean:
	$(Q)$(call show,CLEAN,$(O))! test -d '$(uk_o)' || find '$(uk_o)' \
	-mindepth 1 -maxdepth 1 \( ! -name '.*' -o -name '.*.cmd' -o -name '.run-status.*' \) \
	$(foreach k,$(UK_KEPT),! -name '$(k)') -exec rm -rf -- {} +
distclean:
	$(Q)$(call show,CLEAN,$(O) $(C))rm -rf -- '$(uk_o)' $(foreach \
	f,$(uk_c) $(uk_c).old,'$(f)')

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
