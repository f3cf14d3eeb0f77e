# SPDX-License-Identifier: BSD-3-Clause
#
# Images: one per enabled platform, from that platform's libraries, the
# common libraries and the external archives, linked with the platform's
# linker script (<PLAT>_LDSCRIPT-y, set by the platform's Makefile.uk).
# <app>_<plat>-<arch>.dbg keeps the symbols (its link map is .dbg.map);
# <app>_<plat>-<arch> is stripped.

image_of = $(O)/$(UK_NAME)_$(1)-$(UK_ARCH)
UK_IMAGES := $(foreach p,$(UK_PLATS),$(call image_of,$(p)))

# What platform $(1)'s image is linked from, and with which script.
plat_objs = $(call prelinked,$(UK_PLATLIBS_$(1)) $(UK_LIBS))
plat_ldscript = $(firstword $($(call uc,$(1))_LDSCRIPT-y))
# i_plat: the platform of the image being linked.
i_plat = $(patsubst $(O)/$(UK_NAME)_%-$(UK_ARCH).dbg,%,$@)

# The linked image must pass `ukimg check` for its platform before it is
# committed; a rejected one is kept as <image>.dbg.rejected for a look,
# under a name make never takes for current.
quiet_link = LD
cmd_link = $(LD) $(UK_LDFLAGS-y) $(LDFLAGS-y) -T $(call plat_ldscript,$(i_plat)) \
	-Map=$@.map -o $@.tmp $(call plat_objs,$(i_plat)) $(if $(UK_ALIBS),--start-group $(UK_ALIBS) --end-group) \
	&& { $(UKIMG) check --plat $(i_plat) $@.tmp || { mv -f $@.tmp $@.rejected; \
	echo "error: $(@F) fails ukimg check (kept as $(@F).rejected)" >&2; exit 1; }; }
quiet_strip = STRIP
# An arch may want another image format (e.g. a raw binary on arm64):
# UK_IMAGE_OBJCOPY_FLAGS-y in its Makefile.uk.
cmd_strip = $(OBJCOPY) $(or $(strip $(UK_IMAGE_OBJCOPY_FLAGS-y)),--strip-all) $< $@.tmp

define image_rules
$(call image_of,$(1)).dbg: $(call plat_objs,$(1)) $(call plat_ldscript,$(1)) \
	$(UK_ALIBS) FORCE | $(FIXDEP) $(UKIMG)
	$$(Q)$$(call if_changed,link)
$(call image_of,$(1)): $(call image_of,$(1)).dbg FORCE
	$$(Q)$$(call if_changed,strip)
endef
$(foreach p,$(UK_PLATS),$(eval $(call image_rules,$(p))))
-include $(wildcard $(foreach i,$(UK_IMAGES),$(call cmd_file,$(i)) $(call \
	cmd_file,$(i).dbg)))

.PHONY: all images
all: images
images: $(UK_IMAGES)
ifeq ($(UK_PLATS),)
images: $(call prelinked,$(UK_LIBS))
endif

# make size: where the image's bytes go, per library, largest first.
.PHONY: size
size: images | $(UKIMG)
	$(Q)$(foreach i,$(UK_IMAGES),echo '$(notdir $(i)):' && $(UKIMG) size $(i).dbg &&) true
