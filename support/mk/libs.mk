# SPDX-License-Identifier: BSD-3-Clause
#
# The Makefile.uk language (Unikraft-compatible) and the library lists.
#
# Every Makefile.uk under arch/, plat/, lib/, each L= directory and the app
# is read once, in that order. Each registers its library with addlib,
# addlib_s or addplatlib; $(LIBFOO_BASE) is the directory its Makefile.uk
# is in and $(LIBFOO_BUILD) is $(O)/libfoo. A disabled library is only
# remembered in UK_LIBS_OFF: it builds nothing and adds no include path.

# A name is one library's: a second registration (an L= library named
# like an in-tree one, two L= libraries or an app named alike) would mix
# their sources and rules, so it is an error naming both directories.
define _uk_lib_vars
$(if $(or $(findstring /,$(1)),$(filter . ..,$(1))),$(error \
	$(_uk_dir)/Makefile.uk: library name '$(1)' is not a plain name))
$(if $(filter undefined,$(origin $(call uc,$(1))_BASE)),,$(error library \
	$(1) is registered twice: by $($(call uc,$(1))_BASE)/Makefile.uk and \
	$(_uk_dir)/Makefile.uk; rename one (addlib's first argument)))
$(call uc,$(1))_BASE := $(_uk_dir)
$(call uc,$(1))_BUILD := $(O)/$(1)
$(if $(_uk_in_app),UK_APP_LIBS += $(1))
endef

# $(eval $(call addlib,libfoo)): always built.
define addlib
$(_uk_lib_vars)
UK_LIBS += $(1)
endef

# A disabled library: its variables exist, it builds nothing.
define _uk_lib_off
$(_uk_lib_vars)
UK_LIBS_OFF += $(1)
endef

# $(eval $(call addlib_s,libfoo,$(CONFIG_LIBFOO))): built when enabled.
addlib_s = $(if $(filter y,$(2)),$(addlib),$(_uk_lib_off))

# $(eval $(call addplatlib,kvm,libkvmplat)): built for that platform only.
_uk_platlib_on = $(call _uk_lib_vars,$(2))$(newline)UK_PLATLIBS_$(1) += $(2)
addplatlib = $(if $(filter $(1),$(UK_PLATS)),$(_uk_platlib_on),$(call _uk_lib_off,$(2)))
addplatlib_s = $(if $(filter y,$(3)),$(call addplatlib,$(1),$(2)),$(call _uk_lib_off,$(2)))

# $(eval $(call fetch,libfoo,URL[,FILE])): libfoo's sources come from the
# archive at URL (FILE: its name in the cache, default the URL's last
# part), unpacked into $(LIBFOO_ORIGIN) before any of them is compiled
# (support/scripts/fetch: cached, checked against $(LIBFOO_SHA256) when
# the Makefile.uk sets it, so offline builds work once it is cached).
define fetch
$(if $(findstring ',$(2)$(3)),$(error $(_uk_dir)/Makefile.uk: fetch's URL \
	or file name has a quote: Kiln cannot fetch it))
$(call uc,$(1))_ORIGIN := $(O)/$(1)/origin
$(call uc,$(1))_FETCH := $(2) $(or $(3),$(notdir $(2)))
endef

# Only the selected architecture's directory (arch/x86/x86_64, arch/arm/arm64).
UK_MAKEFILES := $(wildcard $(UK_ROOT)/arch/*/$(UK_ARCH)/Makefile.uk) \
	$(sort $(wildcard $(UK_ROOT)/plat/*/Makefile.uk)) \
	$(sort $(wildcard $(UK_ROOT)/lib/*/Makefile.uk)) \
	$(addsuffix /Makefile.uk,$(UK_EXTLIBS)) \
	$(wildcard $(A)/Makefile.uk)

$(foreach d,$(sort $(UK_EXTLIBS)),$(if $(filter-out 1,$(words $(filter \
	$(d),$(UK_EXTLIBS)))),$(error L= names $(d) twice)))

ifneq ($(UK_NEEDS_CONFIG),)
$(foreach f,$(kiln-not-regular $(UK_MAKEFILES)),$(error $(f) is not a \
	regular file))
$(foreach f,$(UK_MAKEFILES),$(eval _uk_dir := $(patsubst %/,%,$(dir \
	$(f))))$(eval _uk_in_app := $(filter $(A)/Makefile.uk,$(f)))$(eval \
	include $(f)))
_uk_in_app :=
endif

UK_ALL_PLATLIBS := $(foreach p,$(UK_PLATS),$(UK_PLATLIBS_$(p)))
UK_ALL_LIBS := $(UK_LIBS) $(UK_ALL_PLATLIBS)

# The app registers a library, and something must give it main(): its
# own sources, or an L= library (Unikraft apps such as app-redis have no
# sources of their own). Checked once the configuration is read, before
# anything is compiled; a typo such as APPFOO_SRC-y is named.
app_srcs = $(strip $($(1)_SRCS-y) $($(1)_CARGO-y) $($(1)_ALIBS-y))
app_typos = $(filter-out $(1)_SRCS-y,$(filter $(1)_SRC% $(1)_SOURCE%,$(.VARIABLES)))
ifneq ($(CONFIG_UK_ARCH),)
$(if $(UK_APP_LIBS),,$(error A=$(A): its Makefile.uk registers no library \
	(it needs $$(eval $$(call addlib,app$(UK_NAME))))))
$(foreach l,$(filter $(UK_APP_LIBS),$(UK_ALL_LIBS)),$(if $(call \
	app_srcs,$(call uc,$(l))),,$(if $(call app_typos,$(call uc,$(l))),$(error \
	A=$(A): the app lists no sources in $(call uc,$(l))_SRCS-y (its \
	Makefile.uk sets $(call app_typos,$(call uc,$(l))) instead)),$(if \
	$(UK_EXTLIBS),,$(error A=$(A): the app lists no sources \
	($(call uc,$(l))_SRCS-y) and no L= library could provide main())))))
endif

# Every enabled library's include/ directory is on every compile line.
UK_LIB_INCLUDES := $(addprefix -I,$(wildcard $(foreach l,$(UK_ALL_LIBS),\
	$($(call uc,$(l))_BASE)/include)))

# --- Sources to objects ----------------------------------------------------
# A source is "path" or "path|variant"; a relative path is taken from the
# library's directory. Objects mirror the source tree under $(O)/<lib>/;
# sources from a fetched archive go under _origin/, from elsewhere in
# Kiln under _kiln/, others under _ext/.
src_file = $(firstword $(subst |, ,$(1)))
src_variant = $(word 2,$(subst |, ,$(1)))
src_abs = $(if $(filter /%,$(1)),$(1),$($(2)_BASE)/$(1))
src_rel = $(if $(filter $($(2)_BASE)/%,$(1)),$(patsubst $($(2)_BASE)/%,%,$(1)),$(if \
	$(and $($(2)_ORIGIN),$(filter $($(2)_ORIGIN)/%,$(1))),_origin/$(patsubst \
	$($(2)_ORIGIN)/%,%,$(1)),$(if $(filter $(UK_ROOT)/%,$(1)),_kiln/$(patsubst \
	$(UK_ROOT)/%,%,$(1)),_ext$(1))))
# The object keeps the source's extension (a.c -> a.c.o, a.S -> a.S.o,
# a.c|isr -> a.c.isr.o), so a.c and a.S in one directory never clash.
obj_of = $(O)/$(1)/$(if $(filter %.lds.S,$(3)),$(patsubst %.S,%,$(3)),$(3)$(if \
	$(4),.$(4)).o)

# add_source lib LIB source: declare one object and what it is made from.
define add_source
_uk_src := $(call src_abs,$(call src_file,$(3)),$(2))
_uk_var := $(call src_variant,$(3))
_uk_obj := $$(call obj_of,$(1),$(2),$$(call src_rel,$$(_uk_src),$(2)),$$(_uk_var))
$$(_uk_obj): $$(_uk_src) | $$(dir $$(_uk_obj))
src_of.$$(_uk_obj) := $$(_uk_src)
lib_of.$$(_uk_obj) := $(1)
var_of.$$(_uk_obj) := $$(_uk_var)
objs_of.$(1) := $$(objs_of.$(1)) $$(_uk_obj)
endef

$(foreach l,$(UK_ALL_LIBS),$(foreach s,$($(call uc,$(l))_SRCS-y),$(eval \
	$(call add_source,$(l),$(call uc,$(l)),$(s)))))

# A fetched library's sources exist once its archive is unpacked (the
# stamp); they are never rebuilt from it, so a no-op build starts nothing.
fetched = $($(1)_ORIGIN)/.fetched-$(word 2,$($(1)_FETCH))
# Every object of the library waits for the archive (its headers come
# from it too); its own sources are made by unpacking it, nothing else.
define fetch_rule
$(objs_of.$(1)): | $(call fetched,$(2))
$(foreach f,$(sort $(filter $($(2)_ORIGIN)/%,$(foreach \
	o,$(objs_of.$(1)),$(src_of.$(o))))),$(f): ;$(newline))
$(call fetched,$(2)):
	$$(Q)$$(call show,FETCH,$(1) $(word 2,$($(2)_FETCH)))$(UK_ROOT)/support/scripts/fetch \
		'$(call sq,$(word 1,$($(2)_FETCH)))' '$($(2)_SHA256)' $($(2)_ORIGIN) \
		'$(call sq,$(word 2,$($(2)_FETCH)))'
endef
$(foreach l,$(UK_ALL_LIBS),$(if $($(call uc,$(l))_FETCH),$(eval $(call \
	fetch_rule,$(l),$(call uc,$(l))))))

UK_ALL_OBJS := $(foreach l,$(UK_ALL_LIBS),$(objs_of.$(l)))
UK_LDS := $(filter %.lds,$(UK_ALL_OBJS))
UK_CC_OBJS := $(filter-out %.lds,$(UK_ALL_OBJS))

# Prelinked library objects: $(O)/libfoo.o, one per library with code.
prelinked = $(foreach l,$(1),$(if $(filter %.o,$(objs_of.$(l))),$(O)/$(l).o))
UK_ALIBS := $(foreach l,$(UK_ALL_LIBS),$($(call uc,$(l))_ALIBS-y)) $(UK_ALIBS-y)
