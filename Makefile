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
# (make cannot even read its own files from a path with a blank.)
$(if $(word 2,$(UK_ROOT)),$(error the Kiln tree is at a path with a blank \
	($(realpath $(lastword $(MAKEFILE_LIST)))): move or clone it elsewhere))
CONFIG_UK_BASE := $(UK_ROOT)
UK_MK := $(UK_ROOT)/support/mk

include $(UK_MK)/util.mk

# --- What to build, where ------------------------------------------------
# A= app directory, O= build directory, C= config file, L= extra library
# directories (colon-separated), TARGET= a file in targets/, V=1 verbose.
A ?= $(UK_ROOT)/examples/helloworld
O ?= $(A)/build
C ?= $(A)/.config

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Goals that only inform touch no build directory; clean goals use O but
# need no Kconfig; configuration goals need Kconfig but no configuration.
UK_INFO_GOALS := help targets test bench
UK_CLEAN_GOALS := clean distclean
UK_CONFIG_GOALS := defconfig menuconfig oldconfig olddefconfig savedefconfig
UK_GOALS := $(or $(MAKECMDGOALS),all)
UK_USES_O := $(filter-out $(UK_INFO_GOALS),$(UK_GOALS))
UK_NEEDS_KCONFIG := $(filter-out $(UK_INFO_GOALS) $(UK_CLEAN_GOALS),$(UK_GOALS))
UK_NEEDS_CONFIG := $(filter-out $(UK_CONFIG_GOALS),$(UK_NEEDS_KCONFIG))
# make -n: Kconfig still runs (make remakes its makefiles even then), but
# writes no configuration and no new build directory.
UK_DRY_RUN := $(findstring n,$(firstword -$(MAKEFLAGS)))

include $(UK_MK)/paths.mk
ifneq ($(UK_USES_O),)
include $(UK_MK)/builddir.mk
endif
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
