/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * /init of make bench's Linux guest for the network figures (built with
 * musl-gcc -static): loads the modules /modules/order lists (one path a
 * line, dependencies first: virtio_pci, virtio_net and theirs), brings
 * up lo and eth0 as 10.0.2.15/24 with the gateway 10.0.2.2 (QEMU's user
 * network, where Kiln's guest gets the same address by DHCP), then
 * becomes /httpd with the arguments after "--" on the kernel command
 * line. Any failure is one line and a power-off: the bench then sees no
 * answer and prints n/a.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "init: %s: %s\n", what, strerror(errno));
	sync();
	reboot(RB_POWER_OFF);
	for (;;)
		pause();	/* pid 1 may not exit */
}

static void load_modules(void)
{
	char line[512];
	FILE *order = fopen("/modules/order", "r");
	int fd;

	if (!order)
		die("/modules/order");
	while (fgets(line, sizeof(line), order)) {
		line[strcspn(line, "\n")] = 0;
		fd = open(line, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			die(line);
		/* Already there (built in, or loaded as a dependency): fine. */
		if (syscall(SYS_finit_module, fd, "", 0) && errno != EEXIST)
			die(line);
		close(fd);
	}
	fclose(order);
}

static void set_addr(struct ifreq *ifr, const char *ip)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr->ifr_addr;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	inet_pton(AF_INET, ip, &sin->sin_addr);
}

/* up: NAME up, with ADDR/24 when ADDR is given. */
static void up(int s, const char *name, const char *addr)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	if (addr) {
		set_addr(&ifr, addr);
		if (ioctl(s, SIOCSIFADDR, &ifr))
			die("SIOCSIFADDR");
		set_addr(&ifr, "255.255.255.0");
		if (ioctl(s, SIOCSIFNETMASK, &ifr))
			die("SIOCSIFNETMASK");
	}
	if (ioctl(s, SIOCGIFFLAGS, &ifr))
		die(name);
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	if (ioctl(s, SIOCSIFFLAGS, &ifr))
		die("SIOCSIFFLAGS");
}

static void default_route(int s, const char *gw)
{
	struct rtentry rt;
	struct sockaddr_in *sin;

	memset(&rt, 0, sizeof(rt));
	sin = (struct sockaddr_in *)&rt.rt_dst;
	sin->sin_family = AF_INET;
	sin = (struct sockaddr_in *)&rt.rt_genmask;
	sin->sin_family = AF_INET;
	sin = (struct sockaddr_in *)&rt.rt_gateway;
	sin->sin_family = AF_INET;
	inet_pton(AF_INET, gw, &sin->sin_addr);
	rt.rt_flags = RTF_UP | RTF_GATEWAY;
	if (ioctl(s, SIOCADDRT, &rt))
		die("SIOCADDRT");
}

int main(int argc, char *argv[])
{
	int s, fd;

	(void)argc;
	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) == 0 &&
	    (fd = open("/dev/console", O_RDWR)) >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	load_modules();
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		die("socket");
	up(s, "lo", NULL);
	up(s, "eth0", "10.0.2.15");
	default_route(s, "10.0.2.2");
	close(s);
	argv[0] = "/httpd";
	execv("/httpd", argv);
	die("/httpd");
}
