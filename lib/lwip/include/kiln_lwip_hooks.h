/* SPDX-License-Identifier: BSD-3-Clause */
/* lwIP's hooks Kiln uses (LWIP_HOOK_FILENAME). */
#ifndef __KILN_LWIP_HOOKS_H__
#define __KILN_LWIP_HOOKS_H__

struct pbuf;

/* A DHCP option lwIP does not decode itself: netif.c keeps the DNS
 * servers' (option 6) for /etc/resolv.conf.
 */
void kiln_dhcp_option(unsigned char option, unsigned char len,
		      struct pbuf *p, unsigned short offset);
#define LWIP_HOOK_DHCP_PARSE_OPTION(netif, dhcp, state, msg, type, option, \
				    len, pbuf, offset)			   \
	((void)(msg), kiln_dhcp_option(option, len, pbuf, offset))

#endif /* __KILN_LWIP_HOOKS_H__ */
