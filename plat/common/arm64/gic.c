/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt controller: GICv2 or GICv3, whichever the device tree names.
 * Distributor and this CPU's interface on, everything allowed by
 * priority, and the virtual timer's PPI enabled in group 1; devices'
 * SPIs (virtio-mmio) as drivers register them, level-sensitive, to this
 * CPU; then acknowledging, dispatching and ending an IRQ. Interrupts
 * stay masked in PSTATE except inside ukplat_idle() and threads.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/common/arm64/boot.h>

#define PRIO_DEFAULT	0xa0
#define PMR_ALL		0xf0
#define POLL_MAX	1000000	/* a broken GIC must not hang us */

/* Distributor (both versions) */
#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_IPRIORITYR	0x0400
#define GICD_ITARGETSR	0x0800	/* v2 */
#define GICD_ICFGR	0x0c00
#define GICD_IROUTER	0x6000	/* v3 */
#define GICD_CTLR_RWP	(1U << 31)
#define GICD_CTLR_G0	(1U << 0)	/* v2: enable; v3: group 0 / 1NS */
#define GICD_CTLR_G1	(1U << 1)
#define GICD_CTLR_ARE	(1U << 4)	/* v3: affinity routing */

/* GICv2 CPU interface */
#define GICC_CTLR	0x0000
#define GICC_PMR	0x0004
#define GICC_IAR	0x000c
#define GICC_EOIR	0x0010

/* GICv3 redistributor: RD frame, then SGI frame 64 KiB later */
#define GICR_TYPER	0x0008
#define GICR_WAKER	0x0014
#define GICR_SGI	0x10000
#define GICR_IGROUPR0	(GICR_SGI + 0x0080)
#define GICR_ISENABLER0	(GICR_SGI + 0x0100)
#define GICR_IPRIORITYR	(GICR_SGI + 0x0400)
#define GICR_TYPER_VLPIS (1U << 1)
#define GICR_TYPER_LAST	(1U << 4)
#define GICR_WAKER_SLEEP (1U << 1)
#define GICR_WAKER_ASLEEP (1U << 2)

#define GIC_SPURIOUS	1020	/* IDs from here: nothing to end */
#define SPI_FIRST	32
#define SPI_HANDLERS	64	/* SPIs 32-95: virt's devices are below */


static int gic_version;
static uint64_t gicd, gicc_or_gicr, gicr_len;

static struct {
	ukplat_irq_fn fn;
	void *arg;
} spi[SPI_HANDLERS];

static inline uint32_t rd32(uint64_t a)
{
	return *(volatile uint32_t *)a;
}

