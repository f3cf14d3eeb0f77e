/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>

__thread int errno;
