/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Console on COM1 (16550). Every port access is a VM exit, so: the UART
 * is set up on first use, not at boot, and the transmit FIFO's 16 bytes
 * are filled after a single status read instead of one per byte.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/io.h>
#include <uk/plat/console.h>
#include <uk/plat/common/console.h>

#define COM1		0x3f8
#define UART_THR	0	/* transmit holding register */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_LSR	5	/* line status */
#define UART_LCR_8N1	0x03
#define UART_FCR_INIT	0x07	/* enable and clear the FIFOs */
#define UART_LSR_THRE	0x20	/* transmit FIFO empty */
#define UART_FIFO_SIZE	16

static int serial_ready;
static unsigned int serial_room;	/* bytes the FIFO surely takes */

static void serial_putc(char c)
{
	if (!serial_room) {
		while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
			ukarch_pause();
		serial_room = UART_FIFO_SIZE;
	}
	outb(COM1 + UART_THR, c);
	serial_room--;
}

void ukplat_console_write(const char *buf, size_t len)
{
	unsigned long fl;

	if (unlikely(!serial_ready)) {
		/* Baud rate left as firmware set it: QEMU ignores it. */
		outb(COM1 + UART_LCR, UART_LCR_8N1);
		outb(COM1 + UART_FCR, UART_FCR_INIT);
		serial_ready = 1;
	}
	/* One writer at a time: a preempted write would interleave. */
	fl = ukarch_irq_save();
	plat_console_crlf(buf, len, serial_putc);
	ukarch_irq_restore(fl);
}
