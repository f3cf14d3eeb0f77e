# SPDX-License-Identifier: BSD-3-Clause
#
# The paths the user names: A= (app), O= (build directory), C= (.config),
# L= (extra libraries). Each is checked before anything is created:
# - make splits words at blanks and gives meaning to # : $ % = ; the shell
#   to quotes, ; & | < > ( ) and backslashes; globs match other files. A
#   path with one of them cannot work, and with some a recipe would run
#   part of it as a command: refuse it, naming the variable and character.
# - O= must be a directory of its own: not empty, not /, not the app, an
#   L= library or the Kiln tree, nor a directory holding one (clean
#   removes O).
# - TARGET= must name one pair of targets/.
# - C= must be a file outside the Kiln tree unless it is in the app or
#   the build directory, so a stray C=1 creates nothing in the tree.

hash := \#
backslash := \$(empty)
path_bad_chars := $(hash) : % = ; & | < > ( ) * ? [ ] ' " ` $(backslash)

# inside DIR,PATH: non-empty when PATH is DIR or below it.
inside = $(filter $(1) $(1)/%,$(2))
uk_real = $(or $(realpath $(1)),$(1))

# bad_char TEXT: the first character of TEXT a path must not have. Blanks
# are what make splits words at (isspace: also \v \f \r), inside or at
# either end.
bad_char = $(firstword $(if $(or $(word 2,$(1)),$(call str_neq,$(strip \
	$(1)),$(1))),a-blank)$(foreach c,$(path_bad_chars),$(if $(findstring \
	$(c),$(1)),'$(c)')))

# check_path VAR[,SEPARATORS-ALLOWED]: the value as given (not expanded by
# make: `$` in O= would silently build elsewhere) must be a usable path.
raw_path = $(if $(filter command$(space)line environment%,$(origin \
	$(1))),$(value $(1)),$($(1)))
check_path = $(foreach b,$(firstword $(if $(findstring $$,$(call \
	raw_path,$(1))),'$$') $(call bad_char,$(subst $(2),,$(call \
	raw_path,$(1))))),$(call path_error,$(1),$(b)))
path_error = $(error $(1)=$(call raw_path,$(1)): $(if $(filter \
	a-blank,$(2)),contains a blank,contains $(2)); Kiln cannot build with \
	such a path (make and the shell give it a meaning): use another)

uk_root_bad := $(firstword $(if $(findstring $$,$(UK_ROOT)),'$$') $(call \
	bad_char,$(UK_ROOT)))
$(if $(uk_root_bad),$(error the Kiln tree's path $(UK_ROOT) contains \
	$(uk_root_bad); move or clone Kiln elsewhere))
$(foreach v,A O C,$(if $(filter command$(space)line environment%,$(origin \
	$(v))),$(if $(strip $(value $(v))),,$(error $(v)= is empty: name \
	$(if $(filter O,$(v)),a build directory (default: A/build),$(if \
	$(filter C,$(v)),a configuration file (default: A/.config),an app \
	directory))))))
$(foreach v,A O C UK_DEFCONFIG,$(call check_path,$(v)))
$(call check_path,L,:)

# Clean goals remove what others would build: one or the other per make.
$(if $(and $(filter $(UK_CLEAN_GOALS),$(UK_GOALS)),$(filter-out \
	$(UK_CLEAN_GOALS),$(UK_GOALS))),$(error make $(UK_GOALS): run \
	$(filter $(UK_CLEAN_GOALS),$(UK_GOALS)) in a make of its own))

override A := $(abspath $(A))
override O := $(abspath $(O))
override C := $(abspath $(C))
UK_EXTLIBS := $(abspath $(subst :, ,$(L)))
ifneq ($(filter command$(space)line environment%,$(origin UK_DEFCONFIG)),)
# Remembered: the override below makes $(origin UK_DEFCONFIG) "override".
UK_DEFCONFIG_GIVEN := y
override UK_DEFCONFIG := $(abspath $(UK_DEFCONFIG))
$(if $(wildcard $(UK_DEFCONFIG)),,$(error UK_DEFCONFIG=$(UK_DEFCONFIG): no \
	such file))
endif
UK_NAME ?= $(notdir $(A))

$(if $(wildcard $(A)/.),,$(error A=$(A): no such app directory))
$(if $(call inside,$(realpath $(A)),$(UK_ROOT)),$(error A=$(A) is the Kiln \
	tree or holds it: name an app directory))
$(if $(wildcard $(A)/Makefile.uk),,$(error A=$(A): no Makefile.uk there \
	(an app directory needs one; see README.md, "Building your own app")))
$(foreach d,$(UK_EXTLIBS),$(if $(wildcard $(d)/Makefile.uk),,\
  $(error L=$(d): not a library directory (no Makefile.uk there))))

# TARGET= names one file of targets/ (checked before anything is made).
UK_TARGETS := $(sort $(notdir $(wildcard $(UK_ROOT)/targets/*-*)))
ifneq ($(TARGET),)
$(if $(filter 1,$(words $(TARGET))),,$(error TARGET=$(TARGET): name one \
	target pair; supported: $(UK_TARGETS)))
$(if $(filter $(TARGET),$(UK_TARGETS)),,$(error TARGET=$(TARGET): unknown \
	target pair; supported: $(UK_TARGETS)))
endif


ifneq ($(UK_USES_O),)
uk_o := $(call uk_real,$(O))
uk_own_o = name a build directory of its own (default: A/build)
$(if $(filter /,$(uk_o)),$(error O=$(O) is /: $(uk_own_o)))
uk_o_clash = $(if $(filter $(1),$(uk_o)),$(error O=$(O) is $(2): \
	$(uk_own_o)))$(if $(call inside,$(uk_o),$(1)),$(error O=$(O) contains \
	$(2) ($(1)): $(uk_own_o)))
$(call uk_o_clash,$(UK_ROOT),the Kiln tree)
$(call uk_o_clash,$(realpath $(A)),the app directory)
$(foreach d,$(UK_EXTLIBS),$(call uk_o_clash,$(realpath $(d)),the L= library))

uk_c := $(call uk_real,$(C))
$(if $(wildcard $(C)/.),$(error C=$(C) is a directory: name the \
	configuration file (default: A/.config)))
$(if $(and $(call inside,$(UK_ROOT),$(uk_c)),$(if $(call inside,$(realpath \
	$(A)),$(uk_c))$(call inside,$(uk_o),$(uk_c)),,y)),$(error C=$(C) is in \
	the Kiln tree, outside the app and the build directory: name a \
	configuration file elsewhere (default: A/.config)))
endif
