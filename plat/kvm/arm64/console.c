/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Console on the PL011 UART the device tree names (QEMU virt's at
 * 0x09000000 until then, so even a failing boot can say why). Set up on
 * first use; the transmit FIFO's 32 bytes are filled after one status
 * read, as each register access may be a VM exit.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/console.h>
#include <uk/plat/common/console.h>
#include <uk/plat/common/arm64/boot.h>
#include "kvm.h"

#define PL011_DR	0x00	/* data */
#define PL011_FR	0x18	/* flags */
#define PL011_LCR_H	0x2c	/* line control */
#define PL011_CR	0x30	/* control */
#define PL011_FR_TXFE	(1 << 7)	/* transmit FIFO empty */
#define PL011_LCR_INIT	0x70	/* 8 bits, FIFOs on */
#define PL011_CR_INIT	0x301	/* UART, transmit and receive on */
#define PL011_FIFO_SIZE	32
#define QEMU_VIRT_UART	0x09000000UL

static uint64_t uart = QEMU_VIRT_UART;
static int uart_found, uart_ready;
static unsigned int uart_room;	/* bytes the FIFO surely takes */

static inline uint32_t rd32(unsigned int reg)
{
	return *(volatile uint32_t *)(uart + reg);
}

static inline void wr32(unsigned int reg, uint32_t v)
{
	*(volatile uint32_t *)(uart + reg) = v;
}

void kvm_console_probe(const struct fdt_node *n)
{
	uint64_t size;

	if (uart_found || !fdt_compatible(n, "arm,pl011"))
		return;
	if (fdt_reg(n, 0, &uart, &size))
		return;
	arm64_mmio_map(uart, size);
	uart_found = 1;
}

static void uart_putc(char c)
{
	if (!uart_room) {
		while (!(rd32(PL011_FR) & PL011_FR_TXFE))
			ukarch_pause();
		uart_room = PL011_FIFO_SIZE;
	}
	wr32(PL011_DR, (unsigned char)c);
	uart_room--;
}

void ukplat_console_write(const char *buf, size_t len)
{
	unsigned long fl;

	if (unlikely(!uart_ready)) {
		/* Baud rate left as firmware set it: QEMU ignores it. */
		wr32(PL011_CR, 0);
		wr32(PL011_LCR_H, PL011_LCR_INIT);
		wr32(PL011_CR, PL011_CR_INIT);
		uart_ready = 1;
	}
	/* One writer at a time: a preempted write would interleave. */
	fl = ukarch_irq_save();
	plat_console_crlf(buf, len, uart_putc);
	ukarch_irq_restore(fl);
}
