/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The CMOS real-time clock (MC146818 and its successors, ports 0x70 and
 * 0x71), what QEMU's pc and q35 always have and microvm has under TCG.
 * It counts whole seconds in local time by convention, which on a
 * virtual machine is UTC (QEMU's default -rtc base=utc). Read between
 * its once-a-second updates, twice until both reads agree.
 */
#include <uk/asm/io.h>
#include <uk/plat/common/wallclock.h>
#include "kvm.h"

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71

#define RTC_SEC		0x00
#define RTC_MIN		0x02
#define RTC_HOUR	0x04
#define RTC_DAY		0x07
#define RTC_MON		0x08
#define RTC_YEAR	0x09
#define RTC_A		0x0a
#define RTC_B		0x0b
#define RTC_A_UIP	0x80	/* an update is in progress (or near) */
#define RTC_B_24H	0x02
#define RTC_B_BIN	0x04	/* binary, not BCD */
#define RTC_HOUR_PM	0x80	/* in 12-hour mode */
/* An update takes under 2 ms: far more polls than that gives up. */
#define UIP_POLLS	100000
#define READS_MAX	5

struct rtc_time {
	unsigned int sec, min, hour, day, mon, year, cent;
};

static unsigned int cmos(unsigned int reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static unsigned int bin(unsigned int v, unsigned int b)
{
	return b & RTC_B_BIN ? v : (v >> 4) * 10 + (v & 15);
}

/* All fields, outside an update; -1 when the update never ends. */
static int rtc_read(struct rtc_time *t, unsigned int cent_reg)
{
	long i;

	for (i = 0; cmos(RTC_A) & RTC_A_UIP; i++)
		if (i == UIP_POLLS)
			return -1;
	t->sec = cmos(RTC_SEC);
	t->min = cmos(RTC_MIN);
	t->hour = cmos(RTC_HOUR);
	t->day = cmos(RTC_DAY);
	t->mon = cmos(RTC_MON);
	t->year = cmos(RTC_YEAR);
	t->cent = cent_reg ? cmos(cent_reg) : 0;
	return 0;
}

static int same(const struct rtc_time *a, const struct rtc_time *b)
{
	return a->sec == b->sec && a->min == b->min && a->hour == b->hour &&
	       a->day == b->day && a->mon == b->mon && a->year == b->year &&
	       a->cent == b->cent;
}

uint64_t kvm_rtc_ns(void)
{
	struct rtc_time t, u;
	unsigned int b, cent_reg, pm, year;
	int i;

	/* No device answers a missing RTC's ports: all bits read 1. */
	if (cmos(RTC_A) == 0xff)
		return 0;
	b = cmos(RTC_B);
	cent_reg = kvm_acpi_century();
	/* The CMOS holds 128 bytes; indices 0-13 are the clock's own. */
	if (cent_reg < 14 || cent_reg > 127)
		cent_reg = 0;
	if (rtc_read(&u, cent_reg))
		return 0;
	for (i = 0; ; i++) {
		t = u;
		if (rtc_read(&u, cent_reg))
			return 0;
		if (same(&t, &u))
			break;
		if (i == READS_MAX)
			return 0;
	}
	pm = !(b & RTC_B_24H) && (t.hour & RTC_HOUR_PM);
	t.hour = bin(t.hour & ~RTC_HOUR_PM, b);
	if (!(b & RTC_B_24H))
		t.hour = t.hour % 12 + (pm ? 12 : 0);	/* 12 AM is 0 */
	t.sec = bin(t.sec, b);
	t.min = bin(t.min, b);
	t.day = bin(t.day, b);
	t.mon = bin(t.mon, b);
	year = bin(t.year, b) + (cent_reg ? bin(t.cent, b) * 100 : 2000);
	if (t.sec > 59 || t.min > 59 || t.hour > 23 || !t.day ||
	    t.day > 31 || !t.mon || t.mon > 12 || year < 1970 || year > 9999)
		return 0;	/* not a clock, or one never set */
	return plat_epoch_sec(year, t.mon, t.day, t.hour, t.min, t.sec) *
	       1000000000ULL;
}
