# SPDX-License-Identifier: BSD-3-Clause
#
# The build directory O=: Kiln's mark, and one make at a time.
#
# A directory Kiln creates (or finds empty) gets the mark $(O)/.kiln-build;
# clean and distclean refuse a directory without it, so they never remove
# what Kiln did not make. A make that uses O holds an exclusive lock on
# $(O)/.kiln-lock until it ends, through a make plugin built from
# support/tools/kiln-make.c (a lock needs no process that way, so a no-op
# build still starts none); a second make on the same O waits, saying so.

UK_MARK := $(O)/.kiln-build
UK_PLUGIN := $(O)/tools/kiln-make.so
HOSTCC ?= cc

uk_o_entries = $(wildcard $(O)/* $(O)/.[!.]* $(O)/..?*)
$(if $(wildcard $(O)),$(if $(wildcard $(O)/.),,$(error O=$(O) is a file, \
	not a directory: name a build directory)))

define uk_mark_text
This directory was created by Kiln as a build directory (O=).
`make clean` and `make distclean` remove what is in it; they refuse to
touch a directory without this file.
endef

# Create (or adopt an empty) build directory, with the mark. Only for
# goals that build: clean on a missing directory has nothing to do.
ifneq ($(UK_DRY_RUN),)
$(if $(uk_o_entries),,$(error make -n: O=$(O) does not exist yet: build \
	(or make defconfig) once first))
$(if $(UK_NEEDS_CONFIG),$(if $(wildcard $(C)),,$(error make -n: C=$(C) \
	does not exist yet: make defconfig first)))
endif
ifneq ($(UK_NEEDS_KCONFIG),)
ifeq ($(uk_o_entries),)
uk_err := $(shell mkdir -p -- '$(O)' 2>&1)
$(if $(wildcard $(O)/.),,$(error cannot create O=$(O): $(uk_err)))
$(file >$(UK_MARK),$(uk_mark_text))
$(if $(wildcard $(UK_MARK)),,$(error cannot write $(UK_MARK)))
endif
endif

# The plugin: built here when missing (a process, once per directory);
# after that, make remakes it like a makefile when its source changes.
UK_PLUGIN_SRC := $(UK_ROOT)/support/tools/kiln-make.c
cmd_plugin = $(HOSTCC) -O2 -Wall -shared -fPIC -o $(UK_PLUGIN).tmp.$$$$ \
	$(UK_PLUGIN_SRC) && mv -f $(UK_PLUGIN).tmp.$$$$ $(UK_PLUGIN)
ifneq ($(if $(UK_NEEDS_KCONFIG),y,$(wildcard $(UK_MARK))),)
ifeq ($(wildcard $(UK_PLUGIN)),)
# A fresh machine may not even have a C compiler yet.
$(if $(call on_path,$(HOSTCC)),,$(shell $(UK_ROOT)/support/scripts/deps >&2))
uk_err := $(shell mkdir -p '$(O)/tools' && $(cmd_plugin) 2>&1 || echo failed)
$(if $(uk_err),$(error cannot build $(UK_PLUGIN) with $(HOSTCC): $(uk_err)))
endif
$(UK_PLUGIN): $(UK_PLUGIN_SRC)
	$(Q)$(call show,HOSTCC,tools/kiln-make.so)$(cmd_plugin)
load $(UK_PLUGIN)(kiln_make_gmk_setup)
$(kiln-lock $(O)/.kiln-lock,O=$(O))
endif
