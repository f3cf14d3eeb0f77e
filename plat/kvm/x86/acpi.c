/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ACPI soft-off, only needed when there is no isa-debug-exit device, so
 * it runs at shutdown rather than costing boot time. It follows RSDP ->
 * RSDT/XSDT -> FADT, takes the S5 sleep type from the DSDT's \_S5 package
 * and writes it to PM1 control (QEMU pc, q35) or to the sleep control
 * register of hardware-reduced ACPI (QEMU microvm). The RTC asks it for
 * the FADT's century register too, lib/ukvirtio for microvm's
 * virtio-mmio transports (the DSDT's LNRO0005 devices), ioapic.c for
 * the MADT's I/O APICs. Tables are read
 * only where the page tables in use map them.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/io.h>
#include <uk/plat/device.h>
#include <uk/plat/common/x86/boot.h>
#include "kvm.h"

#define SIG32(a, b, c, d) ((a) | (b) << 8 | (c) << 16 | (uint32_t)(d) << 24)
#define RSDP_SIG	0x2052545020445352ULL	/* "RSD PTR " */
#define SDT_HDR_LEN	36
#define ADDR_MAX	0xffff0000UL	/* what the boot tables reach */

/* FADT fields (byte offsets) */
#define FADT_DSDT	40
#define FADT_PM1A_CNT	64
#define FADT_PM1B_CNT	68
#define FADT_CENTURY	108
#define FADT_FLAGS	112
#define FADT_X_DSDT	140
#define FADT_SLEEP_CTL	244	/* generic address: space, ..., addr */
#define FADT_HW_REDUCED	(1 << 20)

#define PM1_SLP_TYP_SHIFT 10
#define PM1_SLP_EN	(1 << 13)
#define SLEEP_TYP_SHIFT	2
#define SLEEP_EN	(1 << 5)
#define QEMU_PM1A_CNT	0x604	/* PM base 0x600, set by QEMU's BIOS */

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static int checksum_ok(const uint8_t *p, uint32_t len)
{
	uint8_t sum = 0;

	while (len--)
		sum += *p++;
	return !sum;
}

/* Whether [addr, addr + len) is mapped (len > 0, within ADDR_MAX). */
static int mapped(uint64_t addr, uint64_t len)
{
	uint64_t p;

	for (p = addr & ~0xfffUL; p < addr + len; p += 0x1000)
		if (!x86_paging_readable(p))
			return 0;
	return 1;
}

/* A table at addr with the signature, or NULL. */
static const uint8_t *sdt(uint64_t addr, uint32_t sig)
{
	const uint8_t *t = (const uint8_t *)(uintptr_t)addr;

	if (!addr || addr > ADDR_MAX - SDT_HDR_LEN ||
	    !mapped(addr, SDT_HDR_LEN) || rd32(t) != sig)
		return NULL;
	if (rd32(t + 4) < SDT_HDR_LEN || addr + rd32(t + 4) > ADDR_MAX ||
	    !mapped(addr, rd32(t + 4)))
		return NULL;
	return t;
}

static const uint8_t *rsdp_find(void)
{
	uintptr_t p;

	if (x86_rsdp && x86_rsdp < ADDR_MAX && mapped(x86_rsdp, 36))
		return (const uint8_t *)(uintptr_t)x86_rsdp;
	/* The BIOS read-only area; QEMU's firmware puts it there. Checked
	 * once as a whole, not per 16 bytes.
	 */
	if (!mapped(0xe0000, 0x20000))
		return NULL;
	for (p = 0xe0000; p < 0x100000; p += 16)
		if (rd64((const uint8_t *)p) == RSDP_SIG &&
		    checksum_ok((const uint8_t *)p, 20))
			return (const uint8_t *)p;
	return NULL;
}

/* The root table's first entry with signature sig, or NULL. */
static const uint8_t *table_find(const uint8_t *rsdp, uint32_t sig)
{
	const uint8_t *t;
	uint32_t i, len, esz = 8;

	t = rsdp[15] >= 2 ? sdt(rd64(rsdp + 24), SIG32('X', 'S', 'D', 'T'))
			  : NULL;
	if (!t) {
		t = sdt(rd32(rsdp + 16), SIG32('R', 'S', 'D', 'T'));
		esz = 4;
	}
	if (!t)
		return NULL;
	len = rd32(t + 4);
	for (i = SDT_HDR_LEN; i + esz <= len; i += esz) {
		uint64_t a = esz == 8 ? rd64(t + i) : rd32(t + i);
		const uint8_t *f = sdt(a, sig);

		if (f)
			return f;
	}
	return NULL;
}

static const uint8_t *fadt_find(const uint8_t *rsdp)
{
	return table_find(rsdp, SIG32('F', 'A', 'C', 'P'));
}

/* SLP_TYPa of \_S5 ("_S5_" PackageOp PkgLength NumElements value). */
static unsigned int s5_sleep_type(const uint8_t *dsdt)
{
	const uint8_t *p = dsdt + SDT_HDR_LEN;
	const uint8_t *end = dsdt + rd32(dsdt + 4);
	const uint8_t *v;

	/* 8 bytes at least: a one-byte PkgLength and ZeroOp or OneOp. */
	for (; end - p >= 8; p++) {
		if (rd32(p) != SIG32('_', 'S', '5', '_') || p[4] != 0x12)
			continue;
		/* PkgLength's lead byte counts its further bytes (0-3). */
		v = p + 7 + (p[5] >> 6);
		if (v >= end)
			break;
		if (*v == 0x0a)		/* BytePrefix */
			return v + 1 < end ? v[1] & 7 : 0;
		return *v == 0x01;	/* OneOp, else ZeroOp */
	}
	return 0;
}

static void pm1_write(uint32_t port, unsigned int typ)
{
	if (port && port < 0x10000)
		outw(port, (inw(port) & ~(7 << PM1_SLP_TYP_SHIFT)) |
			   typ << PM1_SLP_TYP_SHIFT | PM1_SLP_EN);
}

/* The tables lie outside RAM (reserved, or the BIOS area): looked up
 * on the boot page tables, for the moment it takes.
 */
unsigned int kvm_acpi_century(void)
{
	uint64_t cr3 = ukarch_read_cr3();
	const uint8_t *rsdp, *fadt;
	unsigned int c = 0;

	x86_paging_boot_tables();
	rsdp = rsdp_find();
	fadt = rsdp ? fadt_find(rsdp) : NULL;
	if (fadt && rd32(fadt + 4) > FADT_CENTURY)
		c = fadt[FADT_CENTURY];
	ukarch_write_cr3(cr3);
	return c;
}

static const uint8_t *dsdt_find(const uint8_t *fadt)
{
	const uint8_t *dsdt = NULL;

	if (rd32(fadt + 4) >= FADT_X_DSDT + 8)
		dsdt = sdt(rd64(fadt + FADT_X_DSDT), SIG32('D', 'S', 'D', 'T'));
	if (!dsdt)
		dsdt = sdt(rd32(fadt + FADT_DSDT), SIG32('D', 'S', 'D', 'T'));
	return dsdt;
}

/*
 * microvm with ACPI (its default) describes each virtio-mmio transport
 * as a device with _HID "LNRO0005" (a StringPrefix, as QEMU writes it)
 * whose _CRS holds a Memory32Fixed descriptor (0x86, length 9: flags,
 * base, length) and an extended Interrupt (0x89: ..., count, number).
 * A scan for that string, then for the first two descriptors before
 * the next device, as QEMU 7.2 lays them out; not an AML interpreter.
 */
#define VIRTIO_ACPI_MAX	32
static struct {
	uint32_t base, size, irq;
} vm[VIRTIO_ACPI_MAX];
static int vm_nr = -1;

static const char virtio_hid[] = "\x0dLNRO0005";	/* NUL included */

/* Whether the string at p (end - p >= sizeof(virtio_hid)) is it. */
static int is_virtio_hid(const uint8_t *p)
{
	unsigned int i;

	for (i = 0; i < sizeof(virtio_hid); i++)
		if (p[i] != (uint8_t)virtio_hid[i])
			return 0;
	return 1;
}

static void virtio_scan(const uint8_t *dsdt)
{
	const uint8_t *p = dsdt + SDT_HDR_LEN;
	const uint8_t *end = dsdt + rd32(dsdt + 4), *q, *stop;

	for (; end - p >= 32 && vm_nr < VIRTIO_ACPI_MAX; p++) {
		if (!is_virtio_hid(p))
			continue;
		stop = end - p > 256 ? p + 256 : end;
		vm[vm_nr].irq = 0;
		vm[vm_nr].size = 0;
		for (q = p + sizeof(virtio_hid); stop - q >= 12; q++) {
			if (is_virtio_hid(q))
				break;
			if (q[0] == 0x86 && q[1] == 9 && q[2] == 0 &&
			    !vm[vm_nr].size) {
				vm[vm_nr].base = rd32(q + 4);
				vm[vm_nr].size = rd32(q + 8);
			}
			if (q[0] == 0x89 && q[4] >= 1 && !vm[vm_nr].irq)
				vm[vm_nr].irq = rd32(q + 5);
		}
		if (vm[vm_nr].size)
			vm_nr++;
	}
}

int ukplat_virtio_mmio(int i, uint64_t *base, uint64_t *size,
		       unsigned int *irq)
{
	uint64_t cr3;
	const uint8_t *rsdp, *fadt, *dsdt;

	if (vm_nr < 0) {
		vm_nr = 0;
		cr3 = ukarch_read_cr3();
		x86_paging_boot_tables();
		rsdp = rsdp_find();
		fadt = rsdp ? fadt_find(rsdp) : NULL;
		dsdt = fadt ? dsdt_find(fadt) : NULL;
		if (dsdt)
			virtio_scan(dsdt);
		ukarch_write_cr3(cr3);
	}
	if (i < 0 || i >= vm_nr)
		return -1;
	*base = vm[i].base;
	*size = vm[i].size;
	*irq = vm[i].irq;
	return 0;
}

/*
 * The MADT's I/O APICs (entries of type 1, 12 bytes: ID, reserved,
 * address, GSI base). microvm with ACPI has two (GSIs from 0 and 24).
 */
#define IOAPIC_MAX	4
static struct {
	uint32_t addr, gsi_base;
} ioapic[IOAPIC_MAX];
static int ioapic_nr = -1;

static void madt_scan(const uint8_t *madt)
{
	const uint8_t *p = madt + SDT_HDR_LEN + 8;	/* + LAPIC addr, flags */
	const uint8_t *end = madt + rd32(madt + 4);

	for (; end - p >= 2 && p[1] >= 2 && end - p >= p[1]; p += p[1])
		if (p[0] == 1 && p[1] >= 12 && ioapic_nr < IOAPIC_MAX) {
			ioapic[ioapic_nr].addr = rd32(p + 4);
			ioapic[ioapic_nr].gsi_base = rd32(p + 8);
			ioapic_nr++;
		}
}

int kvm_acpi_ioapic(int i, uint64_t *addr, unsigned int *gsi_base)
{
	const uint8_t *rsdp, *madt;
	uint64_t cr3;

	if (ioapic_nr < 0) {
		ioapic_nr = 0;
		cr3 = ukarch_read_cr3();
		x86_paging_boot_tables();
		rsdp = rsdp_find();
		madt = rsdp ? table_find(rsdp, SIG32('A', 'P', 'I', 'C'))
			    : NULL;
		if (madt)
			madt_scan(madt);
		ukarch_write_cr3(cr3);
	}
	if (i < 0 || i >= ioapic_nr)
		return -1;
	*addr = ioapic[i].addr;
	*gsi_base = ioapic[i].gsi_base;
	return 0;
}

void kvm_acpi_poweroff(void)
{
	const uint8_t *rsdp, *fadt, *dsdt = NULL;
	unsigned int typ;
	uint32_t len;

	/* Firmware puts ACPI tables and registers in the low 4 GiB, but
	 * not necessarily in RAM, which is all the normal tables map.
	 */
	x86_paging_boot_tables();
	rsdp = rsdp_find();
	fadt = rsdp ? fadt_find(rsdp) : NULL;
	if (!fadt) {
		pm1_write(QEMU_PM1A_CNT, 0);
		return;
	}
	len = rd32(fadt + 4);
	dsdt = dsdt_find(fadt);
	typ = dsdt ? s5_sleep_type(dsdt) : 0;

	if ((rd32(fadt + FADT_FLAGS) & FADT_HW_REDUCED) &&
	    len >= FADT_SLEEP_CTL + 12) {
		uint64_t a = rd64(fadt + FADT_SLEEP_CTL + 4);
		uint8_t v = typ << SLEEP_TYP_SHIFT | SLEEP_EN;

		if (fadt[FADT_SLEEP_CTL] == 0 && a && a < ADDR_MAX)
			*(volatile uint8_t *)(uintptr_t)a = v;
		else if (fadt[FADT_SLEEP_CTL] == 1 && a < 0x10000)
			outb(a, v);
		return;
	}
	pm1_write(rd32(fadt + FADT_PM1A_CNT), typ);
	pm1_write(rd32(fadt + FADT_PM1B_CNT), typ);
}
