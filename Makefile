# SPDX-License-Identifier: BSD-3-Clause
#
# Kiln: the only entry point. `make help` lists what it does.
#
# Read top to bottom: the command-line variables, the configuration
# (Kconfig), the libraries (every Makefile.uk), then the generic rules that
# turn them into objects, prelinked libraries and images.

MAKEFLAGS += -rR --no-print-directory
.SUFFIXES:
.DEFAULT_GOAL := all

UK_ROOT := $(patsubst %/,%,$(dir $(realpath $(lastword $(MAKEFILE_LIST)))))
CONFIG_UK_BASE := $(UK_ROOT)
UK_MK := $(UK_ROOT)/support/mk

include $(UK_MK)/util.mk

# --- What to build, where ------------------------------------------------
# A= app directory, O= build directory, C= config file, L= extra library
# directories (colon-separated), TARGET= a file in targets/, V=1 verbose.
A ?= $(UK_ROOT)/examples/helloworld
override A := $(abspath $(A))
O ?= $(A)/build
override O := $(abspath $(O))
C ?= $(A)/.config
override C := $(abspath $(C))
UK_EXTLIBS := $(abspath $(subst :, ,$(L)))
UK_NAME ?= $(notdir $(A))

$(if $(wildcard $(A)/.),,$(error A=$(A): no such app directory))
$(foreach d,$(UK_EXTLIBS),$(if $(wildcard $(d)/Makefile.uk),,\
  $(error L=$(d): not a library directory (no Makefile.uk there))))

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Goals that only inform or clean need no Kconfig at all; configuration
# goals need Kconfig but no existing configuration.
UK_INFO_GOALS := help targets test bench clean distclean
UK_CONFIG_GOALS := defconfig menuconfig oldconfig olddefconfig savedefconfig
UK_GOALS := $(or $(MAKECMDGOALS),all)
UK_NEEDS_KCONFIG := $(filter-out $(UK_INFO_GOALS),$(UK_GOALS))
UK_NEEDS_CONFIG := $(filter-out $(UK_INFO_GOALS) $(UK_CONFIG_GOALS),$(UK_GOALS))

include $(UK_MK)/config.mk
include $(UK_MK)/toolchain.mk
include $(UK_ROOT)/Makefile.uk
include $(UK_MK)/libs.mk
include $(UK_MK)/rules.mk
include $(UK_MK)/rust.mk
include $(UK_MK)/image.mk
include $(UK_MK)/run.mk
include $(UK_MK)/help.mk

.PHONY: FORCE
FORCE:
