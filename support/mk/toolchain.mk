# SPDX-License-Identifier: BSD-3-Clause
#
# The cross toolchain of the target pair, and the one fact we must ask the
# compiler (where its own freestanding headers live), cached in
# $(O)/toolchain.mk so that a no-op build starts no process.

CROSS_COMPILE ?= $(TARGET_CROSS_COMPILE)
CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
OBJCOPY := $(CROSS_COMPILE)objcopy

FIXDEP := $(UK_TOOLS)/fixdep

TOOLCHAIN_MK := $(O)/toolchain.mk
ifneq ($(UK_NEEDS_CONFIG),)
include $(TOOLCHAIN_MK)
ifneq ($(TOOLCHAIN_CC) $(TOOLCHAIN_ARCH) $(TOOLCHAIN_RUST_STD),$(CC) $(UK_ARCH) $(CONFIG_LIBUKRUST_STD))
$(TOOLCHAIN_MK): FORCE
endif
endif

$(TOOLCHAIN_MK): | $(UK_DEPS_STAMP)
	$(Q)$(if $(call on_path,$(CC)),,echo "error: compiler $(CC) not found on PATH:\
	 install it (support/scripts/deps $(UK_TARGET)) or set CROSS_COMPILE=" >&2; exit 1;) \
	mkdir -p $(@D) && printf 'TOOLCHAIN_CC := %s\nTOOLCHAIN_ARCH := %s\nTOOLCHAIN_RUST_STD := %s\nCC_INCLUDE := %s\nRUST_TRIPLE := %s\nRUST_BIN := %s\n' \
	'$(CC)' '$(UK_ARCH)' '$(CONFIG_LIBUKRUST_STD)' "$$($(CC) -print-file-name=include)" \
	"$$($(call rust_target,))" "$$($(call rust_target,--bin))" > $@.tmp.$$$$ && mv -f $@.tmp.$$$$ $@
# The Rust target triple and the directory of the rustc and cargo to use
# (rustup's for x86_64; e.g. Debian's rustc-web for arm64); with Rust std
# (LIBUKRUST_STD) always the host-ABI target's.
rust_target = $(UK_ROOT)/support/scripts/rust-target $(1) $(if $(filter \
	y,$(CONFIG_LIBUKRUST_STD)),--std) $(UK_ARCH) $(or \
	$(call on_path,rustc),$(wildcard $(HOME)/.cargo/bin/rustc),rustc)

$(FIXDEP): $(UK_ROOT)/support/tools/fixdep.c
	$(Q)$(call show,HOSTCC,tools/fixdep)mkdir -p $(@D) && \
	$(HOSTCC) -O2 -Wall -o $@.tmp.$$$$ $< && mv -f $@.tmp.$$$$ $@

# ukimg: checks every linked image and accounts for its bytes (libelf).
UKIMG := $(UK_TOOLS)/ukimg
UKIMG_SRCS := $(sort $(wildcard $(UK_ROOT)/support/tools/ukimg/*.c))
$(UKIMG): $(filter-out %/fuzz.c,$(UKIMG_SRCS)) $(wildcard $(UK_ROOT)/support/tools/ukimg/*.h)
	$(Q)$(call show,HOSTCC,tools/ukimg)mkdir -p $(@D) && $(HOSTCC) -std=gnu11 -O2 \
	-Wall -Wextra -Wno-unused-parameter -o $@.tmp.$$$$ $(filter %.c,$^) -lelf \
	&& mv -f $@.tmp.$$$$ $@
