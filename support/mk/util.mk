# SPDX-License-Identifier: BSD-3-Clause
# Small helpers used by every other build file.

empty :=
space := $(empty) $(empty)
comma := ,
define newline


endef

# uc: upper case, '-' and '.' become '_' (library name -> variable prefix).
uc = $(subst -,_,$(subst .,_,$(subst z,Z,$(subst y,Y,$(subst x,X,$(subst w,W,$(subst v,V,$(subst u,U,$(subst t,T,$(subst s,S,$(subst r,R,$(subst q,Q,$(subst p,P,$(subst o,O,$(subst n,N,$(subst m,M,$(subst l,L,$(subst k,K,$(subst j,J,$(subst i,I,$(subst h,H,$(subst g,G,$(subst f,F,$(subst e,E,$(subst d,D,$(subst c,C,$(subst b,B,$(subst a,A,$(1)))))))))))))))))))))))))))))

# str_neq: non-empty when the two strings differ.
str_neq = $(subst $(1),,$(2))$(subst $(2),,$(1))

# sq: quote for the shell inside single quotes.
sq = $(subst ','\'',$(1))

# Rewrite file $(1) with text $(2) only when it differs, so its mtime only
# moves on real changes (make reads it back without starting a process).
# Whitespace is not compared: make 4.3's $(file <) sometimes keeps the
# file's last newline.
write_if_changed = $(if $(call str_neq,$(strip $(file <$(1))),$(strip \
	$(2))),$(file >$(1),$(2)))

# One quiet line per step: "  CC      libfoo/a.o". V=1 shows commands instead.
ifeq ($(V),1)
show =
else
show = printf '  %-7s %s\n' '$(1)' '$(2)';
endif

# on_path: the tool's full path when it is on $PATH (no process started).
on_path = $(firstword $(wildcard $(if $(findstring /,$(1)),$(1),$(addsuffix \
	/$(1),$(subst :, ,$(PATH))))))
