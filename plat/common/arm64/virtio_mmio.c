/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device tree's virtio-mmio transports ("virtio,mmio" nodes; QEMU's
 * virt has 32 of 512 bytes each from 0x0a000000, with or without a
 * device behind them), noted during the boot walk and mapped with the
 * other device registers. lib/ukvirtio asks for them through
 * ukplat_virtio_mmio() (uk/plat/device.h).
 */
#include <uk/essentials.h>
#include <uk/plat/device.h>
#include <uk/plat/common/arm64/boot.h>

#define VIRTIO_MMIO_MAX	64
/* Transports this close together are mapped as one range. */
#define GAP_MAX		0x10000UL

static struct {
	uint64_t base, size;
	unsigned int irq;
} tr[VIRTIO_MMIO_MAX];
static int tr_nr;

/* interrupts = <type number flags> with a GIC parent: SPIs (type 0)
 * are numbered from 32, PPIs (type 1) from 16.
 */
static unsigned int irq_of(const struct fdt_node *n)
{
	uint32_t len, type, nr;
	const void *p = fdt_prop(n, "interrupts", &len);

	if (!p || len < 8)
		return 0;
	type = fdt_cells(p, 1);
	nr = fdt_cells((const char *)p + 4, 1);
	return nr + (type == 1 ? 16 : 32);
}

void arm64_virtio_probe(const struct fdt_node *n)
{
	uint64_t base, size;

	if (!fdt_compatible(n, "virtio,mmio") || tr_nr == VIRTIO_MMIO_MAX)
		return;
	if (fdt_reg(n, 0, &base, &size) || !size)
		return;
	tr[tr_nr].base = base;
	tr[tr_nr].size = size;
	tr[tr_nr].irq = irq_of(n);
	tr_nr++;
}

/* Runs of transports (in tree order: QEMU lists them from the highest
 * address down) less than GAP_MAX apart, one range each (QEMU's 32
 * make one).
 */
void arm64_virtio_map(void)
{
	uint64_t b, e;
	int i, j;

	for (i = 0; i < tr_nr; i = j) {
		b = tr[i].base;
		e = tr[i].base + tr[i].size;
		for (j = i + 1; j < tr_nr; j++) {
			if (tr[j].base > e + GAP_MAX ||
			    tr[j].base + tr[j].size + GAP_MAX < b)
				break;
			b = MIN(b, tr[j].base);
			e = MAX(e, tr[j].base + tr[j].size);
		}
		arm64_mmio_map(b, e - b);
	}
}

int ukplat_virtio_mmio(int i, uint64_t *base, uint64_t *size,
		       unsigned int *irq)
{
	if (i < 0 || i >= tr_nr)
		return -1;
	*base = tr[i].base;
	*size = tr[i].size;
	*irq = tr[i].irq;
	return 0;
}
