# SPDX-License-Identifier: BSD-3-Clause
# Booting, testing and measuring.

.PHONY: run test bench

# The whole suite: host tools for every target pair first, then prove.
test:
	$(Q)$(UK_ROOT)/support/scripts/deps --test $(UK_TARGETS)
	$(Q)prove -r -j2 $(UK_ROOT)/tests/