static inline void wr32(uint64_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

static inline void wr8(uint64_t a, uint8_t v)
{
	*(volatile uint8_t *)a = v;
}

static void poll_clear(uint64_t a, uint32_t bits)
{
	int i;

	for (i = 0; i < POLL_MAX && (rd32(a) & bits); i++)
		ukarch_pause();
}

void arm64_gic_probe(const struct fdt_node *n)
{
	uint64_t size;
	int v;

	if (gic_version)
		return;
	if (fdt_compatible(n, "arm,gic-v3"))
		v = 3;
	else if (fdt_compatible(n, "arm,cortex-a15-gic") ||
		 fdt_compatible(n, "arm,gic-400"))
		v = 2;
	else
		return;
	/* Both frames or neither: half a GIC is not mapped. */
	if (fdt_reg(n, 0, &gicd, &size) ||
	    fdt_reg(n, 1, &gicc_or_gicr, &gicr_len))
		return;
	arm64_mmio_map(gicd, size);
	arm64_mmio_map(gicc_or_gicr, gicr_len);
	gic_version = v;
}

static void gicv2_init(void)
{
	unsigned int irq = arm64_timer_irq;

	if (irq) {
		wr8(gicd + GICD_IPRIORITYR + irq, PRIO_DEFAULT);
		wr32(gicd + GICD_ISENABLER, 1U << irq);
	}
	wr32(gicd + GICD_CTLR, GICD_CTLR_G0);
	wr32(gicc_or_gicr + GICC_PMR, PMR_ALL);
	wr32(gicc_or_gicr + GICC_CTLR, 1);
}

/* This CPU's redistributor: the frame whose affinity is ours. */
static uint64_t gicv3_redist(void)
{
	uint64_t mpidr = ukarch_read_sysreg(mpidr_el1);
	uint64_t aff = (mpidr >> 32 & 0xff) << 24 | (mpidr & 0xffffff);
	uint64_t rd, typer;

	for (rd = gicc_or_gicr; rd < gicc_or_gicr + gicr_len;) {
		typer = *(volatile uint64_t *)(rd + GICR_TYPER);
		if (typer >> 32 == aff)
			return rd;
		if (typer & GICR_TYPER_LAST)
			break;
		rd += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
	}
	return 0;
}

static void gicv3_init(void)
{
	unsigned int irq = arm64_timer_irq;
	uint64_t rd;

	/* Affinity routing first: the groups may only be enabled after. */
	wr32(gicd + GICD_CTLR, GICD_CTLR_ARE);
	poll_clear(gicd + GICD_CTLR, GICD_CTLR_RWP);
	wr32(gicd + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_G1 | GICD_CTLR_G0);
	poll_clear(gicd + GICD_CTLR, GICD_CTLR_RWP);

	rd = gicv3_redist();
	if (rd) {
		wr32(rd + GICR_WAKER,
		     rd32(rd + GICR_WAKER) & ~GICR_WAKER_SLEEP);
		poll_clear(rd + GICR_WAKER, GICR_WAKER_ASLEEP);
		wr32(rd + GICR_IGROUPR0, ~0U);
		if (irq) {
			wr8(rd + GICR_IPRIORITYR + irq, PRIO_DEFAULT);
			wr32(rd + GICR_ISENABLER0, 1U << irq);
		}
	}

	ukarch_write_sysreg(ARM64_ICC_SRE_EL1,
			    ukarch_read_sysreg(ARM64_ICC_SRE_EL1) | 1);
	ukarch_isb();
	ukarch_write_sysreg(ARM64_ICC_PMR_EL1, PMR_ALL);
	ukarch_write_sysreg(ARM64_ICC_IGRPEN1_EL1, 1);
	ukarch_isb();
}

void arm64_gic_init(void)
{
	if (gic_version == 3)
		gicv3_init();
	else if (gic_version == 2)
		gicv2_init();
}

int arm64_gic_timer_ok(void)
{
	return gic_version && arm64_timer_irq;
}

unsigned int arm64_gic_irq(void)
{
	uint64_t iar;
	unsigned int id;

	if (gic_version == 3)
		iar = ukarch_read_sysreg(ARM64_ICC_IAR1_EL1);
	else
		iar = rd32(gicc_or_gicr + GICC_IAR);
	id = iar & 0xffffff;
	if (gic_version == 2)
		id &= 0x3ff;
	if (id >= GIC_SPURIOUS)
		return 0;
	/* The line quieted first (its handler acknowledges the device):
	 * level-triggered, it must be low before the end.
	 */
	if (id == arm64_timer_irq)
		arm64_timer_disarm();
	else if (id - SPI_FIRST < SPI_HANDLERS && spi[id - SPI_FIRST].fn)
		spi[id - SPI_FIRST].fn(spi[id - SPI_FIRST].arg);
	else
		return id;
	if (gic_version == 3) {
		ukarch_write_sysreg(ARM64_ICC_EOIR1_EL1, iar);
		ukarch_isb();
	} else {
		wr32(gicc_or_gicr + GICC_EOIR, iar);
	}
	return 0;
}

/* This CPU's affinity as GICD_IROUTER wants it (Aff3 at 32-39). */
static uint64_t affinity(void)
{
	uint64_t mpidr = ukarch_read_sysreg(mpidr_el1);

	return (mpidr & 0xff00000000ULL) | (mpidr & 0xffffff);
}

int ukplat_irq_register(unsigned int irq, ukplat_irq_fn fn, void *arg)
{
	unsigned int n = irq - SPI_FIRST, lines;
	unsigned long fl;
	uint32_t cfg;

	if (!gic_version || irq < SPI_FIRST || n >= SPI_HANDLERS)
		return -1;
	lines = ((rd32(gicd + GICD_TYPER) & 0x1f) + 1) * 32;
	if (irq >= lines)
		return -1;
	fl = ukarch_irq_save();
	spi[n].fn = fn;
	spi[n].arg = arg;
	cfg = rd32(gicd + GICD_ICFGR + irq / 16 * 4);
	wr32(gicd + GICD_ICFGR + irq / 16 * 4, cfg & ~(2U << irq % 16 * 2));
	wr8(gicd + GICD_IPRIORITYR + irq, PRIO_DEFAULT);
	if (gic_version == 3) {
		/* Group 1, as the timer's: the CPU interface takes only it. */
		wr32(gicd + GICD_IGROUPR + irq / 32 * 4,
		     rd32(gicd + GICD_IGROUPR + irq / 32 * 4) |
		     1U << irq % 32);
		*(volatile uint64_t *)(gicd + GICD_IROUTER + irq * 8) =
			affinity();
	} else {
		wr8(gicd + GICD_ITARGETSR + irq, 1);	/* CPU interface 0 */
	}
	wr32(gicd + GICD_ISENABLER + irq / 32 * 4, 1U << irq % 32);
	ukarch_irq_restore(fl);
	return 0;
}
