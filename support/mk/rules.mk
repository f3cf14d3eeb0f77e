# SPDX-License-Identifier: BSD-3-Clause
#
# The generic rules: compile, preprocess linker scripts, prelink.
#
# Each output records the command that made it in .<name>.cmd (kbuild's
# if_changed idea). Every rule depends on FORCE but its recipe expands to
# nothing unless a prerequisite is newer or missing, or the command
# changed: a no-op build starts no process. Outputs are written to
# <name>.tmp and committed by fixdep (rename), so an interrupted build
# leaves nothing that make takes for current.

cmd_file = $(dir $(1)).$(notdir $(1)).cmd
-include $(foreach o,$(UK_ALL_OBJS) $(call prelinked,$(UK_ALL_LIBS)),$(wildcard \
	$(call cmd_file,$(o))))

why_remake = $(filter-out FORCE,$?)$(filter-out FORCE $(wildcard $^),$^)$(call \
	str_neq,$(strip $(cmd_$@)),$(strip $(1)))
# commit depfile|-: record the command, then rename $@.tmp to $@.
commit = KILN_CONFIG_DIR=$(UK_CONFIG_DIR) $(FIXDEP) $(1) $@ $(call \
	cmd_file,$@) '$(call sq,$(strip $(cmd_$(2))))'
if_changed = $(if $(call why_remake,$(cmd_$(1))),$(call \
	show,$(quiet_$(1)),$(@:$(O)/%=%))$(cmd_$(1)) && $(call commit,-,$(1)))
if_changed_dep = $(if $(call why_remake,$(cmd_$(1))),$(call \
	show,$(quiet_$(1)),$(@:$(O)/%=%))$(cmd_$(1)) && $(call commit,$@.d,$(1)))

# --- Flags of one object ---------------------------------------------------
# Global, then library, then file (LIBFOO_A_FLAGS-y for a.c), then variant
# (LIBFOO_A_ISR_FLAGS-y for a.c|isr).
o_lib = $(lib_of.$(1))
o_LIB = $(call uc,$(lib_of.$(1)))
o_FILE = $(call o_LIB,$(1))_$(call uc,$(basename $(notdir $(src_of.$(1)))))
o_VAR = $(if $(var_of.$(1)),$(call o_FILE,$(1))_$(call uc,$(var_of.$(1))))
o_defs = -D__LIBNAME__=$(lib_of.$(1)) -D__BASENAME__=$(notdir $(src_of.$(1))) \
	$(if $(var_of.$(1)),-D__VARIANT__=$(var_of.$(1)))
o_own = $($(call o_FILE,$(1))_FLAGS-y) $($(call o_VAR,$(1))_FLAGS-y) $(call o_defs,$(1))
# A full libc's headers (LIBC_ISYSTEM-y) come before the compiler's own.
o_cflags = $(LIBC_ISYSTEM-y) $(UK_COMMONFLAGS-y) $(UK_CFLAGS-y) $(CFLAGS-y) $(UK_CINCLUDES-y) \
	$(CINCLUDES-y) $(UK_LIB_INCLUDES) $($(call o_LIB,$(1))_CINCLUDES-y) \
	$($(call o_LIB,$(1))_CFLAGS-y) $(call o_own,$(1))
o_asflags = $(LIBC_ISYSTEM-y) $(UK_COMMONFLAGS-y) $(UK_ASFLAGS-y) $(ASFLAGS-y) $(UK_CINCLUDES-y) \
	$(ASINCLUDES-y) $(UK_LIB_INCLUDES) $($(call o_LIB,$(1))_ASINCLUDES-y) \
	$($(call o_LIB,$(1))_ASFLAGS-y) $(call o_own,$(1))

# The compile command of object $(1) (also used for compile_commands.json).
cc_cmd = $(CC) $(call $(if $(filter %.S,$(src_of.$(1))),o_asflags,o_cflags),$(1)) \
	-MD -MF $(1).d -c -o $(1).tmp $(src_of.$(1))

quiet_cc = $(if $(filter %.S,$(src_of.$@)),AS,CC)
cmd_cc = $(call cc_cmd,$@)
quiet_lds = LDS
cmd_lds = $(CC) -E -P -x assembler-with-cpp -D__LINKER__ $(call o_asflags,$@) \
	-MD -MF $@.d -MT $@ -o $@.tmp $(src_of.$@)

UK_OBJ_DIRS := $(sort $(dir $(UK_ALL_OBJS)))
$(UK_OBJ_DIRS):
	$(Q)mkdir -p $@

$(UK_ALL_OBJS): | $(FIXDEP)

$(UK_CC_OBJS): FORCE
	$(Q)$(call if_changed_dep,cc)
$(UK_LDS): FORCE
	$(Q)$(call if_changed_dep,lds)

# --- Prelink: one relocatable object per library --------------------------
# Symbols not listed in the library's exportsyms.uk (when it has one) are
# made local, so libraries only see each other through their interfaces.
exportsyms_of = $(wildcard $($(call uc,$(1))_BASE)/exportsyms.uk)
$(foreach l,$(UK_ALL_LIBS),$(eval $(call prelinked,$(l)): $(filter \
	%.o,$(objs_of.$(l))) $(call exportsyms_of,$(l)) | $(FIXDEP)))

p_lib = $(patsubst $(O)/%.o,%,$@)
quiet_prelink = LD
cmd_prelink = $(LD) -r -o $@.tmp $(filter %.o,$(objs_of.$(p_lib)))$(if \
	$(call exportsyms_of,$(p_lib)), && $(OBJCOPY) \
	--keep-global-symbols=$(call exportsyms_of,$(p_lib)) $@.tmp)

$(call prelinked,$(UK_ALL_LIBS)): FORCE
	$(Q)$(call if_changed,prelink)
